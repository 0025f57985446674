"""RL102 duty-coverage: the duty section shows concrete acts and both leaders."""

from __future__ import annotations

from support import clean_text, codes, lint, lint_file, seed

HEAD = "某镇2023年法治政府建设年度报告\n一、主要举措和成效\n依法行政。\n"
TAIL = "三、存在的不足和原因\n原因是人手不足。\n四、2024年工作安排\n继续推进。\n某镇人民政府\n2024年1月10日\n"


def duty_report(body: str) -> str:
    return HEAD + "二、党政主要负责人履行推进法治建设第一责任人职责情况\n" + body + "\n" + TAIL


def test_vague_section_is_flagged_with_what_is_missing():
    found = lint(
        duty_report("党政主要负责人高度重视法治建设，把法治建设摆在重要位置。"), "duty-coverage"
    )
    assert [d.severity.value for d in found] == ["warning"]
    assert "0项" in found[0].message and "出庭应诉" in found[0].message


def test_concrete_acts_with_both_leaders_are_quiet():
    # Seed 002's duty paragraph (simplified): study, hearing reports, court, legal adviser.
    body = (
        "街道党政主要负责同志组织中心组专题学法1次，安排党工委会议听取法治建设相关情况汇报，"
        "研究解决重点问题。街道主要负责人出庭应诉3次。落实法律顾问制度。"
    )
    assert lint(duty_report(body), "duty-coverage") == []


def test_only_one_leader_is_flagged():
    body = "镇党委书记主持中心组专题学法4次，听取法治建设工作汇报2次，对重要任务亲自督办。"
    found = lint(duty_report(body), "duty-coverage")
    assert len(found) == 1 and "党委（党组）和政府主要负责人" in found[0].message


def test_missing_section_is_left_to_required_sections():
    text = HEAD + TAIL
    assert "RL102" not in codes(lint(text))
    assert "RL101" in codes(lint(text))


def test_seed_000_thin_duty_section_is_flagged():
    found = lint_file(seed(0), "duty-coverage")
    assert len(found) == 1 and "2项" in found[0].message


def test_seed_002_and_004_are_quiet():
    assert lint_file(seed(2), "duty-coverage") == []
    assert lint_file(seed(4), "duty-coverage") == []


def test_clean_sample_is_quiet():
    assert lint(clean_text(), "duty-coverage") == []


def test_leaders_and_acts_worded_as_in_other_regions():
    quiet = [
        # 旗 (Inner Mongolia) and a party-committee-and-government phrase.
        "旗委书记、旗长带头学法，听取法治建设汇报2次，出庭应诉1次。",
        "县委、县政府主要负责同志审议法治建设工作要点，讲授法治党课，带头旁听庭审。",
    ]
    for body in quiet:
        assert lint(duty_report(body), "duty-coverage") == [], body


def test_one_principal_named_as_such_is_a_leader():
    # A department's or a county government's report names its own principal.
    for who in ("局主要负责人", "县政府主要负责人"):
        body = f"{who}带头学法4次，听取法治建设汇报2次，出庭应诉1次。"
        assert lint(duty_report(body), "duty-coverage") == [], who


SHUFA_TITLE = "镇安县人民政府县长2024年度履行推进法治建设第一责任人职责情况报告\n"
SHUFA_TAIL = (
    "三、存在的问题和不足\n普法形式单一，主要原因是考核约束不强。\n"
    "四、下一步工作打算\n带头出庭应诉，落实法律顾问制度。\n"
    "镇安县人民政府县长　王建华\n2025年1月10日\n"
)


def test_a_duty_report_is_checked_over_its_whole_body():
    # Found by a false-positive hunt (06_shufa_county_head): the title is the duty part.
    body = (
        "2024年，本人作为县政府主要负责人，对法治建设重要工作亲自部署。\n"
        "一、带头尊法学法守法用法\n全年主持县政府常务会议会前学法12次。\n"
        "二、带头出庭应诉\n全年出庭应诉行政诉讼案件1件，听取法治政府建设工作汇报4次。\n"
    )
    assert lint(SHUFA_TITLE + body + SHUFA_TAIL, "duty-coverage") == []


