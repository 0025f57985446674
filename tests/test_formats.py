"""Machine-readable formats: github workflow commands, CSV, and --output."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from reportlint.cli import main

from support import seed


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
