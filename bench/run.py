"""Benchmark: build a corpus of varied reports, lint it in process, time start-up.

    .venv/bin/python bench/run.py                 # 10,000 reports in a temp dir
    .venv/bin/python bench/run.py --count 2000 --keep /tmp/corpus
    .venv/bin/python bench/run.py --count 20 --quick

The corpus is made from samples/seeds and samples/synthetic: figures and
years changed, chapters dropped, duplicated or swapped, and defects added
(half-width marks, broken lines, missing signature, wrong numbering,
traditional characters, page chrome, GB18030 and CRLF files).  Report i
depends only on the seed and i, so a smaller corpus is a prefix of a larger
one.  Reports are then loaded, parsed and checked one at a time with every
default rule, as the CLI does, and dropped.  Standard library and reportlint
only, so it runs in any environment reportlint runs in.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlint.checks import RuleSet
from reportlint.document import parse
from reportlint.document.regexes import compiled
from reportlint.load import load_path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}、(?!季度|月)")
_SUBHEADING = re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,2})[）)]")
_ARABIC_HEADING = re.compile(r"^\s*(\d{1,2})[.、]")
_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d{2}(?=年|[-./])")
_HALF = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}
_TRADITIONAL = str.maketrans("国发务开会为实体学关进应规们", "國發務開會為實體學關進應規們")
_CN_DIGITS = "一二三四五六七八九十"
_HEADER = ["当前位置：首页 > 政务公开 > 法治政府建设", "发布时间：{year}-03-28  来源：司法局"]
_FOOTER = ["版权所有：某某县人民政府办公室", "网站标识码：1234000000  ICP备12345678号"]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def bases(samples: Path) -> list[str]:
    paths = sorted((samples / "seeds").glob("*.txt")) + sorted(
        (samples / "synthetic").glob("*.txt")
    )
    if not paths:
        sys.exit(f"bench: no sample reports under {samples}")
    return [p.read_text(encoding="utf-8") for p in paths]


def _split(lines: list[str]) -> tuple[list[str], list[list[str]], list[str]]:
    """Preamble, top-level chapters (heading to next heading) and the short lines at the end."""
    tail_start = len(lines)
    while tail_start > 0:
        line = lines[tail_start - 1].strip()
        if line and (len(line) > 40 or "。" in line):
            break
        tail_start -= 1
    starts = [i for i, line in enumerate(lines[:tail_start]) if _HEADING.match(line)]
    if not starts:
        return lines[:tail_start], [], lines[tail_start:]
    chapters = [lines[a:b] for a, b in zip(starts, [*starts[1:], tail_start], strict=True)]
    return lines[: starts[0]], chapters, lines[tail_start:]


def _figures(text: str, rng: random.Random) -> str:
    def change(m: re.Match[str]) -> str:
        digits = m.group()
        if rng.random() > 0.3 or (len(digits) == 4 and digits[:2] in ("19", "20")):
            return digits
        if len(digits) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return _NUMBER.sub(change, text)


def _years(text: str, rng: random.Random) -> str:
    delta = rng.choice((-2, -1, 1, 2))
    shifted = _YEAR.sub(lambda m: str(int(m.group()) + delta), text)
    if rng.random() < 0.2:  # the first line (the title) keeps its year: a mismatch
        title, newline, _ = text.partition("\n")
        return title + newline + shifted.partition("\n")[2]
    return shifted


def _halfwidth(lines: list[str], rng: random.Random) -> None:
    spots = [(i, j) for i, line in enumerate(lines) for j, ch in enumerate(line) if ch in _HALF]
    for i, j in rng.sample(spots, min(len(spots), rng.randint(1, 6))):
        line = lines[i]
        lines[i] = line[:j] + _HALF[line[j]] + line[j + 1 :]


def _break_lines(lines: list[str], rng: random.Random) -> None:
    long = [i for i, line in enumerate(lines) if len(line) >= 60]
    for i in sorted(rng.sample(long, min(len(long), rng.randint(1, 3))), reverse=True):
        line = lines[i]
        cuts = [j for j in range(10, len(line) - 10) if _is_han(line[j - 1]) and _is_han(line[j])]
        if cuts:
            j = rng.choice(cuts)
            lines[i : i + 1] = [line[:j], line[j:]]


def _renumber(lines: list[str], rng: random.Random) -> None:
    subs = [i for i, line in enumerate(lines) if _SUBHEADING.match(line)]
    arabic = [i for i, line in enumerate(lines) if _ARABIC_HEADING.match(line)]
    if subs and (not arabic or rng.random() < 0.6):
        i = rng.choice(subs)
        m = _SUBHEADING.match(lines[i])
        assert m is not None
        wrong = rng.choice([d for d in _CN_DIGITS if d != m[1]])
        lines[i] = lines[i][: m.start(1)] + wrong + lines[i][m.end(1) :]
    elif arabic:
        i = rng.choice(arabic)
        m = _ARABIC_HEADING.match(lines[i])
        assert m is not None
        # Either a skipped number or a style from the wrong level: "（1）" for "1."
        if rng.random() < 0.5:
            lines[i] = lines[i][: m.start(1)] + str(int(m[1]) + 2) + lines[i][m.end(1) :]
        else:
            lines[i] = f"（{m[1]}）" + lines[i][m.end() :]


def _traditional(lines: list[str], rng: random.Random) -> None:
    long = [i for i, line in enumerate(lines) if len(line) >= 40]
    if long:
        i = rng.choice(long)
        lines[i] = lines[i].translate(_TRADITIONAL)


def report(base: str, rng: random.Random) -> tuple[str, str, str]:
    """A varied report from base: (text, encoding, newline)."""
    text = base
    if rng.random() < 0.8:
        text = _figures(text, rng)
    if rng.random() < 0.5:
        text = _years(text, rng)
    preamble, chapters, tail = _split(text.split("\n"))
    if len(chapters) > 1:
        roll = rng.random()
        if roll < 0.15:
            del chapters[rng.randrange(len(chapters))]
        elif roll < 0.25:
            i = rng.randrange(len(chapters))
            chapters.insert(i, list(chapters[i]))
        elif roll < 0.35:
            i, j = rng.sample(range(len(chapters)), 2)
            chapters[i], chapters[j] = chapters[j], chapters[i]
    if rng.random() < 0.1:
        tail = [line for line in tail if not line.strip()]  # no signature
    lines = preamble + [line for chapter in chapters for line in chapter] + tail
    defects: list[tuple[float, Callable[[list[str], random.Random], None]]] = [
        (0.3, _halfwidth),
        (0.3, _break_lines),
        (0.2, _renumber),
        (0.05, _traditional),
    ]
    for chance, defect in defects:
        if rng.random() < chance:
            defect(lines, rng)
    if rng.random() < 0.1:
        year = _YEAR.search(text)
        header = [h.format(year=year.group() if year else "2024") for h in _HEADER]
        lines = [*header, "", *lines, "", *_FOOTER]
    roll = rng.random()
    encoding = "gb18030" if roll < 0.05 else "utf-8"
    newline = "\r\n" if 0.05 <= roll < 0.1 else "\n"
    return "\n".join(lines), encoding, newline


def build(directory: Path, count: int, seed: int, samples: Path) -> tuple[list[Path], int]:
    """Write the corpus; return the paths and their total size in bytes."""
    texts = bases(samples)
    directory.mkdir(parents=True, exist_ok=True)
    paths, size = [], 0
    for i in range(count):
        rng = random.Random(f"{seed}-{i}")
        text, encoding, newline = report(rng.choice(texts), rng)
        data = text.replace("\n", newline).encode(encoding)
        path = directory / f"{i:05d}.txt"
        path.write_bytes(data)
        paths.append(path)
        size += len(data)
    return paths, size


def _maxrss_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def checkpoints(count: int) -> list[int]:
    return sorted({max(1, count // 10), max(1, count // 2), count})


def check_corpus(paths: Sequence[Path], size: int) -> None:
    """Load, parse and check each report in turn with the default rule set; print the figures.

    CPU time is given beside wall time: on a shared machine it is the steadier figure.
    """
    rules = RuleSet.load().selected()
    marks = checkpoints(len(paths))
    stage = {"load": 0.0, "parse": 0.0, "check": 0.0}
    findings = 0
    print(f"rules: {len(rules.rules)} default rules")
    print(
        f"{'reports':>8} {'wall s':>8} {'reports/s':>10} {'segment/s':>10} "
        f"{'CPU s':>8} {'per CPU-s':>10} {'maxrss MB':>10}"
    )
    wall0, cpu0 = time.perf_counter(), time.process_time()
    last_n, last_wall = 0, 0.0  # at the previous mark: the rate in between shows linearity
    for n, path in enumerate(paths, 1):
        t0 = time.process_time()
        source = load_path(path)
        t1 = time.process_time()
        doc = parse(source)
        t2 = time.process_time()
        findings += len(rules.run(doc))
        t3 = time.process_time()
        stage["load"] += t1 - t0
        stage["parse"] += t2 - t1
        stage["check"] += t3 - t2
        if n in marks:
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            segment = (n - last_n) / (wall - last_wall)
            print(
                f"{n:>8} {wall:>8.2f} {n / wall:>10.0f} {segment:>10.0f} "
                f"{cpu:>8.2f} {n / cpu:>10.0f} {_maxrss_mb():>10.1f}"
            )
            last_n, last_wall = n, wall
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    count = len(paths)
    per = {name: seconds / count * 1000 for name, seconds in stage.items()}
    print(
        f"throughput: {count / wall:.0f} reports/s ({count / cpu:.0f} per CPU second), "
        f"{size / wall / 2**20:.2f} MB/s, {cpu / count * 1000:.2f} ms CPU/report "
        f"(load {per['load']:.2f}, parse {per['parse']:.2f}, check {per['check']:.2f})"
    )
    print(f"findings: {findings} ({findings / count:.1f} per report)")
    print(f"peak memory: {_maxrss_mb():.1f} MB maxrss")


def breakdown(paths: Sequence[Path], limit: int) -> None:
    """Where a report's time goes: parse, each rule's check, diagnostics, and
    what one pass of one pattern over a report's text costs (the unit a
    regex-based rule is made of)."""
    rules = RuleSet.load().selected()
    sources = [load_path(path) for path in paths[:limit]]
    docs = [parse(source) for source in sources]  # warm: patterns compiled, caches filled
    began = time.process_time()
    docs = [parse(source) for source in sources]
    parse_ms = (time.process_time() - began) / len(docs) * 1000
    per_rule = dict.fromkeys((rule.code for rule in rules.rules), 0.0)
    diagnose = 0.0
    for doc in docs:
        for rule in rules.rules:
            began = time.process_time()
            findings = list(rule.check.check(doc))
            checked = time.process_time()
            for finding in findings:
                rule.diagnose(doc, finding)
            per_rule[rule.code] += checked - began
            diagnose += time.process_time() - checked
    one_pass = compiled("法治政府|依法行政")
    began = time.process_time()
    for doc in docs:
        for _ in one_pass.finditer(doc.text):
            pass
    scan_us = (time.process_time() - began) / len(docs) * 1e6
    checks_ms = sum(per_rule.values()) / len(docs) * 1000
    diagnose_ms = diagnose / len(docs) * 1000
    print(
        f"breakdown over {len(docs)} reports, CPU ms per report: parse {parse_ms:.2f}, "
        f"checks {checks_ms:.2f}, diagnostics {diagnose_ms:.2f}"
    )
    heaviest = sorted(per_rule.items(), key=lambda item: -item[1])
    print("  " + ", ".join(f"{code} {t / len(docs) * 1000:.2f}" for code, t in heaviest))
    print(
        f"one pattern over one report's text: {scan_us:.0f} us "
        f"({1000 / scan_us:.0f} such passes make 1 ms)"
    )


def _command() -> list[str]:
    script = Path(sys.executable).with_name("reportlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reportlint"]


def _child_env(scratch: Path) -> dict[str, str]:
    """Bytecode cached as an installed package has it, whatever PYTHONDONTWRITEBYTECODE
    says (compiling the sources is not start-up), and a regex cache of our own."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env["REPORTLINT_CACHE_DIR"] = str(scratch / "reportlint")
    return env


