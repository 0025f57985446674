"""bench/peers.py: the copies the peers read, and a run with no peer installed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from support import ROOT, bench_script

pytestmark = pytest.mark.slow

PEERS = ROOT / "bench" / "peers.py"


def peers_module() -> ModuleType:
    return bench_script("peers")


def test_copies_are_the_reports_and_their_utf8_markdown(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "某县2025年法治政府建设年度报告\r\n一、主要举措\r\n"
    (corpus / "a.txt").write_bytes(text.encode("gb18030"))
    (corpus / "b.txt").write_bytes(text.encode("utf-8"))
    (corpus / "c.txt").write_bytes(text.encode("utf-8"))
    assert peers_module().copy_reports(corpus, 2, tmp_path / "out") == 2
    assert sorted(p.name for p in (tmp_path / "out").glob("*/*")) == [
        "a.md",
        "a.txt",
        "b.md",
        "b.txt",
    ]
    assert (tmp_path / "out/txt/a.txt").read_bytes() == text.encode("gb18030")
    for name in ("a.md", "b.md"):
        assert (tmp_path / "out/md" / name).read_bytes() == text.encode("utf-8")


def test_missing_peers_are_skipped_and_reportlint_is_timed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted((ROOT / "samples" / "seeds").glob("*.txt"))[:3]:
        (corpus / seed.name).write_bytes(seed.read_bytes())
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = [sys.executable, str(PEERS), "--corpus", str(corpus), "--count", "3"]
    argv += ["--rounds", "1", "--prefix", str(empty)]
    env = {**os.environ, "PATH": str(empty)}
    out = subprocess.run(argv, capture_output=True, text=True, check=True, env=env).stdout
    for peer in ("autocorrect", "zhlint", "textlint", "lint-md"):
        assert f"{peer}: `{peer}` not found under --prefix or on PATH, skipped" in out
    rows = re.findall(r"^\| (\S+) \| [\d.]+ \| ([\d.]+) \| [\d.]+ \| \d+ \| (\d+) \|", out, re.M)
    assert rows == [("reportlint", "1.00", "3")]
