"""Kind `title`: the report has a title line, written without stray spaces."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.checks.base import CheckKind, Finding, Fix, NoParams, report_anchor
from reportlint.checks.registry import register
from reportlint.document import Document, Span
from reportlint.document.regexes import compiled

_INNER_SPACES = compiled(r"(?<=\S)[ \t\u3000\u00a0\u2002-\u200b]+(?=\S)")


@register
class Title(CheckKind[NoParams]):
    name = "title"
    params_type = NoParams
    messages = {"missing": frozenset(), "spaces": frozenset({"title"})}

    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.title:
            yield Finding(report_anchor(doc), "missing")
            return
        for p in doc.title:
            start, end = doc.span(p.start, p.end)
            for m in _INNER_SPACES.finditer(doc.text, start, end):
                span = Span(m.start(), m.end())
                yield Finding(span, "spaces", {"title": p.text}, Fix(span, ""))
