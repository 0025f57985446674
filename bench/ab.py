"""Two versions of reportlint on the same reports, in one run: which is faster?

    .venv/bin/python bench/ab.py main HEAD --corpus /tmp/corpus
    .venv/bin/python bench/ab.py main HEAD --corpus /tmp/corpus --rounds 0 --instructions 60

Each version is a git revision, taken out with `git archive` into a scratch
folder and run by this Python with its src/ first on the path.  A round
checks the corpus (load, parse, every default rule, as bench/run.py does)
once with each version, in alternating order, in fresh processes; the ratio
of the median CPU times is the speed-up.  CPU time on a shared host swings
by some 15 %, so `--instructions N` also counts the instructions of checking
the first N reports under valgrind (callgrind), minus those of starting up
and loading the rules: a figure that does not swing.  `--runner` times the
command line's path instead of the rules alone (RL310's reading and comparison
of the reports included).  Build the corpus with
bench/run.py --keep or bench/findings.py.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run in the child: load, parse and check each report; print CPU seconds.
_WORKER = """
import sys, time
from pathlib import Path
from reportlint.checks import RuleSet
from reportlint.document import parse
from reportlint.load import load_path
paths = sorted(Path(sys.argv[1]).glob("*.txt"))[: int(sys.argv[2])]
rules = RuleSet.load().selected()
began = time.process_time()
findings = 0
for path in paths:
    findings += len(rules.run(parse(load_path(path))))
print(time.process_time() - began, findings)
"""

# With --runner: the command line's own path (reportlint.runner.check_paths, one
# process), which adds what the rules alone leave out: the batch rule RL310's
# reading and comparison of every report, and each report's summary.
_RUNNER_WORKER = """
import sys, time
from pathlib import Path
from reportlint.config import Configuration, Overrides
from reportlint.runner import check_paths
paths = [str(p) for p in sorted(Path(sys.argv[1]).glob("*.txt"))[: int(sys.argv[2])]]
config = Configuration(Overrides(), None)
began = time.process_time()
findings = len(check_paths(paths, config, jobs=1).diagnostics) if paths else 0
print(time.process_time() - began, findings)
"""


def extract(revision: str, scratch: Path) -> Path:
    if Path(revision, "src", "reportlint").is_dir():
        return Path(revision).resolve()  # a source tree as it is (a work tree's changes)
    tree = scratch / re.sub(r"[^\w.-]", "_", revision)
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def environment(tree: Path, cache: Path) -> dict[str, str]:
    """The version's src/ first on the path, and a regex cache of its own."""
    return {**os.environ, "PYTHONPATH": str(tree / "src"), "REPORTLINT_CACHE_DIR": str(cache)}


def cpu(env: dict[str, str], corpus: Path, count: int, worker: str) -> tuple[float, int]:
    argv = [sys.executable, "-c", worker, str(corpus), str(count)]
    seconds, findings = subprocess.run(
        argv, capture_output=True, text=True, check=True, env=env
    ).stdout.split()
    return float(seconds), int(findings)


def instructions(env: dict[str, str], corpus: Path, count: int, worker: str) -> int:
    argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    argv += [sys.executable, "-c", worker, str(corpus), str(count)]
    stderr = subprocess.run(argv, capture_output=True, text=True, check=True, env=env)
    found = re.search(r"Collected : (\d+)", stderr.stderr)
    if found is None:
        sys.exit(f"bench: no instruction count from valgrind:\n{stderr.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("a", help="the old revision (e.g. main), or a source tree")
    parser.add_argument("b", help="the new revision (e.g. HEAD), or a source tree (.)")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--count", type=int, default=2000, help="reports checked per run")
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of each")
    parser.add_argument("--instructions", type=int, default=0, help="reports under callgrind")
    parser.add_argument(
        "--runner", action="store_true", help="the command line's path, RL310's reading included"
    )
    args = parser.parse_args()
    worker = _RUNNER_WORKER if args.runner else _WORKER
    with tempfile.TemporaryDirectory(prefix="reportlint-ab-") as scratch:
        trees = {
            name: environment(extract(name, Path(scratch)), Path(scratch, f"cache-{i}"))
            for i, name in enumerate((args.a, args.b))
        }
        for env in trees.values():  # untimed: fill each version's regex cache
            cpu(env, args.corpus, 5, worker)
        times: dict[str, list[float]] = {name: [] for name in trees}
        findings: dict[str, int] = {}
        for i in range(args.rounds):
            order = list(trees) if i % 2 == 0 else list(reversed(trees))
            for name in order:
                seconds, findings[name] = cpu(trees[name], args.corpus, args.count, worker)
                times[name].append(seconds)
            print(f"round {i + 1}: " + ", ".join(f"{n} {times[n][-1]:.2f} s" for n in trees))
        if args.rounds:
            a, b = (statistics.median(times[n]) for n in trees)
            count = min(args.count, len(list(args.corpus.glob("*.txt"))))
            print(
                f"CPU, median of {args.rounds}: {args.a} {a:.2f} s, {args.b} {b:.2f} s "
                f"({a / count * 1000:.2f} -> {b / count * 1000:.2f} ms a report): "
                f"{a / b:.2f}x; findings {findings[args.a]} and {findings[args.b]}"
            )
        if args.instructions:
            counts = {}
            for name, env in trees.items():
                whole = instructions(env, args.corpus, args.instructions, worker)
                counts[name] = whole - instructions(env, args.corpus, 0, worker)
            a, b = counts.values()
            print(
                f"instructions for {args.instructions} reports (start-up taken off): "
                f"{args.a} {a / 1e9:.2f} G, {args.b} {b / 1e9:.2f} G: {a / b:.2f}x"
            )


if __name__ == "__main__":
    main()
