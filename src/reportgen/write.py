"""Writing outputs: atomically (temporary file, then rename) and reproducibly (fixed zip times)."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from reportgen import signals
from reportgen.errors import ReportgenError, display_path
from reportgen.guard import LINK_TO_NOTHING, check_output, landing, leads_out, resolved
from reportgen.i18n import _


def source_date(fallback: dt.date) -> dt.datetime:
    """The time stamped into outputs: ``SOURCE_DATE_EPOCH`` when set, else ``fallback``
    (a date from the data), never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            raise ReportgenError(_("SOURCE_DATE_EPOCH 「{epoch}」 is not a Unix time in seconds")
                                   .format(epoch=epoch)) \
                from None
    return dt.datetime(fallback.year, fallback.month, fallback.day)


def zip_parts(parts: Iterable[tuple[str, bytes]], when: dt.datetime) -> bytes:
    """A zip of ``parts`` (name, bytes) in their order, every entry stamped ``when`` (within
    1980-2107, the years a zip can record) with fixed attributes: the same parts, the same
    bytes."""
    when = min(max(when, dt.datetime(1980, 1, 1)), dt.datetime(2107, 12, 31, 23, 59, 58))
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, data)
    return out.getvalue()


def fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip with every entry stamped ``when`` and fixed attributes, in the same order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_parts(((info.filename, source.read(info.filename))
                          for info in source.infolist()), when)


def write_atomic(path: Path, data: bytes, root: Path | None = None, reads: Iterable[Path] = (),
                 owned: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A failed or interrupted write leaves any previous file untouched and no partial file. The
    write is refused when it would replace one of ``reads`` or, unless ``owned``, land among the
    inputs of the project at ``root`` (``guard.check_output``).
    """
    check_output(path, root, reads, owned)
    where = display_path(path.parent, root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if path.parent.is_symlink() and not path.parent.exists():
            raise ReportgenError(_("cannot create the output folder: it {why}")
                                   .format(why=_(LINK_TO_NOTHING)),
                                 where) from None
        raise ReportgenError(_("cannot create the output folder: {strerror}")
                               .format(strerror=exc.strerror), where) from None
    temporary: Path | None = None
    try:
        with signals.deferred():  # no signal between making the file and taking it in charge
            handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.stem[:40]}.",
                                                 suffix=".tmp", delete=False)
            temporary = Path(handle.name)
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is None:
            raise ReportgenError(_("cannot write in the output folder: {strerror}")
                                   .format(strerror=exc.strerror), where,
                                 _("Check that the folder is writable.")) from None
        temporary.unlink(missing_ok=True)
        raise ReportgenError(_("cannot write the file: {strerror}").format(strerror=exc.strerror),
                             display_path(path, root),
                             _("Is it open in Word or WPS? Close it and build again.")) from None
    except BaseException:
        if temporary is not None:
            handle.close()
            temporary.unlink(missing_ok=True)
        raise


def _is_new_year(path: Path, root: Path) -> bool:
    """Whether ``path`` is a year folder of the project's data/ (the one write into the inputs
    that draft and import make)."""
    return landing(path).parent == resolved(root / "data") and path.name.isdigit()


def write_new_folder(path: Path, files: Mapping[str, bytes], root: Path | None = None) -> None:
    """Create the folder ``path`` holding ``files`` (relative path -> bytes), all or nothing.

    The files are written into a temporary folder next to ``path``, which is then renamed into
    place; an existing ``path`` is never touched, and a failure leaves nothing behind.
    """
    where = display_path(path, root)
    if os.path.lexists(path):
        raise ReportgenError(_("exists already; reportgen never overwrites it"), where)
    if root is not None:
        check_output(path / "x", root, owned=_is_new_year(path, root))
    for name in files:
        if leads_out(name):
            raise ReportgenError(_("「{name}」 would be written outside the folder")
                                   .format(name=name), where)
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with signals.deferred():  # made and taken in charge with no signal between
            temporary = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.",
                                              suffix=".tmp"))
    except OSError as exc:
        raise ReportgenError(_("cannot create the folder: {strerror}")
                               .format(strerror=exc.strerror),
                             display_path(path.parent, root)) from None
    except BaseException:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        raise
    try:
        for name, data in files.items():
            target = temporary / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            os.chmod(target, 0o644)
        os.chmod(temporary, 0o755)
        if os.path.lexists(path):  # created meanwhile: still never overwrite
            raise ReportgenError(_("exists already; reportgen never overwrites it"), where)
        os.rename(temporary, path)
    except OSError as exc:
        raise ReportgenError(_("cannot write the folder: {strerror}")
                               .format(strerror=exc.strerror), where) from None
    finally:
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)
