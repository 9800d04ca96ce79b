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


#: Values a file's aliases (``*name``) may stand for in all, and how deeply it may nest: an
#: alias repeats its anchor's values, so that a few lines can stand for billions ("billion
#: laughs"), which would be built in memory, and deep nesting exhausts the reader's stack.
MAX_ALIASED = 10_000
MAX_NESTING = 50


class _LineLoader(yaml.SafeLoader):
    def __init__(self, stream: str, ref: SourceRef) -> None:
        super().__init__(stream)
        self.ref = ref  # the file being read, for the problems found in it
        self.aliased = 0
        self.nesting = 0
        self.sizes: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Each node, counting what aliases stand for before anything is built of them."""
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) and event.anchor in self.anchors:
            self.aliased += _count(self.anchors[event.anchor], self.sizes)
            if self.aliased > MAX_ALIASED:
                raise ReportgenError(
                    _("its aliases (*name) stand for more than {most:,} values; write "
                      "the values out, or repeat fewer of them")
                      .format(most=MAX_ALIASED), self.ref.at(line=line))
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise ReportgenError(_("nests more than {most} levels deep")
                                   .format(most=MAX_NESTING),
                                 self.ref.at(line=line))
        try:
            node = super().compose_node(parent, index)
        finally:
            self.nesting -= 1
        if id(node) not in self.sizes and not isinstance(event, yaml.AliasEvent):
            self.sizes[id(node)] = _count(node, self.sizes)  # read whole: measured once
        return node


def _count(node: yaml.Node, known: dict[int, int]) -> int:
    """How many values ``node`` stands for, its aliases followed: each node measured once, and
    once a node is read whole (``known``), never again."""
    if id(node) in known:
        return known[id(node)]
    sizes = {id(node): 1}  # while measured: a node that holds itself counts once
    stack = [(node, iter(_children(node)), [1])]
    while stack:
        current, children, total = stack[-1]
        for child in children:
            if id(child) in known:
                total[0] += known[id(child)]
            elif id(child) in sizes:
                total[0] += sizes[id(child)]
            else:
                sizes[id(child)] = 1
                stack.append((child, iter(_children(child)), [1]))
                break
        else:
            stack.pop()
            sizes[id(current)] = total[0]
            if stack:
                stack[-1][2][0] += total[0]
    return sizes[id(node)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


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
