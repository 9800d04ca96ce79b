"""``reportgen init DIR``: a new project for another district - the Word template, the standard
专栏 templates, reportgen.toml, a short 填写说明, and a first year folder with nothing
district-specific: its report.yaml, narrative and 专栏 to edit, and guided workbooks whose
values are all 待填. The year builds as it is, every blank a highlighted placeholder."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from reportgen.console import Console
from reportgen.data.schema import EXECUTION, PLAN, PROJECTS, STATISTICS, TableSchema
from reportgen.errors import ReportgenError
from reportgen.i18n import _
from reportgen.project import BOX_TEMPLATES, BOXES_YAML, NARRATIVE, REPORT_YAML, TEMPLATE

#: The starter's files, copied as they are (report.yaml with its years filled in).
STARTER = "starter"
GUIDE = "填写说明.md"
CONFIG = "reportgen.toml"
FILL = "待填"

#: The indicators nearly every report of the genre carries: (类别, 指标名称, 单位, 属性).
INDICATORS = (
    ("经济发展", "地区生产总值增速", "%", "预期性"),
    ("", "规模以上工业增加值增速", "%", "预期性"),
    ("", "固定资产投资增速", "%", "预期性"),
    ("", "社会消费品零售总额增速", "%", "预期性"),
    ("", "一般公共预算收入增速", "%", "预期性"),
    ("民生福祉", "城镇常住居民人均可支配收入增速", "%", "预期性"),
    ("", "农村常住居民人均可支配收入增速", "%", "预期性"),
    ("", "城镇新增就业人数", "万人", "预期性"),
    ("", "城镇调查失业率", "%", "预期性"),
    ("绿色发展", "单位地区生产总值能耗降低", "%", "约束性"),
    ("", "空气质量优良天数", "天", "约束性"),
)
#: The project list the starter's 专栏 shows, and its columns as headed.
PROJECT_HEADERS = ("类别", "名称", "建设内容", "总投资（亿元）", "年度计划投资（亿元）")


def default_year(today: dt.date) -> int:
    """The plan year a new project most likely starts with: the report is given early in the
    plan year and drafted from the autumn before."""
    return today.year + (1 if today.month >= 7 else 0)


def _starter(name: str) -> bytes:
    return resources.files("reportgen").joinpath(STARTER, name).read_bytes()


def _indicator_sheets(year: int) -> list:  # type: ignore[type-arg]
    from reportgen.data.sheet_writer import OutCell, OutSheet
    from reportgen.draft.sheets import guide

    def sheet(schema: TableSchema, values: dict[str, str]) -> OutSheet:
        columns = [c.name for c in schema.columns
                   if c.required or c.name in ("类别", "序号", "分组", "单位", "属性")]
        out = OutSheet(schema.sheet or "", [_headed(c) for c in columns])
        for number, (category, name, unit, attribute) in enumerate(INDICATORS, start=1):
            row = {"类别": category, "序号": str(number), "指标名称": name, "单位": unit,
                   "属性": attribute, **values}
            out.rows.append([OutCell(row.get(c, "")) for c in columns])
        return guide(out, schema)

    return [sheet(EXECUTION, {"计划目标": FILL, "绝对值": FILL, "增速": FILL}),
            sheet(PLAN, {"计划目标": FILL})]


def _headed(column: str) -> str:
    """A header as the starter writes it: 增速 carries its unit."""
    return "增速（%）" if column == "增速" else column


def _project_sheets() -> list:  # type: ignore[type-arg]
    from reportgen.data.sheet_writer import OutSheet
    from reportgen.draft.sheets import guide

    # no rows: the 专栏 shows the list as still to fill in
    return [guide(OutSheet("重点项目", list(PROJECT_HEADERS)), PROJECTS)]


def _statistics_sheets() -> list:  # type: ignore[type-arg]
    from reportgen.data.sheet_writer import OutSheet
    from reportgen.draft.sheets import guide

    return [guide(OutSheet(STATISTICS.sheet or "", [c.name for c in STATISTICS.columns]),
                  STATISTICS)]


def starter_files(year: int) -> dict[str, bytes]:
    """Every file of a new project, by path relative to its folder."""
    from reportgen.data.sheet_writer import workbook_bytes
    from reportgen.word.layout import Layout
    from reportgen.word.template import make_template
    from reportgen.write import source_date

    stamp = source_date(dt.date(year, 1, 1))
    folder = f"data/{year}"
    report = _starter(REPORT_YAML).decode("utf-8")
    report = report.replace("@上年@", str(year - 1)).replace("@本年@", str(year))
    files = {
        CONFIG: _starter(CONFIG),
        GUIDE: _starter(GUIDE),
        f"templates/{TEMPLATE}": make_template(Layout()),
        f"{folder}/{REPORT_YAML}": report.encode("utf-8"),
        f"{folder}/{BOXES_YAML}": _starter(BOXES_YAML),
        f"{folder}/{NARRATIVE}": _starter(NARRATIVE),
        f"{folder}/indicators.xlsx": workbook_bytes(_indicator_sheets(year), stamp),
        f"{folder}/projects.xlsx": workbook_bytes(_project_sheets(), stamp),
        f"{folder}/statistics.xlsx": workbook_bytes(_statistics_sheets(), stamp),
    }
    boxes = resources.files("reportgen").joinpath(STARTER, BOX_TEMPLATES)
    for entry in sorted(boxes.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            files[f"templates/{BOX_TEMPLATES}/{entry.name}"] = entry.read_bytes()
    return files


def init(target: Path, year: int) -> Path:
    """Create the project folder ``target`` (it may exist if empty); never overwrites."""
    from reportgen.guard import check_outside_inputs, landing
    from reportgen.project import find_root
    from reportgen.write import write_new_folder

    shown = str(target)
    around = find_root(landing(target).parent)  # a project the new one would be inside
    if around is not None:  # never among its inputs (data/, templates/)
        check_outside_inputs(landing(target), around, shown)
    if target.exists():
        if not target.is_dir():
            raise ReportgenError(_("exists and is not a folder"), shown)
        if any(target.iterdir()):
            raise ReportgenError(_("exists and is not empty; reportgen init starts a project in a "
                                   "new or empty folder only"), shown)
        target.rmdir()  # written whole below, or not at all
        try:
            write_new_folder(target, starter_files(year))
        finally:
            target.mkdir(exist_ok=True)  # the empty folder stays if writing failed
        return target
    write_new_folder(target, starter_files(year))
    return target


def run(target: Path, year: int, console: Console) -> int:
    folder = init(target, year)
    console.out(str(folder))
    console.err(_("A project for {year} in {folder}: fill in data/{year}/ (see {guide}), then\n"
                  "  cd {folder}\n  reportgen check {year}\n  reportgen build {year}")
                  .format(year=year, folder=folder, guide=GUIDE))
    return 0
