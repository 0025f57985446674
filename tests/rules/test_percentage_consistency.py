"""RL201 percentage-consistency: rates against their counts, above 100%, conflicting."""

from __future__ import annotations

from support import clean_text, lint

HEAD = "某镇2023年法治政府建设年度报告\n一、主要举措和成效\n"


def rates(*sentences: str) -> list[tuple[str, str]]:
    text = HEAD + "\n".join(sentences) + "\n"
    return [(d.severity.value, d.message) for d in lint(text, "percentage-consistency")]


def test_rate_disagreeing_with_its_counts_is_an_error_with_the_computed_value():
    ((severity, message),) = rates("受理40件，办结38件，办结率98%。")
    assert severity == "error" and "95%" in message and "38÷40" in message


def test_rate_agreeing_within_rounding_is_quiet():
    assert rates("受理群众诉求40件，办结38件，办结率95%。") == []
    assert rates("调解矛盾纠纷200件，调解成功193件，调解成功率96.5%。") == []
    assert rates("受理3件，办结2件，办结率66.7%。") == []
    assert rates("受理3件，办结2件，办结率67%。") == []


def test_rate_over_100_is_an_error():
    ((severity, message),) = rates("行政机关负责人出庭应诉率达105%。")
    assert severity == "error" and "105%" in message


def test_growth_may_exceed_100():
    assert rates("行政复议案件数量同比增长率120%。") == []


def test_seed_002_mediation_rate_is_quiet():
    assert rates("2024年,排查登记矛盾纠纷225宗,成功调处225宗,调处成功率100%。") == []


def test_rates_without_their_counts_are_quiet():
    # Seed 001 and 004: no matching numerator, so no judgement.
    assert rates("一年来,我镇接待办事群众5516人次,各类办件量累计1844件,办结率均为100%。") == []
    assert rates("完成履职数102项,履职率达96.2%;行政执法人员参与率达100%。") == []


def test_approximate_counts_are_quiet():
    assert rates("受理40余件，办结38件，办结率98%。") == []


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
