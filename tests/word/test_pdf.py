"""`reportgen build --pdf/--png`: the PDF through LibreOffice, pictures through poppler, and a
clear message when either is missing or fails."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from helpers.project import Cli
from reportgen.errors import ReportgenError
from reportgen.word import pdf as pdf_module
from reportgen.word import preview


def fake_program(folder: Path, name: str, body: str) -> Path:
    """An executable ``name`` in ``folder`` running the Python ``body``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"#!{sys.executable}\nimport os, sys\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


@pytest.fixture
def converted_by(monkeypatch: pytest.MonkeyPatch, report_pdf: Path) -> None:
    """Conversions hand back the session's PDF instead of running LibreOffice again."""
    def convert(docx: Path, folder: Path, timeout: int = 0) -> Path:
        target = folder / "pdf" / "report.pdf"
        target.parent.mkdir()
        shutil.copyfile(report_pdf, target)
        return target

    monkeypatch.setattr(pdf_module, "convert", convert)


def test_pdf_is_written_beside_the_docx(cli: Cli, project: Path, converted_by: None) -> None:
    result = cli("build", "2021", "--pdf")
    docx, pdf = (project / line for line in result.stdout.split())
    assert docx.suffix == ".docx" and pdf == docx.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not (project / "output" / "2021" / "preview").exists()


def test_png_writes_every_page_and_every_box(cli: Cli, project: Path, converted_by: None,
                                             pages_in_pdf: int) -> None:
    folder = project / "output" / "2021" / "preview"
    folder.mkdir(parents=True)
    (folder / "page-99.png").write_bytes(b"from an earlier, longer build")
    result = cli("build", "2021", "--png")
    assert result.stdout.split()[-1] == "output/2021/preview"
    pictures = sorted(p.name for p in folder.iterdir())
    assert pictures == [f"box-{n}.png" for n in range(1, 8)] + \
        [f"page-{n:02d}.png" for n in range(1, pages_in_pdf + 1)]
    for name in pictures:
        assert (folder / name).read_bytes().startswith(b"\x89PNG")
    # each step says when it is done, and how long it took
    assert "converting to PDF with LibreOffice: done in " in result.stderr
    assert "making pictures of the pages and 专栏: done in " in result.stderr
    # a 专栏 over two pages is one picture, its parts one below the other
    from PIL import Image

    parts = [r for r in preview.box_regions(preview.read_pages(
        folder.parent / result.stdout.split()[1].rsplit("/", 1)[-1])) if r.box == 3]
    assert len(parts) == 2
    height = Image.open(folder / "box-3.png").height
    expected = sum(r.bottom - r.top + 20 for r in parts) * 110 / 72
    assert abs(height - expected) < 6


@pytest.fixture
def pages_in_pdf(report_pdf: Path) -> int:
    return len(preview.read_pages(report_pdf))


