"""RL101 required-sections: statutory parts as headings; passing mentions do not count."""

from __future__ import annotations

import pytest

from support import clean_text, lint

MEASURES = "一、主要举措和成效\n（一）规范文明执法\n2023年实施行政处罚41起。\n"
DUTY = "二、履行推进法治建设第一责任人职责情况\n街道党工委书记、办事处主任带头学法，听取法治建设工作汇报2次。\n"
SHORTCOMINGS = "三、存在的不足和原因\n一是普法工作有待完善。主要原因是人员不足。\n"
PLAN = "四、2024年推进法治工作计划\n（一）加强法治政府建设宣传教育\n"


def report(*parts: str) -> str:
    return "某街道2023年法治政府建设工作报告\n" + "".join(parts) + "某街道办事处\n2024年1月10日\n"


def messages(text: str) -> list[str]:
    return [d.message for d in lint(text, "required-sections")]


def test_complete_report_is_quiet():
    assert messages(report(MEASURES, DUTY, SHORTCOMINGS, PLAN)) == []


def test_every_missing_part_is_reported_not_just_the_first():
    found = messages(report(MEASURES))
    assert len(found) == 3
    assert any("第一责任人" in m for m in found)
    assert any("不足" in m for m in found)
    assert any("下一年度" in m for m in found)


def test_duty_as_numbered_item_counts():
    # Seed 003: the duty is item 2 of section 一.
    item = (
        "一、强化组织领导，明确责任落实\n"
        "2、党政主要负责人积极履行法治建设第一责任人职责。党政主要负责人主动听取法治建设工作情况汇报。\n"
    )
    assert messages(report(item, SHORTCOMINGS, PLAN)) == []


def test_citing_the_regulation_title_is_not_the_duty_section():
    # Seed 001, section 一（一）: the regulation is cited, no duty section follows.
    mention = (
        "一、工作开展情况\n（一）强化组织建设，压实法治建设责任。一是组织领导到位。"
        "贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》，充分发挥镇党委的领导核心作用。\n"
    )
    found = messages(report(mention, SHORTCOMINGS, PLAN))
    assert len(found) == 1 and "第一责任人" in found[0]


def test_planning_to_perform_the_duty_is_not_the_duty_section():
    plan = "三、下一步工作思路\n（一）认真履行法治建设第一责任人职责\n切实把法治建设扛在肩上。\n"
    found = messages(report(MEASURES, SHORTCOMINGS, plan))
    assert len(found) == 1 and "第一责任人" in found[0]


def test_shortcomings_without_causes_is_a_warning():
    problems = (
        "三、存在的主要问题\n一是干部法治思维还有待进一步提升；二是法治宣传教育的形式还不够丰富。\n"
    )
    found = lint(report(MEASURES, DUTY, problems, PLAN), "required-sections")
    assert [(d.severity.value, d.line) for d in found] == [("warning", 7)]
    assert "原因" in found[0].message


def test_causes_named_in_the_body_count():
    problems = "三、存在的主要问题\n一是执法文书不够规范。究其原因，主要是专业人员较少。\n"
    assert messages(report(MEASURES, DUTY, problems, PLAN)) == []


def test_topical_chapters_count_as_measures():
    # Seed 003 lays out its measures as topical chapters with no 主要举措 heading.
    chapters = "一、强化组织领导，明确责任落实\n成立领导小组。\n二、健全工作机制，推进依法行政\n依法决策。\n"
    assert messages(report(chapters, DUTY, SHORTCOMINGS, PLAN)) == []


def test_traditional_headings_with_pinyin_noise_match():
    # Seed 002's heading, as published.
    duty = "二、黨政主要負責(zé)人履行推進法治建設(shè)第一責(zé)任人職責(zé)的有關(guān)情況\n組織中心組專題學法1次。\n"
    assert messages(report(MEASURES, duty, SHORTCOMINGS, PLAN)) == []


def test_the_finding_points_at_the_title():
    (found,) = lint(report(MEASURES, SHORTCOMINGS, PLAN), "required-sections")
    assert (found.line, found.column) == (1, 1)


