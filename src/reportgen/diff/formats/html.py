"""The comparison as one self-contained HTML page: the summary, a list of the changes (each in a
few characters of its context) and of the figures changed, linking to each, and the text of b
inline with a's deleted and b's inserted text highlighted. A change's number is a tag set
before it, never inside a figure (changes cover whole figures), drawn apart from the digits;
lines break between Chinese characters but not inside a figure.

No scripts, fonts or anything else from the network: the page is one file that opens the same
anywhere, and prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING

from reportgen.diff.changes import Change, Comparison
from reportgen.diff.formats.text import KINDS, figure_line, in_context, render_summary
from reportgen.diff.outline import heading_level, shorten
from reportgen.diff.output import Options
from reportgen.diff.redline import DELETE, EQUAL, INSERT, Para, redline
from reportgen.i18n import N_, _

if TYPE_CHECKING:
    from reportgen.diff.changed import FigureChange

_TAGS = {DELETE: "del", INSERT: "ins"}

_CSS = """
:root { --line: #d0d7de; --muted: #57606a; --del-bg: #ffdcd7; --del: #82071e;
        --ins-bg: #ccf2d4; --ins: #0a5d1e; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; color: #1f2328; background: #f3f4f6;
       font: 16px/1.9 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; }
header { padding: 14px 24px; background: #fff; border-bottom: 1px solid var(--line);
         font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
         sans-serif; font-size: 14px; line-height: 1.6; }
header h1 { margin: 0 0 4px; font-size: 18px; }
header .side { margin: 0; word-break: break-all; }
header .side b { display: inline-block; min-width: 1.2em; }
header .a b { color: var(--del); } header .b b { color: var(--ins); }
header .summary { margin: 6px 0 0; white-space: pre-wrap; color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(260px, 360px) minmax(0, 1fr); }
nav { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto;
      padding: 12px 16px 24px; background: #fff; border-right: 1px solid var(--line);
      font: 13px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
      "Microsoft YaHei", sans-serif; }
