"""Word (.docx) input: paragraphs and tables as lines, automatic numbering rebuilt, unsafe zips refused."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from reportlint.cli import main
from reportlint.document import parse
from reportlint.extract.docx import MAX_UNZIPPED, check_zip, docx_text, format_number
from reportlint.load import LoadError, load_path

from support import assert_unreadable, clean_text, lint_file

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# GB/T 9704-2012 7.3.3 heading levels, as a Word multilevel list draws them.
GBT_LEVELS = [
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
]


# --- building documents ----------------------------------------------------------


def add_abstract(
    doc: WordDocument, abstract_id: int, levels: list[tuple[str, str]], extra: str = ""
) -> None:
    """A w:abstractNum with these (numFmt, lvlText) levels; `extra` is XML added to every level."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/>{extra}</w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    doc.part.numbering_part.element.append(
        parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
    )


def add_num(doc: WordDocument, num_id: int, abstract_id: int, overrides: str = "") -> None:
    doc.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{overrides}</w:num>"
        )
    )


def number(target: Paragraph | ParagraphStyle, num_id: int, ilvl: int | None = None) -> None:
    """Give a paragraph (or a paragraph style) a w:numPr."""
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    target._element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}>{level}<w:numId w:val="{num_id}"/></w:numPr>')
    )


def gbt_doc() -> WordDocument:
    """A document with the four heading levels as list 90 (abstract 90)."""
    doc = docx.Document()
    add_abstract(doc, 90, GBT_LEVELS)
    add_num(doc, 90, 90)
    return doc


def save(doc: WordDocument, path: Path) -> Path:
    doc.save(str(path))
    return path


def to_bytes(doc: WordDocument) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def lines_of(doc: WordDocument) -> list[str]:
    return docx_text(to_bytes(doc)).split("\n")[:-1]


_TYPED_MARKERS = [
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^（[一二三四五六七八九十]+）"),
    re.compile(r"^\d+\."),
]


def clean_report_docx(path: Path, numbered: bool = True, text: str | None = None) -> Path:
    """samples/synthetic/clean.txt as Word would hold it: every heading numbered by
    the list, not typed (with numbered=False the markers are simply gone)."""
    doc = gbt_doc()
    for line in (text or clean_text()).split("\n"):
        if not line:
            continue
        for level, marker in enumerate(_TYPED_MARKERS):
            if m := marker.match(line):
                p = doc.add_paragraph(line[m.end() :])
                if numbered:
                    number(p, 90, level)
                break
        else:
            doc.add_paragraph(line)
    return save(doc, path)


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


# --- text ---------------------------------------------------------------------------


def test_one_line_per_paragraph_in_document_order_including_empty_ones(tmp_path: Path) -> None:
    doc = docx.Document()
    for text in [
        "某镇2024年法治政府建设年度报告",
        "",
        "2024年，我镇推进依法行政。",
        "某镇人民政府",
    ]:
        doc.add_paragraph(text)
    source = load_path(save(doc, tmp_path / "r.docx"))
    assert (
        source.text
        == "某镇2024年法治政府建设年度报告\n\n2024年，我镇推进依法行政。\n某镇人民政府\n"
    )
    assert (source.format, source.encoding, source.bom, source.newline) == (
        "docx",
        "utf-8",
        False,
        "\n",
    )


def test_tables_are_rows_of_tab_separated_cells_in_place(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("全年办理案件情况如下：")
    table = doc.add_table(rows=3, cols=3)
    rows = [["类别", "件数", "备注"], ["行政复议", "2", ""], ["行政诉讼", "5", "胜诉3件"]]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    # A cell with two paragraphs stays on its row's line.
    table.cell(2, 2).add_paragraph("调解撤诉2件")
    # Merged cells (w:gridSpan) are one cell, read once.
    merged = table.cell(0, 1).merge(table.cell(0, 2))
    merged.text = "件数及备注"
    doc.add_paragraph("以上数据截至12月31日。")
    assert lines_of(doc) == [
        "全年办理案件情况如下：",
        "类别\t件数及备注",
        "行政复议\t2\t",
        "行政诉讼\t5\t胜诉3件 调解撤诉2件",
        "以上数据截至12月31日。",
    ]


def test_runs_tabs_breaks_revisions_and_hidden_text() -> None:
    doc = docx.Document()
    body = doc.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:p {W}>"
            "<w:r><w:t>一是</w:t><w:tab/><w:t>加强领导</w:t></w:r>"
            '<w:r><w:br w:type="page"/><w:t>，</w:t></w:r>'
            '<w:del w:id="1" w:author="a"><w:r><w:delText>删掉的字</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>压实责任</w:t></w:r></w:ins>'
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
            "<w:r><w:br/><w:t>二是</w:t></w:r>"
            '<w:hyperlink r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            "<w:r><w:t>严格执法</w:t></w:r></w:hyperlink>"
            "<w:r><w:t>。</w:t></w:r>"
            "</w:p>"
        ),
    )
    # A manual line break (Shift+Enter) shows as a new line; a page break does not.
    assert lines_of(doc) == ["一是\t加强领导，压实责任", "二是严格执法。"]


