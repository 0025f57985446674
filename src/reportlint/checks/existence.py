"""Kind `existence`: text that should not be there (Vale's `existence`).

Patterns are matched paragraph by paragraph in the report proper, against
the normalized view or, for defects the view would hide (pinyin noise,
mis-decoded characters), against the original text.  A match that overlaps
a match of an exception pattern is skipped.  With `per_paragraph`, a
paragraph gives one finding (the first match, and how many there are), so a
garbled page does not bury everything else.  With `repair`, the message shows
the match read back; when no repair applies, the rule's `unrepaired` message
(if it has one) says so instead of offering the match as its own correction.
"""

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
    validate_patterns,
)
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.literals import gate
from reportlint.document.regexes import compiled

# What can make a branch match differently inside the alternation than alone:
# back references, conditionals, control verbs, \G and inline flags.
_NOT_ALONE = compiled(r"\\[1-9]|\\[gkG]|\(\?P=|\(\?\(|\(\*|\(\?[-aiLmsuxVrfwbep^]")


class Repair(Params):
    pattern: str
    replacement: str = ""


class ExistenceParams(Params):
    patterns: list[str]
    exceptions: list[str] = msgspec.field(default_factory=list)
    text: TextChoice = "view"
    per_paragraph: bool = False
    # How to show the repaired reading of a match ({repaired} in the message):
    # one rewrite, or several applied in turn.
    repair: Repair | list[Repair] | None = None


@register
class Existence(CheckKind[ExistenceParams]):
    name = "existence"
    params_type = ExistenceParams
    messages = {
        "default": frozenset({"match", "count", "repaired"}),
        # a rule with repairs, when none applies: the match cannot be read back
        "unrepaired": frozenset({"match", "count"}),
    }
    optional_messages = {"unrepaired": "default"}

    def __init__(self, params: ExistenceParams) -> None:
        super().__init__(params)
        self.pattern = compile_patterns(params.patterns, "patterns")
        # An alternation loses the regex module's fast scan for each branch's first
        # character (RL406: 0.8 ms a report, its branches alone 0.25 ms); what a
        # rule flags is rare, so a paragraph where no branch matches on its own is
        # passed over before the alternation runs.
        alone = len(params.patterns) > 1 and not any(map(_NOT_ALONE.search, params.patterns))
        self.branches = validate_patterns(params.patterns, "patterns") if alone else None
        # Before either: the literals a match needs, looked for in the whole report,
        # and for each branch, so that only the branches it may hold are searched.
        self.gate = gate(params.patterns)
        self.branch_gates = [gate([p]) for p in params.patterns] if alone else []
        self.exceptions = (
            compile_patterns(params.exceptions, "exceptions") if params.exceptions else None
        )
        repairs = params.repair if isinstance(params.repair, list) else [params.repair]
        self.repairs = [
            (compile_patterns([r.pattern], f"repair[{i}].pattern"), r.replacement)
            for i, r in enumerate(repairs)
            if r is not None
        ]

    def check(self, doc: Document) -> Iterator[Finding]:
        whole = doc.view.text if self.params.text == "view" else doc.text
        if self.gate is not None and not self.gate.admits(whole):
            return
        branches = None
        if self.branches is not None:
            branches = [
                branch
                for branch, needs in zip(self.branches, self.branch_gates, strict=True)
                if needs is None or needs.admits(whole)
            ]
            if not branches:
                return
        for text, to_span in paragraph_texts(doc, self.params.text):
            if branches is not None and not any(b.search(text) for b in branches):
                continue
            found = (m.span() for m in self.pattern.finditer(text))
            matches = outside(found, self.exceptions, text)
            if not matches:
                continue
            count = len(matches)
            if self.params.per_paragraph:
                matches = matches[:1]
            for start, end in matches:
                match = text[start:end]
                repaired = self._repaired(match)
                yield Finding(
                    to_span(start, end),
                    "unrepaired" if self.repairs and repaired == match else "default",
                    {"match": match, "count": count, "repaired": repaired},
                )

    def _repaired(self, found: str) -> str:
        for pattern, replacement in self.repairs:
            found = str(pattern.sub(replacement, found))
        return found
