"""RL201 percentage-consistency: rates against their counts, above 100%, conflicting."""

from __future__ import annotations

import pytest

from support import clean_text, lint

HEAD = "某镇2023年法治政府建设年度报告\n一、主要举措和成效\n"


def rates(*sentences: str) -> list[tuple[str, str]]:
    text = HEAD + "\n".join(sentences) + "\n"
    return [(d.severity.value, d.message) for d in lint(text, "percentage-consistency")]


def test_rate_disagreeing_with_its_counts_is_an_error_with_the_computed_value():
    ((severity, message),) = rates("受理40件，办结38件，办结率98%。")
    assert severity == "error" and "95%" in message and "38÷40" in message


def test_rate_over_100_is_an_error():
    ((severity, message),) = rates("行政机关负责人出庭应诉率达105%。")
    assert severity == "error" and "105%" in message


def test_same_rate_with_two_values_is_a_warning():
    found = rates("行政机关负责人出庭应诉率100%。", "全年行政机关负责人出庭应诉率90%。")
    assert [s for s, _ in found] == ["warning"]
    assert "第3行" in found[0][1]


def test_same_rate_same_value_twice_is_quiet():
    # Seed 002 gives 出庭应诉率100% twice.
    assert (
        rates("街道主要负责人出庭应诉率100%。", "街道主要负责人出庭应诉3次，出庭应诉率100%。") == []
    )


def test_clean_sample_is_quiet():
    assert lint(clean_text(), "percentage-consistency") == []


def test_different_subjects_and_targets_are_not_conflicts():
    # Found by a false-positive hunt.
    assert rates("政务服务事项按期办结率100%。", "12345热线工单按期办结率98.6%。") == []
    assert (
        rates("镇本级行政机关负责人出庭应诉率100%。", "全县行政机关负责人出庭应诉率98.6%。") == []
    )
    assert rates("执法案卷优良率为88%。", "一是力争执法案卷优良率达到95%。") == []


def test_counts_of_other_things_are_not_the_rate_base():
    assert (
        rates("全年共发生行政诉讼案件15件，开庭审理12件，负责人出庭应诉12件，出庭应诉率100%。")
        == []
    )
    assert (
        rates("收到政府信息公开申请30件，已答复28件，另有2件在法定期限内办理中，按期答复率100%。")
        == []
    )
    assert rates("受理投诉举报120件，办结110件，其中按期办结105件，按期办结率95.5%。") == []
    assert rates("年度普法任务完成率达108%。") == []


def test_a_generic_rate_of_two_channels_is_two_rates():
    # Found by a false-positive hunt: each sentence names its own channel before the rate.
    assert (
        rates(
            "畅通群众诉求渠道，县12345政务服务便民热线受理群众诉求4.3万件，按期办结率99.2%。"
            "县信访局受理群众来信来访386件，按期办结率100%。"
        )
        == []
    )
    assert (
        rates(
            "政务服务“好差评”群众满意率99.9%。",
            "全区12345政务服务便民热线受理群众诉求6.8万件，办结率100%，群众满意率96.3%。",
        )
        == []
    )


def test_the_same_subject_or_an_unqualified_rate_is_still_compared():
    (found,) = rates(
        "县信访局受理群众来信来访386件，按期办结率100%。",
        "县信访局受理群众来信来访386件，按期办结率98%。",
    )
    assert found[0] == "warning" and "第3行写的是100%" in found[1]
    # A rate that opens its sentence is its own subject: compared with any other.
    (found,) = rates(
        "行政机关负责人出庭应诉率100%。",
        "全县共发生行政诉讼案件15件，行政机关负责人出庭应诉率93.3%。",
    )
    assert "此处为93.3%" in found[1]