def add_merged_paragraph(doc: WordDocument, text: str) -> None:
    """A paragraph whose mark was deleted with Track Changes on: it runs on into the next."""
    doc.element.body.sectPr.addprevious(
        parse_xml(
            f"<w:p {W}><w:pPr><w:rPr>"
            '<w:del w:id="3" w:author="a" w:date="2025-01-10T00:00:00Z"/>'
            f"</w:rPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    )


@pytest.mark.slow
def test_a_deleted_paragraph_mark_joins_the_paragraphs() -> None:
    # Hunt 23 (v_tracked_merge_13): two paragraphs merged with Track Changes on read
    # as one, as Word shows the final text; a table after it ends the run.
    doc = docx.Document()
    add_merged_paragraph(doc, "开展人社服务“快")
    doc.add_paragraph("办行动”，社保业务全部网上办。")
    add_merged_paragraph(doc, "表前一段。")
    doc.add_table(rows=1, cols=2).rows[0].cells[0].text = "类别"
    assert lines_of(doc)[:2] == ["开展人社服务“快办行动”，社保业务全部网上办。", "表前一段。"]


def test_content_controls_are_read_in_place() -> None:
    doc = docx.Document()
    doc.add_paragraph("第一段")
    doc.element.body.sectPr.addprevious(
        parse_xml(
            f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        )
    )
    doc.add_paragraph("第三段")
    lines = lines_of(doc)
    assert lines == ["第一段", "控件里的段落", "第三段"]


# --- automatic numbering -------------------------------------------------------------


def test_gbt_heading_levels_are_rebuilt_with_restarts() -> None:
    doc = gbt_doc()
    for text, level in [
        ("主要举措和成效", 0),
        ("坚持党的领导", 1),
        ("严格规范执法", 1),
        ("落实三项制度", 2),
        ("加强队伍建设", 2),
        ("组织培训", 3),
        ("案卷评查", 3),
        ("推行柔性执法", 2),
        ("存在的不足和原因", 0),
        ("法治思维不强", 1),
    ]:
        number(doc.add_paragraph(text), 90, level)
    doc.add_paragraph("不编号的正文。")
    assert lines_of(doc) == [
        "一、主要举措和成效",
        "（一）坚持党的领导",
        "（二）严格规范执法",
        "1.落实三项制度",
        "2.加强队伍建设",
        "（1）组织培训",
        "（2）案卷评查",
        "3.推行柔性执法",
        "二、存在的不足和原因",
        "（一）法治思维不强",
        "不编号的正文。",
    ]


def test_the_parser_reads_rebuilt_numbers_as_headings(tmp_path: Path) -> None:
    doc = parse(load_path(clean_report_docx(tmp_path / "r.docx")))
    assert [(h.level, h.ordinal) for h in doc.headings][:6] == [
        (1, 1),
        (2, 1),
        (2, 2),
        (3, 1),
        (3, 2),
        (3, 3),
    ]
    assert doc.headings[0].title == "2024年推进法治政府建设的主要举措和成效"
    # Line = Word paragraph: the first heading is the third paragraph.
    assert doc.position(doc.headings[0].start)[0] == 3


def test_numbering_continues_across_instances_of_one_list_until_a_start_override() -> None:
    doc = docx.Document()
    add_abstract(doc, 7, GBT_LEVELS)
    add_num(doc, 1, 7)
    add_num(doc, 2, 7)  # same list, no override: Word goes on counting
    add_num(doc, 3, 7, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    add_num(doc, 4, 7, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>')
    for num_id in (1, 1, 2, 3, 3, 4, 1):
        number(doc.add_paragraph("标题"), num_id, 0)
    assert [line[:2] for line in lines_of(doc)] == [
        "一、",
        "二、",
        "三、",
        "一、",
        "二、",
        "五、",
        "六、",
    ]


def test_separate_lists_count_separately() -> None:
    doc = docx.Document()
    add_abstract(doc, 7, GBT_LEVELS)
    add_abstract(doc, 8, [("decimal", "%1.")])
    add_num(doc, 1, 7)
    add_num(doc, 2, 8)
    for num_id in (1, 2, 2, 1):
        number(doc.add_paragraph("x"), num_id, 0)
    assert lines_of(doc) == ["一、x", "1.x", "2.x", "二、x"]


@pytest.mark.slow
def test_numbering_from_heading_styles() -> None:
    # Word's multilevel list linked to Heading 1-2: the paragraphs carry only a style.
    doc = docx.Document()
    add_abstract(doc, 5, GBT_LEVELS[:2])
    lvl1 = doc.part.numbering_part.element[-1][1]
    lvl1.append(parse_xml(f'<w:pStyle {W} w:val="Heading2"/>'))
    add_num(doc, 5, 5)
    styles = {s.style_id: s for s in doc.styles}
    number(styles["Heading1"], 5, 0)  # numPr with numId and ilvl in the style
    number(styles["Heading2"], 5)  # numId only: the level is the one tied to the style
    doc.add_paragraph("主要举措", style="Heading 1")
    doc.add_paragraph("加强领导", style="Heading 2")
    doc.add_paragraph("严格执法", style="Heading 2")
    doc.add_paragraph("存在的不足", style="Heading 1")
    plain = doc.add_paragraph("不编号的标题", style="Heading 1")
    number(plain, 0)  # numId 0 on the paragraph switches the style's numbering off
    assert lines_of(doc) == [
        "一、主要举措",
        "（一）加强领导",
        "（二）严格执法",
        "二、存在的不足",
        "不编号的标题",
    ]


def test_style_based_on_a_numbered_style_inherits_its_numbering() -> None:
    doc = docx.Document()
    add_abstract(doc, 5, GBT_LEVELS)
    add_num(doc, 5, 5)
    styles = {s.style_id: s for s in doc.styles}
    number(styles["Heading1"], 5, 0)
    custom = doc.styles.add_style("MyHeading", 1)  # WD_STYLE_TYPE.PARAGRAPH
    custom.base_style = styles["Heading1"]
    doc.add_paragraph("主要举措", style="MyHeading")
    doc.add_paragraph("存在的不足", style="MyHeading")
    assert lines_of(doc) == ["一、主要举措", "二、存在的不足"]


def test_num_style_link_is_followed() -> None:
    # A list style: the abstractNum used by paragraphs only links to a style whose
    # numbering points at the abstractNum that holds the levels.
    doc = docx.Document()
    add_abstract(doc, 20, GBT_LEVELS)
    add_num(doc, 20, 20)
    doc.part.numbering_part.element.append(
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="21"><w:numStyleLink w:val="ReportList"/>'
            "</w:abstractNum>"
        )
    )
    add_num(doc, 21, 21)
    doc.styles.element.append(
        parse_xml(
            f'<w:style {W} w:type="numbering" w:styleId="ReportList"><w:name w:val="Report List"/>'
            '<w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>'
        )
    )
    number(doc.add_paragraph("主要举措"), 21, 0)
    number(doc.add_paragraph("加强领导"), 21, 1)
    assert lines_of(doc) == ["一、主要举措", "（一）加强领导"]


def test_legal_numbering_multi_level_text_and_never_restarting_level() -> None:
    doc = docx.Document()
    doc.part.numbering_part.element.append(
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="3">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:isLgl/><w:lvlText w:val="%1.%2"/><w:suff w:val="nothing"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    add_abstract(doc, 4, [("decimal", "%1."), ("lowerLetter", "%2)")])
    doc.part.numbering_part.element[-1][1].append(parse_xml(f'<w:lvlRestart {W} w:val="0"/>'))
    add_num(doc, 3, 3)
    add_num(doc, 4, 4)
    for num_id, level in [(3, 0), (3, 1), (3, 1), (3, 0), (3, 1), (4, 0), (4, 1), (4, 0), (4, 1)]:
        number(doc.add_paragraph("x"), num_id, level)
    assert lines_of(doc) == [
        "第一章 x",  # a label ending in a character keeps Word's space before the text
        "1.1x",  # isLgl: every number in Arabic digits
        "1.2x",
        "第二章 x",
        "2.1x",
        "1.x",
        "a)x",
        "2.x",
        "b)x",  # lvlRestart 0: never restarts
    ]


def test_bullets_and_undefined_lists_add_nothing() -> None:
    doc = docx.Document()
    add_abstract(doc, 6, [("bullet", "\uf06c")])
    add_num(doc, 6, 6)
    number(doc.add_paragraph("带圆点的段落"), 6, 0)
    number(doc.add_paragraph("引用了不存在的编号"), 404, 0)
    number(doc.add_paragraph("层级不存在"), 6, 5)
    assert lines_of(doc) == ["带圆点的段落", "引用了不存在的编号", "层级不存在"]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (99, "chineseCountingThousand", "九十九"),
        (105, "chineseCountingThousand", "一百零五"),
        (1010, "chineseCountingThousand", "一千零一十"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "甲"),
        (2, "ideographZodiac", "丑"),
        (2025, "ideographDigital", "二〇二五"),
        (3, "decimalEnclosedCircleChinese", "③"),
        (12, "decimalFullWidth", "１２"),
        (7, "decimalZero", "07"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (4, "lowerRoman", "iv"),
        (5, "none", ""),
        (8, "someFutureFormat", "8"),
    ],
)
def test_number_formats(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


# --- the CLI on Word files -----------------------------------------------------------


@pytest.mark.slow
def test_clean_report_as_auto_numbered_docx_is_clean(tmp_path: Path) -> None:
    path = clean_report_docx(tmp_path / "报告.docx")
    result = run_cli("check", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "未发现问题，检查了 1 个文件。"
    assert json.loads(run_cli("check", "--format", "json", str(path)).output) == []


@pytest.mark.slow
def test_without_the_numbers_the_headings_have_none(tmp_path: Path) -> None:
    # The control for the test above: the chapters' numbers come from the rebuilt
    # numbering; without it they are read as headings written without a number.
    numbered = parse(load_path(clean_report_docx(tmp_path / "a.docx")))
    bare = parse(load_path(clean_report_docx(tmp_path / "b.docx", numbered=False)))
    assert [h.marker for h in numbered.headings if h.level == 1][:2] == ["一、", "二、"]
    chapters = [h for h in bare.headings if h.level == 1]
    assert chapters and all(h.marker == "" for h in chapters)


@pytest.mark.slow
def test_finding_points_at_the_paragraph(tmp_path: Path) -> None:
    # Level-3 items under （二） restart at 5 through a second instance of the list
    # with a startOverride: the numbers jump 1, 2 -> 5, which the linter must see.
    doc = gbt_doc()
    add_num(doc, 91, 90, '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride>')
    doc.add_paragraph("青岚县望溪镇2024年法治政府建设年度报告")
    number(doc.add_paragraph("主要举措和成效"), 90, 0)
    number(doc.add_paragraph("严格规范公正文明执法"), 90, 1)
    number(doc.add_paragraph("全面落实行政执法三项制度"), 90, 2)
    number(doc.add_paragraph("加强执法队伍建设"), 90, 2)
    number(doc.add_paragraph("推行包容审慎柔性执法"), 91, 2)
    path = save(doc, tmp_path / "r.docx")
    assert docx_text(path.read_bytes()).split("\n")[5] == "5.推行包容审慎柔性执法"
    data = json.loads(run_cli("check", "--format", "json", "--select", "RL402", str(path)).output)
    (finding,) = data
    assert finding["code"] == "RL402"
    assert (finding["line"], finding["column"]) == (6, 1)
    assert (
        finding["message"] == "序号不连续：“2”之后是“5”，缺少“3”“4”：请检查是否漏了一段，或重新编号"
    )


@pytest.mark.slow
def test_signature_finding_line_is_the_paragraph(tmp_path: Path) -> None:
    text = clean_text().replace("2025年1月20日", "2025120")
    path = clean_report_docx(tmp_path / "r.docx", text=text)
    paragraphs = [line for line in text.split("\n") if line]
    data = json.loads(run_cli("check", "--format", "json", str(path)).output)
    (finding,) = [d for d in data if d["code"] == "RL103"]
    assert finding["line"] == len(paragraphs)


@pytest.mark.slow
def test_fix_does_not_touch_a_docx(tmp_path: Path) -> None:
    text = clean_text().replace("年度学法考试，", "年度学法考试,")  # a fixable half-width comma
    path = clean_report_docx(tmp_path / "r.docx", text=text)
    before = path.read_bytes()
    result = run_cli("check", "--fix", str(path))
    assert path.read_bytes() == before
    assert "RL404" in result.stdout
    # Not offered as fixable either: no [*], no "可用 --fix" in the summary
    # (stderr says what to do instead: tests/test_annotate.py).
    assert "[*]" not in result.stdout and "--fix" not in result.stdout
    data = json.loads(run_cli("check", "--format", "json", str(path)).output)
    assert [d["fix"] for d in data if d["code"] == "RL404"] == [None]


@pytest.mark.slow
def test_word_file_named_doc_is_read_by_content(tmp_path: Path) -> None:
    path = clean_report_docx(tmp_path / "r.docx")
    renamed = path.rename(tmp_path / "报告.doc")  # WPS users often do this
    source = load_path(renamed)
    assert source.format == "docx"
    assert run_cli("check", str(renamed)).exit_code == 0


# --- broken and hostile Word files ---------------------------------------------------


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_text("某镇2024年法治政府建设年度报告", encoding="utf-8")
    assert_unreadable(path, "不是有效的 Word 文档（.docx 应是 ZIP 格式，这个文件不是）")


def test_old_binary_doc_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert_unreadable(
        path,
        "不是有效的 Word 文档：这是旧版 .doc/.wps 格式或加密的文档，请另存为未加密的 .docx 后再检查",
    )


def test_truncated_zip(tmp_path: Path) -> None:
    data = to_bytes(gbt_doc())
    path = tmp_path / "r.docx"
    path.write_bytes(data[: len(data) // 2])
    assert_unreadable(path, "不是有效的 Word 文档（ZIP 结构已损坏）")


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("report.txt", "法治政府建设年度报告")
    assert_unreadable(path, "不是有效的 Word 文档（找不到正文，或文件已损坏）")


@pytest.mark.slow
def test_word_document_without_text(tmp_path: Path) -> None:
    assert_unreadable(save(docx.Document(), tmp_path / "r.docx"), "Word 文档中没有文字")


def _bomb(path: Path, size: int) -> Path:
    """A zip whose one member inflates from a few KB to `size` bytes of zeros."""
    chunk = b"\x00" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return path


@pytest.mark.slow
def test_zip_bomb_over_the_total_limit_is_refused_before_inflating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _bomb(tmp_path / "bomb.docx", MAX_UNZIPPED + (1 << 20))
    assert path.stat().st_size < 200_000

    def no_inflating(*args: object, **kwargs: object) -> None:
        raise AssertionError("a member was opened")

    with monkeypatch.context() as m:
        m.setattr(zipfile.ZipFile, "open", no_inflating)
        with pytest.raises(LoadError) as info:
            check_zip(path.read_bytes())
    assert str(info.value) == (
        f"Word 文档解压后过大（{MAX_UNZIPPED + (1 << 20) + 8:,} 字节，上限 {MAX_UNZIPPED:,} 字节），"
        "可能是压缩炸弹"
    )
    result = run_cli("check", str(path))
    assert result.exit_code == 2 and "可能是压缩炸弹" in result.output


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "bomb.docx", 4 << 20)  # under the total limit, ratio ~1000
    with pytest.raises(LoadError) as info:
        load_path(path)
    assert str(info.value).startswith("Word 文档压缩比异常（word/document.xml 压缩 ")
    assert str(info.value).endswith("字节），可能是压缩炸弹")


def test_unusual_compression_method_is_refused(tmp_path: Path) -> None:
    # zipfile inflates bzip2/lzma without the declared-size cap it applies to deflate.
    path = tmp_path / "r.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert_unreadable(path, "Word 文档使用了不支持的压缩方式（word/document.xml）")


def test_a_real_document_passes_the_zip_checks() -> None:
    check_zip(to_bytes(gbt_doc()))  # no exception: the limits leave room for real files


@pytest.mark.slow
def test_strict_open_xml_is_named(tmp_path: Path) -> None:
    # ISO/IEC 29500 Strict uses other namespaces, which python-docx does not read.
    data = to_bytes(gbt_doc())
    path = tmp_path / "r.docx"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename.startswith("word/"):
                part = part.replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                )
            target.writestr(info, part)
    assert_unreadable(path, "这是 Strict Open XML 格式的 Word 文档：请另存为普通的 .docx 后再检查")


def test_an_unforeseen_failure_is_one_error_for_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlint.extract import docx as extractor

    def broken(data: bytes) -> str:
        raise AttributeError("'NoneType' object has no attribute 'iterchildren'")

    monkeypatch.setattr(extractor, "docx_text", broken)
    assert_unreadable(
        save(gbt_doc(), tmp_path / "r.docx"),
        "读取 Word 文档时出错（内部错误 AttributeError），请报告此问题",
    )


@pytest.mark.slow
def test_a_report_laid_out_in_one_table_cell_is_read_as_paragraphs(tmp_path: Path) -> None:
    # Found comparing formats: the whole body in one cell came out as one line.
    lines = [line for line in clean_text().split("\n") if line]
    doc = docx.Document()
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    path = tmp_path / "r.docx"
    doc.save(str(path))
    assert load_path(path).text == "\n".join(lines) + "\n"
    result = run_cli("check", str(path))
    assert result.exit_code == 0, result.output


def test_a_data_table_row_stays_one_line(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    for r, row in enumerate([["类别", "数量", "占比"], ["行政复议", "12件", "40%"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "t.docx"
    doc.save(str(path))
    assert load_path(path).text == "类别\t数量\t占比\n行政复议\t12件\t40%\n"


def signature_box(*lines: str) -> str:
    """A paragraph anchoring a text box with these lines, as Word writes it: once as a
    drawing (mc:Choice) and again as VML (mc:Fallback)."""
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return (
        f'<w:p {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{paragraphs}'
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent>"
        "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


@pytest.mark.slow
def test_a_signature_in_a_text_box_at_the_end_is_read_once(tmp_path: Path) -> None:
    # Hunt 23 (v_sig_textbox_10): the 落款 set in a text box beside the seal.
    body, signature = clean_text().rstrip("\n").rsplit("\n\n", 1)
    path = clean_report_docx(tmp_path / "r.docx", text=body)
    doc = docx.Document(str(path))
    doc.element.body.sectPr.addprevious(parse_xml(signature_box(*signature.split("\n"))))
    doc.save(str(path))
    assert lint_file(path) == []
    assert docx_text(path.read_bytes()).count(signature.split("\n")[-1]) == 1
    # A text box elsewhere, or one without a date, stays skipped.
    doc = docx.Document()
    doc.add_paragraph("正文第一段。")
    doc.element.body.sectPr.addprevious(parse_xml(signature_box("流程图：受理—审查—决定")))
    assert lines_of(doc) == ["正文第一段。", ""]


@pytest.mark.slow
def test_only_a_text_box_that_is_a_signature_is_read() -> None:
    # Review of the text-box 落款: a dated caption is no 落款, and a body that ends
    # with its own 落款 in any form keeps it.
    caption = signature_box("注：本报告数据统计截至2024年12月31日")
    doc = docx.Document()
    doc.add_paragraph("正文。")
    doc.element.body.sectPr.addprevious(parse_xml(caption))
    assert lines_of(doc) == ["正文。", ""]
    doc = docx.Document()
    for line in ("正文。", "青岚县望溪镇人民政府", "二〇二五年一月十五日"):
        doc.add_paragraph(line)
    doc.element.body.sectPr.addprevious(
        parse_xml(signature_box("青岚县望溪镇人民政府", "2025年1月15日"))
    )
    assert lines_of(doc)[-2:] == ["二〇二五年一月十五日", ""]


def test_a_deleted_mark_before_a_numbered_paragraph_takes_its_number_in_front() -> None:
    # Review of the join: Word shows the merged paragraph with the second one's number.
    doc = gbt_doc()
    add_merged_paragraph(doc, "上一段的末尾。")
    number(doc.add_paragraph("第一责任人履职情况"), 90, 0)
    assert lines_of(doc) == ["一、上一段的末尾。第一责任人履职情况"]
