"""RL303 canonical-term: fixed formulations and document titles, with an unsafe fix."""

from __future__ import annotations

import pytest

from reportlint.fix import fix_source
from reportlint.load import decode, load_path

from support import SYNTHETIC, builtin_rules, clean_text, document, lint, lint_file, seed

RULE = "canonical-term"

DUTY_TITLE = "《党政主要负责人履行推进法治建设第一责任人职责规定》"


def found(text):
    return [(d.line, d.column, d.message) for d in lint(text, RULE)]


def fixes(text):
    return [(d.fix.replacement, d.fix.safe) for d in lint(text, RULE)]


def test_seed_000_village_accounts_with_the_wrong_character():
    # "坚持“村帐街道管”,完善农村集体“三资”管理办法。"
    (d,) = lint_file(seed(0), RULE)
    assert (d.line, d.column, d.end_column) == (55, 44, 46)
    assert d.source_line[d.column - 1 : d.end_column - 1] == "村帐"
    assert d.message == "“村帐”应为“村账”"
    assert d.severity.value == "error"
    assert d.fix.replacement == "村账" and not d.fix.safe
    assert seed(0).read_text(encoding="utf-8")[d.fix.span.start : d.fix.span.end] == "村帐"


def test_seed_000_is_fixed_only_with_unsafe_fixes():
    source = load_path(seed(0))
    rules = builtin_rules().selected(select=(RULE,))
    assert fix_source(source, rules).text == source.text
    outcome = fix_source(source, rules, unsafe=True)
    assert outcome.text == source.text.replace("村帐", "村账", 1)
    assert (outcome.applied, outcome.remaining) == (1, [])


def test_rule_of_law_government_not_legal_system_government():
    assert found("推进法制政府建设，提升依法行政水平。") == [(1, 3, "“法制政府”应为“法治政府”")]
    assert fixes("推进法制政府建设。") == [("法治政府", False)]
    # Each occurrence is reported.
    assert [c for _, c, _ in found("推进法制政府建设。推进法制政府建设。")] == [3, 12]


def test_legal_review_of_major_enforcement_decisions():
    assert found("认真落实重大执法决定法治审核制度。") == [
        (1, 5, "“重大执法决定法治审核”应为“重大执法决定法制审核”")
    ]
    assert fixes("认真落实重大执法决定法治审核制度。") == [("重大执法决定法制审核", False)]


def test_legal_review_written_correctly_is_quiet():
    assert found("落实重大行政执法决定法制审核制度，加强法制审核。") == []
    assert found("落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。") == []
    assert found("加强法制审核，落实法治审核制度。") == []


def test_fix_of_legal_review_keeps_the_writers_accepted_wording():
    assert fixes("落实重大行政执法决定法治审核制度。") == [("重大行政执法决定法制审核", False)]


def test_supervision_regulation_title():
    text = "开展《法治政府建设与责任落实督查工作规定》学习。"
    assert found(text) == [
        (
            1,
            3,
            "“《法治政府建设与责任落实督查工作规定》”应为“《法治政府建设与责任落实督察工作规定》”",
        )
    ]
    assert fixes("贯彻《法治政府建设与责任落实督导工作规定》。") == [
        ("《法治政府建设与责任落实督察工作规定》", False)
    ]
    assert found("贯彻《法治政府建设与责任落实督察工作规定》。") == []


def test_misquoted_first_responsibility_regulation_title():
    text = "贯彻落实《党政主要负责人履行法治建设第一责任人职责规定》。"
    (d,) = lint(text, RULE)
    assert (d.line, d.column, d.end_column) == (1, 5, 29)
    assert d.message == f"“《党政主要负责人履行法治建设第一责任人职责规定》”应为“{DUTY_TITLE}”"
    assert d.fix.replacement == DUTY_TITLE and not d.fix.safe


def test_correct_first_responsibility_title_is_quiet_next_to_a_wrong_one():
    text = f"贯彻落实{DUTY_TITLE}和《党政主要负责人履行法治建设第一责任人职责规定》。"
    assert found(text) == [
        (1, 32, f"“《党政主要负责人履行法治建设第一责任人职责规定》”应为“{DUTY_TITLE}”")
    ]
    assert found(f"对照{DUTY_TITLE}（中办发〔2016〕71号）。") == []