def test_a_negated_count_is_the_rest_of_the_whole():
    # Found by a false-positive hunt (fp-numbers r32–r36): 未按期办结2件 is not the
    # numerator of 按期办结率; the rate is (40-2)/40.
    for sentence in (
        "全年受理群众诉求40件，未按期办结2件，按期办结率95%。",
        "全年收到行政复议申请40件，不予受理3件，受理率92.5%。",
        "排查调处矛盾纠纷200件，未调解成功7件，调解成功率96.5%。",
        "共回访办事群众1200人次，不满意18人次，满意率98.5%。",
        "全年受理行政复议申请40件，其中未审结2件，审结率95%。",
    ):
        assert rates(sentence) == [], sentence


def test_a_rate_that_disagrees_with_the_rest_of_the_whole_is_still_an_error():
    ((severity, message),) = rates("全年受理群众诉求40件，未按期办结2件，按期办结率98%。")
    assert severity == "error" and "按(40-2)÷40计算应为95%" in message
    ((_, message),) = rates("共回访办事群众1200人次，不满意18人次，满意率95%。")
    assert "(1200-18)÷1200" in message and "98.5%" in message
    # The 不满意率 of 不满意 counts is the count itself.
    ((_, message),) = rates("受理群众诉求40件，回访不满意2件，不满意率8%。")
    assert "按2÷40计算应为5%" in message


def test_another_whole_in_the_sentence_that_gives_the_rate_is_quiet():
    # Found by a false-positive hunt (fp-numbers r05, r06, r21): a subset named before
    # the count ("涉及房屋征收的23件", "其中公共服务类诉求12件") is not the whole.
    for sentence in (
        "全县一审行政诉讼案件87件中，涉及房屋征收的23件，行政机关败诉5件，败诉率5.7%。",
        "全镇一审行政诉讼案件16件，涉及土地征收的5件，败诉1件，败诉率6.3%。",
        "受理群众诉求40件，其中公共服务类诉求12件，回访不满意2件，不满意率5%。",
    ):
        assert rates(sentence) == [], sentence


def test_a_rate_that_fits_no_whole_in_the_sentence_is_still_an_error():
    ((_, message),) = rates(
        "全县一审行政诉讼案件87件中，涉及房屋征收的23件，行政机关败诉5件，败诉率8%。"
    )
    assert "“败诉率”写的是8%" in message
    # 共 as a word still names the whole; inside 公共 it does not.
    ((_, message),) = rates("共受理群众诉求40件，回访不满意2件，不满意率8%。")
    assert "按2÷40计算" in message


def test_counts_rounded_to_wan_allow_for_their_rounding():
    # Found by a false-positive hunt (fp-numbers r16): 1.49/1.52 is 98.0%, but the
    # exact counts may give anything from 97.4% to 98.7%.
    assert rates("受理群众法律咨询1.52万人次，现场解答1.49万人次，现场解答率97.4%。") == []
    ((_, message),) = rates("受理群众法律咨询1.52万人次，现场解答1.49万人次，现场解答率95%。")
    assert "1.49÷1.52" in message and "98%" in message


def test_gross_enrolment_and_target_attainment_may_exceed_100():
    # Found by a false-positive hunt (fp-numbers r07, r30).
    assert rates("全区高中阶段毛入学率102.3%，学前三年毛入园率101.6%。") == []
    assert rates("全县城乡居民基本养老保险参保率98.2%，年度参保扩面目标达成率103.5%。") == []
    # Completion-type rates are still capped.
    assert [s for s, _ in rates("行政机关负责人出庭应诉率102.3%，按期办结率101%。")] == [
        "error",
        "error",
    ]


PLAN = "二、2024年工作计划\n"


def test_a_target_is_not_compared_with_the_result():
    # Found by a false-positive hunt (fp-numbers r12): a plan target with 以上.
    assert (
        rates(
            "评查执法案卷22卷，合格20卷，执法案卷合格率90.9%。", "年内执法案卷合格率达到95%以上。"
        )
        == []
    )
    assert (
        rates("执法案卷合格率90.9%。", "行政复议纠错率控制在10%以内，执法案卷合格率95%左右。") == []
    )
    # A rate in next year's plan is a target, with or without a bound.
    assert rates("执法案卷合格率90.9%。", PLAN + "年内执法案卷合格率达到95%。") == []


