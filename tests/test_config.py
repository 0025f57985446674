"""Configuration files, exclusions and `reportlint config` / `reportlint init`,
driven through the command line as a user would."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

from support import clean_text, seed

# A clean report with one error a configuration can act on: a garbled
# signature date (RL103) and a half-width comma (RL404).
DEFECTIVE = clean_text().replace("2025年1月20日", "2025120").replace("，", ",", 1)


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args))
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args))
    finally:
        os.chdir(old)


def codes(result) -> list[str]:
    return sorted({d["code"] for d in json.loads(result.output)})


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_without_configuration_both_findings(tmp_path):
    report = write(tmp_path / "r.txt", DEFECTIVE)
    assert codes(run("check", "--format", "json", str(report))) == ["RL103", "RL404"]


def test_yaml_configuration_ignores_a_rule(tmp_path):
    write(tmp_path / ".reportlint.yaml", "ignore: [RL404]\n")
    report = write(tmp_path / "r.txt", DEFECTIVE)
    assert codes(run("check", "--format", "json", str(report))) == ["RL103"]


def test_pyproject_table_is_read_and_one_without_a_table_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nignore = ["punctuation-width"]\n')
    # A nearer pyproject.toml without [tool.reportlint] is not a configuration.
    write(tmp_path / "county" / "pyproject.toml", '[project]\nname = "x"\n')
    report = write(tmp_path / "county" / "r.txt", DEFECTIVE)
    assert codes(run("check", "--format", "json", str(report))) == ["RL103"]


def test_nearest_configuration_wins(tmp_path):
    write(tmp_path / ".reportlint.yaml", "ignore: [RL404]\n")
    write(tmp_path / "town" / ".reportlint.yaml", "ignore: [RL103]\n")
    top = write(tmp_path / "a.txt", DEFECTIVE)
    town = write(tmp_path / "town" / "b.txt", DEFECTIVE)
    # The same text twice: RL310 would say so, which is not the point here.
    data = json.loads(run("check", "--format", "json", "--ignore", "RL310", str(tmp_path)).output)
    found = {(Path(d["path"]).name, d["code"]) for d in data}
    assert found == {(top.name, "RL103"), (town.name, "RL404")}


def test_yaml_wins_over_pyproject_in_one_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nignore = ["RL103"]\n')
    write(tmp_path / ".reportlint.yaml", "ignore: [RL404]\n")
    report = write(tmp_path / "r.txt", DEFECTIVE)
    assert codes(run("check", "--format", "json", str(report))) == ["RL103"]


def test_config_option_overrides_discovery(tmp_path):
    write(tmp_path / ".reportlint.yaml", "ignore: [RL404]\n")
    other = write(tmp_path / "elsewhere" / "strict.yaml", "ignore: [RL103]\n")
    report = write(tmp_path / "r.txt", DEFECTIVE)
    result = run("check", "--format", "json", "--config", str(other), str(report))
    assert codes(result) == ["RL404"]


def test_command_line_adds_to_and_replaces_the_file(tmp_path):
    write(tmp_path / ".reportlint.yaml", "ignore: [RL404]\nselect: [RL4]\n")
    report = write(tmp_path / "r.txt", DEFECTIVE)
    # --ignore adds to the file's ignore list: nothing of RL4 is left.
    assert codes(run("check", "--format", "json", "--ignore", "RL409", str(report))) == []
    # --select replaces the file's select; its ignore still applies.
    assert codes(run("check", "--format", "json", "--select", "RL1,RL4", str(report))) == ["RL103"]


def test_severity_override_and_fail_level(tmp_path):
    write(
        tmp_path / ".reportlint.yaml", "severity: {RL103: info, RL404: info}\nfail-level: warning\n"
    )
    report = write(tmp_path / "r.txt", DEFECTIVE)
    result = run("check", "--format", "json", str(report))
    assert {d["severity"] for d in json.loads(result.output)} == {"info"}
    assert result.exit_code == 0  # only info findings, fail-level warning
    assert run("check", "--fail-level", "info", str(report)).exit_code == 1


@pytest.mark.slow
def test_per_file_ignores_by_glob(tmp_path):
    write(tmp_path / ".reportlint.yaml", "per-file-ignores:\n  '2020/*.txt': [RL103]\n")
    old = write(tmp_path / "2020" / "r.txt", DEFECTIVE)
    new = write(tmp_path / "2024" / "r.txt", DEFECTIVE)
    assert codes(run("check", "--format", "json", str(old))) == ["RL404"]
    assert codes(run("check", "--format", "json", str(new))) == ["RL103", "RL404"]


@pytest.mark.slow
def test_report_year_override_moves_the_signature_window(tmp_path):
    # The clean report is for 2024 and signed 2025-01-20; declared as a 2022
    # report, that date is far outside the window RL103 expects.
    report = write(tmp_path / "r.txt", clean_text())
    assert codes(run("check", "--format", "json", str(report))) == []
    write(tmp_path / ".reportlint.yaml", "report-year: 2022\n")
    assert "RL103" in codes(run("check", "--format", "json", str(report)))
    result = run("check", "--format", "json", "--report-year", "2024", str(report))
    assert codes(result) == []


def test_extra_rule_pack_relative_to_the_file(tmp_path):
    write(
        tmp_path / "packs" / "province.yaml",
        """\
