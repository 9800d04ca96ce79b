"""The prose's figures put into the data, once: a figure equal to a value of the indicator its
sentence names (地区生产总值500.30亿元 and the 专栏 row of 地区生产总值增速) is written as that
cell; a count or a total a 专栏 gives (12项民心工程, 指标18个) as the one computed; a headline
indicator of the genre with its 增长/下降 rate - in no table - is lifted into 统计, its exact
text kept (6.0%, ％, the words around it); every other figure stays typed as it stood.

A figure is bound only where the data, through the filter that prints it, gives its very text
(增长3% is ``growth`` of 3; 2.3% ``pct`` of 2.3; 320天以上 ``amount("天")`` of ≥320); the words
before it name what it counts, the figure before it where they only go on (亿元、增长).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reportgen.data.model import Target, YearData
from reportgen.importer.outline import Expr, Line, Part
from reportgen.importer.year import DATA, ImportedYear, Stat
from reportgen.templating.numfmt import FilterError, amount, growth, num, pct

_FIGURE = re.compile(r"(?<![A-Za-z0-9.%％\-－])-?\d+(?:\.\d+)?(?![\d.]|[a-zA-Z])")
#: A figure that is a date, a year, a number in a name (5G, G210) or a page is no figure.
_NOT_FIGURE = re.compile(r"^\s*(年|月|日|时|号|届|次会议|·)")
_SENTENCE = re.compile(r"[。；！？]")
_DIRECTIONS = ("增长", "下降")
#: The words between a figure and the next that leave the next one about the same thing.
_GOING_ON = re.compile(r"^(亿元|万元|元|亿美元|万美元|万人|万|亿|%|％|、|，|,|同比|比上年|"
                       r"增长|下降|增速|为|达到|分别|实现|完成)*$")
_UNITS = ("亿美元", "万美元", "亿元", "万元", "元")
_GROWTH_AFTER = re.compile(r"^[、，,]?(?:同比|比上年)?(增长|下降)(-?\d+(?:\.\d+)?)([%％])")
#: The genre's headline indicators, as reports name them (the longest first where one
#: contains another).
HEADLINE = tuple(sorted((
    "地区生产总值", "规模以上工业增加值", "规上工业增加值", "工业增加值", "固定资产投资",
    "社会消费品零售总额", "一般公共预算收入", "地方一般公共预算收入", "财政一般公共预算收入",
    "税收收入", "居民人均可支配收入", "全体居民人均可支配收入", "城镇常住居民人均可支配收入",
    "农村常住居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入",
    "进出口总额", "外贸进出口总额", "实际利用外资", "服务业增加值", "农业增加值",
    "第一产业增加值", "第二产业增加值", "第三产业增加值", "建筑业增加值",
), key=len, reverse=True))
_HEADLINE = re.compile("|".join(HEADLINE))
#: The words that may stand right before a headline indicator's name and leave it the
#: indicator itself (全区地区生产总值, 其中：农业增加值): the place, 其中, a verb. Any other word
#: there names another indicator (农村牧区常住居民人均可支配收入, 500万元以上固定资产投资),
#: which is left typed rather than taken for the one the name ends with.
_FRAME = re.compile(r"(?:[全我本][区市县旗州盟镇乡]|其中|全年|实现|完成|累计|年)$")
_CJK = re.compile(r"[\u4e00-\u9fff]$")
#: A sentence about a plan, not a result: its figures are targets, never lifted into 统计.
_TARGET_WORDS = re.compile(r"目标|预期|力争|计划|确保|争取")
_TARGET_AFTER = re.compile(r"^[%％]?\s*(左右|以上|以内|以下)")
_PREVIOUS = re.compile(r"(?P<short>[\u4e00-\u9fff]{1,3}[一二三四五六七八九十]+届人大"
                       r"[一二三四五六七八九十]+次会议)批准的《(?P<report>[^《》]+报告)》")


def reference(label: str, *keys: str) -> str:
    """A template path to a value: 完成.地区生产总值增速.绝对值, or 完成["R&D…"] where a key is
    no plain name."""
    out = label
    for key in keys:
        out += f".{key}" if key.isidentifier() else '["' + key.replace('"', '\\"') + '"]'
    return out


@dataclass
class Quoted:
    """An indicator the prose may quote: the path to its row, the names it goes by, its
    values by column, and the sheet they are in."""

    code: str
    names: tuple[str, ...]
    values: dict[str, Any]
    source: str


@dataclass(frozen=True)
class Subject:
    """What a figure is about: the rows of the tables its words name, a headline indicator."""

    rows: list[Quoted]
    headline: str | None


@dataclass
class Tally:
    bound: int = 0
    lifted: int = 0
    typed: int = 0
    names: int = 0  # meeting and report names of last year's plan, by name


def core_names(name: str) -> tuple[str, ...]:
    """How the prose names an indicator: 地区生产总值 for 地区生产总值增速."""
    plain = name.removeprefix("其中：")
    core = re.sub(r"(增速|增长率|增长|增幅)$", "", plain)
    return tuple(dict.fromkeys(n for n in (core, plain) if len(n) >= 2))


def quoted_rows(data: YearData, imported: ImportedYear) -> list[Quoted]:
    """Every indicator of the year's tables, by the name templates give its table."""
    out = []
    for name, table in data.indicators.items():
        label = "完成" if name == data.meta.roles.execution else \
            "目标" if name == data.meta.roles.plan else reference("指标表", name)
        for row in table.rows:
            out.append(Quoted(reference(label, row.name), core_names(row.name),
                              dict(row.values), f"sheet:{name}"))
    return out


