"""reportgen: the annual 计划执行情况及计划草案 report as a build product."""

__version__ = "0.1.0"
