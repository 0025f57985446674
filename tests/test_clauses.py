"""Sentences, clauses, figures and rate mentions (document/clauses.py)."""

from __future__ import annotations

import pytest

from reportlint.document.clauses import Figure, counts_with, stem_of

from support import document

HEAD = "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n"


def body(text: str):
    doc = document(HEAD + text + "\n")
    # the title and the heading are sentences too; the passage is what follows
    return doc, [s for s in doc.sentences if s.start >= doc.view.text.index(text[:4])]


def test_sentences_end_at_full_stops_and_clauses_at_commas_outside_brackets():
    doc, sentences = body(
        "审查涉法事项46件：重大决策3件、合同协议38件（其中采购合同20件，服务合同8件）、其他5件。"
        "全年受理40件，办结38件！"
    )
    assert [s.text for s in sentences] == [
        "审查涉法事项46件：重大决策3件、合同协议38件（其中采购合同20件，服务合同8件）、其他5件。",
        "全年受理40件，办结38件！",
    ]
    clauses = doc.clauses_of(sentences[0])
    assert [(c.text, c.closer) for c in clauses] == [
        ("审查涉法事项46件", "："),
        ("重大决策3件、合同协议38件（其中采购合同20件，服务合同8件）、其他5件", "。"),
    ]
    # each clause's offsets are view offsets that map back to the original text
    c = clauses[1]
    span = doc.span(c.start, c.end)
    assert doc.text[span.start : span.end] == c.text


def test_a_paragraph_is_its_own_sentence_even_without_a_full_stop():
    doc, sentences = body("全年办理行政处罚案件30件，罚没款12.5万元")
    assert [s.text for s in sentences] == ["全年办理行政处罚案件30件，罚没款12.5万元"]
    paragraph = next(p for p in doc.body_paragraphs if p.text.startswith("全年"))
    assert doc.sentences_of(paragraph) == tuple(sentences)


def test_figures_carry_unit_class_amount_precision_and_approximation():
    doc, (sentence,) = body(
        "接待来访631批次996余人次，智慧信访转办212件次，受理法律咨询1.52万人次，约0.39万元，现有12名执法人员。"
    )
    figures = [f for c in doc.clauses_of(sentence) for f in c.figures]
    assert [(f.value, f.unit, f.unit_class, f.approx) for f in figures] == [
        (631, "批次", "cases", ""),
        (996, "人次", "人次", "余"),
        (212, "件次", "cases", ""),
        (1.52, "万人次", "人次", ""),
        (0.39, "万元", "元", "约"),
        (12, "名", "people", ""),
    ]
    wan = figures[3]
    assert wan.amount == pytest.approx(15200) and wan.precision == pytest.approx(50)
    assert figures[0].precision == 0
    assert figures[5].counted == "执法人员"


def test_lead_and_tail_are_the_words_of_each_item():
    doc, (sentence,) = body(
        "全年行政诉讼案件共7件，胜诉4件、败诉1件，抽查案卷30卷，其中24卷被评为优良（含优秀10卷）。"
    )
    figures = [f for c in doc.clauses_of(sentence) for f in c.figures]
    assert [(f.lead, f.tail, f.bracketed) for f in figures] == [
        ("全年行政诉讼案件共", "", False),
        ("胜诉", "", False),
        ("败诉", "", False),
        ("抽查案卷", "", False),
        ("其中", "被评为优良", False),
        ("含优秀", "", True),
    ]


def test_figures_in_titles_are_not_counts():
    doc, (sentence,) = body("落实《提质23条措施》，推出便民措施103项。")
    assert [f.value for c in doc.clauses_of(sentence) for f in c.figures] == [103]


def test_rate_mentions_with_stems_bounds_and_shared_values():
    doc, (sentence,) = body(
        "全年按期办结率99.2%，调处成功率100%，参考率、通过率均为100%，持证比例98%以上，"
        "纠错率控制在10%以内，满意率不低于95%，评为优秀的86卷，占35.8%。"
    )
    rates = [r for c in doc.clauses_of(sentence) for r in c.rates]
    assert [(r.name, r.stem, r.value, r.bound, r.share) for r in rates] == [
        ("全年按期办结率", "按期办结", 99.2, "", False),
        ("调处成功率", "调处成功", 100, "", False),
        ("参考率", "参考", 100, "", False),
        ("通过率", "通过", 100, "", False),
        ("持证比例", "持证", 98, "at_least", False),
        ("纠错率", "纠错", 10, "at_most", False),
        ("满意率", "满意", 95, "at_least", False),
        ("占", "", 35.8, "", True),
    ]
    r = rates[0]
    assert doc.view.text[r.start : r.end] == "全年按期办结率99.2%" and r.decimals == 1