def test_a_thin_duty_report_is_still_flagged_and_the_plan_does_not_count():
    body = "2024年，本人作为县政府主要负责人，高度重视法治建设。\n一、提高政治站位\n把法治建设摆在重要位置。\n"
    (found,) = lint(SHUFA_TITLE + body + SHUFA_TAIL, "duty-coverage")
    assert (found.line, found.column) == (1, 1)
    # 出庭应诉 and 法律顾问 are only planned (四、下一步工作打算): not counted.
    assert "0项" in found.message and "出庭应诉" in found.message


def test_a_joint_report_is_not_checked_over_its_whole_body():
    # Reviewer (cases/r_duty_title_combined): a joint title is not the duty report; with
    # no duty heading the part is missing (RL101), not thinly covered over the whole body.
    title = "青岚县望溪镇2024年法治政府建设暨党政主要负责人履行推进法治建设第一责任人职责情况报告\n"
    body = "2024年，全镇坚持依法行政。\n一、主要举措和成效\n主持专题学法4次，落实法律顾问制度。\n"
    text = title + body + SHUFA_TAIL
    assert lint(text, "duty-coverage") == []
    assert codes(lint(text, "required-sections", "duty-coverage")) == ["RL101"]


JOINT_TITLE = (
    "青岚县望溪镇2024年法治政府建设暨党政主要负责人履行推进法治建设第一责任人职责情况报告\n"
)
LEAD = "镇党委书记、镇长认真履行推进法治建设第一责任人职责，切实把法治建设摆在全局工作的重要位置。"


def test_a_duty_part_written_as_a_led_paragraph_is_checked():
    # Review of f2b7d63: with no duty heading, RL101 accepts the led paragraph, so
    # RL102 checks it, up to the next heading.
    body = "一、主要举措和成效\n主持专题学法4次，落实法律顾问制度。\n" + LEAD + "\n"
    (found,) = lint(JOINT_TITLE + body + SHUFA_TAIL, "duty-coverage")
    assert "只写到" in found.message
    assert found.source_line.startswith(LEAD) and found.end_column - found.column == len(LEAD)


def test_a_led_paragraph_with_its_acts_below_it_is_quiet():
    # The acts may follow in the next paragraphs of the same section (real reports do).
    body = (
        "一、主要举措和成效\n全年办理行政处罚案件62件。\n"
        + LEAD
        + "\n镇党委书记主持中心组专题学法4次，镇长主持政府常务会议听取法治建设工作汇报3次，"
        "研究解决重大问题2个，出庭应诉1次。\n二、存在的不足和原因\n主要原因是人员较少。\n"
    )
    assert lint(JOINT_TITLE + body + SHUFA_TAIL, "duty-coverage") == []


def test_a_governments_own_report_names_its_principal_in_the_heading():
    # Hunt 21 (fp06): "县人民政府主要负责人履行…", the body naming only 县长.
    body = "县长主持县政府常务会议会前学法12次，听取法治政府建设工作汇报4次，出庭应诉2次。"
    text = (
        HEAD + "二、县人民政府主要负责人履行推进法治建设第一责任人职责情况\n" + body + "\n" + TAIL
    )
    assert lint(text, "duty-coverage") == []
    # The statutory 党政 heading still wants both leaders in the body.
    (found,) = lint(duty_report(body), "duty-coverage")
    assert "党委（党组）和政府主要负责人" in found.message


def test_a_party_committees_heading_still_wants_both_leaders():
    # Review of the fix above: 县委 is a party body though it has no 党.
    body = "县委书记主持县委常委会会议研究法治工作3次，带头学法4次，出庭旁听庭审1次。"
    text = HEAD + "二、县委主要负责人履行推进法治建设第一责任人职责情况\n" + body + "\n" + TAIL
    (found,) = lint(text, "duty-coverage")
    assert "党委（党组）和政府主要负责人" in found.message


