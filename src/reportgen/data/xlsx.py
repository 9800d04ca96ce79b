"""openpyxl, loaded for the readers and writers of workbooks without numpy: openpyxl imports
numpy, when it can, only to accept numpy's number types as cell values - which reportgen never
gives it - and numpy takes longer to load than openpyxl itself."""

from __future__ import annotations

import sys
from types import ModuleType


def openpyxl() -> ModuleType:
    """The openpyxl package; numpy is left unloaded unless something loaded it already (as
    pandas does for ``series``)."""
    if "openpyxl" in sys.modules:
        return sys.modules["openpyxl"]
    blocked = "numpy" not in sys.modules
    if blocked:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy fails
    try:
        import openpyxl as module
    finally:
        if blocked and sys.modules.get("numpy", False) is None:
            del sys.modules["numpy"]
    return module
