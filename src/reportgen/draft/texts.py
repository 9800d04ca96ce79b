"""The text files of a drafted year: report.yaml moved on, boxes.yaml and narrative.txt adapted,
each keeping the user's comments and layout."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportgen.data.folder import RawYear
from reportgen.data.model import TO_FILL, BoxSpec
from reportgen.data.yamlfile import key_line
from reportgen.project import BOXES_YAML, REPORT_YAML
from reportgen.report.narrative import BOX_LINE
from reportgen.textfile import read_text

FILL = TO_FILL[0]
@dataclass(frozen=True)
class NewBox:
    """A 专栏 draft adds: it prints a list of last year's plan to report on (数据.结转) that no
    专栏 printed last year - 上年完工项目, from 政府投资重点项目's 分组 完工项目."""

    sheet: str  # the new list
    source: str  # last year's list it comes from
    group: str | None  # only the rows of this 分组

    @property
    def key(self) -> str:
        return f"{self.group or self.source}完成情况"

    def yaml(self) -> str:
        part = f"中分组为“{self.group}”的项目" if self.group else ""
        return (f"\n# 上年{self.source}{part}的完成情况（由 reportgen draft 添加）。\n"
                f"{self.key}:\n"
                f"  标题: \"{{{{ 上年 }}}}年{self.group or self.source}完成情况\"\n"
                f"  清单: {self.sheet}\n"
                f"  模板: 完成情况清单.txt\n"
                f"  参数: {{编号: \"1．\"}}\n")


_LINE = re.compile(
    r"^(?P<key>\s*(?P<name>[^:#\s][^:#]*?)\s*:)(?P<value>[^#]*?)(?P<comment>\s+#.*)?$")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _set(lines: list[str], mapping: Any, key: str, value: str, note: str = "") -> bool:
    """Replace the value of ``key`` on its own line, keeping any comment; False when the line
    is not a simple ``key: value`` line."""
    number = key_line(mapping, key)
    match = _LINE.match(lines[number - 1]) if number else None
    if not match or match.group("name") != key:
        return False
    written = match.group("value").strip()
    if not written or written[0] in "|>&*!" or written.startswith(("'", '"')) and \
            written[-1] != written[0]:
        return False  # the value goes on below the key's line: not a line to replace alone
    comment = match.group("comment") or (f"  # {note}" if note else "")
    lines[number - 1] = f"{match.group('key')} {value}{comment}"  # type: ignore[operator]
    return True


def report_text(raw: RawYear, year: int, previous: tuple[str, str]) -> str:
    """report.yaml with 年份 moved on, the meeting left 待填, and 上年会议 naming the source
    year's meeting and report (``previous``: its 简称 and title); comments kept."""
    import yaml

    report = raw.report
    years, meeting = report.get("年份"), report.get("会议")
    last = report.get("上年会议")
    lines = read_text(raw.folder / REPORT_YAML, raw.report_ref).split("\n")
    edits = [
        (years, "上年", str(year - 1), ""),
        (years, "本年", str(year), ""),
        (meeting, "日期", FILL, f"待填：会议日期，如 {year}-01-12"),
        (meeting, "名称", FILL, "待填：会议名称，如 ××区第×届人民代表大会第×次会议"),
    ]
    if isinstance(meeting, dict) and "简称" in meeting:
        edits.append((meeting, "简称", FILL, "待填：正文中的写法，如 区×届人大×次会议"))
    if isinstance(last, dict):
        edits += [(last, "简称", _quoted(previous[0]), ""),
                  (last, "报告", _quoted(previous[1]), "")]
    if all(_set(lines, m, k, v, n) for m, k, v, n in edits):
        text = "\n".join(lines)
        if not isinstance(last, dict):
            text = text.rstrip("\n") + "\n" + _PREVIOUS_YAML.format(
                short=_quoted(previous[0]), report=_quoted(previous[1]))
        return text
    # Not laid out one key per line (e.g. 年份: {上年: 2020, 本年: 2021}): write it afresh.
    fresh = _plain(report)
    fresh["年份"] = {"上年": year - 1, "本年": year}
    fresh["会议"] = {**(fresh.get("会议") or {}), "日期": FILL, "名称": FILL}
    if "简称" in fresh["会议"]:
        fresh["会议"]["简称"] = FILL
    fresh["上年会议"] = {"简称": previous[0], "报告": previous[1]}
    return yaml.safe_dump(fresh, allow_unicode=True, sort_keys=False, width=1000)


def _quoted(text: str) -> str:
    """A YAML scalar for ``text`` on one line."""
    import json

    return json.dumps(text, ensure_ascii=False) if text and text != FILL else FILL


_PREVIOUS_YAML = """
# 批准上年计划的会议和报告（由 reportgen draft 填入）。
上年会议:
  简称: {short}
  报告: {report}
"""


def boxes_text(raw: RawYear, added: Sequence[NewBox]) -> str:
    """boxes.yaml as it was, with the 专栏 draft adds at its end."""
    text = read_text(raw.folder / BOXES_YAML, raw.boxes_ref)
    if added:
        text = text.rstrip("\n") + "\n" + "".join(box.yaml() for box in added)
    return text


def narrative_text(raw: RawYear, boxes: Mapping[str, BoxSpec], added: Sequence[NewBox],
                   reported: Iterable[str]) -> tuple[str, bool]:
    """The narrative, with each new 专栏 placed after the last 专栏 that printed a list of
    last year's plan reported on (``reported``: 数据.结转's lists, 上年民心工程 …); and whether
    they could be placed (no such 专栏: the user places them)."""
    if not added:
        return raw.narrative, True
    lists = set(reported)
    names = {key for key, box in boxes.items() if box.source in lists}
    lines = raw.narrative.split("\n")
    places = [index for index, line in enumerate(lines)
              if (match := BOX_LINE.match(line.strip())) and match.group(1) in names]
    if not places:
        return raw.narrative, False
    lines[places[-1] + 1:places[-1] + 1] = [f"[专栏：{box.key}]" for box in added]
    return "\n".join(lines), True
