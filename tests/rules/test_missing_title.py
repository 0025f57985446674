"""RL409 missing-title."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed


def test_seed_002_has_no_title():
    (found,) = lint_file(seed(2), "missing-title")
    assert (found.line, found.column, found.severity.value) == (1, 1, "warning")
    assert "没有标题" in found.message


def test_seed_000_title_has_a_stray_space_with_a_fix():
    (found,) = lint_file(seed(0), "missing-title")
    assert (found.line, found.column) == (7, 21)
    assert found.fix is not None and found.fix.replacement == "" and found.fix.safe


def test_titles_of_seeds_001_003_004_and_clean_are_fine():
    for n in (1, 3, 4):
        assert lint_file(seed(n), "missing-title") == []
    assert lint(clean_text(), "missing-title") == []


def test_two_line_title_with_issuer_is_a_title():
    # Seed 003's form: issuing body, then "关于…报告".
    text = "奉节县冯坪乡人民政府\n关于2020年法治政府建设年度报告\n2020年，我乡推进依法行政。\n"
    assert lint(text, "missing-title") == []


def test_a_space_after_a_single_issuer_is_stray():
    body = clean_text().split("\n", 1)[1]
    for title in (
        "青岚县望溪镇 2024年法治政府建设年度报告",
        "青岚县望溪镇人民政府 关于2024年法治政府建设情况的报告",
    ):
        found = lint(f"{title}\n{body}", "missing-title")
        assert [(d.line, d.column) for d in found] == [(1, title.index(" ") + 1)], title


def test_a_space_between_latin_words_is_kept_and_the_message_shows_the_title_as_typed():
    # CLI hunt: the fix turned "（Draft v2）" into "（Draftv2）", and the message
    # quoted the title with its spaces already folded away.
    body = clean_text().split("\n", 1)[1]
    title = "青岚县望溪镇 2024年法治政府建设年度报告（Draft v2）"
    (found,) = lint(f"{title}\n{body}", "missing-title")
    assert found.column == title.index(" ") + 1 and f"“{title}”" in found.message


BODY = "2024年，我镇坚持依法行政，扎实推进法治政府建设。\n一、主要举措和成效\n依法行政。\n"


def messages(text: str) -> list[str]:
    return [d.message for d in lint(text, "missing-title")]


def test_a_title_without_a_year_is_reported_and_one_with_it_is_not():
    (message,) = messages("青岚县望溪镇法治政府建设情况报告\n" + BODY)
    assert message.startswith("标题“青岚县望溪镇法治政府建设情况报告”没有写明年度")
    assert messages("青岚县望溪镇2024年度法治政府建设情况报告\n" + BODY) == []


def test_a_title_broken_inside_a_word_is_reported():
    # GB/T 9704 7.3.1: a title set over lines keeps each word whole.
    (message,) = messages("青岚县望溪镇2024年度法治政府\n建设情况的报告\n" + BODY)
    assert "拆开了“法治政府建设”" in message
    (message,) = messages("青岚县望溪镇2024年度法治政府建设情况\n报告\n" + BODY)
    assert "拆开了“情况报告”" in message


def test_a_title_broken_between_words_is_fine():
    for title in (
        "青岚县望溪镇2024年度\n法治政府建设情况报告",
        "青岚县望溪镇人民政府\n关于2024年度法治政府建设情况的报告",
        "中共青岚县望溪镇委员会\n青岚县望溪镇人民政府\n关于2024年法治政府建设情况的报告",
        "关于2024年度法治政府建设\n情况的报告",
    ):
        assert messages(f"{title}\n{BODY}") == [], title


def test_a_title_printed_twice_keeps_one_with_a_safe_fix():
    title = "青岚县望溪镇2024年度法治政府建设情况报告"
    for copy in (title, "青岚县望溪镇2024年法治政府建设情况报告"):
        found = lint(f"{copy}\n{title}\n{BODY}", "missing-title")
        assert [d.message for d in found] == [f"标题“{copy}”重复出现：请删除重复的一行"]
        (d,) = found
        assert d.line == 1 and d.fix is not None and d.fix.safe
        assert d.fix.replacement == "" and d.fix.span == (0, len(copy) + 1)


def test_a_page_title_above_the_information_bar_is_a_copy_and_the_bar_is_chrome():
    title = "青岚县望溪镇2024年度法治政府建设情况报告"
    text = f"{title}\n来源：望溪镇人民政府 发布时间：2025-01-20 10:30\n{title}\n{BODY}"
    found = lint(text, "missing-title", "web-boilerplate")
    assert [(d.code, d.line) for d in found] == [("RL409", 1), ("RL407", 2)]


def test_a_title_run_into_the_opening_sentence_is_read_as_the_title():
    # A copy that lost its line breaks: the title and the first sentence on one line.
    text = "望溪镇2024年法治政府建设情况报告 2024年，在县委、县政府的领导下，我镇推进依法行政，现将有关情况报告如下： 一、主要举措和成效 （一）加强组织领导。镇党委定期研究法治工作。\n"
    doc_messages = messages(text)
    assert doc_messages == []
    # Three breaks were lost: after the title, before 一、 and before （一）.
    found = lint(text, "broken-line")
    assert [text[d.column - 1 : d.end_column - 1] for d in found] == ["2024年，", "一、", "（一）"]
    assert all(d.fix is not None and d.fix.replacement == "\n" for d in found)
