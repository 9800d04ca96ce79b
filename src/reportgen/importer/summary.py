"""The report of what import did, for stderr: what it read, the title block, the outline, the
专栏 by kind with their rows (and why any is written as text or paragraphs), the 附件, the
figures bound to the tables, lifted into 统计 and left typed, and how the rebuilt report
compared with the one imported."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reportgen.diff.normalise import squeeze
from reportgen.i18n import N_, _, ngettext
from reportgen.importer.figures import Tally
from reportgen.importer.outline import Line
from reportgen.importer.year import DATA, PLAIN, TEXT, AttachmentPlan, BoxPlan, ImportedYear

_MARKS = {"h1": "一、", "h2": "（一）", "h3": "1.", "h4": "（1）"}
_WORKBOOK = {"indicators": "indicators.xlsx", "projects": "projects.xlsx"}


@dataclass(frozen=True)
class Counts:
    """The outline of the body: headings by level (and of those run in), paragraphs, and
    paragraphs with a lead sentence."""

    headings: dict[str, int]
    run_in: dict[str, int]
    paragraphs: int
    leads: int


def counts(imported: ImportedYear) -> Counts:
    lines = [u for u in imported.units if isinstance(u, Line)]
    headings = Counter(line.kind for line in lines if line.kind != "p")
    run_in = Counter(line.kind for line in lines if line.kind != "p" and line.lead)
    paragraphs = [line for line in lines if line.kind == "p"]
    return Counts(dict(headings), dict(run_in), len(paragraphs),
                  sum(1 for line in paragraphs if line.lead))


#: The kinds of 专栏 that are not made of data, as the summary names them.
_KINDS = {"text": N_("text"), "paragraphs": N_("paragraphs")}


def box_counts(imported: ImportedYear) -> dict[str, tuple[int, int]]:
    """(专栏, rows) by kind: 清单, 指标表, 项目表, text, and paragraphs (no 专栏)."""
    out: dict[str, tuple[int, int]] = {}
    for plan in imported.boxes():
        kind = plan.made.kind if plan.mode == DATA and plan.made else \
            "text" if plan.mode == TEXT else "paragraphs"
        boxes, rows = out.get(kind, (0, 0))
        out[kind] = (boxes + 1, rows + (plan.made.rows if plan.mode == DATA and plan.made
                                        else len(plan.lines)))
    return out


def lines(imported: ImportedYear, front: dict[str, str], tally: Tally, folder: str) -> list[str]:
    """What the import read and made, before the rebuild's result; ``front`` is the title
    block's lines as written."""
    source = imported.source
    encoding = (_(", ") + source.encoding.upper().removesuffix("-SIG")) if source.encoding else ""
    out = [_("imported {file} (.{kind}{encoding}, {characters:,} characters) into {folder}/")
           .format(file=imported.shown, kind=source.kind, encoding=encoding,
                   characters=source.characters, folder=folder)]
    title_lines = front["标题"].count("\n") + 1
    parts = [ngettext("标题 on {count} line", "标题 on {count} lines", title_lines)
             .format(count=title_lines)]
    for name in ("题注", "署名", "称谓"):
        text = squeeze(front.get(name, ""))
        parts.append(f"{name} 「{text[:16]}{'…' if len(text) > 16 else ''}」" if text
                     else _("no {name}").format(name=name))
    out.append(_("  title block: {parts}{speaker}; plan year {year}").format(
        parts=_(", ").join(parts), speaker=_(" (a speaker)") if imported.speaker else "",
        year=imported.year))
    found = counts(imported)
    headings = _(", ").join(
        f"{found.headings.get(kind, 0)} {mark}"
        + (_(" ({count} run in)").format(count=found.run_in[kind])
           if found.run_in.get(kind) else "")
        for kind, mark in _MARKS.items())
    out.append(_("  outline: headings {headings}; {paragraphs} paragraphs ({leads} with a lead "
                 "sentence)").format(headings=headings, paragraphs=found.paragraphs,
                                     leads=found.leads))
    kinds = box_counts(imported)
    total = sum(boxes for boxes, _rows in kinds.values())
    listed = _(", ").join(
        _("{kind} {boxes} ({rows} rows)").format(kind=kind, boxes=boxes, rows=rows)
        if kind not in _KINDS else f"{_(_KINDS[kind])} {boxes}"
        for kind, (boxes, rows) in kinds.items())
    out.append(f"  专栏 {total}" + (_(": {listed}").format(listed=listed) if listed else ""))
    number = 0
    for plan in imported.boxes():
        out.append("    " + _box_line(plan, number + 1 if plan.mode != PLAIN else None))
        number += plan.mode != PLAIN
    attachments = [u for u in imported.units if isinstance(u, AttachmentPlan)]
    plain = sum(1 for a in attachments if a.plain)
    out.append(f"  附件 {len(attachments)}"
               + (_(" ({plain} as paragraphs: their labels cannot print as written)")
                  .format(plain=plain) if plain else ""))
    lifted = [stat.name for stat in imported.used_statistics()]
    out.append(_("  figures: {bound} bound to the tables' values, {lifted} lifted into "
                 "statistics.xlsx[统计]{names}, {typed} left typed{meetings}").format(
        bound=tally.bound, lifted=tally.lifted,
        names=_(" ({names})").format(names="、".join(lifted)) if lifted else "",
        typed=tally.typed,
        meetings=_("; last year's meeting and report by name ({names})").format(
            names=tally.names) if tally.names else ""))
    return out


def _box_line(plan: BoxPlan, number: int | None) -> str:
    name = f"专栏{number}" if number else f"「{plan.found.heading.text[:20]}」"
    title = plan.found.title
    if plan.mode == DATA and plan.made:
        made = plan.made
        detail = made.detail + _(", ") if made.detail and made.kind == "清单" else ""
        return (_("{name} {title}: {kind} ({detail}{rows} rows) in {workbook}[{sheet}]")
                .format(name=name, title=title, kind=made.kind, detail=detail, rows=made.rows,
                        workbook=_WORKBOOK.get(made.workbook, made.workbook),
                        sheet=made.sheet.name))
    if plan.mode == TEXT:
        return _("{name} {title}: text ({why})").format(
            name=name, title=title, why=plan.why or _("a 专栏 of text"))
    return _("{name}: paragraphs, not a 专栏 ({why})").format(name=name, why=plan.why)


def rebuilt(path: str, same: bool, characters: int) -> str:
    if same:
        return (_("  rebuilt {path} and compared: no differences ({characters:,} of "
                  "{characters:,} characters, 100 %)").format(path=path, characters=characters))
    return _("  rebuilt {path} and compared: it differs, as shown above").format(path=path)