def test_two_results_for_the_same_rate_are_still_a_conflict():
    found = rates("评查执法案卷22卷，合格20卷，执法案卷合格率90.9%。", "全年执法案卷合格率95%。")
    assert [s for s, _ in found] == ["warning"] and "此处为95%" in found[0][1]


def test_a_rate_for_part_of_the_year_is_another_rate():
    # Found by a false-positive hunt (fp-numbers r11b).
    assert rates("前三季度，行政复议纠错率为10.5%；全年行政复议纠错率为9.8%。") == []
    assert rates("上半年，行政复议纠错率为10.5%。", "全年行政复议纠错率为9.8%。") == []
    assert rates("1—9月，行政复议纠错率为10.5%。", "全年行政复议纠错率为9.8%。") == []
    found = rates("全年行政复议纠错率为10.5%。", "全年行政复议纠错率为9.8%。")
    assert [s for s, _ in found] == ["warning"]


def test_whole_figures_in_wan_are_exact():
    # Reviewer (cases/r_rate_wan): 1万 of 2万 is 50%, not 90%.
    ((severity, message),) = rates("受理群众法律咨询2万人次，现场解答1万人次，现场解答率90%。")
    assert severity == "error" and "1÷2" in message and "50%" in message
    # With decimals the rounding is allowed (fp-numbers r16); approximate figures are not judged.
    assert rates("受理群众法律咨询1.52万人次，现场解答1.49万人次，现场解答率97.4%。") == []
    assert rates("受理群众法律咨询2万余人次，现场解答1万人次，现场解答率90%。") == []


def test_a_bound_is_checked_as_a_bound():
    # Reviewer (cases/r_bound_counts): 40 of 40 is 100%, which is 95% or more.
    assert rates("受理群众诉求40件，办结40件，办结率达到95%以上。") == []
    ((_, message),) = rates("受理群众诉求40件，办结30件，办结率达到95%以上。")
    assert "30÷40" in message and "75%" in message
    assert rates("受理行政复议申请40件，纠错2件，纠错率在10%以内。") == []
    ((_, message),) = rates("受理行政复议申请40件，纠错8件，纠错率在10%以内。")
    assert "8÷40" in message


def test_a_table_row_comparing_years_is_not_a_conflict():
    # Hunt 21 (fp02): "2023年\t2024年" columns; the view cannot tell which is this year's.
    table = "指标\t2023年\t2024年\n案卷合格率\t95.1%\t97.3%"
    assert rates("案卷评查合格率稳步提升，案卷合格率97.3%。", table) == []
    # A sentence still is, and so is a row with one value.
    ((severity, _),) = rates("案卷合格率97.3%。", "年末复查，案卷合格率95.1%。")
    assert severity == "warning"
    ((severity, _),) = rates("案卷合格率97.3%。", "指标\t数值\n案卷合格率\t95.1%")
    assert severity == "warning"
    # A gap between sentences is no table (review of the fix).
    for gap in ("  ", "\u3000"):
        paragraph = f"开展案卷评查并内部通报。{gap}全年案卷合格率95.1%，出庭应诉率100%。"
        ((severity, _),) = rates("案卷合格率97.3%。", paragraph)
        assert severity == "warning", repr(gap)


def test_recall_a_rate_off_by_less_than_a_point_and_counts_in_wan_and_juan():
    # Recall check: 96% for 38 of 40 was let through (a whole point of slack); counts
    # in 万件 and 卷 were not counts at all.
    ((severity, message),) = rates("受理群众诉求40件，办结38件，办结率96%。")
    assert severity == "error" and "95%" in message
    for sentence in (
        "人民调解组织调解矛盾纠纷200件，调解成功193件，调解成功率96%。",  # 96.5 cut
        "人民调解组织调解矛盾纠纷200件，调解成功193件，调解成功率97%。",  # or rounded
        "受理3件，办结2件，办结率67%。",
        "受理3件，办结2件，办结率66.6%。",
    ):
        assert rates(sentence) == [], sentence
    assert rates("受理政务服务事项4.3万件，按期办结4.1万件，按期办结率99.2%。")
    assert rates("评查执法案卷22卷，合格20卷，合格率95.5%。")


