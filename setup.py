"""The package build: setuptools' own, with the catalogues of messages compiled into the
package: each ``locale/<lang>/LC_MESSAGES/reportgen.po`` of the source gives the
``reportgen.mo`` beside it in the built package, which reportgen.i18n reads (compiled by
babel, a build requirement). The metadata is pyproject.toml's."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCE = Path(__file__).resolve().parent / "src"


def compile_catalogue(po: bytes) -> bytes:
    """reportgen.i18n.compile_catalogue, read from the source (whose package is not
    installed while it is built)."""
    spec = importlib.util.spec_from_file_location("reportgen_i18n",
                                                  SOURCE / "reportgen" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.compile_catalogue(po)  # type: ignore[no-any-return]


class build_py_with_catalogues(build_py):
    """build_py, then each .po of the package compiled to its .mo in the build folder. An
    editable install compiles nothing: it reads the source tree's .po, as it changes."""

    def catalogues(self) -> list[tuple[Path, Path]]:
        if getattr(self, "editable_mode", False):
            return []
        return [(po, Path(self.build_lib) / po.relative_to(SOURCE).with_suffix(".mo"))
                for po in sorted((SOURCE / "reportgen" / "locale").rglob("*.po"))]

    def run(self) -> None:
        super().run()
        self.compile_catalogues()

    def compile_catalogues(self) -> None:
        for po, mo in self.catalogues():
            mo.parent.mkdir(parents=True, exist_ok=True)
            mo.write_bytes(compile_catalogue(po.read_bytes()))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *(str(mo) for _, mo in self.catalogues())]


if __name__ == "__main__":  # as setuptools runs it; tests load the command alone
    setup(cmdclass={"build_py": build_py_with_catalogues})