def test_a_led_paragraph_over_sub_headings_with_the_acts_is_quiet():
    # Review of the fix above: the acts may be set out under sub-headings.
    body = (
        "一、主要举措和成效\n全年办理行政处罚案件62件。\n二、强化法治建设组织领导\n"
        + LEAD
        + "\n（一）带头学法\n镇党委书记主持中心组专题学法4次。\n"
        "（二）听取汇报\n镇长主持政府常务会议听取法治建设工作汇报3次，研究解决重大问题2个。\n"
        "（三）出庭应诉\n镇长出庭应诉1次。\n三、存在的不足和原因\n主要原因是人员较少。\n"
    )
    assert lint(JOINT_TITLE + body + SHUFA_TAIL, "duty-coverage") == []


def test_recall_citing_the_regulation_names_neither_leader():
    # Recall check: "党政" inside 《党政主要负责人履行…规定》 stood for both leaders.
    body = (
        "镇党委书记认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》，"
        "主持中心组专题学法4次，听取法治建设工作汇报2次，带头出庭应诉1次。"
    )
    (found,) = lint(duty_report(body), "duty-coverage")
    assert "党委（党组）和政府主要负责人" in found.message


def test_after_review_of_the_recall_leaders_named_in_their_own_subheadings():
    body = (
        "镇主要负责同志认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》。\n"
        "（一）镇党委书记履职情况\n主持中心组专题学法4次，听取法治建设工作汇报2次。\n"
        "（二）镇长履职情况\n主持政府常务会议会前学法6次，带头出庭应诉1次。"
    )
    assert lint(duty_report(body), "duty-coverage") == []


def test_a_sentence_listing_the_reports_parts_is_not_the_duty_part():
    # A preamble names every part; the duty part itself comes later (here: not at all).
    text = (
        "某局2022年法治政府建设情况报告\n"
        "本报告包括主要举措和成效、党政主要负责人履行推进法治建设第一责任人职责情况、存在不足和原因、2023年重点工作四个部分。\n"
        "一、主要举措和成效\n我局坚持依法行政，全年办理行政许可事项320件。\n"
    )
    assert lint(text, "duty-coverage") == []
    assert any("第一责任人" in d.message for d in lint(text, "required-sections"))


# Review of 44 unseen real reports (review 3).
def test_a_department_has_one_principal():
    head = "某县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n依法行政。\n"
    tail = TAIL.replace("某镇人民政府", "某县司法局")
    body = "局长带头学法3次，主持专题会议研究法治工作2次，出庭应诉1次，年终述法1次。"
    text = head + "二、党政主要负责人履行推进法治建设第一责任人职责情况\n" + body + "\n" + tail
    assert lint(text, "duty-coverage") == []
    # A town's report still wants both leaders.
    (found,) = lint(duty_report(body.replace("局长", "镇长")), "duty-coverage")
    assert "党委（党组）和政府主要负责人" in found.message


def test_duty_acts_worded_as_in_unseen_reports():
    for body in (
        # 四个亲自 without 亲自, 旁听庭审, 述职 with the duty
        "镇党委书记、镇长部署重要工作、过问重大问题、协调重点环节、督办重要任务。组织集中学法3次。"
        "全体干部参加旁听庭审，主要负责人履职情况与年度述职一并开展。",
        # 谋划部署 at a meeting, 带头学习法律法规
        "镇党委书记、镇长带头学习法律法规，年初召开专题会议谋划部署全年任务，落实述法要求。",
        # 部署推进, 研究解决
        "镇党委书记、镇长在党委会上专题述法，加大重要工作部署推进和重大问题研究解决力度。",
    ):
        assert lint(duty_report(body), "duty-coverage") == [], body