def test_recall_a_share_written_with_zhan():
    ((_, message),) = rates("抽查案卷240卷，评为优秀的86卷，占38.5%。")
    assert "35.8%" in message
    assert rates("抽查案卷240卷，评为优秀的86卷，占35.8%。") == []


def test_recall_the_report_years_own_year_does_not_hide_a_conflict():
    ((severity, _),) = rates("案卷合格率97.3%。", "2023年，案卷合格率95.1%。")
    assert severity == "warning"
    assert rates("2022年案卷合格率95.1%。", "案卷合格率97.3%。") == []


def test_after_review_of_the_recall_qualifiers_hearings_party_members_and_dated_surveys():
    # Review of the recall commit: each was a new false positive.
    for sentence in (
        "坚持按期办结、限时反馈，全年受理群众诉求40件，办结38件，其余2件尚在办理期限内，按期办结率100%。",
        "全年发生行政诉讼案件15件，其中开庭审理12件，败诉1件，败诉率6.7%。",
        "现有执法人员12名，其中中共党员9名，具有法律职业资格的2名，占16.7%。",
    ):
        assert rates(sentence) == [], sentence
    assert rates("全年群众满意率98.5%。", "2023年11月，县统计局开展调查，群众满意率为93.1%。") == []


def test_the_issues_examples_are_caught_with_their_pair():
    # Issue 14: each was let through before the clause model.
    for sentence, shown in (
        ("全年查办违法建设案件25件，已办结24件，办结率为98%。", "按24÷25计算应为96%"),
        ("抽查行政执法案卷30卷，优良案卷24卷，优良率85%。", "按24÷30计算应为80%"),
        ("审查重大行政决策事项15件，提出法律意见的9件，占比70%。", "按9÷15计算应为60%"),
        ("评查案卷30卷，其中24卷被评为优良，优良率85%。", "按24÷30"),
        ("全镇共有68个村（社区），已有56个建成法治文化阵地，覆盖率为85.2%。", "按56÷68"),
        ("审结行政复议案件59件，依法撤销、变更或确认违法5件，直接纠错率10%。", "按5÷59"),
    ):
        ((severity, message),) = rates(sentence)
        assert severity == "error" and shown in message, (sentence, message)


def test_all_or_none_before_the_rates_action():
    ((_, message),) = rates("办理人大代表建议12件，全部按期办结，按期办结率为91.7%。")
    assert "“全部”" in message and "应为100%" in message
    assert rates("办理人大代表建议12件，全部按期办结，按期办结率为100%。") == []
    ((_, message),) = rates("全年行政诉讼案件5件，无一败诉，败诉率20%。")
    assert "应为0%" in message
    assert rates("受理政府信息公开申请30件，均在法定期限内答复，按期答复率100%。") == []
    assert rates("受理政府信息公开申请30件，均在法定期限内答复，按期答复率96.7%。")
    # all of something else, or of a part, claims nothing about this rate
    assert rates("受理诉求40件，全部办结，其中按期办结38件，按期办结率95%。") == []
    assert rates("12件建议全部办结，按期办结率91.7%。") == []


def test_a_share_over_100_is_impossible():
    ((severity, message),) = rates("全年办理行政处罚案件30件，适用简易程序的18件，占120%。")
    assert severity == "error" and "120%" in message


def test_a_word_that_contains_yue_or_jin_is_no_approximation():
    ((_, message),) = rates("全县152个村配备法律顾问，实际签约132个，法律顾问覆盖率84.1%。")
    assert "132÷152" in message


def test_a_count_that_names_the_rate_is_no_count_of_its_act():
    # 满意度调查问卷 names the rate: the questionnaires are the whole.
    ((_, message),) = rates("发放满意度调查问卷246份，评价满意207份，满意度达86.4%。")
    assert "207÷246" in message
    assert rates("发放满意度调查问卷246份，评价满意207份，满意度达84.1%。") == []


