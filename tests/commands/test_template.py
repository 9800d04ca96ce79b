"""reportgen template: the default Word template, never over an existing one unless asked."""

from __future__ import annotations

from helpers.project import Cli


def test_template_refuses_to_overwrite(cli: Cli) -> None:
    result = cli("template", code=1)
    assert "exists already" in result.stderr
    cli("template", "--force")
