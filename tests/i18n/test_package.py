"""The package build compiles the catalogue into the package (setup.py), and an installed
reportgen reads that compiled catalogue without babel."""

from __future__ import annotations

import gettext
import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools.dist import Distribution

ROOT = Path(__file__).resolve().parents[2]


def _build_py(build_lib: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("reportgen_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines the command; runs no setup()
    command = module.build_py_with_catalogues(Distribution({"packages": []}))
    command.ensure_finalized()
    command.build_lib = str(build_lib)
    return command


def test_the_build_compiles_each_catalogue_beside_its_po(tmp_path: Path) -> None:
    command = _build_py(tmp_path)
    command.compile_catalogues()
    mo = tmp_path / "reportgen" / "locale" / "zh_CN" / "LC_MESSAGES" / "reportgen.mo"
    with mo.open("rb") as compiled:
        assert gettext.GNUTranslations(compiled).gettext("Usage:") == "用法:"
    assert str(mo) in command.get_outputs()


def test_an_editable_install_compiles_nothing(tmp_path: Path) -> None:
    command = _build_py(tmp_path)
    command.editable_mode = True
    assert command.catalogues() == []


def test_the_compiled_catalogue_is_read_without_babel(tmp_path: Path) -> None:
    """With a reportgen.mo beside the .po (as installed), ``reportgen --help`` imports no
    babel: a fresh interpreter, the package copied with its compiled catalogue."""
    import shutil

    package = tmp_path / "reportgen"
    shutil.copytree(ROOT / "src" / "reportgen", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    _build_py(tmp_path).compile_catalogues()
    probe = ("import sys, runpy; sys.argv = ['reportgen', '--help']\n"
             "try:\n    runpy.run_module('reportgen', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print('babel' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin"},
                            check=True)
    assert "用法:" in result.stdout
    assert result.stderr.strip() == "False"
