"""Kind `traditional`: traditional characters in a simplified report.

One finding per paragraph, pointing at the first run of traditional
characters and saying how many the paragraph has: a report pasted from a
traditional-character page has thousands, and a reviewer needs to know
where, not each one.
"""

from collections.abc import Iterator

import msgspec

from reportlint.checks.base import CheckKind, Finding, Params, compile_patterns
from reportlint.checks.registry import register
from reportlint.document import Document, Span
from reportlint.document.normalize import has_han, to_simplified, unchanged_by_t2s


class TraditionalParams(Params):
    # Characters OpenCC folds that are also correct simplified usage.
    allowed: str = ""
    # Words, matched in the original text, whose characters OpenCC would fold
    # but are right as written: place names such as 乾县 and 於潜镇 (the
    # character is kept in a name).  Patterns, so a name may take a context:
    # "(?<=书记)於某某".  OpenCC already keeps phrases it knows (乾隆, 乾陵).
    allowed_words: list[str] = msgspec.field(default_factory=list)


@register
class Traditional(CheckKind[TraditionalParams]):
    name = "traditional"
    params_type = TraditionalParams
    messages = {"default": frozenset({"count", "sample", "simplified"})}

    def __init__(self, params: TraditionalParams) -> None:
        super().__init__(params)
        self.allowed_words = (
            compile_patterns(params.allowed_words, "allowed_words")
            if params.allowed_words
            else None
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.view.traditional:
            return  # the parse's conversion of the whole text changed nothing
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
            kept = self._kept(original)
            changed = [
                i
                for i, (a, b) in enumerate(zip(original, simplified, strict=True))
                if a != b and a not in self.params.allowed and i not in kept
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

    def _kept(self, text: str) -> set[int]:
        """Offsets inside an allowed word, whose characters are right as written."""
        if self.allowed_words is None:
            return set()
        return {i for m in self.allowed_words.finditer(text) for i in range(*m.span())}
