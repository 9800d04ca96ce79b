"""A published report's title block read as written - the title (on its lines), the 会议题注,
the 报告单位 or speaker line, the 称谓 - and the facts it gives: the years, the region, the
meeting and its date; then written back as report.yaml's templates, which print each line as
it stood."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reportgen.data.model import CAPTION, SALUTATION
from reportgen.diff.normalise import squeeze
from reportgen.errors import ReportgenError
from reportgen.i18n import _
from reportgen.importer.outline import escaped, heading_level, with_years
from reportgen.importer.source import Block, Para
from reportgen.templating.numerals import date

#: A 会议题注: led by dashes as typed (——, ──, —, --, ----) or in parentheses, naming the
#: meeting the report is given at.
_CAPTION = re.compile(r"^(?:[-—─－]{1,4}|[（(])\s*(\d{4}\s*年|在)")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MEETING = re.compile(r"在(?P<name>.+)上\s*[）)]?\s*$", re.S)
#: What a title ends with: the report (its draft), or the plan.
_TITLE_END = re.compile(r"(报告|草案|[（(]草案[）)]|计划|稿)$")
#: A 称谓: short, ending with a colon, addressing the deputies.
_SALUTATION = re.compile(r"^[^。，；！？]{1,24}[：:]$")
_ADDRESSED = re.compile(r"代表|委员|同志|各位|领导")
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_REGION_END = "省市区县州旗盟"
#: The 职务 a speaker line ends with before the name.
_OFFICE = re.compile(r"(代?(?:省|市|区|县|州|旗)长|副?(?:局长|主任|书记|部长|厅长|秘书长))$")
_NUMERALS = "一二三四五六七八九十"
_SHORT = re.compile(rf"^(?P<region>.*?)第(?P<term>[{_NUMERALS}]+)届人民代表大会"
                    rf"第(?P<session>[{_NUMERALS}]+)次会议$")


@dataclass(frozen=True)
class Front:
    """The title block as written; None where the report has no such line."""

    title: str  # its lines joined by "\n"
    caption: str | None
    signature: str | None
    salutation: str | None
    used: int  # how many of the report's first blocks it takes


@dataclass(frozen=True)
class Facts:
    """What the title block says of the report."""

    years: tuple[int, ...]  # the years its title names, in order
    region: str | None
    meeting_date: dt.date | None
    meeting_name: str | None
    issuer: str | None
    speaker: bool  # the 署名 is a speaker (职务 and name), not the issuer


def read_front(blocks: tuple[Block, ...], where: str) -> Front:
    """The title block at the start of ``blocks``; a text whose first lines are no report's
    title is refused."""
    paras: list[Para] = []
    for block in blocks[:8]:
        if not isinstance(block, Para):
            break
        paras.append(block)
    if not paras or not _title_like(paras[0].text):
        first = paras[0].text[:30] if paras else _("a table")
        raise ReportgenError(_("does not read as a report: it opens with 「{first}」, not a "
                               "title naming a report (…计划执行情况及…计划草案的报告, …工作报告)")
                             .format(first=first),
                             where)
    caption_at = next((i for i, p in enumerate(paras[:4]) if i and _CAPTION.match(p.text)), None)
    if caption_at is not None:
        titled = caption_at
    else:
        ends = [i for i, p in enumerate(paras[:3]) if _title_like(p.text)
                and _TITLE_END.search(squeeze(p.text)) and heading_level(p.text) is None]
        titled = ends[-1] + 1 if ends and all(_title_like(p.text) for p in paras[:ends[-1] + 1]) \
            else 1
    title = "\n".join(p.text for p in paras[:titled])
    index = titled
    caption = None
    if caption_at is not None:
        caption = paras[index].text
        index += 1
        # a caption broken over two lines of a text file
        if index < len(paras) and not _MEETING.search(caption) and _MEETING.search(
                caption + paras[index].text) and len(squeeze(paras[index].text)) <= 30:
            caption += "\n" + paras[index].text
            index += 1
    signature = None
    if index < len(paras) and _signature_like(paras[index].text):
        signature = paras[index].text
        index += 1
    salutation = None
    if index < len(paras) and _SALUTATION.match(squeeze(paras[index].text)) \
            and _ADDRESSED.search(paras[index].text):
        salutation = paras[index].text
        index += 1
    return Front(title, caption, signature, salutation, index)


def _title_like(text: str) -> bool:
    plain = squeeze(text)
    return 0 < len(plain) <= 60 and not re.search(r"[。；！？]", plain) \
        and heading_level(plain) is None


def _signature_like(text: str) -> bool:
    plain = squeeze(text)
    return 0 < len(plain) <= 30 and not re.search(r"[。，；！？：:]", plain) \
        and heading_level(plain) is None and not plain.startswith(("专栏", "附件"))


def facts(front: Front) -> Facts:
    title = squeeze(front.title)
    years = tuple(int(y) for y in _YEAR.findall(title))
    meeting_date = meeting_name = None
    if front.caption:
        caption = squeeze(front.caption)
        found = _DATE.search(caption)
        if found:
            try:
                meeting_date = dt.date(*(int(part) for part in found.groups()))
            except ValueError:
                meeting_date = None
        meeting = _MEETING.search(caption)
        if meeting:
            meeting_name = meeting.group("name")
    region = _region(title, meeting_name)
    issuer, speaker = _issuer(front.signature) if front.signature else (None, False)
    return Facts(years, region, meeting_date, meeting_name, issuer, speaker)


def _issuer(signature: str) -> tuple[str, bool]:
    """The 报告单位 a 署名 gives, and whether it is a speaker's line (职务, then a name): the
    speaker's organisation is the 职务 without its office (区人民政府 of 区人民政府区长)."""
    parts = re.split(r"[\s\u3000]+", signature.strip())
    plain = squeeze(signature)
    if len(parts) >= 2 and len(parts[-1]) <= 4:
        office = "".join(parts[:-1])
        return _OFFICE.sub("", office) or office, True
    for length in (2, 3):  # a name of two or three characters after the office
        office = plain[:-length]
        if len(office) > 2 and _OFFICE.search(office):
            return _OFFICE.sub("", office) or office, True
    return plain, False