pack: province
description: 本省模板要求
rules:
  - code: PV101
    name: no-placeholder
    kind: existence
    severity: error
    message: 模板占位符“{match}”未替换
    params:
      patterns: ["XX县"]
""",
    )
    write(tmp_path / ".reportlint.yaml", "rule-packs: [packs/province.yaml]\n")
    report = write(
        tmp_path / "r.txt", clean_text().replace("2024年，望溪镇", "2024年，XX县望溪镇", 1)
    )
    result = run("check", "--format", "json", str(report))
    assert codes(result) == ["PV101"]
    listed = run("rules", cwd=tmp_path).output
    assert "PV101" in listed and "RL101" in listed


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ("ignor: [RL404]\n", "ignor"),
        ("fail-level: fatal\n", "fail-level"),
        ("severity: {RL404: loud}\n", "severity"),
        ("report-year: 24\n", "report-year"),
        ("select: 5\n", "select"),
        ("per-file-ignores: [a]\n", "per-file-ignores"),
        ("select: [RL999]\n", "select"),
        ("per-file-ignores: {'a/*': [nonsense]}\n", "per-file-ignores"),
        ("rule-packs: [missing.yaml]\n", "rule-packs"),
    ],
)
def test_bad_configuration_names_file_and_key(tmp_path, config, key):
    path = write(tmp_path / ".reportlint.yaml", config)
    report = write(tmp_path / "r.txt", DEFECTIVE)
    result = run("check", str(report))
    assert result.exit_code == 2
    assert str(path) in result.output and f"键 {key}" in result.output
    assert "Traceback" not in result.output


def test_bad_pyproject_names_the_dotted_key(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.reportlint]\nselekt = []\n")
    result = run("check", str(write(tmp_path / "r.txt", DEFECTIVE)))
    assert result.exit_code == 2
    assert str(path) in result.output and "键 tool.reportlint.selekt" in result.output


def test_unknown_rule_on_the_command_line_is_named_as_such(tmp_path):
    result = run("check", "--ignore", "RL999", str(write(tmp_path / "r.txt", DEFECTIVE)))
    assert result.exit_code == 2
    assert "命令行" in result.output and "RL999" in result.output


def test_config_show_says_where_each_value_came_from(tmp_path):
    path = write(tmp_path / ".reportlint.yaml", "ignore: [RL404]\n")
    result = run("config", "--show", str(tmp_path))
    assert result.exit_code == 0
    assert f"配置文件：{path}" in result.output
    assert re.search(rf"ignore\s+= \[RL404\]\s+# {re.escape(str(path))}", result.output)
    assert re.search(r"fail-level\s+= info\s+# 默认", result.output)
    assert "RL404 punctuation-width" not in result.output  # not among the rules in force
    shown = run("check", "--show-settings", "--ignore", "RL103", str(tmp_path / "r.txt"))
    assert re.search(r"ignore\s+= \[RL404, RL103\]\s+# .* \+ 命令行", shown.output)


def test_exclude_prunes_walks_but_not_named_files_unless_forced(tmp_path):
    write(tmp_path / ".reportlint.yaml", "exclude: ['草稿/', '*.bak.txt']\n")
    write(tmp_path / "草稿" / "a.txt", DEFECTIVE)
    backup = write(tmp_path / "b.bak.txt", DEFECTIVE)
    write(tmp_path / "c.txt", DEFECTIVE)
    data = json.loads(run("check", "--format", "json", str(tmp_path)).output)
    assert {Path(d["path"]).name for d in data} == {"c.txt"}
    assert json.loads(run("check", "--format", "json", str(backup)).output)
    forced = run("check", "--format", "json", "--force-exclude", str(backup))
    assert json.loads(forced.output) == [] and forced.exit_code == 0


def test_exclude_on_the_command_line(tmp_path):
    write(tmp_path / "old" / "a.txt", DEFECTIVE)
    write(tmp_path / "c.txt", DEFECTIVE)
    data = json.loads(run("check", "--format", "json", "--exclude", "old/", str(tmp_path)).output)
    assert {Path(d["path"]).name for d in data} == {"c.txt"}


def test_reportlintignore_file(tmp_path):
    write(tmp_path / ".reportlintignore", "# 往年报告不再检查\n2019/\n")
    write(tmp_path / "2019" / "a.txt", DEFECTIVE)
    write(tmp_path / "2024" / "a.txt", DEFECTIVE)
    data = json.loads(run("check", "--format", "json", str(tmp_path)).output)
    assert {Path(d["path"]).parent.name for d in data} == {"2024"}


def test_init_writes_a_starter_that_is_valid_when_uncommented(tmp_path):
    result = run("init", str(tmp_path))
    assert result.exit_code == 0
    path = tmp_path / ".reportlint.yaml"
    text = path.read_text(encoding="utf-8")
    assert "RL305 data-density" in text  # the rule list comes from the rules
    # Written again: refused, the file is kept.
    path.write_text(text + "# mine\n", encoding="utf-8")
    again = run("init", str(tmp_path))
    assert again.exit_code == 2 and "已存在" in again.output
    assert path.read_text(encoding="utf-8").endswith("# mine\n")
    # Every setting uncommented (the rule list stays a comment) is accepted.
    settings, _, _ = text.partition("# 全部规则")
    enabled = re.sub(r"(?m)^# ([a-z-]+:)", r"\1", settings)
    enabled = re.sub(r'(?m)^#   (RL\d+:|")', r"  \1", enabled)
    enabled = enabled.replace("rule-packs: [规则/本省要求.yaml]", "rule-packs: []")
    path.write_text(enabled, encoding="utf-8")
    shown = run("config", str(tmp_path))
    assert shown.exit_code == 0, shown.output
    assert re.search(r"fail-level\s+= warning", shown.output)
    assert re.search(r"report-year\s+= 2024", shown.output)


def test_real_seed_with_a_county_configuration(tmp_path):
    # A reviewer's folder: seeds, a config that silences punctuation width.
    write(tmp_path / ".reportlint.yaml", "ignore: [RL404]\n")
    report = tmp_path / seed(1).name
    report.write_bytes(seed(1).read_bytes())
    found = codes(run("check", "--format", "json", str(report)))
    assert "RL404" not in found and "RL103" in found


CATASTROPHIC_PACK = """\
pack: slow
description: 一条会灾难性回溯的规则
rules:
  - code: SL101
    name: slow-pattern
    kind: existence
    severity: warning
    message: 句子太长：{match}
    params:
      patterns: ["(.*?，){11}终"]
