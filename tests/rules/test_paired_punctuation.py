"""RL401 paired-punctuation: quotation marks, book-title marks and brackets in pairs."""

from __future__ import annotations

import copy

from hypothesis import example, given
from hypothesis import strategies as st

from reportlint.checks import RuleSet
from reportlint.checks.pairs import Pairs

from support import clean_text, lint, lint_file, seed

RULE = "paired-punctuation"


def found(text):
    return [(d.line, d.column, d.message) for d in lint(text, RULE)]


def test_seed_001_closing_quote_without_its_opening():
    # "将法治宣传与桃花节”“荷花节等主题节日": the “ before 桃花节 and the ” after 荷花节 were lost.
    (d,) = lint_file(seed(1), RULE)
    assert (d.line, d.column, d.end_column) == (23, 41, 42)
    assert d.source_line[d.column - 1] == "”"
    assert d.source_line[d.column - 10 : d.column + 2] == "将法治宣传与桃花节”“荷"
    assert d.message == "这里的 ” 前面缺少对应的 “：请补上或删去"
    assert d.severity.value == "error" and d.fix is None


def test_seed_004_book_title_closed_without_being_opened():
    # "完善了杭州道街“三重一大”决策制度》《杭州道街党工委议事规则》": the first 《 is missing.
    (d,) = lint_file(seed(4), RULE)
    assert (d.line, d.column) == (67, 167)
    assert d.source_line[d.column - 6 : d.column + 1] == "”决策制度》《"
    assert d.message == "这里的 》 前面缺少对应的 《：请补上或删去"


def test_other_seeds_and_the_clean_sample_are_quiet():
    for n in (0, 2, 3):
        assert lint_file(seed(n), RULE) == []
    assert lint(clean_text(), RULE) == []


def test_unclosed_mark_is_reported_where_it_opens():
    assert found("制定《重大行政决策程序规定》《重大决策制度。") == [
        (1, 15, "这里的 《 后面缺少对应的 》：请补上或删去")
    ]
    assert found("学习《中华人民共和国宪法（修正案）》及相关规定（详见附件。") == [
        (1, 24, "这里的 （ 后面缺少对应的 ）：请补上或删去")
    ]


def test_mark_closed_inside_another_pair_is_a_mismatch():
    assert found("学习《宪法（修正案》）。") == [
        (1, 6, "这里的 （ 还没有闭合就出现了 》：请检查这两个符号")
    ]


def test_quotation_inside_quotation_must_use_single_quotes():
    assert found("开展“送“法”下乡”活动。") == [(1, 5, "这里的 “ 里又用了 “：内层应改用 ‘")]
    assert found("学习《关于学习宣传《民法典》的通知》。") == [
        (1, 10, "这里的 《 里又用了 《：内层应改用 〈")
    ]


def test_only_the_first_problem_of_a_paragraph_is_reported():
    assert found("学习《宪法》《民法典。开展宪法宣传（共12场。") == [
        (1, 7, "这里的 《 后面缺少对应的 》：请补上或删去")
    ]
    # ...but every paragraph gets its own.
    assert found("学习《民法典。\n开展“送法下乡。") == [
        (1, 3, "这里的 《 后面缺少对应的 》：请补上或删去"),
        (2, 3, "这里的 “ 后面缺少对应的 ”：请补上或删去"),
    ]


def test_quotation_over_several_paragraphs_is_quiet():
    # GB/T 15834 4.1.3.3: each paragraph opens with “, only the last one closes.
    text = (
        "习近平总书记指出：\n"
        "　　“法治是最好的营商环境。\n"
        "\n"
        "　　“要坚持依法治国、依法执政、依法行政共同推进。”\n"
        "我镇认真贯彻落实。"
    )
    assert found(text) == []


def test_paragraph_that_continues_a_quotation_without_opening_mark_is_flagged():
    assert found("习近平总书记指出：“法治是最好的营商环境。\n要坚持依法治国。”") == [
        (1, 10, "这里的 “ 后面缺少对应的 ”：请补上或删去"),
        (2, 9, "这里的 ” 前面缺少对应的 “：请补上或删去"),
    ]


def test_list_markers_with_only_a_closing_bracket_are_quiet():
    assert found("重点做好以下工作：1）完善制度；2）加强培训；a)落实责任。") == []
    assert found("一、主要工作\n1）完善制度。\n2）加强培训。\n1）严格程序。") == []
    # A closing bracket that is not a list marker is still checked.
    assert found("一是完善制度）。") == [(1, 7, "这里的 ） 前面缺少对应的 （：请补上或删去")]


def test_half_width_brackets_pair_like_full_width_ones():
    # Which width is right is punctuation-width's business.
    assert found("依托村(居)法律顾问制度和公共法律服务体系建设。") == []
    assert found("围绕《天津市法治政府建设实施纲要(2021-2025 年)》推进工作。") == []
    assert found("开展宪法宣传（共12场)。") == []
    # The message names the mark as it was typed.
    assert found("开展宪法宣传(共12场。") == [(1, 7, "这里的 ( 后面缺少对应的 ）：请补上或删去")]


def test_pinyin_noise_and_dates_in_quotes_are_quiet():
    assert found("2024年,金花街道在區(qū)委、區(qū)政府的正確領(lǐng)導(dǎo)下推进工作。") == []
    assert (
        found("开展“3.8”妇女维权、“3·15”国际消费者权益日、“12·4”国家宪法日等主题宣传活动。") == []
    )


def test_a_paragraph_that_does_not_start_a_quotation_must_close_its_quote():
    text = "一、主要工作\n开展“送法下乡活动。\n“枫桥经验”在我镇推广。\n"
    assert found(text) == [(2, 3, "这里的 “ 后面缺少对应的 ”：请补上或删去")]


def test_a_second_opening_quote_after_an_unclosed_one_is_reported_as_unclosed():
    assert found("开展“送法下乡活动，推广“枫桥经验”。") == [
        (1, 3, "这里的 “ 后面缺少对应的 ”：请补上或删去")
    ]
    assert found("开展“送“法”下乡”活动。") == [(1, 5, "这里的 “ 里又用了 “：内层应改用 ‘")]


def test_a_quotation_introduced_by_a_colon_may_run_over_paragraphs():
    text = "一、主要工作\n县委书记强调：“一要提高政治站位。\n“二要压实工作责任。”\n"
    assert found(text) == []


@given(
    st.text(st.sampled_from("“”‘’《》（）()〈〉【】法1、：as"), max_size=24),
    st.sampled_from(["", "“", "法"]),
)
@example("‘a’s‘a’", "")  # an apostrophe (an exception) closes nothing: ‘ is left open
def test_marks_closed_in_turn_pass_without_the_walk_and_alike(text, next_start):
    # A paragraph whose marks each close before the next opens skips the walk
    # through them; the walk must find nothing there either.
    (rule,) = [r for r in RuleSet.load().rules if r.code == "RL401"]
    kind = rule.check
    assert isinstance(kind, Pairs)
    walked = copy.copy(kind)
    walked.flat = None
    same = text.replace("(", "（").replace(")", "）")
    assert kind._first_problem(same, next_start) == walked._first_problem(same, next_start)


def test_marks_closed_in_turn_are_quiet_and_a_turned_pair_is_not():
    assert found("某镇报告\n学习《宪法》“七五”普法（试行）。\n") == []
    assert found("某镇报告\n学习》宪法《。\n")
