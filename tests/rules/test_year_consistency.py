"""RL301 year-consistency: title, opening, next-year plan and publication date agree on the year."""

from __future__ import annotations

import pytest

from support import document, lint, lint_doc, sample_findings, seed

RULE = "year-consistency"

TITLE = "某镇2023年法治政府建设情况报告\n2023年，我镇坚持依法行政。\n一、主要工作\n依法行政。\n"
PLAN_2023 = "下一年度安排中写的是“2023年”，本报告是2023年度，安排的应是2024年：请核对年份"


def found(text):
    return [(d.line, d.column, d.message) for d in lint(text, RULE)]


def test_plan_heading_that_names_the_report_year():
    (d,) = lint(TITLE + "二、2023年工作计划\n继续推进法治政府建设。", RULE)
    assert (d.line, d.column, d.end_column) == (5, 1, 12)
    assert d.source_line[d.column - 1 : d.end_column - 1] == "二、2023年工作计划"
    assert d.message == PLAN_2023
    assert d.severity.value == "warning" and d.fix is None


def test_plan_sentence_that_names_the_report_year():
    text = TITLE + "二、下一步工作打算\n巩固已有成果。2023年，我镇将继续推进。"
    assert found(text) == [(6, 8, PLAN_2023)]
    # In a sub-heading of the plan too: the whole chapter is the plan.
    text = TITLE + "二、下一步工作打算\n（一）加强学习。2023年将继续推进。"
    assert found(text) == [(6, 9, PLAN_2023)]


def test_plan_sentence_that_opens_a_paragraph():
    text = TITLE + "二、下一步工作打算\n2023年，我镇将继续推进法治政府建设。"
    assert found(text) == [(6, 1, PLAN_2023)]


def test_plan_heading_and_plan_sentence_both_reported():
    text = "某镇2023年法治政府建设情况报告\n一、主要工作\n依法行政。\n二、2023年工作计划\n2023年，我镇将继续推进。"
    assert found(text) == [(4, 1, PLAN_2023), (5, 1, PLAN_2023)]


def test_a_plan_for_the_next_year_is_quiet():
    text = TITLE + "二、2024年工作计划\n2024年，我镇将巩固2023年成果，继续推进。"
    assert found(text) == []
    text = (
        TITLE + "二、下一年度推进法治政府建设的主要安排\n巩固2023年成果。2024年，我镇将继续推进。"
    )
    assert found(text) == []


def test_years_in_quoted_titles_and_in_sub_headings_are_not_the_plan_year():
    # A document title in the plan heading names its own year.
    assert found(TITLE + "二、落实《某区2023年法治工作要点》的打算\n继续推进。") == []
    # "（一）2023年工作计划完成情况" under the measures is a review, not the plan chapter.
    text = TITLE.replace("依法行政。\n", "（一）2023年工作计划完成情况\n依法行政。\n") + (
        "二、2024年工作安排\n继续推进。"
    )
    assert found(text) == []


@pytest.mark.parametrize(
    "heading",
    [
        "二、2023年度存在的不足和下一步工作打算",
        "二、2023年工作总结及2024年工作计划",
    ],
    ids=["shortcomings-and-plan", "summary-and-plan"],
)
def test_combined_heading_that_names_the_report_year_for_the_review(heading):
    assert found(TITLE + heading + "\n宣传不够。") == []


def test_title_year_and_opening_year_disagree():
    (d,) = lint(
        "某镇2023年法治政府建设情况报告\n2022年，我镇坚持依法行政。\n一、主要工作\n依法行政。", RULE
    )
    assert (d.line, d.column, d.end_column) == (2, 1, 6)
    assert d.message == "标题写的是2023年度，开头却写“2022年”：请核对报告年度"
    assert d.severity.value == "warning"


def test_title_year_and_opening_year_agree():
    assert found("某镇2023年法治政府建设情况报告\n2023年，我镇坚持依法行政。") == []
    assert found("某镇2023年法治政府建设情况报告\n2023年度，我镇坚持依法行政。") == []
    # No year in the title: the opening is the report year, nothing to compare.
    assert found("某镇法治政府建设情况报告\n2022年，我镇坚持依法行政。") == []


def test_seed_004_published_after_the_deadline():
    text = seed(4).read_text(encoding="utf-8")
    assert "发布日期: 2024-03-26" in text
    (d,) = lint(text.replace("发布日期: 2024-03-26", "发布日期: 2024-05-26"), RULE)
    assert (d.line, d.column, d.end_column) == (4, 1, 5)
    assert d.source_line.startswith("发布日期: 2024-05-26")
    assert d.message == (
        "网页发布日期为2024年5月26日，晚于2023年度报告的公开期限（2024年4月1日之前）：请核对或说明"
    )