def test_clean_sample_is_quiet():
    assert messages(clean_text()) == []


def test_more_ways_to_head_the_duty_and_plan_parts():
    # Headings found in real reports (the false-positive hunt of 2026-11).
    for duty in (
        "二、党委政府主要负责同志推进法治建设情况\n书记、镇长带头学法4次。\n",
        "二、党政“一把手”履行法治建设职责情况\n书记、镇长带头学法4次。\n",
    ):
        assert messages(report(MEASURES, duty, SHORTCOMINGS, PLAN)) == [], duty
    for plan in ("四、下一阶段工作措施\n继续推进。\n", "四、2024年工作展望\n继续推进。\n"):
        assert messages(report(MEASURES, DUTY, SHORTCOMINGS, plan)) == [], plan


def test_causes_as_their_own_chapter_or_worded_differently():
    problems = "三、存在的问题\n一是普法形式单一。二是执法人员不足。\n"
    separate = "四、原因分析\n一是学习不够深入。\n"
    plan = "五、2024年工作计划\n继续推进。\n"
    assert messages(report(MEASURES, DUTY, problems, separate, plan)) == []
    for cause in ("问题成因是学习不够深入。", "问题主要在于学习不够深入。"):
        text = report(MEASURES, DUTY, problems.replace("二是执法人员不足。", cause), plan)
        assert messages(text) == [], cause
    # Still a warning when no cause is given anywhere.
    assert len(messages(report(MEASURES, DUTY, problems, plan))) == 1


def test_difficulties_heading_is_the_shortcomings_part():
    part = "三、面临的困难\n主要原因是人员不足。\n"
    assert messages(report(MEASURES, DUTY, part, PLAN)) == []


def test_duty_written_as_a_paragraph_counts_but_a_citation_does_not():
    lead = "镇党委、政府主要负责人认真履行推进法治建设第一责任人职责，带头学法4次。\n"
    measures = MEASURES + lead
    assert messages(report(measures, SHORTCOMINGS, PLAN)) == []
    cited = MEASURES + "严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》，带头学法。\n"
    assert any("第一责任人" in m for m in messages(report(cited, SHORTCOMINGS, PLAN)))
    # Planned for next year, it is not a report of having done it.
    plan = PLAN + lead.replace("认真履行", "将认真履行")
    assert any("第一责任人" in m for m in messages(report(MEASURES, SHORTCOMINGS, plan)))


def test_key_work_and_measures_headings_for_next_year_are_the_plan():
    # Found by a false-positive hunt: plan chapters headed by 重点工作, 工作重点, 举措, 谋划.
    for plan in (
        "四、2024年重点工作\n（一）深入学习贯彻习近平法治思想\n",
        "四、2024年工作重点\n继续推进。\n",
        "四、2024年法治政府建设工作举措\n继续推进。\n",
        "四、2024年工作谋划\n继续推进。\n",
        "四、2024年重点任务\n继续推进。\n",
    ):
        assert messages(report(MEASURES, DUTY, SHORTCOMINGS, plan)) == [], plan


def test_this_years_key_work_done_is_not_the_plan():
    # The measures of the year under the words a plan also uses: still no plan.
    for review in (
        "四、2023年重点工作完成情况\n全面完成。\n",
        "四、2023年法治政府建设工作举措和成效\n全面完成。\n",
        "四、2023年法治政府建设工作要点落实情况\n全面完成。\n",
    ):
        (found,) = messages(report(MEASURES, DUTY, SHORTCOMINGS, review))
        assert "下一年度推进法治政府建设的主要安排" in found, review


def test_work_points_carried_out_are_the_measures():
    # 13_county_hrss: the measures chapter is "2024年…工作要点落实情况" in a 2024 report.
    measures = "一、2023年法治政府建设工作要点落实情况\n（一）依法履行职能\n全年办理案件41件。\n"
    assert messages(report(measures, DUTY, SHORTCOMINGS, PLAN)) == []
    assert messages(report(DUTY, SHORTCOMINGS, PLAN)) != []


