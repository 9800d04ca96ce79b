"""Synthetic years for scale runs: the 2021 data grown to many projects and indicators."""

from __future__ import annotations

from pathlib import Path

import openpyxl

PROJECT_SHEETS = ("上年重大项目", "政府投资重点项目", "产业发展重点项目", "上年民心工程",
                  "本年民心工程")
CATEGORIES = ("经济发展", "创新驱动", "民生福祉", "绿色生态", "安全保障")


def _append(sheet: openpyxl.worksheet.worksheet.Worksheet, rows: list[dict[str, object]]) -> None:
    headers = [str(c.value).split("（")[0] for c in sheet[1]]
    for row in rows:
        sheet.append([row.get(h) for h in headers])


def grow(year_dir: Path, projects: int, indicators: int) -> None:
    """Add ``projects`` projects spread over the project lists and ``indicators`` indicators
    to both indicator tables of a copied 2021 year folder."""
    book = openpyxl.load_workbook(year_dir / "projects.xlsx")
    per_sheet = projects // len(PROJECT_SHEETS)
    for index, name in enumerate(PROJECT_SHEETS):
        sheet = book[name]
        rows = []
        for n in range(per_sheet):
            rows.append({
                "分组": ["新开工项目", "完工项目"][n % 2] if name == "政府投资重点项目"
                else "社会投资项目" if name == "上年重大项目" else "工业项目",
                "类别": f"类别{n // 50}" if name != "上年重大项目" else None,
                "名称": f"第{index}组测试项目{n}号（含&<>\"'符号）",
                "完成情况": f"完成第{n}项工程建设。",
                "是否完工": "是" if n % 3 else "否",
            })
        _append(sheet, rows)
    book.save(year_dir / "projects.xlsx")

    book = openpyxl.load_workbook(year_dir / "indicators.xlsx")
    for name in ("完成情况", "计划目标"):
        sheet = book[name]
        start = max(c.value or 0 for c in sheet["B"][1:] if isinstance(c.value, int)) + 1
        rows = []
        for n in range(indicators):
            rows.append({
                "类别": CATEGORIES[n // 100 % 5] if n % 100 == 0 else None,
                "序号": start + n, "指标名称": f"测试指标{n}", "单位": "%",
                "计划目标": f"{n % 10}以上", "绝对值": n * 1.5, "增速": (n % 7) / 100,
                "属性": "预期性",
            })
        _append(sheet, rows)
    book.save(year_dir / "indicators.xlsx")
