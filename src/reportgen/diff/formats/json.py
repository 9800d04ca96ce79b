"""The comparison as JSON, for other programs: the two sides, the rules, the summary, every
change with its place, and every figure changed with its label."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from reportgen.diff.changes import Change, Comparison
from reportgen.diff.outline import Place
from reportgen.diff.output import Options

if TYPE_CHECKING:
    from reportgen.diff.changed import FigureChange


def _where(place: Place) -> dict[str, Any]:
    return {
        "section": place.section, "subsection": place.subsection, "box": place.box,
        "box_title": place.box_title, "table": place.table, "row": place.row, "cell": place.cell,
    }


def _place(place: Place) -> dict[str, Any]:
    return {"paragraph": place.paragraph, "unit": "line" if place.line else "paragraph",
            **_where(place)}


def _change(change: Change, comparison: Comparison) -> dict[str, Any]:
    return {
        "number": change.number,
        "kind": change.kind,
        "moved": change.moved,
        "accepted": change.accepted,
        "deleted": change.deleted,
        "inserted": change.inserted,
        "before": change.before,
        "after": change.after,
        "where": _where(change.place),
        "a": {"start": change.a_start, "end": change.a_end, **_place(change.a_place),
              "text": comparison.a.raw_span(change.a_start, change.a_end).strip()},
        "b": {"start": change.b_start, "end": change.b_end, **_place(change.b_place),
              "text": comparison.b.raw_span(change.b_start, change.b_end).strip()},
    }


def _figure(change: Change, figure: FigureChange) -> dict[str, Any]:
    old, new = figure.numbers
    return {"change": change.number, "accepted": change.accepted, "label": figure.label,
            "from": figure.old, "to": figure.new, "from_number": old, "to_number": new,
            "unit": figure.unit, "box": change.place.box, "text": str(figure)}


def render(comparison: Comparison, options: Options) -> str:
    """The report as a JSON document (UTF-8 text, keys in a fixed order)."""
    summary = comparison.summary()
    data = {
        "status": 1 if comparison.outstanding else 0,
        "same": comparison.same,
        "a": {"label": comparison.a.label, "source": comparison.a.source,
              "characters": summary.a_chars},
        "b": {"label": comparison.b.label, "source": comparison.b.source,
              "characters": summary.b_chars},
        "rules": {"strict": comparison.rules.strict, "fold_width": comparison.rules.fold_width,
                  "description": comparison.rules.describe()},
        "summary": {
            "similarity": round(summary.similarity, 4),
            "equal": summary.equal,
            "deleted": summary.deleted,
            "inserted": summary.inserted,
            "changes": summary.changes,
            "accepted": summary.accepted,
            "by_section": [{"section": s, "changes": n} for s, n in summary.by_section],
            "by_box": [{"box": s, "changes": n} for s, n in summary.by_box],
            "figures": len(comparison.figures),
        },
        "changes": [_change(change, comparison) for change in comparison.changes],
        "figures": [_figure(change, figure) for change, figure in comparison.figures],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
