"""Kind `chrome`: web-page leftovers pasted with the report, one finding per region.

The regions are the ones the parser found (document/parse.py) and every
other check skips, so this rule and the others always agree on where the
report proper starts and ends.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.checks.base import CheckKind, Finding, NoParams
from reportlint.checks.registry import register
from reportlint.document import Document

REGION_LABELS = {"header": "网页导航或信息栏", "footer": "网页页脚"}


@register
class Chrome(CheckKind[NoParams]):
    name = "chrome"
    params_type = NoParams
    messages = {"default": frozenset({"region", "text", "lines"})}

    def check(self, doc: Document) -> Iterator[Finding]:
        for region in doc.chrome:
            first, last = doc.paragraphs[region.first], doc.paragraphs[region.last]
            span = doc.span(first.start, last.end)
            lines = doc.position(span.end)[0] - doc.position(span.start)[0] + 1
            text = first.text if len(first.text) <= 20 else first.text[:20] + "…"
            yield Finding(
                span,
                "default",
                {"region": REGION_LABELS[region.kind], "text": text, "lines": lines},
            )
