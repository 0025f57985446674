"""Kind `existence`: text that should not be there (Vale's `existence`).

Patterns are matched paragraph by paragraph in the report proper, against
the normalized view or, for defects the view would hide (pinyin noise,
mis-decoded characters), against the original text.  A match that overlaps
a match of an exception pattern is skipped.  With `per_paragraph`, a
paragraph gives one finding (the first match, and how many there are), so a
garbled page does not bury everything else.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import msgspec

from reportlint.checks.base import CheckKind, Finding, Params, compile_patterns
from reportlint.checks.registry import register
from reportlint.document import Document, Span


class Repair(Params):
    pattern: str
    replacement: str = ""


class ExistenceParams(Params):
    patterns: list[str]
    exceptions: list[str] = msgspec.field(default_factory=list)
    text: Literal["view", "original"] = "view"
    per_paragraph: bool = False
    # How to show the repaired reading of a match ({repaired} in the message).
    repair: Repair | None = None


@register
class Existence(CheckKind[ExistenceParams]):
    name = "existence"
    params_type = ExistenceParams
    messages = {"default": frozenset({"match", "count", "repaired"})}

    def __init__(self, params: ExistenceParams) -> None:
        super().__init__(params)
        self.pattern = compile_patterns(params.patterns, "patterns")
        self.exceptions = (
            compile_patterns(params.exceptions, "exceptions") if params.exceptions else None
        )
        self.repair = (
            compile_patterns([params.repair.pattern], "repair.pattern") if params.repair else None
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        for p in doc.body_paragraphs:
            # Work on the paragraph's own text; `base` turns a match offset into
            # an original offset (directly, or through the view's map).
            if self.params.text == "view":
                text = p.text
            else:
                original = doc.span(p.start, p.end)
                text = doc.text[original.start : original.end]
            matches = self._matches(text)
            if not matches:
                continue
            count = len(matches)
            if self.params.per_paragraph:
                matches = matches[:1]
            for start, end in matches:
                if self.params.text == "view":
                    span = doc.span(p.start + start, p.start + end)
                else:
                    span = Span(original.start + start, original.start + end)
                found = text[start:end]
                yield Finding(
                    span,
                    "default",
                    {"match": found, "count": count, "repaired": self._repaired(found)},
                )

    def _matches(self, text: str) -> list[tuple[int, int]]:
        excepted = [m.span() for m in self.exceptions.finditer(text)] if self.exceptions else []
        return [
            m.span()
            for m in self.pattern.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b in excepted)
        ]

    def _repaired(self, found: str) -> str:
        if self.repair is None or self.params.repair is None:
            return found
        return str(self.repair.sub(self.params.repair.replacement, found))
