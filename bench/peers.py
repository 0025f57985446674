"""Peers on the same reports: reportlint's CPU time beside other Chinese linters'.

    npm install --prefix /work/peers autocorrect-node zhlint @lint-md/cli textlint \\
        textlint-rule-zh-half-and-full-width-bracket textlint-rule-sentence-length \\
        textlint-rule-ja-space-between-half-and-full-width textlint-rule-no-zero-width-spaces
    .venv/bin/python bench/peers.py --corpus /tmp/corpus --count 2000 --rounds 3 --prefix /work/peers

The first N reports of the corpus (built by bench/run.py --keep) are copied
to a scratch folder as they are for reportlint, and as UTF-8 .md files for
the peers, which read Markdown and no GB18030.  A round runs
`python -m reportlint check --format json --exit-zero -j 1` (this tree's src/)
and each peer found under --prefix's node_modules/.bin or on PATH, in
alternating order, single-threaded where a tool has the option; first, an
untimed run on 10 reports fills reportlint's regex cache and leaves out a
tool that fails or names none of them.  CPU is the
child's user + system time, the figure to hold on a shared host.  "named" is
how many of the N files the tool's output names: tools that list only files
with problems name fewer.  Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_TEXTLINT_RULES = (
    "zh-half-and-full-width-bracket",
    "sentence-length",
    "ja-space-between-half-and-full-width",
    "no-zero-width-spaces",
)
# name, executable, arguments ({md}: the folder of .md copies; {modules}: the
# node_modules the executable lives in), what it checks.
_PEERS = [
    (
        "autocorrect",
        "autocorrect",
        ["--lint", "--threads", "1", "--format", "json", "{md}"],
        "spaces between CJK and Latin letters or digits, full-width punctuation (Rust, in Node)",
    ),
    (
        "zhlint",
        "zhlint",
        ["{md}/*.md"],
        "spacing, full-/half-width punctuation, brackets and quotes (one thread, no option)",
    ),
    (
        "textlint",
        "textlint",
        ["--no-textlintrc", "--rules-base-directory", "{modules}", "--format", "json"]
        + [f"--rule={rule}" for rule in _TEXTLINT_RULES]
        + ["{md}"],
        "4 rules: bracket width, sentence length, half/full-width spacing, zero-width spaces (one thread, no option)",
    ),
    (
        "lint-md",
        "lint-md",
        ["--threads", "1", "{md}/*.md"],
        "Chinese typography in Markdown: spaces around numbers and Latin, punctuation",
    ),
]
_FILE_NAME = re.compile(r"[\w.-]+\.(?:md|txt)")


def copy_reports(corpus: Path, count: int, folder: Path) -> int:
    """The first count reports as they are (folder/txt) and as UTF-8 Markdown (folder/md)."""
    paths = sorted(corpus.glob("*.txt"))[:count]
    if not paths:
        sys.exit(f"bench: no *.txt under {corpus}")
    (folder / "txt").mkdir(parents=True)
    (folder / "md").mkdir()
    for path in paths:
        shutil.copyfile(path, folder / "txt" / path.name)
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
        (folder / "md" / path.with_suffix(".md").name).write_bytes(text.encode("utf-8"))
    return len(paths)


def version(executable: Path) -> str:
    """The version in the package.json nearest the (resolved) executable."""
    for folder in executable.resolve().parents:
        if (folder / "package.json").is_file():
            package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
            return f"{package['name']} {package['version']}"
    return "version unknown"


def tools(prefix: Path | None) -> dict[str, tuple[list[str], str]]:
    """Each tool's command line ({txt}, {md}: the folders) and what it checks."""
    reportlint = [sys.executable, "-m", "reportlint", "check", "--format", "json"]
    found = {"reportlint": ([*reportlint, "--exit-zero", "-j", "1", "{txt}"], "every default rule")}
    search = os.environ["PATH"]
    if prefix is not None:
        search = os.pathsep.join([str(prefix / "node_modules" / ".bin"), search])
    for name, command, arguments, checks in _PEERS:
        executable = shutil.which(command, path=search)
        if executable is None:
            print(f"{name}: `{command}` not found under --prefix or on PATH, skipped")
            continue
        modules = str(Path(executable).resolve().parents[2])  # node_modules/<package>/bin/<file>
        found[name] = ([executable] + [a.replace("{modules}", modules) for a in arguments], checks)
        print(f"{name}: {version(Path(executable))}")
    return found


def run(
    argv: list[str], folder: Path, env: dict[str, str], out: Path
) -> tuple[float, float] | None:
    """Wall and CPU seconds of one run in folder (over its txt/ or md/), its
    output in out; None if the tool failed (exit status 1 is problems found)."""
    argv = [a.format(txt="txt", md="md") for a in argv]  # relative: zhlint needs that
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    with out.open("wb") as sink:
        status = subprocess.run(argv, env=env, cwd=folder, stdout=sink, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if status.returncode not in (0, 1):
        return None
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def named(out: Path, folder: Path) -> int:
    """How many of folder's reports the output in out names."""
    text = out.read_text(encoding="utf-8", errors="replace")
    return len({p.name for p in folder.glob("*/*")} & set(_FILE_NAME.findall(text)))


def tail(out: Path) -> str:
    return out.read_text(encoding="utf-8", errors="replace")[-1500:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, required=True, help="a folder of *.txt reports")
    parser.add_argument("--count", type=int, default=2000, help="reports checked per run")
    parser.add_argument("--rounds", type=int, default=3, help="timed runs of each tool")
    parser.add_argument("--prefix", type=Path, help="where the peers were installed by npm")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory(prefix="reportlint-peers-") as scratch:
        env["REPORTLINT_CACHE_DIR"] = str(Path(scratch, "cache"))
        found = tools(args.prefix)
        warm, reports = Path(scratch, "warm"), Path(scratch, "reports")
        copy_reports(args.corpus, 10, warm)
        out = Path(scratch, "out")
        for name in list(found):  # untimed; a tool that fails or names no file is left out
            if run(found[name][0], warm, env, out) is None or not named(out, warm):
                print(f"{name}: failed on 10 reports, skipped:\n{tail(out)}")
                del found[name]
        count = copy_reports(args.corpus, args.count, reports)
        print(f"{count} reports, {args.rounds} rounds; load average {os.getloadavg()[0]:.2f}")
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in found}
        files: dict[str, int] = {}
        for i in range(args.rounds):
            order = list(found) if i % 2 == 0 else list(reversed(found))
            for name in order:
                timed = run(found[name][0], reports, env, out)
                if timed is None:
                    sys.exit(f"bench: {name} failed:\n{tail(out)}")
                times[name].append(timed)
                files[name] = named(out, reports)
            print(f"round {i + 1}: " + ", ".join(f"{n} {times[n][-1][1]:.1f} s" for n in found))
        if not args.rounds:
            return
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        ours = statistics.median(cpu for _, cpu in times["reportlint"])
        print("| tool | CPU s (median) | × reportlint | wall s | files / CPU s | named | checks |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name, (_, checks) in found.items():
            cpu = statistics.median(c for _, c in times[name])
            wall = statistics.median(w for w, _ in times[name])
            print(
                f"| {name} | {cpu:.1f} | {cpu / ours:.2f} | {wall:.1f} | {count / cpu:.0f} "
                f"| {files[name]} | {checks} |"
            )


if __name__ == "__main__":
    main()
