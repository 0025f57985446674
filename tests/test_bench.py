"""bench/run.py: the corpus it builds and the figures it prints (no timing is asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reportlint.checks import RuleSet

from support import ROOT, bench_script

pytestmark = pytest.mark.slow

BENCH = ROOT / "bench" / "run.py"


def bench_module() -> ModuleType:
    return bench_script("run")


def test_corpus_is_deterministic_and_a_prefix_of_a_larger_one(tmp_path: Path) -> None:
    bench = bench_module()
    samples = ROOT / "samples"
    small, _ = bench.build(tmp_path / "a", 6, 7, samples)
    again, _ = bench.build(tmp_path / "b", 12, 7, samples)
    other, _ = bench.build(tmp_path / "c", 6, 8, samples)
    texts = [p.read_bytes() for p in small]
    assert texts == [p.read_bytes() for p in again[:6]]
    assert texts != [p.read_bytes() for p in other]


def test_reports_vary_from_their_samples(tmp_path: Path) -> None:
    bench = bench_module()
    samples = ROOT / "samples"
    bases = set(bench.bases(samples))
    paths, size = bench.build(tmp_path, 40, 0, samples)
    assert size == sum(p.stat().st_size for p in paths)
    changed = 0
    for path in paths:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
        changed += text.replace("\r\n", "\n") not in bases
    assert changed > 30


def test_prints_the_figures(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    result = subprocess.run(
        [sys.executable, str(BENCH), "--count", "20", "--quick", "--keep", str(corpus)],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    assert len(list(corpus.glob("*.txt"))) == 20
    assert re.search(r"^corpus: 20 reports, [\d.]+ MB", out, re.M)
    # one row per corpus size: 2, 10 and 20 reports
    assert [int(n) for n in re.findall(r"^\s+(\d+)\s+[\d.]+\s+\d+", out, re.M)] == [2, 10, 20]
    assert re.search(r"^throughput: \d+ reports/s \(\d+ per CPU second\), [\d.]+ MB/s", out, re.M)
    assert re.search(r"^findings: \d+", out, re.M)
    assert re.search(r"^peak memory: [\d.]+ MB maxrss", out, re.M)
    assert re.search(r"^breakdown over 20 reports, CPU ms per report: parse [\d.]+", out, re.M)
    # every default rule has its own figure
    default = {rule.code for rule in RuleSet.load().selected().rules}
    assert set(re.findall(r"(RL\d{3}) [\d.]+", out)) == default
    assert re.search(r"^one pattern over one report's text: \d+ us", out, re.M)
    assert re.search(r"^start-up: reportlint check one report: [\d.]+ s wall", out, re.M)
    assert re.search(r"^import time: \d+ ms in \d+ modules", out, re.M)
    assert "reportlint.cli" in out


def test_the_hostile_input_benchmark_runs_every_case() -> None:
    # bench/worst.py: each case is checked and timed (the times are not asserted).
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "worst.py"), "--size", "2"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [line.split() for line in result.stdout.splitlines()]
    assert len(rows) == 8 and all(row[-1] == "s" and row[-3] == "KB" for row in rows)


def test_the_pattern_timer_adds_up_each_patterns_calls() -> None:
    # bench/patterns.py: each compiled pattern of the parser and the rules timed
    # by name, the costliest first.
    script = ROOT / "bench" / "patterns.py"
    seeds = ROOT / "samples" / "seeds"
    result = subprocess.run(
        [sys.executable, str(script), "--corpus", str(seeds), "--count", "3", "--top", "500"],
        capture_output=True,
        text=True,
        check=True,
    )
    head, columns, *rows = result.stdout.splitlines()
    assert re.fullmatch(r"3 reports: [\d.]+ s in all, [\d.]+ s in [\d,]+ pattern calls", head)
    assert columns.split() == ["seconds", "calls", "µs/call", "pattern"]
    named = {}
    for row in rows:
        seconds, count, _, name = row.split()
        named[name] = (float(seconds), int(count.replace(",", "")))
    assert list(named.values()) == sorted(named.values(), key=lambda v: -v[0])
    # the parser's, a kind module's and a rule's own patterns are all there, each
    # under the module that calls it (DATE_LINE is kept in dates, called in lines)
    assert {"quantities._QUANTITY", "lines.DATE_LINE", "RL202.trigger"} <= set(named)
    assert all(count > 0 for _, count in named.values())
