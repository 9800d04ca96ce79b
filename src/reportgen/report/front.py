"""The title block's texts - the title and the lines under it (会议题注, 署名, 称谓) - rendered
from report.yaml's templates, under the names the Word template's title block sees."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from reportgen.data.model import Meta
from reportgen.templating.environment import ReportEnvironment, render_text

#: Each name the Word template sees - the report.yaml key of its template too - and the field
#: of Meta that holds the template.
FRONT = (("标题", "title"), ("题注", "caption"), ("署名", "signature"), ("称谓", "salutation"))


def front_templates(meta: Meta) -> dict[str, str | None]:
    """The template of each name; None where the report has no such line."""
    return {name: getattr(meta, field) for name, field in FRONT}


def front_matter(env: ReportEnvironment, meta: Meta, context: Mapping[str, Any]
                 ) -> dict[str, str]:
    """Each name rendered, on the lines it is written on; "" where the report has none (the
    Word template then leaves the paragraph out)."""
    return {name: "" if template is None else
            render_text(env, template, f"{meta.ref} ({name})", dict(context)).strip()
            for name, template in front_templates(meta).items()}


def changed_lines(meta: Meta) -> list[str]:
    """The lines under the title that report.yaml writes otherwise than by default (or leaves
    out): only a Word template that prints them by name shows them as written."""
    defaults = {item.name: item.default for item in fields(Meta)}
    return [name for name, field in FRONT[1:] if getattr(meta, field) != defaults[field]]
