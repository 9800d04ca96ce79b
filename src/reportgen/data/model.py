"""Frozen dataclasses of a validated year: numbers are Decimal, gaps and targets are typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reportgen.characters import GAP_CLOSE, GAP_OPEN
from reportgen.data.schema import EXECUTION_SHEET, PLAN_SHEET
from reportgen.errors import Problems, SourceRef
from reportgen.i18n import _

#: What a user (or ``reportgen draft``) writes in a cell or in report.yaml for a value still
#: to fill in: it reads as a gap in any value column, whether or not a blank there would.
TO_FILL = ("待填", "【待填】")


@dataclass(frozen=True)
class Gap:
    """A blank the user still has to fill in; renders as a highlighted 【待填：…】."""

    what: str
    ref: SourceRef | str
    #: For a figure that waits on several cells (a count over a column still to fill in):
    #: those cells, listed instead of this gap.
    parts: tuple[Gap, ...] = field(default=(), compare=False)

    @property
    def placeholder(self) -> str:
        return f"【待填：{self.what}】"

    def listed(self) -> tuple[Gap, ...]:
        """The gaps to list for this one: the cells to fill in."""
        return self.parts or (self,)

    def __str__(self) -> str:
        # The private-use marks let the document writer find and highlight the placeholder
        # after it has passed through template text.
        return f"{GAP_OPEN}{self.placeholder}{GAP_CLOSE}"

    def __bool__(self) -> bool:
        return False


@dataclass(frozen=True)
class Target:
    """A plan target as written: 7.5以上, ≥300, 6-6.5, 提高1.5个百分点, 完成国家和市下达目标.

    ``op`` is how a result is judged against it: ``>=``, ``<=``, ``range`` (``value`` to
    ``high``: met from its lower end), ``increase`` (points over the previous value), ``class``
    (water-quality class Ⅰ–Ⅵ, lower is better), ``approx`` (左右: judged by a person) or
    ``qualitative``. ``word`` is the qualifier reports write after the figure (以上, 以内, 以下,
    左右), so that every filter prints the target with its meaning: 增长6.5%以上. ``ref`` is the
    cell it was read from, for messages.
    """

    text: str
    op: str
    value: Decimal | None = None
    high: Decimal | None = None
    word: str = ""
    dash: str = "—"
    ref: SourceRef | str | None = field(default=None, compare=False)
    #: written as a growth (增长7%): judged on the growth rate
    growth: bool = False

    def __str__(self) -> str:
        return self.text

    @property
    def quantitative(self) -> bool:
        return self.op in (">=", "<=", "range", "increase", "class")


Value = Decimal | str | bool | Target | Gap | dt.date | None


@dataclass(frozen=True)
class Roles:
    """Which sheets play which part (report.yaml's 数据; today's names by default): last year's
    results against its targets, this year's targets, the result a target judges when the
    table says so, and the lists of last year's plan that draft turns into lists to report on
    (new sheet, from sheet, only the rows of this 分组 or all)."""

    execution: str = EXECUTION_SHEET
    plan: str = PLAN_SHEET
    compared: str | None = None
    carried: tuple[tuple[str, str, str | None], ...] = (
        ("上年民心工程", "本年民心工程", None),
        ("上年完工项目", "政府投资重点项目", "完工项目"),
    )


#: The title block's lines under the title where report.yaml does not write them (题注, 署名,
#: 称谓): templates, like the title.
CAPTION = "——{{ 会议.日期|date }}在{{ 会议.名称 }}上"
SIGNATURE = "{{ 报告单位 }}"
SALUTATION = "各位代表："
#: What a 专栏's title opens with, as a template of its 编号: 专栏3：… by default; reports also
#: write 专栏3 … (a space), 专栏三：… ({{ 编号|cn }}).
BOX_LABEL = "专栏{{ 编号 }}："


@dataclass(frozen=True)
class Meta:
    region: str | Gap
    issuer: str | Gap
    meeting_date: dt.date | Gap
    meeting_name: str | Gap
    review_year: int
    plan_year: int
    title: str
    ref: SourceRef | str
    #: how the prose names the meeting (区二届人大六次会议)
    meeting_short: str | Gap = ""
    #: the meeting that approved last year's plan, and that report's title: what the prose
    #: names when it reports on that plan (last year's folder gives them when it is there)
    previous_meeting: str | Gap = ""
    previous_report: str | Gap = ""
    roles: Roles = field(default_factory=Roles)
    #: the lines under the title - 会议题注, the issuer or speaker, 各位代表： - as templates;
    #: None where the report has no such line
    caption: str | None = CAPTION
    signature: str | None = SIGNATURE
    salutation: str | None = SALUTATION
    box_label: str = BOX_LABEL


@dataclass(frozen=True)
class Indicator:
    """One row of an indicator table (专栏3/专栏4 style).

    ``category`` is forward-filled; ``starts_category`` says the row opens a new merged
    类别 cell (the sheet had a value there). A numbered row with a 分组 opens a group whose
    following unnumbered rows are its ﹟ sub-indicators.
    """

    category: str
    starts_category: bool
    number: int | None
    name: str
    unit: str
    group: str | None
    starts_group: bool
    values: Mapping[str, Value]
    ref: SourceRef
    #: The place of each value's cell, by column: what a message about the value names.
    cells: Mapping[str, SourceRef] = field(default_factory=dict)
    #: the result its target judges when the row (比较) or the table says: 绝对值 or 增速
    compared: str | None = None

    def cell(self, column: str) -> SourceRef:
        """Where the value of ``column`` is (the row, when the sheet has no such column)."""
        return self.cells.get(column, self.ref)

    @property
    def label(self) -> str:
        return f"{self.name}（{self.unit}）" if self.unit else self.name


@dataclass(frozen=True)
class IndicatorTable:
    name: str
    ref: SourceRef
    columns: tuple[str, ...]
    rows: tuple[Indicator, ...]

    def numbered(self) -> list[Indicator]:
        """The indicators that carry a 序号: what "指标N个" counts."""
        return [row for row in self.rows if row.number is not None]


@dataclass(frozen=True)
class Record:
    """One row of a plain table (projects, statistics, investment)."""

    values: Mapping[str, Value]
    ref: SourceRef
    #: The place of each value's cell, by column.
    cells: Mapping[str, SourceRef] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Value:
        return self.values[key]

    def cell(self, column: str) -> SourceRef:
        """Where the value of ``column`` is (the row, when the sheet has no such column)."""
        return self.cells.get(column, self.ref)


#: The column kinds whose values add up to a total.
ADDABLE = ("measure", "number", "int")


@dataclass(frozen=True)
class RecordTable:
    name: str
    ref: SourceRef
    columns: tuple[str, ...]
    rows: tuple[Record, ...]
    #: each column's kind (a ``schema.TYPES`` name: text, measure, percent …), and the unit its
    #: header gives (总投资（亿元） -> 亿元)
    kinds: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)

    def numeric(self, column: str) -> bool:
        """Whether the column holds amounts that add up (not percentages or targets)."""
        return self.kinds.get(column) in ADDABLE


@dataclass(frozen=True)
class BoxSpec:
    """A 专栏 as defined in boxes.yaml; its number comes from where the narrative places it.

    ``kind`` names its kind (``report/boxes/kinds.py``), ``source`` the sheet it shows, and
    ``options`` what that kind reads besides (a list's template, a table's columns).
    """

    key: str
    title: str
    kind: str
    source: str
    params: Mapping[str, object]
    ref: SourceRef | str
    options: Any = None


@dataclass(frozen=True)
class YearData:
    """Everything one year folder holds, validated."""

    year: int
    meta: Meta
    indicators: Mapping[str, IndicatorTable]
    projects: Mapping[str, RecordTable]
    statistics: RecordTable
    major_projects: RecordTable
    investment: RecordTable
    boxes: Mapping[str, BoxSpec]
    narrative: str
    narrative_ref: SourceRef
    warnings: tuple[str, ...] = field(default=())
    #: why a sheet that is there was not read as a table, by (workbook, sheet)
    unread: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def refuse_unread(self, box: BoxSpec, workbook: str, sheet: str,
                      problems: Problems) -> bool:
        """Whether 专栏 ``box`` shows a sheet that is there but was not read (recorded)."""
        why = self.unread.get((workbook, sheet))
        if why is not None:
            problems.error(box.ref, _("专栏 「{key}」 shows the sheet 「{sheet}」 of "
                           "{workbook}.xlsx, which cannot be read: {why}")
                                      .format(key=box.key, sheet=sheet, workbook=workbook, why=why))
        return why is not None

    @property
    def execution(self) -> IndicatorTable | None:
        """Last year's results against its targets (sheet 完成情况, or the one report.yaml's
        数据 names), when the year has it."""
        return self.indicators.get(self.meta.roles.execution)

    @property
    def plan(self) -> IndicatorTable | None:
        """This year's targets (sheet 计划目标, or as 数据 says), when the year has it."""
        return self.indicators.get(self.meta.roles.plan)
