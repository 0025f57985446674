"""What the five real reports must yield (the acceptance list of issue 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.document import parse
from reportlint.load import load_path

from support import SAMPLES, SYNTHETIC, codes, lint_file, seed


def by_rule(diagnostics, rule):
    return [d for d in diagnostics if d.rule == rule]


def test_000_no_signature_all_sections_footer_not_headings():
    path = seed(0)
    found = lint_file(path)
    signature = by_rule(found, "dated-signature")
    assert [(d.severity.value, d.message[:8]) for d in signature] == [("error", "报告末尾没有落款")]
    assert by_rule(found, "required-sections") == []
    doc = parse(load_path(path))
    titles = [h.title for h in doc.headings]
    assert not any("凡注明来源" in t for t in titles)
    assert [h.marker for h in doc.headings if h.level == 1] == ["一、", "二、", "三、", "四、"]
    # The missing signature points at the end of the report proper, not the footer.
    assert signature[0].line == 65


def test_001_duty_missing_causes_missing_date_malformed():
    found = lint_file(seed(1))
    sections = by_rule(found, "required-sections")
    assert [(d.severity.value, d.line) for d in sections] == [("error", 3), ("warning", 25)]
    assert "第一责任人" in sections[0].message
    assert "原因" in sections[1].message
    (date,) = by_rule(found, "dated-signature")
    assert date.severity.value == "error"
    assert "2024117" in date.message and "2024年1月17日" in date.message
    assert "11月7日" not in date.message
    assert (date.line, date.column) == (45, 5)


def test_002_traditional_sections_found_no_signature_no_rate_finding():
    found = lint_file(seed(2))
    assert by_rule(found, "required-sections") == []
    assert [d.message[:8] for d in by_rule(found, "dated-signature")] == ["报告末尾没有落款"]
    assert by_rule(found, "percentage-consistency") == []
    doc = parse(load_path(seed(2)))
    assert doc.report_year == 2024
    assert "党政主要负责人履行推进法治建设第一责任人职责的有关情况" in [
        h.title for h in doc.headings
    ]


def test_003_no_signature_no_causes_duty_found_in_item():
    found = lint_file(seed(3))
    assert [d.message[:8] for d in by_rule(found, "dated-signature")] == ["报告末尾没有落款"]
    (causes,) = by_rule(found, "required-sections")
    assert causes.severity.value == "warning" and "原因" in causes.message
    assert causes.line == 16
    # The duty section is item 2 of section 一; it shows enough acts.
    assert by_rule(found, "duty-coverage") == []
    doc = parse(load_path(seed(3)))
    duty = [h for h in doc.headings if "第一责任人" in h.title]
    assert [(h.level, h.marker) for h in duty] == [(3, "2、")]


def test_004_signature_early_and_sums():
    found = lint_file(seed(4))
    (date,) = by_rule(found, "dated-signature")
    assert date.severity.value == "warning"
    assert "2023年11月20日" in date.message and "2023年度" in date.message
    sums = by_rule(found, "sum-consistency")
    assert len(sums) == 1
    assert sums[0].line == 41
    assert "1355" in sums[0].message and "1345" in sums[0].message
    assert by_rule(found, "required-sections") == []


@pytest.mark.parametrize("number", range(5))
def test_seed_report_year(number):
    expected = {0: 2020, 1: 2023, 2: 2024, 3: 2020, 4: 2023}
    assert parse(load_path(seed(number))).report_year == expected[number]


def test_clean_sample_has_no_findings():
    assert lint_file(SYNTHETIC / "clean.txt") == []


CLEAN_GENRES = sorted((SAMPLES / "clean").glob("*.txt"))


@pytest.mark.parametrize("path", CLEAN_GENRES, ids=lambda p: p.name)
def test_clean_reports_of_every_genre_have_no_findings(path):
    """Each of samples/clean/ (see its README) once drew false positives."""
    assert [(d.code, d.line, d.message) for d in lint_file(path)] == []


def test_there_are_clean_reports_of_many_genres():
    assert len(CLEAN_GENRES) >= 31


CLEAN_VARIANTS = sorted((Path(__file__).parent / "fixtures" / "clean_variants").glob("*.txt"))


@pytest.mark.parametrize("path", CLEAN_VARIANTS, ids=lambda p: p.name)
def test_clean_variants_that_drew_false_positives_have_no_findings(path):
    """Each of tests/fixtures/clean_variants/ (see its README) drew one false positive."""
    assert [(d.code, d.line, d.message) for d in lint_file(path)] == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing-duty-section.txt", ["RL101"]),
        ("no-causes.txt", ["RL101"]),
        ("bad-signature-date.txt", ["RL103"]),
        ("zero-padded-date.txt", ["RL103"]),
        ("chinese-numeral-date.txt", ["RL103"]),
        ("late-signature.txt", ["RL103"]),
        ("no-signature.txt", ["RL103"]),
        ("rate-mismatch.txt", ["RL201"]),
        ("rate-over-100.txt", ["RL201"]),
        ("sum-mismatch.txt", ["RL202"]),
        ("thin-duty.txt", ["RL102"]),
    ],
)
def test_each_defect_sample_gives_exactly_its_finding(name, expected):
    assert codes(lint_file(SYNTHETIC / name)) == expected
