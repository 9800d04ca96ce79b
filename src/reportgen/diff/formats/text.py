"""The comparison for the terminal: each change in its context, marked like
``git diff --word-diff`` (colours on a terminal, ``[-deleted-]{+inserted+}`` when piped), and the
summary: similarity, characters deleted and inserted, changes by section and by 专栏, and the
figures changed, each with its label (实现工业增加值 163.41 → 163.42 亿元).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportgen.diff.changes import Change, Comparison, Summary
from reportgen.diff.normalise import PARAGRAPH
from reportgen.diff.output import Options
from reportgen.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from reportgen.diff.changed import FigureChange

RED, GREEN, CYAN, BOLD, DIM, RESET = ("\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[2m",
                                       "\x1b[m")
#: The kinds of change, as the reports name them.
KINDS = {"replace": N_("replace"), "insert": N_("insert"), "delete": N_("delete"),
         "move": N_("move"), "move-from": N_("move-from"), "move-to": N_("move-to")}
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
#: The heading of the list of figures changed.
FIGURES_CHANGED = N_("figures changed ({count}):")


def shown(raw: str) -> str:
    """Original text on one line: paragraph breaks as ¶, line breaks as ↵, spaces squeezed."""
    return _SPACES.sub(" ", raw.replace(PARAGRAPH, "¶").replace("\n", "↵")).strip(" ")


def where(change: Change, comparison: Comparison) -> str:
    """"replace · 一、… › （二）… · 专栏3 row 5, cell 4 · official line 84, generated ¶84"."""
    place = change.place
    parts = [_(KINDS[change.kind])]
    if change.moved is not None:
        parts[0] += (_(" (to {number})") if change.deleted else _(" (from {number})")).format(
            number=change.moved)
    parts += [text for text in (place.heading, place.in_box) if text]
    parts.append(f"{comparison.a.label} {change.a_place.position}, "
                 f"{comparison.b.label} {change.b_place.position}")
    return " · ".join(parts)


def in_context(change: Change, comparison: Comparison,
               context: int = 20) -> tuple[str, str, str, str]:
    """(before, deleted, inserted, after) of a change as shown on one line: ``context``
    characters of b's text on each side ("…" where the text goes on), its original text."""
    a, b = comparison.a, comparison.b
    # The whitespace after a changed passage is shown as context, not as part of the change.
    inserted_raw = b.raw_span(change.b_start, change.b_end)
    trailing = inserted_raw[len(inserted_raw.rstrip()):]
    before = shown(b.raw_span(max(change.b_start - context, 0), change.b_start))
    after = shown(trailing + b.raw_span(change.b_end, min(change.b_end + context, len(b.norm))))
    deleted = shown(a.raw_span(change.a_start, change.a_end).rstrip())
    inserted = shown(inserted_raw.rstrip())
    if change.b_start > context:
        before = "…" + before
    if change.b_end + context < len(b.norm):
        after += "…"
    return before, deleted, inserted, after


def render_change(change: Change, comparison: Comparison, color: bool,
                  context: int = 20) -> str:
    before, deleted, inserted, after = in_context(change, comparison, context)
    head = f"@@ {change.number}/{len(comparison.changes)} {where(change, comparison)} @@"
    if color:
        marked = (f"{RED}{deleted}{RESET}" if deleted else "") + (
            f"{GREEN}{inserted}{RESET}" if inserted else "")
        head = f"{CYAN}{head}{RESET}"
    else:
        marked = (f"[-{deleted}-]" if deleted else "") + (f"{{+{inserted}+}}" if inserted else "")
    return f"{head}\n{before}{marked}{after}"


def render_summary(comparison: Comparison, summary: Summary, baseline: str = "",
                   detail: bool = True) -> str:
    """Similarity and counts; with ``detail``, the changes by section and by 专栏 too."""
    a, b = comparison.a, comparison.b
    sizes = _("{a} {a_chars:,} characters, {b} {b_chars:,}; {rules}").format(
        a=a.label, a_chars=summary.a_chars, b=b.label, b_chars=summary.b_chars,
        rules=comparison.rules.describe())
    if comparison.same:
        return _("no differences ({sizes})").format(sizes=sizes)
    kinds: dict[str, int] = {}
    for change in comparison.changes:
        kind = "move" if change.moved is not None else change.kind
        kinds[kind] = kinds.get(kind, 0) + 1
    counted = _(", ").join(f"{n} {_(KINDS[kind])}" for kind, n in kinds.items())
    lines = [ngettext("{count} change", "{count} changes", summary.changes)
             .format(count=summary.changes)
             + f" ({counted}): "
             + ngettext("{count:,} character deleted", "{count:,} characters deleted",
                        summary.deleted).format(count=summary.deleted)
             + _(", {inserted:,} inserted; similarity {similarity}").format(
                 inserted=summary.inserted, similarity=summary.similarity_text),
             f"  ({sizes})"]
    if summary.accepted:
        outstanding = summary.changes - summary.accepted
        lines.append(_("{accepted} accepted in {baseline}, {outstanding} not").format(
            accepted=summary.accepted, baseline=baseline or _("the baseline"),
            outstanding=outstanding))
    if summary.by_section and detail:
        lines.append(_("by section:"))
        lines += [f"  {count:4}  {label}" for label, count in summary.by_section]
    if summary.by_box and detail:
        lines.append(_("by 专栏:"))
        lines += [f"  {count:4}  {label}" for label, count in summary.by_box]
    if detail:
        lines += figures_changed(comparison)
    return "\n".join(lines)


def figure_line(change: Change, figure: FigureChange) -> str:
    """"专栏3 · 地区生产总值增速（%） 500.30 → 500.31": a figure changed, in its 专栏 if any."""
    box = change.place.box
    return f"{box} · {figure}" if box else str(figure)


def figures_changed(comparison: Comparison) -> list[str]:
    """The figures the outstanding changes change, each after its change's number."""
    found = [(c, f) for c, f in comparison.figures if not c.accepted]
    if not found:
        return []
    return [_(FIGURES_CHANGED).format(count=len(found)),
            *(f"  {change.number:4}  {figure_line(change, figure)}" for change, figure in found)]


def render(comparison: Comparison, options: Options) -> str:
    """The whole terminal report: the two sides, each change not accepted, the summary."""
    color, context, brief, baseline = (options.color, options.context, options.brief,
                                       options.baseline)
    a, b = comparison.a, comparison.b
    lines = [f"--- {a.label}: {a.source}", f"+++ {b.label}: {b.source}"]
    if color:
        lines = [f"{BOLD}{line}{RESET}" for line in lines]
    blocks = ["\n".join(lines)]
    if not brief:
        blocks += [render_change(c, comparison, color, context) for c in comparison.outstanding]
    blocks.append(render_summary(comparison, comparison.summary(), baseline))
    return "\n\n".join(blocks)
