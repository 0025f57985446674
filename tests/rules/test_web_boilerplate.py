"""RL407 web-boilerplate: one finding per region of page chrome, none in the report."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed


def regions(path):
    return [(d.line, d.end_line) for d in lint_file(path, "web-boilerplate")]


def test_seed_000_header_and_footer_with_its_numbered_disclaimer():
    # The footer's "一、凡注明来源…" is one region with the rest of the footer.
    assert regions(seed(0)) == [(1, 5), (67, 81)]


def test_seed_001_breadcrumb_metadata_and_footer():
    assert regions(seed(1)) == [(1, 1), (5, 6), (48, 54)]


def test_seed_004_metadata_block_and_link_list():
    assert regions(seed(4)) == [(1, 1), (4, 6), (88, 91)]


def test_reports_without_chrome_are_quiet():
    assert regions(seed(2)) == [] and regions(seed(3)) == []
    assert lint(clean_text(), "web-boilerplate") == []


def test_body_sentences_mentioning_sources_are_not_chrome():
    text = clean_text().replace(
        "深化政务公开，", "深化政务公开，信息来源于镇政府门户网站，版权所有单位依法授权，"
    )
    assert lint(text, "web-boilerplate") == []


def test_a_site_line_below_the_signature_is_footer_even_with_a_weak_mark():
    # "主办单位：" on its own after the date: page footer, and the 落款 is still found.
    text = clean_text().rstrip("\n") + "\n主办单位：青岚县人民政府办公室\n"
    found = lint(text)
    assert [(d.code, d.line) for d in found] == [("RL407", text.count("\n"))]


MASTHEAD_BODY = clean_text().split("\n", 1)[1]  # the clean report below its title


def test_organ_lines_over_a_masthead_that_issue_the_report_are_the_masthead():
    # Hunt 21 (fp04) and a letter's issuer over its 文号.
    title = "青岚县望溪镇人民政府关于2024年法治政府建设情况的报告\n"
    joint = "中共青岚县望溪镇委员会　青岚县望溪镇人民政府\n关于2024年法治政府建设情况的报告\n"
    for top, heading in (
        ("中共青岚县望溪镇委员会\n青岚县望溪镇人民政府文件\n望发〔2025〕3号\n", joint),
        ("青岚县望溪镇人民政府\n望政函〔2025〕6号\n", title),
    ):
        assert lint(top + heading + MASTHEAD_BODY, "web-boilerplate") == [], top
    # A site's name or navigation above them is page header (review of the fix).
    for top in (
        "青岚县司法局\n青岚县望溪镇人民政府\n望政函〔2025〕6号\n",
        "首页 政务公开 部门信息 青岚县望溪镇人民政府\n望政发〔2025〕3号\n",
        "青岚县人民政府 主办\n望政发〔2025〕3号\n",
    ):
        (finding,) = lint(top + title + MASTHEAD_BODY, "web-boilerplate")
        assert finding.line == 1, top
