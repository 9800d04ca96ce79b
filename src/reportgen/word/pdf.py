"""The report as PDF, through LibreOffice (``soffice --headless --convert-to pdf``).

Each conversion runs with its own throw-away LibreOffice profile, so two builds at once do not
clash, and under a time limit. Where the fonts the document names (仿宋_GB2312, 楷体_GB2312,
方正小标宋简体 …) are not installed, a private fontconfig file substitutes a face of the same
kind - serif for 仿宋/楷体/宋体, bold serif for 小标宋, sans for 黑体 - so the PDF shows what
the document asks for; the .docx keeps its font names.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.i18n import _
from reportgen.word.ooxml import esc
from reportgen.write import write_atomic

#: Seconds a conversion may take before it is given up.
TIMEOUT = 180
_CANDIDATES = ("soffice", "libreoffice")
_INSTALL_PATHS = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                  r"C:\Program Files\LibreOffice\program\soffice.exe")
#: Installed faces that stand in for a missing Chinese office font, by kind, best first.
STAND_INS = {
    "serif": ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN"),
    "kai": ("AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC"),
    "sans": ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"),
}
_EAST_ASIA = re.compile(r'w:eastAsia="([^"]+)"')


def find_soffice() -> str:
    """The LibreOffice program, or a ReportgenError saying how to get one."""
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for path in _INSTALL_PATHS:
        if Path(path).is_file():
            return path
    raise ReportgenError(
        _("cannot write the PDF: LibreOffice is not installed (no soffice on the PATH)"),
        hint=_("Install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or open "
               "the .docx in Word or WPS and save it as PDF."))


def font_kind(name: str) -> str | None:
    """How a Chinese font looks ("serif", "serif-bold", "kai", "sans"); None for Latin fonts."""
    if name.isascii() and name not in ("SimSun", "SimHei", "FangSong", "KaiTi", "NSimSun"):
        return None
    if "黑" in name or "Hei" in name:
        return "sans"
    if "标宋" in name:
        return "serif-bold"
    if "楷" in name or "Kai" in name:
        return "kai"
    return "serif"


def document_fonts(docx: Path) -> set[str]:
    """The East Asian font names a .docx asks for (styles, body, footers)."""
    names: set[str] = set()
    with zipfile.ZipFile(docx) as package:
        for entry in package.namelist():
            if entry.startswith("word/") and entry.endswith(".xml"):
                names.update(_EAST_ASIA.findall(package.read(entry).decode("utf-8", "replace")))
    return names


def _installed_families() -> set[str] | None:
    if not sys.platform.startswith(("linux", "freebsd", "openbsd")) or not shutil.which("fc-list"):
        return None
    try:
        out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                             timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {family.strip() for line in out.splitlines() for family in line.split(",")}


def fontconfig_file(fonts: set[str], folder: Path) -> Path | None:
    """A fontconfig file (the system's, plus a rule for each missing Chinese font naming an
    installed stand-in), or None when nothing needs mapping or the system has no fontconfig."""
    base = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    installed = _installed_families()
    if installed is None or not Path(base).is_file():
        return None
    rules = []
    for name in sorted(fonts):
        kind = font_kind(name)
        if kind is None or name in installed:
            continue
        stand_in = next((f for f in STAND_INS[kind.split("-")[0]] if f in installed), None)
        if stand_in is None:
            continue
        weight = ('<edit name="weight" mode="assign" binding="strong"><const>bold</const>'
                  "</edit>" if kind == "serif-bold" else "")
        rules.append(f'<match target="pattern"><test name="family" qual="first">'
                     f"<string>{esc(name)}</string></test>"
                     f'<edit name="family" mode="prepend_first" binding="strong">'
                     f"<string>{esc(stand_in)}</string></edit>{weight}</match>")
    if not rules:
        return None
    path = folder / "fonts.conf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    "<fontconfig>\n"
                    f'<include ignore_missing="yes">{esc(str(Path(base).resolve()))}</include>\n'
                    + "\n".join(rules) + "\n</fontconfig>\n", encoding="utf-8")
    return path


def convert(docx: Path, folder: Path, timeout: int = TIMEOUT) -> Path:
    """Convert ``docx`` into ``folder`` (a scratch folder); returns the PDF's path there."""
    soffice = find_soffice()
    source = folder / "report.docx"  # an ASCII name: soffice under a C locale mangles others
    shutil.copyfile(docx, source)
    env = dict(os.environ)
    fonts = fontconfig_file(document_fonts(docx), folder)
    if fonts is not None:
        env["FONTCONFIG_FILE"] = str(fonts)
    profile = (folder / "profile").resolve().as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(folder / "pdf"), str(source)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ReportgenError(_("cannot write the PDF: LibreOffice took longer than {timeout} s")
                               .format(timeout=timeout),
                             hint=_("Is another LibreOffice window stuck? Try again.")) from None
    except OSError as exc:
        raise ReportgenError(_("cannot write the PDF: cannot run {soffice}: {strerror}")
                               .format(soffice=soffice, strerror=exc.strerror)) \
            from None
    pdf = folder / "pdf" / "report.pdf"
    if done.returncode != 0 or not pdf.is_file():
        said = " ".join((done.stderr or done.stdout).split())[-300:]
        raise ReportgenError(_("cannot write the PDF: LibreOffice failed (exit {returncode})")
                               .format(returncode=done.returncode)
                             + (f": {said}" if said else ""))
    return pdf


def write_pdf(docx: Path, root: Path | None = None, timeout: int = TIMEOUT) -> Path:
    """Write ``docx`` as a PDF beside it (same name, .pdf); returns the PDF's path."""
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as scratch:
        pdf = convert(docx, Path(scratch), timeout)
        write_atomic(target, pdf.read_bytes(), root)
    return target