SHUFA_TITLE = "镇安县人民政府县长2024年度履行推进法治建设第一责任人职责情况报告\n"
SHUFA_BODY = (
    "一、带头尊法学法守法用法\n全年主持县政府常务会议会前学法12次。\n"
    "二、坚持依法科学民主决策\n重大行政决策均经合法性审查。\n"
    "三、存在的问题和不足\n学法结合实际不够，主要原因是考核约束不强。\n"
    "四、下一步工作打算\n继续坚持会前学法制度。\n"
    "镇安县人民政府县长　王建华\n2025年1月10日\n"
)


def test_a_report_titled_as_the_duty_report_is_the_duty_part():
    # Found by a false-positive hunt (06_shufa_county_head): a 述法 report.
    assert messages(SHUFA_TITLE + SHUFA_BODY) == []


def test_an_ordinary_title_does_not_stand_for_the_duty_part():
    (found,) = messages("镇安县人民政府2024年法治政府建设情况报告\n" + SHUFA_BODY)
    assert "第一责任人" in found
    # Citing the regulation in the title is not the duty report either.
    title = "镇安县贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》情况报告\n"
    (found,) = messages(title + SHUFA_BODY)
    assert "第一责任人" in found


def test_causes_given_as_subjective_and_objective_factors():
    # Found by a false-positive hunt (10_county_justice_bureau).
    problems = (
        "三、存在的问题\n一是执法监督刚性不足。二是基层司法所力量薄弱。"
        "上述问题的产生，既有基层编制紧张、人员流动频繁等客观因素，"
        "也有我局统筹协调意识不强、工作标准不高等主观因素。\n"
    )
    assert messages(report(MEASURES, DUTY, problems, PLAN)) == []
    why = "三、存在的问题\n一是执法监督刚性不足。之所以如此，是因为专业人员较少。\n"
    assert messages(report(MEASURES, DUTY, why, PLAN)) == []


def test_a_factor_named_as_a_problem_is_not_a_cause():
    problems = "三、存在的问题\n一是执法监督刚性不足。二是矛盾纠纷中的不稳定因素依然较多。\n"
    (found,) = messages(report(MEASURES, DUTY, problems, PLAN))
    assert "没有分析原因" in found


REVIEW_BASE = (
    "青岚县望溪镇2024年法治政府建设年度报告\n"
    "一、2024年主要举措和成效\n全年办理行政处罚案件62件。\n"
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "镇党委书记主持专题学法4次，听取法治建设汇报4次，镇长出庭应诉2次。\n"
    "三、存在的不足和原因\n主要原因是人员较少。\n"
    "四、2025年工作安排\n2025年，我镇将继续推进。\n"
    "青岚县望溪镇人民政府\n2025年1月20日\n"
)
DUTY_MISSING = "缺少法定报告内容“党政主要负责人履行推进法治建设第一责任人职责情况”"


@pytest.mark.parametrize(
    "title",
    [
        "青岚县望溪镇2024年法治政府建设暨主要负责人履行推进法治建设第一责任人职责情况报告",
        "青岚县望溪镇关于2024年度法治政府建设和主要负责人履行法治建设第一责任人职责情况的报告",
        "青岚县望溪镇2024年法治政府建设情况及党政主要负责人履行推进法治建设第一责任人职责情况报告",
    ],
    ids=["ji", "he", "qingkuang-ji"],
)
def test_a_joint_title_does_not_stand_for_the_duty_part(title):
    # Reviewer (mini/m1): a joint 法治政府建设…暨…第一责任人 report with no duty heading.
    text = REVIEW_BASE.replace("青岚县望溪镇2024年法治政府建设年度报告", title).replace(
        "二、党政主要负责人履行推进法治建设第一责任人职责情况\n", ""
    )
    (found,) = messages(text)
    assert found.startswith(DUTY_MISSING)
    # With its own duty heading it is complete.
    assert messages(REVIEW_BASE.replace("青岚县望溪镇2024年法治政府建设年度报告", title)) == []


