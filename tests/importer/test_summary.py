"""The summary of an import: the outline counted by level, the 专栏 by kind with their rows."""

from __future__ import annotations

from pathlib import Path

from reportgen.data.sheet_writer import OutSheet
from reportgen.importer.boxes import Box
from reportgen.importer.figures import Tally
from reportgen.importer.made import Made
from reportgen.importer.outline import Line
from reportgen.importer.source import Para, Source
from reportgen.importer.summary import box_counts, counts, lines, rebuilt
from reportgen.importer.year import PLAIN, TEXT, BoxPlan, ImportedYear


def test_what_an_import_made_is_counted() -> None:
    made = Made("清单", "工程", {}, "projects", OutSheet("工程", ["名称"]), 12, "编号清单.txt")
    units = [Line("h1", body=["一、甲"]), Line("h2", ["（一）乙。"], ["丙"]), Line("p", ["引。"], ["文"]),
             Line("p", body=["文"]), BoxPlan(Box(Para("专栏1：工程"), "1", "工程"), made, []),
             BoxPlan(Box(Para("专栏2：文"), "2", "文"), None, [Line("p", body=["x"])], TEXT, "因"),
             BoxPlan(Box(Para("专栏一：表"), "一", "表"), None, [], PLAIN, "号")]
    source = Source(Path("r.txt"), "txt", (), b"", "official.txt", "gb18030", "甲" * 1234)
    imported = ImportedYear(2021, (2020, 2021), {"标题": "甲\n乙"}, units, source, "r.txt")
    found = counts(imported)
    assert (found.headings, found.run_in, found.paragraphs, found.leads) == (
        {"h1": 1, "h2": 1}, {"h2": 1}, 2, 1)
    assert box_counts(imported) == {"清单": (1, 12), "text": (1, 1), "paragraphs": (1, 0)}
    text = lines(imported, {"标题": "甲\n乙", "署名": "甲区发展和改革委员会"}, Tally(3, 2, 9), "data/2021")
    assert text[0] == "imported r.txt (.txt, GB18030, 1,234 characters) into data/2021/"
    assert text[1] == ("  title block: 标题 on 2 lines, no 题注, 署名 「甲区发展和改革委员会」, no 称谓; "
                       "plan year 2021")
    assert text[3] == "  专栏 3: 清单 1 (12 rows), text 1, paragraphs 1"
    assert text[4:7] == ["    专栏1 工程: 清单 (编号清单.txt, 12 rows) in projects.xlsx[工程]",
                         "    专栏2 文: text (因)", "    「专栏一：表」: paragraphs, not a 专栏 (号)"]
    assert text[8] == ("  figures: 3 bound to the tables' values, 2 lifted into statistics.xlsx[统计], "
                       "9 left typed")
    assert rebuilt("output/2021/r.docx", True, 1234).endswith("(1,234 of 1,234 characters, 100 %)")
