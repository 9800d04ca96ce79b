"""The project on disk: its root, the year folders, the files a year holds, the output paths."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import ReportgenError, SourceRef, UsageError, display_path
from reportgen.guard import LINK_TO_NOTHING, resolved
from reportgen.i18n import _

#: The files of a year folder, by role. Workbooks may instead be folders of CSV files
#: (``indicators/完成情况.csv`` stands for sheet 完成情况 of ``indicators.xlsx``).
REPORT_YAML = "report.yaml"
BOXES_YAML = "boxes.yaml"
NARRATIVE = "narrative.txt"
WORKBOOKS = ("indicators", "projects", "statistics")
OFFICIAL = ("official.txt", "official.docx")
DIFF_BASELINE = "diff-baseline.json"  # accepted differences, see baseline.py

TEMPLATE = "report.docx"
BOX_TEMPLATES = "专栏"


def is_year(text: str) -> bool:
    """Whether a command-line argument is written as a year: four digits."""
    return re.fullmatch(r"\d{4}", text.strip()) is not None


def parse_year(text: str) -> int:
    """A year argument as typed on the command line; anything else is a usage error."""
    if not is_year(text):
        raise UsageError(
            _("「{text}」 is not a year; give the plan year as four digits, e.g. 2021")
              .format(text=text)
        )
    year = int(text)
    if not 1949 <= year <= 2999:
        raise UsageError(_("{year} is outside the years reportgen handles (1949–2999)")
                           .format(year=year))
    return year


def is_project(folder: Path) -> bool:
    """Whether ``folder`` is a project's: it holds data/ and templates/, or reportgen.toml."""
    return ((folder / "data").is_dir() and (folder / "templates").is_dir()) \
        or (folder / "reportgen.toml").is_file()


def find_root(start: Path) -> Path | None:
    """The project folder holding ``start``: ``start`` itself or the nearest folder above it."""
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if is_project(folder)), None)


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def at(cls, root: Path | str | None = None) -> Project:
        return cls(resolved(Path(root or Path.cwd())))

    @classmethod
    def found(cls, root: Path | str | None = None) -> Project:
        """The project at ``root``, or - when none is given - the one the current folder is
        in (looking upward, so that reportgen works from data/2021/ as from the project
        folder); the current folder when it is in none."""
        if root is not None:
            return cls.at(root)
        return cls.at(find_root(Path.cwd()) or Path.cwd())

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def template_path(self) -> Path:
        return self.templates_dir / TEMPLATE

    @property
    def box_templates_dir(self) -> Path:
        return self.templates_dir / BOX_TEMPLATES

    @property
    def config_path(self) -> Path:
        return self.root / "reportgen.toml"

    def year_dir(self, year: int) -> Path:
        return self.data_dir / str(year)

    def output_dir(self, year: int) -> Path:
        return self.root / "output" / str(year)

    def ref(self, path: Path) -> SourceRef:
        return SourceRef(display_path(path, self.root))

    def existing_year_dir(self, year: int) -> Path:
        folder = self.year_dir(year)
        if folder.is_symlink() and not folder.exists():
            raise ReportgenError(_("no data for {year}: the year folder {why}")
                                   .format(year=year, why=_(LINK_TO_NOTHING)),
                                 self.ref(folder))
        if folder.exists() and not folder.is_dir():
            raise ReportgenError(_("no data for {year}: this is a file, not a folder")
                                   .format(year=year),
                                 self.ref(folder),
                                 _("A year's data is a folder holding report.yaml, narrative.txt "
                                   "and the workbooks; move the file away."))
        if not folder.is_dir():
            have = sorted(p.name for p in self.data_dir.glob("[0-9][0-9][0-9][0-9]") if p.is_dir())
            if have:
                hint = _("Years in {folder}/: {years}.").format(
                    folder=display_path(self.data_dir, self.root), years=", ".join(have))
            else:
                hint = (_("Run reportgen in the project folder (the one holding data/ and "
                          "templates/); the current folder is {root}.").format(root=self.root))
            raise ReportgenError(
                _("no data for {year}: the folder does not exist").format(year=year),
                self.ref(folder),
                hint,
            )
        return folder

    def official_path(self, year: int) -> Path | None:
        for name in OFFICIAL:
            path = self.year_dir(year) / name
            if path.is_file():
                return path
        return None

    def build_inputs(self, year: int) -> list[Path]:
        """The files a build of ``year`` may read: data/<year>/ (but not the official text
        nor what ``diff`` keeps there), templates/ and reportgen.toml - what decides whether
        a built report is up to date."""
        skip = {*OFFICIAL, DIFF_BASELINE}
        found = [p for p in self.year_dir(year).rglob("*")
                 if p.name not in skip and not p.name.startswith(("~$", "."))]
        found += [p for p in self.templates_dir.rglob("*") if not p.name.startswith(("~$", "."))]
        found.append(self.config_path)
        return [p for p in found if p.is_file()]

    def newer_input(self, year: int, output: Path) -> Path | None:
        """The newest of ``build_inputs`` when it is newer than ``output``; None when
        ``output`` is up to date."""
        inputs = [(p.stat().st_mtime, p) for p in self.build_inputs(year)]
        if not inputs:
            return None
        newest, path = max(inputs)
        return path if newest > output.stat().st_mtime else None

    def output_reports(self, year: int) -> list[Path]:
        """The .docx files in output/<year>/, newest first (Word's lock files left out)."""
        folder = self.output_dir(year)
        if not folder.is_dir():
            return []
        found = [p for p in folder.glob("*.docx")
                 if p.is_file() and not p.name.startswith(("~$", "."))]
        return sorted(found, key=lambda p: (-p.stat().st_mtime, p.name))
