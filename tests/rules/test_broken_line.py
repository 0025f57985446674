"""RL408 broken-line: a line break that cuts a word or sentence, fixed by joining the lines."""

from __future__ import annotations

from reportlint.fix import apply_fixes, fix_source
from reportlint.load import decode, load_path

from support import builtin_rules, clean_text, document, lint, lint_file, seed

RULE = "broken-line"


def found(text):
    return [(d.line, d.column, d.message) for d in lint(text, RULE)]


def fixed(source):
    return fix_source(source, builtin_rules().selected(select=(RULE,)))


def test_seed_001_two_words_cut_in_two():
    # "…纳入领导班子和领导干部年度考 / 核重要指标" and "…对党 / 委的重要事项", with blank lines between.
    first, second = lint_file(seed(1), RULE)
    assert (first.line, first.column, first.end_line, first.end_column) == (12, 278, 12, 279)
    assert first.source_line.endswith("领导干部年度考")
    assert first.message == "句子在“导干部年度考”与“核重要指标。”之间被换行截断：请删除此处换行"
    assert (second.line, second.column) == (14, 28)
    assert second.source_line.endswith("严格依法依规决策,对党")
    assert second.message == "句子在“规决策,对党”与“委的重要事项”之间被换行截断：请删除此处换行"
    assert first.severity.value == "warning"


def test_other_seeds_and_the_clean_sample_are_quiet():
    for n in (0, 2, 3, 4):
        assert lint_file(seed(n), RULE) == []
    assert lint(clean_text(), RULE) == []


def test_break_inside_a_sentence():
    text = "一、主要工作\n三是决策机制执行到位。严格依法依规决策，对党\n委的重要事项实行集体研究。"
    assert found(text) == [
        (2, 22, "句子在“规决策，对党”与“委的重要事项”之间被换行截断：请删除此处换行")
    ]


def test_breaks_before_headings_items_signature_and_dates_are_quiet():
    prose = "我镇推进依法行政。全年开展普法宣传活动"
    assert found(prose + "\n二是加强执法监督。") == []
    assert found(prose + "\n（二）加强执法监督") == []
    assert found(prose + "\n1.加强执法监督") == []
    assert found(prose + "\n三、存在的不足和原因") == []
    assert found(prose + "\n青岚县望溪镇人民政府\n2025年1月20日") == []
    assert found(prose + "\n二〇二五年一月二十日") == []
    assert found(prose + "\n发布日期：2024-01-17") == []


def test_titles_headings_and_finished_sentences_are_not_broken():
    assert found("青岚县望溪镇2024年法治政府建设年度报告\n2024年，望溪镇坚持依法行政。") == []
    text = (
        "（一）坚持党的领导，压紧压实法治建设责任\n"
        "镇党委把学习贯彻习近平法治思想作为重要政治任务。\n"
        "我镇将法治建设纳入年度考核重要指标，与经济社会发展同部署。\n"
        "法治宣传形式单一。"
    )
    assert found(text) == []


def test_fix_of_seed_001_deletes_the_two_breaks_and_nothing_else():
    source = load_path(seed(1))
    diagnostics = lint_file(seed(1), RULE)
    spans = [d.fix.span for d in diagnostics]
    assert [source.text[a:b] for a, b in spans] == ["\n\n", "\n\n\n"]
    assert [d.fix.replacement for d in diagnostics] == ["", ""]
    assert all(d.fix.safe for d in diagnostics)
    text, applied = apply_fixes(source.text, [d.fix for d in diagnostics])
    (a1, b1), (a2, b2) = spans
    assert applied == 2
    assert text == source.text[:a1] + source.text[b1:a2] + source.text[b2:]
    assert (
        "领导干部年度考核重要指标。三是决策机制执行到位。严格依法依规决策,对党委的重要事项" in text
    )
    assert text.count("\n") == source.text.count("\n") - 5


def test_fix_is_idempotent():
    source = load_path(seed(1))
    first = fixed(source)
    assert (first.applied, first.remaining) == (2, [])
    again = fixed(source._replace(text=first.text))
    assert (again.applied, again.text, again.remaining) == (0, first.text, [])


