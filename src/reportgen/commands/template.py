"""``reportgen template``: the default Word template written from the layout settings."""

from __future__ import annotations

from reportgen.console import Console
from reportgen.errors import ReportgenError
from reportgen.i18n import _
from reportgen.project import Project


def run(project: Project, console: Console, force: bool = False) -> int:
    """Write templates/report.docx (refused when it exists, unless ``force``)."""
    from reportgen.word.layout import load_layout
    from reportgen.word.template import make_template
    from reportgen.write import write_atomic

    path = project.template_path
    if path.exists() and not force:
        raise ReportgenError(_("exists already; use --force to replace it"),
                             project.ref(path).file)
    layout, _overrides = load_layout(project.config_path, project.ref(project.config_path))
    write_atomic(path, make_template(layout), project.root, owned=True)
    console.out(project.ref(path).file)
    return 0
