"""Cold `reportgen build 2021` against the bare import floor of its libraries.

    pip install '.[bench]' && python benchmarks/bench_build.py [--rounds N]

Each round runs the commands as new processes, alternating, and the medians are compared.
Goal: build / floor <= 1.25, with the floor `import pandas, openpyxl, docxtpl` as the goal was
set. The build does not import pandas, so the ratio against the libraries it does import
(openpyxl, docxtpl, babel, yaml) is printed too: that one shows reportgen's own work.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import BIN, alternate, report, scratch_project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = scratch_project(Path(tmp) / "project")
        times = alternate({
            "import floor": [sys.executable, "-c", "import pandas, openpyxl, docxtpl"],
            "imports the build uses": [sys.executable, "-c",
                                       "import openpyxl, docxtpl, babel.numbers, yaml"],
            "reportgen build 2021": [str(BIN / "reportgen"), "build", "2021"],
        }, project, args.rounds)
    print("cold runs, alternated:")
    medians = report(times)
    build = medians["reportgen build 2021"]
    print(f"ratio build / floor = {build / medians['import floor']:.2f}  (goal <= 1.25)")
    print(f"ratio build / its own imports = {build / medians['imports the build uses']:.2f}")


if __name__ == "__main__":
    main()
