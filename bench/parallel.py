"""Where do worker processes start to pay?  Times `reportlint check` on N
copies of the bundled samples with one process (-j 1) and with every core
(-j <cores>), for several N, and prints the break-even.

    .venv/bin/python bench/parallel.py [--sizes 5,10,20,40,80,160] [--repeat 3]

The default threshold (runner.PARALLEL_MIN_FILES) is set from this table.
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

ROOT = Path(__file__).resolve().parents[1]


def corpus(folder: Path, count: int) -> None:
    samples = sorted((ROOT / "samples").rglob("*.txt"))
    for i in range(count):
        source = samples[i % len(samples)]
        shutil.copyfile(source, folder / f"{i:05d}_{source.name}")


def wall(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="5,10,20,40,80,160")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    exe = [sys.executable, "-m", "reportlint", "check", "--format", "json"]
    print(f"{'files':>6} {'-j 1 (s)':>9} {f'-j {cores} (s)':>9}  faster")
    for size in (int(s) for s in options.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            corpus(Path(tmp), size)
            one = wall([*exe, "-j", "1", tmp], options.repeat)
            many = wall([*exe, "-j", str(cores), tmp], options.repeat)
        print(f"{size:>6} {one:>9.2f} {many:>9.2f}  {'parallel' if many < one else 'one process'}")


if __name__ == "__main__":
    main()
