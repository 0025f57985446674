"""Findings spooled to a temporary file and read back a file at a time: every
format writes the same bytes as from findings kept in memory, and none keeps
every file's findings while it writes."""

from __future__ import annotations

import io
import json
import re
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reportlint.checks import Diagnostic, Severity
from reportlint.config import Configuration
from reportlint.report import (
    FORMATS,
    PER_REPORT_FORMATS,
    FormatOptions,
    Items,
    RunResult,
    get_formatter,
    get_writer,
    json_format,
)
from reportlint.report.json_format import json_items
from reportlint.runner import check_paths

from support import SEEDS, SYNTHETIC

WRITTEN = [f for f in FORMATS if f not in PER_REPORT_FORMATS]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    samples = [*sorted(SEEDS.glob("*.txt")), *sorted(SYNTHETIC.glob("*.txt"))]
    for i, sample in enumerate(samples):
        (folder / f"{i:02d}.txt").write_bytes(sample.read_bytes())
    # Copies, so that the batch rule (RL310) has findings to join in at the end.
    (folder / "03c.txt").write_bytes(samples[3].read_bytes())
    (folder / "05b.txt").write_bytes(b"\x00\x01 binary")  # an unreadable file among them
    return folder


def comparable(name: str, output: str | bytes) -> str | dict[str, bytes]:
    """The output without the time it was made (html's stamp, xlsx's properties)."""
    if isinstance(output, bytes):
        with zipfile.ZipFile(io.BytesIO(output)) as book:
            return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}
    return re.sub(r"生成于 [0-9: -]+。", "", output) if name == "html" else output


def run(batch: Path, spool: bool, jobs: int = 1, keep_text: bool = False) -> RunResult:
    # Spooled, each finding's fingerprint is hashed in the worker, and the json
    # format's items written there (as the command line does for the formats that
    # show them): the output must not change.
    return check_paths(
        [str(batch)],
        Configuration(),
        jobs=jobs,
        spool=spool,
        keep_text=keep_text,
        fingerprints=spool,
        write_items=Items(json_format.ITEMS_FOR, json_items) if spool else None,
    )


@pytest.fixture(scope="module")
def runs(batch: Path) -> dict[tuple[bool, bool], RunResult]:
    """Kept and spooled (in two worker processes), with and without the texts."""
    return {
        (spool, text): run(batch, spool, jobs=2 if spool else 1, keep_text=text)
        for spool in (False, True)
        for text in (False, True)
    }


@pytest.mark.slow  # (worker processes)
@pytest.mark.parametrize("name", WRITTEN)
def test_every_format_writes_the_same_from_the_spool(
    runs: dict[tuple[bool, bool], RunResult], name: str
) -> None:
    kept, spooled = runs[False, name == "html"], runs[True, name == "html"]
    assert spooled.spooled is not None
    # Only the batch rule's findings, which came at the end, are in memory.
    assert spooled.diagnostics and {d.code for d in spooled.diagnostics} == {"RL310"}
    assert all(info.text is None for info in spooled.reports)
    for floor in (None, Severity.WARNING, Severity.ERROR):
        kept.min_severity = spooled.min_severity = floor
        kept.counted = spooled.counted = None
        for options in (FormatOptions(), FormatOptions(show_all=True, quiet=True)):
            expected = get_formatter(name)(kept, options)
            assert comparable(name, get_formatter(name)(spooled, options)) == comparable(
                name, expected
            )
    kept.min_severity = spooled.min_severity = None


def test_the_spooled_run_finds_what_the_kept_one_does(
    runs: dict[tuple[bool, bool], RunResult],
) -> None:
    kept, spooled = runs[False, False], runs[True, False]

    # (the spooled ones carry their fingerprint hashed, in place of what it is hashed from)
    def hashed(found: list[Diagnostic]) -> list[Diagnostic]:
        return [d._replace(hashed=d.fingerprint, context=None) for d in found]

    assert spooled.all_diagnostics() == hashed(kept.all_diagnostics())
    assert all(d.context is None for d in spooled.all_diagnostics())
    assert [f.findings for f in spooled.per_file()] == [hashed(f.findings) for f in kept.per_file()]
    assert spooled.tally().severities == kept.tally().severities
    assert spooled.tally().failing and kept.tally().failing
    # The json items written in the workers stand for the files' findings, but
    # not in the files the batch rule's findings were joined into.
    joined = {d.path for d in spooled.diagnostics}
    written = {f.path: f for f in spooled.per_file() if f.items is not None}
    assert joined and written and not joined & set(written)
    assert all(f.items == json_items(f.findings) for f in written.values())
    assert all(f.items is None for f in kept.per_file())


@pytest.fixture(scope="module")
def growing(tmp_path_factory: pytest.TempPathFactory) -> list[RunResult]:
    """Spooled runs of 3 and of 12 copies of one report."""
    sample = sorted(SEEDS.glob("*.txt"))[0].read_bytes()  # (a report with many findings)
    results = []
    for count in (3, 12):
        folder = tmp_path_factory.mktemp(f"n{count}")
        for i in range(count):
            (folder / f"{i:03d}.txt").write_bytes(sample)
        results.append(check_paths([str(folder)], Configuration(), spool=True, keep_text=True))
    return results


def peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow  # (tracemalloc slows the formats severalfold)
@pytest.mark.parametrize("name", WRITTEN)
def test_no_format_keeps_every_files_findings_while_it_writes(
    growing: list[RunResult], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memory a format takes to write a spooled run hardly grows with the
    number of files: four times the files cost it less than a quarter of what
    holding the added files' findings (and texts) costs.  (xlsx holds its cells
    up to KEPT_FINDINGS findings: here, none.)"""
    from reportlint.report import xlsx

    monkeypatch.setattr(xlsx, "KEPT_FINDINGS", 0)
    small, large = growing

    def write(result: RunResult) -> Callable[[], object]:
        return lambda: all(True for _ in get_writer(name)(result, FormatOptions()))

    def hold(result: RunResult) -> Callable[[], object]:
        return lambda: list(result.per_file())

    write(small)()  # imports and caches, once
    held = peak(hold(large)) - peak(hold(small))
    assert held > 0
    assert peak(write(large)) - peak(write(small)) < held / 4


def test_the_spool_reads_back_each_file_between_additions(batch: Path) -> None:
    # (reads move the file's position; an addition after one still goes at the end)
    from reportlint.report.spool import Spool, counts_of, encode

    found = run(batch, spool=False).all_diagnostics()
    one, two, three = found[:3], found[3:5], found[5:6]
    spool = Spool()
    try:
        spool.add("a.txt", encode(one, None))
        spool.add("b.txt", encode(two, "正文", "[items]"))
        assert spool.read("a.txt") == (one, None, None, None)
        spool.add("c.txt", encode(three, None))
        assert spool.read("b.txt") == (two, "正文", "[items]", counts_of(two))
        assert spool.read_items("b.txt") == ("[items]", counts_of(two))
        assert spool.read("c.txt") == (three, None, None, None)
        assert spool.read_items("a.txt") is None
        assert spool.read("a.txt") == (one, None, None, None)
    finally:
        spool.close()


def test_the_counts_kept_with_json_items_are_those_of_the_findings(batch: Path) -> None:
    from reportlint.checks import Severity
    from reportlint.report.spool import counts_of

    found = run(batch, spool=False).all_diagnostics()
    errors, warnings, notes, fixable = counts_of(found)
    assert (errors, warnings, notes) == tuple(
        sum(d.severity is s for d in found)
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    assert fixable == sum(1 for d in found if d.fix and d.fix.safe) > 0
    assert errors and warnings


@pytest.mark.slow  # (worker processes)
def test_json_from_workers_keeps_a_files_errors(tmp_path: Path) -> None:
    """A file both fixed and refused (read-only: RL003) has findings written in
    its worker and an error added where the output is written: both listed."""
    from click.testing import CliRunner

    from reportlint.cli import main

    def run(jobs: int) -> list[tuple[str, str]]:
        folder = tmp_path / f"j{jobs}"
        folder.mkdir()
        for name in ("a.txt", "b.txt"):
            (folder / name).write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
        (folder / "a.txt").chmod(0o444)
        said = CliRunner().invoke(
            main, ["check", "--fix", "-j", str(jobs), "--format", "json", str(folder)]
        )
        return [(Path(d["path"]).name, d["code"]) for d in json.loads(said.stdout)]

    listed = run(2)
    assert ("a.txt", "RL003") in listed and len({name for name, _ in listed}) == 2
    assert listed == run(1)


def test_an_xlsx_stopped_while_written_row_by_row_leaves_no_temporary_file(
    runs: dict[tuple[bool, bool], RunResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from reportlint.report import xlsx

    monkeypatch.setattr(xlsx, "KEPT_FINDINGS", 0)  # (XlsxWriter's files: one a sheet)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = 0

    def stopped(d: Diagnostic) -> str:  # Ctrl-C halfway through the findings sheet
        nonlocal made
        made += 1
        if made == 20:
            raise KeyboardInterrupt
        return ""

    monkeypatch.setattr(xlsx, "excerpt", stopped)
    with pytest.raises(KeyboardInterrupt):
        list(get_writer("xlsx")(runs[True, False], FormatOptions()))
    assert made == 20 and list(tmp_path.iterdir()) == []


@pytest.mark.slow  # (worker processes)
def test_json_from_workers_exits_as_one_process_does(tmp_path: Path) -> None:
    """With workers, the json items come with their counts in place of the
    findings: the exit code must still follow each file's findings and fail level."""
    from click.testing import CliRunner

    from reportlint.cli import main

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())

    def exit_code(jobs: int, *options: str) -> int:
        args = ["check", "-j", str(jobs), "--format", "json", *options, str(tmp_path)]
        return CliRunner().invoke(main, args).exit_code

    warnings = ("--select", "RL404", "--fail-level")  # (RL404's findings are warnings)
    for options in [(), (*warnings, "warning"), (*warnings, "error")]:
        assert exit_code(2, *options) == exit_code(1, *options), options
    assert exit_code(2, *warnings, "warning") == 1
    assert exit_code(2, *warnings, "error") == 0


@pytest.mark.slow  # (worker processes)
def test_text_lines_from_workers_write_what_one_process_does(
    batch: Path, runs: dict[tuple[bool, bool], RunResult]
) -> None:
    """Each file's text lines written in its worker, for the options of the run:
    the same output, and for other options the lines are made again."""
    from functools import partial

    from reportlint.report import text

    written_for = FormatOptions(width=60)
    spooled = check_paths(
        [str(batch)],
        Configuration(),
        jobs=2,
        spool=True,
        write_items=Items(
            text.items_for(written_for), partial(text.text_items, options=written_for)
        ),
    )
    try:
        assert spooled.items_for == text.items_for(written_for)
        assert sum(f.items is not None for f in spooled.per_file()) >= 3
        kept = runs[False, False]
        for options in (written_for, written_for._replace(quiet=True), FormatOptions()):
            kept.counted = spooled.counted = None
            assert text.format_text(spooled, options) == text.format_text(kept, options)
    finally:
        assert spooled.spooled is not None
        spooled.spooled.close()