def test_seed_001_generated_after_the_deadline_points_at_the_key():
    text = seed(1).read_text(encoding="utf-8")
    (d,) = lint(text.replace("生成日期 2024-01-17", "生成日期 2024-04-15"), RULE)
    assert (d.line, d.column, d.end_column) == (5, 29, 33)
    assert d.source_line[d.column - 1 : d.end_column - 1] == "生成日期"
    assert d.message == (
        "网页生成日期为2024年4月15日，晚于2023年度报告的公开期限（2024年4月1日之前）：请核对或说明"
    )


def page(published):
    return (
        "当前位置:首页 > 政务公开\n\n"
        "某镇2023年法治政府建设情况报告\n"
        f"发布日期: {published} 17:24      来源: 某镇\n\n"
        "2023年，我镇坚持依法行政。\n一、主要工作\n依法行政。"
    )


def test_deadline_is_before_1_april():
    assert document(page("2024-05-26")).metadata == {"发布日期": "2024-05-26"}
    assert found(page("2024-03-31")) == []
    assert [line for line, _, _ in found(page("2024-04-01"))] == [4]
    assert [line for line, _, _ in found(page("2024-05-26"))] == [4]


def test_publication_date_when_the_year_comes_from_the_opening():
    text = page("2024-05-26").replace("某镇2023年法治", "某镇法治")
    assert document(text).year_source == "opening"
    assert [line for line, _, _ in found(text)] == [4]


UNKNOWN = "无法确定报告年度"


def test_report_year_that_cannot_be_determined_is_said_once():
    text = (
        "我镇坚持依法行政。\n一、主要工作\n依法行政。\n二、2023年工作计划\n2023年，我镇将继续推进。"
    )
    assert document(text).report_year is None
    (d,) = lint(text, RULE)
    assert d.severity.value == "info" and d.message.startswith(UNKNOWN)
    assert "--report-year" in d.message and "RL302" in d.message
    text = page("2030-05-26").replace("某镇2023年法治", "某镇法治").replace("2023年，", "")
    assert document(text).report_year is None
    assert [m for _, _, m in found(text)] == [m for _, _, m in found(text) if m.startswith(UNKNOWN)]


def test_a_year_given_from_outside_checks_what_the_text_could_not_date():
    text = (
        "我镇坚持依法行政。\n一、主要工作\n依法行政。\n二、2023年工作计划\n2023年，我镇将继续推进。"
    )
    doc = document(text)
    doc.report_year, doc.year_source = 2023, "config"
    messages = [d.message for d in lint_doc(doc, RULE)]
    assert messages and set(messages) == {PLAN_2023}


def test_the_year_is_read_from_the_opening_a_stated_report_or_the_first_chapter():
    assert (
        document("法治是治国之重器。2022年，在市委领导下，全县推进依法行政。").report_year == 2022
    )
    stated = "根据督察工作规定，现将市人社局2022年法治政府建设情况报告如下。\n一、主要工作"
    assert document(stated).report_year == 2022
    assert document("一、2021年主要工作\n（一）深入学习。全县推进依法行政。").report_year == 2021
    # Not a year of something else: a survey quoted by name, a span of years.
    quoted = "一年来，全县在“2021年法治甘肃建设群众满意度调查”工作中排名第二。"
    assert document(quoted).report_year is None
    # Not a span of years, nor a year named inside a sentence.
    assert document("2021—2025年，全县推进依法行政。").report_year is None
    assert document("全县自2021年以来推进依法行政。").report_year is None


def test_an_opening_since_the_year_names_the_report_year():
    # Review 3 (016): "2024年以来，县自然资源局…"; every annotated real opening so
    # written named the report's own year.
    doc = document("2021年以来，全县推进依法行政。\n一、主要工作\n依法行政。")
    assert (doc.report_year, doc.year_source) == (2021, "opening")
    # The title still comes first.
    doc = document("某镇2023年法治政府建设情况报告\n2022年以来，我镇持续推进依法行政。")
    assert (doc.report_year, doc.year_source) == (2023, "title")