@pytest.mark.parametrize(
    "text",
    [
        "制定《党政主要负责人履行推进法治建设第一责任人职责清单》，明确责任。",
        "印发《党政主要负责人履行推进法治建设第一责任人职责规定实施细则》。",
    ],
    ids=["duty-list", "implementing-rules"],
)
def test_other_documents_about_the_first_responsibility_are_quiet(text):
    assert found(text) == []


def test_xi_jinping_thought_formulations():
    assert found("以习近平新时代中国特色社会主义为指导。") == [
        (1, 2, "“习近平新时代中国特色社会主义”应为“习近平新时代中国特色社会主义思想”")
    ]
    assert fixes("以习近平新时代中国特色的社会主义思想为指导。") == [
        ("习近平新时代中国特色社会主义思想", False)
    ]
    assert found("深入学习习近平法制思想。") == [(1, 5, "“习近平法制思想”应为“习近平法治思想”")]


def test_correct_formulations_are_quiet():
    assert found("以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。") == []
    assert found("推进法治政府建设，走中国特色社会主义法治道路。") == []
    assert found("坚持习近平新时代中国特色社会主义思想和中国特色社会主义法治道路。") == []
    assert found("学习宪法、民法典等法律法规，提升法制意识，健全法制机构。") == []


def test_several_terms_in_one_paragraph():
    text = "认真落实重大执法决定法治审核制度，规范村帐管理，推进法制政府建设。"
    assert found(text) == [
        (1, 5, "“重大执法决定法治审核”应为“重大执法决定法制审核”"),
        (1, 20, "“村帐”应为“村账”"),
        (1, 27, "“法制政府”应为“法治政府”"),
    ]


def test_traditional_text_is_reported_without_a_fix():
    # The view folds 習/會/義 to simplified; a fix would rewrite more than the match shows.
    (d,) = lint("以習近平新時代中國特色社會主義為指導。", RULE)
    assert d.message == "“习近平新时代中国特色社会主义”应为“习近平新时代中国特色社会主义思想”"
    assert d.fix is None


def test_seeds_synthetic_samples_and_clean_sample_are_quiet():
    # Seeds 001 and 004 quote the first-responsibility regulation and Xi Jinping Thought correctly;
    # seed 002 writes them in traditional characters with pinyin noise.
    for n in range(1, 5):
        assert lint_file(seed(n), RULE) == []
    for path in sorted(SYNTHETIC.glob("*.txt")):
        assert lint_file(path, RULE) == [], path.name
    assert lint(clean_text(), RULE) == []


def test_a_formulation_cut_by_a_line_break_is_not_misquoted():
    text = "2024年，我乡坚持以习近平新时代中国特色社会主义\n思想为指导。\n"
    assert found(text) == []


def test_the_official_names_of_its_parts_are_quiet_and_not_fixed():
    # Found by a false-positive hunt: --unsafe-fixes would have written "…思想经济思想".
    for text in (
        "深入学习贯彻习近平新时代中国特色社会主义经济思想。",
        "深入学习贯彻习近平新时代中国特色社会主义外交思想。",
    ):
        assert found(text) == [], text
        source = decode(text.encode("utf-8"), "report.txt")
        rules = builtin_rules().selected(select=(RULE,))
        assert fix_source(source, rules, unsafe=True).text == text


def test_the_thought_cut_short_is_still_flagged_next_to_them():
    text = "以习近平新时代中国特色社会主义为指导，学习习近平新时代中国特色社会主义经济思想。"
    assert found(text) == [
        (1, 2, "“习近平新时代中国特色社会主义”应为“习近平新时代中国特色社会主义思想”")
    ]


def test_recall_more_misspelt_terms():
    text = (
        clean_text()
        .replace("执法全过程记录", "执法全过程纪录", 1)
        .replace("枫桥经验", "风桥经验", 1)
    )
    messages = [m for *_, m in found(text)]
    assert any("执法全过程记录" in m for m in messages) and any("枫桥经验" in m for m in messages)


# --- issue 15: names that changed, and congresses with the plenums of another --------


def test_the_day_renamed_in_2014_and_the_rule_of_law_wording():
    assert found("利用“12·4”法制宣传日开展集中宣传。") == [(1, 9, "“法制宣传日”应为“国家宪法日”")]
    assert found("在全国法制宣传日组织宪法宣誓。") == [(1, 2, "“全国法制宣传日”应为“国家宪法日”")]
    assert found("开展一系列的法制宣传活动，加强法制宣传教育。") == [
        (1, 7, "“法制宣传”应为“法治宣传”"),
        (1, 16, "“法制宣传”应为“法治宣传”"),
    ]
    assert found("成立园区法制建设工作领导小组。") == [(1, 5, "“法制建设”应为“法治建设”")]
    assert fixes("统筹推进法制建设。") == [("法治建设", False)]


