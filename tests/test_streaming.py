"""JSON written as the files are checked: the same bytes, one file's findings in memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.checks import Diagnostic
from reportlint.cli import main
from reportlint.config import Configuration, Overrides
from reportlint.report.json_format import JsonStream, format_json, json_items
from reportlint.runner import check_paths

from support import SEEDS, SYNTHETIC


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    samples = [*sorted(SEEDS.glob("*.txt")), *sorted(SYNTHETIC.glob("*.txt"))]
    for i, sample in enumerate(samples):
        (tmp_path / f"{i:02d}.txt").write_bytes(sample.read_bytes())
    (tmp_path / "05b.txt").write_bytes(b"\x00\x01 binary")  # an unreadable file among them
    return tmp_path


def without_batch_rule() -> Configuration:
    # RL310 compares the reports of a run: its findings come when all are read.
    return Configuration(Overrides(ignore=("RL310",)))


def test_files_in_path_order_are_handed_over_one_at_a_time(batch: Path) -> None:
    config = without_batch_rule()
    whole = check_paths([str(batch)], config)
    handed: list[list[Diagnostic]] = []
    streamed = check_paths([str(batch)], config, on_file=handed.append)
    assert streamed.streamed and not whole.streamed
    assert streamed.diagnostics == []  # nothing kept
    assert [d for chunk in handed for d in chunk] == whole.all_diagnostics()
    assert len(handed) == whole.files_checked + len(whole.errors)
    assert streamed.errors == whole.errors  # kept: few, and they decide the exit code


def test_files_named_out_of_order_are_kept_and_sorted_at_the_end(batch: Path) -> None:
    config = without_batch_rule()
    named = [str(batch / "03.txt"), str(batch / "01.txt")]
    handed: list[list[Diagnostic]] = []
    result = check_paths(named, config, on_file=handed.append)
    assert not result.streamed and handed == []
    assert result.diagnostics


def test_the_stream_writes_what_format_json_writes(batch: Path) -> None:
    result = check_paths([str(batch)], Configuration())
    pieces: list[str] = []
    stream = JsonStream(pieces.append)
    for path in sorted({d.path for d in result.all_diagnostics()}):
        stream([d for d in result.all_diagnostics() if d.path == path])
    stream.close()
    expected = json.dumps(
        [d.to_json() for d in result.all_diagnostics()], ensure_ascii=False, indent=2
    )
    assert "".join(pieces) == expected + "\n"
    assert format_json(result) == expected
    empty: list[str] = []
    JsonStream(empty.append).close()
    assert empty == ["[]\n"]


def test_the_cli_streams_the_same_output_and_exit_code(
    batch: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    expected = format_json(check_paths([str(batch)], Configuration())) + "\n"
    run = CliRunner().invoke(main, ["check", "--format", "json", str(batch)])
    assert run.output == expected
    assert run.exit_code == 2  # the unreadable file
    out = tmp_path_factory.mktemp("out") / "out.json"
    run = CliRunner().invoke(main, ["check", "--format", "json", "--output", str(out), str(batch)])
    assert out.read_text(encoding="utf-8") == expected
    clean = CliRunner().invoke(
        main, ["check", "--format", "json", "--min-severity", "error", str(batch / "01.txt")]
    )
    assert all(d["severity"] == "error" for d in json.loads(clean.output))


def test_a_run_with_the_batch_rule_keeps_its_findings(batch: Path) -> None:
    config = Configuration()
    handed: list[list[Diagnostic]] = []
    result = check_paths([str(batch)], config, on_file=handed.append)
    assert not result.streamed and handed == []
    assert result.all_diagnostics() == check_paths([str(batch)], config).all_diagnostics()


def test_worker_processes_encode_the_files_they_check(batch: Path) -> None:
    config = without_batch_rule()
    one: list[str] = []
    two: list[str] = []
    check_paths([str(batch)], config, jobs=1, on_file=one.append, encode=json_items)
    result = check_paths([str(batch)], config, jobs=2, on_file=two.append, encode=json_items)
    assert result.streamed and result.diagnostics == []
    assert one == two
    stream: list[str] = []
    writer = JsonStream(stream.append)
    for items in two:
        writer.write_items(items)
    writer.close()
    assert "".join(stream) == format_json(check_paths([str(batch)], config)) + "\n"


def test_a_run_stopped_by_an_error_leaves_the_output_file_as_it_was(
    batch: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlint import runner

    check = runner._Task._check
    seen: list[str] = []

    def failing(task: runner._Task, path: str) -> runner.FileOutcome:
        seen.append(path)
        if len(seen) == 4:  # after three files' findings were written
            raise RuntimeError("a bug")
        return check(task, path)

    monkeypatch.setattr(runner._Task, "_check", failing)
    folder = tmp_path_factory.mktemp("out")
    out = folder / "out.json"
    out.write_text("earlier output", encoding="utf-8")
    run = CliRunner().invoke(
        main, ["check", "--format", "json", "-j", "1", "--output", str(out), str(batch)]
    )
    assert run.exit_code == 2 and "内部错误" in run.output
    assert out.read_text(encoding="utf-8") == "earlier output"
    assert [p.name for p in folder.iterdir()] == ["out.json"]  # nothing left beside it