def test_fix_also_removes_blank_lines_and_spaces_around_the_break():
    source = decode(
        "我镇推进依法行政。全年开展普法宣传活动   \n\n  多次开展专题讲座。\n".encode(), "r.txt"
    )
    assert fixed(source).text == "我镇推进依法行政。全年开展普法宣传活动多次开展专题讲座。\n"


def test_headings_notes_and_table_rows_end_where_they_end():
    # From the false-positive hunt: a heading with "；", a note line, a table header.
    for text in (
        "一、主要工作\n（一）健全制度体系；完善工作机制\n我局制定了工作规则。\n",
        "一、坚持依法决策；提升治理效能\n我县全年审查重大行政决策事项5项。\n",
        "一、主要工作\n注：以上数据统计截至2024年12月31日；数据来源于县司法局\n此外，全年办理行政诉讼案件12件。\n",
        "一、主要工作\n单位：件；统计时间：截至2024年12月31日\n类别　受理　审结\n",
    ):
        assert found(text) == [], text


def test_a_sentence_wrapped_over_many_lines_is_found_whole():
    # A narrow PDF column: the middle fragments are not prose on their own,
    # but the sentence they belong to is, so every break is found at once.
    text = (
        "一、主要工作\n三是决策机制执行到位。严格依\n法依规决\n策，对重\n大事项实\n行集体研\n究。"
    )
    assert [line for line, _, _ in found(text)] == [2, 3, 4, 5, 6]
    outcome = fixed(decode(text.encode("utf-8"), "r.txt"))
    assert (
        outcome.text
        == "一、主要工作\n三是决策机制执行到位。严格依法依规决策，对重大事项实行集体研究。"
    )
    assert outcome.applied == 5 and outcome.remaining == []


def test_a_wrapped_heading_is_not_the_start_of_a_chain():
    # The run restarts at a line that is not joined: a heading's break stays.
    text = "一、主要工作\n（一）健全制度\n完善机制，落实责任"
    assert found(text) == []


def test_a_line_ending_in_an_opening_mark_or_starting_with_a_closing_one_is_broken():
    text = (
        "一、主要工作\n镇党委制定《\n望溪镇2024年法治政府建设工作要点》，明确任务。\n"
        "统筹推进依法决策等各项工作\n，法治政府建设取得新的进展。\n"
    )
    assert [(line, message) for line, _, message in found(text)] == [
        (2, "句子在“镇党委制定《”与“望溪镇202”之间被换行截断：请删除此处换行"),
        (4, "句子在“策等各项工作”与“，法治政府建”之间被换行截断：请删除此处换行"),
    ]
    assert lint(text, "paired-punctuation") == []


def test_a_title_left_open_goes_on_across_a_wrap():
    # A 30-character wrap: "《中" / "华人民共和国行政复议法》" and "（2021—2" / "025年）》".
    text = (
        "一、主要工作\n围绕习近平法治思想和新修订的《中\n华人民共和国行政复议法》开展专题研讨。\n"
        "对照《法治政府建设实施纲要（2021—2\n025年）》逐项梳理任务完成情况。\n"
    )
    assert [line for line, _, _ in found(text)] == [2, 4]
    assert lint(text, "paired-punctuation") == []


def test_an_unpaired_mark_does_not_join_a_finished_sentence_or_a_heading():
    text = "一、主要工作\n认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定。\n二、存在问题\n不足。\n"
    assert found(text) == []
    assert [d.message[:6] for d in lint(text, "paired-punctuation")] == ["这里的 《 "]


def test_a_heading_with_a_mark_left_open_is_not_joined_to_the_text_below():
    text = "一、推行“首违不罚\n全年办理行政处罚案件62件。\n二、存在问题\n不足。\n"
    assert found(text) == []
    assert [d.line for d in lint(text, "paired-punctuation")] == [1]


