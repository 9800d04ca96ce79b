"""How build time grows with the data: the 2021 year grown to N projects and N/20 indicators.

    python benchmarks/bench_scale.py [--sizes 0 1000 2500 5000 10000] [--rounds 3]

Prints the median of cold `reportgen build` runs per size and the time per 1,000 projects
above the 2021 baseline, so growth that is not close to linear shows.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from common import BIN, run, scratch_project
from synthetic import grow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 2500, 5000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    baseline = None
    print(f"{'projects':>9} {'indicators':>10} {'median s':>9} {'s per 1000 projects':>20}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = scratch_project(Path(tmp) / "project")
            indicators = size // 20
            if size:
                grow(project / "data" / "2021", size, indicators)
            command = [str(BIN / "reportgen"), "build", "2021"]
            run(command, project)
            median = statistics.median(run(command, project) for _ in range(args.rounds))
        if baseline is None:
            baseline = median
        per = f"{(median - baseline) / size * 1000:.3f}" if size else "—"
        print(f"{size:>9} {indicators:>10} {median:>9.2f} {per:>20}")


if __name__ == "__main__":
    main()
