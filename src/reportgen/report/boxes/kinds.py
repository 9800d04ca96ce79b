"""The registry of 专栏 kinds, and boxes.yaml read into 专栏 definitions through it.

A 专栏's kind is the one key of the kinds' keys its definition has (清单 → list, 指标表 →
indicator table). A new kind is a module with a ``BoxKind`` and one entry in ``KINDS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportgen.data.model import BoxSpec, YearData
from reportgen.data.yamlfile import line_ref
from reportgen.errors import Problems, SourceRef
from reportgen.i18n import _
from reportgen.report.boxes.base import BoxKind
from reportgen.report.boxes.indicator_table import IndicatorTableBox
from reportgen.report.boxes.list_box import ListBox
from reportgen.report.boxes.project_table import ProjectTableBox

KINDS: tuple[BoxKind, ...] = (ListBox(), IndicatorTableBox(), ProjectTableBox())
BY_NAME: Mapping[str, BoxKind] = {kind.name: kind for kind in KINDS}


def kind_of(box: BoxSpec) -> BoxKind:
    return BY_NAME[box.kind]


def _choices() -> str:
    return " or ".join(f"{kind.key} ({kind.names})" for kind in KINDS)


def box_specs(boxes: Any, ref: SourceRef, problems: Problems) -> dict[str, BoxSpec]:
    """The 专栏 definitions of boxes.yaml (read as ``boxes``), every problem recorded."""
    if boxes is None:
        return {}
    if not isinstance(boxes, dict):
        problems.error(ref, _("must map each 专栏's name to its 标题 and {choices}")
                              .format(choices=_choices()))
        return {}
    specs = {}
    for key, spec in boxes.items():
        where = line_ref(ref, boxes, key)
        if not isinstance(spec, dict) or not isinstance(spec.get("标题"), str):
            problems.error(where, _("专栏 「{key}」 needs a 标题").format(key=key))
            continue
        kinds = [kind for kind in KINDS if kind.key in spec]
        if len(kinds) != 1:
            problems.error(where, _("专栏 「{key}」 needs exactly one of {choices}")
                                    .format(key=key, choices=_choices()))
            continue
        kind = kinds[0]
        params = spec.get("参数") or {}
        if not isinstance(params, dict):
            problems.error(where, _("专栏 「{key}」: 参数 must be a mapping").format(key=key))
            params = {}
        specs[str(key)] = BoxSpec(str(key), spec["标题"], kind.name, str(spec[kind.key]), params,
                                  where, kind.options(str(key), spec, where, problems))
    return specs


def check_sources(data: YearData, problems: Problems) -> None:
    """Each 专栏's definition against the data it shows."""
    for box in data.boxes.values():
        kind_of(box).check(box, data, problems)
