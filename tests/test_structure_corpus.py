"""bench/corpora/structure.yaml: each planted structural defect is caught, its
consistent twin draws no finding, and the defect brings no other finding.

bench/recall.py prints the same figures per class; here each case must hold.
A case marked `bug:` shows a known bug (tests/fixtures/structure/README.md)
and is expected to fail until it is fixed."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from reportlint.checks import RuleSet

from support import ROOT, recall_module

CORPUS = ROOT / "bench" / "corpora" / "structure.yaml"
CLASSES = {
    "chrome forms",
    "title forms",
    "heading wordings",
    "numbering habits",
    "stray spaces",
    "lost breaks",
}


RECALL = recall_module()
CODES, CASES = RECALL.load_corpus(CORPUS)
RAW = {c["id"]: c for c in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["cases"]}
BUGS = {id: c.get("bug") for id, c in RAW.items()}
# Words the expected finding must say, where its rule says several things.
SAYS = {id: c.get("says", "") for id, c in RAW.items()}
RULES = RuleSet.load().selected(select=CODES)


def params() -> list[object]:
    return [
        pytest.param(
            case,
            id=case.id,
            marks=[pytest.mark.xfail(reason=BUGS[case.id], strict=True)] if BUGS[case.id] else [],
        )
        for case in CASES
    ]


def test_the_corpus_covers_every_class_with_whole_reports() -> None:
    per_class = Counter(case.cls for case in CASES)
    assert set(per_class) == CLASSES
    assert sum(per_class.values()) >= 120 and min(per_class.values()) >= 15
    assert all(case.whole and case.good != case.bad and case.expect in CODES for case in CASES)
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", params())
def test_a_planted_defect_is_caught_and_nothing_else(case: object) -> None:
    good = [(d.code, d.message) for d in RECALL.findings(RULES, case.good)]
    bad = [(d.code, d.message) for d in RECALL.findings(RULES, case.bad)]
    assert good == []
    assert any(code == case.expect and SAYS[case.id] in message for code, message in bad)
    assert [(code, message) for code, message in bad if code != case.expect] == []
