"""RL309 event-date-interpunct: 12·4, 3·15, 6·26 as names of days take the interpunct."""

from __future__ import annotations

import pytest

from reportlint.fix import fix_source
from reportlint.load import decode

from support import SAMPLES, builtin_rules, lint, lint_file, sample_findings

RULE = "event-date-interpunct"


def found(text):
    return [
        (d.column, d.message, d.fix and d.fix.replacement, d.fix and d.fix.safe)
        for d in lint(text, RULE)
    ]


def test_a_quoted_day_with_a_full_stop():
    assert found("利用“12.4”国家宪法日开展宣传。") == [
        (4, "“12.4”表示节日或事件，月和日之间应用间隔号：请改为“12·4”", "12·4", True)
    ]
    assert [c for c, *_ in found("结合“3·15”、“6.26”、“12.4”等特定普法节日开展宣传。")] == [11, 18]
    # A full-width full stop: reported, not fixed (the view folded it; substitution fixes
    # only text the view shows as typed).
    assert found("利用“6．26”国际禁毒日开展宣传。") == [
        (4, "“6.26”表示节日或事件，月和日之间应用间隔号：请改为“6·26”", None, None)
    ]
    assert len(found("在“12.4”前后开展宪法宣传周活动。")) == 1


def test_an_unquoted_day_before_its_name():
    assert found("在12.4国家宪法日当天组织宪法宣誓。") == [
        (2, "“12.4”表示节日或事件，月和日之间应用间隔号：请改为“12·4”", "12·4", True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "利用“12·4”国家宪法日、“3·15”消费者权益日开展宣传。",
        "群众满意度测评得分由“3.5”分提高到“4.2”分。",
        "全年“4.5”万人次参与普法宣传活动。",
        "2023.12.4国家宪法日当天开展宣传。",
        "绿化面积达4.5万平方米。",
        "发放资料“1.2”万份。",
    ],
)
def test_quiet(text):
    assert found(text) == [], text


def test_fixed_by_fix():
    text = (
        "某镇2023年法治政府建设情况报告\n2023年，利用“12.4”国家宪法日、“6.26”国际禁毒日开展宣传。"
    )
    source = decode(text.encode("utf-8"), "report.txt")
    rules = builtin_rules().selected(select=(RULE,))
    assert fix_source(source, rules).text == text.replace("12.4", "12·4").replace("6.26", "6·26")


@pytest.mark.slow
def test_samples_are_quiet():
    assert sample_findings(RULE) == {}
    for path in sorted((SAMPLES / "clean").glob("*.txt")):
        assert lint_file(path, RULE) == [], path.name
