"""RL202 sum-consistency: totals and their breakdowns."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed

HEAD = "某镇2023年法治政府建设年度报告\n一、主要举措和成效\n"


def sums(sentence: str) -> list[str]:
    return [d.message for d in lint(HEAD + sentence + "\n", "sum-consistency")]


def test_seed_004_petitions_sentence_is_flagged_with_its_parts():
    sentence = (
        "受理人民群众来电、来信、来访以及网上系统转办件共1355批次,包括接待居民来访631批次996余人次,"
        "接待群众来电来信318批次,政民零距离、党群心连心、地方领导留言板转办件184批次,智慧信访系统转办单212件次。"
    )
    (message,) = sums(sentence)
    assert "1355批次" in message and "631批次+318批次+184批次+212件次=1345" in message


def test_seed_004_litigation_and_review_sentences_add_up():
    assert (
        sums(
            "共计受理滨海新区人民法院行政诉讼案件9件:原告撤回起诉1件;确定回复违法3件;已开庭未出判决4件;未开庭1件。"
        )
        == []
    )
    assert (
        sums(
            "共计受理天津市滨海新区人民政府行政复议案件 16件:维持被申请人作出的答复6件,驳回申请人的行政复议申请3件,行政复议终止4件;3件正审理中。"
        )
        == []
    )


def test_colon_breakdown_that_does_not_add_up():
    (message,) = sums("全年以镇政府为被告的行政诉讼案件6件：胜诉3件，调解撤诉2件。")
    assert "3件+2件=5" in message and "不等于" in message


def test_subset_after_qizhong_may_be_smaller():
    assert sums("全年共受理信访件58件，其中来信12件、来访20件。") == []


def test_subset_after_qizhong_cannot_be_larger():
    (message,) = sums("全年共受理信访件30件，其中来信12件、来访20件。")
    assert "大于" in message


def test_open_lists_and_approximations_are_quiet():
    assert sums("共受理60件，包括来信12件、来访20件等。") == []
    assert sums("共受理60余件，包括来信12件、来访20件。") == []


def test_other_units_are_not_added():
    assert sums("开展普法活动86场，其中法治讲座24场、发放资料1200份、集中宣传38场。") == []


def test_single_part_is_quiet():
    # Seed 004: "共 16 件次(其中环保类 16 件次)".
    assert sums("共收到各类环保督察群众信访举报问题共 16 件次(其中环保类 16 件次)。") == []


def test_seed_004_whole_report_has_one_sum_finding():
    assert len(lint_file(seed(4), "sum-consistency")) == 1


def test_clean_sample_is_quiet():
    assert lint(clean_text(), "sum-consistency") == []


def test_later_counts_in_the_sentence_are_not_parts():
    # Found by a false-positive hunt: the breakdown ends before "已办结…" / "负责人出庭应诉…".
    assert sums("受理信访件56件，其中来信12件、来访20件、网上信访24件，已办结54件。") == []
    assert sums("行政诉讼案件9件：胜诉5件，败诉1件，撤诉3件，行政机关负责人出庭应诉9件。") == []
    assert sums("行政诉讼案件5件，其中开庭审理4件，行政机关负责人出庭应诉4件次。") == []


def test_nested_breakdowns_decimals_and_set_phrases():
    assert sums("审查涉法事项46件：重大决策3件、合同协议38件（其中采购合同20件）、其他5件。") == []
    assert sums("罚没款共计28.7万元，包括罚款16.1万元、没收违法所得12.6万元。") == []
    assert sums("办件3260件，其中即办件2100件、承诺件1160件，推动一件事一起办。") == []
    assert sums("执法人员45名，其中持证43名，全年参训186人次。") == []
    assert sums("受理群众诉求560余件：咨询类300件、投诉类200件、建议类80件。") == []


def test_a_nested_qizhong_inside_a_list_breaks_down_its_item():
    # Found by a false-positive hunt: 131+29+17+9+12=198 and 198+17=215.
    sentence = (
        "市政府全年受理行政复议案件215件：审结198件，其中维持131件、撤销29件、确认违法17件、"
        "责令履行9件、驳回复议申请12件；尚在审理期限内17件。"
    )
    assert sums(sentence) == []
    assert sums("行政诉讼案件9件：胜诉5件，其中调解2件，败诉1件，撤诉3件。") == []


def test_a_list_with_a_nested_qizhong_is_still_checked_at_both_levels():
    (message,) = sums(
        "市政府全年受理行政复议案件215件：审结198件，其中维持131件、撤销29件、确认违法17件、"
        "责令履行9件、驳回复议申请12件；尚在审理期限内27件。"
    )
    assert "198件+27件=225" in message
    (message,) = sums(
        "市政府全年受理行政复议案件215件：审结198件，其中维持131件、撤销29件、确认违法17件、"
        "责令履行9件、驳回复议申请22件；尚在审理期限内17件。"
    )
    assert "总数198件" in message and "=208" in message and "大于" in message


def test_later_stages_of_the_same_cases_are_not_addends():
    assert sums("收到行政复议申请96件：受理88件，审结81件。") == []
    assert sums("收到行政复议申请96件：受理行政复议申请88件，审结案件81件。") == []
    # Still flagged: the parts that are addends do not make up the total.
    (message,) = sums("收到行政复议申请96件：受理88件，不予受理5件，审结81件。")
    assert "88件+5件=93" in message
    # A completion count with no intake before it is an addend.
    (message,) = sums("收到行政复议申请96件：审结81件，尚在审理中25件。")
    assert "81件+25件=106" in message