def test_a_title_sending_a_report_is_dated_by_the_report_it_sends():
    # Review 3 (038): the year is only inside the 书名号 of the title and of the letter.
    letter = (
        "关于报送《某区财政局2023年度法治政府建设情况报告》的报告\n某区法治政府建设领导小组办公室：\n"
        "我局拟写了《某区财政局2023年度法治政府建设情况报告》，请审阅。\n"
    )
    assert (document(letter).report_year, document(letter).year_source) == (2023, "title")
    # A title that issues another kind of document names no report's year.
    notice = "关于印发《某区2024年普法工作要点》的通知\n各镇街：\n现印发给你们，请认真贯彻执行。\n"
    assert document(notice).report_year is None


def test_seeds_synthetic_samples_and_clean_sample_are_quiet():
    # Seed 004 (2023) plans "四、2024年推进法治工作计划" and was published 2024-03-26;
    # seed 001 (2023) was generated 2024-01-17.
    assert sample_findings(RULE) == {}


def test_seed_004_plan_heading_with_the_report_year_is_flagged():
    text = seed(4).read_text(encoding="utf-8")
    (d,) = lint(text.replace("四、2024年推进法治工作计划", "四、2023年推进法治工作计划"), RULE)
    assert (d.line, d.column, d.end_column) == (73, 5, 20)
    assert d.message == PLAN_2023


def test_a_plan_for_a_year_already_past_is_an_error():
    text = (
        "某镇2023年法治政府建设情况报告\n2023年，我镇坚持依法行政。\n一、主要工作\n依法行政。\n"
        "二、2022年工作计划\n继续推进。\n"
    )
    (d,) = lint(text, "year-consistency")
    assert d.severity.value == "error" and d.line == 5
    assert d.message.startswith("下一年度安排中写的是已经过去的“2022年”")


def test_an_opening_that_names_where_a_period_began_is_quiet():
    text = "某镇2023年法治政府建设情况报告\n2022年以来，我镇持续推进依法行政。\n一、主要工作\n依法行政。\n"
    assert lint(text, "year-consistency") == []


def test_work_points_carried_out_this_year_are_not_the_plan():
    # Found by a false-positive hunt (13_county_hrss): a review chapter, not a plan.
    text = "某局2023年法治政府建设情况报告\n2023年，我局坚持依法行政。\n一、2023年法治政府建设工作要点落实情况\n依法行政。\n"
    assert found(text) == []
    assert found(text.replace("要点落实情况", "要点")) == [(3, 1, PLAN_2023)]


def test_key_work_heading_is_a_plan_whose_year_is_checked():
    assert found(TITLE + "二、2024年重点工作\n继续推进法治政府建设。") == []
    # The report year's own 重点工作 is its measures, not a plan (reviewer, mini/m10):
    # closing the report, it leaves the plan missing, which RL101 reports.
    assert found(TITLE + "二、2023年重点工作\n继续推进法治政府建设。") == []
    assert found(TITLE + "二、2023年重点工作完成情况\n全面完成。") == []
    # A plan heading of another kind with the report year is still checked.
    assert found(TITLE + "二、2023年工作安排\n继续推进法治政府建设。") == [(5, 1, PLAN_2023)]


PLAN_2024 = "下一年度安排中写的是“2024年”，本报告是2024年度，安排的应是2025年：请核对年份"
TITLE_2024 = (
    "某镇2024年法治政府建设情况报告\n2024年，我镇坚持依法行政。\n一、主要工作\n依法行政。\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年要求整改的9个问题，将在2025年6月底前全部整改到位。",
        "2024年计划完成但因上级政策调整顺延的2项任务，将于2025年上半年完成。",
        "2024年继续教育学时不足的执法人员，将于次年一季度前补足。",
    ],
    ids=["required-fixes", "tasks-carried-over", "continuing-education"],
)
def test_a_year_that_dates_a_past_item_in_the_plan_is_quiet(sentence):
    # Found by a false-positive hunt (fp-numbers y01–y03, y08).
    assert found(TITLE_2024 + "二、下一步工作打算\n" + sentence) == []


def test_a_past_item_before_the_next_years_plan_in_a_2023_report_is_quiet():
    text = TITLE + "二、下一步工作打算\n2023年要求整改的问题已全部销号，2024年将巩固整改成效。"
    assert found(text) == []


def test_a_plan_that_names_the_report_year_beside_such_items_is_still_flagged():
    plan = TITLE_2024 + "二、下一步工作打算\n"
    assert found(plan + "2024年要加强执法人员继续教育。") == [(6, 1, PLAN_2024)]
    assert found(plan + "2024年继续推进执法人员继续教育。") == [(6, 1, PLAN_2024)]
    assert found(plan + "2024年，我镇将全部整改到位2023年要求整改的问题。") == [(6, 1, PLAN_2024)]


