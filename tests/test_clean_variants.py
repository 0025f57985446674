"""Legitimate ways of laying out a report must not cost a finding.

Each case takes the clean sample, changes one thing the way real 公文 do
(a masthead, a title over two lines, "第一部分" chapters, an attached table
after the 落款, a wrapped line), and expects every default rule to stay
quiet.  Each change is first checked to have happened, so a case cannot
pass by leaving the text as it was.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support import clean_text, document, lint

TITLE = "青岚县望溪镇2024年法治政府建设年度报告"
ISSUER = "青岚县望溪镇人民政府"
DATE = "2025年1月20日"
CHAPTERS = [
    "一、2024年推进法治政府建设的主要举措和成效",
    "二、党政主要负责人履行推进法治建设第一责任人职责情况",
    "三、存在的不足和原因",
    "四、2025年推进法治政府建设的主要安排",
]


def replace(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


def chapters(*new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        for old, heading in zip(CHAPTERS, new, strict=True):
            text = replace(old, heading)(text)
        return text

    return change


def append(tail: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert text.rstrip().endswith(DATE)
        return text.rstrip("\n") + "\n" + tail

    return change


VARIANTS: dict[str, Callable[[str], str]] = {
    "chapters written 第一部分": chapters(
        "第一部分　2024年推进法治政府建设的主要举措和成效",
        "第二部分　党政主要负责人履行推进法治建设第一责任人职责情况",
        "第三部分　存在的不足和原因",
        "第四部分　2025年推进法治政府建设的主要安排",
    ),
    "chapters written 第一章": chapters(
        "第一章 2024年推进法治政府建设的主要举措和成效",
        "第二章 党政主要负责人履行推进法治建设第一责任人职责情况",
        "第三章 存在的不足和原因",
        "第四章 2025年推进法治政府建设的主要安排",
    ),
    # The 版头 of a 公文 above the title (GB/T 9704).
    "masthead and 发文字号": replace(TITLE, f"{ISSUER}文件\n\n望政〔2025〕5号\n\n{TITLE}"),
    "发文字号 and 签发人": replace(TITLE, f"望政〔2025〕5号　　　　签发人：张三\n\n{TITLE}"),
    # Titles set over two or three lines, issuing bodies first.
    "title broken after the year": replace(TITLE, "青岚县望溪镇2024年\n法治政府建设年度报告"),
    "title starting 关于 over two lines": replace(
        TITLE, "关于青岚县望溪镇2024年\n法治政府建设情况的报告"
    ),
    "issuer and a title over two lines": replace(
        TITLE, f"{ISSUER}\n关于2024年度法治政府建设\n情况的报告"
    ),
    "title broken after 关于": replace(TITLE, f"{ISSUER}关于\n2024年法治政府建设情况的报告"),
    "title broken after the head's post": replace(
        TITLE, f"{ISSUER}镇长\n2024年度履行推进法治建设第一责任人职责情况报告"
    ),
    "two issuers above the title": replace(
        TITLE, f"中共青岚县望溪镇委员会\n{ISSUER}\n关于2024年法治政府建设情况的报告"
    ),
    "joint issuers on one line above the title": replace(
        TITLE, f"中共青岚县望溪镇委员会　{ISSUER}\n{TITLE}"
    ),
    "joint issuers in the title": replace(
        TITLE, "中共青岚县望溪镇委员会 青岚县望溪镇人民政府关于2024年度法治政府建设情况的报告"
    ),
    "year in brackets after the title": replace(
        TITLE, "青岚县望溪镇法治政府建设情况报告（2024年度）"
    ),
    "a summary and a plan": replace(
        TITLE, "青岚县望溪镇2024年法治政府建设工作总结及2025年工作计划"
    ),
    # What may follow the 落款: attachments (GB/T 9704), page numbers, contact lines.
    "an attached table, tab separated": append(
        "\n附表\n望溪镇2024年行政执法数据统计表\n项目\t数量\t备注\n"
        "行政处罚案件\t62\t其中简易程序40件\n信访件\t56\t\n"
    ),
    "an attached table, aligned with spaces": append(
        "\n附件1\n望溪镇2024年行政执法数据统计表\n序号　项目　数量\n"
        "1　行政处罚案件　62\n2　信访件　56\n"
    ),
    "an attachment label, then its title": append(
        "\n附件\n\n望溪镇2024年法治政府建设重点任务完成情况表\n"
    ),
    "a tab-separated table with no label": append("\n项目\t数量\n行政处罚案件\t62\n"),
    "a space-aligned table with no label": append("\n项目        数量\n行政处罚案件    62\n"),
    "a page number in dashes": append("\n— 4 —\n"),
    "a page number in hyphens": append("\n- 4 -\n"),
    "a contact line": append("\n联系电话：0123-4567890\n"),
    "contact, email and web address": append(
        "\n联系方式：0123-4567890，电子邮箱：wxz@example.gov.cn，网址：https://www.example.gov.cn\n"
    ),
    "issuer and date on one line": replace(f"{ISSUER}\n{DATE}", f"{ISSUER}　{DATE}"),
    "two issuers on one line": replace(
        f"{ISSUER}\n{DATE}", f"中共青岚县望溪镇委员会　{ISSUER}\n{DATE}"
    ),
    "the weekday after the date": replace(DATE, f"{DATE}（星期一）"),
    # Report text that shares words with a web page's header or footer.
    "an unnumbered sub-heading naming 政府网站": replace(
        "（三）持续深化普法和基层依法治理",
        "加强政府网站和政务新媒体建设\n（三）持续深化普法和基层依法治理",
    ),
    "an attached table row naming 政府网站": append("\n附表\n项目\t数量\n政府网站发布信息\t312\n"),
    "sentences opening with 扫一扫, 发布时间 and 信息来源": replace(
        "三、存在的不足和原因\n",
        "三、存在的不足和原因\n信息来源渠道单一、法治培训针对性不强是突出问题。\n"
        "发布时间、发布渠道全部按规定执行。\n扫一扫二维码即可在线学习宪法知识。\n",
    ),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_a_legitimate_variant_of_the_clean_report_has_no_findings(name: str) -> None:
    original = clean_text()
    variant = VARIANTS[name](original)
    assert variant != original
    assert [(d.code, d.line, d.message) for d in lint(variant)] == []


def test_parts_above_chinese_numbered_chapters_keep_their_own_sequences() -> None:
    """Parts ("第一部分") above "一、…二、" and a new "一、" under "第二部分": no sequence finding."""
    text = chapters(
        "第一部分　工作情况\n一、2024年推进法治政府建设的主要举措和成效",
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        "三、存在的不足和原因",
        "第二部分　工作打算\n一、2025年推进法治政府建设的主要安排",
    )(clean_text())
    assert [(d.code, d.message) for d in lint(text)] == []


def test_a_sentence_about_a_part_is_not_a_heading() -> None:
    text = replace(
        "四、2025年推进法治政府建设的主要安排",
        "第一部分是工作回顾，下面是安排。\n四、2025年推进法治政府建设的主要安排",
    )(clean_text())
    markers = [h.marker for h in document(text).headings]
    assert markers[0] == "一、" and not any(m.startswith("第") for m in markers)
    assert lint(text) == []


def test_a_site_name_above_the_title_is_still_page_header() -> None:
    text = replace(TITLE, f"青岚县人民政府门户网站\n{TITLE}")(clean_text())
    doc = document(text)
    assert [p.text for p in doc.title] == [TITLE]
    assert [d.code for d in lint(text)] == ["RL407"]


def test_a_space_inside_the_subject_of_the_title_is_still_flagged() -> None:
    title = "中共青岚县望溪镇委员会 青岚县望溪镇2024年法治政府 建设年度报告"
    found = lint(replace(TITLE, title)(clean_text()), "RL409")
    # the space between the issuers is not flagged; the one in the subject is
    assert [(d.line, d.column) for d in found] == [(1, title.rindex(" ") + 1)]


def test_a_report_ending_in_a_table_with_no_signature_still_lacks_one() -> None:
    text = replace(f"{ISSUER}\n{DATE}", "项目\t数量\n行政处罚案件\t62")(clean_text())
    assert [d.message[:8] for d in lint(text, "RL103")] == ["报告末尾没有落款"]


def test_a_cluster_of_link_lines_at_the_end_is_still_a_footer() -> None:
    text = append("\n全国各省市政府网站\n天津市各区政府网站\n重点链接\n")(clean_text())
    first = text.split("\n").index("全国各省市政府网站") + 1
    assert [(d.code, d.line) for d in lint(text)] == [("RL407", first)]
    assert document(text).signature is not None