def _printings(value: Any, unit_after: str) -> list[tuple[str, str]]:
    """(filter, text) for each way the value may print."""
    if not isinstance(value, (Decimal, Target)):
        return []
    ways: list[tuple[str, Callable[[Any], Any]]] = [
        ("|growth", growth), ("|pct", pct), ("", num)]
    if isinstance(value, Target) and unit_after:
        ways.insert(0, (f'|amount("{unit_after}")', lambda v: amount(v, unit_after)))
    out = []
    for suffix, way in ways:
        try:
            text = way(value)
        except FilterError:
            continue
        if isinstance(text, str) and text:
            out.append((suffix, text))
            if "%" in text:
                out.append((suffix + '|replace("%", "％")', text.replace("%", "％")))
    return out


def _unit_after(text: str) -> str:
    found = re.match(r"[\u4e00-\u9fff]{1,3}", text)
    return found.group(0).removesuffix("以上").removesuffix("以内") if found else ""


def _matched(text: str, start: int, end: int, value: Any) -> tuple[int, int, str, str] | None:
    """The longest span around the figure at [start, end) that a printing of ``value`` gives
    exactly: (start, end, filter, text)."""
    best = None
    for suffix, printed in _printings(value, _unit_after(text[end:])):
        for begin in (start - 2, start):
            if begin < 0 or not text.startswith(printed, begin) or begin + len(printed) < end:
                continue
            if begin != start and text[begin:start] not in _DIRECTIONS:
                continue
            stop = begin + len(printed)
            if stop < len(text) and text[stop - 1].isdigit() and text[stop].isdigit():
                continue
            if best is None or stop - begin > best[1] - best[0]:
                best = (begin, stop, suffix, printed)
    return best