"""


@pytest.mark.slow
def test_a_catastrophic_user_pattern_stops_the_run_naming_the_rule(tmp_path):
    pack = write(tmp_path / "slow.yaml", CATASTROPHIC_PACK)
    report = write(tmp_path / "r.txt", clean_text() + "字，" * 40 + "\n")
    result = run("check", "--rules", str(pack), str(report))
    assert result.exit_code == 2
    assert "SL101" in result.output and "slow-pattern" in result.output
    assert "灾难性回溯" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_built_in_and_well_behaved_user_patterns_run_as_before(tmp_path):
    pack = write(tmp_path / "slow.yaml", CATASTROPHIC_PACK)
    report = write(tmp_path / "r.txt", clean_text())  # no long run of commas
    result = run("check", "--rules", str(pack), str(report))
    assert result.exit_code == 0, result.output


def test_a_configuration_name_that_is_a_folder_is_an_error(tmp_path):
    (tmp_path / ".reportlint.yaml").mkdir()
    result = run("check", str(write(tmp_path / "r.txt", DEFECTIVE)))
    assert result.exit_code == 2 and ".reportlint.yaml" in result.output and "目录" in result.output


def test_empty_select_is_an_error_not_the_default_set(tmp_path):
    path = write(tmp_path / ".reportlint.yaml", "select: []\n")
    result = run("check", str(write(tmp_path / "r.txt", DEFECTIVE)))
    assert result.exit_code == 2 and str(path) in result.output and "键 select" in result.output


def test_a_pack_in_the_configuration_and_on_the_command_line_loads_once(tmp_path):
    write(tmp_path / "p.yaml", CATASTROPHIC_PACK.replace("(.*?，){11}终", "XX县"))
    write(tmp_path / ".reportlint.yaml", "rule-packs: [p.yaml]\n")
    report = write(tmp_path / "r.txt", clean_text())
    result = run("check", "--rules", str(tmp_path / "p.yaml"), str(report))
    assert result.exit_code == 0, result.output


def test_init_does_not_shadow_a_pyproject_table(tmp_path):
    pyproject = write(tmp_path / "pyproject.toml", '[tool.reportlint]\nignore = ["RL404"]\n')
    result = run("init", str(tmp_path))
    assert result.exit_code == 2 and str(pyproject) in result.output
    assert not (tmp_path / ".reportlint.yaml").exists()
    assert run("init", "--force", str(tmp_path)).exit_code == 0


def test_config_show_names_the_folder_asked_about(tmp_path):
    result = run("config", "--show", str(tmp_path))
    assert f"路径：{tmp_path}\n" in result.output


def test_a_repeated_key_is_an_error_not_a_silent_override(tmp_path):
    path = write(
        tmp_path / ".reportlint.yaml", "ignore: [RL404]\nfail-level: error\nignore: [RL103]\n"
    )
    result = run("check", str(write(tmp_path / "r.txt", DEFECTIVE)))
    assert result.exit_code == 2 and str(path) in result.output
    assert "键“ignore”重复（第 1 行已有）" in result.output


def test_config_mistakes_common_in_yaml_are_explained_in_chinese(tmp_path):
    # CLI hunt: a tab-indented file gave PyYAML's English text, and "fail-level: no"
    # was reported as the level "False".
    report = write(tmp_path / "r.txt", DEFECTIVE)
    write(tmp_path / ".reportlint.yaml", "select:\n\t- RL1\n")
    result = run("check", str(report))
    assert result.exit_code == 2 and "第2行第1列" in result.output and "制表符" in result.output
    write(tmp_path / ".reportlint.yaml", "fail-level: no\n")
    result = run("check", str(report))
    assert result.exit_code == 2 and "真假值" in result.output and "False" not in result.output
