"""Read YAML files with the line of every key, so a problem can name the line it is on."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import ReportgenError, SourceRef
from reportgen.i18n import _
from reportgen.textfile import read_text


class LineDict(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers the line each key was written on."""

    lines: dict[Any, int]


def key_line(mapping: Any, key: Any) -> int | None:
    """The line ``key`` was written on, when ``mapping`` was read by ``read_yaml``."""
    return mapping.lines.get(key) if isinstance(mapping, LineDict) else None


def line_ref(base: SourceRef, mapping: Any, key: Any) -> SourceRef:
    """``base`` at the line of ``key``, or ``base`` itself when the line is not known."""
    line = key_line(mapping, key)
    return base.at(line=line) if line else base


class _LineLoader(yaml.SafeLoader):
    def __init__(self, stream: str, ref: SourceRef) -> None:
        super().__init__(stream)
        self.ref = ref  # the file being read, for the problems found in it


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise ReportgenError(_("a mapping key must be plain text"),
                                 loader.ref.at(line=line)) from None
        if key in mapping:
            raise ReportgenError(
                _("key 「{key}」 appears twice (lines {key2} and {line})")
                  .format(key=key, key2=mapping.lines[key], line=line),
                loader.ref.at(line=line),
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, _("「{text}」 is not a date ({why})").format(text=node.value, why=exc),
            node.start_mark) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def read_yaml(path: Path, ref: SourceRef) -> Any:
    return parse_yaml(read_text(path, ref), ref)


def parse_yaml(text: str, ref: SourceRef) -> Any:
    """YAML text read as ``read_yaml`` reads a file (``ref`` names it in problems)."""
    try:
        return yaml.load(text, Loader=functools.partial(_LineLoader, ref=ref))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{ref}:{mark.line + 1}" if mark is not None else str(ref)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ReportgenError(_("is not valid YAML: {problem}")
                               .format(problem=problem), where) from None
