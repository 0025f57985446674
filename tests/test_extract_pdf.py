"""PDF input (the optional pdf extra): the text layer, lines unwrapped; scans and locked files refused."""

from __future__ import annotations

import io
import json
import re
import sys
import unicodedata
from itertools import pairwise
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from reportlint.cli import main
from reportlint.extract.pdf import pdf_text
from reportlint.load import LoadError, load_bytes, load_path

from support import assert_unreadable, clean_text, lint


def _to_unicode(chars: set[str]) -> bytes:
    """A ToUnicode CMap mapping each character's code to itself (only those used: a
    full 0000-FFFF range would make pypdf build a 65,536-entry table)."""
    pairs = b"".join(b"<%04x> <%04x>\n" % (ord(c), ord(c)) for c in sorted(chars))
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Identity-UCS def "
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange "
        b"%d beginbfchar\n%sendbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
        % (len(chars), pairs)
    )


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose text layer holds these lines, one text line each.

    The font's codes are the characters' UTF-16 code units (all in the BMP
    here) and its ToUnicode map is the identity, so a text extractor reads
    back exactly these lines.
    """
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in last

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    to_unicode = add(stream(_to_unicode({c for lines in pages for line in lines for c in line})))
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode)
    )
    kids = []
    for lines in pages:
        ops = [b"BT /F1 12 Tf 14 TL 50 800 Td"]
        ops += [b"<%s> Tj T*" % line.encode("utf-16-be").hex().encode() for line in lines]
        content = add(stream(b"\n".join([*ops, b"ET"])))
        kids.append(
            add(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font, content)
            )
        )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


def typeset(text: str, width: float = 28, lines_per_page: int = 22) -> list[list[str]]:
    """Lay a report out as GB/T 9704 does (28 characters a line, 22 lines a page), page numbers below."""
    lines: list[str] = []
    for paragraph in (p for p in text.split("\n") if p):
        line, used = "", 0.0
        for ch in paragraph:
            if used + _width(ch) > width:
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += _width(ch)
        lines.append(line)
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    return [[*page, f"— {n} —"] for n, page in enumerate(pages, 1)]


def encrypted(data: bytes, password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args))


# --- text --------------------------------------------------------------------------


@pytest.mark.slow
def test_wrapped_lines_are_joined_back_into_paragraphs() -> None:
    pages = typeset(clean_text())
    paragraphs = [line for line in clean_text().split("\n") if line]
    assert len(pages) > 2 and pages[0][2] != paragraphs[2]  # it really is wrapped
    lines = pdf_text(make_pdf(pages)).split("\n")[:-1]
    # Every paragraph starts a line and every break inside one is gone, except
    # where a line happens to end with "。" at the margin: a sentence end and a
    # paragraph end look the same there, and a break after a sentence is harmless.
    assert all(any(p.startswith(line) for line in lines) for p in paragraphs)
    assert "\n".join(lines).replace("。\n", "。") == "\n".join(paragraphs).replace("。\n", "。")
    assert len(lines) - len(paragraphs) <= 3


def test_headings_and_short_lines_are_not_joined() -> None:
    pages = [
        [
            "一、党政主要负责人履行推进法治建设第一责任人职责情况",  # 27 characters, nearly full
            "镇党委书记、镇长认真贯彻《党政主要负责人履行推进法治建",
            "设第一责任人职责规定》，切实把法治建设摆在重要位置。",
            "（一）镇党委书记履职情况",
            "青岚县望溪镇人民政府",
            "2025年1月20日",
        ]
    ]
    assert pdf_text(make_pdf(pages)).split("\n")[:-1] == [
        "一、党政主要负责人履行推进法治建设第一责任人职责情况",
        "镇党委书记、镇长认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》，切实把法治建设摆在重要位置。",
        "（一）镇党委书记履职情况",
        "青岚县望溪镇人民政府",
        "2025年1月20日",
    ]


@pytest.mark.slow
def test_clean_report_as_pdf_is_clean_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "报告.pdf"
    path.write_bytes(make_pdf(typeset(clean_text())))
    source = load_path(path)
    assert (source.format, source.encoding, source.newline) == ("pdf", "utf-8", "\n")
    result = run_cli("check", str(path))
    assert result.exit_code == 0, result.output
    assert json.loads(run_cli("check", "--format", "json", str(path)).output) == []


@pytest.mark.slow
def test_finding_in_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "报告.pdf"
    path.write_bytes(make_pdf(typeset(clean_text().replace("2025年1月20日", "2025120"))))
    data = json.loads(run_cli("check", "--format", "json", "--select", "RL103", str(path)).output)
    (finding,) = data
    lines = load_path(path).text.split("\n")
    assert lines[finding["line"] - 1] == "2025120" == lines[-2]


def test_pdf_with_an_empty_password_is_read() -> None:
    data = encrypted(make_pdf([["法治政府建设年度报告，主要举措和成效。"]]), "")
    assert pdf_text(data) == "法治政府建设年度报告，主要举措和成效。\n"


def test_pdf_under_another_name_is_read_by_content(tmp_path: Path) -> None:
    path = tmp_path / "报告"
    path.write_bytes(make_pdf([["法治政府建设年度报告，主要举措和成效。"]]))
    assert load_path(path).format == "pdf"


# --- unusable PDFs ---------------------------------------------------------------------


def _blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _blank_pdf(),
            "PDF 没有文字层（可能是扫描件）：请提供可复制文字的 PDF、Word 文档或文本文件",
        ),
        (
            encrypted(make_pdf([["法治政府建设年度报告"]]), "secret"),
            "PDF 已加密，需要密码才能读取：请提供未加密的版本",
        ),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "PDF 文件已损坏或无法解析"),
        (make_pdf([["法治政府建设年度报告"] * 20])[:400], "PDF 文件已损坏或无法解析"),
        ("法治政府建设年度报告".encode(), "不是有效的 PDF 文件（缺少 %PDF 文件头）"),
        (b"", "文件为空"),
    ],
    ids=["scan", "encrypted", "broken", "truncated", "not-a-pdf", "empty"],
)
def test_unusable_pdf(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    assert_unreadable(path, message)


def test_without_pypdf_the_message_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # what an import of a missing package does
    with pytest.raises(LoadError) as info:
        load_bytes(make_pdf([["法治政府建设年度报告"]]), "r.pdf", "pdf")
    assert str(info.value) == "读取 PDF 需要安装可选依赖：pip install 'reportlint[pdf]'"


def test_broken_font_map_gives_replacement_characters_not_a_crash() -> None:
    # A ToUnicode map that sends "法" to a lone surrogate and "治" to NUL: pypdf
    # passes both through; neither may reach the checks or the output.
    data = make_pdf([["法治政府建设年度报告，主要举措和成效。"]])
    data = data.replace(b"<6cd5> <6cd5>", b"<6cd5> <d800>").replace(
        b"<6cbb> <6cbb>", b"<6cbb> <0000>"
    )
    source = load_bytes(data, "r.pdf", "pdf")
    assert source.text == "\ufffd政府建设年度报告，主要举措和成效。\n"


def _wrapped_inside_a_number(paragraph: str) -> list[list[str]]:
    """The paragraph typeset at the first width whose wrap cuts a number in two."""
    for width in range(20, 32):
        pages = typeset(paragraph, width)
        lines = pages[0][:-1]  # the last line is the page number
        if any(a[-1].isdigit() and b[0].isdigit() for a, b in pairwise(lines)):
            return pages
    raise AssertionError("no width cuts a number")


def test_a_number_cut_by_the_wrap_is_one_number() -> None:
    # Found comparing formats: "来访6" / "31批次" read as "6 31", and RL202 then
    # added up the wrong parts.
    paragraph = (
        "　　受理人民群众来电、来信、来访共1355批次，其中来访631批次，来电来信318批次，"
        "网上转办184批次，系统转办212批次，全年受理件均已按期办结，群众满意度较高。"
    )
    pages = _wrapped_inside_a_number(paragraph)
    assert pdf_text(make_pdf(pages)) == paragraph.lstrip("　") + "\n"


def with_running_lines(pages: list[list[str]], header: str | None, footer: str | None):
    """The pages with a running header above and a footer above the page number."""
    out = []
    for n, page in enumerate(pages, 1):
        body, number = page[:-1], page[-1]
        top = [header.replace("#", str(n))] if header else []
        bottom = [footer.replace("#", str(n))] if footer else []
        out.append([*top, *body, *bottom, number])
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("header", "footer"),
    [
        (None, "青岚县望溪镇人民政府发布"),
        ("青岚县望溪镇2024年法治政府建设年度报告", None),
        (None, "https://www.qinglan.gov.cn/art/2025/1/20/art_58431.html #/7"),
        ("2025/3/1 10:23 青岚县望溪镇2024年法治政府建设年度报告", "第#页"),
    ],
    ids=["footer", "title-header", "url-and-page", "browser-print"],
)
def test_running_headers_and_footers_are_dropped(header, footer) -> None:
    # CLI hunt (pdf/footer, pdf/header, pdf/browser): a line repeated at the top or
    # the bottom of every page ended up in sentences and after the 落款.
    text = pdf_text(make_pdf(with_running_lines(typeset(clean_text()), header, footer)))
    expected = pdf_text(make_pdf(typeset(clean_text())))
    assert text == expected
    assert lint(text) == []


@pytest.mark.slow
def test_a_first_page_without_the_header_keeps_its_title() -> None:
    pages = with_running_lines(typeset(clean_text()), clean_text().split("\n")[0], None)
    pages[0] = pages[0][1:]  # Word's "different first page": no header on page 1
    assert pdf_text(make_pdf(pages)) == pdf_text(make_pdf(typeset(clean_text())))


@pytest.mark.slow
def test_an_annex_table_and_chinese_digit_spacing_do_not_break_the_joins() -> None:
    # CLI hunt (annex_table, autospace0.25): 30 wide rows made body lines look
    # short; Word's gap between Chinese and digits came out as spaces.
    row = (
        "1 推进严格规范公正文明执法 制定年度工作方案并组织实施，按季度通报 镇党政办 2025年12月底前"
    )
    pages = typeset(clean_text())
    pages.append([row] * 20 + ["— 9 —"])
    spaced = [
        [re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])", " ", ln) for ln in page]
        for page in pages
    ]
    text = pdf_text(make_pdf(spaced))
    assert text.split("\n")[:-21] == pdf_text(make_pdf(typeset(clean_text()))).split("\n")[:-1]


def test_a_line_starting_with_a_closing_mark_or_a_span_goes_on() -> None:
    pages = [
        [
            "坚持和发展新时代“枫桥经验”，完善矛盾纠纷排查调处机制和“枫桥经验”",
            "，街道综治中心全年受理矛盾纠纷86件。按照年度工作要点，在第",
            "二、三季度开展专项督查，将年度工作细化为32项具体任务，逐",
            "项明确责任领导。",
            "— 1 —",
        ]
    ]
    assert pdf_text(make_pdf(pages)).split("\n")[:-1] == [
        "坚持和发展新时代“枫桥经验”，完善矛盾纠纷排查调处机制和“枫桥经验”，街道综治中心全年受理矛盾纠纷86件。按照年度工作要点，在第二、三季度开展专项督查，将年度工作细化为32项具体任务，逐项明确责任领导。"
    ]


def test_in_a_short_pdf_a_heading_or_sentence_at_two_page_tops_is_no_header() -> None:
    # Review of the running lines: 2 of 4 pages was taken for "most", and a chapter
    # heading that happened to open two pages was dropped.
    body = [f"第{n}页的正文，内容完整。" for n in range(1, 5)]
    pages = [
        ["三、深化基层依法治理" if n in (2, 3) else f"（{n}）其他工作", body[n - 1], f"— {n} —"]
        for n in range(1, 5)
    ]
    text = pdf_text(make_pdf(pages))
    assert text.count("三、深化基层依法治理") == 2


def test_table_rows_keep_their_cells_and_slogans_their_spaces() -> None:
    # Review: a task table's cells were glued ("1全面落实…镇综合执法队2024年6月"),
    # a quoted slogan with spaces counted as a row; letter-spaced text stays words.
    pages = [
        [
            "附件：任务分工表",
            "1 全面落实行政执法三项制度 镇综合执法队 2024年6月",
            "2 深化八五普法总结验收 镇司法所 2025年12月底前",
            "开展“尊法 学法 守法 用法”主题宣传活动12场。",
            "全 镇 共 受 理 行 政 复 议 案 件 2 件 。",
            "— 1 —",
        ]
    ]
    assert pdf_text(make_pdf(pages)).split("\n")[1:5] == [
        "1\t全面落实行政执法三项制度\t镇综合执法队\t2024年6月",
        "2\t深化八五普法总结验收\t镇司法所\t2025年12月底前",
        "开展“尊法 学法 守法 用法”主题宣传活动12场。",
        "全镇共受理行政复议案件2件。",
    ]


@pytest.mark.slow
def test_a_title_under_a_masthead_is_not_joined_to_what_follows() -> None:
    # Review: only a first line was taken for the title; a full-width one after a
    # masthead was joined to the salutation.
    title = "青岚县望溪镇人民政府关于2024年法治政府建设情况的报告"  # as wide as the text
    pages = typeset(clean_text())
    pages[0] = ["青岚县望溪镇人民政府文件", "望政〔2025〕3号", title, "县人民政府：", *pages[0][1:]]
    assert pdf_text(make_pdf(pages)).split("\n")[:4] == [
        "青岚县望溪镇人民政府文件",
        "望政〔2025〕3号",
        title,
        "县人民政府：",
    ]
