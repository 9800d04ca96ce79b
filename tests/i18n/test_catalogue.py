"""The Chinese catalogue keeps up with the code: every message marked in it (and every text of
click's that reportgen shows) translated, none left over, and no translation that would break
the ``.format`` of its message."""

from __future__ import annotations

import io
import re
import string

import pytest
from babel.messages.pofile import read_po

from reportgen import catalogue
from reportgen.i18n import CATALOGUE, compile_catalogue


@pytest.fixture(scope="module")
def po():  # type: ignore[no-untyped-def]
    return read_po(io.BytesIO(CATALOGUE.read_bytes()), locale=catalogue.LOCALE)


@pytest.fixture(scope="module")
def code():  # type: ignore[no-untyped-def]
    return catalogue.extracted()


@pytest.fixture(scope="module")
def same_click(po) -> bool:  # type: ignore[no-untyped-def]
    """Whether the installed click is the one the catalogue's texts of click's come from: with
    another, only reportgen's own messages must match (a click release adds or drops some;
    python -m reportgen.catalogue takes them in)."""
    return catalogue.click_version() in (po.header_comment or "")


def _mine(messages, same_click: bool) -> list:  # type: ignore[no-untyped-def]
    return [m for m in messages if m.id and (same_click or not catalogue.from_click_only(m))]


def _key(message) -> str:  # type: ignore[no-untyped-def]
    return message.id if isinstance(message.id, str) else message.id[0]


def test_every_message_of_the_code_is_translated(po, code, same_click) -> None:  # type: ignore[no-untyped-def]
    missing = [_key(m) for m in _mine(code, same_click) if m.id not in po]
    assert not missing, "not in the catalogue (python -m reportgen.catalogue):\n" + "\n".join(
        missing)
    untranslated = [_key(m) for m in po if m.id and (
        m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,)))]
    assert not untranslated, "untranslated or fuzzy:\n" + "\n".join(untranslated)


def test_the_catalogue_has_no_message_the_code_lost(po, code, same_click) -> None:  # type: ignore[no-untyped-def]
    gone = [_key(m) for m in _mine(po, same_click) if m.id not in code]
    assert not gone, "no longer in the code (python -m reportgen.catalogue drops them):\n" + \
        "\n".join(gone)
    assert not po.obsolete


def test_the_catalogue_is_as_the_refresh_writes_it(same_click) -> None:  # type: ignore[no-untyped-def]
    if not same_click:
        pytest.skip(f"the catalogue's texts of click's are not those of {catalogue.click_version()}")
    assert catalogue.main(["--check"]) == 0


def test_clicks_own_texts_that_reportgen_shows_are_translated(po) -> None:  # type: ignore[no-untyped-def]
    """Whichever click is installed: the texts of click's that every run may show."""
    for text in ("Usage:", "Options", "Commands", "Error: {message}", "Show this message and exit.",
                 "Try '{command} {option}' for help.", "No such command {name!r}.",
                 "Missing argument", "Invalid value for {param_hint}: {message}"):
        assert po.get(text) is not None and po.get(text).string, text


def _fields(text: str) -> set[str]:
    """The names a text's .format fills in ({name}, {count:,}, {value!r}) or its %-fields."""
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    return names | set(re.findall(r"%\((\w+)\)s", text))


def test_each_translation_takes_the_placeholders_of_its_message(po) -> None:  # type: ignore[no-untyped-def]
    wrong = []
    for message in po:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        wanted = set().union(*map(_fields, ids))
        for text in strings:
            given = _fields(text)
            # a plural's one Chinese form may use the fields of either English form
            if not (given == wanted if len(ids) == 1 else given <= wanted and given):
                wrong.append(f"{ids[0]!r}: {sorted(wanted)} ≠ {text!r}: {sorted(given)}")
    assert not wrong, "\n".join(wrong)


def test_the_fields_are_read_as_format_reads_them() -> None:
    assert _fields("{count:,} of {name!r} in {{braces}} %(prog)s") == {"count", "name", "prog"}


def test_the_catalogue_compiles_to_what_gettext_reads() -> None:
    import gettext

    translations = gettext.GNUTranslations(io.BytesIO(compile_catalogue(CATALOGUE.read_bytes())))
    assert translations.gettext("Usage:") == "用法:"
    assert translations.ngettext("{count} change", "{count} changes", 2) == "{count} 处修改"


def test_the_source_trees_compiled_catalogue_is_the_po_compiled() -> None:
    """A source tree reads the reportgen.mo beside the .po: the .po as it stands, compiled
    (python -m reportgen.catalogue writes both)."""
    assert catalogue.compiled_is_current(), "run python -m reportgen.catalogue"


def test_a_source_tree_compiles_the_catalogue_once(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Without a reportgen.mo (a source tree, an editable install) the .po is compiled once
    and kept in the cache, keyed on its bytes: the next start reads it without babel."""
    from reportgen import i18n

    po = tmp_path / "reportgen.po"
    po.write_bytes(CATALOGUE.read_bytes())
    monkeypatch.setattr(i18n, "CATALOGUE", po)
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    first = i18n._compiled()

    def no_babel(source: bytes) -> bytes:
        raise AssertionError("compiled again")

    monkeypatch.setattr(i18n, "compile_catalogue", no_babel)
    assert i18n._compiled() == first
    po.write_bytes(po.read_bytes().replace('msgstr "用法:"'.encode(), 'msgstr "用法："'.encode()))
    with pytest.raises(AssertionError, match="compiled again"):
        i18n._compiled()  # a changed catalogue is never served stale
