"""Parser decisions that rules rely on: where the body ends, what is an item."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.document import parse
from reportlint.load import decode

from support import document


def test_numbered_last_paragraph_without_signature_stays_in_the_body():
    doc = document("一、主要工作\n1.加强学习。\n2.规范执法。\n3、深化普法宣传。\n")
    assert doc.signature is None
    assert [h.marker for h in doc.headings] == ["一、", "1.", "2.", "3、"]


def test_attachment_list_after_a_signature_is_set_aside():
    doc = document(
        "一、主要工作\n加强学习。\n某某镇人民政府\n2024年1月17日\n附件：1.工作台账\n2.考核表\n"
    )
    assert doc.signature is not None and doc.signature.date_paragraph is not None
    assert [h.marker for h in doc.headings] == ["一、"]


def test_page_navigation_is_never_body_even_without_signature():
    doc = document("一、主要工作\n加强学习。\n上一篇：某某镇2022年报告\n")
    assert doc.signature is None
    assert all("上一篇" not in p.text for p in doc.body_paragraphs)


def test_item_after_a_figure_with_no_full_stop_is_still_an_item():
    doc = document("（一）依法行政。一是规范办理。办结率均为100%二是加强监督。三是严格考核。")
    assert [i.ordinal for i in doc.items] == [1, 2, 3]


def test_words_ending_in_numeral_and_shi_are_not_items():
    doc = document("（一）依法行政。统一是前提，第一是关键。")
    assert doc.items == ()


def test_a_sentence_naming_a_footer_word_is_not_a_footer():
    doc = document(
        "一、主要工作\n全年学法12次。\n二、存在问题\n不足。\n三、下一步打算\n"
        "明确承办单位和完成时限。\n五、其他事项\n无。\n"
    )
    assert doc.chrome == ()
    assert [h.marker for h in doc.headings][-1] == "五、"


def test_a_paragraph_starting_with_share_is_body():
    doc = document(
        "一、主要工作\n分享典型经验12篇，其中3篇被省级媒体采用。\n二、存在问题\n不足。\n"
    )
    assert all(p.chrome is None for p in doc.paragraphs)


def test_an_absurd_signature_year_is_not_the_report_year():
    # Found by the property tests: "0001年1月1日" made the report year 0.
    doc = document(
        "关于法治政府建设工作情况的报告\n一、工作\n开展工作。\n\nXX镇人民政府\n0001年1月1日\n"
    )
    assert (doc.report_year, doc.year_source) == (None, None)
    doc = document(
        "关于法治政府建设工作情况的报告\n一、工作\n开展工作。\n\nXX镇人民政府\n2025年1月1日\n"
    )
    assert (doc.report_year, doc.year_source) == (2024, "signature")


def test_an_item_may_start_with_fei():
    doc = document(
        "（一）存在问题。一是执法力量不足；二是非现场监管手段运用不够；三是非法占地时有发生。"
    )
    assert [i.ordinal for i in doc.items] == [1, 2, 3]
    assert document("（一）依法行政。一是否定之否定，二是非曲直。").items == ()


def test_an_idiom_repeating_the_numeral_is_not_an_item():
    doc = document(
        "（一）作风建设。一是严格考核。二是坚持“一是一，二是二”的工作作风。三是加强监督。"
    )
    assert [i.ordinal for i in doc.items] == [1, 2, 3]


@pytest.mark.parametrize("pair", ["一、二审", "三、四级网格员", "一、二等奖", "一、二类"])
def test_two_numerals_of_a_pair_do_not_make_a_heading(pair):
    doc = document(f"一、主要工作\n{pair}案件中，镇政府均未败诉。\n二、存在问题\n不足。\n")
    assert [h.marker for h in doc.headings] == ["一、", "二、"]


# A short clean report: title, four chapters, signature.
MINI = (
    "青岚县望溪镇2024年法治政府建设年度报告\n一、2024年主要举措和成效\n全年办理行政处罚案件62件。\n"
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记主持专题学法4次。\n"
    "三、存在的不足和原因\n主要原因是人员较少。\n四、2025年工作安排\n2025年，我镇将继续推进。\n"
    "青岚县望溪镇人民政府\n2025年1月20日\n"
)


@pytest.mark.parametrize(
    "above",
    ["2025年01月20日", "法治政府建设", "法治政府建设专栏", "政务公开 > 政策文件", "规范性文件"],
)
def test_a_page_line_above_a_whole_title_stays_page_header(above):
    doc = document(f"{above}\n{MINI}")
    assert [p.text for p in doc.title] == ["青岚县望溪镇2024年法治政府建设年度报告"]
    assert doc.report_year == 2024
    assert [(r.kind, r.first, r.last) for r in doc.chrome] == [("header", 0, 0)]


def test_a_chapter_named_in_a_wrapped_sentence_is_no_heading():
    doc = document(MINI.replace("62件。", "62件。严格依照行政处罚法\n第五章规定的程序办理。"))
    assert not any(h.level == 0 for h in doc.headings)
    assert len(doc.joins) == 1


def test_an_item_may_open_with_its_own_numeral():
    doc = document("（一）学法。一是深化学法。二是二十届三中全会精神学习全覆盖。三是一把手带头。")
    assert [i.ordinal for i in doc.items] == [1, 2, 3]


def test_page_top_bars_are_chrome_and_the_title_below_them_is_found():
    # Review 3 (030): "今天是:" with its date gone, a bar of links beside the
    # controls, a date-and-time line with its source after a bar.
    top = "今天是:\n中国政府网|某省政府网|繁体|无障碍\n2025-01-22 09:30  |  青岚县望溪镇人民政府\n"
    doc = document(top + MINI)
    assert [p.text for p in doc.title] == ["青岚县望溪镇2024年法治政府建设年度报告"]
    assert (doc.report_year, doc.year_source) == (2024, "title")
    assert [(r.kind, r.first, r.last) for r in doc.chrome] == [("header", 0, 2)]


@pytest.mark.parametrize(
    "line",
    [
        "今天是全镇“宪法宣传周”启动的日子，镇党委书记带头学法。",
        "在中国政府网、省政府网和微信公众号发布解读3篇。",
        "| 时间 | 地点 | 内容 |",
        "发布时间 | 2025-01-22 |",
    ],
)
def test_report_lines_like_page_bars_stay_in_the_body(line):
    doc = document(
        MINI.replace("全年办理行政处罚案件62件。\n", f"全年办理行政处罚案件62件。\n{line}\n")
    )
    assert doc.chrome == ()
    assert any(p.text.replace(" ", "") == line.replace(" ", "") for p in doc.body_paragraphs)


@given(st.text(st.sampled_from("法治\n，a"), max_size=40), st.data())
def test_positions_of_a_span_are_those_of_its_two_ends(text, data):
    doc = parse(decode(("某" + text).encode("utf-8"), "x.txt"))
    start = data.draw(st.integers(0, len(doc.text)))
    end = data.draw(st.integers(start, len(doc.text)))
    assert doc.positions(start, end) == (*doc.position(start), *doc.position(end))
