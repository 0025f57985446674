"""Saved web pages (.html/.htm): the article's text without the site around it."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main
from reportlint.extract.html import html_text
from reportlint.load import LoadError, load_bytes, load_path

from support import assert_unreadable, clean_text, lint_file

TITLE = "青岚县望溪镇2024年法治政府建设年度报告"


def page(article: str, charset: str = "utf-8", title: str = TITLE) -> str:
    """A government site's article page: header, navigation, metadata, footer around the article."""
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_青岚县人民政府</title>
<script>var title = "法治政府建设年度报告"; document.write("<p>脚本</p>");</script>
<style>p {{ text-indent: 2em; }} .a:after {{ content: "样式"; }}</style></head>
<body>
<div class="header"><img alt="青岚县人民政府"><div class="nav"><a href="/">首页</a> <a>政务公开</a>
<a>政策文件</a> <a>法治政府建设专栏</a></div></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="main-content"><div class="article">
<h1 class="article-title">{title}</h1>
<div class="info">发布日期：2025-01-25 来源：县司法局 浏览次数：1024</div>
<div id="zoom" class="TRS_Editor">
{article}
</div>
<div class="share">分享到：微信 微博</div>
</div>
<div class="related"><h3>相关法治工作报告</h3><ul><li>关于印发法治宣传教育工作要点的通知</li>
<li>某县2023年法治政府建设年度报告</li></ul></div></div>
<div class="footer">版权所有：青岚县人民政府 主办单位：青岚县人民政府办公室 ICP备12345678号</div>
<!-- 统计代码：法治政府 -->
</body></html>"""


def paragraphs(text: str) -> str:
    return "\n".join(f"<p>　　{html.escape(line)}</p>" for line in text.split("\n") if line)


def clean_body() -> str:
    # clean.txt without its title line: on a web page the title is the <h1>.
    lines = [line for line in clean_text().split("\n") if line]
    assert lines[0] == TITLE
    return "\n".join(lines[1:])


def lines(markup: str) -> list[str]:
    return html_text(markup.encode("utf-8")).split("\n")[:-1]


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


# --- the article and nothing else -----------------------------------------------------


def test_article_is_extracted_with_its_title_and_without_the_site() -> None:
    text = html_text(page(paragraphs(clean_body())).encode("utf-8"))
    expected = [line for line in clean_text().split("\n") if line]
    assert text.split("\n")[:-1] == expected
    for chrome in (
        "首页",
        "当前位置",
        "发布日期",
        "分享到",
        "版权所有",
        "脚本",
        "样式",
        "统计",
        "相关法治",
    ):
        assert chrome not in text


@pytest.mark.slow
def test_clean_report_page_is_clean_through_the_cli(tmp_path: Path) -> None:
    for name, charset, codec in [("r.html", "gb2312", "gb18030"), ("r.htm", "utf-8", "utf-8")]:
        path = tmp_path / name
        path.write_bytes(page(paragraphs(clean_body()), charset).encode(codec))
        result = run_cli("check", str(path))
        assert result.exit_code == 0, result.output
        assert result.output.strip() == "未发现问题，检查了 1 个文件。"
        assert json.loads(run_cli("check", "--format", "json", str(path)).output) == []
        assert load_path(path).format == "html"


def test_chrome_inside_the_article_is_kept_and_flagged(tmp_path: Path) -> None:
    article = "<p>【字体：大 中 小】 打印本页</p>\n" + paragraphs(clean_body())
    path = tmp_path / "r.html"
    path.write_text(page(article), encoding="utf-8")
    assert lines(page(article))[1] == "【字体：大 中 小】 打印本页"
    data = json.loads(run_cli("check", "--format", "json", str(path)).output)
    assert [(d["rule"], d["line"], d["column"]) for d in data] == [("web-boilerplate", 2, 1)]


def test_the_innermost_named_container_holding_the_article_wins() -> None:
    # "content" wraps metadata and a list of links; the TRS_Editor div is the article.
    links = "".join(f"<li>某县{year}年法治政府建设年度报告</li>" for year in range(2015, 2024))
    markup = (
        '<html><body><div class="content"><div class="meta">发布机构：青岚县望溪镇人民政府</div>'
        f'<div class="TRS_Editor">{paragraphs(clean_body())}</div><ul>{links}</ul></div></body></html>'
    )
    assert lines(markup) == clean_body().split("\n")


def test_a_trs_ueditor_article_inside_an_article_wrapper_is_the_article() -> None:
    # TRS WCM's UEditor markup: the wrapper also holds the info bar and share links.
    markup = (
        '<html><body><div class="article"><h1>标题</h1>'
        '<div class="info">发布时间：2025-02-28来源：青岚县司法局</div>'
        f'<div class="view TRS_UEDITOR trs_paper_default trs_web">{paragraphs(clean_body())}</div>'
        '<div class="bdsharebuttonbox">分享到：微信微博</div></div></body></html>'
    )
    assert lines(markup) == clean_body().split("\n")


def test_without_a_named_container_the_densest_block_is_taken() -> None:
    body = paragraphs(clean_body())
    markup = (
        '<html><body><div class="top"><a>首页</a><a>机构概况</a><a>政务公开</a><a>互动交流</a></div>'
        f'<div class="box"><h2>{TITLE}</h2><div class="bd">{body}</div></div>'
        '<div class="bottom">版权所有：青岚县人民政府 网站标识码1234567890</div></body></html>'
    )
    assert lines(markup) == [line for line in clean_text().split("\n") if line]


def test_title_from_the_page_title_when_there_is_no_heading() -> None:
    markup = (
        f"<html><head><title>{TITLE}_政务公开_青岚县人民政府</title></head><body>"
        '<div id="zoom"><p>2024年，望溪镇推进法治政府建设，现将有关情况报告如下。</p></div></body></html>'
    )
    assert lines(markup) == [TITLE, "2024年，望溪镇推进法治政府建设，现将有关情况报告如下。"]


def test_title_already_in_the_article_is_not_repeated() -> None:
    markup = page(f"<p>{TITLE}</p>" + paragraphs(clean_body()))
    assert lines(markup) == [line for line in clean_text().split("\n") if line]


def test_a_site_heading_is_not_taken_for_the_title() -> None:
    markup = (
        '<html><body><div class="sidebar"><h3>法治政府建设专栏</h3></div>'
        '<div id="zoom"><p>2024年，望溪镇推进法治政府建设。</p></div></body></html>'
    )
    assert lines(markup) == ["2024年，望溪镇推进法治政府建设。"]


def test_line_breaks_tables_and_whitespace() -> None:
    markup = (
        '<html><body><div class="article-content">'
        "<p>青岚县望溪镇人民政府<br>2025年1月20日</p>"
        # Source-code line breaks between Chinese characters are not spaces.
        "<p>法治政府建设\n    取得新的进展，&nbsp;成效明显。</p>"
        "<div>第一段<div>嵌套的第二段</div>第三段</div>"
        "<table><tr><th>类别</th><th>件数</th></tr>"
        "<tr><td><p>行政复议</p></td><td>2</td></tr>"
        "<tr><td>行政诉讼</td><td><p>5</p><p>胜诉3件</p></td></tr></table>"
        # A page laid out with a one-cell table: the cell's paragraphs are lines.
        "<table><tr><td><p>二、存在的不足</p><p>法治宣传形式单一。</p></td></tr></table>"
        '<p style="display:none">隐藏的文字</p><p hidden>也隐藏</p>'
        "</div></body></html>"
    )
    assert lines(markup) == [
        "青岚县望溪镇人民政府",
        "2025年1月20日",
        "法治政府建设取得新的进展， 成效明显。",
        "第一段",
        "嵌套的第二段",
        "第三段",
        "类别\t件数",
        "行政复议\t2",
        "行政诉讼\t5 胜诉3件",
        "二、存在的不足",
        "法治宣传形式单一。",
    ]


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "codec"),
    [
        ('<meta charset="gbk">', "gbk"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', "gbk"),
        ('<meta charset="utf-8">', "utf-8"),
        ("", "gb18030"),  # no declaration: strict UTF-8 fails, GB18030 reads it
        ("", "utf-8"),
        ('<meta charset="utf-8">', "gbk"),  # mislabelled page saved as GBK
        ('<meta charset="iso-8859-1">', "utf-8"),  # a server default, not the truth
        ('<meta charset="iso-8859-1">', "gbk"),
    ],
)
def test_encoding(meta: str, codec: str) -> None:
    text = "冯坪乡2023年法治政府建设情况报告"  # short: too little for statistical detection
    markup = f"<html><head>{meta}</head><body><div id='zoom'><p>{text}</p></div></body></html>"
    source = load_bytes(markup.encode(codec), "r.html", "html")
    assert source.text == text + "\n"


def test_utf8_bom_wins_over_the_declaration() -> None:
    markup = (
        '<html><head><meta charset="gbk"></head><body><p>法治政府建设年度报告</p></body></html>'
    )
    assert html_text(b"\xef\xbb\xbf" + markup.encode("utf-8")) == "法治政府建设年度报告\n"


def test_xml_declaration_is_accepted() -> None:
    markup = '<?xml version="1.0" encoding="utf-8"?><html><body><p>法治政府建设年度报告</p></body></html>'
    assert html_text(markup.encode("utf-8")) == "法治政府建设年度报告\n"


# --- broken and hostile pages ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件为空"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + b"IHDR", "不是网页文件（含有二进制数据）"),
        (bytes(range(1, 9)) * 8 + b"<html>", "不是网页文件（含有二进制数据）"),
        (b"<html>\x80\xff\xfe\x81</html>", "无法识别网页编码（既不是 UTF-8，也不是 GB18030/GBK）"),
        (b"<html><body><script>var a = 1;</script></body></html>", "网页中没有找到正文文字"),
        (b"   \n  ", "文件为空"),
        (b"<!-- -->", "网页中没有找到正文文字"),
    ],
    ids=["empty", "png", "controls", "undecodable", "no-text", "whitespace", "comment-only"],
)
def test_unusable_pages(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "r.html"
    path.write_bytes(data)
    assert_unreadable(path, message)


def test_deeply_nested_page_gives_an_error_not_a_crash() -> None:
    # libxml2 stops at its depth limit (256) and keeps nothing below it.
    markup = (
        "<html><body>"
        + "<div>" * 5000
        + "法治政府建设年度报告"
        + "</div>" * 5000
        + "</body></html>"
    )
    with pytest.raises(LoadError) as info:
        load_bytes(markup.encode("utf-8"), "r.html", "html")
    assert str(info.value) in ("网页中没有找到正文文字", "网页结构嵌套过深，无法读取")


def test_page_saved_under_another_extension_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "t20250125_123.shtml"
    path.write_text(page(paragraphs(clean_body())), encoding="utf-8")
    assert load_path(path).format == "html"
    assert run_cli("check", str(path)).exit_code == 0


def test_old_table_laid_out_page_with_br_paragraphs() -> None:
    # Older CMS pages: a layout table, a column of links, the article in a cell with
    # <br> between paragraphs and the title in <font>; only <title> names the report.
    body = "<br>\n".join("&nbsp;" * 4 + html.escape(line) for line in clean_body().split("\n"))
    nav = "".join(f"<tr><td><a href='#'>栏目{i}：政务公开信息</a></td></tr>" for i in range(30))
    markup = f"""<html><head><title>{TITLE}</title></head><body>
