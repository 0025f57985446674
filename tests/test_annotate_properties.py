"""Property: whatever the runs of a document and wherever the findings fall, a
comment covers exactly its finding's text, rejecting the changes gives the
original text with each character's formatting, and accepting them gives the
text `--fix` would write.

Documents are paragraphs of runs with random text (tabs included) and random
bold/italic, some runs inside a hyperlink; findings are random spans, and
random non-overlapping fixes among them.  REPORTLINT_FUZZ=20 runs more.
"""

from __future__ import annotations

import io
import os
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.annotate import ooxml
from reportlint.annotate.anchor import TextMap
from reportlint.annotate.place import annotate_document
from reportlint.checks import Diagnostic, Fix, Severity
from reportlint.document import Span
from reportlint.extract.docx import docx_text
from reportlint.fix import apply_fixes
from word_support import anchored_texts, formatted_characters, reject_all, to_bytes

pytestmark = pytest.mark.slow

FUZZ = int(os.environ.get("REPORTLINT_FUZZ") or 0)
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

run_text = st.text(alphabet="法治政府建设，,。 \t12", min_size=1, max_size=6)
run = st.tuples(run_text, st.booleans(), st.booleans(), st.booleans())  # text, bold, italic, link
paragraph = st.lists(run, min_size=0, max_size=5)


def build(paragraphs: list[list[tuple[str, bool, bool, bool]]]) -> bytes:
    document: Any = docx.Document()
    for runs in paragraphs:
        p = document.add_paragraph()
        link = None
        for text, bold, italic, in_link in runs:
            r = p.add_run(text)
            r.bold, r.italic = bold or None, italic or None
            if in_link:
                if link is None:
                    link = parse_xml(f'<w:hyperlink {R} xmlns:w="{ooxml.W[1:-1]}" r:id="rId99"/>')
                    r._r.addprevious(link)
                link.append(r._r)
            else:
                link = None
    return to_bytes(document)


def diagnostic(start: int, end: int, fix: Fix | None) -> Diagnostic:
    return Diagnostic(
        "r.docx", "RL999", "test", Severity.WARNING, "测试", Span(start, end), 1, 1, 1, 1, "", fix
    )


Paragraphs = list[list[tuple[str, bool, bool, bool]]]


@st.composite
def case(draw: Any) -> tuple[Paragraphs, list[tuple[int, int, str | None]]]:
    """Paragraphs of runs, and findings: (start, end, the fix's replacement or None)."""
    paragraphs = draw(st.lists(paragraph, min_size=1, max_size=4))
    length = sum(len(text) for runs in paragraphs for text, *_ in runs) + len(paragraphs)
    position = st.integers(0, length)
    spans = draw(st.lists(st.tuples(position, position), max_size=8))
    found: list[tuple[int, int, str | None]] = []
    taken = 0
    for a, b in sorted((min(a, b), max(a, b)) for a, b in spans):
        replacement = None
        if a >= taken and draw(st.booleans()):
            # No rule offers a fix that changes nothing.
            replacement = draw(st.sampled_from(["，", "法治"] + ([""] if b > a else [])))
            taken = b
        found.append((a, b, replacement))
    return paragraphs, found


@given(case())
@settings(
    max_examples=20 * max(FUZZ, 1),
    deadline=None,
    derandomize=not FUZZ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
def test_comments_and_changes_map_back_exactly(
    example: tuple[Paragraphs, list[tuple[int, int, str | None]]],
) -> None:
    paragraphs, findings = example
    data = build(paragraphs)
    document: Any = docx.Document(io.BytesIO(data))
    text_map = TextMap(document.part)
    text = text_map.text
    assert text == "".join("".join(t for t, *_ in runs) + "\n" for runs in paragraphs)
    found = [diagnostic(a, b, None if r is None else Fix(Span(a, b), r)) for a, b, r in findings]
    placed = annotate_document(document, text_map, found, {}, summary=False)
    out = io.BytesIO()
    document.save(out)
    annotated = out.getvalue()

    anchored = anchored_texts(annotated)
    for note in placed.notes:
        start, end = note.diagnostic.span
        if end == start:  # an empty span takes the character after it (or before, at the end)
            start, end = (start, start + 1) if start < len(text) else (start - 1, start)
        # A comment ends with the last run: a paragraph mark at either end is not in it.
        expected = text[start:end].strip("\n")
        if expected:
            assert anchored[note.comment_id] == expected
    rejected = reject_all(annotated)
    assert docx_text(rejected) == text
    assert formatted_characters(rejected) == formatted_characters(data)
    offered = [n.diagnostic.fix for n in placed.notes if n.fate == "revision"]
    assert docx_text(annotated) == apply_fixes(text, offered)[0]
    # Every fix within a paragraph of text is offered (an empty paragraph has
    # no run whose formatting an insertion could take).
    for note in placed.notes:
        fix = note.diagnostic.fix
        line = text.split("\n")[text.count("\n", 0, fix.span.start)] if fix else ""
        if fix is not None and line and "\n" not in text[fix.span.start : fix.span.end]:
            assert note.fate == "revision", (text, fix)
