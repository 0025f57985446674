"""PDF -> text, from the PDF's text layer (optional extra: reportlint[pdf]).

A PDF's text comes out line by line as it was laid out, so a paragraph is
cut at every right margin.  Lines that run to the margin without ending a
sentence are joined back here; otherwise each wrap would read as a broken
line (RL408) and split sentences for every other rule.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from collections import Counter
from typing import TYPE_CHECKING

from reportlint.load import LoadError

if TYPE_CHECKING:
    from pypdf import PdfReader

_PAGE_NUMBER = re.compile(
    r"^[-—－–\s]*\d{1,4}[-—－–\s]*$|^第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$"
)
# Running headers and footers: lines among the first or last two of a page that
# recur, numbers aside, on this share of the pages.
_EDGE_LINES = 2
_RUNNING_SHARE = 0.6
_DIGITS = re.compile(r"\d+")
_CELL_GAP = re.compile(r"[\u4e00-\u9fff）)] +[\u4e00-\u9fff（(]")
_NOT_A_TITLE = re.compile(r"\d[/:]\d|https?:|www\.")
_TITLE_END = re.compile(r"(?:报告|情况|总结|计划|打算)(?:[（(][^（）()]{1,12}[）)])?$")
# Word's spacing between Chinese and Latin or digits comes out as a space.
_CJK_ASCII_GAP = re.compile(
    r"(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])[ ](?=[0-9A-Za-z])"
    r"|(?<=[0-9A-Za-z%])[ ](?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])"
)
# A line that ends a sentence or a heading's clause is not wrapped.
_ENDS_CLAUSE = ("。", "！", "？", "：", "；", "”", "…")
_FULL_LINE = 0.85  # of the text width
_CONTINUES = tuple("，。、；：！？）》”’")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]$")
# A line starting with a heading or list marker begins a new paragraph.
# ("二、三季度" in a sentence is two numerals of a span, as in document/parse.py.)
_NOT_A_MARKER = r"(?![一二三四五六七八九十]+(?:季度|月|年级|批次|期|审|级|等奖|类))"
_NEW_PARAGRAPH = re.compile(
    rf"^(?:[一二三四五六七八九十]{{1,3}}(?:、{_NOT_A_MARKER}|是)"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d))"
)
# "一、"/"（一）" headings stand on their own line; one that fills the line is
# still not the start of a paragraph that goes on below.
_HEADING = re.compile(
    rf"^(?:[一二三四五六七八九十]{{1,3}}、{_NOT_A_MARKER}|[（(][一二三四五六七八九十]{{1,3}}[）)])[^。]*$"
)
# A report runs to a few dozen pages; text extraction is slow enough per page
# that a book-sized file would stall a CI gate.
MAX_PAGES = 500


def pdf_text(data: bytes) -> str:
    try:
        import pypdf  # noqa: F401  # lazily, and optional
    except ImportError:
        raise LoadError("读取 PDF 需要安装可选依赖：pip install 'reportlint[pdf]'") from None
    if b"%PDF-" not in data[:1024]:
        raise LoadError("不是有效的 PDF 文件（缺少 %PDF 文件头）")
    pages = _page_texts(data)
    if sum(1 for ch in "".join(pages) if ch.isalnum()) < 10:
        raise LoadError(
            "PDF 没有文字层（可能是扫描件）：请提供可复制文字的 PDF、Word 文档或文本文件"
        )
    lines = _without_running_lines(
        [
            [
                ln
                for ln in (raw.strip() for raw in page.splitlines())
                if ln and not _PAGE_NUMBER.match(ln)
            ]
            for page in pages
        ]
    )
    # A paragraph may go on over a page break, so the pages are unwrapped as one.
    return "\n".join(_unwrap([_CJK_ASCII_GAP.sub("", ln) for page in lines for ln in page])) + "\n"


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages less their running header and footer: a line at the top or the bottom
    of most pages, the same but for its numbers ("青岚县望溪镇人民政府发布",
    "2025/3/1 10:23 …报告", "http://…  3/7").  On the first page the header is
    taken off only when the title below repeats it or it cannot be a title (a
    time or an address in it): a first page without the header starts with the
    title itself."""
    if len(pages) < 2:
        return pages
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for page in pages:
        top.update({_shape(ln) for ln in page[:_EDGE_LINES]})
        bottom.update({_shape(ln) for ln in page[-_EDGE_LINES:]})
    needed = max(2, round(_RUNNING_SHARE * len(pages)))
    heads = {s for s, n in top.items() if n >= needed}
    feet = {s for s, n in bottom.items() if n >= needed}
    out = []
    for k, page in enumerate(pages):
        n = len(page)
        cut = {i for i in range(max(0, n - _EDGE_LINES), n) if _shape(page[i]) in feet}
        for i in range(min(_EDGE_LINES, n)):
            shape = _shape(page[i])
            if shape in heads and (
                k > 0 or _NOT_A_TITLE.search(page[i]) or _repeated_below(page, i)
            ):
                cut.add(i)
        out.append([ln for i, ln in enumerate(page) if i not in cut])
    return out


