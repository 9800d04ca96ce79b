"""Which paths reportgen may touch: no command writes onto a file it reads or into the project's
inputs (``data/``, ``templates/``, ``reportgen.toml``), and a template is read only from inside
``templates/`` - a name that leads out (an absolute path, ``..``, a link out) is refused.

Where a write lands is decided as the operating system decides it: the folder with its links
followed, then the name, which a write replaces (a link there is replaced, not followed). The
two writes into the inputs that commands own - ``template`` writing templates/report.docx,
``diff --update-baseline`` its data/YEAR/diff-baseline.json - say so (``owned``); ``draft``
creates a new year folder and never overwrites (``write.write_new_folder``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from reportgen.errors import ReportgenError, display_path
from reportgen.i18n import N_, _

#: The project's inputs, relative to its root: what a build reads, what no output may replace.
INPUTS = ("data", "templates", "reportgen.toml")
#: What a path is that is a link to nothing: its target is missing, or links lead in a loop.
LINK_TO_NOTHING = N_("is a link that leads to nothing (its target is missing, or links lead "
                     "back to it)")


def resolved(path: Path) -> Path:
    """``path`` absolute with its links followed; as far as they resolve (a loop stays as is)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def landing(path: Path) -> Path:
    """The directory entry a write of ``path`` replaces: its folder resolved, then its name."""
    return resolved(path.parent) / path.name


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output(path: Path, root: Path | None = None, reads: Iterable[Path] = (),
                 owned: bool = False) -> None:
    """Refuse to write ``path`` when the write would replace one of ``reads`` (the files the
    command read, also through a link) or, unless the write is ``owned``, land among the inputs
    of the project at ``root``."""
    target = landing(path)
    where = display_path(path, root)
    mode = os.lstat(target).st_mode if os.path.lexists(target) else stat.S_IFREG
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        kind = _("a folder") if stat.S_ISDIR(mode) else _("a pipe") if stat.S_ISFIFO(mode) \
            else _("a device") if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else _("a socket")
        raise ReportgenError(_("is {kind}, not a file; an output replaces only a file")
                               .format(kind=kind), where,
                             _("Name a file for the output."))
    for source in reads:
        if target in (landing(source), resolved(source)):
            raise ReportgenError(
                _("is a file this command reads; reportgen never writes over its input"), where,
                _("Name a new file for the output (for instance in output/)."))
    if root is not None and not owned:
        check_outside_inputs(target, root, where)


def check_outside_inputs(target: Path, root: Path, where: str) -> None:
    """Refuse ``target`` (a path as a write lands) among the inputs of the project at
    ``root``."""
    for name in INPUTS:
        base = resolved(root / name)
        if _within(target, base):
            kind = _("the project's settings") if name == "reportgen.toml" else \
                _("inside {name}/, which holds the project's input").format(name=name)
            raise ReportgenError(
                _("is {kind}; reportgen writes its outputs elsewhere").format(kind=kind), where,
                _("Name a file outside data/ and templates/ (for instance in output/)."))


def leads_out(name: str) -> bool:
    """Whether a file name written in the data leads out of the folder it names a file of, as
    written: empty, absolute, with a drive, a ``..`` step or a NUL."""
    path = Path(name)
    return (not name.strip() or "\0" in name or path.is_absolute() or bool(path.drive)
            or ".." in path.parts or ".." in name.replace("\\", "/").split("/"))


def confined(folder: Path, name: str) -> Path | None:
    """The file ``name`` inside ``folder``, or None when it is not there once its links are
    followed - so that no name, and no link in the folder, reads a file from elsewhere."""
    if leads_out(name):
        return None
    path = folder / name
    inside = resolved(path)
    base = resolved(folder)
    return path if base in inside.parents else None