def test_without_libreoffice_the_docx_is_built_and_the_message_says_why(
        cli: Cli, project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(pdf_module, "_INSTALL_PATHS", ())
    result = cli("build", "2021", "--pdf", code=1)
    assert "LibreOffice is not installed" in result.stderr
    assert "apt-get install libreoffice-writer-nogui" in result.stderr
    assert "Traceback" not in result.stderr
    assert (project / result.stdout.strip()).is_file()  # the .docx is there all the same


def test_conversion_uses_a_private_profile_and_names_the_missing_fonts(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, built_2021: Path) -> None:
    log, fonts = tmp_path / "args.txt", tmp_path / "fonts-used.conf"
    fake_program(tmp_path / "bin", "soffice", f"""
out = sys.argv[sys.argv.index("--outdir") + 1]
os.makedirs(out, exist_ok=True)
open(os.path.join(out, "report.pdf"), "wb").write(b"%PDF-1.4 fake")
open({str(log)!r}, "w").write("\\n".join(sys.argv[1:] + [os.environ.get("FONTCONFIG_FILE", "")]))
open({str(fonts)!r}, "w").write(open(os.environ["FONTCONFIG_FILE"], encoding="utf-8").read())
""")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    # a machine with Noto CJK and none of the GB2312 faces the report names
    base = tmp_path / "system-fonts.conf"
    base.write_text("<fontconfig/>", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(base))
    monkeypatch.setattr(pdf_module, "_installed_families",
                        lambda: {"Noto Serif CJK SC", "Noto Sans CJK SC", "Times New Roman"})
    docx = tmp_path / "报告.docx"
    shutil.copyfile(built_2021, docx)
    written = pdf_module.write_pdf(docx)
    assert written == tmp_path / "报告.pdf" and written.read_bytes() == b"%PDF-1.4 fake"
    args = log.read_text(encoding="utf-8").split("\n")
    assert args[0].startswith("-env:UserInstallation=file://")
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "pdf"
    assert args[-2].endswith("report.docx")  # an ASCII copy, whatever the locale
    assert args[-1].endswith("fonts.conf") and args[-1] != str(base)
    used = fonts.read_text(encoding="utf-8")
    assert str(base.resolve()) in used  # the system's own settings, and on top of them:
    for name, stand_in in (("仿宋_GB2312", "Noto Serif CJK SC"), ("黑体", "Noto Sans CJK SC")):
        assert f"<string>{name}</string></test>" in used
        assert f"<string>{stand_in}</string>" in used


def test_a_failing_libreoffice_is_one_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              built_2021: Path) -> None:
    fake_program(tmp_path / "bin", "soffice", 'sys.stderr.write("boom: no display"); sys.exit(3)')
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(ReportgenError, match=r"LibreOffice failed \(exit 3\): boom: no display"):
        pdf_module.convert(built_2021, tmp_path)


def test_a_stuck_libreoffice_is_given_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         built_2021: Path) -> None:
    fake_program(tmp_path / "bin", "soffice", "import time; time.sleep(30)")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(ReportgenError, match="took longer than 1 s"):
        pdf_module.convert(built_2021, tmp_path, timeout=1)


def test_without_poppler_the_message_says_what_to_install(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ReportgenError, match="pdftotext is not installed") as error:
        preview.write_previews(tmp_path / "report.pdf", tmp_path / "preview")
    assert "poppler-utils" in str(error.value)


@pytest.mark.parametrize(("name", "kind"), [
    ("仿宋_GB2312", "serif"), ("仿宋", "serif"), ("FangSong", "serif"), ("宋体", "serif"),
    ("楷体_GB2312", "kai"), ("KaiTi", "kai"), ("黑体", "sans"), ("SimHei", "sans"),
    ("方正小标宋简体", "serif-bold"), ("方正小标宋_GBK", "serif-bold"),
    ("Times New Roman", None), ("Calibri", None),
])
def test_font_kinds(name: str, kind: str | None) -> None:
    assert pdf_module.font_kind(name) == kind


def test_only_missing_chinese_fonts_get_a_stand_in(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr(pdf_module, "_installed_families",
                        lambda: {"Noto Serif CJK SC", "Noto Sans CJK SC", "楷体_GB2312"})
    path = pdf_module.fontconfig_file(
        {"仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "Times New Roman"}, tmp_path)
    assert path is not None
    conf = path.read_text(encoding="utf-8")
    assert "<string>仿宋_GB2312</string></test><edit name=\"family\" mode=\"prepend_first\" " \
           "binding=\"strong\"><string>Noto Serif CJK SC</string>" in conf
    assert "<string>黑体</string></test><edit name=\"family\" mode=\"prepend_first\" " \
           "binding=\"strong\"><string>Noto Sans CJK SC</string>" in conf
    assert conf.count("<const>bold</const>") == 1  # 方正小标宋简体
    assert "楷体_GB2312" not in conf and "Times New Roman" not in conf
    monkeypatch.setattr(pdf_module, "_installed_families", lambda: {"Noto Serif CJK SC"})
    assert pdf_module.fontconfig_file({"Times New Roman"}, tmp_path / "x") is None