def test_a_duty_report_that_names_the_law_based_government_it_pushes_is_still_one():
    # The earlier fix (06_shufa_county_head) stands: the title is the duty report alone.
    title = "镇安县人民政府县长2024年度履行推进法治政府建设第一责任人职责情况报告\n"
    assert messages(title + SHUFA_BODY) == []
    # Both 法治政府建设 and 法治建设 as what the duty pushes (review of f2b7d63).
    for title in (
        "镇安县人民政府县长2024年度履行推进法治政府建设和法治建设第一责任人职责情况报告\n",
        "镇安县人民政府县长2024年度履行推进法治建设和法治政府建设第一责任人职责情况报告\n",
    ):
        assert messages(title + SHUFA_BODY) == [], title
    assert messages(SHUFA_TITLE + SHUFA_BODY) == []


@pytest.mark.parametrize(
    "heading",
    ["一、2024年度法治政府建设重点工作", "一、2024年度推进法治政府建设的主要举措"],
    ids=["key-work", "measures"],
)
def test_the_report_years_key_work_heading_is_the_measures(heading):
    # Reviewer (mini/m10): the report year's own 重点工作/举措 is not next year's plan.
    text = REVIEW_BASE.replace("一、2024年主要举措和成效", heading)
    assert messages(text) == []


def test_a_key_work_heading_for_the_report_year_closing_the_report_is_the_plan():
    # "四、2023年重点工作" closing a 2023 report is the plan with the wrong year, which
    # year-consistency reports; "missing plan" would send the writer looking for it.
    plan = "四、2023年重点工作\n（一）深入学习贯彻习近平法治思想\n我街道将组织专题学法4次。\n"
    text = report(MEASURES, DUTY, SHORTCOMINGS, plan)
    assert messages(text) == []
    (plan,) = [d for d in lint(text, "year-consistency") if d.line == 9]
    assert "下一年度安排中写的是“2023年”" in plan.message
    # Closing it with nothing planned (review of the fix), it is more of the year's work.
    done = "四、2023年重点任务落实\n全年组织专题学法4次。\n"
    (found,) = messages(report(MEASURES, DUTY, SHORTCOMINGS, done))
    assert "下一年度推进法治政府建设的主要安排" in found
    # Opening the report it is the year's own work, and the plan is missing.
    text = report(
        "一、2023年重点工作\n（一）规范文明执法\n2023年实施行政处罚41起。\n", DUTY, SHORTCOMINGS
    )
    (found,) = messages(text)
    assert "下一年度推进法治政府建设的主要安排" in found


def test_a_joined_heading_whose_later_part_is_next_years_key_work_is_the_plan():
    # "2024年工作总结及2025年重点工作" in a 2024 report: its second part is the plan.
    text = REVIEW_BASE.replace("四、2025年工作安排", "四、2024年工作总结及2025年重点工作")
    assert messages(text) == []


@pytest.mark.parametrize(
    "heading",
    [
        "四、2025年工作目标和措施",
        "四、2025年工作任务",
        "四、2025年主要目标任务",
        "四、2025年工作规划",
        "四、2025年推进法治政府建设的主要任务",
    ],
)
def test_next_years_tasks_and_measures_are_the_plan(heading):
    # Hunt 21 (fp03): a heading led by the next year naming tasks, goals or measures.
    assert messages(REVIEW_BASE.replace("四、2025年工作安排", heading)) == []


def test_difficulties_that_exist_are_the_shortcomings():
    # Hunt 21 (fp07): "存在的困难和原因" as well as "面临的困难".
    text = REVIEW_BASE.replace("三、存在的不足和原因", "三、存在的困难和原因")
    assert messages(text) == []
    # Difficulties a measure helps with are no shortcomings (review of the fix).
    helped = REVIEW_BASE.replace(
        "三、存在的不足和原因\n主要原因是人员较少。\n",
        "（一）依法帮助群众解决存在的困难\n走访群众30户。\n",
    )
    (found,) = messages(helped)
    assert "存在的不足和原因" in found
    text = REVIEW_BASE.replace("三、存在的不足和原因", "三、当前存在的困难")
    (found,) = messages(text.replace("主要原因是人员较少。", "人员较少。"))
    assert "没有分析原因" in found


