"""Reading a .docx the way Word resolves it, for the layout tests: parts, paragraphs, and the
properties a run ends up with (run, character style, paragraph style, their bases, defaults);
and a bare .docx written from its body's XML, for the readers' tests."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
W = f"{{{NS['w']}}}"


def w(name: str) -> str:
    return W + name


def bare_docx(path: Path, body: str) -> Path:
    """A .docx of nothing but a document part holding ``body`` (WordprocessingML)."""
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", f'<?xml version="1.0"?><w:document '
                                              f'xmlns:w="{NS["w"]}"><w:body>{body}</w:body>'
                                              "</w:document>")
    return path


class Package:
    """The XML parts of a .docx, and style resolution over them."""

    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as package:
            self.raw = {name: package.read(name) for name in package.namelist()}
        self.document = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self.settings = self.xml("word/settings.xml")
        self.font_table = self.xml("word/fontTable.xml")
        self.by_id = {s.get(w("styleId")): s for s in self.styles.iter(w("style"))}
        self.body = self.document.find(w("body"))
        self.sect = self.body.find(w("sectPr"))

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.raw[name])

    def text(self, name: str) -> str:
        return self.raw[name].decode("utf-8")

    def footer(self, kind: str) -> Any:
        """The footer part referenced as ``kind`` ("default" = odd pages, "even")."""
        ref = self.sect.find(f"w:footerReference[@w:type='{kind}']", NS)
        rels = etree.fromstring(self.raw["word/_rels/document.xml.rels"])
        target = next(r.get("Target") for r in rels if r.get("Id") == ref.get(f"{{{NS['r']}}}id"))
        return self.xml(f"word/{target}")

    # -- style resolution -------------------------------------------------------------------

    def _chain(self, style_id: str | None) -> list[Any]:
        chain = []
        while style_id and style_id in self.by_id:
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return chain

    def _rpr_sources(self, run: Any, paragraph: Any) -> list[Any]:
        sources = [run.find(w("rPr"))]
        rpr = run.find(w("rPr"))
        rstyle = rpr.find(w("rStyle")) if rpr is not None else None
        if rstyle is not None:
            sources += [s.find(w("rPr")) for s in self._chain(rstyle.get(w("val")))]
        sources += [s.find(w("rPr")) for s in self._chain(paragraph_style(paragraph))]
        sources.append(self.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
        return [s for s in sources if s is not None]

    def run_attr(self, run: Any, paragraph: Any, tag: str, attr: str = "val") -> str | None:
        """The value a run ends up with for ``w:tag/@w:attr``."""
        for rpr in self._rpr_sources(run, paragraph):
            element = rpr.find(w(tag))
            if element is not None and element.get(w(attr)) is not None:
                return element.get(w(attr))
            if element is not None and attr == "val" and tag in ("b", "i"):
                return "1"
        return None

    def bold(self, run: Any, paragraph: Any) -> bool:
        return self.run_attr(run, paragraph, "b") not in (None, "0", "false")

    def para_attr(self, paragraph: Any, tag: str, attr: str = "val") -> str | None:
        """The value a paragraph ends up with for ``w:tag/@w:attr`` (direct, then its style)."""
        ppr = paragraph.find(w("pPr"))
        sources = [ppr] + [s.find(w("pPr")) for s in self._chain(paragraph_style(paragraph))]
        sources.append(self.styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS))
        for source in sources:
            element = source.find(w(tag)) if source is not None else None
            if element is not None and element.get(w(attr)) is not None:
                return element.get(w(attr))
        return None

    def style_attr(self, style_id: str, path: str, attr: str = "val") -> str | None:
        element = self.by_id[style_id].find(path, NS)
        return None if element is None else element.get(w(attr))


def paragraph_style(paragraph: Any) -> str:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return style.get(w("val")) if style is not None else "Normal"


def text_of(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(w("t")))


def text_runs(paragraph: Any) -> list[Any]:
    """The runs of a paragraph that print text (docxtpl leaves empty ones around tags)."""
    return [r for r in paragraph.iter(w("r")) if text_of(r).strip()]


def body_paragraphs(package: Package) -> list[Any]:
    """Paragraphs of the body outside tables, with text."""
    return [p for p in package.body.findall(w("p")) if text_of(p).strip()]


THEME_ATTR = re.compile(r'w:(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)=')
