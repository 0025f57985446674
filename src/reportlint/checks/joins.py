"""Kind `joins`: line breaks that cut a word or sentence in two, and lost ones.

The parser already decides which breaks are wraps (document.parse
._broken_line_joins) and reads across them, so every other rule sees the
sentence whole; this kind reports those same breaks, with a safe fix that
joins the lines.  One place decides, so the report and the fix agree with
what the other rules read.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.checks.base import CheckKind, Finding, Fix, NoParams
from reportlint.checks.registry import register
from reportlint.document import Document, Span
from reportlint.document.regexes import compiled

_SHOWN = 6  # characters shown each side of the break
_MARKER = compiled(r"[(（]?[一二三四五六七八九十]{1,3}[)）、]")


@register
class Joins(CheckKind[NoParams]):
    name = "joins"
    params_type = NoParams
    messages = {
        "default": frozenset({"before", "after"}),
        "run-in": frozenset({"text"}),
        "chunk": frozenset({"marker", "before", "after"}),
    }

    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        for start, end in doc.joins:
            before = doc.text[max(0, start - _SHOWN) : start].rsplit("\n", 1)[-1]
            after = doc.text[end : end + _SHOWN].split("\n", 1)[0]
            # Point at the last character before the break: a column on a real line.
            at = Span(max(0, start - 1), start)
            yield Finding(
                at, "default", {"before": before, "after": after}, Fix(Span(start, end), "")
            )
        # A document site's chunk numbers ("…依" / "2、法有效化解…"): the number and
        # the break go, which deletes text: not a safe fix.
        for start, end in doc.chunk_marks:
            marker = doc.text[start:end].strip()
            before = doc.text[max(0, start - _SHOWN) : start].rsplit("\n", 1)[-1]
            after = doc.text[end : end + _SHOWN].split("\n", 1)[0]
            yield Finding(
                Span(end - len(marker), end),
                "chunk",
                {"marker": marker, "before": before, "after": after},
                Fix(Span(start, end), "", safe=False),
            )
        # The other way round: a heading typed on the line of the paragraph before
        # it ("…新成效。 一、主要举措和成效 （一）…"), a copy that lost its breaks.
        for gap in doc.lost_breaks:
            marker = _MARKER.match(doc.text, gap.end)
            shown = marker.group() if marker else doc.text[gap.end : gap.end + _SHOWN]
            yield Finding(
                Span(gap.end, gap.end + len(shown)), "run-in", {"text": shown}, Fix(gap, "\n")
            )