<table width="100%"><tr><td colspan=2><img src=logo.gif>青岚县人民政府门户网站</td></tr>
<tr><td width="200"><table>{nav}</table></td>
<td valign=top><table><tr><td align=center><font size=5><b>{TITLE}</b></font></td></tr>
<tr><td align=center>发布时间：2025-01-25 点击数：100</td></tr>
<tr><td><font size=3>{body}</font></td></tr></table></td></tr>
<tr><td colspan=2>版权所有 青岚县人民政府 技术支持：某某公司</td></tr></table></body></html>"""
    assert lines(markup) == [line for line in clean_text().split("\n") if line]


# --- titles as CMS pages really carry them (found comparing formats) -------------------


def bare(article: str, head: str = "", before: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8">{head}</head><body>{before}'
        f'<div class="TRS_Editor">{article}</div></body></html>'
    )


def test_a_title_named_in_the_first_sentence_is_still_put_back() -> None:
    # "现将2024年法治政府建设情况报告如下" quotes the title; it is not the title.
    title = "2024年法治政府建设情况报告"
    first = f"根据要求，现将{title}如下："
    got = lines(bare(f"<p>{first}</p><p>一、主要工作</p>", before=f"<h1>{title}</h1>"))
    assert got[:2] == [title, first]


def test_a_short_label_after_the_title_does_not_replace_it() -> None:
    markup = bare("<p>一、主要工作</p>", before=f"<h1>{TITLE}</h1><h2>法治政府建设</h2>")
    assert lines(markup)[0] == TITLE


def test_source_line_breaks_between_chinese_characters_are_not_spaces() -> None:
    span = "<p><span>青岚县望溪镇2024年法治政府</span>\n<span>建设年度报告</span></p>"
    assert lines(bare(span + "<p>一、主要工作</p>"))[0] == TITLE
    heading = "<h1>青岚县望溪镇2024年法治政府\n  建设年度报告</h1>"
    assert lines(bare("<p>一、主要工作</p>", before=heading))[0] == TITLE
    # A real space between words stays.
    assert lines(bare("<p>Law 2024 法治</p>"))[0] == "Law 2024 法治"


@pytest.mark.parametrize(
    "head",
    [
        f"<title>{TITLE}-青岚县人民政府</title>",
        f"<title>{TITLE}——青岚县人民政府门户网站</title>",
        "<title>青岚县望溪镇2024年法治政府\n建设年度报告_青岚县人民政府</title>",
        f'<title>青岚县人民政府</title><meta name="ArticleTitle" content="{TITLE}">',
    ],
)
def test_title_from_the_page_head(head: str) -> None:
    assert lines(bare("<p>一、主要工作</p>", head=head))[0] == TITLE


def test_a_dash_inside_the_title_is_not_a_separator() -> None:
    title = "某县贯彻落实《法治政府建设实施纲要（2021—2025年）》情况报告"
    assert (
        lines(bare("<p>一、主要工作</p>", head=f"<title>{title}-某县人民政府</title>"))[0] == title
    )


def test_title_in_a_title_cell_and_the_clean_report_stays_clean(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    path.write_text(
        '<html><head><meta charset="utf-8"><title>青岚县人民政府</title></head><body>'
        f'<table><tr><td class="title">{TITLE}</td></tr><tr><td><div class="TRS_Editor">'
        f"{paragraphs(clean_body())}</div></td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert lines(path.read_text(encoding="utf-8"))[0] == TITLE
    result = run_cli("check", str(path))
    assert result.exit_code == 0, result.output


def test_control_characters_in_the_page_are_dropped_not_an_internal_error() -> None:
    # Found by test_extract_robustness: a \x01 before a comment's tail made lxml raise
    # ValueError when the comment was dropped.
    data = page("\x01" + paragraphs(clean_body())).replace(
        "</body>", "<!-- 统计\x02 -->尾\x03</body>"
    )
    text = html_text(data.encode("gb18030"))
    assert "\x01" not in text and "\x03" not in text
    assert "推进法治政府建设" in text
    # A form feed between words is a space, as it was before.
    text = html_text(page("<p>依法行政\x0c推进法治</p>").encode("utf-8"))
    assert "依法行政 推进法治" in text or "依法行政\n推进法治" in text


SITE_TOP = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="top">青岚县人民政府门户网站</div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
"""


