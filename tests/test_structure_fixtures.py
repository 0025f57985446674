"""The structures real published reports come in (tests/fixtures/structure/,
see its README), each a short complete report with the structure rules'
findings marked on the lines that must carry them (tests/marked.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marked import load_marked, mismatches, parse_marked

from support import lint

FIXTURES = Path(__file__).parent / "fixtures" / "structure"

# The rules that read the report's structure: its parts, the duty part, the
# signature, numbering, page chrome, broken lines, the title, stray spaces.
STRUCTURE_RULES = ("RL101", "RL102", "RL103", "RL402", "RL403", "RL407", "RL408", "RL409", "RL411")


def cases() -> list[object]:
    found = []
    for path in sorted(FIXTURES.glob("*.txt")):
        fixture = load_marked(path)
        marks = [pytest.mark.xfail(reason=fixture.xfail, strict=True)] if fixture.xfail else []
        found.append(pytest.param(path, id=path.stem, marks=marks))
    return found


@pytest.mark.parametrize("path", cases())
def test_structure_fixture_gives_the_marked_findings(path: Path) -> None:
    fixture = load_marked(path)
    assert mismatches(fixture, lint(fixture.text, *STRUCTURE_RULES), STRUCTURE_RULES) == []


def test_every_fixture_is_listed_in_the_readme() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    listed = {line.split("`")[1] for line in readme.splitlines() if line.startswith("| `")}
    assert listed == {path.name for path in FIXTURES.glob("*.txt")}


def test_every_known_bug_is_named_in_the_readme() -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for path in FIXTURES.glob("*.txt"):
        fixture = load_marked(path)
        if fixture.xfail:
            assert f"**{fixture.xfail.split(':')[0]}**" in readme, path.name


# The loader itself: a report with its one defect marked, and the ways the
# marks and the findings can disagree.
REPORT = (
    "青岚县望溪镇2024年法治政府建设情况报告\n"
    "2024 年，望溪镇坚持依法行政，现将有关情况报告如下。{mark}\n"
)


def test_markers_and_comments_are_stripped() -> None:
    fixture = parse_marked("# a note\n# expect: RL101\n" + REPORT.format(mark="【RL411】"))
    assert fixture.text == REPORT.format(mark="")
    assert fixture.marks == {2: {("RL411", "")}}
    assert fixture.expect == {"RL101"} and fixture.xfail is None


def test_a_marker_may_name_words_of_the_message() -> None:
    fixture = parse_marked("标题【RL409 重复出现】【RL407】\n")
    assert fixture.marks == {1: {("RL409", "重复出现"), ("RL407", "")}}
    assert fixture.text == "标题\n"


def test_a_marked_finding_matches() -> None:
    fixture = parse_marked(REPORT.format(mark="【RL411】"))
    assert mismatches(fixture, lint(fixture.text, "RL411"), ["RL411"]) == []


def test_an_unmarked_finding_and_a_mark_not_met_are_reported() -> None:
    unmarked = parse_marked(REPORT.format(mark=""))
    (problem,) = mismatches(unmarked, lint(unmarked.text, "RL411"), ["RL411"])
    assert problem.startswith("line 2: unexpected RL411")
    # a finding of the rule that does not say what the marker asks for is no match
    wrong_words = parse_marked(REPORT.format(mark="【RL411 不是这样说的】"))
    unexpected, not_met = mismatches(wrong_words, lint(wrong_words.text, "RL411"), ["RL411"])
    assert unexpected.startswith("line 2: unexpected RL411")
    assert not_met == "line 2: RL411 不是这样说的 marked but not reported"


def test_an_expected_whole_report_finding_must_come() -> None:
    fixture = parse_marked("# expect: RL101\n" + REPORT.format(mark="【RL411】"))
    problems = mismatches(fixture, lint(fixture.text, "RL411", "RL101"), ["RL411", "RL101"])
    assert problems == []  # the report lacks every part: RL101 came, anywhere
    fixture = parse_marked("# expect: RL409\n" + REPORT.format(mark="【RL411】"))
    problems = mismatches(fixture, lint(fixture.text, "RL411", "RL409"), ["RL411", "RL409"])
    assert problems == ["expected RL409 somewhere: not reported"]