def test_the_report_years_key_work_heading_is_not_the_plan():
    # Reviewer (mini/m10): "一、2024年度法治政府建设重点工作" in a 2024 report.
    for heading in ("一、2024年度法治政府建设重点工作", "一、2024年度法治政府建设的主要举措"):
        text = TITLE_2024.replace("一、主要工作", heading) + "二、2025年工作安排\n继续推进。"
        assert found(text) == [], heading


def test_a_next_year_inside_a_title_or_brackets_is_not_the_plans_year():
    # Reviewer (mini/m7): the 2025 of the 纲要's title does not date the plan.
    plan = TITLE_2024 + "二、下一步工作打算\n"
    sentence = "2024年，我镇将对照《法治政府建设实施纲要（2021—2025年）》继续推进。"
    assert found(plan + sentence) == [(6, 1, PLAN_2024)]
    assert found(plan + "2024年，我镇将对照上级部署（2025年版）继续推进。") == [(6, 1, PLAN_2024)]
    # Nor one that qualifies a noun: "围绕2025年目标任务" says what, not when.
    assert found(plan + "2024年，我镇将围绕2025年目标任务，重点抓好以下工作。") == [
        (6, 1, PLAN_2024)
    ]
    # The earlier false positives stay quiet: the next year says when (fp-numbers y07).
    sentence = "2024年全镇将建成的6个村级法治文化阵地已全部投入使用，2025年力争再建3个。"
    assert found(plan + sentence) == []


def test_a_plan_that_opens_with_requirements_or_training_for_the_report_year():
    # Reviewer (cases/y_plan_yaoqiu, y_plan_jixujiaoyu): plan statements, wrong year.
    plan = TITLE_2024 + "二、下一步工作打算\n"
    assert found(plan + "2024年要求全镇执法人员全部持证上岗，重点抓好以下工作。") == [
        (6, 1, PLAN_2024)
    ]
    assert found(plan + "2024年继续教育执法人员，重点抓好以下工作。") == [(6, 1, PLAN_2024)]
    # A modifier of a past item (…的) is not (fp-numbers y02, y03).
    assert found(plan + "2024年要求整改的问题，年内全部销号。") == []
    assert found(plan + "2024年继续教育学时不足的执法人员，将于次年一季度前补足。") == []


def test_a_look_back_in_the_plan_chapter_is_no_plan_sentence():
    # Hunt 21 (fp09): 将 as 把, and the act is done (了).
    plan = "二、下一步工作打算\n2023年，我镇将法治建设纳入村（社区）年度综合考核，取得了较好效果。"
    assert found(TITLE + plan) == []
    # 了解 and 已有 are no look back.
    for sentence in (
        "2023年，我镇将深入了解群众法治需求。",
        "2023年将巩固已有成果。",
        "2023年，我镇将巩固已取得的法治建设成果。",
        "2023年，我镇将在已完成普法规划的基础上推动矛盾纠纷案结事了。",
    ):
        assert len(found(TITLE + "二、下一步工作打算\n" + sentence)) == 1, sentence


def test_recall_a_measures_heading_or_a_plan_for_another_year():
    # Recall check: "一、2022年…主要举措和成效" copied into a 2023 report, and a plan
    # heading two years ahead.
    text = (
        "某镇2023年法治政府建设情况报告\n一、2022年推进法治政府建设的主要举措和成效\n依法行政。\n"
    )
    (message,) = [m for *_, m in found(text)]
    assert "主要举措和成效" in message and "2022年" in message
    text = TITLE + "二、2025年工作计划\n继续推进法治政府建设。"
    (message,) = [m for *_, m in found(text)]
    assert "2025年" in message and "2024年" in message
    ok = "某镇2023年法治政府建设情况报告\n一、2023年度法治政府建设重点工作\n依法行政。\n"
    assert found(ok) == []


def test_after_review_of_the_recall_multi_year_reports_follow_ups_and_ranges():
    multi = (
        "某县2024年法治政府建设情况报告\n一、2023年度主要工作成效\n依法行政。\n"
        "二、2024年度主要工作成效\n依法行政。\n三、2023年度督察反馈问题整改工作开展情况\n整改到位。\n"
    )
    assert found(multi) == []
    for heading in ("二、2024—2026年推进法治政府建设的主要安排", "二、2024年及2025年工作计划"):
        assert found(TITLE + heading + "\n继续推进法治政府建设。") == [], heading
