"""Cold `reportgen build 2021` against the bare import of the libraries it loads.

    pip install '.[bench]' && python benchmarks/bench_build.py [--rounds N]

Each round runs the commands as new processes, alternating, and the medians are compared.
Goal: build / its own imports (`import openpyxl, docxtpl, babel.numbers, yaml`) <= 1.35.

A build keeps what the inputs alone decide - each workbook's cells, each template's compiled
code - in the user's cache, keyed on their content; a rebuild of unchanged inputs (the usual
case while a report is written) reads them from there and never loads openpyxl. Both are
timed: with the cache as a rebuild finds it, and with REPORTGEN_CACHE=off, as the first build
of new inputs runs. The older floor `import pandas, openpyxl, docxtpl` is printed too, and
`reportgen --help` against `import click` (goal <= 1.5).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from common import BIN, alternate, compiled_once, report, scratch_project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    reportgen = str(BIN / "reportgen")
    with tempfile.TemporaryDirectory() as tmp:
        compiled_once(Path(tmp))
        project = scratch_project(Path(tmp) / "project")
        os.environ["REPORTGEN_CACHE_DIR"] = str(Path(tmp) / "cache")
        off = [sys.executable, "-c", "import os, sys; os.environ['REPORTGEN_CACHE'] = 'off'; "
               "from reportgen.cli import main; sys.argv[0] = 'reportgen'; main()",
               "build", "2021"]
        times = alternate({
            "imports the build uses": [sys.executable, "-c",
                                       "import openpyxl, docxtpl, babel.numbers, yaml"],
            "reportgen build 2021": [reportgen, "build", "2021"],
            "build, cache off": off,
            "import pandas, openpyxl, docxtpl": [sys.executable, "-c",
                                                 "import pandas, openpyxl, docxtpl"],
            "import click": [sys.executable, "-c", "import click"],
            "reportgen --help": [reportgen, "--help"],
        }, project, args.rounds)
    print("cold processes, alternated:")
    medians = report(times)
    own = medians["imports the build uses"]
    print(f"ratio build / its own imports = {medians['reportgen build 2021'] / own:.2f}  "
          "(goal <= 1.35)")
    print(f"ratio build with the cache off / its own imports = "
          f"{medians['build, cache off'] / own:.2f}")
    print(f"ratio reportgen --help / import click = "
          f"{medians['reportgen --help'] / medians['import click']:.2f}  (goal <= 1.5)")
    print(f"ratio build / import pandas, openpyxl, docxtpl = "
          f"{medians['reportgen build 2021'] / medians['import pandas, openpyxl, docxtpl']:.2f}")


if __name__ == "__main__":
    main()
