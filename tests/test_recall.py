"""The number rules' recall on their one-defect corpus (bench/corpora/numbers.yaml):
at least 95% of the planted defects found, no finding on a consistent twin or a
clean sample."""

from __future__ import annotations

from pathlib import Path

from support import recall_module

ROOT = Path(__file__).resolve().parents[1]


def test_numbers_corpus_recall_and_no_false_findings():
    recall = recall_module()
    per_class, samples, _ = recall.run_family(
        ROOT / "bench" / "corpora" / "numbers.yaml", None, False
    )
    caught = sum(t.caught for t in per_class.values())
    bad = sum(t.bad for t in per_class.values())
    assert bad >= 400
    assert caught / bad >= 0.95, {c: (t.caught, t.bad) for c, t in per_class.items()}
    assert {c: t.false_cases for c, t in per_class.items() if t.false_cases} == {}
    assert sum(samples.values()) == 0
