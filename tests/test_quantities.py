"""Counts and measures the number rules add up (document/quantities.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.document.quantities import find_quantities, may_end_with_quantity
from strategies import report_like_text

from support import lint


def counts(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(text)]


def test_counts_in_arabic_and_chinese_numerals():
    assert counts("受理40件，涉及三个社区，约0.39万元") == [(40, "件"), (3, "个"), (0.39, "万元")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ordinals
        ("依照第三十三条修改28条、废止17条", [(28, "条"), (17, "条")]),
        ("第一期培训40人", [(40, "人")]),
        # 个 before a span or a measure
        ("由20个工作日压缩至5个工作日", []),
        ("提高15个百分点", []),
        ("用时1个月", []),
        # a slogan in quotes
        ("围绕“两个确保”研究3个", [(3, "个")]),
    ],
)
def test_ordinals_spans_and_slogans_are_not_counts(text, expected):
    assert counts(text) == expected


def test_a_list_with_ordinals_spans_and_slogans_adds_up():
    # Each was once a false RL202 "与分项之和不符".
    for sentence in (
        "全年举办行政执法人员培训班3期：第一期培训40人，第二期培训45人，第三期培训38人。",
        "清理规范性文件45条：依照《中华人民共和国行政处罚法》第三十三条修改28条、废止17条。",
        "推行告知承诺制事项36个：涉企经营许可事项24个，平均办理时限由20个工作日压缩至5个工作日；"
        "其他行政许可事项12个。",
        "镇党委研究法治建设重大问题6个：围绕“两个确保”研究3个、安全生产2个、信访1个。",
    ):
        assert lint(f"一、主要工作\n{sentence}\n", "sum-consistency") == [], sentence


def test_a_wrong_total_next_to_an_ordinal_is_still_found():
    found = lint(
        "一、主要工作\n清理规范性文件45条：依照第三十三条修改28条、废止15条。\n", "sum-consistency"
    )
    assert [d.code for d in found] == ["RL202"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("胜诉七件、败诉一件、撤诉二件", [(7, "件"), (1, "件"), (2, "件")]),
        ("负责人出庭应诉一次。", [(1, "次")]),
        ("推动一件事一次办", []),
        ("一次性告知，一起研究", []),
        ("对每一件、每一次都跟踪回访", []),
        ("按照“成熟一批、出台一批”的原则", []),
    ],
)
def test_one_in_chinese_is_a_count_only_as_an_item(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年共受理行政复议案件20件。", True),
        ("共收到来信来访87件（次）。", True),
        ("参训人数达1000人以上", True),
        ("组织开展法治培训。", False),
        ("切实履行第一责任人职责；", False),
        ("", False),
    ],
)
def test_whether_a_quantity_may_end_a_sentence(text, expected):
    assert may_end_with_quantity(text) is expected


_ENDINGS = st.sampled_from(
    ["20件", "三个", "87件（次）", "1000人以上", "0.39万元", "职责", "一", ""]
)


@given(report_like_text(max_pieces=8), _ENDINGS, st.sampled_from(["", "。", "；", "，", "）"]))
def test_no_quantity_ends_a_text_said_to_end_without_one(text, ending, mark):
    # The sums rule passes over sentences on this word: it must never hide one.
    text += ending + mark
    if not may_end_with_quantity(text):
        assert all(q.end < len(text) - 1 for q in find_quantities(text))
