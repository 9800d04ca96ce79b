"""The project's layout settings (reportgen.toml, section [layout]); each field documents itself.

The Word template carries the layout; a key set in reportgen.toml overrides the template's
value at build time, so a district can switch, say, to 28 pt line spacing without opening Word.
``reportgen template`` writes a fresh template from these settings.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from reportgen.characters import forbidden_character
from reportgen.errors import ReportgenError, SourceRef
from reportgen.i18n import _

#: The sizes Word accepts for a font and for exact line spacing, in points; the longest name
#: of a font it keeps.
MIN_POINTS, MAX_POINTS = 1.0, 1584.0
MAX_FONT_NAME = 31


def _doc(text: str, default: Any) -> Any:
    return field(default=default, metadata={"doc": text})


@dataclass(frozen=True)
class Layout:
    title_font: str = _doc("font of the title (二号)", "方正小标宋简体")
    body_font: str = _doc("font of body text, 三级/四级 headings and 称谓", "仿宋_GB2312")
    heading1_font: str = _doc("font of 一、 headings and 专栏 titles", "黑体")
    heading2_font: str = _doc("font of （一） headings, the 会议题注 and 报告单位", "楷体_GB2312")
    page_number_font: str = _doc("font of the — N — page numbers", "宋体")
    latin_font: str = _doc("font of digits and Latin letters everywhere but page numbers",
                           "Times New Roman")
    line_pitch: float = _doc("exact line spacing of body text in pt: 28.95 fills the 版心 with "
                             "22 lines (GB/T 9704); 28 is the common office setting", 28.95)
    char_grid: bool = _doc("fit 28 characters per line with Word's character grid "
                           "(linesAndChars, charSpace -849) instead of -0.25 pt letter spacing on "
                           "三号 text; LibreOffice renders the grid with gaps", False)
    lead_bold: bool = _doc("print a paragraph's run-in lead sentence in bold", True)
    heading3_bold: bool = _doc("print 1. headings (三级标题), and the lead of a run-in one, "
                               "in bold", False)
    box_font_size: float = _doc("font size of 专栏 content in pt (四号 = 14)", 14.0)
    box_line_pitch: float = _doc("exact line spacing inside 专栏 in pt", 22.0)
    table_font_size: float = _doc("font size of indicator-table cells in pt (小四 = 12)", 12.0)
    table_line_pitch: float = _doc("exact line spacing inside indicator tables in pt", 18.0)
    mirror_margins: bool = _doc("mirror the 28/26 mm side margins for double-sided binding",
                                False)


def layout_fields() -> list[tuple[str, Any, str]]:
    return [(f.name, f.default, f.metadata["doc"]) for f in fields(Layout)]


def load_layout(path: Path, ref: SourceRef) -> tuple[Layout, dict[str, Any]]:
    """(full layout, the keys the file sets): the build applies only what the file sets."""
    if not path.is_file():
        return Layout(), {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReportgenError(_("is not valid TOML: {exc}").format(exc=exc), ref) from None
    except OSError as exc:
        raise ReportgenError(_("cannot be read: {strerror}")
                               .format(strerror=exc.strerror), ref) from None
    section = data.get("layout", {})
    if not isinstance(section, dict):
        raise ReportgenError(_("[layout] must be a table of settings"), ref)
    known = {f.name: f for f in fields(Layout)}
    for key, value in section.items():
        if key not in known:
            raise ReportgenError(_("[layout] has no setting 「{key}」; settings: ").format(key=key)
                                 + ", ".join(known), ref)
        expected = type(known[key].default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            section[key] = value = float(value)
        elif not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise ReportgenError(_("[layout] {key} must be {kind}, not {value!r}")
                                   .format(key=key, kind=expected.__name__, value=value), ref)
        if expected is float and not MIN_POINTS <= value <= MAX_POINTS:  # also nan and inf
            raise ReportgenError(_("[layout] {key} must be a size in points from {least:g} "
                                   "to {most:g}, not {value!r}")
                                   .format(key=key, least=MIN_POINTS, most=MAX_POINTS,
                                           value=value), ref)
        if expected is str and (not value.strip() or len(value) > MAX_FONT_NAME
                                or forbidden_character(value)):
            raise ReportgenError(_("[layout] {key} must be a font's name (1 to {most} "
                                   "characters, no control characters), not {value!r}")
                                   .format(key=key, most=MAX_FONT_NAME, value=value), ref)
    return replace(Layout(), **section), dict(section)
