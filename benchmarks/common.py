"""Shared helpers for the benchmarks: timing whole commands as a user runs them."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def compiled_once(tmp: Path) -> None:
    """Python's modules compiled once, as an installed reportgen's are (pip compiles them as it
    installs, as it did the libraries'), into a folder of the benchmark's own (not beside the
    sources), whatever PYTHONDONTWRITEBYTECODE says: timing their compilation on every run
    would time Python, not reportgen, and weigh reportgen's modules against libraries whose
    compiled files are there already."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")


def scratch_project(target: Path, years: tuple[str, ...] = ("2021",)) -> Path:
    shutil.copytree(REPO / "templates", target / "templates")
    for year in years:
        shutil.copytree(REPO / "data" / year, target / "data" / year)
    return target


def run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def alternate(commands: dict[str, list[str]], cwd: Path, rounds: int) -> dict[str, list[float]]:
    """Run the commands in turn, ``rounds`` times, after one warm-up of each (disk cache)."""
    for command in commands.values():
        run(command, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(run(command, cwd))
    return times


def report(times: dict[str, list[float]]) -> dict[str, float]:
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"  {name:<28} median {medians[name] * 1000:7.0f} ms   "
              f"min {min(values) * 1000:6.0f}   max {max(values) * 1000:6.0f}   (n={len(values)})")
    return medians
