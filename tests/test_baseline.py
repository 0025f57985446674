"""Baselines: record today's findings, then see only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

from support import clean_text, seed


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def findings(*args: str) -> list[dict]:
    return json.loads(run("check", "--format", "json", *args).stdout)


def copy_seed(tmp_path: Path, number: int) -> Path:
    path = tmp_path / seed(number).name
    path.write_bytes(seed(number).read_bytes())
    return path


@pytest.mark.slow
def test_baseline_hides_recorded_findings_and_shows_new_ones(tmp_path):
    report = copy_seed(tmp_path, 1)
    baseline = tmp_path / "baseline.json"
    written = run("check", "--write-baseline", str(baseline), str(report))
    assert written.exit_code == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    total = sum(entry["count"] for entry in recorded["findings"])
    assert total == len(findings(str(report))) > 100
    # Paths are relative to the baseline, so it travels with the repository.
    assert {e["path"] for e in recorded["findings"]} == {report.name}

    quiet = run("check", "--baseline", str(baseline), str(report))
    assert quiet.exit_code == 0
    assert f"基线中已记录的 {total} 个问题未显示" in quiet.output

    # A paragraph added in the body moves every line below it; it has a new defect.
    text = report.read_text(encoding="utf-8")
    added = "同时开展专项检查(含执法案卷评查)，发现问题均已整改。\n"
    report.write_text(
        text.replace("一、工作开展情况\n", "一、工作开展情况\n" + added), encoding="utf-8"
    )
    new = findings("--baseline", str(baseline), str(report))
    assert {d["code"] for d in new} == {"RL404"} and len(new) == 2
    assert {d["line"] for d in new} == {11}


def test_fixed_findings_become_stale_entries(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(clean_text().replace("2025年1月20日", "2025120"), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run("check", "--write-baseline", str(baseline), str(report))
    report.write_text(clean_text(), encoding="utf-8")
    result = run("check", "--baseline", str(baseline), str(report))
    assert result.exit_code == 0
    assert "基线中已不再出现：r.txt: RL103" in result.output
    assert "基线中有 1 条已不再出现" in result.output


@pytest.mark.slow
def test_entries_of_files_not_checked_are_not_stale(tmp_path):
    first, second = copy_seed(tmp_path, 1), copy_seed(tmp_path, 3)
    baseline = tmp_path / "baseline.json"
    run("check", "--write-baseline", str(baseline), str(first), str(second))
    # pre-commit checks only the staged file
    result = run("check", "--baseline", str(baseline), str(second))
    assert result.exit_code == 0 and "不再出现" not in result.output


def test_a_repeated_finding_is_counted(tmp_path):
    report = tmp_path / "r.txt"
    line = "镇政府召开专题会议(研究执法事项)。\n"
    report.write_text(clean_text() + line, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run("check", "--write-baseline", str(baseline), str(report))
    report.write_text(clean_text() + line + line, encoding="utf-8")
    new = findings("--baseline", str(baseline), str(report))
    assert len(new) == 2 and {d["code"] for d in new} == {"RL404"}  # the second ( and )


def test_bad_baseline_file_is_a_clear_error(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"something": 1}', encoding="utf-8")
    result = run("check", "--baseline", str(baseline), str(seed(1)))
    assert result.exit_code == 2 and "基线文件" in result.output and str(baseline) in result.output


def test_entries_of_a_moved_file_are_stale(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    report = copy_seed(reports, 3)
    baseline = tmp_path / "baseline.json"
    run("check", "--write-baseline", str(baseline), str(reports))
    (reports / "sub").mkdir()
    report.rename(reports / "sub" / report.name)
    result = run("check", "--baseline", str(baseline), str(reports))
    assert f"基线中已不再出现：reports/{report.name}" in result.output


def test_standard_input_is_recorded_as_such(tmp_path, monkeypatch):
    baseline = tmp_path / "baseline.json"
    text = clean_text().replace("2025年1月20日", "2025120")
    CliRunner().invoke(main, ["check", "--write-baseline", str(baseline), "-"], input=text)
    assert {e["path"] for e in json.loads(baseline.read_text("utf-8"))["findings"]} == {"-"}
    monkeypatch.chdir(tmp_path.parent)  # another working directory
    result = CliRunner().invoke(main, ["check", "--baseline", str(baseline), "-"], input=text)
    assert result.exit_code == 0


@pytest.mark.slow
def test_baseline_errors_say_what_is_wrong(tmp_path):
    for content, expected in (
        ("[]", "应是 reportlint check --write-baseline 写出的文件"),
        ('{"reportlint-baseline": 1, "findings": [{"path": "a"}]}', "findings[0] 不完整"),
        ("not json", "不是 JSON"),
    ):
        baseline = tmp_path / "b.json"
        baseline.write_text(content, encoding="utf-8")
        result = run("check", "--baseline", str(baseline), str(seed(1)))
        assert result.exit_code == 2 and expected in result.output, result.output
    missing = tmp_path / "no" / "such" / "b.json"
    result = run("check", "--write-baseline", str(missing), str(seed(1)))
    assert result.exit_code == 2 and "不存在" in result.output and ".tmp" not in result.output


def test_a_read_only_baseline_is_not_overwritten(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{}", encoding="utf-8")
    baseline.chmod(0o444)
    result = run("check", "--write-baseline", str(baseline), str(seed(1)))
    assert result.exit_code == 2 and "只读" in result.output
    assert baseline.read_text(encoding="utf-8") == "{}"
    baseline.chmod(0o644)
