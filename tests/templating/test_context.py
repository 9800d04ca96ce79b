"""The names templates see: the lists of unmet indicators, the counts per 类别."""

from __future__ import annotations

from decimal import Decimal

from helpers.model import indicator, table
from reportgen.templating.context import indicator_rows
from reportgen.templating.gaps import Partial


def names(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [row["指标名称"] for row in rows]


EXECUTION = table(
    indicator("地区生产总值增速", "7.5以上", "500", "3", unit="%", 属性="预期性", starts_category=True),
    indicator("森林覆盖率", "≥50", "48", 属性="约束性", number=2, row=3),
    indicator("税收收入增速", "8", "5", 属性="预期性", number=None, row=4),  # 其中 row
    indicator("能耗“双控”目标", "≤0.5", "0.4", 属性="约束性", number=3, group="能耗“双控”目标",
              starts_group=True, row=5),
    indicator("单位GDP能耗", "≤0.5", "0.6", 属性="约束性", number=None, group="能耗“双控”目标",
              row=6),  # ﹟ row of the group
    indicator("空气质量优良天数", "≥300", "339", 属性="约束性", number=4, category="绿色发展",
              starts_category=True, row=7),
)


def test_the_unmet_lists_follow_the_status_and_the_attribute() -> None:
    rows = indicator_rows(EXECUTION, "完成", with_status=True)
    assert names(rows.by_key["未完成"]) == ["地区生产总值增速", "森林覆盖率", "单位GDP能耗"]
    assert names(rows.by_key["未完成预期性"]) == ["地区生产总值增速"]
    assert names(rows.by_key["未完成约束性"]) == ["森林覆盖率", "单位GDP能耗"]


def test_a_qizhong_row_is_never_listed_but_a_group_row_is() -> None:
    rows = indicator_rows(EXECUTION, "完成", with_status=True)
    for listed in ("未完成", "未完成预期性"):
        assert "税收收入增速" not in names(rows.by_key[listed])
    assert "单位GDP能耗" in names(rows.by_key["未完成"])


def test_counts_per_category_count_numbered_rows() -> None:
    counts = indicator_rows(EXECUTION, "完成", with_status=True).by_key["指标数"]
    assert counts == {"合计": 4, "发展综合质量效益": 3, "绿色发展": 1}


def test_an_attribute_still_to_fill_in_leaves_its_list_undecided() -> None:
    from reportgen.data.model import Gap

    gap = Gap("森林覆盖率·属性", "x")
    undecided = table(indicator("地区生产总值增速", "7.5以上", "500", "3", unit="%", 属性="预期性"),
                      indicator("森林覆盖率", "≥50", "48", 属性=gap, number=2, row=3))
    rows = indicator_rows(undecided, "完成", with_status=True)
    found = rows.by_key["未完成约束性"]
    assert isinstance(found, Partial) and found.gap.listed() == (gap,)
    assert names(rows.by_key["未完成"]) == ["地区生产总值增速", "森林覆盖率"]  # 属性 does not matter


def test_a_project_list_gives_its_totals_by_category_and_group() -> None:
    from reportgen.data.model import Record, RecordTable
    from reportgen.errors import SourceRef
    from reportgen.templating.context import project_rows

    ref = SourceRef("data/2021/projects.xlsx", "重点项目")
    rows = tuple(Record({"分组": group, "类别": category, "名称": name, "总投资": Decimal(total)},
                        ref.at(row=i)) for i, (group, category, name, total) in enumerate([
        ("新开工", "交通", "甲", "1.5"), ("新开工", "民生", "乙", "2"), ("续建", "交通", "丙", "3")],
        start=2))
    table = RecordTable("重点项目", ref, ("分组", "类别", "名称", "总投资"), rows,
                        {"分组": "text", "类别": "text", "名称": "text", "总投资": "measure"})
    view = project_rows(table)
    assert view.by_key["合计"]["总投资"] == Decimal("6.5") and "名称" not in view.by_key["合计"]
    by_category = view.by_key["按类别"]
    assert list(by_category) == ["交通", "民生"]
    assert len(by_category["交通"]) == 2 and by_category["交通"].by_key["合计"]["总投资"] == 4.5
    assert by_category["交通"].by_key["丙"]["总投资"] == 3
    assert view.by_key["按分组"]["新开工"].by_key["合计"]["总投资"] == Decimal("3.5")
    assert view.by_key["甲"]["总投资"] == Decimal("1.5")
