"""Pictures of a report's PDF for people who would rather look than read: every page, and
every 专栏 cut out of its page (poppler's ``pdftoppm``); and where the text sits on each page
(``pdftotext -bbox-layout``), which also lets the tests measure lines and page numbers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from reportgen.console import Console
from reportgen.errors import ReportgenError
from reportgen.i18n import _
from reportgen.write import write_atomic

#: The 版心 in points (GB/T 9704: A4, margins 37/28/26/35 mm).
TYPE_AREA = {"left": 79.37, "right": 521.57, "top": 104.88, "bottom": 742.68}
#: Lines shorter than this (pt) are set smaller than 三号: 专栏 and table text, page numbers.
SMALL_LINE = 19.5
_BOX_TITLE = re.compile(r"专栏\s*(\d+)(?:\s*[：:]|\s)")
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    """A line of text on a PDF page, its box in points from the top left."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if not found:
        raise ReportgenError(_("cannot make the previews: {name} is not installed")
                               .format(name=name),
                             hint=_("Install poppler (Debian/Ubuntu: apt-get install {package}).")
                                    .format(package=package))
    return found


def _run(command: list[str], what: str) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ReportgenError(_("cannot {what}: {exc}").format(what=what, exc=exc)) from None
    if done.returncode != 0:
        said = " ".join(done.stderr.split())[-300:]
        raise ReportgenError(f"cannot {what}: {command[0]} failed (exit {done.returncode}) "
                             f"{said}".rstrip())
    return done.stdout


def read_pages(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its lines of text and where they are."""
    tool = _tool("pdftotext", "poppler-utils")
    out = _run([tool, "-bbox-layout", str(pdf), "-"], _("read the PDF"))
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    pages = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        lines = []
        for line in page.iter(f"{_XHTML}line"):
            text = "".join(word.text or "" for word in line.iter(f"{_XHTML}word"))
            x0, y0, x1, y1 = (float(line.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))
            lines.append(Line(x0, y0, x1, y1, text))
        pages.append(Page(number, float(page.get("width", 0)), float(page.get("height", 0)),
                          tuple(sorted(lines, key=lambda item: (item.y0, item.x0)))))
    return pages


@dataclass(frozen=True)
class Region:
    """Part of a 专栏 on one page, in points."""

    box: int
    page: int
    top: float
    bottom: float


def box_regions(pages: list[Page]) -> list[Region]:
    """Where each 专栏 is: runs of small lines (专栏 and table text) between body lines, cut
    where a "专栏N：" title starts another (two 专栏 on one page with nothing between them);
    a run that starts with no title continues the 专栏 of the run before it (on the next page)."""
    regions: list[Region] = []

    def close(run: list[Line], page: Page) -> None:
        title = _BOX_TITLE.match(run[0].text)
        box = int(title.group(1)) if title else (regions[-1].box if regions else 0)
        if box:
            regions.append(Region(box, page.number, min(i.y0 for i in run),
                                  max(i.y1 for i in run)))

    for page in pages:
        run: list[Line] = []
        inside = [line for line in page.lines if line.y1 <= TYPE_AREA["bottom"] + 2]
        for line in [*inside, None]:
            if line is not None and line.height < SMALL_LINE:
                if run and _BOX_TITLE.match(line.text):
                    close(run, page)
                    run = []
                run.append(line)
                continue
            if run:
                close(run, page)
            run = []
    return regions


def _render(pdf: Path, folder: Path, dpi: int, page: int | None = None,
            crop: tuple[float, float, float, float] | None = None) -> list[Path]:
    tool = _tool("pdftoppm", "poppler-utils")
    command = [tool, "-png", "-r", str(dpi)]
    if page is not None:
        command += ["-f", str(page), "-l", str(page), "-singlefile"]
    if crop is not None:
        scale = dpi / 72
        x, y, w, h = (round(v * scale) for v in crop)
        command += ["-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h)]
    _run([*command, str(pdf), str(folder / "p")], _("make the previews"))
    return sorted(folder.glob("p*.png"))


def write_previews(pdf: Path, folder: Path, root: Path | None = None, dpi: int = 80,
                   box_dpi: int = 110, console: Console | None = None) -> list[Path]:
    """``page-01.png`` … for every page and ``box-N.png`` for every 专栏 - the whole of it,
    its parts on successive pages one below the other - into ``folder``; pictures of an earlier
    build that no longer exist are removed. A progress bar on ``console``'s terminal."""
    console = console or Console()
    pages = read_pages(pdf)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reportgen-png-") as scratch:
        work = Path(scratch)
        for page in console.each(pages, _("pages")):
            part = work / f"page-{page.number}"
            part.mkdir()
            image = _render(pdf, part, dpi, page.number)[0]
            written.append(_place(image, folder / f"page-{page.number:02d}.png", root))
        parts: dict[int, list[Region]] = {}
        for region in box_regions(pages):
            parts.setdefault(region.box, []).append(region)
        for box, regions in console.each(sorted(parts.items()), "专栏"):
            images = []
            for index, region in enumerate(regions):
                page = pages[region.page - 1]
                pad = 10.0  # the border sits outside the text; mirrored margins move it 2 mm
                left, right = TYPE_AREA["left"] - pad, TYPE_AREA["right"] + pad
                top = max(region.top - pad, 0)
                crop = (left, top, right - left, min(region.bottom + pad, page.height) - top)
                part = work / f"box-{box}-{index}"
                part.mkdir()
                images.append(_render(pdf, part, box_dpi, region.page, crop)[0])
            whole = work / f"box-{box}.png"
            _stack(images, whole)
            written.append(_place(whole, folder / f"box-{box}.png", root))
    for old in [*folder.glob("page-*.png"), *folder.glob("box-*.png")]:
        if old not in written:
            old.unlink()
    return written


def _stack(images: list[Path], target: Path) -> None:
    """The pictures one below the other, as one PNG (a 专栏 that runs on over pages)."""
    if len(images) == 1:
        shutil.copyfile(images[0], target)
        return
    from PIL import Image

    opened = [Image.open(path) for path in images]
    whole = Image.new("RGB", (max(i.width for i in opened), sum(i.height for i in opened)),
                      "white")
    top = 0
    for image in opened:
        whole.paste(image, (0, top))
        top += image.height
    whole.save(target, optimize=False)


def _place(image: Path, target: Path, root: Path | None) -> Path:
    write_atomic(target, image.read_bytes(), root)
    return target
