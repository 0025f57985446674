"""Complete text output and the conventions of ruff and Vale users (issue 17):
errors never hidden and shown first, grouping only for repeated warnings,
--show-all, --min-severity, the concise format, frames that fit the
terminal, --show-fixes, --quiet, -V, colours, `rules --format json`, and a
run that checked nothing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from reportlint.cli import main

from support import SAMPLES, SYNTHETIC, clean_text, seed

HEADLINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>RL\d+) (?:\[\*\] )?\[(?P<sev>\w+)\]"
)


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), env=env, input=stdin)


def headlines(output: str) -> list[re.Match[str]]:
    return [m for line in output.splitlines() if (m := HEADLINE.match(line))]


def many_errors(tmp_path, count: int = 8):
    """A report with `count` errors of one rule (unpaired 》) and a flood of warnings."""
    text = clean_text().replace("。", ",", 40)
    body = "".join(f"\n第{i}项工作依照规定》开展。" for i in range(count))
    path = tmp_path / "report.txt"
    path.write_text(
        text.replace("现将有关情况报告如下：", "现将有关情况报告如下：" + body), "utf-8"
    )
    return path


# -- what is shown, and in which order ------------------------------------------


def test_errors_come_first_in_a_file_then_warnings_each_in_line_order():
    found = headlines(run("check", "--show-all", str(seed(4))).output)
    severities = [m["sev"] for m in found]
    assert severities[0] == "error" and "error" not in severities[severities.index("warning") :]
    warnings = [int(m["line"]) for m in found if m["sev"] == "warning"]
    assert warnings == sorted(warnings)
    # The error sits on line 67, below a hundred warnings in line order.
    assert found[0]["code"] == "RL401" and found[0]["line"] == "67"


def test_errors_are_never_grouped_even_when_many(tmp_path):
    path = many_errors(tmp_path)
    data = json.loads(run("check", "--format", "json", str(path)).output)
    errors = [d for d in data if d["severity"] == "error"]
    assert len([d for d in errors if d["code"] == "RL401"]) >= 8
    text = run("check", str(path)).output
    shown = [m for m in headlines(text) if m["sev"] == "error"]
    assert len(shown) == len(errors)
    assert "RL401 还有" not in text
    # The warnings of one rule past five are grouped, and the line says how to see them.
    width = [d for d in data if d["code"] == "RL404"]
    assert len(width) > 5
    assert f"RL404 还有 {len(width) - 3} 个同类问题未显示（加 --show-all 显示全部）" in text


@pytest.mark.slow
def test_show_all_shows_every_finding_also_in_an_output_file(tmp_path):
    data = json.loads(run("check", "--format", "json", str(seed(4))).output)
    out = tmp_path / "town.txt"
    result = run("check", "--show-all", "--output", str(out), str(seed(4)))
    text = out.read_text("utf-8")
    assert result.exit_code == 1
    assert len(headlines(text)) == len(data) and "还有" not in text


@pytest.mark.slow
def test_min_severity_filters_the_report_and_the_exit_code_and_says_so():
    everything = json.loads(run("check", "--format", "json", str(seed(4))).output)
    warnings = sum(1 for d in everything if d["severity"] == "warning")
    errors_only = run("check", "--min-severity", "error", str(seed(4)))
    assert {m["sev"] for m in headlines(errors_only.output)} == {"error"}
    assert (
        f"低于 --min-severity 的 {warnings} 个问题未显示（警告 {warnings}）" in errors_only.output
    )
    data = json.loads(
        run("check", "--format", "json", "--min-severity", "error", str(seed(4))).output
    )
    assert data and {d["severity"] for d in data} == {"error"}
    # A report with warnings only passes once they are below the minimum.
    late = str(SYNTHETIC / "late-signature.txt")
    assert run("check", late).exit_code == 1
    hidden = run("check", "--min-severity", "error", late)
    assert hidden.exit_code == 0 and "未发现问题" in hidden.output and "未显示" in hidden.output


@pytest.mark.slow
def test_concise_is_one_line_per_finding_errors_first():
    data = json.loads(run("check", "--format", "json", str(seed(1))).output)
    result = run("check", "--format", "concise", str(seed(1)))
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1
    assert len(lines) == len(data) + 1 and lines[-1].startswith("共发现")
    assert all(HEADLINE.match(line) for line in lines[:-1])
    severities = [HEADLINE.match(line)["sev"] for line in lines[:-1]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


@pytest.mark.slow
def test_code_frames_fit_the_terminal_width():
    for columns in (80, 60):
        output = run("check", "--show-all", str(SAMPLES), env={"COLUMNS": str(columns)}).output
        frames = [line for line in output.splitlines() if re.match(r"^\s*\d* \| ", line)]
        assert len(frames) > 500
        assert max(cell_len(line) for line in frames) <= columns, columns
    # The caret still stands under the finding in a narrow frame.
    output = run("check", "--select", "RL202", str(seed(4)), env={"COLUMNS": "60"}).output
    lines = output.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("41 |"))
    source, caret = lines[i], lines[i + 1]
    assert cell_len(caret[: caret.index("^")]) == cell_len(source[: source.index("1355批次")])


def test_a_wide_terminal_shows_more_of_the_line():
    narrow = run("check", "--select", "RL202", str(seed(4)), env={"COLUMNS": "80"}).output
    wide = run("check", "--select", "RL202", str(seed(4)), env={"COLUMNS": "200"}).output

    def frame(output: str) -> str:
        return next(line for line in output.splitlines() if line.startswith("41 |"))

    assert 150 < cell_len(frame(wide)) <= 200 and cell_len(frame(narrow)) <= 80


def test_a_tab_in_the_line_keeps_the_caret_under_the_finding(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(clean_text().replace("2025年1月20日", "\t\t2025120"), "utf-8")
    lines = run("check", "--select", "RL103", str(path)).output.splitlines()
    i = next(i for i, line in enumerate(lines) if "2025120" in line and " | " in line)
    assert "\t" not in lines[i]
    assert lines[i + 1].index("^") == lines[i].index("2025120")


# -- --show-fixes --------------------------------------------------------------


@pytest.mark.slow
def test_show_fixes_says_what_each_fix_changes():
    output = run("check", "--show-fixes", "--select", "RL403,RL404", str(seed(4))).output
    assert " = 修复：将“,”改为“，”" in output
    assert " = 修复：将“3、”改为“3.”" in output
    plain = run("check", "--select", "RL403,RL404", str(seed(4))).output
    assert "修复：" not in plain
    # A broken line's fix takes the line break: said as such, not as an empty replacement.
    joined = run("check", "--show-fixes", "--select", "RL408", str(seed(1))).output
    assert joined.count(" = 修复：删去此处的换行，与下一行连起来") == joined.count("RL408 [*]") == 2
    stray = run("check", "--show-fixes", "--select", "RL409", str(seed(0))).output
    assert " = 修复：删去“ ”" in stray


@pytest.mark.slow
def test_show_fixes_with_fix_lists_what_was_fixed_per_file_and_rule(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(seed(4).read_text("utf-8"), "utf-8")
    before = json.loads(run("check", "--format", "json", "--select", "RL404", str(path)).output)
    result = run("check", "--fix", "--show-fixes", "--select", "RL403,RL404", str(path))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("已修复 ")))
    assert lines[start + 1] == f"- {path}："
    width = next(line for line in lines[start:] if "RL404" in line)
    assert width.strip() == f"{len(before)} × RL404（punctuation-width）"
    assert any("× RL403（numbering-style）" in line for line in lines[start:])


# -- quiet, version, colour ------------------------------------------------------


@pytest.mark.slow
def test_quiet_prints_the_findings_only():
    assert run("check", "-q", str(SYNTHETIC / "clean.txt")).output == ""
    bad = run("check", "--quiet", str(SYNTHETIC / "bad-signature-date.txt"))
    assert bad.exit_code == 1 and "RL103" in bad.output and "检查了" not in bad.output
    concise = run("check", "-q", "--format", "concise", str(SYNTHETIC / "bad-signature-date.txt"))
    assert len(concise.output.strip().splitlines()) == 1


def test_version_long_and_short():
    from reportlint import __version__

    for flag in ("--version", "-V"):
        result = run(flag)
        assert result.exit_code == 0 and result.output.strip() == f"reportlint {__version__}"


@pytest.mark.slow
def test_colour_follows_color_no_color_and_force_color():
    path = str(SYNTHETIC / "bad-signature-date.txt")
    esc = "\x1b["
    assert esc not in run("check", path).output  # not a terminal
    assert esc in run("check", "--color", "always", path).output
    assert esc in run("check", path, env={"FORCE_COLOR": "1"}).output
    assert esc not in run("check", path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).output
    assert esc in run("check", "--color", "always", path, env={"NO_COLOR": "1"}).output
    assert esc not in run("check", "--color", "never", path, env={"FORCE_COLOR": "1"}).output


@pytest.mark.slow
def test_colour_on_a_real_terminal_unless_no_color(tmp_path):
    import pty

    path = str(SYNTHETIC / "bad-signature-date.txt")

    def on_a_terminal(env: dict[str, str]) -> bytes:
        leader, follower = pty.openpty()
        child = subprocess.run(
            [sys.executable, "-m", "reportlint", "check", path],
            stdout=follower,
            stderr=follower,
            env={**os.environ, **env},
            check=False,
        )
        os.close(follower)
        out = b""
        try:
            while chunk := os.read(leader, 65536):
                out += chunk
        except OSError:  # the terminal is closed once read to the end
            pass
        os.close(leader)
        assert child.returncode == 1
        return out

    clean_env = {k: "" for k in ("NO_COLOR", "FORCE_COLOR")}
    assert b"\x1b[" in on_a_terminal(clean_env)
    assert b"\x1b[" not in on_a_terminal({**clean_env, "NO_COLOR": "1"})


# -- rules --format json -----------------------------------------------------------


def test_rules_as_json_lists_every_rule_with_its_metadata():
    text = run("rules").output
    rules = json.loads(run("rules", "--format", "json").output)
    assert [r["code"] for r in rules] == [line.split()[0] for line in text.splitlines()]
    width = next(r for r in rules if r["code"] == "RL404")
    assert width["name"] == "punctuation-width" and width["fixable"] == "safe"
    assert width["severity"] == "warning" and "GB/T 15834" in width["description"]
    assert set(width) >= {
        "code",
        "name",
        "severity",
        "fixable",
        "kind",
        "pack",
        "enabled",
        "summary",
    }


# -- nothing checked, and the summary ------------------------------------------------


def test_an_empty_folder_or_one_without_reports_is_exit_2(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("check", str(empty))
    assert result.exit_code == 2
    assert "没有找到要检查的报告" in result.output and str(empty) in result.output
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.json").write_text("{}", "utf-8")
    (other / "README.md").write_text("# 说明\n", "utf-8")
    for fmt in ("text", "json", "sarif"):
        assert run("check", "--format", fmt, str(other)).exit_code == 2, fmt


def test_files_named_and_all_excluded_on_purpose_are_not_an_error(tmp_path):
    # pre-commit names staged files; an excluded one must not fail the commit.
    (tmp_path / ".reportlint.yaml").write_text("exclude: ['草稿/']\n", "utf-8")
    draft = tmp_path / "草稿" / "a.txt"
    draft.parent.mkdir()
    draft.write_text(clean_text().replace("2025年1月20日", "2025120"), "utf-8")
    result = run("check", "--force-exclude", str(draft))
    assert result.exit_code == 0
    assert "没有检查任何文件" in result.output and "1 个文件按排除规则跳过" in result.output


@pytest.mark.slow
def test_summary_tells_nothing_found_from_nothing_readable(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    only_bad = run("check", str(empty))
    last = only_bad.output.strip().splitlines()[-1]
    assert only_bad.exit_code == 2
    assert last == "没有检查任何文件：1 个文件无法检查。" and "未发现问题" not in last
    good = tmp_path / "good.txt"
    good.write_text(clean_text(), "utf-8")
    mixed = run("check", str(good), str(empty))
    last = mixed.output.strip().splitlines()[-1]
    assert mixed.exit_code == 2
    assert last.startswith("1 个文件无法检查；") and "未发现问题" not in last
    assert run("check", str(good)).output.strip() == "未发现问题，检查了 1 个文件。"


# -- CSV for Excel -------------------------------------------------------------


@pytest.mark.slow
def test_csv_redirected_into_a_file_has_a_byte_order_mark_a_pipe_has_none(tmp_path):
    out = tmp_path / "town.csv"
    command = [sys.executable, "-m", "reportlint", "check", "--format", "csv", str(seed(0))]
    with out.open("wb") as handle:
        subprocess.run(command, stdout=handle, check=False)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfpath,")
    piped = subprocess.run(command, capture_output=True, check=False)
    assert piped.stdout.startswith(b"path,")
