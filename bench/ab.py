"""Two versions of reportlint on the same reports, in one run: which is faster?

    .venv/bin/python bench/ab.py main HEAD --corpus /tmp/corpus
    .venv/bin/python bench/ab.py main HEAD --corpus /tmp/corpus --rounds 0 --instructions 60
    .venv/bin/python bench/ab.py main HEAD --corpus /tmp/corpus --rounds 0 --startup 21

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

`--startup N` times `python -m reportlint check` on the corpus's first report,
start-up included (imports, rule packs, one report, output), N times each,
alternating, with bytecode and each version's caches warm; and counts the
instructions of one such run of each under callgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
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
    """The version's src/ first on the path, and caches of its own: reportlint's,
    and its bytecode's (compiling the sources is not start-up)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    return {**env, "PYTHONPATH": str(tree / "src"), "REPORTLINT_CACHE_DIR": str(cache)}


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


def startup(argv: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """Wall and CPU seconds of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def compare_startup(trees: dict[str, dict[str, str]], report: Path, runs: int, cwd: str) -> None:
    argv = [sys.executable, "-m", "reportlint", "check", str(report)]
    for env in trees.values():  # untimed: bytecode, regex and YAML caches
        startup(argv, env, cwd)
    walls: dict[str, list[float]] = {name: [] for name in trees}
    cpus: dict[str, list[float]] = {name: [] for name in trees}
    for i in range(runs):
        for name in list(trees) if i % 2 == 0 else list(reversed(trees)):
            wall, cpu_seconds = startup(argv, trees[name], cwd)
            walls[name].append(wall)
            cpus[name].append(cpu_seconds)
    floor = statistics.median(startup([sys.executable, "-c", "pass"], {}, cwd)[0] for _ in range(5))
    print(
        f"reportlint check {report.name}, median of {runs} alternating runs (python -c pass: {floor:.3f} s):"
    )
    for name, env in trees.items():
        callgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv]
        counted = subprocess.run(callgrind, capture_output=True, text=True, env=env, cwd=cwd)
        found = re.search(r"Collected : (\d+)", counted.stderr)
        count = f", {int(found.group(1)) / 1e6:.0f} M instructions" if found else ""
        wall, cpu_seconds = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"  {name}: {wall:.3f} s wall, {cpu_seconds:.3f} s CPU{count}")


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
    parser.add_argument("--startup", type=int, default=0, help="runs of `check` on one report")
    args = parser.parse_args()
    worker = _RUNNER_WORKER if args.runner else _WORKER
    with tempfile.TemporaryDirectory(prefix="reportlint-ab-") as scratch:
        trees = {
            name: environment(extract(name, Path(scratch)), Path(scratch, f"cache-{i}"))
            for i, name in enumerate((args.a, args.b))
        }
        if args.startup:
            report = sorted(args.corpus.glob("*.txt"))[0]
            compare_startup(trees, report, args.startup, scratch)
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
