"""The compiled-pattern cache (document/regexes.py): reused, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROGRAM = (
    "from reportlint.document import regexes as r\n"
    "p = r.compiled(r'(?P<x>\\p{Han})测试')\n"
    "print(p.search('一个测试').group(), int(r._added))\n"
)


def run(cache: Path, **env: str) -> list[str]:
    environment = {k: v for k, v in os.environ.items() if k != "REPORTLINT_NO_CACHE"}
    environment.update(REPORTLINT_CACHE_DIR=str(cache), **env)
    argv = [sys.executable, "-c", PROGRAM]
    out = subprocess.run(argv, env=environment, capture_output=True, text=True, check=True)
    return out.stdout.split()


@pytest.mark.slow
def test_a_pattern_is_compiled_once_then_read_back(tmp_path: Path) -> None:
    assert run(tmp_path) == ["个测试", "1"]  # compiled, so the file is written
    (cache,) = tmp_path.glob("regex-*.cache")
    written = cache.stat().st_mtime_ns
    assert run(tmp_path) == ["个测试", "0"]  # every pattern came from the file
    assert cache.stat().st_mtime_ns == written  # and nothing new was written


@pytest.mark.slow
def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path: Path) -> None:
    run(tmp_path)
    (cache,) = tmp_path.glob("regex-*.cache")
    data = bytearray(cache.read_bytes())
    data[-10] ^= 0xFF
    cache.write_bytes(bytes(data))
    assert run(tmp_path) == ["个测试", "1"]
    assert run(tmp_path) == ["个测试", "0"]


@pytest.mark.slow
def test_no_cache_reads_and_writes_nothing(tmp_path: Path) -> None:
    assert run(tmp_path, REPORTLINT_NO_CACHE="1") == ["个测试", "1"]
    assert list(tmp_path.iterdir()) == []
