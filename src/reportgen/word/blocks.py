"""The kinds of block the report's body is made of, in one registry: what the narrative's markup
makes of a line, the paragraph style the Word template gives it, and the run styles of its lead
sentence and of the text after it.

The Word template places each block by its kind (``b.类型``); ``template.BODY`` is written from
this table, so a new kind is one entry here (and, for the narrative, its markup in
``report/narrative``).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.word import styles


@dataclass(frozen=True)
class BlockKind:
    name: str  # what the Word template tests: b.类型 == 'h1'
    style: str  # paragraph style
    lead: str | None = None  # character style of a lead sentence (**…**)
    text: str | None = None  # character style of the text after a lead
    heading: bool = False  # a heading (inside a 专栏: 专栏小标题)
    table: bool = False  # placed as a table (a 专栏) between blank lines, not as a paragraph
    #: paragraph style of a label line (b.标签) that opens the block on a new page: 附件1
    label: str | None = None

    def paragraphs(self) -> list[tuple[str, str]]:
        """What the Word template places for a block of this kind: (style id, text) per
        paragraph."""
        if self.table:  # one blank line before and after a 专栏 (gongwen §10.4)
            return [(styles.BODY, ""), (self.style, "{{p b.内容 }}"), (styles.BODY, "")]
        if self.label:  # the label on a page's first line, the title on its third (§8.2)
            return [(self.label, "{{ b.标签 }}"), (styles.BODY, ""),
                    (self.style, "{{r b.内容 }}"), (styles.BODY, "")]
        return [(self.style, "{{r b.内容 }}")]


#: In the order the Word template tests them; "p" is what every other block is.
BLOCK_KINDS: dict[str, BlockKind] = {kind.name: kind for kind in (
    BlockKind("h1", styles.HEADING1, heading=True),
    BlockKind("h2", styles.HEADING2, heading=True),
    BlockKind("h3", styles.HEADING3, heading=True),
    BlockKind("h4", styles.HEADING4, heading=True),
    # A run-in heading (（一）…。 then its paragraph): only the text after it is body text.
    BlockKind("h1-run-in", styles.HEADING1_RUN_IN, text=styles.RUN_IN_BODY, heading=True),
    BlockKind("h2-run-in", styles.HEADING2_RUN_IN, text=styles.RUN_IN_BODY, heading=True),
    BlockKind("h3-run-in", styles.HEADING3_RUN_IN, lead=styles.HEADING3_LEAD,
              text=styles.RUN_IN_BODY, heading=True),
    BlockKind("h4-run-in", styles.HEADING4_RUN_IN, text=styles.RUN_IN_BODY, heading=True),
    # An 附件 after the body: its label and title; the blocks that follow are its text.
    BlockKind("attachment", styles.ATTACHMENT_TITLE, label=styles.ATTACHMENT_LABEL),
    BlockKind("box", styles.BODY, table=True),
    BlockKind("p", styles.BODY, lead=styles.LEAD),
)}
PARAGRAPH = "p"
