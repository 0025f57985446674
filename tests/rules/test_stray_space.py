"""RL411 stray-space: spaces inside Chinese text, in the forms real reports carry."""

from __future__ import annotations

import pytest

from support import clean_text, lint

RULE = "stray-space"


def spaces(body: str) -> list[tuple[str, str]]:
    """(before, after) of each flagged space, its text as typed."""
    text = f"青岚县望溪镇2024年法治政府建设情况报告\n{body}\n"
    pairs = []
    for d in lint(text, RULE):
        assert d.fix is not None and d.fix.safe and d.fix.replacement == ""
        start, end = d.fix.span
        assert text[start:end] and not text[start:end].strip()
        pairs.append((text[start - 2 : start], text[end : end + 2]))
    return pairs


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("2025 年，我镇坚持依法行政。", [("25", "年，")]),
        ("全年作出行政处罚 41起，罚没款3.2万元。", [("处罚", "41")]),
        ("共受理举报问题 16 件，均已办结。", [("问题", "16"), ("16", "件，")]),
        ("完善长效机制, 着眼常态管理。", [("制,", "着眼")]),
        ("落实“谁执法谁普法” 扎实做好普法工作。", [("法”", "扎实")]),
        ("在区委、 区政府的领导下，推进依法行政。", [("委、", "区政")]),
        ("（一） 加强组织领导。镇党委定期研究法治工作。", [("一）", "加强")]),
        ("1. 认真组织学习。全年集中学法12次。", [("1.", "认真")]),
        # a PDF's line wrap left inside a word
        ("深入推进法 治政府建设，营造良好法治环境。", [("进法", "治政")]),
        ("全年办结 100% 的群众诉求。", [("办结", "10"), ("0%", "的群")]),
    ],
)
def test_a_stray_space_is_reported_with_a_safe_fix(body: str, expected: list[tuple[str, str]]):
    assert spaces(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # spaces the writer meant
        "我镇组织学习《中共中央办公厅 国务院办公厅关于加强法治建设的意见》，开展研讨。",
        "在县委 县政府的领导下，我镇推进依法行政。",
        "深入开展“尊法 学法 守法 用法”主题宣传，覆盖群众3000余人。",
        "坚持高位推动　法治政府建设责任不断强化",
        "镇党委书记 刘 军",
        "一　加强组织领导",
        # Latin, numbers, tables
        "全镇完成Windows 10 系统升级，推进网上办案。",
        "上线APP 以来，群众办事更加便捷。",
        "类别\t件数\t占比",
        "一 来信 12",
        "行政处罚    41    38    92.7%",
        "罚没款共计1 250元，已全部上缴。",
    ],
)
def test_a_space_that_is_meant_is_left_alone(body: str):
    assert spaces(body) == []


def test_the_clean_report_is_quiet_and_the_title_is_another_rules_business():
    assert lint(clean_text(), RULE) == []
    assert lint("青岚县望溪镇 2024年法治政府建设情况报告\n2024年，我镇推进依法行政。\n", RULE) == []
