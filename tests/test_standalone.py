"""The one-file program's entry point: a report dropped on it is annotated,
a double click explains the program.  (packaging/build.py builds the
program and runs it; .ci/run does that.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint import standalone

from support import clean_text


def test_files_dropped_on_the_program_are_annotated(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(clean_text(), encoding="utf-8")
    assert standalone.arguments([str(report)]) == ["annotate", str(report)]
    assert standalone.arguments([str(tmp_path), str(report)])[0] == "annotate"


@pytest.mark.parametrize(
    "args",
    [["check", "报告.txt"], ["--help"], ["-h"], ["不存在.docx"], ["rules"]],
)
def test_anything_else_is_passed_on(args: list[str]) -> None:
    assert standalone.arguments(args) == args


def test_a_double_click_explains_the_program(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.argv", ["reportlint"])
    standalone.run()
    out = capsys.readouterr().out
    assert "把报告（.docx，也可以是 .txt、网页或 PDF）拖到 reportlint.exe 的图标上" in out


@pytest.mark.slow
def test_a_drop_runs_annotate(monkeypatch, tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(clean_text(), encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["reportlint", str(report)])
    with pytest.raises(SystemExit) as exit_:
        standalone.run()
    assert exit_.value.code == 0  # the clean report: no findings
    assert (tmp_path / "报告（审查意见）.docx").is_file()
