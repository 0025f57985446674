"""Every fixture report with its expected findings marked inside
(markdownlint's model, tests/marked.py), in both folders: the structures
real reports come in (tests/fixtures/structure/) and each rule's cases
(tests/fixtures/rules/).  A marked line must carry a finding of each rule
marked on it, an unmarked line none of the rules the file is held to."""

from __future__ import annotations

from pathlib import Path

import pytest

from marked import cases, fixture_paths, held, load_marked, mismatches

from support import builtin_rules, lint


def on_by_default() -> list[str]:
    return [rule.code for rule in builtin_rules().selected().rules]


@pytest.mark.parametrize("path", cases(fixture_paths()))
def test_fixture_gives_the_marked_findings(path: Path) -> None:
    fixture = load_marked(path)
    codes = held(path, fixture, on_by_default())
    found = lint(fixture.text) if fixture.rules == {"ALL"} else lint(fixture.text, *codes)
    assert mismatches(fixture, found, codes) == []


def test_every_rule_has_cases_it_must_catch_and_must_leave_alone() -> None:
    catch: dict[str, int] = {}
    quiet: dict[str, int] = {}
    every = on_by_default()
    for path in fixture_paths():
        fixture = load_marked(path)
        if fixture.xfail:
            continue  # a known bug's marks do not hold yet
        codes = held(path, fixture, every)
        for number, line in enumerate(fixture.text.split("\n"), start=1):
            marked = {code for code, _ in fixture.marks.get(number, set())}
            for code in codes:
                if code in marked:
                    catch[code] = catch.get(code, 0) + 1
                elif line.strip():
                    quiet[code] = quiet.get(code, 0) + 1
    for rule in builtin_rules().rules:
        if rule.check.batch:
            continue  # a run of reports, not one text: tests/rules/test_copied_text.py
        assert catch.get(rule.code), f"{rule.code}: no fixture line marked for it"
        assert quiet.get(rule.code), f"{rule.code}: no fixture line it must leave alone"