def test_a_content_wrapper_with_a_sidebar_keeps_the_article_only(tmp_path: Path) -> None:
    # Hunt 23 (v_sidebar_18): <div id="content"> holds an article div of an unknown
    # class beside a 热点信息 link list, which landed after the 落款.
    hot = "".join(
        f'<li><a href="/t{i}.html">关于做好第{i}季度森林防火工作的通知</a></li>' for i in range(6)
    )
    data = (
        SITE_TOP
        + f'<div id="content"><h1>{TITLE}</h1><div class="wz">{paragraphs(clean_body())}</div>'
        + f'<div class="rm"><h3>热点信息</h3><ul>{hot}</ul></div></div>'
        + '<div class="footer">版权所有：青岚县人民政府</div></body></html>'
    )
    text = html_text(data.encode("utf-8"))
    assert "森林防火" not in text and "热点信息" not in text
    assert text.rstrip().endswith("2025年1月20日")
    path = tmp_path / "r.html"
    path.write_text(data, encoding="utf-8")
    assert lint_file(path) == []


def test_an_article_split_over_word_sections_is_read_whole(tmp_path: Path) -> None:
    # Hunt 23 (v_wordsections_01): Word's "save as web page" puts the text after a
    # section break in a second div; only the larger one was read.
    lines = clean_body().split("\n")
    half = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    data = (
        '<html><head><meta charset="utf-8"><title>' + TITLE + "</title></head><body>"
        f'<div class="WordSection1"><p>{TITLE}</p>{paragraphs(chr(10).join(lines[:half]))}</div>'
        '<br clear="all" style="page-break-before:always">'
        f'<div class="WordSection2">{paragraphs(chr(10).join(lines[half:]))}</div></body></html>'
    )
    text = html_text(data.encode("utf-8"))
    assert lines[1] in text and lines[-1] in text
    path = tmp_path / "r.htm"
    path.write_text(data, encoding="utf-8")
    assert lint_file(path) == []


