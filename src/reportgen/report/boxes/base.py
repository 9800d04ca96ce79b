"""What every 专栏 kind shares: the interface a kind implements, the context it renders in, its
numbered title, and the templates it may read from ``templates/专栏/``.

A kind is one module with one ``BoxKind`` subclass, listed in ``kinds.KINDS``: it says which
key of boxes.yaml makes a 专栏 of its kind, reads its own options from the definition, checks
them against the data, and renders the 专栏 as one Word table (so a 专栏 keeps its border
across page breaks and when edited in Word).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reportgen.data.model import BoxSpec, Gap, YearData
from reportgen.errors import Problems, ReportgenError, SourceRef, display_path
from reportgen.guard import confined
from reportgen.i18n import _
from reportgen.report.narrative import parse_blocks
from reportgen.templating.environment import ReportEnvironment, render_text
from reportgen.textfile import read_text
from reportgen.word import styles
from reportgen.word.blocks import BLOCK_KINDS
from reportgen.word.ooxml import Span, TableCell, Xml, paragraph, runs, table

if TYPE_CHECKING:
    from reportgen.project import Project

#: Text width of the 版心 in twips (156 mm): the width of every 专栏.
FULL_WIDTH = 8844


#: Space between a 专栏's border and its text, in twips: (top and bottom, left and right).
BOX_PADDING = (57, 113)


def box_title(opening: str, title: str, keep: bool = False) -> Xml:
    """The title paragraph of a 专栏 of any kind: its opening (专栏3：) and title, centred;
    ``keep`` keeps a table's title row with the row below."""
    return paragraph(runs([Span(opening + title)]), styles.BOX_TITLE, "center", keep_next=keep)


def framed_text(opening: str, title: str, text: str) -> Xml:
    """A 专栏 of text written in the narrative markup: a bordered one-column table with no lines
    between its rows.

    The first row - the title, any heading and the first paragraph of text - does not split,
    so the title is never left alone at the foot of a page; the last paragraph is a row that
    does not split either, so the 专栏 never ends with one lost line on a page of its own; the
    rows between hold the rest and flow across pages, each part closed by the border.
    """
    first: list[str] = [box_title(opening, title)]
    rest: list[str] = []
    has_text = False  # the first row holds its first paragraph of text
    for block in parse_blocks(text):
        heading = BLOCK_KINDS[block.kind].heading
        xml = paragraph(runs(block.spans, styles.LEAD),
                        styles.BOX_HEADING if heading else styles.BOX_TEXT)
        if has_text:
            rest.append(xml)
        else:
            first.append(xml)
            has_text = not heading
    parts = [first] + ([rest[:-1]] if len(rest) > 1 else []) + ([rest[-1:]] if rest else [])
    top_bottom, sides = BOX_PADDING
    rows = [[TableCell("".join(part), pad=(top_bottom if index == 0 else 0,
                                           top_bottom if index == len(parts) - 1 else 0))]
            for index, part in enumerate(parts)]
    cant_split = [index != 1 or len(parts) == 2 for index in range(len(parts))]
    return table([FULL_WIDTH], rows, inner=None, cant_split=cant_split, padding=(0, sides))


class NameChecker(Protocol):
    """What checks the names a template uses against the data (``checks.names``)."""

    def check(self, source: str, where: Callable[[int], SourceRef | str],
              local: Mapping[str, Any] | None = None) -> None: ...


class TemplateFiles:
    """The 专栏 templates of a project (``templates/专栏/``), each read once."""

    def __init__(self, project: Project):
        self.folder = project.box_templates_dir
        self.root = project.root
        self.cache: dict[str, tuple[str, str]] = {}

    def where(self, name: str) -> str:
        """The template's path as the user sees it."""
        return display_path(self.folder / name, self.root)

    def exists(self, name: str) -> bool:
        path = confined(self.folder, name)
        return path is not None and path.is_file()

    def outside(self, name: str) -> str | None:
        """Why ``name`` is not a template of the folder, when it leads out of it."""
        if confined(self.folder, name) is not None:
            return None
        return (_("模板 「{name}」 is not a file inside {root}/; "
                  "a 专栏 template is read from that folder only")
                  .format(name=name, root=display_path(self.folder, self.root)))

    def read(self, name: str, named: SourceRef | str | None = None) -> tuple[str, str]:
        """(source, path as the user sees it) of the template ``name``, which ``named`` (its
        place in boxes.yaml) names."""
        if name not in self.cache:
            refused = self.outside(name)
            if refused:
                raise ReportgenError(refused, named or display_path(self.folder, self.root))
            path: Path = self.folder / name
            where = self.where(name)
            if not path.is_file():
                raise ReportgenError(_("missing: the 专栏 template named in boxes.yaml"), where)
            self.cache[name] = (read_text(path, SourceRef(where)), where)
        return self.cache[name]


@dataclass
class BoxContext:
    """What a 专栏 renders with: the year, the template environment and the names templates
    see, the 专栏 templates, and the list the gaps printed on the way go to."""

    data: YearData
    env: ReportEnvironment
    context: Mapping[str, Any]
    templates: TemplateFiles
    gaps: list[Gap]

    def render(self, box: BoxSpec, text: str, local: Mapping[str, Any] | None = None) -> str:
        """A template written in boxes.yaml (a title, a label), rendered; ``local`` adds the
        names only it sees (a 类别 label's 名称 and 个数)."""
        return render_text(self.env, text, str(box.ref),
                           {**self.context, **(local or {})}).strip()

    def label(self, number: int) -> str:
        """What the title of the 专栏 numbered ``number`` opens with (report.yaml's 专栏编号),
        its spaces kept."""
        meta = self.data.meta
        return render_text(self.env, meta.box_label, f"{meta.ref} (专栏编号)",
                           {**self.context, "编号": number})


class BoxKind:
    """One kind of 专栏. Subclasses set the class attributes and implement ``options``,
    ``check`` and ``render``; the others have defaults."""

    #: The kind's name, kept in ``BoxSpec.kind``.
    name = ""
    #: The boxes.yaml key that makes a 专栏 this kind, and what it names.
    key = ""
    names = ""

    def options(self, box: str, spec: Mapping[str, Any], where: SourceRef,
                problems: Problems) -> Any:
        """The kind's own part of a definition (``spec``, a boxes.yaml mapping)."""
        raise NotImplementedError

    def check(self, box: BoxSpec, data: YearData, problems: Problems) -> None:
        """Problems of the definition against the data: its sheet exists, its columns do."""
        raise NotImplementedError

    def titles(self, box: BoxSpec) -> list[str]:
        """The templates written in the definition itself (its title and any others)."""
        return [box.title]

    def check_templates(self, box: BoxSpec, templates: TemplateFiles, checker: NameChecker,
                        context: Mapping[str, Any], problems: Problems) -> None:
        """Check the names used by the template files the 专栏 renders, if any."""

    def render(self, box: BoxSpec, number: int, ctx: BoxContext) -> Xml:
        """The 专栏 as Word XML."""
        raise NotImplementedError
