"""RL405 traditional-characters: one finding per paragraph."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed


def test_seed_002_one_finding_per_paragraph():
    found = lint_file(seed(2), "traditional-characters")
    assert len(found) == len({d.line for d in found}) == 20
    first = found[0]
    assert (first.line, first.column) == (1, 12)
    assert "43个繁体字" in first.message and "“道在區”应为“道在区”" in first.message


def test_simplified_reports_are_quiet():
    for n in (0, 1, 3, 4):
        assert lint_file(seed(n), "traditional-characters") == []
    assert lint(clean_text(), "traditional-characters") == []


def test_a_single_traditional_heading():
    text = clean_text().replace("三、存在的不足和原因", "三、存在的不足和原因（續）")
    (found,) = lint(text, "traditional-characters")
    assert "“原因（續”" not in found.message and "續" in found.message