def test_a_sibling_category_is_no_whole_of_a_count_not_done():
    # 不合格2卷 is the rest of a whole of at least 40+2: 优秀案卷14卷 is a sibling
    assert (
        rates(
            "全年评查行政执法案卷56卷。其中，优秀案卷14卷，合格案卷40卷，不合格案卷2卷，案卷合格率96.4%。"
        )
        == []
    )
    (found,) = rates("评查执法案卷45卷，其中优秀12卷、合格31卷、不合格2卷，合格率97.6%。")
    assert "(45-2)÷45" in found[1]


def test_a_comparison_after_a_rate_does_not_make_it_another_period():
    (found,) = rates(
        "前三季度，行政复议纠错率为10.5%；全年审结行政复议案件40件，纠错4件，行政复议纠错率为10%。",
        "全年行政复议纠错率12%，较上年有所下降。",
    )
    assert found[0] == "warning" and "写的是10%" in found[1]
    # the period before a rate still makes it another period's
    assert (
        rates(
            "前三季度，行政复议纠错率为10.5%；全年审结行政复议案件40件，纠错4件，行政复议纠错率为10%。"
        )
        == []
    )


def test_rates_in_a_table_are_checked_against_the_counts_of_their_row():
    table = "项目\t受理（件）\t办结（件）\t办结率\n行政复议\t26\t25\t96.2%\n行政诉讼\t9\t8\t{}"
    assert rates(table.format("88.9%")) == []
    ((severity, message),) = rates(table.format("91.9%"))
    assert severity == "error" and "8÷9" in message and "88.9%" in message
    # without units in the header, and set on its side (the rate names a row)
    assert rates("年度\t受理\t审结\t审结率\n2023年\t38\t37\t97.4%\n2024年\t45\t44\t97.8%") == []
    ((_, message),) = rates(
        "指标\t2023年\t2024年\n受理\t38\t45\n审结\t37\t44\n审结率\t94.7%\t97.8%"
    )
    assert "37÷38" in message


