"""Stage 1, load: bytes on disk -> Source (encoding, BOM, line endings, format) or LoadError."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main
from reportlint.load import (
    CONTAINER_FACTOR,
    DEFAULT_MAX_BYTES,
    REPORT_SUFFIXES,
    LoadError,
    Source,
    decode,
    format_of,
    load_path,
)

SEEDS = Path(__file__).resolve().parents[1] / "samples" / "seeds"


def _seed_003() -> str:
    (path,) = sorted(SEEDS.glob("003_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path):
    def _write(data: bytes, name: str = "report.txt") -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write


# --- encodings ---------------------------------------------------------------


def test_utf8_without_bom(write) -> None:
    text = "法治政府建设年度报告\n一、主要举措和成效\n"
    path = write(text.encode("utf-8"))
    source = load_path(path)
    assert source == Source(path=str(path), text=text, encoding="utf-8", bom=False, newline="\n")


def test_utf8_with_bom_strips_bom(write) -> None:
    text = "法治政府建设年度报告\n"
    source = load_path(write(b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert source.encoding == "utf-8"
    assert source.bom is True
    assert source.text == text
    assert "\ufeff" not in source.text


def test_gb18030_report_excerpt(write) -> None:
    excerpt = _seed_003()[:200]
    assert len(excerpt) == 200
    data = excerpt.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the premise: GB18030 bytes of Chinese text are not UTF-8
    source = load_path(write(data))
    assert source.encoding == "gb18030"
    assert source.bom is False
    assert source.text == excerpt
    assert source.newline == "\n"


def test_short_gbk_text_decodes_as_gb18030(write) -> None:
    text = "冯坪乡高度重视依法行政工作,成立了以党政主要负责人为组长,分"
    assert len(text) == 30
    with pytest.raises(UnicodeDecodeError):
        text.encode("gbk").decode("utf-8")
    data = text.encode("gbk")
    source = load_path(write(data))
    assert source.encoding == "gb18030"
    assert source.bom is False
    assert source.text == text


@pytest.mark.parametrize(
    ("bom", "codec", "encoding"),
    [
        (b"\xff\xfe", "utf-16-le", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be", "utf-16-be"),
    ],
)
def test_utf16_with_bom(write, bom: bytes, codec: str, encoding: str) -> None:
    text = "二、存在的不足和原因\n（一）工作不平衡\n"
    source = load_path(write(bom + text.encode(codec)))
    assert source.encoding == encoding
    assert source.bom is True
    assert source.text == text
    assert source.newline == "\n"


def test_utf16_bom_with_undecodable_body(write) -> None:
    # A UTF-16 LE BOM followed by an odd number of bytes cannot be UTF-16.
    with pytest.raises(LoadError) as info:
        load_path(write(b"\xff\xfe" + "报告".encode("utf-16-le") + b"A"))
    assert str(info.value) == "文件以 utf-16-le 标记开头，但内容无法按 utf-16-le 解码"


# --- line endings --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "newline", "text"),
    [
        ("一、举措\r\n二、不足\r\n", "\r\n", "一、举措\n二、不足\n"),
        ("一、举措\n二、不足\n", "\n", "一、举措\n二、不足\n"),
        ("一、举措\r二、不足\r", "\r", "一、举措\n二、不足\n"),
        ("一、举措\r\n二、不足\n三、安排\r", "mixed", "一、举措\n二、不足\n三、安排\n"),
        ("一、举措\r\n二、不足\n", "mixed", "一、举措\n二、不足\n"),
        ("只有一行没有换行", "\n", "只有一行没有换行"),
    ],
    ids=["crlf", "lf", "cr", "mixed-three", "mixed-two", "no-break"],
)
def test_newline_style(write, raw: str, newline: str, text: str) -> None:
    source = load_path(write(raw.encode("utf-8")))
    assert source.newline == newline
    assert source.text == text
    assert "\r" not in source.text


def test_crlf_with_gb18030_and_bom_free(write) -> None:
    raw = "一、主要举措\r\n（一）加强领导\r\n"
    source = load_path(write(raw.encode("gb18030")))
    assert (source.encoding, source.bom, source.newline) == ("gb18030", False, "\r\n")
    assert source.text == "一、主要举措\n（一）加强领导\n"


# --- errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件为空"),
        (b" \n\t\r\n   \n", "文件为空"),
        (b"\xef\xbb\xbf", "文件为空"),
        ("\u3000\u3000\n".encode(), "文件为空"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "不是文本文件（含有二进制数据）"),
        # No NUL, but far too many control characters to be a report.
        (bytes(range(1, 9)) * 4 + b"abc", "不是文本文件（含有二进制数据）"),
        # Review 3: a list of addresses left in the reports' folder got every
        # statutory part reported missing.
        (b"https://a.gov.cn/1.html\thttps://b.gov.cn/2.html\n", "文件中没有中文，不像一份报告"),
        (b"requirements: click>=8\n", "文件中没有中文，不像一份报告"),
    ],
    ids=[
        "empty",
        "whitespace",
        "bom-only",
        "ideographic-spaces",
        "png",
        "controls",
        "urls",
        "ascii",
    ],
)
def test_unusable_content(write, data: bytes, message: str) -> None:
    with pytest.raises(LoadError) as info:
        load_path(write(data))
    assert str(info.value) == message


def test_neither_utf8_nor_gb18030(write) -> None:
    data = b"abc\x80\xff\xfe\x81 def"
    for codec in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(codec)
    with pytest.raises(LoadError) as info:
        load_path(write(data))
    assert str(info.value) == "无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK）"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_path(tmp_path / "nope.txt")
    assert str(info.value) == "文件不存在"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_path(tmp_path)
    assert str(info.value) == "这是一个目录，不是文件"


def test_file_larger_than_max_bytes(write) -> None:
    path = write("报告".encode() * 10)  # 60 bytes
    with pytest.raises(LoadError) as info:
        load_path(path, max_bytes=50)
    assert str(info.value) == "文件过大（60 字节，上限 50 字节），不像一份报告"
    # Exactly at the limit is fine.
    assert load_path(path, max_bytes=60).text == "报告" * 10


def test_decode_larger_than_max_bytes() -> None:
    with pytest.raises(LoadError) as info:
        decode(b"x" * 2001, "big.txt", max_bytes=2000)
    assert str(info.value) == "文件过大（超过 2,000 字节），不像一份报告"


def test_default_max_bytes_is_ten_mebibytes() -> None:
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("error", "message"),
    [
        # The same path as test_unreadable_file_of_every_type, reachable as root.
        (PermissionError(13, "Permission denied"), "没有读取权限"),
        # It was there for stat() (the size check) and is gone when it is opened.
        (FileNotFoundError(2, "No such file or directory"), "文件不存在"),
        (OSError(5, "Input/output error"), "无法读取：Input/output error"),
    ],
    ids=["permission", "deleted-after-listing", "io-error"],
)
def test_errors_when_opening_are_reported(
    write, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str
) -> None:
    path = write("法治政府建设年度报告\n".encode())

    def fail(self: Path, *args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(Path, "open", fail)
    with pytest.raises(LoadError) as info:
        load_path(path)
    assert str(info.value) == message


def test_load_error_messages_are_chinese(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_path(tmp_path / "missing.txt")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(info.value))


def test_decode_keeps_name() -> None:
    source = decode("报告\n".encode(), "-")
    assert source == Source(path="-", text="报告\n", encoding="utf-8", bom=False, newline="\n")


# --- telling GB18030/GBK from UTF-8 on short files ----------------------------------


def test_same_report_saved_both_ways(write) -> None:
    text = (Path(__file__).resolve().parents[1] / "samples/synthetic/clean.txt").read_text(
        encoding="utf-8"
    )
    as_utf8 = load_path(write(text.encode("utf-8"), "utf8.txt"))
    as_gbk = load_path(write(text.encode("gbk"), "gbk.txt"))
    assert (as_utf8.encoding, as_gbk.encoding) == ("utf-8", "gb18030")
    assert as_utf8.text == as_gbk.text == text


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "utf-8"])
def test_two_hundred_character_report(write, codec: str) -> None:
    excerpt = _seed_003()[:200]
    source = load_path(write(excerpt.encode(codec)))
    assert source.encoding == ("utf-8" if codec == "utf-8" else "gb18030")
    assert source.text == excerpt


@pytest.mark.parametrize("codec", ["gbk", "utf-8"])
def test_ten_character_report(write, codec: str) -> None:
    text = "法治政府建设年度报告"
    assert len(text) == 10
    source = load_path(write(text.encode(codec)))
    assert source.encoding == ("utf-8" if codec == "utf-8" else "gb18030")
    assert source.text == text


@pytest.mark.parametrize("text", ["专业", "为之", "联通"])
def test_gbk_bytes_that_are_also_valid_utf8(write, text: str) -> None:
    data = text.encode("gbk")
    if text != "联通":
        data.decode("utf-8")  # the premise: these GBK bytes pass as UTF-8 (Hebrew, Cyrillic…)
    source = load_path(write(data))
    assert (source.encoding, source.text) == ("gb18030", text)
    # The same words in UTF-8 stay UTF-8.
    assert load_path(write(text.encode("utf-8"), "u.txt")).encoding == "utf-8"


# (A report has some Chinese: a file with none is refused, see test_unusable_content.)
@pytest.mark.parametrize("text", ["报告：café résumé", "报告：naïve — ok", "Ελληνικά και 中文"])
def test_real_utf8_without_chinese_lookalikes_stays_utf8(write, text: str) -> None:
    source = load_path(write(text.encode("utf-8")))
    assert (source.encoding, source.text) == ("utf-8", text)


# --- formats -------------------------------------------------------------------------


def test_report_suffixes_cover_every_input_type() -> None:
    assert REPORT_SUFFIXES == (".txt", ".md", ".docx", ".html", ".htm", ".mhtml", ".mht", ".pdf")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("r.txt", "text"),
        ("r.md", "text"),
        ("R.DOCX", "docx"),
        ("r.html", "html"),
        ("r.htm", "html"),
        ("r.pdf", "pdf"),
        ("r.json", "text"),
        ("报告", "text"),
        ("-", "text"),
    ],
)
def test_format_of(name: str, fmt: str) -> None:
    assert format_of(name) == fmt


def test_markdown_is_read_as_text(write) -> None:
    text = "# 某镇2024年法治政府建设年度报告\n\n一、主要举措和成效\n"
    source = load_path(write(text.encode("utf-8"), "r.md"))
    assert source == Source(str(source.path), text, "utf-8", False, "\n", "text")


def test_old_word_file_is_named_for_what_it_is(write) -> None:
    with pytest.raises(LoadError) as info:
        load_path(write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "报告.doc"))
    assert str(info.value) == (
        "这是旧版 Word/WPS 文档（.doc/.wps）或加密的文档，不是文本：请另存为 .docx 后再检查"
    )


@pytest.mark.slow
def test_text_extracted_from_a_container_is_held_to_max_bytes(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    for _ in range(100):
        doc.add_paragraph("法治政府建设年度报告" * 10)  # 100 paragraphs of 300 bytes
    path = tmp_path / "r.docx"
    doc.save(str(path))
    assert path.stat().st_size < 50_000  # within the file limit: 5 x max_bytes
    with pytest.raises(LoadError) as info:
        load_path(path, max_bytes=20_000)
    assert str(info.value) == "文件中的文字过多（超过 20,000 字节），不像一份报告"
    assert load_path(path, max_bytes=40_000).format == "docx"


def test_standard_input_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    import docx

    doc = docx.Document()
    doc.add_paragraph("某镇2024年法治政府建设年度报告")
    buffer = io.BytesIO()
    doc.save(buffer)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(buffer.getvalue())))
    source = load_path("-")
    assert (source.path, source.format, source.text) == (
        "-",
        "docx",
        "某镇2024年法治政府建设年度报告\n",
    )


# --- hostile input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "limit"),
    [("big.txt", DEFAULT_MAX_BYTES), ("big.docx", DEFAULT_MAX_BYTES * CONTAINER_FACTOR)],
)
def test_hundred_megabyte_file_is_refused_unread(tmp_path: Path, name: str, limit: int) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(LoadError) as info:
        load_path(path)
    assert str(info.value) == f"文件过大（104,857,600 字节，上限 {limit:,} 字节），不像一份报告"
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:1:1: RL001 [error] 无法检查：文件过大" in result.output


@pytest.mark.parametrize("name", ["r.txt", "r.docx", "r.html", "r.pdf"])
def test_empty_file_of_every_type(write, name: str) -> None:
    with pytest.raises(LoadError) as info:
        load_path(write(b"", name))
    assert str(info.value) == "文件为空"


@pytest.mark.parametrize("name", ["r.txt", "r.docx", "r.html", "r.pdf"])
def test_unreadable_file_of_every_type(write, name: str) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read a file whatever its mode")
    path = write(b"<html>", name)
    path.chmod(0)
    try:
        with pytest.raises(LoadError) as info:
            load_path(path)
        assert str(info.value) == "没有读取权限"
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("r.txt", "不是文本文件（含有二进制数据）"),
        ("r.md", "不是文本文件（含有二进制数据）"),
        ("r.html", "不是网页文件（含有二进制数据）"),
        ("r.docx", "不是有效的 Word 文档（.docx 应是 ZIP 格式，这个文件不是）"),
        ("r.pdf", "不是有效的 PDF 文件（缺少 %PDF 文件头）"),
    ],
)
def test_binary_file_of_every_type(write, name: str, message: str) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(LoadError) as info:
        load_path(write(png, name))
    assert str(info.value) == message


@pytest.mark.slow
def test_directory_walk_takes_every_report_type_and_nothing_else(tmp_path: Path) -> None:
    from test_extract_docx import clean_report_docx
    from test_extract_html import clean_body, page, paragraphs
    from test_extract_pdf import make_pdf, typeset

    from support import clean_text

    clean_report_docx(tmp_path / "a.docx")
    for name in ("b.html", "c.htm"):
        (tmp_path / name).write_text(page(paragraphs(clean_body())), encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(make_pdf(typeset(clean_text())))
    for name in ("e.txt", "f.md", "g.json", "h.doc", "i.xml"):
        (tmp_path / name).write_text(clean_text(), encoding="utf-8")
    # One report in every format: RL310 would say each is the first given again.
    result = CliRunner().invoke(main, ["check", "--ignore", "RL310", str(tmp_path)])
    assert result.exit_code == 0, result.output
    # .json and .xml are passed over; a .doc is taken (to be refused if it is old
    # Word, and here it is text under that name).
    assert result.output.strip() == "未发现问题，检查了 7 个文件。"


def test_gb18030_bom_is_recognised_and_kept(tmp_path):
    from reportlint.fix import encode

    data = "\ufeff".encode("gb18030") + "某镇法治政府建设年度报告\r\n".encode("gb18030")
    assert data.startswith(b"\x84\x31\x95\x33")
    source = decode(data, "r.txt")
    assert (source.text, source.encoding, source.bom) == (
        "某镇法治政府建设年度报告\n",
        "gb18030",
        True,
    )
    assert encode(source, source.text) == data
