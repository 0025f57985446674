"""Every entry of dated knowledge names its source, and its examples behave:
each `invalid` sentence is flagged by the entry alone, each `valid` one is left
alone by the whole rule, read in a report of the example's year.  The sources
are listed in docs/rules-dated-facts.md."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from reportlint.checks.sourced import Sourced

from support import builtin_rules, document

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules-dated-facts.md"


def entry_lists(rule):
    """(field, entries) for each list of sourced entries in the rule's params."""
    params = rule.check.params
    for field in params.__struct_fields__:
        value = getattr(params, field)
        if isinstance(value, list) and value and all(isinstance(e, Sourced) for e in value):
            yield field, value


CASES = [
    (rule, field, i, entry)
    for rule in builtin_rules().rules
    for field, entries in entry_lists(rule)
    for i, entry in enumerate(entries)
]


def test_the_packs_have_sourced_entries():
    assert {rule.code for rule, *_ in CASES} >= {"RL302", "RL303", "RL307", "RL308", "RL309"}


def report(year: int, sentence: str) -> str:
    return (
        f"某镇{year}年法治政府建设情况报告\n{year}年，{sentence}\n某镇人民政府\n{year + 1}年1月20日"
    )


def ident(case):
    rule, field, i, _ = case
    return f"{rule.code}-{field}[{i}]"


@pytest.mark.parametrize("case", CASES, ids=[ident(c) for c in CASES])
def test_entry_has_a_source_and_examples_that_behave(case):
    rule, field, _, entry = case
    assert entry.source.strip(), "每一项都要写明来源（发文机关、文件和日期）"
    assert any(e.invalid for e in entry.examples), "至少一个应被标出的例句"
    assert any(e.valid for e in entry.examples), "至少一个不应被标出的例句"
    alone = type(rule.check)(msgspec.structs.replace(rule.check.params, **{field: [entry]}))
    for example in entry.examples:
        for sentence in example.invalid:
            doc = document(report(example.year, sentence))
            assert doc.report_year == example.year
            assert list(alone.check(doc)), (example.year, sentence)
        for sentence in example.valid:
            doc = document(report(example.year, sentence))
            assert list(rule.check.check(doc)) == [], (example.year, sentence)


@pytest.mark.parametrize("case", CASES, ids=[ident(c) for c in CASES])
def test_the_source_is_in_the_docs(case):
    assert case[3].source in DOC.read_text(encoding="utf-8")
