"""Kind `traditional`: traditional characters in a simplified report.

One finding per paragraph, pointing at the first run of traditional
characters and saying how many the paragraph has: a report pasted from a
traditional-character page has thousands, and a reviewer needs to know
where, not each one.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.checks.base import CheckKind, Finding, Params
from reportlint.checks.registry import register
from reportlint.document import Document, Span
from reportlint.document.normalize import has_han, to_simplified, unchanged_by_t2s


class TraditionalParams(Params):
    # Characters OpenCC folds that are also correct simplified usage.
    allowed: str = ""


@register
class Traditional(CheckKind[TraditionalParams]):
    name = "traditional"
    params_type = TraditionalParams
    messages = {"default": frozenset({"count", "sample", "simplified"})}

    def check(self, doc: Document) -> Iterator[Finding]:
        titles = [doc.span(p.start, p.end) for p in doc.title]
        paragraphs = [(start, doc.text[start:end]) for start, end in titles]
        paragraphs.extend(doc.body_originals)
        # Nearly every report is simplified throughout: one conversion says so.
        if unchanged_by_t2s(original for _, original in paragraphs):
            return
        for start, original in paragraphs:
            simplified = to_simplified(original)
            if simplified == original:
                continue
            changed = [
                i
                for i, (a, b) in enumerate(zip(original, simplified, strict=True))
                if a != b and a not in self.params.allowed
            ]
            if not changed:
                continue
            run_end = changed[0] + 1
            changed_at = set(changed)
            while run_end in changed_at:
                run_end += 1
            # Show the run with up to two Chinese neighbours each side, enough to
            # recognise the word (and no pinyin noise or punctuation).
            lo, hi = changed[0], run_end
            while lo > 0 and changed[0] - lo < 2 and has_han(original[lo - 1]):
                lo -= 1
            while hi < len(original) and hi - run_end < 2 and has_han(original[hi]):
                hi += 1
            yield Finding(
                Span(start + changed[0], start + run_end),
                "default",
                {"count": len(changed), "sample": original[lo:hi], "simplified": simplified[lo:hi]},
            )