class Binder:
    """Binds the figures of the narrative's lines to the year's data."""

    def __init__(self, imported: ImportedYear, data: YearData):
        self.imported = imported
        self.rows = quoted_rows(data, imported)
        self.lists = _lists(imported, data)
        self.counts = _indicator_counts(data)
        self.totals = _totals(imported, data)
        self.tally = Tally()
        #: past the heading of the plan's part (二、2023年…): its figures are targets
        self.planning = False

    def bind(self) -> Tally:
        plan_year = re.compile(rf"(?<!\d){self.imported.years[1]}\s*年")
        for index, unit in enumerate(self.imported.units):
            if isinstance(unit, Line):
                if unit.kind == "h1" and plan_year.search(unit.text):
                    self.planning = True
                self.imported.units[index] = self.line(unit)
        return self.tally

    def line(self, line: Line) -> Line:
        lead = self.parts(line.lead) if line.lead else []
        return Line(line.kind, lead, self.parts(line.body), line.place)

    def parts(self, parts: list[Part]) -> list[Part]:
        out: list[Part] = []
        for part in parts:
            out += self.text(part) if isinstance(part, str) else [part]
        return out

    def text(self, text: str) -> list[Part]:
        text_parts = self.previous_meeting(text)
        out: list[Part] = []
        for part in text_parts:
            out += self.figures(part) if isinstance(part, str) else [part]
        return out

    def previous_meeting(self, text: str) -> list[Part]:
        """The meeting that approved last year's plan and its report, named in the prose, by
        their names (上年会议.简称, 上年会议.报告), written into report.yaml."""
        found = _PREVIOUS.search(text)
        if not found:
            return [text]
        previous = {"简称": found.group("short"), "报告": found.group("report")}
        known = self.imported.report.setdefault("上年会议", previous)
        if known != previous:
            return [text]
        self.tally.names += 1
        return [text[:found.start("short")],
                Expr("上年会议.简称", previous["简称"], ("report:上年会议",)),
                text[found.end("short"):found.start("report")],
                Expr("上年会议.报告", previous["报告"], ("report:上年会议",)),
                text[found.end("report"):]]

    def figures(self, text: str) -> list[Part]:
        out: list[Part] = []
        last = 0  # the end of the text taken
        since = 0  # where the words about the next figure start
        subject: Subject | None = None
        for found in _FIGURE.finditer(text):
            start, end = found.span()
            if start < last or _NOT_FIGURE.match(text[end:]) or (
                    len(found.group(0)) == 4 and text[end:end + 1] == "年"):
                continue
            sentence = max((m.end() for m in _SENTENCE.finditer(text, 0, start)), default=0)
            words = text[max(since, sentence):start]
            named = self.subject(words)
            if named is not None:
                subject = named
            elif not _GOING_ON.match(re.sub(r"\s", "", words)) or sentence > since:
                subject = None
            bound = self.bound_to(text, start, end, subject, words, sentence)
            if bound is None:
                self.tally.typed += 1
                since = end
                continue
            begin, stop, expr = bound
            out += [text[last:begin], expr]
            last = since = stop
        out.append(text[last:])
        return [part for part in out if part != ""]

    def subject(self, words: str) -> Subject | None:
        """What the words before a figure name: the rows of a table the name nearest the
        figure is of, and a headline indicator named there; None when they name neither."""
        best: tuple[int, int] | None = None
        rows: list[Quoted] = []
        for row in self.rows:
            for name in row.names:
                at = words.rfind(name)
                if at < 0:
                    continue
                place = (at + len(name), len(name))
                if best is None or place > best:
                    best, rows = place, [row]
                elif place == best and row not in rows:
                    rows.append(row)
        headline = None
        for found in _HEADLINE.finditer(words):
            before = words[:found.start()]
            framed = not _CJK.search(before) or _FRAME.search(before)
            headline = found.group(0) if framed else None
        if not rows and headline is None:
            return None
        return Subject(rows, headline)

    def bound_to(self, text: str, start: int, end: int, subject: Subject | None,
                 words: str, sentence: int) -> tuple[int, int, Expr] | None:
        """The expression for the figure at ``start``:``end`` (its sentence starting at
        ``sentence``), or None where it stays typed."""
        counted = self.count(text, start, end, words)
        if counted is not None or subject is None:
            return counted
        best = None
        for row in subject.rows:
            for column, value in row.values.items():
                matched = _matched(text, start, end, value)
                # the longest text printed; a result rather than a target where both print it
                rank = (matched[1] - matched[0], not isinstance(value, Target)) if matched \
                    else None
                if matched and (best is None or rank > best[0]):  # type: ignore[operator]
                    best = (rank, matched, row, column)
        if best is not None:
            _, (begin, stop, suffix, printed), row, column = best
            self.tally.bound += 1
            code = reference(row.code, column) + suffix
            return begin, stop, Expr(code, printed, (row.source,))
        if subject.headline:
            return self.lift(text, start, end, subject.headline, sentence)
        return None

    def count(self, text: str, start: int, end: int, words: str
              ) -> tuple[int, int, Expr] | None:
        """A count the data computes: a list's rows (12项民心工程), a table's indicators
        (指标18个, 体现…的指标5个)."""
        figure = text[start:end]
        after = text[end:end + 1]
        if after in "个项" and after:
            following = text[end + 1:]
            for name, (code, rows, source) in self.lists.items():
                if (following.startswith(name) or words.endswith(name)) and str(rows) == figure:
                    self.tally.bound += 1
                    return start, end, Expr(code, figure, (source,))
            if words.endswith("指标") or words.endswith("指标数"):
                for code, total, by_category, source in self.counts:
                    named = [c for c in by_category if c and c in words]
                    if named and str(by_category[named[-1]]) == figure:
                        self.tally.bound += 1
                        return start, end, Expr(reference(code, named[-1]), figure, (source,))
                    if not named and str(total) == figure:
                        self.tally.bound += 1
                        return start, end, Expr(f"{code}.合计", figure, (source,))
        for column, path, printed, sheet in self.totals:
            if column in words and printed == figure:
                self.tally.bound += 1
                return start, end, Expr(path, figure, (sheet,))
        return None

    def lift(self, text: str, start: int, end: int, name: str, sentence: int
             ) -> tuple[int, int, Expr] | None:
        """A headline indicator's figure - an amount with the rate after it, or its rate -
        into 统计 (the first time it is named; again where the prose repeats it)."""
        figure = text[start:end]
        if self.planning or _TARGET_WORDS.search(text, sentence, end) \
                or _TARGET_AFTER.match(text[end:]):
            return None
        before = text[max(0, start - 2):start]
        stats = self.imported.statistics
        code = reference("统计", name)
        source = (f"统计:{name}",)
        gap = len(text[end:]) - len(text[end:].lstrip(" \u3000"))  # 32740 元
        unit = next((u for u in _UNITS if text.startswith(u, end + gap)), None)
        rate = _GROWTH_AFTER.match(text[end + gap + len(unit):]) if unit else None
        if unit is not None and rate is not None:  # an amount, with its rate
            negative = rate.group(1) == "下降" and not rate.group(2).startswith("-")
            growth_text = ("-" if negative else "") + rate.group(2) + "%"
            stat = Stat(name, figure, unit, growth_text, "正文：" + text[max(0, start - 12):
                                                                         end + gap + len(unit)])
            if not self._keep(stat):
                return None
            self.tally.lifted += 1
            return start, end, Expr(f"{code}.数值", figure, source)
        if before in _DIRECTIONS and text[end:end + 1] in "%％" and text[end:end + 1]:
            signed = figure.startswith("-")  # 增长-4%, written so: the figure alone
            rate_text = ("-" if before == "下降" and not signed else "") + figure + "%"
            known = stats.get(name)
            if known is None:
                stat = Stat(name, "—", "", rate_text, "正文：" + text[max(0, start - 14):end + 1])
                if not self._keep(stat):
                    return None
            elif known.growth != rate_text:
                return None
            self.tally.lifted += 1
            if signed:
                return start, end, Expr(f"{code}.增速", figure, source)
            suffix = '|replace("%", "％")' if text[end] == "％" else ""
            return start - 2, end + 1, Expr(f"{code}.增速|growth{suffix}",
                                            text[start - 2:end + 1], source)
        return None

    def _keep(self, stat: Stat) -> bool:
        """Whether the figure is the one 统计 holds under its name (kept there the first
        time)."""
        known = self.imported.statistics.setdefault(stat.name, stat)
        return known.value == stat.value and known.unit == stat.unit


