"""Stage 2, parse: Source -> Document.

Order matters and each step is a small function: find broken lines, build the
normalized view, cut paragraphs, mark page chrome and the title, read the
signature at the end, then headings, sections, items and the report year
inside the report proper.
"""

from __future__ import annotations

from itertools import pairwise

from reportlint.document.chrome import (
    ANYWHERE,
    METADATA_DATE,
    chrome_regions,
    find_footer,
    mark_chrome,
)
from reportlint.document.headings import (
    ITEM,
    attachment_list,
    build_sections,
    read_heading,
    spaced_headings,
    title_from,
    unnumbered_headings,
)
from reportlint.document.lines import (
    broken_line_joins,
    chunk_marks,
    glued_headings,
    lost_breaks,
    watermark_cut,
)
from reportlint.document.model import Document, Item, Paragraph
from reportlint.document.normalize import NormalizedView
from reportlint.document.numerals import cn_to_int
from reportlint.document.regexes import compiled
from reportlint.document.shapes import CHROME_HINT, chrome_shape, shape_text
from reportlint.document.signature import find_signature
from reportlint.document.span import Span
from reportlint.document.tables import find_group_rows
from reportlint.document.title import find_cover_letter, find_title, report_start
from reportlint.document.year import report_year
from reportlint.load import Source

_PARAGRAPH = compiled(r"[^\n]+")
# A title run into the opening sentence is looked for on the first lines only
# (a document site's file name may stand above it).
_FIRST_LINES = 3


def parse(source: Source) -> Document:
    text = source.text
    glued_at = glued_headings(text)
    joins = broken_line_joins(text, glued_at)
    chunks = chunk_marks(text)
    view = NormalizedView.build(text, joins + chunks)
    breaks: list[int] = []  # view offsets where a lost line break was
    glued = [view.index_of(at) for at in glued_at]
    spans: list[tuple[int, int]] = []
    for k, m in enumerate(_PARAGRAPH.finditer(view.text)):
        cuts = lost_breaks(view, text, m.start(), m.end(), first=k < _FIRST_LINES)
        cuts = sorted({*cuts, *(i for i in glued if m.start() < i < m.end())})
        if (mark := watermark_cut(view, text, m.start(), m.end())) is not None:
            cuts = [c for c in cuts if c < mark] + [mark]  # the mark is chrome, not a break
        breaks.extend(c for c in cuts if c != mark)
        spans.extend(pairwise([m.start(), *cuts, m.end()]))
    paragraphs = [Paragraph(i, a, b, view.text[a:b]) for i, (a, b) in enumerate(spans)]

    def original(p: Paragraph) -> str:  # as typed: a table's cell gaps are not in the view
        return text[slice(*view.span(p.start, p.end))]

    def shape_of(p: Paragraph) -> str | None:  # read as typed: the spaces between fields count
        return chrome_shape(shape_text(view.folded[slice(*view.span(p.start, p.end))]))

    start, shapes = report_start(paragraphs, shape_of)
    # Below the top, only an information bar, a breadcrumb or a watermark is chrome.
    for p in paragraphs[start:]:
        if CHROME_HINT.search(p.text) and (shape := shape_of(p)) in ANYWHERE:
            shapes[p.index] = shape
    found = find_title(paragraphs, shapes, start)
    cover = 0  # paragraphs of a cover letter sent with the report, above its title
    if found is None and (found := find_cover_letter(paragraphs)) is not None:
        cover = found.lines[0]
        start = max(start, found.lines[-1] + 1)
    title_idx = found.lines if found else ()
    footer_start = find_footer(paragraphs, title_idx[-1] + 1 if title_idx else 0)
    paragraphs = mark_chrome(paragraphs, shapes, found, start, footer_start, cover)
    chrome = chrome_regions(paragraphs)
    copies = set(found.copies) if found else set()

    skipped = set(title_idx) | copies
    content = [p for p in paragraphs[:footer_start] if p.chrome is None and p.index not in skipped]

    signature, content = find_signature(content, original)
    body_start = content[0].start if content else len(view.text)
    body_end = content[-1].end if content else body_start

    attachments = attachment_list(content)
    numbered = {
        k: h
        for k, p in enumerate(content)
        if p.index not in attachments and (h := read_heading(p)) is not None
    }
    if not any(h.level == 1 for h in numbered.values()):
        numbered = dict(sorted({**numbered, **spaced_headings(content, original)}.items()))
    if not any(h.level == 1 for h in numbered.values()):
        numbered = dict(sorted({**numbered, **unnumbered_headings(content, original)}.items()))
    group_rows = find_group_rows(content, numbered, original)
    headings = tuple(h for k, h in numbered.items() if k not in group_rows)
    sections = build_sections(headings, body_end)
    items = tuple(
        Item(cn_to_int(m["num"]) or 0, p.index, p.start + m.start(), title_from(p.text, m.end())[2])
        for p in content
        for m in ITEM.finditer(p.text)
    )
    title = tuple(paragraphs[i] for i in title_idx)
    title_copies = tuple(paragraphs[i] for i in sorted(copies))
    year, year_source = report_year(title, content, headings, signature)
    metadata = {m[1]: m[2] for p in paragraphs if p.chrome for m in METADATA_DATE.finditer(p.text)}
    return Document(
        source=source,
        view=view,
        paragraphs=tuple(paragraphs),
        title=title,
        title_copies=title_copies,
        headings=headings,
        sections=sections,
        items=items,
        signature=signature,
        body=(body_start, body_end),
        chrome=chrome,
        joins=tuple(joins),
        chunk_marks=tuple(chunks),
        lost_breaks=tuple(Span(view.orig(i - 1) + 1, view.orig(i)) for i in breaks),
        report_year=year,
        year_source=year_source,
        metadata=metadata,
    )
