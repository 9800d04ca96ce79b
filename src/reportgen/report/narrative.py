"""The narrative's plain-text markup, read into blocks: headings, paragraphs, 专栏 places.

One paragraph per line (blank lines are ignored). A line that starts with

* ``# `` is a level-1 heading (一、…), ``## `` a level-2 heading (（一）…);
* ``**…**`` opens with a lead sentence (引导句): ``**疫情防控取得重大成果。**认真贯彻…``; in a
  ``##`` line the lead is the run-in heading and the rest is body text (kind h2-run-in);
* ``[专栏：name]`` (the whole line) places the 专栏 defined as ``name`` in boxes.yaml.

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
_LEAD = re.compile(r"^\*\*(.+?)\*\*(.*)$")


@dataclass(frozen=True)
class Block:
    kind: str  # a name of word.blocks.BLOCK_KINDS: "h1", "h2", "h2-run-in", "p", "box"
    spans: tuple[Span, ...] = ()
    box: str | None = None
    stale: bool = False  # last year's text with typed figures, for review (checks.stale)

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
    kind = "p"
    if text.startswith("## "):
        kind, text = "h2", text[3:].strip()
    elif text.startswith("# "):
        kind, text = "h1", text[2:].strip()
    lead = _LEAD.match(text)
    if lead:
        spans = [Span(restore(lead.group(1)), lead=True)] + (
            [Span(restore(lead.group(2)))] if lead.group(2) else [])
        if kind == "h2" and lead.group(2):
            kind = "h2-run-in"
    else:
        spans = [Span(restore(text))]
    return Block(kind, tuple(spans), stale=stale)


def parse_blocks(text: str) -> list[Block]:
    return [block for line in text.split("\n") if (block := parse_line(line)) is not None]


def box_places(source: str) -> list[tuple[int, str]]:
    """(line, 专栏 name) of every ``[专栏：name]`` line of the narrative source, in order."""
    return [(number, match.group(1)) for number, line in enumerate(source.split("\n"), start=1)
            if (match := BOX_LINE.match(line.strip()))]


def box_order(source: str) -> list[str]:
    """The 专栏 names in the order the narrative source places them (this numbers them)."""
    return list(dict.fromkeys(name for _, name in box_places(source)))


def box_numbers(source: str) -> dict[str, int]:
    """Each placed 专栏's number: its place among the [专栏：…] lines of the narrative source, so
    adding one renumbers the rest."""
    return {name: index for index, name in enumerate(box_order(source), start=1)}
