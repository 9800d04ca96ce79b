"""The report's styles in layout terms - for each style id its font role, size, alignment,
indent, line pitch, outline level, bold - from which ``styling`` writes the Word styles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportgen.word import styles
from reportgen.word.layout import Layout


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph or character style the report uses, in layout terms."""

    style_id: str
    name: str
    kind: str = "paragraph"  # or "character"
    font: str = "body"  # a Layout font role: body, title, heading1, heading2, page_number
    size: float | None = None  # pt; None keeps the Normal size
    align: str | None = None  # left, center, right, both
    indent_chars: float = 0  # first-line indent in characters of this style's size
    line: float | str | None = None  # exact line pitch in pt, or a Layout field name
    snap_to_grid: bool = True
    outline: int | None = None
    keep_next: bool = False
    page_break: bool = False  # start on a new page
    bold: bool | str = False  # or a Layout field name
    letter_spacing: float | None = None  # pt; None: -0.25 for 三号 text on the line grid, else 0
    hang_punctuation: bool = True  # let a closing ，。 hang past the right edge (Word's default)
    #: no single line of a paragraph alone at a page's foot or head: off for body text, whose
    #: pages keep 22 lines (GB/T 9704), on inside 专栏, where a lone line reads as a lost one
    widow_control: bool = False


#: The four heading levels (gongwen §3, §5): style ids alone and run in, font role, bold.
HEADING_LEVELS: tuple[tuple[str, str, str, bool | str], ...] = (
    (styles.HEADING1, styles.HEADING1_RUN_IN, "heading1", False),
    (styles.HEADING2, styles.HEADING2_RUN_IN, "heading2", False),
    (styles.HEADING3, styles.HEADING3_RUN_IN, "body", "heading3_bold"),
    (styles.HEADING4, styles.HEADING4_RUN_IN, "body", False),
)


def heading_styles() -> list[StyleSpec]:
    """Each level's heading, on its own line (kept with the next paragraph) and run into its
    paragraph (which it carries: not kept with the next). A run-in heading is never bold
    itself: the bold of a level-3 lead is its character style's, since a character style
    cannot turn off the bold of its paragraph's style (OOXML toggle properties)."""
    specs = []
    for level, (alone, run_in, font, bold) in enumerate(HEADING_LEVELS):
        common: dict[str, Any] = dict(font=font, align="both", indent_chars=2,
                                      line="line_pitch", outline=level)
        specs += [StyleSpec(alone, f"heading {level + 1}", keep_next=True, bold=bold, **common),
                  StyleSpec(run_in, f"标题 {level + 1}（接排）", **common)]
    return specs


#: The title's look, for the report's and an 附件's. A title line of 20 二号 characters fills
#: the 版心 to 2 pt; -0.5 pt keeps it on one line where a renderer adds space between Chinese
#: and digits (LibreOffice does). Off the line grid: LibreOffice gives a 二号 line two grid
#: lines when the font's height exceeds the pitch (Noto CJK does), Word one; exact spacing
#: off the grid is one line in both.
TITLE_LOOK: dict[str, Any] = dict(font="title", size=22, align="center", line="line_pitch",
                                  letter_spacing=-0.5, snap_to_grid=False)


def report_styles(layout: Layout) -> list[StyleSpec]:
    body_line = "line_pitch"
    return [
        StyleSpec(styles.BODY, "Normal", align="both", indent_chars=2, line=body_line, size=16),
        StyleSpec(styles.TITLE, "报告标题", **TITLE_LOOK),
        StyleSpec(styles.SUBTITLE, "会议题注", font="heading2", align="center", line=body_line),
        StyleSpec(styles.ISSUER, "报告单位", font="heading2", align="center", line=body_line),
        StyleSpec(styles.SALUTATION, "称谓", align="left", line=body_line),
        *heading_styles(),
        # 附件 and its number on the first line of a page, the title on the third (§8.2)
        StyleSpec(styles.ATTACHMENT_LABEL, "附件标识", font="heading1", align="left",
                  line=body_line, keep_next=True, page_break=True),
        StyleSpec(styles.ATTACHMENT_TITLE, "附件标题", **TITLE_LOOK),
        StyleSpec(styles.HEADING3_LEAD, "标题 3（接排）引导句", kind="character",
                  bold="heading3_bold"),
        StyleSpec(styles.LEAD, "引导句", kind="character", bold="lead_bold"),
        StyleSpec(styles.RUN_IN_BODY, "标题后正文", kind="character"),
        StyleSpec(styles.BOX_TITLE, "专栏标题", font="heading1", size=layout.box_font_size,
                  align="center", line="box_line_pitch", snap_to_grid=False,
                  hang_punctuation=False),
        StyleSpec(styles.BOX_TEXT, "专栏正文", size=layout.box_font_size, align="both",
                  indent_chars=2, line="box_line_pitch", snap_to_grid=False,
                  hang_punctuation=False, widow_control=True),
        StyleSpec(styles.BOX_HEADING, "专栏小标题", font="heading1", size=layout.box_font_size,
                  align="both", indent_chars=2, line="box_line_pitch", snap_to_grid=False,
                  hang_punctuation=False),
        StyleSpec(styles.TABLE_TEXT, "表格文字", size=layout.table_font_size, align="center",
                  line="table_line_pitch", snap_to_grid=False,
                  hang_punctuation=False),
        StyleSpec(styles.TABLE_HEADER, "表格表头", font="heading1", size=layout.table_font_size,
                  align="center", line="table_line_pitch", snap_to_grid=False,
                  hang_punctuation=False),
        StyleSpec(styles.PAGE_NUMBER, "页码", font="page_number", size=14, line=14,
                  snap_to_grid=False),
    ]