@pytest.mark.parametrize(
    "preamble",
    [
        "<!-- saved from url=(0052)http://www.qinglan.gov.cn/zwgk/t20250125_123.shtml -->\n",
        '<?xml version="1.0" encoding="utf-8"?>\n',
        "<!-- 站点模板 v2 -->\n<!-- 栏目：法治政府建设 -->\n",
    ],
    ids=["saved-from", "xml-declaration", "comments"],
)
@pytest.mark.parametrize("first", ["<!DOCTYPE html>\n<html>", "<html>", "<head>"])
def test_a_page_under_another_name_is_recognised(preamble: str, first: str) -> None:
    # Hunt 23 (sniff/): .shtml/.jsp pages or standard input that open with a comment,
    # an XML declaration or <head> were read as plain text.
    data = page(paragraphs(clean_body())).replace("<!DOCTYPE html>\n<html>", first, 1)
    source = load_bytes((preamble + data).encode("utf-8"), "t20250125_123.jsp")
    assert source.format == "html" and "<p>" not in source.text


def test_a_browsers_one_file_save_is_read(tmp_path: Path) -> None:
    # Hunt 23 (chrome_saved.mhtml): MHTML, the page quoted-printable in a MIME message.
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "http://www.qinglan.gov.cn/zwgk/t20250125_123.shtml"
    message.set_content(page(paragraphs(clean_body())), subtype="html", cte="quoted-printable")
    message.make_mixed()  # a multipart body, as a browser writes it
    data = message.as_bytes().replace(b"multipart/mixed", b"multipart/related", 1)
    path = tmp_path / "报告.mhtml"
    path.write_bytes(data)
    source = load_path(path)
    assert source.format == "html" and source.text.startswith(TITLE)
    assert lint_file(path) == []
    # A directory walk takes it too, and the same bytes by any name are sniffed.
    assert load_bytes(data, "page.jsp").text == source.text