def _region(title: str, meeting: str | None) -> str | None:
    found = re.match(r"^(?:关于)?(?P<region>.{2,15}?)\d{4}年", title)
    if found and found.group("region")[-1] in _REGION_END:
        return found.group("region")
    if meeting:
        found = re.match(rf"^(?P<region>.{{2,15}}?[{_REGION_END}])第", meeting)
        if found:
            return found.group("region")
    return None


def meeting_short(name: str | None) -> str | None:
    """How the prose names a meeting: 区二届人大六次会议 for 重庆市綦江区第二届人民代表大会第六
    次会议."""
    found = _SHORT.match(name or "")
    if not found:
        return None
    region = found.group("region")
    return f"{region[-1] if region else ''}{found.group('term')}届人大" \
           f"{found.group('session')}次会议"


def title_template(front: Front, found: Facts, years: tuple[int, int]) -> str:
    """The title as a template: the region and the two years by name, the rest as written."""
    title = front.title
    if found.region and found.region in title:
        before, _region, after = title.partition(found.region)
        return with_years(before, years) + "{{ 地区 }}" + with_years(after, years)
    return with_years(title, years)


def caption_template(caption: str | None, found: Facts) -> str | None:
    """The 会议题注 as a template: its date and meeting by name where they print as written;
    None where it is the default."""
    if caption is None:
        return ""
    if "\n" in caption:  # a text file's line break: the report balances the caption itself
        caption = squeeze(caption)
    out = escaped(caption)
    plain = squeeze(caption)
    if found.meeting_date and date(found.meeting_date) in plain:
        written = _DATE.search(caption)
        if written and squeeze(written.group(0)) == date(found.meeting_date):
            out = escaped(caption[:written.start()]) + "{{ 会议.日期|date }}" + \
                escaped(caption[written.end():])
    if found.meeting_name and out.count(found.meeting_name) == 1:
        out = out.replace(found.meeting_name, "{{ 会议.名称 }}")
    return None if out == CAPTION else out


def salutation_template(salutation: str | None) -> str | None:
    """report.yaml's 称谓: None where it is the default 各位代表：."""
    if salutation is None:
        return ""
    return None if salutation == SALUTATION else escaped(salutation)
