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
from reportlint.document.shapes import ANY_ORDINAL_START, FOOTER_MARK, label_only
from reportlint.document.signature import _CONTACT, ATTACHMENT_LABEL
from reportlint.document.title import TitleReading, find_masthead

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
    paragraphs: list[Paragraph],
    shapes: dict[int, str],
    title: TitleReading | None,
    start: int,
    footer_start: int,
    cover: int = 0,
) -> list[Paragraph]:
    """Mark each paragraph that is page chrome: "header" above the title (but the
    公文 masthead and copies of the title, which RL409 reports), "metadata" for an information bar, breadcrumb or control
    line wherever it stands (a one-label line or a file name only above the
    report or in the footer), "footer" from footer_start on.  A label alone
    ("发布时间：") takes the short line below as its value."""
    lines = title.lines if title else ()
    header_end = lines[0] if lines else 0
    masthead = find_masthead(paragraphs, lines, header_end, footer_start)
    copies = set(title.copies) if title else set()
    above = max(start, lines[-1] + 1 if lines else 0)  # the page's top, down to the report
    marked = []
    value_next = False
    for p in paragraphs:
        shape = shapes.get(p.index)
        kind = None
        if p.index >= footer_start:
            kind = "footer"
        elif p.index < cover:
            kind = "cover"  # a cover letter: not the report, not the page's
        elif p.index < header_end and p.index not in masthead and p.index not in copies:
            kind = "header"
        elif shape in ANYWHERE or (p.index < above and (shape or value_next)):
            kind = "metadata"
        value_next = kind == "metadata" and label_only(p.text)
        marked.append(p if kind is None else Paragraph(p.index, p.start, p.end, p.text, kind))
    return marked


# Shapes that are chrome wherever they stand; the others only above the report.
ANYWHERE = frozenset({"labels", "breadcrumb", "site"})


def chrome_regions(paragraphs: list[Paragraph]) -> tuple[ChromeRegion, ...]:
    regions: list[ChromeRegion] = []
    for p in paragraphs:
        if p.chrome is None or p.chrome == "cover":
            continue  # a cover letter is no web page's leftover: nothing to report
        kind = "footer" if p.chrome == "footer" else "header"
        last = regions[-1] if regions else None
        if last and last.kind == kind and last.last == p.index - 1:
            regions[-1] = ChromeRegion(kind, last.first, p.index)
        else:
            regions.append(ChromeRegion(kind, p.index, p.index))
    return tuple(regions)