@pytest.mark.parametrize(
    ("name", "stem", "finds"),
    [
        ("办结率", "办结", "已办结24件"),
        ("出庭应诉率", "出庭应诉", "负责人出庭应诉12件"),
        ("优良率", "优良", "优良案卷24卷"),
        ("执法案卷合格率", "合格", "合格20卷"),
        ("按期办结率", "按期办结", "按期办结105件"),
        ("调处成功率", "调处成功", "成功调处225宗"),
        ("不满意率", "不满意", "回访不满意2件"),
        ("现场解答率", "现场解答", "现场解答1万人次"),
        ("办复率", "办复", "办复119件"),
        ("审签率", "审签", "审签30件"),  # no stem in the lexicon: the last two characters
    ],
)
def test_a_rate_names_its_stem_and_finds_it_in_a_count(name, stem, finds):
    import regex

    found, pattern = stem_of(name)
    assert found == stem
    assert regex.search(pattern, finds)


def test_a_manner_word_narrows_the_stem():
    import regex

    _, pattern = stem_of("按期答复率")
    assert not regex.search(pattern, "已答复28件")


def test_sentences_and_clauses_are_built_once():
    doc, (sentence,) = body("受理40件，办结38件，办结率95%。")
    assert doc.sentences is doc.sentences
    assert doc.clauses_of(sentence) is doc.clauses_of(sentence)
    assert [c.text for c in doc.clauses if c.sentence == sentence.number] == [
        "受理40件",
        "办结38件",
        "办结率95%",
    ]


def test_yue_and_jin_inside_a_word_make_no_approximation():
    doc, (sentence,) = body("实际签约132个，就近办理12件，约0.39万元，近200件。")
    figures = [f for c in doc.clauses_of(sentence) for f in c.figures]
    assert [f.approx for f in figures] == ["", "", "约", "近"]


def test_a_table_typed_as_text_has_named_columns_units_and_cells():
    doc = document(
        HEAD
        + "项目\t受理（件）\t金额（万元）\t办结率\n行政复议\t26\t1.5\t96.2%\n合计\t26\t—\t96.2%\n"
    )
    (table,) = doc.tables
    assert table.header == ("项目", "受理", "金额", "办结率")
    assert table.units == ("", "件", "万元", "")
    assert table.labels == ("行政复议", "合计")
    assert table.total_rows() == [1] and table.total_columns() == []
    assert table.cells[1][1] is None
    money = table.figure(0, 1, "金额")
    assert money is not None and (money.amount, money.unit_class, money.decimals) == (
        15000,
        "元",
        1,
    )
    # A cell's figure is whole: every field a figure of the text has.
    assert len(money) == len(Figure._fields) and money.also == ""
    rate = table.rate(0, 2, "办结率")
    assert rate is not None and (rate.stem, rate.value) == ("办结", 96.2)
    span = doc.span(rate.start, rate.end)
    assert doc.text[span.start : span.end] == "96.2%"
    # a row of words or a line of prose with a gap is no table
    assert document(HEAD + "项目\t做法\n普法\t送法下乡\n").tables == ()


def test_rate_mentions_in_turn_before_their_name_in_words_and_named_shares():
    doc, (sentence,) = body(
        "审结率分别为94.4%、90.9%，参考率和合格率分别达到99.6%和98.8%，以96.5%的办结率位居第一，"
        "办结率达到百分之九十五点五，实现百分之百办结，适用简易程序的占比62.5%，占受理总数40件的95%。"
    )
    rates = [r for c in doc.clauses_of(sentence) for r in c.rates]
    assert [(r.name, r.value, r.decimals, r.respective, r.share) for r in rates] == [
        ("审结率", 94.4, 1, 0, False),
        ("审结率", 90.9, 1, 1, False),
        ("参考率", 99.6, 1, 0, False),
        ("合格率", 98.8, 1, 1, False),
        ("办结率", 96.5, 1, -1, False),
        ("办结率", 95.5, 1, -1, False),
        ("办结率", 100, 0, -1, False),
        ("占比", 62.5, 1, -1, True),
        ("占", 95, 0, -1, True),
    ]
    # a share after words and no count names its part
    assert rates[7].stem == "适用简易程序" and rates[8].stem == ""
    assert doc.view.text[rates[4].start : rates[4].end] == "96.5%的办结率"


def test_words_of_a_figure_stop_at_a_comma_inside_brackets():
    doc, (sentence,) = body("行政复议纠错率为18.2%（全年审结22件，纠错4件）。")
    figures = [f for c in doc.clauses_of(sentence) for f in c.figures]
    assert [(f.lead, f.tail) for f in figures] == [("全年审结", ""), ("纠错", "")]


def test_a_unit_with_another_in_brackets_counts_both():
    doc, (sentence,) = body("全年审查各类文件67件（份）：合同协议43份，规范性文件6件。")
    total, contracts, rules = (f for c in doc.clauses_of(sentence) for f in c.figures)
    assert (total.unit, total.unit_class, total.also, total.tail) == ("件", "cases", "份", "")
    assert (contracts.unit_class, contracts.also) == ("份", "")
    assert counts_with(contracts, total) and counts_with(rules, total)
    assert not counts_with(total, contracts)
