"""PDF -> text, from the PDF's text layer (optional extra: reportlint[pdf]).

A PDF's text comes out line by line as it was laid out, so a paragraph is
cut at every right margin.  Lines that run to the margin without ending a
sentence are joined back here; otherwise each wrap would read as a broken
line (RL408) and split sentences for every other rule.
"""

from __future__ import annotations

import io
import logging
import math
import re
import unicodedata
import warnings
from collections import Counter
from typing import TYPE_CHECKING

from reportlint import lexicon
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
# Word's gap on both sides of a number in Chinese text ("镇 2024 年"), at a line's
# start or end too, is no cell gap.
_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u2027"
_AUTOSPACED = re.compile(
    rf"(?<=[{_CJK}]) (\d[\d.,]*%?) (?=[{_CJK}])|^(\d[\d.,]*%?) (?=[{_CJK}])"
    rf"|(?<=[{_CJK}]) (\d[\d.,]*%?)$"
)
# Between two cells of a table row: a space between Chinese, a number or a
# bracket ("…实施 镇党政办 2025年12月底前", "指标 2023年 2024年").  Quoted
# slogans keep theirs ("“尊法 学法 守法 用法”"), and so do Latin phrases
# ("Windows 10 系统").
_CELL_EDGE = re.compile(r"[\u4e00-\u9fff（）()%\d]")
_NUMBER = re.compile(r"\d[\d.,]*%?")
_LATIN_END = re.compile(r"[A-Za-z]$")
_FIGURE = set("0123456789%")
_LETTER_SPACE = re.compile(r"(?<=\S) (?=\S)")
_QUOTED = re.compile(r"“[^”]*”|《[^》]*》")
_NOT_A_TITLE = re.compile(r"\d[/:]\d|https?:|www\.")
_TITLE_END = re.compile(lexicon.alternation("title_endings") + r"(?:[（(][^（）()]{1,12}[）)])?$")
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
    return "\n".join(_unwrap([_cells_or_words(ln) for page in lines for ln in page])) + "\n"


def _cells_or_words(line: str) -> str:
    """A table's row with its cells apart by tabs, as the other readers give it;
    any other line without Word's spaces between Chinese and Latin or digits.

    A row has two gaps or more between cells of text ("…实施 镇党政办 2025年12
    月底前") or between numbers ("196 192 12.4"), or one such and three gaps in
    all, or two gaps one of which is between numbers ("案卷合格率 95.1% 97.3%");
    a gap between Chinese and a number alone may be Word's spacing ("镇 2024
    年") and decides nothing by itself."""
    # Spaces inside quotes are no gaps ("“尊法 学法 守法 用法”"): hidden meanwhile.
    tokens = _QUOTED.sub(lambda m: m.group().replace(" ", "\x00"), line).split(" ")
    if len(tokens) > 8 and sum(len(token) == 1 for token in tokens) > 0.6 * len(tokens):
        return _LETTER_SPACE.sub("", line)  # letter-spaced: a space after every character
    gaps = {k for k in range(1, len(tokens)) if _between_cells(tokens, k)}
    # Word puts its spaces only between Chinese and a digit: a space between two
    # Chinese characters or two figures is a gap between cells.
    digit = [(tokens[k - 1][-1] in _FIGURE, tokens[k][0] in _FIGURE) for k in sorted(gaps)]
    strong = [a == b for a, b in digit]
    numbers = any(a and b for a, b in digit)
    if sum(strong) >= 2 or (any(strong) and len(gaps) >= 3) or (numbers and len(gaps) >= 2):
        row = tokens[0] + "".join(
            ("\t" if k in gaps else " ") + tokens[k] for k in range(1, len(tokens))
        )
        return row.replace("\x00", " ")
    line = _AUTOSPACED.sub(lambda m: next(g for g in m.groups() if g is not None), line)
    return _CJK_ASCII_GAP.sub("", line)


def _between_cells(tokens: list[str], k: int) -> bool:
    before, after = tokens[k - 1], tokens[k]
    if not (before and after and _CELL_EDGE.match(before[-1]) and _CELL_EDGE.match(after[0])):
        return False
    # "Windows 10 系统": the number goes with the word before it
    return not (_NUMBER.fullmatch(before) and k > 1 and _LATIN_END.search(tokens[k - 2]))


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages less their running header and footer: a line at the top or the bottom
    of most pages, the same but for its numbers ("青岚县望溪镇人民政府发布",
    "2025/3/1 10:23 …报告", "http://…  3/7").  "Most" is all but one of up to
    four pages, 60% of more.  A heading or a sentence is never one.  On the first
    page the header is taken off only when the title below repeats it or it
    cannot be a title (a time or an address in it): a first page without the
    header starts with the title itself; nor does its top count as a header."""
    if len(pages) < 2:
        return pages
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for k, page in enumerate(pages):
        top.update(
            {_shape(page[i]) for i in range(min(_EDGE_LINES, len(page))) if _may_run(page, i, k)}
        )
        bottom.update({_shape(ln) for ln in page[-_EDGE_LINES:] if _may_run_at_foot(ln)})
    n = len(pages)
    needed = n if n == 2 else n - 1 if n < 5 else math.ceil(_RUNNING_SHARE * n)
    heads = {s for s, count in top.items() if count >= needed}
    feet = {s for s, count in bottom.items() if count >= needed}
    out = []
    for k, page in enumerate(pages):
        size = len(page)
        cut = {i for i in range(max(0, size - _EDGE_LINES), size) if _shape(page[i]) in feet}
        cut |= {
            i
            for i in range(min(_EDGE_LINES, size))
            if _shape(page[i]) in heads and _may_run(page, i, k)
        }
        out.append([ln for i, ln in enumerate(page) if i not in cut])
    return out


def _may_run_at_foot(line: str) -> bool:
    """Whether a line may be running page furniture: not a heading or a sentence."""
    return not _NEW_PARAGRAPH.match(line) and not line.endswith(_ENDS_CLAUSE)


def _may_run(page: list[str], i: int, k: int) -> bool:
    """Whether the i-th line of page k may be a running header (on the first page,
    only one that the title below repeats or that cannot be a title)."""
    line = page[i]
    if not _may_run_at_foot(line):
        return False
    return k > 0 or _NOT_A_TITLE.search(line) is not None or _repeated_below(page, i)


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
    prose = [ln for ln in lines if " " not in ln and "\t" not in ln]
    widths = sorted(_width(ln) for ln in (prose if len(prose) >= 5 else lines))
    full = widths[int(0.9 * (len(widths) - 1))] * _FULL_LINE
    out: list[str] = []
    carry = False
    before_text = True  # no sentence yet: the title and masthead lines
    for line in lines:
        # A line never starts with "，" or "）" but after a wrap, wherever the last
        # one ended ("…“枫桥经验”" / "，街道…").
        if (
            (carry or line.startswith(_CONTINUES))
            and out
            and not _NEW_PARAGRAPH.match(line)
            and "\t" not in line  # a table's row starts its own line
        ):
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
        before_text = before_text and "。" not in line
        carry = (
            _width(line) >= full
            and not line.endswith(_ENDS_CLAUSE)
            and not _HEADING.match(line)
            # the title, as wide as the text: "…2024年法治政府建设年度报告" (after
            # a masthead too: before the first sentence)
            and not (before_text and _TITLE_END.search(line))
            # a table's row (its cells apart by tabs) ends where it ends
            and "\t" not in line
        )
    return out
