"""Totals computed from parts, and the breakdowns of investment that must agree."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.project import REPO
from helpers.sheets import set_cell
from reportgen.data.compute import column_totals, investment_types, total
from reportgen.data.model import Gap, Record, RecordTable, Value
from reportgen.data.schema import INVESTMENT, MAJOR_PROJECTS
from reportgen.data.sheets import read_workbook
from reportgen.data.validate import record_table
from reportgen.errors import Problems, SourceRef

BOOK = "data/2021/statistics.xlsx"
SHEET = SourceRef(BOOK, "投资计划")
COLUMNS = {"投资类型": 1, "分类方式": 2, "类别": 3, "项目数": 4, "年度计划投资": 5}
A, B = Gap("甲·项目数", SHEET.at(row=2, column=4)), Gap("乙·项目数", SHEET.at(row=3, column=4))


def D(text: str) -> Decimal:  # noqa: N802 - reads like the literal it makes
    return Decimal(text)


@pytest.mark.parametrize(("values", "expected"), [
    ([D("1"), D("2.5")], D("3.5")),
    ([D("1.10"), D("2.20")], D("3.30")),
    ([D("1"), None, "—", D("2")], D("3")),  # parts without a value add nothing
    ([], None),
    ([None, "—"], None),
    ([D("-3"), D("3")], D("0")),
])
def test_the_total_of_parts(values: list[Value], expected: Decimal | None) -> None:
    found = total(values, "合计", SHEET)
    assert found == expected
    assert str(found) == str(expected)  # the published precision of the parts is kept


def test_a_part_still_to_fill_in_makes_the_total_wait_on_it() -> None:
    found = total([D("1"), A, None, B], "投资计划合计", SHEET)
    assert isinstance(found, Gap)
    assert found.what == "投资计划合计"
    assert found.ref == A.ref
    assert found.listed() == (A, B)


def test_a_gap_that_waits_on_cells_passes_those_cells_on() -> None:
    count = Gap("完工项目数", SHEET, (A, B))
    found = total([count, D("2")], "合计", SHEET)
    assert isinstance(found, Gap) and found.listed() == (A, B)


@given(st.lists(st.decimals(allow_nan=False, allow_infinity=False, places=2,
                            min_value=-10**6, max_value=10**6), min_size=1, max_size=8),
       st.randoms())
def test_a_total_is_the_sum_in_any_order(numbers: list[Decimal], random: object) -> None:
    shuffled = list(numbers)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert total(numbers, "合计", SHEET) == sum(numbers, Decimal(0))
    assert total(shuffled, "合计", SHEET) == total(numbers, "合计", SHEET)


def test_column_totals_sum_each_column() -> None:
    rows = [Record({"投资类型": "社会投资项目", "项目数": D("58"), "完成投资": D("110.1")},
                   SourceRef(BOOK, "重大项目执行", 2)),
            Record({"投资类型": "政府投资项目", "项目数": D("100"), "完成投资": A},
                   SourceRef(BOOK, "重大项目执行", 3))]
    totals = column_totals(rows, ["项目数", "完成投资", "形成投资放量"], "重大项目合计", SHEET)
    assert totals["项目数"] == D("158")
    assert totals["完成投资"] == Gap("重大项目合计·完成投资", A.ref)
    assert totals["形成投资放量"] is None  # no row has the column
    assert list(totals) == ["项目数", "完成投资", "形成投资放量"]


# --- investment types -----------------------------------------------------------------------


def row(row_number: int, kind: str, breakdown: str, part: str, count: Value = None,
        planned: Value = None) -> Record:
    ref = SHEET.at(row=row_number)
    values = {"投资类型": kind, "分类方式": breakdown, "类别": part, "项目数": count,
              "年度计划投资": planned}
    cells = {name: ref.at(column=index, column_name=name) for name, index in COLUMNS.items()}
    return Record(values, ref, cells)


def types_of(*rows: Record) -> list:  # type: ignore[type-arg]
    return investment_types(RecordTable("投资计划", SHEET, tuple(COLUMNS), rows))


def test_the_shipped_investment_plan() -> None:
    problems = Problems()
    table = record_table(read_workbook(REPO / BOOK, SourceRef(BOOK))["投资计划"], INVESTMENT,
                         problems)
    assert problems.items == []
    social, government = investment_types(table)
    assert (social.name, government.name) == ("社会投资项目", "政府投资项目")
    assert social.totals == {"项目数": D("55"), "年度计划投资": D("142.9")}
    assert government.totals == {"项目数": D("109"), "年度计划投资": D("47.4")}
    assert [b.name for b in social.breakdowns] == ["按领域", "按建设性质"]
    assert [len(b.parts) for b in social.breakdowns] == [7, 2]
    assert [b.name for b in government.breakdowns] == ["按建设性质"]
    assert social.stated is None
    assert government.stated is not None and government.stated.ref == SHEET.at(row=13)
    assert social.problems == government.problems == ()


def test_breakdowns_that_disagree_give_a_problem_naming_the_cell(project: Path) -> None:
    book = project / BOOK
    set_cell(book, "投资计划", "类别", "新建项目", "项目数", 31)  # 社会投资项目 (row 9)
    table = record_table(read_workbook(book, SourceRef(BOOK))["投资计划"], INVESTMENT, Problems())
    social = investment_types(table)[0]
    assert [str(p) for p in social.problems] == [
        "data/2021/statistics.xlsx[投资计划]!D9（项目数）: 社会投资项目·项目数: 按建设性质 "
        "(rows 9–10) gives 56, but 按领域 (rows 2–8) gives 55"]
    assert social.totals["项目数"] == D("55")  # the first complete breakdown's


def test_a_stated_total_must_agree_with_the_breakdowns() -> None:
    kind, = types_of(row(2, "政府投资项目", "按建设性质", "新建项目", D("66"), D("10")),
                     row(3, "政府投资项目", "按建设性质", "续建项目", D("43"), D("20")),
                     row(4, "政府投资项目", "合计", "政府投资项目", D("109"), D("31")))
    assert [str(p) for p in kind.problems] == [
        "data/2021/statistics.xlsx[投资计划]!E4（年度计划投资）: 政府投资项目·年度计划投资: "
        "合计 (row 4) gives 31, but 按建设性质 (rows 2–3) gives 30"]
    assert kind.totals == {"项目数": D("109"), "年度计划投资": D("30")}
    assert [b.name for b in kind.breakdowns] == ["按建设性质"]  # 合计 is not a breakdown


def test_a_stated_total_gives_what_no_breakdown_gives() -> None:
    kind, = types_of(row(2, "政府投资项目", "按建设性质", "新建项目", D("66")),
                     row(3, "政府投资项目", "按建设性质", "续建项目", D("43")),
                     row(4, "政府投资项目", "合计", "政府投资项目", None, D("47.4")))
    assert kind.totals == {"项目数": D("109"), "年度计划投资": D("47.4")}
    assert kind.problems == ()


def test_only_breakdowns_complete_in_a_measure_count_for_it() -> None:
    kind, = types_of(row(2, "社会投资项目", "按领域", "房地产项目", D("11"), D("30")),
                     row(3, "社会投资项目", "按领域", "教育项目", D("8"), "—"),
                     row(4, "社会投资项目", "按建设性质", "新建项目", D("30")),
                     row(5, "社会投资项目", "按建设性质", "续建项目", D("25")))
    # 项目数: 19 by 按领域, 55 by 按建设性质; 年度计划投资: no breakdown is complete
    assert [str(p) for p in kind.problems] == [
        "data/2021/statistics.xlsx[投资计划]!D4（项目数）: 社会投资项目·项目数: 按建设性质 "
        "(rows 4–5) gives 55, but 按领域 (rows 2–3) gives 19"]
    assert kind.totals == {"项目数": D("19"),
                           "年度计划投资": Gap("社会投资项目·年度计划投资", SHEET.at(row=2))}


def test_a_breakdown_still_to_fill_in_gives_a_total_to_fill_in() -> None:
    gap = Gap("社会投资项目·按领域·房地产项目·项目数", SHEET.at(row=3, column=4))
    kind, = types_of(row(2, "社会投资项目", "按领域", "教育项目", D("8")),
                     row(3, "社会投资项目", "按领域", "房地产项目", gap))
    found = kind.totals["项目数"]
    assert isinstance(found, Gap)
    assert found.what == "社会投资项目·项目数" and found.listed() == (gap,)
    assert kind.problems == ()  # nothing to compare yet


def test_types_come_in_the_order_they_first_appear() -> None:
    kinds = types_of(row(2, "政府投资项目", "按建设性质", "新建项目", D("1")),
                     row(3, "社会投资项目", "按领域", "房地产项目", D("2")),
                     row(4, "政府投资项目", "按建设性质", "续建项目", D("3")))
    assert [(k.name, k.totals["项目数"]) for k in kinds] == [
        ("政府投资项目", D("4")), ("社会投资项目", D("2"))]
    assert [p.ref.row for p in kinds[0].breakdowns[0].parts] == [2, 4]


def test_the_shipped_major_projects_total() -> None:
    table = record_table(read_workbook(REPO / BOOK, SourceRef(BOOK))["重大项目执行"],
                         MAJOR_PROJECTS, Problems())
    assert column_totals(table.rows, ["项目数", "形成投资放量", "完成投资"], "重大项目合计",
                         table.ref) == {"项目数": D("158"), "形成投资放量": D("122"),
                                        "完成投资": D("137.8")}
