"""Every rule's cases as fixture reports with the expected findings marked
inside (markdownlint's model: tests/marked.py; tests/test_fixtures.py holds
them to their marks), kept in step with the examples in the rules' docs,
and a snapshot of what a user sees on each (ruff's model).

tests/fixtures/rules/RLxxx*.txt belong to rule RLxxx: a line marked 【RLxxx】
must carry a finding of that rule and an unmarked line none.  The rules held
to the marks are the file's own, those marked or expected in it, or the ones
a `# rules:` header names (`ALL`: every rule on by default, for a report
that must come out clean).

tests/snapshots/<fixture>.snap holds the text output of `reportlint check`
and of `reportlint check --diff --unsafe-fixes` on each fixture, for those
rules.  When a change in what users see is meant, rewrite them and review
the difference with the change:

    REPORTLINT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_rule_fixtures.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import marked
from marked import RULES, Marked, load_marked
from reportlint.cli import main

from support import builtin_rules

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("REPORTLINT_UPDATE_SNAPSHOTS") == "1"
WIDTH = "100"  # the terminal the snapshots are taken on: frames fit its width


def fixture_paths() -> list[Path]:
    return marked.fixture_paths(RULES)


def held(path: Path, fixture: Marked) -> list[str]:
    return marked.held(path, fixture, [rule.code for rule in builtin_rules().selected().rules])


def test_every_example_of_a_rule_is_one_of_its_fixture_cases() -> None:
    """The examples in a rule's docs (rules/*.yaml) are fixture cases too, with
    the line of each finding marked: a one-line example is a line of
    RLxxx_examples*.txt, a longer one a file RLxxx_example_*.txt of its own."""
    for rule in builtin_rules().rules:
        if rule.check.batch:
            continue  # paragraphs met in two reports: tests/rules/test_copied_text.py runs them
        fixtures = [load_marked(path) for path in RULES.glob(f"{rule.code}_example*.txt")]
        lines: dict[str, bool] = {}  # a fixture line -> marked for the rule
        texts: dict[str, bool] = {}  # a whole fixture -> some line marked for the rule
        for fixture in fixtures:
            rows = fixture.text.split("\n")
            marked_rows = {
                n for n, marks in fixture.marks.items() if any(c == rule.code for c, _ in marks)
            }
            lines.update({row: n in marked_rows for n, row in enumerate(rows, start=1)})
            texts[fixture.text.rstrip("\n")] = bool(marked_rows)
        for group, flagged in (("invalid", True), ("valid", False)):
            for example in rule.examples.get(group, ()):
                where = texts if "\n" in example else lines
                if example.rstrip("\n") not in where and "\n" not in example:
                    where = texts  # a one-line report (no title, say) is a file of its own
                assert where.get(example.rstrip("\n")) is flagged, (rule.code, group, example)


def test_fixture_names_start_with_a_rule_code() -> None:
    codes = {rule.code for rule in builtin_rules().rules}
    assert {path.name[:5] for path in fixture_paths()} <= codes


# -- snapshots ------------------------------------------------------------------------


def snapshot(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """What `reportlint check` and `--diff` print on the fixture, unmarked."""
    fixture = load_marked(path)
    name = path.name
    (tmp_path / name).write_text(fixture.text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    select = [] if fixture.rules == {"ALL"} else ["--select", ",".join(held(path, fixture))]
    parts = [f"# fixture: tests/fixtures/rules/{name} (markers and header stripped)"]
    for args in (
        ["check", "--show-all", "--color", "never", *select, name],
        ["check", "--diff", "--unsafe-fixes", *select, name],
    ):
        result = CliRunner().invoke(
            main, args, env={"COLUMNS": WIDTH, "NO_COLOR": "1", "FORCE_COLOR": None}
        )
        assert result.exception is None or isinstance(result.exception, SystemExit)
        parts += ["", f"$ reportlint {' '.join(args)}", f"# exit code {result.exit_code}"]
        parts.append(result.stdout.rstrip("\n"))
        if result.stderr.strip():
            parts += ["# standard error:", result.stderr.rstrip("\n")]
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda p: p.stem)
def test_snapshot_of_what_users_see(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = SNAPSHOTS / f"{path.stem}.snap"
    now = snapshot(path, tmp_path, monkeypatch)
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        if not stored.exists() or stored.read_text(encoding="utf-8") != now:
            stored.write_text(now, encoding="utf-8")
        return
    assert stored.exists(), f"no snapshot {stored.name}: run with REPORTLINT_UPDATE_SNAPSHOTS=1"
    before = stored.read_text(encoding="utf-8")
    if before != now:
        diff = "".join(
            difflib.unified_diff(
                before.splitlines(keepends=True),
                now.splitlines(keepends=True),
                f"{stored.name} (stored)",
                f"{stored.name} (now)",
            )
        )
        pytest.fail(
            f"what users see changed; if that is meant, run with REPORTLINT_UPDATE_SNAPSHOTS=1\n{diff}"
        )


def test_every_snapshot_has_its_fixture() -> None:
    stems = {path.stem for path in fixture_paths()}
    orphans = [p.name for p in SNAPSHOTS.glob("*.snap") if p.stem not in stems]
    assert orphans == [], "snapshots of fixtures that are gone: delete them"