def test_a_last_chapter_that_plans_is_the_plan_whatever_its_heading():
    # Left alone before: "四、推进法治政府建设的主要任务" naming neither a year nor
    # 计划/安排 was "missing plan" (an error) though it plans the next year.
    tasks = "四、推进法治政府建设的主要任务\n一是我街道将组织专题学法4次。\n"
    assert messages(report(MEASURES, DUTY, SHORTCOMINGS, tasks)) == []
    # Nothing planned in it: more of the year's work, and the plan is missing.
    done = "四、推进法治政府建设的主要任务\n全年组织专题学法4次。\n"
    (found,) = messages(report(MEASURES, DUTY, SHORTCOMINGS, done))
    assert "下一年度推进法治政府建设的主要安排" in found


def test_a_last_chapter_of_the_years_work_that_mentions_a_plan_word_is_no_plan():
    # Review: 模拟法庭, 争取…支持, 拟定的, 计划完成情况 in a past-tense last chapter hid
    # a missing plan.
    for body in (
        "组织模拟法庭活动3场。",
        "积极争取县司法局支持，建成法治文化广场1处。",
        "指导各村修订拟定的《村规民约》。",
        "年度普法计划完成情况良好。",
    ):
        last = "四、工作特色和亮点\n" + body + "\n"
        (found,) = messages(report(MEASURES, DUTY, SHORTCOMINGS, last))
        assert "下一年度推进法治政府建设的主要安排" in found, body


# Review of 44 unseen real reports (review 3): the duty part written as an item
# under 组织领导/主体责任 whose opening names the principal's duty.
def test_duty_as_an_item_whose_opening_names_the_principal_counts():
    for item in (
        # a run-in title, then the duty sentence
        "（二）压实主体责任，健全工作机制。局主要负责同志切实履行法治建设第一责任人职责，"
        "主持专题会议2次，年终述法1次。\n",
        # a general lead-in sentence first
        "（二）强化组织领导\n我局高度重视法治政府建设。局党组书记和局长切实履行推进法治建设"
        "第一责任人职责，带头学法3次。\n",
        # an inline item whose label is its own sentence
        "（二）压实责任。一是加强领导。成立领导小组。二是压实主体责任。落实党政主要负责人"
        "法治建设第一责任人职责，主要负责人带头学法3次。\n",
        # a heading in the short form
        "（二）履行第一责任，筑牢法治根基。局长带头学法3次，年终述法1次。\n",
    ):
        assert messages(report(MEASURES + item, SHORTCOMINGS, PLAN)) == [], item


def test_weighing_the_principals_duty_is_not_the_duty_part():
    for sentence in (
        "我局高度重视法治政府建设。将党政主要负责人履行推进法治建设第一责任人职责情况纳入年度考核。\n",
        "把主要负责人履行第一责任人职责情况列入年终述职内容。\n",
    ):
        found = messages(report(MEASURES + sentence, SHORTCOMINGS, PLAN))
        assert len(found) == 1 and "第一责任人" in found[0], sentence
    # Its third sentence is no opening.
    late = "我局高度重视。成立领导小组。主要负责人认真履行第一责任人职责，带头学法3次。\n"
    assert any("第一责任人" in m for m in messages(report(MEASURES + late, SHORTCOMINGS, PLAN)))


def test_the_principal_named_inside_another_clause_is_no_duty_part():
    # Real reports (review 3): members of a group, a list of measures, a cited rule.
    for sentence in (
        "成立领导小组，各单位主要负责人为成员，层层压实法治建设第一责任人职责。\n",
        "将法治建设纳入年度工作要点，压实党政主要负责人第一责任人职责。\n",
        "认真落实党政主要负责人履行推进法治建设第一责任人职责规定，同部署、同推进。\n",
        "严格落实党政主要负责人推进法治政府建设第一责任人职责要求，实行首问负责制。\n",
    ):
        found = messages(report(MEASURES + sentence, SHORTCOMINGS, PLAN))
        assert len(found) == 1 and "第一责任人" in found[0], sentence