def _median_run(argv: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall and CPU seconds of a command, after one untimed run that warms the caches."""
    walls, cpus = [], []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - began
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            walls.append(wall)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def startup(path: Path, runs: int, env: dict[str, str]) -> None:
    argv = [*_command(), "check", str(path)]
    wall, cpu = _median_run(argv, runs, env)
    cold, _ = _median_run(argv, runs, {**env, "REPORTLINT_NO_CACHE": "1"})
    floor, _ = _median_run([sys.executable, "-c", "pass"], runs, env)
    print(
        f"start-up: reportlint check one report: {wall:.3f} s wall, {cpu:.3f} s CPU, "
        f"median of {runs} runs; {cold:.3f} s without the regex cache "
        f"(python -c pass: {floor:.3f} s)"
    )


def import_times(path: Path, top: int, env: dict[str, str]) -> None:
    """`python -X importtime` of a whole check of one report, heaviest imports first."""
    argv = [sys.executable, "-X", "importtime", "-m", "reportlint", "check", str(path)]
    stderr = subprocess.run(argv, capture_output=True, text=True, env=env).stderr
    rows = []
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            self_us, cumulative_us, name = (part.strip() for part in line[12:].split("|"))
            rows.append((int(cumulative_us), int(self_us), name))
    total = sum(own for _, own, _ in rows)
    print(f"import time: {total / 1000:.0f} ms in {len(rows)} modules; top {top} by cumulative:")
    for cumulative, own, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative / 1000:7.1f} ms  (self {own / 1000:5.1f})  {name}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=10_000, help="reports in the corpus")
    parser.add_argument("--keep", type=Path, help="build the corpus in DIR and keep it")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="the sample reports")
    parser.add_argument("--quick", action="store_true", help="one start-up run, fewer import rows")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    directory = args.keep or Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    try:
        began = time.perf_counter()
        paths, size = build(directory, args.count, args.seed, args.samples)
        print(
            f"corpus: {len(paths)} reports, {size / 2**20:.1f} MB, "
            f"{size / len(paths) / 1024:.1f} KB each on average, in {directory} "
            f"(built in {time.perf_counter() - began:.1f} s)"
        )
        check_corpus(paths, size)
        breakdown(paths, 300)
        with tempfile.TemporaryDirectory(prefix="reportlint-bench-cache-") as scratch:
            env = _child_env(Path(scratch))
            startup(paths[0], 1 if args.quick else 11, env)
            import_times(paths[0], 5 if args.quick else 12, env)
    finally:
        if args.keep is None:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
