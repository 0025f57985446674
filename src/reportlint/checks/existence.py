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

import msgspec

from reportlint.checks.base import (
    CheckKind,
    Finding,
    Params,
    TextChoice,
    compile_patterns,
    outside,
    paragraph_texts,
)
from reportlint.checks.registry import register
from reportlint.document import Document


class Repair(Params):
    pattern: str
    replacement: str = ""


class ExistenceParams(Params):
    patterns: list[str]
    exceptions: list[str] = msgspec.field(default_factory=list)
    text: TextChoice = "view"
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
        for text, to_span in paragraph_texts(doc, self.params.text):
            found = (m.span() for m in self.pattern.finditer(text))
            matches = outside(found, self.exceptions, text)
            if not matches:
                continue
            count = len(matches)
            if self.params.per_paragraph:
                matches = matches[:1]
            for start, end in matches:
                match = text[start:end]
                yield Finding(
                    to_span(start, end),
                    "default",
                    {"match": match, "count": count, "repaired": self._repaired(match)},
                )

    def _repaired(self, found: str) -> str:
        if self.repair is None or self.params.repair is None:
            return found
        return str(self.repair.sub(self.params.repair.replacement, found))