def _lists(imported: ImportedYear, data: YearData) -> dict[str, tuple[str, int, str]]:
    """Each list of projects by what the prose calls it (its name without the year): the
    path to it, how many rows it has, its sheet."""
    out = {}
    for plan in imported.boxes():
        if plan.mode == DATA and plan.made and plan.made.workbook == "projects":
            sheet = plan.made.sheet.name
            if sheet in data.projects:
                out[plan.made.key] = (reference("项目", sheet) + "|length",
                                      len(data.projects[sheet].rows), f"sheet:{sheet}")
    return out


def _totals(imported: ImportedYear, data: YearData) -> list[tuple[str, str, str, str]]:
    """The sums of a project table's figures, as its 合计 prints them: (the column, the path to
    its sum, the sum printed, the sheet)."""
    out = []
    for plan in imported.boxes():
        if not (plan.mode == DATA and plan.made and plan.made.kind == "项目表"):
            continue
        table = data.projects.get(plan.made.sheet.name)
        if table is None:
            continue
        for column in table.columns:
            values = [v for row in table.rows if isinstance(v := row.values.get(column), Decimal)]
            if table.numeric(column) and len(values) == len(table.rows):
                total = sum(values, Decimal(0))
                out.append((column, reference("项目", table.name, "合计", column), num(total),
                            f"sheet:{table.name}"))
    return out


def _indicator_counts(data: YearData) -> list[tuple[str, int, dict[str, int], str]]:
    out = []
    # this year's targets first: a count of indicators is most often the plan's
    tables = sorted(data.indicators.items(), key=lambda item: item[0] != data.meta.roles.plan)
    for name, table in tables:
        label = "目标" if name == data.meta.roles.plan else "完成" if name == \
            data.meta.roles.execution else reference("指标表", name)
        numbered = table.numbered()
        by_category: dict[str, int] = {}
        for row in numbered:
            by_category[row.category] = by_category.get(row.category, 0) + 1
        out.append((f"{label}.指标数", len(numbered), by_category, f"sheet:{name}"))
    return out