nav h2 { font-size: 14px; margin: 8px 0; }
nav ol { list-style: none; margin: 0; padding: 0; }
nav li { border-bottom: 1px solid #eaeef2; }
nav li a { display: block; padding: 6px 4px; color: inherit; text-decoration: none; }
nav li a:hover, nav li:target a { background: #ddf4ff; }
nav .n { font-weight: bold; color: var(--accent); margin-right: .4em; }
nav .kind { font-size: 11px; text-transform: uppercase; color: var(--muted); }
nav .where { display: block; color: var(--muted); font-size: 12px; }
nav .snippet { display: block; overflow-wrap: anywhere; }
nav .snippet .context { color: var(--muted); }
nav .figure .value { white-space: nowrap; }
nav li.accepted { opacity: .55; }
nav table { border-collapse: collapse; width: 100%; }
nav td { padding: 2px 4px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
nav td.count { text-align: right; width: 2.5em; }
main { padding: 24px; min-width: 0; }
article { max-width: 48em; margin: 0 auto; padding: 40px 56px; background: #fff;
          box-shadow: 0 1px 3px rgba(0,0,0,.12); }
article p { margin: 0 0 .3em; text-indent: 2em; text-align: justify; overflow-wrap: anywhere; }
/* lines break between Chinese characters, never inside a figure (500.30, 3.2%) */
article p.h1 { font-family: "Noto Sans CJK SC", "SimHei", sans-serif; font-weight: bold; }
article p.h2 { font-family: "Noto Serif CJK SC", "KaiTi", serif; font-weight: bold; }
.table { display: grid; margin: .6em 0; border-top: 1px solid #8c959f;
         border-left: 1px solid #8c959f; font-size: 14px; line-height: 1.6; }
.cell { min-width: 0; padding: 2px 6px; border-right: 1px solid #8c959f;
        border-bottom: 1px solid #8c959f; }
.cell p { margin: 0; text-indent: 0; text-align: left; }
.table.single .cell p { text-indent: 2em; text-align: justify; }
del { background: var(--del-bg); color: var(--del); text-decoration: line-through; }
ins { background: var(--ins-bg); color: var(--ins); text-decoration: none;
      border-bottom: 1px solid var(--ins); }
del.accepted, ins.accepted { opacity: .5; }
a.ref { display: inline; font: bold 10px/14px sans-serif; color: #fff;
        background: var(--accent); border-radius: 3px; padding: 0 3px; margin: 0 3px 0 2px;
        text-decoration: none; vertical-align: 3px; text-indent: 0; }
del + ins { margin-left: 2px; }
.changed:target, :target > .changed { outline: 2px solid var(--accent); }
.mark { font-family: sans-serif; }
@media (max-width: 800px) { .layout { display: block; } nav { position: static; max-height: none; }
  article { padding: 20px; } }
@media print { nav { display: none; } .layout { display: block; } body { background: #fff; }
  article { box-shadow: none; padding: 0; } }
"""


#: Characters of b's text shown on each side of a change in the list of changes.
SNIPPET_CONTEXT = 8
#: The heading of the list of figures changed.
FIGURES_CHANGED = N_("Figures changed ({count})")


def _snippet(change: Change, comparison: Comparison, limit: int = 40) -> str:
    before, deleted, inserted, after = in_context(change, comparison, SNIPPET_CONTEXT)
    deleted, inserted = shorten(deleted, limit), shorten(inserted, limit)
    return (f'<span class="context">{escape(before)}</span>'
            + (f"<del>{escape(deleted)}</del>" if deleted else "")
            + (f"<ins>{escape(inserted)}</ins>" if inserted else "")
            + f'<span class="context">{escape(after)}</span>')


def _figure_item(change: Change, figure: FigureChange) -> str:
    css = ' class="figure accepted"' if change.accepted else ' class="figure"'
    return (f'<li{css}><a href="#c{change.number}"><span class="n">{change.number}</span>'
            f'{escape(figure_line(change, figure))}</a></li>')


def _change_item(change: Change, comparison: Comparison) -> str:
    place = change.place
    kind = _(KINDS[change.kind]) + (_(" · accepted") if change.accepted else "")
    where = " · ".join(p for p in (place.heading, place.in_box,
                                   f"{comparison.a.label} {change.a_place.position} / "
                                   f"{comparison.b.label} {change.b_place.position}") if p)
    css = ' class="accepted"' if change.accepted else ""
    return (f'<li id="l{change.number}"{css}><a href="#c{change.number}">'
            f'<span class="n">{change.number}</span><span class="kind">{escape(kind)}</span>'
            f'<span class="where">{escape(where)}</span>'
            f'<span class="snippet">{_snippet(change, comparison)}</span></a></li>')


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>").replace("\t", " ")


def _para(para: Para, accepted: set[int], started: set[int]) -> str:
    parts = []
    for run in para.runs:
        if run.kind == EQUAL or run.change is None:
            parts.append(_text(run.text))
            continue
        css = "changed accepted" if run.change in accepted else "changed"
        anchor = ""
        if run.change not in started:
            started.add(run.change)
            anchor = f' id="c{run.change}"'
            # a word joiner keeps the tag on the line of the change it numbers
            parts.append(f'<a class="ref" href="#l{run.change}">{run.change}</a>&#8288;')
        tag = _TAGS[run.kind]
        parts.append(f'<{tag}{anchor} class="{css}">{_text(run.text)}</{tag}>')
    if para.mark != EQUAL and para.mark_change is not None:
        tag = _TAGS[para.mark]
        anchor = ""
        if para.mark_change not in started:
            started.add(para.mark_change)
            anchor = f' id="c{para.mark_change}"'
        title = escape(_("paragraph break"))
        parts.append(f'<{tag}{anchor} class="changed mark" title="{title}">¶</{tag}>')
    piece = para.piece
    level = heading_level(piece.text) if piece is not None and piece.table is None else 0
    css = f' class="h{level}"' if level else ""
    return f"<p{css}>{''.join(parts) or '&#8203;'}</p>"


@dataclass
class _Cell:
    row: int
    column: int  # grid column where the cell starts
    span: int  # grid columns
    html: str
    rows: int = 1  # grid rows, more when merged with the empty slots below


def _table(paras: list[Para], accepted: set[int], started: set[int]) -> str:
    """One of b's tables as a CSS grid: each cell at its row and grid column; a slot left
    empty below a cell is a vertically merged cell, so that cell spans down over it."""
    cells: list[_Cell] = []
    for _cell, group in groupby(paras,
                                key=lambda p: (p.piece.row, p.piece.cell) if p.piece else None):
        members = list(group)
        piece = members[0].piece
        assert piece is not None
        cells.append(_Cell(piece.row or 1, piece.column or piece.cell or 1, piece.span,
                           "".join(_para(p, accepted, started) for p in members)))
    taken = {(c.row, c.column + i) for c in cells for i in range(c.span)}
    last = max(c.row for c in cells)
    for cell in cells:
        columns = range(cell.column, cell.column + cell.span)
        row = cell.row + cell.rows
        while row <= last and not any((row, column) in taken for column in columns):
            taken.update((row, column) for column in columns)
            cell.rows += 1
            row += 1
    width = max(c.column + c.span - 1 for c in cells)
    single = " single" if width == 1 else ""
    body = "".join(
        f'<div class="cell" style="grid-row:{c.row}/span {c.rows};'
        f'grid-column:{c.column}/span {c.span}">{c.html}</div>' for c in cells)
    return (f'<div class="table{single}" style="grid-template-columns:repeat({width},auto)">'
            f"{body}</div>")


def _body(paras: list[Para], accepted: set[int]) -> str:
    """Paragraphs in order; b's tables laid out as tables."""
    started: set[int] = set()
    out: list[str] = []
    for table, group in groupby(paras, key=lambda p: p.piece.table if p.piece else None):
        if table is None:
            out.extend(_para(p, accepted, started) for p in group)
        else:
            out.append(_table(list(group), accepted, started))
    return "\n".join(out)


def render(comparison: Comparison, options: Options) -> str:
    """The page, as text."""
    a, b = comparison.a, comparison.b
    stats = comparison.summary()
    summary = render_summary(comparison, stats, detail=False)
    items = "\n".join(_change_item(c, comparison) for c in comparison.changes)
    figures = "\n".join(_figure_item(c, f) for c, f in comparison.figures)
    if figures:
        heading = escape(_(FIGURES_CHANGED).format(count=len(comparison.figures)))
        figures = f"<h2>{heading}</h2>\n<ol>\n{figures}\n</ol>\n"
    accepted = {c.number for c in comparison.changes if c.accepted}
    tables = ""
    for title, rows in ((_("By section"), stats.by_section), (_("By 专栏"), stats.by_box)):
        if rows:
            body = "".join(f'<tr><td class="count">{n}</td><td>{escape(label)}</td></tr>'
                           for label, n in rows)
            tables += f"<h2>{title}</h2><table>{body}</table>"
    title = f"{a.label} → {b.label}"
    heading = _("Changes from {a} to {b}").format(a=a.label, b=b.label)
    listed = _("Changes ({count})").format(count=len(comparison.changes))
    none = _("No differences.")
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reportgen diff">
<title>{escape(title)} · reportgen diff</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{escape(heading)}</h1>
<p class="side a"><b>−</b>{escape(a.label)}: {escape(a.source)}</p>
<p class="side b"><b>+</b>{escape(b.label)}: {escape(b.source)}</p>
<p class="summary">{escape(summary)}</p>
</header>
<div class="layout">
<nav>
<h2>{escape(listed)}</h2>
<ol>
{items or f"<li>{escape(none)}</li>"}
</ol>
{figures}{tables}
</nav>
<main><article>
{_body(redline(comparison), accepted)}
</article></main>
</div>
</body>
</html>
"""
