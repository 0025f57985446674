"""The command line as a user runs it: exit codes, formats, selection, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from reportlint.cli import main

from support import SAMPLES, SYNTHETIC, clean_text, seed

JSON_FIELDS = {
    "path",
    "code",
    "rule",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
}


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_clean_report_exits_0_with_summary():
    result = run("check", str(SYNTHETIC / "clean.txt"))
    assert result.exit_code == 0
    assert result.output.strip() == "未发现问题，检查了 1 个文件。"


def test_violations_exit_1_in_ruff_style():
    result = run("check", str(seed(1)))
    assert result.exit_code == 1
    assert f"{seed(1)}:45:5: RL103 [error] 落款日期“2024117”格式不正确" in result.output
    assert "检查了 1 个文件" in result.output.rstrip().splitlines()[-1]


def test_json_has_the_contract_fields():
    result = run("check", "--format", "json", "--select", "RL1,RL2", str(seed(4)))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert {d["rule"] for d in data} == {"dated-signature", "sum-consistency"}
    for item in data:
        assert set(item) >= JSON_FIELDS
        assert item["line"] >= 1 and item["column"] >= 1
    signature = next(d for d in data if d["code"] == "RL103")
    assert (
        signature["line"],
        signature["column"],
        signature["end_line"],
        signature["end_column"],
    ) == (85, 5, 85, 16)


def test_output_format_alias():
    assert (
        run("check", "--output-format", "json", str(SYNTHETIC / "clean.txt")).output.strip() == "[]"
    )


def test_stdin():
    result = run("check", "-", stdin=clean_text())
    assert result.exit_code == 0
    bad = run(
        "check", "--format", "json", "-", stdin=clean_text().replace("2025年1月20日", "2025120")
    )
    assert [d["path"] for d in json.loads(bad.output)] == ["-"]


def test_bad_files_are_named_and_the_rest_still_checked(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "good.txt").write_text(clean_text(), encoding="utf-8")
    (tmp_path / "bad.txt").write_text(
        clean_text().replace("2025年1月20日", "2025120"), encoding="utf-8"
    )
    result = run("check", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    out = result.output
    assert f"{tmp_path / 'empty.txt'}:1:1: RL001 [error] 无法检查：文件为空" in out
    assert f"{tmp_path / 'binary.txt'}:1:1: RL001 [error] 无法检查：不是文本文件" in out
    assert f"{tmp_path / 'missing.txt'}:1:1: RL001 [error] 文件不存在" in out
    assert f"{tmp_path / 'bad.txt'}:" in out and "RL103" in out
    assert "检查了 2 个文件" in out and "3 个文件无法检查" in out
    assert "Traceback" not in out


def test_gb18030_file_is_checked(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(clean_text().encode("gb18030"))
    assert run("check", str(path)).exit_code == 0


def test_directory_walk_is_sorted_and_takes_only_report_types(tmp_path):
    for name in ("b.txt", "a.md", "notes.json", "c.txt.orig", "README.md", "license.txt"):
        (tmp_path / name).write_text(
            clean_text().replace("2025年1月20日", "2025120"), encoding="utf-8"
        )
    # The same text in both: RL310 would say so on the second, which is not the point here.
    data = json.loads(run("check", "--format", "json", "--ignore", "RL310", str(tmp_path)).output)
    assert [d["path"].rsplit("/", 1)[1] for d in data] == ["a.md", "b.txt"]
    # A README named on the command line is checked all the same.
    assert run("check", str(tmp_path / "README.md")).exit_code == 1


def test_select_and_ignore_by_code_prefix_and_slug():
    path = str(seed(4))
    only = json.loads(run("check", "--format", "json", "--select", "RL2", path).output)
    assert {d["code"] for d in only} == {"RL202"}
    ignored = json.loads(
        run(
            "check", "--format", "json", "--select", "RL1,RL2", "--ignore", "dated-signature", path
        ).output
    )
    assert {d["code"] for d in ignored} == {"RL202"}


def test_unknown_rule_is_a_usage_error():
    result = run("check", "--select", "RL999", str(seed(0)))
    assert result.exit_code == 2 and "RL999" in result.output


def test_no_paths_is_a_usage_error():
    assert run("check").exit_code == 2


def test_fail_level_and_exit_zero():
    # Seed 004 has only warnings among the RL1/RL2 rules.
    assert run("check", "--select", "RL1,RL2", "--fail-level", "error", str(seed(4))).exit_code == 0
    assert (
        run("check", "--select", "RL1,RL2", "--fail-level", "warning", str(seed(4))).exit_code == 1
    )
    assert run("check", "--exit-zero", str(seed(1))).exit_code == 0


def test_bad_user_pack_is_exit_2_naming_file_and_line(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "rules:\n  - code: X101\n    name: mine\n    kind: sums\n    severity: warning\n"
        "    message: '{total}'\n    params:\n      min_partz: 2\n",
        encoding="utf-8",
    )
    result = run("check", "--rules", str(pack), str(seed(0)))
    assert result.exit_code == 2
    assert f"{pack}:8" in result.output and "min_partz" in result.output


def test_caret_lines_up_under_wide_characters():
    result = run("check", "--select", "RL103", str(seed(1)))
    lines = result.output.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("45 |"))
    source, caret = lines[i], lines[i + 1]
    assert source == "45 | " + seed(1).read_text(encoding="utf-8").splitlines()[44]
    assert cell_len(caret[: caret.index("^")]) == cell_len(source[: source.index("2024117")])
    assert caret.count("^") == 7
    # A finding inside a long line of Chinese text: the carets start under the finding.
    result = run("check", "--select", "RL202", str(seed(4)))
    lines = result.output.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("41 |"))
    source, caret = lines[i], lines[i + 1]
    start = source.index("1355批次")
    assert cell_len(caret[: caret.index("^")]) == cell_len(source[:start])
    assert caret.count("^") == cell_len("1355批次")


def test_rules_and_rule_commands():
    listing = run("rules").output
    for code in ("RL101", "RL102", "RL103", "RL201", "RL202"):
        assert code in listing
    explained = run("rule", "dated-signature").output
    assert "GB/T 9704-2012" in explained and "RL103" in explained
    assert run("rule", "nope").exit_code == 2


def test_rule_command_shows_the_rules_own_examples():
    explained = run("rule", "RL401").output
    examples = explained.split("【示例】")[1].split("【")[0]
    head, good = examples.split("不会被标出：")
    bad = head.split("会被标出：")[1]
    assert "桃花节”“荷花节" in bad and "“桃花节”“荷花节”" in good
    assert "--ignore paired-punctuation" in explained


@pytest.mark.slow
def test_installed_entry_point_runs_from_another_directory(tmp_path):
    # The console script finds its rule packs wherever it is run from.
    result = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", str(SAMPLES / "seeds")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "检查了 5 个文件" in result.stdout


@pytest.mark.slow
def test_text_output_collapses_a_flood_of_one_rule_json_keeps_all():
    text = run("check", str(seed(4))).output
    data = json.loads(run("check", "--format", "json", str(seed(4))).output)
    width = [d for d in data if d["code"] == "RL404"]
    assert len(width) > 100
    shown = [line for line in text.splitlines() if ": RL404 " in line and "还有" not in line]
    assert len(shown) == 3
    assert (
        f"{seed(4)}: RL404 还有 {len(width) - 3} 个同类问题未显示（加 --show-all 显示全部）" in text
    )
    # The structural findings are still all there, and the summary counts everything.
    assert "RL401" in text and "RL103" in text and "RL202" in text
    assert f"共发现 {len(data)} 个问题" in text


def test_rules_with_few_findings_are_not_collapsed(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "一、主要工作\n今年以来,我镇推进依法行政,成效明显,群众满意,评价较好,值得推广。\n", "utf-8"
    )
    text = run("check", "--select", "RL404", str(path)).output
    assert text.count(": RL404 [*] [warning]") == 5 and "还有" not in text


def test_statistics_counts_per_rule_most_frequent_first():
    result = run("check", "--statistics", str(seed(1)))
    data = json.loads(run("check", "--format", "json", str(seed(1))).output)
    lines = result.output.strip().splitlines()
    rows = [line.split() for line in lines[:-1]]
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)
    assert sum(int(r[0]) for r in rows) == len(data)
    assert next(r for r in rows if r[1] == "RL404")[2:] == [
        "punctuation-width",
        "[*]",
    ]
    assert lines[-1].startswith(f"共发现 {len(data)} 个问题")
    assert result.exit_code == 1


def test_a_crashing_rule_is_one_error_for_that_file_and_the_rest_is_checked(tmp_path, monkeypatch):
    from reportlint.checks import get_kind

    width = get_kind("width")

    def explode(self, doc):
        if "爆" in doc.text:
            raise ZeroDivisionError("boom")
        return iter(())

    monkeypatch.setattr(width, "check", explode)
    bad = tmp_path / "a.txt"
    bad.write_text(clean_text() + "爆\n", encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text(clean_text().replace("2025年1月20日", "2025120"), encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert {(d["path"].rsplit("/", 1)[1], d["code"]) for d in data} == {
        ("a.txt", "RL002"),
        ("b.txt", "RL103"),
    }
    crash = next(d for d in data if d["code"] == "RL002")
    assert "RL404" in crash["message"] and "ZeroDivisionError" in crash["message"]


def test_debug_shows_the_traceback_of_an_unexpected_failure(tmp_path, monkeypatch):
    from reportlint import runner

    def broken(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(runner, "collect", broken)
    plain = run("check", str(tmp_path))
    assert plain.exit_code == 2
    assert "内部错误：RuntimeError: unexpected" in plain.output and "--debug" in plain.output
    debug = run("check", "--debug", str(tmp_path))
    assert isinstance(debug.exception, RuntimeError)  # raised: click prints the traceback


def test_rule_explains_the_file_error_codes_too():
    # CLI hunt: RL001 appears in the output, but `reportlint rule RL001` said no such rule.
    for name in ("RL001", "internal-error", "RL003"):
        result = CliRunner().invoke(main, ["rule", name])
        assert result.exit_code == 0 and "文件错误" in result.output, name


def test_statistics_as_json_and_refused_for_other_formats():
    # CLI hunt: --statistics --format json was silently the plain JSON list.
    result = CliRunner().invoke(main, ["check", "--statistics", "--format", "json", str(seed(0))])
    rows = json.loads(result.stdout)
    assert rows and set(rows[0]) == {"code", "rule", "count", "fixable"}
    assert rows == sorted(rows, key=lambda r: (-r["count"], r["code"]))
    result = CliRunner().invoke(main, ["check", "--statistics", "--format", "csv", str(seed(0))])
    assert result.exit_code == 2 and "--statistics" in result.output


def test_an_output_file_is_replaced_whole_or_left_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "report.json"
    out.write_text("earlier run\n", encoding="utf-8")
    out.chmod(0o644)
    assert run("check", "--format", "json", "--output", str(out), str(seed(0))).exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))  # the new findings
    assert out.stat().st_mode & 0o777 == 0o644  # its permissions kept
    # A run stopped while the output is written leaves the earlier file, and no other.
    out.write_text("earlier run\n", encoding="utf-8")

    def stopped(result, options):
        yield "[\n"
        raise KeyboardInterrupt

    monkeypatch.setattr("reportlint.cli.get_writer", lambda name: stopped)
    result = run("check", "--format", "json", "--output", str(out), str(seed(0)))
    assert result.exit_code != 0  # (click reports the interrupt as aborted)
    assert out.read_text(encoding="utf-8") == "earlier run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_output_to_a_device_is_written_in_place():
    # (/dev/null is no file to replace: a device or a pipe is written to as it is)
    result = run("check", "--format", "json", "--output", "/dev/null", str(seed(0)))
    assert result.exit_code == 1, result.output
