"""The narrative's plain-text markup, read into blocks: headings, paragraphs, 专栏 places.

One paragraph per line (blank lines are ignored). A line that starts with

* ``# `` is a level-1 heading (一、…), ``## `` level 2 (（一）…), ``### `` level 3 (1.…),
  ``#### `` level 4 (（1）…);
* ``**…**`` opens with a lead sentence (引导句): ``**疫情防控取得重大成果。**认真贯彻…``; in a
  heading line the lead is a run-in heading and the rest is body text
  (``### **1.创新策源成效显著。**…``: kind h3-run-in);
* ``[专栏：name]`` (the whole line) places the 专栏 defined as ``name`` in boxes.yaml; closed
  by a line ``[/专栏]``, it is a 专栏 of text written here: ``name`` is its title, the lines
  between are its paragraphs (in this markup);
* ``[附件：title]`` (the whole line) starts an 附件 after the body: the lines that follow are
  its text.

Any other line is a paragraph of text, however it starts: 一是…, ——…, 1.…, a lone ``#``.

Only a template's own text is markup: the values it prints are kept from it (``literal``).

The same markup is used for the lines a 专栏 list template writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.characters import STALE
from reportgen.templating.literal import restore
from reportgen.word.ooxml import Span

BOX_LINE = re.compile(r"^\[专栏[：:]\s*(.+?)\s*\]$")
BOX_END = re.compile(r"^\[/专栏\]$")
ATTACHMENT_LINE = re.compile(r"^\[附件[：:]\s*(.+?)\s*\]$")
_LEAD = re.compile(r"^\*\*(.+?)\*\*(.*)$")
#: ``#`` to ``####`` and a space: the heading levels 1 to 4.
_HEADING = re.compile(r"^(#{1,4}) (.*)$")
#: What a heading's kind gains when text follows its lead in the same paragraph.
RUN_IN = "-run-in"


@dataclass(frozen=True)
class Block:
    kind: str  # a name of word.blocks.BLOCK_KINDS: "h1" … "h4", "h2-run-in" …, "p", "box" …
    spans: tuple[Span, ...] = ()
    box: str | None = None
    stale: bool = False  # last year's text with typed figures, for review (checks.stale)
    #: a 专栏 of text written in the narrative: its lines (``box`` is its title)
    body: str | None = None

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def parse_line(line: str) -> Block | None:
    text = line.strip()
    stale = text.startswith(STALE)
    text = text.removeprefix(STALE).strip()
    if not text:
        return None
    box = BOX_LINE.match(text)
    if box:
        return Block("box", box=restore(box.group(1)))
    attachment = ATTACHMENT_LINE.match(text)
    if attachment:
        return Block("attachment", (Span(restore(attachment.group(1))),), stale=stale)
    kind = "p"
    heading = _HEADING.match(text)
    if heading:
        kind, text = f"h{len(heading.group(1))}", heading.group(2).strip()
    lead = _LEAD.match(text)
    if lead:
        spans = [Span(restore(lead.group(1)), lead=True)] + (
            [Span(restore(lead.group(2)))] if lead.group(2) else [])
        if kind != "p" and lead.group(2):
            kind += RUN_IN
    else:
        spans = [Span(restore(text))]
    return Block(kind, tuple(spans), stale=stale)


def _box_end(lines: list[str], start: int) -> int | None:
    """The line that closes the 专栏 opened at ``start``: a [/专栏] before the next [专栏：…]."""
    for index in range(start + 1, len(lines)):
        text = lines[index].strip().removeprefix(STALE).strip()
        if BOX_END.match(text):
            return index
        if BOX_LINE.match(text):
            return None
    return None


def parse_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        block = parse_line(lines[index])
        end = _box_end(lines, index) if block is not None and block.kind == "box" else None
        if block is not None and end is not None:
            blocks.append(Block("box", box=block.box, body="\n".join(lines[index + 1:end])))
            index = end + 1
            continue
        if block is not None:
            blocks.append(block)
        index += 1
    return blocks


def text_box_lines(source: str) -> set[int]:
    """The lines of the narrative source that open a 专栏 of text (closed by [/专栏])."""
    lines = uncommented(source).split("\n")
    return {index + 1 for index, line in enumerate(lines)
            if BOX_LINE.match(line.strip()) and _box_end(lines, index) is not None}


_COMMENT = re.compile(r"\{#.*?#\}", re.S)


def uncommented(source: str) -> str:
    """The source without its Jinja comments ``{# … #}``, every line where it was."""
    return _COMMENT.sub(lambda found: "\n" * found.group(0).count("\n"), source)


def box_places(source: str) -> list[tuple[int, str]]:
    """(line, 专栏 name) of every ``[专栏：name]`` line of the narrative source, in order; a
    line commented out places nothing."""
    return [(number, match.group(1))
            for number, line in enumerate(uncommented(source).split("\n"), start=1)
            if (match := BOX_LINE.match(line.strip()))]


def box_order(source: str) -> list[str]:
    """The 专栏 names in the order the narrative source places them (this numbers them)."""
    return list(dict.fromkeys(name for _, name in box_places(source)))


def box_numbers(source: str) -> dict[str, int]:
    """Each placed 专栏's number: its place among the [专栏：…] lines of the narrative source, so
    adding one renumbers the rest."""
    return {name: index for index, name in enumerate(box_order(source), start=1)}