def test_a_share_column_is_of_the_total_row_that_adds_up():
    table = (
        "纠纷类别\t数量（件）\t占比\n婚姻家庭纠纷\t42\t35%\n邻里纠纷\t36\t{}\n"
        "其他纠纷\t42\t35%\n合计\t{}\t100%"
    )
    assert rates(table.format("30%", "120")) == []
    ((_, message),) = rates(table.format("33%", "120"))
    assert "36÷120" in message
    # a 合计 that does not add up is RL202's finding, no whole for the shares
    assert rates(table.format("30%", "125")) == []


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        # names that are not the count's verb + 率
        ("应考人数126人，实考124人，参考率98.4%。", "应考人数126人，实考124人，参考率96.8%。"),
        (
            "制定行政规范性文件9件，按时报送备案9件，报备率100%。",
            "制定行政规范性文件9件，按时报送备案8件，报备率100%。",
        ),
        (
            "全年审批服务事项办件12.6万件，其中网上办理11.9万件，网办率94.4%。",
            "全年审批服务事项办件12.6万件，其中网上办理11.9万件，网办率91.4%。",
        ),
        (
            "全年应诉案件20件，负责人出庭19件，出庭应诉率保持在90%以上。",
            "全年应诉案件20件，负责人出庭17件，出庭应诉率保持在90%以上。",
        ),
        # a count done late is the rest of the whole
        (
            "全年办理人大代表建议和政协提案47件，超期办复3件，按期办复率93.6%。",
            "全年办理人大代表建议和政协提案47件，超期办复3件，按期办复率95.6%。",
        ),
        # 完成率 may pass 100% and is still of its counts
        (
            "全年计划开展普法活动25场，实际开展28场，完成率112%。",
            "全年计划开展普法活动25场，实际开展28场，完成率118%。",
        ),
        # the rate before its counts, after it in its clause or in brackets
        (
            "矛盾纠纷调解成功率98.2%，全年调处矛盾纠纷113件，成功调解111件。",
            "矛盾纠纷调解成功率99.2%，全年调处矛盾纠纷113件，成功调解111件。",
        ),
        (
            "行政复议纠错率为18.2%（全年审结22件，纠错4件）。",
            "行政复议纠错率为16.2%（全年审结22件，纠错4件）。",
        ),
        (
            "以96.5%的办结率位居全县第一，全年受理群众诉求200件，办结193件。",
            "以97.5%的办结率位居全县第一，全年受理群众诉求200件，办结193件。",
        ),
        # the whole after its part, or named in the share
        (
            "全镇持有行政执法证件的38人，在岗执法人员40人，持证率95%。",
            "全镇持有行政执法证件的38人，在岗执法人员40人，持证率92%。",
        ),
        (
            "全镇有98名干部参加了网上学法考试，应参考102人，参考率96.1%。",
            "全镇有98名干部参加了网上学法考试，应参考102人，参考率94.1%。",
        ),
        ("已办结的38件占受理总数40件的95%。", "已办结的38件占受理总数40件的93%。"),
        (
            "全年涉企罚没款1.2亿元，占罚没款总额2.5亿元的48%。",
            "全年涉企罚没款1.2亿元，占罚没款总额2.5亿元的52%。",
        ),
        (
            "已有31个村（社区）配备了法律顾问，全镇共33个村（社区），覆盖率93.9%。",
            "已有31个村（社区）配备了法律顾问，全镇共33个村（社区），覆盖率96.9%。",
        ),
        # shares: 所占比例, 、占 after each part, a part named before 占比
        (
            "全镇法律明白人156名，其中村“两委”成员62名，所占比例为39.7%。",
            "全镇法律明白人156名，其中村“两委”成员62名，所占比例为37.9%。",
        ),
        (
            "全年受理信访事项120件，其中来信36件、占30%，来访84件、占70%。",
            "全年受理信访事项120件，其中来信36件、占30%，来访84件、占75%。",
        ),
        (
            "行政处罚案件中适用简易程序的占比62.5%，全年共办理行政处罚案件48件，适用简易程序30件。",
            "行政处罚案件中适用简易程序的占比65.2%，全年共办理行政处罚案件48件，适用简易程序30件。",
        ),
        # values in turn (分别为), and a list whose items share the action before them
        (
            "全年受理行政复议申请、行政诉讼案件分别为18件、11件，审结分别为17件、10件，审结率分别为94.4%、90.9%。",
            "全年受理行政复议申请、行政诉讼案件分别为18件、11件，审结分别为17件、10件，审结率分别为94.4%、91.9%。",
        ),
        (
            "办理人大代表建议28件、政协提案35件，已办复代表建议28件、政协提案34件，办复率分别为100%和97.1%。",
            "办理人大代表建议28件、政协提案35件，已办复代表建议28件、政协提案34件，办复率分别为100%和98.1%。",
        ),
        (
            "学法考试参考率、合格率分别为99.2%、98.4%，应参考248人，实际参考246人，合格244人。",
            "学法考试参考率、合格率分别为99.2%、97.4%，应参考248人，实际参考246人，合格244人。",
        ),
        # percentages in words
        (
            "全年受理群众诉求40件，办结40件，实现了百分之百办结。",
            "全年受理群众诉求40件，办结38件，实现了百分之百办结。",
        ),
        (
            "全年受理群众诉求60件，办结57件，办结率达到百分之九十五。",
            "全年受理群众诉求60件，办结54件，办结率达到百分之九十五。",
        ),
    ],
)
def test_rates_as_held_out_text_writes_them(good, bad):
    assert rates(good) == []
    ((severity, _),) = rates(bad)
    assert severity == "error"


def test_respective_rates_are_reported_with_the_counts_in_their_place():
    ((_, message),) = rates(
        "2022年至2024年，分别受理群众诉求41件、54件、46件，办结39件、52件、45件，"
        "办结率分别为95.1%、98.3%、97.8%。"
    )
    assert "52÷54" in message


