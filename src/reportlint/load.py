"""Stage 1, load: bytes -> Source.

Decoding is deliberately a fixed, strict order rather than statistical
detection: a GBK/GB18030 text is almost never valid UTF-8, so "strict UTF-8,
then strict GB18030" tells the two apart on short files too, where
statistical detectors guess.  The exception is a text of a few characters
whose GBK bytes all happen to pair up as UTF-8 ("专业" reads as Hebrew and
Cyrillic): UTF-8 that yields such letters and no Chinese is taken as GBK.
What was detected (encoding, BOM, line endings) is kept so that a fix can
write the file back the same way.

Word, HTML and PDF files go to an extractor (reportlint.extract) chosen by
extension, or by content for such a file under another name or on standard
input; their text cannot be written back, so their Source says which format
it came from.
"""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path
from typing import NamedTuple

import regex

# A report is a few dozen KB; anything this large is not one, and reading it
# would only make a CI gate slow.  Tunable per run.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

STDIN_NAME = "-"

# Chinese characters (the unified ideographs and their extension A and
# compatibility blocks): a report has them, a list of addresses does not.
# The regex module, not re: re builds a table of every character in the
# ranges, ~5 ms of every start for this class and _CJK's; regex ~0.3 ms.
_HAN = regex.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Word and PDF files carry images, saved pages inline ones: the file itself may
# be this many times the text limit; the text taken out of it may not.
CONTAINER_FACTOR = 5

# What a directory walk picks up.  A file named on the command line is read
# whatever its extension: as text unless it is one of the formats below.
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".mhtml", ".mht", ".pdf")
# Reports in a form reportlint cannot read: a directory walk takes them too, so
# that each gets its error ("请另存为 .docx") instead of being passed over.
UNREADABLE_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")
# The name of a Word copy with review comments that reportlint made of a report
# ("报告（审查意见）.docx"): a folder's walk passes over it.
REVIEW_COPY_SUFFIX = "（审查意见）"


def is_review_copy(path: str | Path) -> bool:
    return Path(path).stem.endswith(REVIEW_COPY_SUFFIX) and Path(path).suffix.lower() == ".docx"


FORMATS = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".mhtml": "html",  # a browser's one-file save: extract/html.py takes its page
    ".mht": "html",
    ".pdf": "pdf",
}

_PAGE_PREAMBLE = re.compile(rb"^(?:\xef\xbb\xbf)?(?:\s+|<\?xml[^>]*\?>|<!--.*?-->)*", re.S)
_PAGE_START = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<title", b"<body")
# A browser's one-file save (.mhtml): MIME headers, then a multipart/related body.
MHTML = re.compile(
    rb"^(?:[A-Za-z-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?Content-Type:\s*multipart/related", re.I
)
_CRASH = {"docx": "读取 Word 文档时出错", "html": "读取网页时出错", "pdf": "读取 PDF 时出错"}
_EMPTY = {"docx": "Word 文档中没有文字", "html": "网页中没有找到正文文字", "pdf": "PDF 中没有文字"}
_THREE_BYTE_UTF8 = re.compile(r"[^\x00-\u07ff]")
_TWO_BYTE_LETTERS = re.compile(r"[\u0370-\u07ff]")
_CJK = regex.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What looks_binary counts: controls other than tab, line breaks and form feed.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class LoadError(Exception):
    """The file cannot be checked.  The message is for a person, in Chinese."""


class Source(NamedTuple):
    path: str
    text: str  # decoded, BOM removed, every line break written as "\n"
    encoding: str  # a Python codec name: "utf-8", "gb18030", "utf-16-le", ...
    bom: bool
    newline: str  # "\n", "\r\n", "\r", or "mixed"; "\n" when the text has no break
    # "text" for a plain-text file; otherwise the container the text was
    # extracted from ("docx", "html", "pdf"), which a fix cannot write back.
    format: str = "text"


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030"),  # rare, but some Windows editors write it
)


def load_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file (or standard input for "-")."""
    name = str(path)
    if name == STDIN_NAME:
        # Room for a Word or PDF file piped in; text is held to max_bytes in decode().
        data = sys.stdin.buffer.read(max_bytes * CONTAINER_FACTOR + 1)
        return load_bytes(data, name, max_bytes=max_bytes)
    fmt = format_of(name)
    return load_bytes(read_file(name, max_bytes), name, fmt, max_bytes)


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, refused (LoadError) when it is no regular file or is
    larger than its format allows."""
    limit = max_bytes if format_of(str(path)) == "text" else max_bytes * CONTAINER_FACTOR
    p = Path(path)
    try:
        if p.is_dir():
            raise LoadError("这是一个目录，不是文件")
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            # A named pipe or a device would block or never end.
            raise LoadError("不是普通文件（可能是管道或设备），未读取")
        size = info.st_size
        if size > limit:
            raise LoadError(f"文件过大（{size:,} 字节，上限 {limit:,} 字节），不像一份报告")
        with p.open("rb") as handle:
            # What stat said is there, and the rest up to the limit if the file grew
            # since: a read of limit + 1 bytes allocates that much (~0.3 ms a file).
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(limit - size)
            return data
    except FileNotFoundError:
        raise LoadError("文件不存在") from None
    except PermissionError:
        raise LoadError("没有读取权限") from None
    except OSError as exc:
        raise LoadError(f"无法读取：{exc.strerror or exc}") from None


def format_of(name: str) -> str:
    """The format a file is read as, from its extension: "text" unless listed in FORMATS."""
    return "text" if name == STDIN_NAME else FORMATS.get(Path(name).suffix.lower(), "text")


