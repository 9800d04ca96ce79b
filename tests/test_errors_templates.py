"""Templates are read from templates/ only: a 模板 of boxes.yaml that leads out of templates/专栏/
- by its name or through a link - and a Word template linked from elsewhere are refused, in
check and build, with the place that names them; nothing of the outside file is printed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.failures import assert_refused, files
from helpers.project import Cli
from reportgen.characters import visible

Y = Path("data/2021")
SECRET = "外部文件的秘密内容"
BOX = "data/2021/boxes.yaml:48"  # the line of 民心工程, whose 模板 is 编号清单.txt
FOLDER_ONLY = "is not a file inside templates/专栏/; a 专栏 template is read from that folder only"


def secret(root: Path) -> Path:
    path = root.parent / "secret.txt"
    path.write_text(f"{{% for 项 in 行 %}}\n{SECRET}\n{{% endfor %}}\n", encoding="utf-8")
    return path


def template_name(name: str) -> Callable[[Path], str]:
    """boxes.yaml's 民心工程 names ``name`` (written as a YAML double-quoted string)."""
    def apply(root: Path) -> str:
        path = secret(root)
        written = name.replace("{secret}", str(path))
        boxes = root / Y / "boxes.yaml"
        text = boxes.read_text(encoding="utf-8")
        old = "  清单: 本年民心工程\n  模板: 编号清单.txt\n"
        assert old in text
        quoted = written.replace("\\", "\\\\").replace('"', '\\"').replace("\0", "\\0")
        boxes.write_text(text.replace(old, f'  清单: 本年民心工程\n  模板: "{quoted}"\n'),
                         encoding="utf-8")
        return written
    return apply


def linked_template(target: str) -> Callable[[Path], str]:
    """templates/专栏/链接.txt is a link to ``target`` (relative to templates/专栏/)."""
    def apply(root: Path) -> str:
        secret(root)
        link = root / "templates" / "专栏" / "链接.txt"
        os.symlink(target, link)
        template_name("链接.txt")(root)
        return "链接.txt"
    return apply


def linked_folder(root: Path) -> str:
    secret(root)
    os.symlink(root.parent, root / "templates" / "专栏" / "外面")
    template_name("外面/secret.txt")(root)
    return "外面/secret.txt"


CASES: list[tuple[str, Callable[[Path], str]]] = [
    ("parent-steps", template_name("../../../secret.txt")),
    ("absolute-path", template_name("{secret}")),
    ("one-step-up-into-templates", template_name("../report.docx")),
    ("down-then-up", template_name("分组清单.txt/../../../secret.txt")),
    ("windows-steps", template_name("..\\..\\..\\secret.txt")),
    ("nul-character", template_name("编号清单.txt\0../../x")),
    ("the-folder-itself", template_name(".")),
    ("blank-name", template_name("   ")),
    ("link-to-an-outside-file", linked_template("../../../secret.txt")),
    ("link-by-absolute-path", linked_template("/etc/hostname")),
    ("link-to-the-word-template", linked_template("../report.docx")),
    ("linked-folder", linked_folder),
]


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("setup", [case[1] for case in CASES], ids=[case[0] for case in CASES])
def test_a_template_outside_templates_is_refused(cli: Cli, project: Path,
                                                setup: Callable[[Path], str],
                                                command: str) -> None:
    name = setup(project)
    result = cli(command, "2021", code=None)
    shown = result.stderr + result.stdout  # check lists its problems on stdout
    assert f"{BOX}: " in shown, shown
    assert f"模板 「{visible(name)}」 {FOLDER_ONLY}" in shown, shown  # a NUL shown as <U+0000>
    assert_refused(result, 1, [])
    assert SECRET not in shown
    assert files(project, "output") == {}


def test_a_link_inside_the_folder_is_a_template(cli: Cli, project: Path) -> None:
    os.symlink("编号清单.txt", project / "templates" / "专栏" / "另一个.txt")
    template_name("另一个.txt")(project)
    cli("build", "2021")


def test_a_word_template_linked_from_elsewhere_is_refused(cli: Cli, project: Path) -> None:
    template = project / "templates" / "report.docx"
    outside = project.parent / "outside.docx"
    os.replace(template, outside)
    os.symlink(outside, template)
    assert_refused(cli("build", "2021", code=None), 1, [
        "error: templates/report.docx: is a link to a file outside templates/; the Word "
        "template is read from that folder only"])
    assert files(project, "output") == {}
