"""Stage 1, load: bytes on disk -> Source (encoding, BOM, line endings) or LoadError."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportlint.load import DEFAULT_MAX_BYTES, LoadError, Source, decode, load_path

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
    ],
    ids=["empty", "whitespace", "bom-only", "ideographic-spaces", "png", "controls"],
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


def test_unreadable_file(write) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read a file whatever its mode")
    path = write("法治政府建设年度报告\n".encode())
    path.chmod(0)
    try:
        with pytest.raises(LoadError) as info:
            load_path(path)
        assert str(info.value) == "没有读取权限"
    finally:
        path.chmod(0o644)


def test_permission_error_is_reported(write, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path as test_unreadable_file, reachable when the tests run as root.
    path = write("法治政府建设年度报告\n".encode())

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(LoadError) as info:
        load_path(path)
    assert str(info.value) == "没有读取权限"


def test_other_os_error_is_reported(write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("法治政府建设年度报告\n".encode())

    def broken(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", broken)
    with pytest.raises(LoadError) as info:
        load_path(path)
    assert str(info.value) == "无法读取：Input/output error"


def test_load_error_messages_are_chinese(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_path(tmp_path / "missing.txt")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(info.value))


def test_decode_keeps_name() -> None:
    source = decode("报告\n".encode(), "-")
    assert source == Source(path="-", text="报告\n", encoding="utf-8", bom=False, newline="\n")
