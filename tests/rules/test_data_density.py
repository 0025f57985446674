"""RL305 data-density (off by default): a long measures section without concrete figures."""

from __future__ import annotations

import pytest

from support import (
    builtin_rules,
    codes,
    document,
    lint,
    sample_findings,
)

RULE = "data-density"

# 59 characters of the vague prose evaluators complain about.
VAGUE = "我镇高度重视法治政府建设，坚持把法治建设摆在重要位置，统筹谋划、扎实推进各项工作，取得了明显成效，群众满意度不断提升。"
TAIL = "\n二、存在的不足\n宣传不够。"


def measures(body, heading="一、主要举措和成效"):
    return f"{heading}\n{body}{TAIL}"


def found(text):
    return [(d.line, d.column, d.message) for d in lint(text, RULE)]


def message(chars, count=0):
    return (
        f"“主要举措和成效”部分{chars}字中只有{count}个具体数字（每千字少于2个）："
        "可补充次数、件数、比例等成效数据"
    )


def test_long_vague_measures_section_is_a_hint():
    assert len(VAGUE) == 59
    (d,) = lint(measures(VAGUE * 6), RULE)
    assert (d.line, d.column, d.end_column) == (1, 1, 10)
    assert d.message == message(365)
    assert d.severity.value == "info" and d.fix is None


def test_off_by_default_and_on_when_selected():
    doc = document(measures(VAGUE * 6))
    assert "RL305" not in codes(builtin_rules().selected().run(doc))
    assert "RL305" in codes(builtin_rules().selected(extend_select=("data-density",)).run(doc))
    assert codes(lint(measures(VAGUE * 6), "RL305")) == ["RL305"]
    assert codes(lint(measures(VAGUE * 6), "data-density")) == ["RL305"]


def test_lint_helper_without_selection_leaves_disabled_rules_out():
    assert "RL305" not in codes(lint(measures(VAGUE * 6)))


def test_section_under_the_minimum_length_is_not_judged():
    # Heading, 5 x 59 and both line breaks: 306 characters, judged; with 4 x 59: 247, not.
    assert found(measures(VAGUE * 5)) == [(1, 1, message(306))]
    assert found(measures(VAGUE * 4)) == []


def test_section_with_figures_is_quiet():
    body = "全年开展普法活动23场次，受理行政复议案件12件，办结12件，出庭应诉5次。"
    assert found(measures(body)) == []
    # One figure in 555 characters is below 2 per 1,000; two are enough.
    assert found(measures(VAGUE * 9 + "全年开展普法活动23场次。")) == [(1, 1, message(555, 1))]
    assert found(measures(VAGUE * 9 + "全年开展普法活动23场次，受理行政复议案件12件。")) == []
    # One is enough in a section of up to 500 characters.
    assert found(measures(VAGUE * 5 + "全年开展普法活动23场次。")) == []


def test_chinese_numerals_count_and_years_do_not():
    assert found(measures(VAGUE * 3 + "共开展活动二十三场次，发放资料三千份。" + VAGUE * 3)) == []
    assert found(measures(VAGUE * 3 + "2023年，" + VAGUE * 3)) == [(1, 1, message(371))]


def test_percentages_count_as_figures():
    assert found(measures(VAGUE * 6 + "行政复议案件办结率100%，群众满意率98%。")) == []


def test_whole_chapter_with_sub_headings_is_judged_once():
    body = "（一）加强组织领导\n" + VAGUE * 3 + "\n（二）推进依法行政\n" + VAGUE * 3
    assert found(measures(body)) == [(1, 1, message(386))]


def test_other_measures_headings_and_other_chapters():
    (d,) = lint(measures(VAGUE * 6, "一、2023年法治政府建设工作开展情况"), RULE)
    assert d.source_line == "一、2023年法治政府建设工作开展情况"
    assert d.message.startswith("“2023年法治政府建设工作开展情况”部分")
    # The shortcomings chapter is not the measures.
    assert found(f"一、存在的不足\n{VAGUE * 6}\n二、下一步工作打算\n继续推进。") == []


def test_inside_a_full_report():
    text = "某镇2023年法治政府建设情况报告\n2023年，我镇坚持依法行政。\n" + measures(VAGUE * 6)
    assert found(text) == [(3, 1, message(365))]


@pytest.mark.slow
def test_seeds_synthetic_samples_and_clean_sample_are_quiet():
    assert sample_findings(RULE) == {}
