"""Every built-in rule's YAML examples behave as stated; a user's pack is checked on load."""

from __future__ import annotations

import pytest

from reportlint.checks import RuleError, load_pack_text

from support import builtin_rules


@pytest.mark.parametrize("rule", builtin_rules().rules, ids=lambda r: r.code)
def test_builtin_examples_behave(rule):
    assert rule.example_problems() == []


PACK = """rules:
  - code: X401
    name: no-xyz
    kind: existence
    severity: warning
    message: 不要写“{match}”
    params:
      patterns: ["法制政府"]
    examples:
      invalid: ["建设法制政府。"]
      valid: ["建设法治政府。", "推进法制政府建设。"]
"""


def test_example_that_is_flagged_but_should_not_be_fails_the_load():
    with pytest.raises(RuleError) as info:
        load_pack_text(PACK, "mine.yaml", verify_examples=True)
    assert (info.value.line, info.value.rule, info.value.key) == (11, "X401", "examples.valid[1]")


def test_examples_are_not_run_unless_asked():
    assert [r.code for r in load_pack_text(PACK, "mine.yaml")] == ["X401"]


def test_examples_must_be_lists_of_text():
    with pytest.raises(RuleError) as info:
        load_pack_text(
            PACK.replace('invalid: ["建设法制政府。"]', "invalid: 建设法制政府"), "mine.yaml"
        )
    assert info.value.key == "examples.invalid"