def test_a_page_number_line_is_glued_to_nothing():
    # CLI hunt (text copied from a PDF): "— 3 —" was joined to the line after it,
    # and the fix left "— 3 —，溪口村被评为…".
    text = (
        "某镇2024年法治政府建设情况报告\n"
        "全年开展普法活动36场，发放宣传资料1.2万份。在12月4日国家宪法日当天组织集中宣传活动\n"
        "— 3 —\n"
        "，溪口村被评为县级民主法治示范村。\n"
    )
    assert all("— 3 —" not in d.message for d in lint(text, "broken-line"))
    source = decode(text.encode("utf-8"), "r.txt")
    assert "\n— 3 —\n" in fixed(source).text


def test_recall_a_line_ending_in_a_comma_goes_on():
    text = (
        "某镇2024年法治政府建设情况报告\n坚持处罚与教育相结合，\n实现执法效果与社会效果相统一。\n"
    )
    assert len(found(text)) == 1


def test_after_review_of_the_recall_items_set_out_after_a_colon_stay_lines():
    text = (
        "某镇2024年法治政府建设情况报告\n"
        "在执法中坚持“三个结合”：\n坚持普法与执法相结合，\n坚持线上与线下相结合，\n"
        "坚持集中与经常相结合。\n"
    )
    assert found(text) == []


def test_after_review_a_comma_line_that_is_a_slogan_salutation_cell_or_above_a_label():
    for text in (
        "2.加强执法队伍建设\n强基础，\n提能力\n",
        "县委、县政府，\n县委依法治县办：\n",
        "地址：青岚县望溪镇溪口路1号，\n邮编：330000\n",
        "项目\t2024年\t说明\n行政处罚案件\t62件\t简易程序40件，\n普通程序案件\t22件\t均经法制审核\n",
        "抄送：县委办公室，县人大常委会办公室，县政协办公室，\n县法院，县检察院。\n",
    ):
        assert found("某镇2024年法治政府建设情况报告\n" + text) == [], text


def test_after_review_a_wrap_before_qizhong_or_a_new_line_after_a_colon_is_still_a_break():
    for text in (
        "全年共受理信访件56件，\n其中：来信12件、来访20件。\n",
        "全年信访情况：\n全年共受理信访件56件，\n其中来信12件、来访20件。\n",
    ):
        assert len(found("某镇2024年法治政府建设情况报告\n" + text)) == 1, text


# A document-sharing site's chunk numbers: "1、" opens the text, "2、", "3、" open
# the lines where it cut the text, mid-sentence.
CHUNKED = (
    "1、某镇2023年度法治政府建设情况报告\n"
    "2023年，我镇坚持依法行政，全面推进法治政府建设，在矛盾纠纷化解、法治宣传教育等方面依\n"
    "2、法有效化解社会矛盾纠纷，扎实推进基层法治建设，切实提高运用法治思维和法治方式的能\n"
    "3、力。一是丰富政务公开方式，主动公开政府信息。\n"
)


def test_chunk_numbers_of_a_document_site_are_broken_text_not_numbering():
    found = lint(CHUNKED, "broken-line")
    assert [d.message.split("”")[0].lstrip("“") for d in found] == ["1、", "2、", "3、"]
    assert all(d.fix is not None and not d.fix.safe for d in found)
    # Not headings, not a numbering style to fix, and the sentence reads whole.
    doc = document(CHUNKED)
    assert [h.marker for h in doc.headings] == []
    assert lint(CHUNKED, "numbering-style", "enumeration-sequence") == []
    assert "依法有效化解" in doc.view.text and "方式的能力" in doc.view.text


def test_a_numbered_list_under_a_sentence_is_no_chunking():
    text = (
        "1、坚持依法决策\n"
        "2024年，我镇坚持依法决策，对重大行政决策事项严格履行公众参与、专家论证、风险评估等法定程序。\n"
        "2、加强法治宣传，开展普法活动12场。\n"
    )
    assert document(text).chunk_marks == ()
    listed = "我镇重点抓了以下工作：\n1、加强组织领导\n2、完善制度建设\n3、强化执法监督\n"
    assert document(listed).chunk_marks == ()
