"""`reportgen import` of the 2021 report against a build of what it imports.

    python benchmarks/bench_import.py [--rounds N]

In a project holding only the templates, each round imports `data/2021/official.txt` (about
13,000 characters: 7 专栏, two of them tables) as data/2021 - reading it, writing the year,
building it and comparing the result with the report, as the command does - then builds the
year it made, with the cache as a rebuild finds it and with REPORTGEN_CACHE=off (the first
build of new inputs). The built report's .docx is imported the same way. All run as new
processes, in turn; the medians are compared. Goal: import <= 2 x build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BIN, REPO, compiled_once


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    reportgen = str(BIN / "reportgen")
    off = [sys.executable, "-c", "import os, sys; os.environ['REPORTGEN_CACHE'] = 'off'; "
           "from reportgen.cli import main; sys.argv[0] = 'reportgen'; main()", "build", "2021"]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(REPO / "templates", project / "templates")
        os.environ["REPORTGEN_CACHE_DIR"] = str(Path(tmp) / "cache")
        compiled_once(Path(tmp))
        official = REPO / "data" / "2021" / "official.txt"
        subprocess.run([reportgen, "import", str(official)], cwd=project, check=True,
                       capture_output=True)
        docx = Path(tmp) / "2021.docx"
        shutil.copy(next((project / "output" / "2021").glob("*.docx")), docx)
        times: dict[str, list[float]] = {name: [] for name in (
            "import official.txt", "import the built .docx", "build 2021 (cache warm)",
            "build 2021 (cache off)")}
        for _ in range(args.rounds):
            for name, source in (("import official.txt", official),
                                 ("import the built .docx", docx)):
                shutil.rmtree(project / "data" / "2021")
                shutil.rmtree(project / "output" / "2021")
                times[name].append(timed([reportgen, "import", str(source)], project))
            times["build 2021 (cache warm)"].append(timed([reportgen, "build", "2021"], project))
            times["build 2021 (cache off)"].append(timed(off, project))
    print(f"new processes, in turn ({args.rounds} rounds):")
    medians = {}
    for name, values in times.items():
        medians[name] = statistics.median(values)
        print(f"  {name:<26} median {medians[name] * 1000:6.0f} ms   min {min(values) * 1000:5.0f}"
              f"   max {max(values) * 1000:5.0f}")
    warm, cold = medians["build 2021 (cache warm)"], medians["build 2021 (cache off)"]
    for name in ("import official.txt", "import the built .docx"):
        print(f"ratio {name} / build = {medians[name] / warm:.2f} (cache warm), "
              f"{medians[name] / cold:.2f} (cache off)  (goal <= 2)")


if __name__ == "__main__":
    main()
