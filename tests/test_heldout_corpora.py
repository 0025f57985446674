"""The held-out corpora (bench/corpora/heldout_*.yaml): figure and knowledge
sentences written by a reviewer who had read the rules' documentation but not
their code nor their own corpora.  Each case's consistent twin draws no finding
of its family and its defective twin draws the expected rule; a case marked
`bug:` names a known gap and is expected to fail (strict) until it is closed."""

from __future__ import annotations

import pytest
import yaml

from reportlint.checks import RuleSet

from support import ROOT, recall_module

CORPORA = ("heldout_numbers", "heldout_knowledge")


RECALL = recall_module()


def params() -> list[object]:
    found = []
    for name in CORPORA:
        path = ROOT / "bench" / "corpora" / f"{name}.yaml"
        codes, cases = RECALL.load_corpus(path)
        raw = {c["id"]: c for c in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]}
        rules = RuleSet.load().selected(select=codes)
        for case in cases:
            bug = raw[case.id].get("bug")
            marks = [pytest.mark.xfail(reason=bug, strict=True)] if bug else []
            found.append(pytest.param(rules, case, id=f"{name}:{case.id}", marks=marks))
    return found


@pytest.mark.parametrize(("rules", "case"), params())
def test_held_out_case(rules: RuleSet, case: object) -> None:
    good = case.good if case.whole else RECALL.wrap(case.good, case.year)
    bad = case.bad if case.whole else RECALL.wrap(case.bad, case.year)
    assert [(d.code, d.message) for d in RECALL.findings(rules, good)] == []
    assert any(d.code == case.expect for d in RECALL.findings(rules, bad))
