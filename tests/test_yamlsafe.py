"""The YAML loader (yamlsafe.py): strict, and what it parsed is kept between runs."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import yamlsafe
from reportlint.checks import RuleSet
from reportlint.checks.rules import builtin_packs

# A check of one report from the command line, then whether PyYAML was imported.
PROGRAM = (
    "import sys\n"
    "from reportlint.cli import main\n"
    "try:\n"
    "    main(['check', sys.argv[1]])\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('yaml imported' if 'yaml' in sys.modules else 'yaml not imported')\n"
)


def check_once(cache: Path, report: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "REPORTLINT_NO_CACHE"}
    env["REPORTLINT_CACHE_DIR"] = str(cache)
    argv = [sys.executable, "-c", PROGRAM, str(report)]
    out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1]


@pytest.mark.slow
def test_the_rule_packs_are_parsed_once_then_read_back(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text("青岚县望溪镇2024年法治政府建设年度报告\n", encoding="utf-8")
    assert check_once(tmp_path / "cache", report) == "yaml imported"
    kept = list((tmp_path / "cache" / "yaml-2").glob("*.json"))
    assert len(kept) == 1 + len(builtin_packs())  # the lexicon and each pack
    assert check_once(tmp_path / "cache", report) == "yaml not imported"


@pytest.mark.slow
def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text("青岚县望溪镇2024年法治政府建设年度报告\n", encoding="utf-8")
    check_once(tmp_path, report)
    damaged = next((tmp_path / "yaml-2").glob("*.json"))
    damaged.write_bytes(damaged.read_bytes()[:-100])
    assert check_once(tmp_path, report) == "yaml imported"
    assert check_once(tmp_path, report) == "yaml not imported"


def test_read_back_packs_make_the_same_rules() -> None:
    # conftest points the cache at a fresh folder: the first load parses, the second reads back.
    first = RuleSet.load()
    second = RuleSet.load()
    assert [(r.code, r.check.params) for r in first.rules] == [
        (r.code, r.check.params) for r in second.rules
    ]


def test_a_kept_parse_is_used_only_for_its_own_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    assert yamlsafe.load("select: [RL1]\n") == {"select": ["RL1"]}
    (kept,) = (tmp_path / "yaml-2").iterdir()
    # another text that happened to have the same CRC-32 and length
    kept.write_text('["select: [RL2]\\n", {"select": ["RL2"]}]', encoding="utf-8")
    assert yamlsafe.load("select: [RL1]\n") == {"select": ["RL1"]}
    assert json.loads(kept.read_bytes()) == ["select: [RL1]\n", {"select": ["RL1"]}]


def test_past_the_limit_the_oldest_half_of_the_kept_parses_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(yamlsafe, "_MAX_ENTRIES", 4)
    for i in range(4):
        yamlsafe.load(f"ignore: [RL{i}]\n")
        kept = sorted((tmp_path / "yaml-2").iterdir(), key=lambda p: p.stat().st_mtime_ns)
        os.utime(kept[-1], ns=(i * 10**9, i * 10**9))
    yamlsafe.load("ignore: [RL9]\n")
    left = sorted(json.loads(p.read_bytes())[0] for p in (tmp_path / "yaml-2").iterdir())
    assert left == ["ignore: [RL2]\n", "ignore: [RL3]\n", "ignore: [RL9]\n"]


def test_each_load_gives_a_fresh_copy() -> None:
    text = "ignore: [RL404]\nselect: [RL1]\n"
    first = yamlsafe.load(text)
    first["ignore"].append("RL405")
    assert yamlsafe.load(text) == {"ignore": ["RL404"], "select": ["RL1"]}


def test_what_json_would_change_is_parsed_every_time() -> None:
    text = "date: 2024-01-17\n1: one\n"
    assert yamlsafe.load(text) == {"date": dt.date(2024, 1, 17), 1: "one"}
    assert yamlsafe.load(text) == {"date": dt.date(2024, 1, 17), 1: "one"}


def test_a_repeated_key_is_an_error_naming_both_lines() -> None:
    with pytest.raises(yamlsafe.YamlError) as caught:
        yamlsafe.load("ignore: [RL404]\nselect: [RL1]\nignore: [RL405]\n")
    assert caught.value.line == 3
    assert "键“ignore”重复（第 1 行已有）" in caught.value.problem


def test_the_cache_file_of_earlier_versions_goes_when_a_parse_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    (tmp_path / "yaml-1.json").write_text("{}", encoding="utf-8")
    assert yamlsafe.load("select: [RL7]\n") == {"select": ["RL7"]}
    assert not (tmp_path / "yaml-1.json").exists()