def test_a_rate_before_counts_of_another_period_or_group_is_not_read_from_them():
    assert rates("上半年，群众诉求办结率为92.3%；全年受理诉求128件，办结123件，办结率96.1%。") == []
    assert rates("群众诉求办结率为92.3%；全年受理诉求128件，办结123件。") == []
    # a growth rate names no counts, and may pass 100%
    assert rates("全年受理行政复议申请52件，同比增加12件，同比增长率30%。") == []


def test_several_names_sharing_a_value_split_after_each_suffix():
    # "及格率" opens with 及: it was cut into "" and "格率"
    assert rates("全年组织考试6场次，参考率、及格率均在80%以上。") == []


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        (
            "全年共受理群众诉求120件。截至年底，已办结115件，办结率95.8%。",
            "全年共受理群众诉求120件。截至年底，已办结115件，办结率97.8%。",
        ),
        (
            "全年共受理法律援助申请29件。经审查，均符合援助条件。已结案27件，结案率93.1%。",
            "全年共受理法律援助申请29件。经审查，均符合援助条件。已结案27件，结案率96.1%。",
        ),
        (
            "全年评查行政执法案卷56卷。其中，优秀案卷14卷，合格案卷40卷，不合格案卷2卷，案卷合格率96.4%。",
            "全年评查行政执法案卷56卷。其中，优秀案卷14卷，合格案卷40卷，不合格案卷2卷，案卷合格率94.6%。",
        ),
        # a rate in a heading, its counts in the first sentence under it
        (
            "（三）矛盾纠纷调解成功率达97.6%\n全年调处矛盾纠纷84件，调解成功82件。",
            "（三）矛盾纠纷调解成功率达98.6%\n全年调处矛盾纠纷84件，调解成功82件。",
        ),
    ],
)
def test_the_whole_of_an_outcome_rate_in_the_sentence_before_or_its_counts_under_its_heading(
    good, bad
):
    assert rates(good) == []
    ((severity, _),) = rates(bad)
    assert severity == "error"


@pytest.mark.parametrize(
    "text",
    [
        # two wholes before: which one the rate is of, the text does not say
        "全年共受理行政复议申请20件，审结18件。其中纠错3件，纠错率11.1%。",
        # a count of another object than the whole before
        "2024年，镇司法所共受理法律援助申请35件。全年办结行政复议案件20件，办结率90%。",
        # a rate that may have a base the report never states
        "全镇共有执法人员45名。参加培训42人，参训率100%。",
        # another paragraph
        "全年共受理群众诉求120件。\n截至年底，已办结115件，办结率97.8%。",
        # a count of the class in the rate's own sentence, too small to be the whole
        "全年共受理信访件56件。受理群众诉求35件，办结38件，办结率95%。",
    ],
)
def test_a_whole_in_another_sentence_is_read_only_where_it_is_the_one_whole(text):
    assert rates(text) == []


def test_one_names_rates_for_the_items_before_it_want_counts_in_turn():
    # Held-out corpus 2: the towns' own rates are not the county's.
    text = (
        "城关、河口、石桥三镇办结率分别为98.5%、99.1%、100%，全县受理群众诉求3210件，"
        "办结3175件，办结率{}。"
    )
    assert rates(text.format("98.9%")) == []
    ((_, message),) = rates(text.format("96.9%"))
    assert "96.9%" in message and "3175÷3210" in message


def test_shares_in_turn_each_of_its_own_count():
    # Held-out corpus 2 (sh-fenbie-zhan): 分别占 pairs each share with the count in
    # its place, and the finding points at the share that is wrong.
    text = "查办案件160件，其中行政处罚案件96件、行政强制案件24件，分别占60%、{}。"
    assert rates(text.format("15%")) == []
    ((_, message),) = rates(text.format("25%"))
    assert "25%" in message and "24÷160" in message
    (finding,) = lint(HEAD + text.format("25%") + "\n", "percentage-consistency")
    assert finding.source_line[finding.column - 1 : finding.end_column - 1] == "25%"