def _repeated_below(page: list[str], i: int) -> bool:
    """Whether the title under the header on the first page repeats it, on one
    line or set over several."""
    if page[i] in page[i + 1 : i + 3]:
        return True
    title = ""
    for line in page[i + 1 : i + 5]:
        title += line
        if title == page[i]:
            return True
        if not page[i].startswith(title):
            return False
    return False


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line)


def _page_texts(data: bytes) -> list[str]:
    from pypdf import PdfReader, errors

    logger = logging.getLogger("pypdf")
    level = logger.level
    # pypdf logs and warns about every repaired defect; the user needs one message.
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not _decrypt(reader):
                raise LoadError("PDF 已加密，需要密码才能读取：请提供未加密的版本")
            if len(reader.pages) > MAX_PAGES:
                raise LoadError(
                    f"PDF 有 {len(reader.pages):,} 页（上限 {MAX_PAGES} 页），不像一份报告"
                )
            return [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except errors.FileNotDecryptedError:
        raise LoadError("PDF 已加密，需要密码才能读取：请提供未加密的版本") from None
    except getattr(errors, "LimitReachedError", ()):  # pypdf >= 5: its guard against bombs
        raise LoadError("PDF 中的数据超出安全上限（可能是恶意构造的文件）") from None
    except Exception:
        # pypdf raises many kinds of error for a damaged file.
        raise LoadError("PDF 文件已损坏或无法解析") from None
    finally:
        logger.setLevel(level)


def _decrypt(reader: PdfReader) -> bool:
    """Many PDFs are encrypted with an empty password, only to restrict printing."""
    from pypdf import PasswordType

    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:
        return False  # e.g. AES without the cryptography package


def _width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines that run to the right margin mid-sentence."""
    if not lines:
        return []
    # Most lines of a report are full body lines: a high percentile is the
    # text width, where a maximum could be one overlong line (a URL).  Rows of a
    # wide table (cells apart by spaces) are left out of it: an annex of 30 rows
    # would make every body line look short.
    prose = [ln for ln in lines if " " not in ln]
    widths = sorted(_width(ln) for ln in (prose if len(prose) >= 5 else lines))
    full = widths[int(0.9 * (len(widths) - 1))] * _FULL_LINE
    out: list[str] = []
    carry = False
    for k, line in enumerate(lines):
        # A line never starts with "，" or "）" but after a wrap, wherever the last
        # one ended ("…“枫桥经验”" / "，街道…").
        if (carry or line.startswith(_CONTINUES)) and out and not _NEW_PARAGRAPH.match(line):
            # Words of English keep their space; a number cut by the wrap
            # ("来访6" / "31批次") is one number again.
            digits = out[-1][-1:].isdigit() and line[:1].isdigit()
            space = (
                " "
                if _ASCII_WORD.search(out[-1])
                and line[:1].isascii()
                and line[:1].isalnum()
                and not digits
                else ""
            )
            out[-1] += space + line
        else:
            out.append(line)
        carry = (
            _width(line) >= full
            and not line.endswith(_ENDS_CLAUSE)
            and not _HEADING.match(line)
            # the title, as wide as the text: "…2024年法治政府建设年度报告"
            and not (k == 0 and _TITLE_END.search(line))
            # a table's row: its cells stand apart ("…实施 镇党政办 各站所 2025年…"),
            # where prose has one gap at most ("学宪法 讲宪法")
            and len(_CELL_GAP.findall(line)) < 2
        )
    return out
