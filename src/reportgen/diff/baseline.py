"""A year's accepted differences: ``data/<year>/diff-baseline.json``, written by
``reportgen diff YEAR --update-baseline``.

Each entry is one acknowledged difference between the generated report and the official text:
its deleted and inserted text (normalised) and a few characters of context on each side. A
change of the current comparison is accepted when an entry has the same four texts (each entry
accepts one change), so the same edit elsewhere in the report is still reported. Entries may
carry a ``note`` saying why the difference is accepted; updating the baseline keeps the notes
of the entries that still apply.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from reportgen.diff.changes import Change, Comparison
from reportgen.errors import ReportgenError, SourceRef
from reportgen.i18n import _
from reportgen.project import DIFF_BASELINE

NAME = DIFF_BASELINE
#: Characters of context that identify an accepted difference, on each side.
KEY_CONTEXT = 8
FORMAT = "reportgen diff baseline"
#: What identifies a difference: its deleted and inserted text and its context on each side.
Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class Accepted:
    deleted: str
    inserted: str
    before: str
    after: str
    where: str = ""
    note: str = ""


def key(difference: Change | Accepted) -> Key:
    """The texts a change and an entry must share for the entry to accept the change."""
    return (difference.deleted, difference.inserted, difference.before[-KEY_CONTEXT:],
            difference.after[:KEY_CONTEXT])


def parse(text: str, ref: SourceRef | str) -> list[Accepted]:
    """The entries of a baseline file's text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportgenError(_("is not valid JSON ({msg}, line {lineno})")
                               .format(msg=exc.msg, lineno=exc.lineno), ref,
                             _("Write it again with reportgen diff YEAR --update-baseline.")) \
            from None
    entries = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ReportgenError(_('has no "accepted" list of differences'), ref)
    accepted = []
    for number, entry in enumerate(entries, start=1):
        fields = ("deleted", "inserted", "before", "after", "where", "note")
        if not isinstance(entry, dict) or not all(
                isinstance(entry.get(f, ""), str) for f in fields):
            raise ReportgenError(_("accepted difference {number} is not an object of texts "
                                   "({fields})")
                                   .format(number=number, fields=', '.join(fields)), ref)
        accepted.append(Accepted(*(entry.get(f, "") for f in fields)))
    return accepted


def apply(comparison: Comparison, accepted: Iterable[Accepted]) -> list[Accepted]:
    """Mark the changes the baseline accepts; returns the entries that matched no change."""
    waiting: dict[Key, list[Accepted]] = {}
    for entry in accepted:
        waiting.setdefault(key(entry), []).append(entry)
    for change in comparison.changes:
        entries = waiting.get(key(change))
        if entries:
            entries.pop(0)
            change.accepted = True
    return [entry for entries in waiting.values() for entry in entries]


def dump(comparison: Comparison, previous: Iterable[Accepted] = ()) -> str:
    """A baseline accepting every change of ``comparison`` (notes kept from ``previous``)."""
    notes: dict[Key, list[str]] = {}
    for entry in previous:
        if entry.note:
            notes.setdefault(key(entry), []).append(entry.note)
    entries = []
    for change in comparison.changes:
        identity = key(change)
        deleted, inserted, before, after = identity
        kept = notes.get(identity)
        place = change.place
        entries.append({
            "deleted": deleted, "inserted": inserted, "before": before, "after": after,
            "where": " · ".join(p for p in (place.heading, place.in_box) if p),
            "note": kept.pop(0) if kept else "",
        })
    data = {
        "format": FORMAT,
        "compared": {"a": comparison.a.source, "b": comparison.b.source,
                     "rules": comparison.rules.describe()},
        "accepted": entries,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
