"""Web-page leftovers around the report: header, metadata lines and footer."""

from __future__ import annotations

from reportlint import lexicon
from reportlint.document.dates import DATE_LINE
from reportlint.document.headings import ATTACHMENT_START
from reportlint.document.model import (
    ChromeRegion,
    Paragraph,
)
from reportlint.document.regexes import compiled
from reportlint.document.shapes import ANY_ORDINAL_START, FOOTER_MARK, META_START
from reportlint.document.signature import _CONTACT, ATTACHMENT_LABEL
from reportlint.document.title import find_masthead

# Marks no report sentence or heading uses; the others ("政府网站", "技术支持",
# "承办单位") open a footer only with another footer line close below.
STRONG_FOOTER_MARK = compiled(lexicon.alternation("footer_marks_strong"))

METADATA_DATE = compiled(
    r"(生成日期|发布日期|成文日期|发布时间)：?\s*(\d{4}[-年./]\d{1,2}[-月./]\d{1,2})"
)


def find_footer(paragraphs: list[Paragraph], header_end: int) -> int:
    half = max(header_end, len(paragraphs) // 2)
    dated = False  # a date line (the 落款's) came before: what follows is not the report
    for p in paragraphs[half:]:
        if not _footer_line(p.text):
            # ... unless an attachment follows it, whose table may name 政府网站.
            dated = (dated or bool(DATE_LINE.match(p.text))) and not (
                ATTACHMENT_LABEL.match(p.text) or ATTACHMENT_START.match(p.text)
            )
            continue
        below = paragraphs[p.index + 1 : p.index + 4]
        # "加强政府网站和政务新媒体建设" is a heading of the report, alone in the body.
        if (
            dated
            or STRONG_FOOTER_MARK.search(p.text)
            or any(_footer_line(q.text) or _CONTACT.match(q.text) for q in below)
        ):
            return p.index
    return len(paragraphs)


def _footer_line(text: str) -> bool:
    # "（二）加强政府网站建设" is a heading of the report, not a footer.
    # "明确承办单位和完成时限。" is a sentence of the report: footers are not sentences.
    return (
        len(text) <= 60
        and FOOTER_MARK.search(text) is not None
        and not ANY_ORDINAL_START.match(text)
        and not text.endswith(("。", "；", "！", "？"))
    )


def mark_chrome(
    paragraphs: list[Paragraph], title: tuple[int, ...], header_end: int, footer_start: int
) -> list[Paragraph]:
    masthead = find_masthead(paragraphs, title, header_end, footer_start)
    marked = []
    for p in paragraphs:
        kind = None
        if p.index >= footer_start:
            kind = "footer"
        elif _metadata_line(p.text):
            kind = "metadata"
        elif p.index < header_end and p.index not in title and p.index not in masthead:
            kind = "header"
        marked.append(p if kind is None else Paragraph(p.index, p.start, p.end, p.text, kind))
    return marked


def _metadata_line(text: str) -> bool:
    # "信息来源渠道单一、培训针对性不强。" is a sentence of the report: a page's
    # information bar is labels and values, never a full stop.
    return len(text) <= 80 and "。" not in text and META_START.match(text) is not None


def chrome_regions(paragraphs: list[Paragraph]) -> tuple[ChromeRegion, ...]:
    regions: list[ChromeRegion] = []
    for p in paragraphs:
        if p.chrome is None:
            continue
        kind = "footer" if p.chrome == "footer" else "header"
        last = regions[-1] if regions else None
        if last and last.kind == kind and last.last == p.index - 1:
            regions[-1] = ChromeRegion(kind, last.first, p.index)
        else:
            regions.append(ChromeRegion(kind, p.index, p.index))
    return tuple(regions)