@pytest.mark.parametrize(
    "text",
    [
        "落实重大执法决定法制审核制度，健全法制机构，配齐法制审核人员。",
        "完善领导干部学法制度、述法制度和会前学法制度建设。",
        "邀请市人大法制委派员指导，严格依法制定规范性文件。",
        "12月4日由原全国法制宣传日设立为国家宪法日。",
    ],
)
def test_legal_system_words_that_are_right_stay_quiet(text):
    assert found(text) == [], text


def test_the_study_outline_and_plenums_of_a_central_committee():
    assert found("组织学习《习近平法治思想纲要》。") == [
        (1, 6, "“习近平法治思想纲要”应为“习近平法治思想学习纲要”")
    ]
    assert found("认真学习党的十九大历次全会、党的二十大精神。") == [(1, 7, "“十九大”应为“十九届”")]
    assert found("深入学习贯彻党的十九大和二十届三中全会精神。") == [(1, 9, "“十九大”应为“二十大”")]
    assert fixes("深入学习贯彻党的十九大精神和二十届二中全会精神。") == [("二十大", False)]
    for text in (
        "深入学习贯彻党的十九大、二十大和二十届一中全会精神。",
        "深入学习贯彻党的二十大和二十届历次全会精神。",
        "全面贯彻党的十九大和十九届历次全会精神。",
    ):
        assert found(text) == [], text


def test_an_entry_referring_to_a_missing_group_fails_the_load_with_its_key():
    from reportlint.checks import RuleError, load_pack_text

    pack = """rules:
  - code: X303
    name: my-terms
    kind: substitution
    severity: error
    message: “{match}”应为“{replacement}”
    params:
      entries:
        - {pattern: "法制(政府)", replacement: "法治\\\\2", source: 某文件}
"""
    with pytest.raises(RuleError) as info:
        load_pack_text(pack, "mine.yaml")
    assert info.value.key == "params.entries[0].replacement"


def test_swaps_are_taken_as_one_alternation_would_take_them():
    # The kind runs its patterns one by one (first over the whole report); the matches
    # must still be those of one alternation: the earliest place, there the earlier
    # entry, none inside another, and an anchored pattern at each paragraph's start.
    from reportlint.checks import load_pack_text

    pack = """rules:
  - code: X304
    name: my-swaps
    kind: substitution
    severity: warning
    message: “{match}”应为“{replacement}”
    params:
      swap: {"甲乙": "一", "乙丙": "二", "甲": "三", "^丁": "四", "丙丁": "五"}
"""
    (rule,) = load_pack_text(pack, "mine.yaml")
    doc = document("甲乙丙丁。\n丁甲。\n乙丙甲乙。")
    found = [
        (doc.text[f.span.start : f.span.end], f.args["replacement"]) for f in rule.check.check(doc)
    ]
    assert found == [
        ("甲乙", "一"),
        ("丙丁", "五"),
        ("丁", "四"),
        ("甲", "三"),
        ("乙丙", "二"),
        ("甲乙", "一"),
    ]


def test_the_school_post_renamed_in_2022():
    # K7: 《中小学法治副校长聘任与管理办法》, in force 1 May 2022.
    def at(year):
        return f"某镇{year}年法治政府建设情况报告\n{year}年，为辖区5所中小学聘请法制副校长。"

    (d,) = lint(at(2023), RULE)
    assert d.message == "“法制副校长”应为“法治副校长”" and not d.fix.safe
    assert lint(at(2022), RULE) != []
    assert lint(at(2021), RULE) == []
    # the old title was right before; without a year it is left alone
    assert lint("为辖区5所中小学聘请法制副校长。", RULE) == []


def test_the_supervision_rules_by_their_short_name():
    # K7: only where the sentence is about the rule of law or the annual report.
    assert [d.message for d in lint("按照《督查工作规定》要求，于3月底前公开年度报告。", RULE)] == [
        "“《督查工作规定》”应为“《督察工作规定》”"
    ]
    assert lint("按照《督察工作规定》要求，于3月底前公开年度报告。", RULE) == []
    assert lint("修订《督查工作规定》，健全督查督办机制。", RULE) == []
