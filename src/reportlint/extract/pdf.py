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
from typing import TYPE_CHECKING

from reportlint.load import LoadError

if TYPE_CHECKING:
    from pypdf import PdfReader

_PAGE_NUMBER = re.compile(
    r"^[-—－–\s]*\d{1,4}[-—－–\s]*$|^第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?$"
)
# A line that ends a sentence or a heading's clause is not wrapped.
_ENDS_CLAUSE = ("。", "！", "？", "：", "；", "”", "…")
_FULL_LINE = 0.85  # of the text width
_ASCII_WORD = re.compile(r"[A-Za-z0-9]$")
# A line starting with a heading or list marker begins a new paragraph.
_NEW_PARAGRAPH = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d))"
)
# "一、"/"（一）" headings stand on their own line; one that fills the line is
# still not the start of a paragraph that goes on below.
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^。]*$"
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
    # A paragraph may go on over a page break, so the pages are unwrapped as one.
    return "\n".join(_unwrap([ln.strip() for page in pages for ln in page.splitlines()])) + "\n"


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
    """Join lines that run to the right margin mid-sentence; drop page numbers."""
    lines = [ln for ln in lines if ln and not _PAGE_NUMBER.match(ln)]
    if not lines:
        return []
    # Most lines of a report are full body lines: a high percentile is the
    # text width, where a maximum could be one overlong line (a URL, a table).
    widths = sorted(_width(ln) for ln in lines)
    full = widths[int(0.9 * (len(widths) - 1))] * _FULL_LINE
    out: list[str] = []
    carry = False
    for line in lines:
        if carry and out and not _NEW_PARAGRAPH.match(line):
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
            _width(line) >= full and not line.endswith(_ENDS_CLAUSE) and not _HEADING.match(line)
        )
    return out
