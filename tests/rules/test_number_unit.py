"""RL410 number-unit: a figure run straight into the next verb or item (a unit lost in copying)."""

from __future__ import annotations

import pytest

from support import clean_text, lint, lint_file, seed

RULE = "number-unit"


def matches(text):
    return [d.source_line[d.column - 1 : d.end_column - 1] for d in lint(text, RULE)]


def test_seed_001_exactly_three_lost_units():
    found = lint_file(seed(1), RULE)
    assert [(d.line, d.column, d.end_column) for d in found] == [
        (19, 40, 43),
        (19, 71, 75),
        (21, 135, 141),
    ]
    assert [d.source_line[d.column - 1 : d.end_column - 1] for d in found] == [
        "7学习",
        "43开展",
        "100%二是",
    ]
    assert found[0].message == (
        "“7学习”：数字后面缺少单位或标点，和下文连在了一起：请补上单位（如“次”“部”）或句号"
    )
    assert all(d.severity.value == "warning" and d.fix is None for d in found)


def test_other_seeds_and_the_clean_sample_are_quiet():
    for n in (0, 2, 3, 4):
        assert lint_file(seed(n), RULE) == []
    assert lint(clean_text(), RULE) == []


def test_count_run_into_a_verb():
    text = "今年共组织镇村领导干部学习习近平法治思想7学习《宪法》《民法典》等法律法规43开展专题讲座23场次。"
    assert matches(text) == ["7学习", "43开展"]
    assert matches("全年受理投诉45同比下降12%。") == ["45同比"]


def test_figure_run_into_the_next_item():
    assert matches("一是规范办理。全年办结率均为100%二是加强监督。") == ["100%二是"]
    assert matches("一是规范办理。办结率为96.2%三是加强监督。") == ["96.2%三是"]


@pytest.mark.parametrize(
    "text",
    ["依托12345受理群众诉求1844件。", "全年通过12315受理消费投诉36件。"],
    ids=["12345", "12315"],
)
def test_hotline_number_before_a_verb_is_quiet(text):
    assert matches(text) == []


def test_service_hotlines_and_named_days_are_not_counts():
    for text in (
        "全年通过96110开展反诈预警劝阻1.2万次。",
        "依托95598受理供电服务诉求3260件。",
        "结合315开展消费维权宣传活动12场次。",
    ):
        assert matches(text) == [], text
    # A plain count of the same shape is still caught.
    assert matches("共发放宣传资料12000开展专题讲座23场次。") == ["12000开展"]


def test_telephone_numbers_are_not_counts():
    # Found by a false-positive hunt (unit-mobile): a mobile number before the verb.
    assert matches("坚持和发展新时代“枫桥经验”，开通热线电话13800000000受理咨询。\n") == []
    assert matches("公布监督电话88886666受理投诉，开通服务热线：96110受理求助。\n") == []


def test_a_short_count_after_a_phone_word_is_still_flagged():
    assert matches("开通热线电话13800000000，全年接听咨询电话326受理群众求助。\n") == ["326受理"]


@pytest.mark.parametrize(
    "text",
    [
        "通过12110受理聋哑人短信报警3件。",
        "对接市12122高速公路服务热线，通过12122受理涉路投诉5件。",
        "开通962345公共法律服务专线，依托962345受理群众法律咨询360人次。",
    ],
    ids=["12110", "12122", "962345"],
)
def test_other_service_numbers_before_a_verb_are_quiet(text):
    # Found by a false-positive hunt (fp-numbers n03–n05): 12xxx and six-digit 96xxxx lines.
    assert matches(text) == []


def test_a_round_count_shaped_like_a_service_number_is_still_flagged():
    assert matches("共发放宣传资料12200开展专题讲座23场次。") == ["12200开展"]
    assert matches("全年接待群众12110人次，发放资料960000开展宣传。") == ["960000开展"]
