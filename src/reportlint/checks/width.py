"""Kind `width`: half-width , ; : ? ! ( ) typed in Chinese text.

GB/T 15834 wants full-width marks in Chinese text.  Which half-width marks
are "in Chinese text" is decided once, in document.normalize.halfwidth_marks
(the view raises the same marks), so that this rule and every pattern
written with full-width marks agree: decimals, times, thousands separators,
URLs and English are left alone.  Each mark gets a safe fix to its
full-width form.
"""

from collections.abc import Iterator

import msgspec

from reportlint.checks.base import (
    CheckKind,
    Finding,
    Fix,
    Params,
    compile_patterns,
    outside,
    paragraph_texts,
)
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.normalize import halfwidth_marks


class WidthParams(Params):
    # Text where a half-width mark is another rule's business or intended.
    exceptions: list[str] = msgspec.field(default_factory=list)


@register
class Width(CheckKind[WidthParams]):
    name = "width"
    params_type = WidthParams
    messages = {"default": frozenset({"mark", "replacement"})}

    def __init__(self, params: WidthParams) -> None:
        super().__init__(params)
        self.exceptions = (
            compile_patterns(params.exceptions, "exceptions") if params.exceptions else None
        )

    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        new = tuple.__new__
        for text, to_span in paragraph_texts(doc, "original"):
            marks = dict(halfwidth_marks(text))
            for start, _ in outside(((i, i + 1) for i in marks), self.exceptions, text):
                span = to_span(start, start + 1)
                full = marks[start]
                # (tuple.__new__: a NamedTuple's own __new__ is a Python call, and
                # this rule makes most of a batch's findings)
                yield new(
                    Finding,
                    (
                        span,
                        "default",
                        {"mark": text[start], "replacement": full},
                        new(Fix, (span, full, True)),
                    ),
                )
