"""`reportgen diff` against its floors.

    python benchmarks/bench_diff.py [--rounds N] [--core-rounds N]

1. Cold `reportgen diff 2021` on an up-to-date built report against the bare import floor
   `python -c "import docx"`: both run as new processes, alternating; medians compared.
   Goal: diff / floor <= 1.5.
2. The diff core (normalising both sides, aligning, placing the changes: `diff.compare`) on
   the official text with 12 scattered edits of every kind, against the same text concatenated
   10 times (~130,000 characters). Goal: 10x under 10 times the single report's time.
   Measured twice: with the same 12 edits scattered over the 10x text, and with 12 edits in
   every copy (the same density of edits: 120).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BIN, REPO, alternate, compiled_once, report, scratch_project

from reportgen.diff.changes import compare
from reportgen.diff.normalise import Normalisation, Side
from reportgen.word.text import Piece

EDITS = 12


def scattered(lines: list[str], count: int, seed: int) -> list[str]:
    """``count`` edits on distinct lines with text: replace, insert, delete, punctuation width."""
    chance = random.Random(seed)
    lines = list(lines)
    candidates = [i for i, line in enumerate(lines) if len(line.strip()) > 4]
    for n, index in enumerate(sorted(chance.sample(candidates, count))):
        line = lines[index]
        at = chance.randrange(1, len(line) - 2)
        kind = n % 4
        if kind == 0:
            line = line[:at] + "改" + line[at + 1:]
        elif kind == 1:
            line = line[:at] + "新增内容" + line[at:]
        elif kind == 2:
            line = line[:at] + line[at + 3:]
        else:
            line = line.replace("，", ",", 1) if "，" in line else line + "。"
        lines[index] = line
    return lines


def pieces(lines: list[str]) -> list[Piece]:
    return [Piece(t, i) for i, t in enumerate(lines, start=1)]


def core_times(cases: dict[str, tuple[list[str], list[str]]],
               rounds: int) -> dict[str, tuple[float, int]]:
    """Median seconds of one comparison of texts already read (both sides normalised,
    aligned, the changes placed) and its number of changes, for each case; the cases take
    turns so that a busy machine slows them alike."""
    read = {name: (pieces(a), pieces(b)) for name, (a, b) in cases.items()}
    times: dict[str, list[float]] = {name: [] for name in cases}
    changes = {}
    for round_ in range(rounds + 1):
        for name, (a, b) in read.items():
            start = time.perf_counter()
            rules = Normalisation()
            comparison = compare(Side("a", "a", a, rules, True), Side("b", "b", b, rules, True))
            elapsed = time.perf_counter() - start
            changes[name] = len(comparison.changes)
            if round_:  # the first round warms up
                times[name].append(elapsed)
    return {name: (statistics.median(times[name]), changes[name]) for name in cases}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--core-rounds", type=int, default=25)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        compiled_once(Path(tmp))
        project = scratch_project(Path(tmp) / "project")
        reportgen = str(BIN / "reportgen")
        subprocess.run([reportgen, "build", "2021"], cwd=project, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = alternate({
            "import floor (docx)": [sys.executable, "-c", "import docx"],
            "reportgen diff 2021": [reportgen, "diff", "2021"],
        }, project, args.rounds)
    print("cold runs, alternated:")
    medians = report(times)
    ratio = medians["reportgen diff 2021"] / medians["import floor (docx)"]
    print(f"ratio diff / floor = {ratio:.2f}  (goal <= 1.5)")

    lines = (REPO / "data" / "2021" / "official.txt").read_text("utf-8").split("\n")
    tenfold = lines * 10
    cases = {
        f"report, {EDITS} edits": (lines, scattered(lines, EDITS, 1)),
        f"report x10, {EDITS} edits": (tenfold, scattered(tenfold, EDITS, 1)),
        f"report x10, {EDITS} edits a copy": (
            tenfold, [line for copy in range(10) for line in scattered(lines, EDITS, copy + 1)]),
    }
    results = core_times(cases, args.core_rounds)
    sizes = [len(Side("x", "x", pieces(text), Normalisation(), True).norm)
             for text in (lines, tenfold)]
    single = results[f"report, {EDITS} edits"][0]
    print(f"\ndiff core (diff.compare) on {sizes[0]:,} and {sizes[1]:,} characters, "
          f"median of {args.core_rounds}, cases alternated:")
    for name, (seconds, changes) in results.items():
        ratio = "" if seconds == single else f"   ratio {seconds / single:4.1f}  (goal < 10)"
        print(f"  {name:<30} {seconds * 1000:7.1f} ms  {changes:4} changes{ratio}")


if __name__ == "__main__":
    main()