def test_the_templates_info_bar_inside_an_article_wrapper_is_dropped() -> None:
    # Hunt 23 (v_info_inside_08): div.article holds the h1, the template's info bar
    # and breadcrumb, and the paragraphs directly; the writer never typed those.
    markup = (
        '<html><body><div class="article"><div class="dqwz">当前位置：首页 &gt; 法治政府建设</div>'
        f"<h1>{TITLE}</h1>"
        '<div class="info"><span>发布时间：2025-02-26 09:30</span> <span>来源：县司法局</span></div>'
        f"{paragraphs(clean_body())}</div></body></html>"
    )
    assert lines(markup) == [TITLE, *clean_body().split("\n")]
    # The same words typed as a paragraph of the article are kept (and flagged).
    typed = markup.replace('<div class="info">', "<p>").replace("</span></div>", "</span></p>")
    assert any(line.startswith("发布时间") for line in lines(typed))


def test_a_title_from_spans_on_lines_of_their_own() -> None:
    # Hunt 23 (v_h1_spans_03).
    spans = "<h1><span>宁川市生态环境局</span>\n<span>2023年法治政府建设工作报告</span></h1>"
    markup = f"<html><body>{spans}<div class='zoom'>{paragraphs(clean_body())}</div></body></html>"
    assert lines(markup)[0] == "宁川市生态环境局2023年法治政府建设工作报告"


