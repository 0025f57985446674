"""RL306 congress-numerals: congress and plenum numbers in Chinese numerals, with a fix."""

from __future__ import annotations

import pytest

from reportlint.fix import fix_source
from reportlint.load import decode

from support import builtin_rules, lint, sample_findings

RULE = "congress-numerals"


def found(text):
    return [(d.line, d.column, d.message, d.fix and d.fix.replacement) for d in lint(text, RULE)]


def test_congress_in_arabic_numerals():
    text = "深入学习贯彻党的20大精神。"
    (d,) = lint(text, RULE)
    assert (d.line, d.column, d.end_column) == (1, 9, 12)
    assert d.message == "“20大”是党代会或全会的届次，应使用汉字数字：请改为“二十大”"
    assert d.severity.value == "warning"
    assert text[d.fix.span.start : d.fix.span.end] == "20大"
    assert d.fix.replacement == "二十大"
    # rules/timeliness.yaml: "修改涉及数字，需人确认：--unsafe-fixes 才会自动应用。"
    assert d.fix.safe is False


def test_plenum_in_arabic_numerals():
    assert found("学习二十届3中全会精神。") == [
        (
            1,
            3,
            "“二十届3中全会”是党代会或全会的届次，应使用汉字数字：请改为“二十届三中全会”",
            "二十届三中全会",
        )
    ]
    assert found("学习十九届6中全会精神。") == [
        (
            1,
            3,
            "“十九届6中全会”是党代会或全会的届次，应使用汉字数字：请改为“十九届六中全会”",
            "十九届六中全会",
        )
    ]


def test_session_number_in_arabic_numerals():
    assert found("学习20届三中全会精神。") == [
        (1, 3, "“20届”是党代会或全会的届次，应使用汉字数字：请改为“二十届”", "二十届")
    ]
    assert found("学习贯彻20届中央纪委三次全会精神。") == [
        (1, 5, "“20届”是党代会或全会的届次，应使用汉字数字：请改为“二十届”", "二十届")
    ]


def test_every_occurrence_in_a_paragraph():
    assert found("学习党的19大和十九届5中全会精神，学习党的20大精神。") == [
        (1, 5, "“19大”是党代会或全会的届次，应使用汉字数字：请改为“十九大”", "十九大"),
        (
            1,
            9,
            "“十九届5中全会”是党代会或全会的届次，应使用汉字数字：请改为“十九届五中全会”",
            "十九届五中全会",
        ),
        (1, 23, "“20大”是党代会或全会的届次，应使用汉字数字：请改为“二十大”", "二十大"),
    ]


def test_full_width_digits_are_reported_without_a_fix():
    # The view reads ２０ as 20; the fix would rewrite characters the message does not show.
    (d,) = lint("学习党的２０大精神。", RULE)
    assert (
        d.message == "“20大”是党代会或全会的届次，应使用汉字数字：请改为“二十大”" and d.fix is None
    )


def fixed(text, unsafe):
    source = decode(text.encode("utf-8"), "report.txt")
    return fix_source(source, builtin_rules().selected(select=(RULE,)), unsafe=unsafe)


def test_fixes_are_applied_only_with_unsafe_fixes():
    text = "学习党的19大和十九届5中全会精神，学习党的20大和20届3中全会精神。\n"
    assert fixed(text, unsafe=False).text == text
    outcome = fixed(text, unsafe=True)
    assert (
        outcome.text == "学习党的十九大和十九届五中全会精神，学习党的二十大和二十届三中全会精神。\n"
    )
    # "20届3中全会" takes two passes: 20届 first, then 二十届3中全会.
    assert outcome.applied == 5
    assert outcome.remaining == []


@pytest.mark.slow
def test_seeds_synthetic_samples_and_clean_sample_are_quiet():
    assert sample_findings(RULE) == {}