def load_bytes(
    data: bytes, name: str, fmt: str = "text", max_bytes: int = DEFAULT_MAX_BYTES
) -> Source:
    """Bytes to a Source: decoded as text, or extracted from a Word, HTML or PDF file."""
    if fmt == "text":
        fmt = _sniff(data)
    if fmt == "text":
        source = decode(data, name, max_bytes)
        _require_chinese(source.text)
        return source
    if not data.strip():
        raise LoadError("文件为空")
    if len(data) > max_bytes * CONTAINER_FACTOR:
        raise LoadError(f"文件过大（超过 {max_bytes * CONTAINER_FACTOR:,} 字节），不像一份报告")
    if fmt not in _EMPTY:
        raise ValueError(f"unknown format {fmt!r}")
    try:
        text = _clean_extracted(_extract(data, fmt))
    except LoadError:
        raise
    except Exception as exc:
        # A file no test foresaw must still be one error for that file, not a
        # crash of the run; the exception's type says where to look.
        raise LoadError(f"{_CRASH[fmt]}（内部错误 {type(exc).__name__}），请报告此问题") from exc
    if not text.strip():
        raise LoadError(_EMPTY[fmt])
    _require_chinese(text)
    if len(text.encode("utf-8")) > max_bytes:
        raise LoadError(f"文件中的文字过多（超过 {max_bytes:,} 字节），不像一份报告")
    return Source(path=name, text=text, encoding="utf-8", bom=False, newline="\n", format=fmt)


def _extract(data: bytes, fmt: str) -> str:
    # Imported here so that checking plain text never loads docx, lxml or pypdf.
    if fmt == "docx":
        from reportlint.extract.docx import docx_text

        return docx_text(data)
    if fmt == "html":
        from reportlint.extract.html import html_text

        return html_text(data)
    if fmt == "pdf":
        from reportlint.extract.pdf import pdf_text

        return pdf_text(data)
    raise AssertionError(fmt)  # load_bytes checked it


def _clean_extracted(text: str) -> str:
    """Line breaks as "\n"; no control characters or lone surrogates, which a
    damaged PDF font map can produce and no output format can carry."""
    text = _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Paired surrogates become the character; a lone one becomes U+FFFD.
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _sniff(data: bytes) -> str:
    """A Word, PDF or HTML file under another name (报告.doc that is really .docx,
    a page saved as .shtml, standard input)."""
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    if data.startswith(b"%PDF-"):
        return "pdf"
    if _looks_like_html(data[:4096]):
        return "html"
    if data.startswith(_OLE_MAGIC):
        raise LoadError(
            "这是旧版 Word/WPS 文档（.doc/.wps）或加密的文档，不是文本：请另存为 .docx 后再检查"
        )
    if data.lstrip()[:5] == b"{\\rtf":
        raise LoadError("这是 RTF 格式的文档，不是文本：请另存为 .docx 后再检查")
    if data.startswith(b"PK\x03\x04") and b"opendocument.text" in data[:200]:
        raise LoadError("这是 OpenDocument 文档（.odt），不是文本：请另存为 .docx 后再检查")
    return "text"


def _looks_like_html(head: bytes) -> bool:
    """A page: its first tag, after a BOM, an XML declaration and comments (the
    "<!-- saved from url=… -->" a browser writes), opens an HTML document; or a
    browser's one-file save (MHTML: a MIME message of the page and its parts)."""
    if MHTML.match(head):
        return True
    rest = _PAGE_PREAMBLE.sub(b"", head, count=1).lower()
    return rest.startswith(_PAGE_START)


def decode(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    if len(data) > max_bytes:
        raise LoadError(f"文件过大（超过 {max_bytes:,} 字节），不像一份报告")
    text, encoding, bom = _decode_bytes(data)
    if not text.strip():
        raise LoadError("文件为空")
    if looks_binary(text):
        raise LoadError("不是文本文件（含有二进制数据）")
    newline = _newline_style(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path=name, text=text, encoding=encoding, bom=bom, newline=newline)


def _require_chinese(text: str) -> None:
    """A text without one Chinese character is no report (a list of web addresses,
    a README): one clear error instead of every statutory part missing."""
    if _HAN.search(text) is None:
        raise LoadError("文件中没有中文，不像一份报告")


def _decode_bytes(data: bytes) -> tuple[str, str, bool]:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(encoding), encoding, True
            except UnicodeDecodeError:
                raise LoadError(
                    f"文件以 {encoding} 标记开头，但内容无法按 {encoding} 解码"
                ) from None
    if b"\x00" in data:
        raise LoadError("不是文本文件（含有二进制数据）")
    decoded = decode_utf8_or_gb(data)
    if decoded is None:
        raise LoadError("无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK）")
    return decoded[0], decoded[1], False


def decode_utf8_or_gb(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) by strict UTF-8, else strict GB18030; None if neither."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _gbk_in_disguise(text, data):
            return text, "utf-8"
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return None


def _gbk_in_disguise(text: str, data: bytes) -> bool:
    # Two-byte UTF-8 covers U+0080-U+07FF; GBK bytes that pass as UTF-8 land
    # in Greek..NKo (U+0370 up).  Accented Latin ("café") stays UTF-8, and so
    # does anything with Chinese in it: Chinese is three bytes in UTF-8.
    if text.isascii() or _THREE_BYTE_UTF8.search(text) or not _TWO_BYTE_LETTERS.search(text):
        return False
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return all(ch.isascii() or _CJK.match(ch) for ch in gb)


def looks_binary(text: str) -> bool:
    # Control characters other than tab/newline/form feed do not occur in a
    # report; a few may come from a bad copy, many mean it is not text.
    sample = text[:4096]
    controls = len(_CONTROL_CHARS.findall(sample))
    return controls > max(8, len(sample) // 100)


def _newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [style for style, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if not kinds:
        return "\n"
    return kinds[0] if len(kinds) == 1 else "mixed"