def test_a_page_title_with_the_site_first() -> None:
    # Hunt 23 (v_no_h1_17): "<title>白岩县人民政府-…的报告</title>", no h1.
    page_title = f"<title>青岚县人民政府-{TITLE}</title>"
    markup = f"<html><head>{page_title}</head><body><div class='zoom'>{paragraphs(clean_body())}"
    assert lines(markup + "</div></body></html>")[0] == TITLE


def test_a_masthead_above_the_title_in_the_article_does_not_double_it() -> None:
    # Hunt 23 (v_T3_20): the article opens with the 版头, then repeats the title.
    title = "青岚县望溪镇人民政府关于2024年法治政府建设情况的报告"
    top = "青岚县望溪镇人民政府文件\n望政〔2025〕6号\n青岚县望溪镇人民政府\n关于2024年法治政府建设情况的报告"
    found = lines(page(paragraphs(f"{top}\n{clean_body()}"), title=title))
    assert title not in found and found[:4] == top.split("\n")


def test_the_writers_own_links_and_classed_spans_are_kept() -> None:
    # Review of the site-list dropping: an inline link with class "link", a paragraph
    # citing three documents as links, the 附件 list and a table's header row with
    # class "header" are the writer's text.
    body = clean_body().split("\n")
    cited = (
        "制定印发" + "、".join(f'<a href="/d{i}.html">《第{i}号规定》</a>' for i in range(3)) + "。"
    )
    attachments = "附件：" + "<br>".join(f'<a href="/f{i}.doc">{i}.附表{i}</a>' for i in (1, 2, 3))
    markup = (
        f'<html><body><div class="zoom"><h1>{TITLE}</h1>'
        f'<p>{body[0]}</p><p>严格落实<a class="link">“四议两公开”</a>制度。</p><p>{cited}</p>'
        f'<table><tr class="header"><td>类别</td><td>件数</td></tr><tr><td>复议</td><td>2</td></tr></table>'
        f"{paragraphs(chr(10).join(body[1:]))}<p>{attachments}</p></div></body></html>"
    )
    text = "\n".join(lines(markup))
    for kept in ("“四议两公开”", "《第2号规定》", "类别\t件数", "3.附表3"):
        assert kept in text, kept


def test_a_block_of_related_news_beside_an_unnamed_article_is_not_taken_in() -> None:
    # Review of the section widening: only Word's WordSection divs are one article.
    related = "".join(
        f"<p>某镇召开第{i}次全体会议，研究部署下一阶段工作任务。</p>" for i in range(40)
    )
    markup = (
        f'<html><body><div class="wz"><h1>{TITLE}</h1>{paragraphs(clean_body())}</div>'
        f'<div class="xgxw">{related}</div></body></html>'
    )
    text = lines(markup)
    assert text[-1] == clean_body().split("\n")[-1] and "全体会议" not in "".join(text)
