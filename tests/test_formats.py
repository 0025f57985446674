"""Machine-readable formats: SARIF, JUnit, github workflow commands, CSV, and --output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

from support import SAMPLES, clean_text, seed


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_github_annotations_one_per_finding_with_positions():
    data = json.loads(
        run("check", "--format", "json", "--select", "RL1,RL401", str(seed(1))).output
    )
    result = run("check", "--format", "github", "--select", "RL1,RL401", str(seed(1)))
    lines = result.output.strip().splitlines()
    assert len(lines) == len(data) and result.exit_code == 1
    first = next(line for line in lines if "RL401" in line)
    assert first.startswith(f"::error file={seed(1)},line=23,col=41,endLine=23,endColumn=42,")
    assert first.endswith("::RL401 这里的 ” 前面缺少对应的 “：请补上或删去")
    warning = next(line for line in lines if "缺少分析" in line or "没有分析原因" in line)
    assert warning.startswith("::warning ")


def test_github_escapes_what_would_break_a_command(tmp_path):
    path = tmp_path / "a,b:c.txt"
    path.write_bytes(b"")  # empty: an RL001 error naming the file
    line = run("check", "--format", "github", str(path)).output.strip()
    assert line.startswith("::error file=") and "a%2Cb%3Ac.txt" in line
    assert "\n" not in line


def test_csv_rows_match_json(tmp_path):
    args = ("check", "--select", "RL403,RL401", str(seed(4)))
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").output)))
    data = json.loads(run(*args, "--format", "json").output)
    assert [(r["code"], int(r["line"]), int(r["column"]), r["message"]) for r in rows] == [
        (d["code"], d["line"], d["column"], d["message"]) for d in data
    ]
    fixed = next(r for r in rows if r["message"].startswith("序号“3、”"))
    assert fixed["fix"] == "3." and fixed["severity"] == "warning"


def test_output_writes_the_report_to_a_file(tmp_path):
    out = tmp_path / "findings.json"
    result = run("check", "--format", "json", "--output", str(out), str(seed(1)))
    assert result.output == "" and result.exit_code == 1
    assert any(d["code"] == "RL103" for d in json.loads(out.read_text(encoding="utf-8")))


def test_output_to_an_unwritable_place_is_exit_2(tmp_path):
    result = run("check", "--output", str(tmp_path / "missing" / "x.txt"), str(seed(1)))
    assert result.exit_code == 2 and "无法写入" in result.output


# -- SARIF -------------------------------------------------------------------

SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0.json"


def sarif(*args: str) -> dict:
    result = run("check", "--format", "sarif", *args)
    return json.loads(result.output)


@pytest.mark.slow
def test_sarif_is_valid_against_the_official_schema(tmp_path):
    import jsonschema

    broken = tmp_path / "empty.txt"
    broken.write_bytes(b"")
    log = sarif(str(SAMPLES), str(broken))
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [e.message for e in validator.iter_errors(log)] == []
    (run_,) = log["runs"]
    assert log["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    assert len(run_["results"]) > 500
    # The unreadable file is a tool notification naming it, not a result.
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("empty.txt")


def test_sarif_rules_come_from_the_rule_definitions():
    log = sarif("--select", "RL103,RL404", str(seed(1)))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["RL103", "RL404"]
    width = rules[1]
    assert width["name"] == "punctuation-width"
    assert "GB/T 15834" in width["fullDescription"]["text"]
    assert width["shortDescription"]["text"] == "中文文本中用了半角标点：, ; : ? ! ( )"
    assert "--ignore punctuation-width" in width["help"]["text"]
    assert width["defaultConfiguration"]["level"] == "warning"
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_positions_match_the_text_output_and_count_characters():
    text_lines = run("check", "--select", "RL103", str(seed(1))).output
    (result,) = sarif("--select", "RL103", str(seed(1)))["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert f":{region['startLine']}:{region['startColumn']}: RL103" in text_lines
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uriBaseId"] == "%SRCROOT%" and not location["uri"].startswith("/")


@pytest.mark.slow
def test_sarif_fingerprints_survive_lines_added_above(tmp_path):
    original = seed(1).read_text(encoding="utf-8")
    path = tmp_path / "r.txt"
    path.write_text(original, encoding="utf-8")
    before = sarif(str(path))["runs"][0]["results"]
    path.write_text("新增的一行说明。\n\n" + original, encoding="utf-8")
    after = sarif(str(path))["runs"][0]["results"]

    def keys(results):
        return sorted(r["partialFingerprints"]["reportlintFingerprint/v1"] for r in results)

    assert len(set(keys(before))) == len(before)  # occurrences keep them apart
    lines_before = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before}
    lines_after = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after}
    assert lines_before != lines_after
    # Everything but findings about the opening lines keeps its identity.
    shared = set(keys(before)) & set(keys(after))
    assert len(shared) >= len(before) - 3


# -- JUnit -------------------------------------------------------------------


@pytest.mark.slow
def test_junit_one_suite_per_file_one_failure_per_finding(tmp_path):
    from xml.etree import ElementTree as ET

    clean = tmp_path / "clean.txt"
    clean.write_text(clean_text(), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    found = json.loads(run("check", "--format", "json", str(seed(1))).output)
    result = run("check", "--format", "junit", str(seed(1)), str(clean), str(empty))
    root = ET.fromstring(result.output.encode("utf-8"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {str(seed(1)), str(clean), str(empty)}
    assert len(suites[str(seed(1))].findall("testcase/failure")) == len(found)
    assert suites[str(clean)].get("failures") == "0"
    assert len(suites[str(clean)].findall("testcase")) == 1
    assert suites[str(empty)].find("testcase/error") is not None
    assert root.get("failures") == str(len(found)) and root.get("errors") == "1"


def test_output_file_has_no_colour_codes(tmp_path):
    out = tmp_path / "report.txt"
    result = run("check", "--output", str(out), str(seed(1)))
    assert result.exit_code == 1 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "RL103 [error]" in text and "\x1b[" not in text


def test_control_characters_from_a_bad_copy_are_shown_as_pictures(tmp_path):
    # CLI hunt: a BEL or ESC in the report made JUnit invalid XML and reached the
    # terminal raw.  They show as ␇ and ␛, one character each.
    from xml.etree import ElementTree as ET

    title = "青岚县望溪镇 \x1b2024年法治政府建设年度报告"
    path = tmp_path / "r.txt"
    path.write_text(title + "\n" + clean_text().split("\n", 1)[1], encoding="utf-8")
    xml = run("check", "--format", "junit", str(path)).output
    failure = ET.fromstring(xml.encode("utf-8")).find(".//failure")
    assert failure is not None and "\u241b" in failure.get("message", "")
    text = run("check", str(path)).output
    assert "\x1b" not in text and "\u241b2024年" in text


def test_a_csv_file_written_with_output_opens_in_excel(tmp_path):
    # CLI hunt: UTF-8 without a byte-order mark is read by Excel as the local code page.
    out = tmp_path / "结果.csv"
    run("check", "--format", "csv", "--output", str(out), str(seed(0)))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "path" and len(rows) > 1


@pytest.mark.slow
def test_control_characters_in_github_and_csv_and_the_bom_only_for_csv(tmp_path):
    # Review: BEL/ESC stayed raw in the github and csv outputs, and a JSON written to
    # a file named .csv got a byte-order mark.
    path = tmp_path / "r.txt"
    path.write_text(
        "青岚县望溪镇 \x1b2024年法治政府建设年度报告\n" + clean_text().split("\n", 1)[1],
        encoding="utf-8",
    )
    for fmt in ("github", "csv"):
        output = run("check", "--format", fmt, str(path)).output
        assert "\x1b" not in output and "\u241b" in output, fmt
    out = tmp_path / "stats.csv"
    run("check", "--statistics", "--format", "json", "--output", str(out), str(path))
    assert json.loads(out.read_text(encoding="utf-8"))
