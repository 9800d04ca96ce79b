"""Cold `reportgen build 2021` against the bare import floor of its libraries.

    python benchmarks/bench_build.py [--rounds N]

Each round runs both commands as new processes, alternating, and the medians are compared.
Goal: build / floor <= 1.25.
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
            "reportgen build 2021": [str(BIN / "reportgen"), "build", "2021"],
        }, project, args.rounds)
    print("cold runs, alternated:")
    medians = report(times)
    ratio = medians["reportgen build 2021"] / medians["import floor"]
    print(f"ratio build / floor = {ratio:.2f}  (goal <= 1.25)")


if __name__ == "__main__":
    main()
