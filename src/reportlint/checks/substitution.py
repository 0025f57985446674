"""Kind `substitution`: wrong -> right, with the right text as a fix (Vale's `substitution`).

`swap` maps a pattern (a regular expression) to its replacement, which may
refer to the pattern's groups (\\1, \\g<name>).  `entries` says the same
as a list, each entry with the source that makes it right and examples
(checks/sourced.py): for knowledge that may change, such as a renamed day or
document; an entry's `since` (a report year) holds it from the year the name
changed.  Both may be given; `entries` come after `swap`.

Matches are taken as one alternation of the patterns would find them, left to
right: where two match at the same place the earlier entry wins, and a match
inside an earlier one is not taken.  The patterns are run one by one, though,
and first over the whole report: most find nothing in it and are not looked
for paragraph by paragraph, and a pattern that opens with a literal is found
by a fast scan, which an alternation of many loses.

A fix is offered only where the replacement can be computed on exactly the
text the writer typed: when matching the normalized view, a match whose
original text differs (folded width, traditional characters, a joined line)
is reported without a fix rather than with one that would rewrite more than
it shows.
"""

from collections.abc import Iterator
from typing import Literal

import msgspec

from reportlint.checks.base import (
    CheckKind,
    Finding,
    Fix,
    ParamError,
    Params,
    TextChoice,
    compile_patterns,
    outside,
    paragraph_texts,
    validate_patterns,
)
from reportlint.checks.registry import register
from reportlint.checks.sourced import Sourced
from reportlint.document import Document
from reportlint.document.literals import Gate, gate
from reportlint.document.regexes import compiled

_GROUP_REF = compiled(r"\\(?P<num>\d+)|\\g<(?P<name>\w+)>")
# What can tie a pattern to a paragraph's edges: anchors, classes that a line break
# between paragraphs would satisfy or fail ([^…], \s, \W…), and negative
# look-arounds, which a paragraph cut from its line mid-way (a lost break) can
# fail on its neighbour in the whole report's view while it holds in the paragraph.
_EDGED = compiled(r"[\^$]|\\[AZzbBsSWDnP]|\(\?<?!")


class SwapEntry(Sourced):
    pattern: str
    replacement: str
    # A name that changed in this report year (法制副校长 → 法治副校长, 2022): earlier
    # reports, and reports of no known year, used the old one rightly and are left alone.
    since: int | None = None


class SubstitutionParams(Params):
    swap: dict[str, str] = msgspec.field(default_factory=dict)
    entries: list[SwapEntry] = msgspec.field(default_factory=list)
    exceptions: list[str] = msgspec.field(default_factory=list)
    # For speed: a paragraph without a match of this is skipped.  Every swap must imply
    # it; it pays when the swaps open with a common character (digits) and this does not.
    prefilter: str = ""
    text: TextChoice = "view"
    # "safe": applied by --fix; "unsafe": only with --unsafe-fixes; "none": no fix.
    fix: Literal["safe", "unsafe", "none"] = "safe"


@register
class Substitution(CheckKind[SubstitutionParams]):
    name = "substitution"
    params_type = SubstitutionParams
    messages = {"default": frozenset({"match", "replacement"})}

    def __init__(self, params: SubstitutionParams) -> None:
        super().__init__(params)
        if not params.swap and not params.entries:
            raise ParamError("swap", "swap 或 entries 至少要有一项")
        # Validated one by one, naming the key of a bad one.
        self.swaps = []
        self.since: list[int | None] = [None] * len(params.swap)
        if params.swap:
            keyed = zip(
                params.swap.items(), validate_patterns(list(params.swap), "swap"), strict=True
            )
            self.swaps += [(f"swap.{p}", pattern, r) for (p, r), pattern in keyed]
        for i, entry in enumerate(params.entries):
            (pattern,) = validate_patterns([entry.pattern], f"entries[{i}].pattern")
            self.swaps.append((f"entries[{i}].replacement", pattern, entry.replacement))
            self.since.append(entry.since)
        for key, pattern, replacement in self.swaps:
            for ref in _GROUP_REF.finditer(replacement):
                name = ref["num"] or ref["name"]
                known = (
                    int(name) <= pattern.groups if name.isdigit() else name in pattern.groupindex
                )
                if not known:
                    raise ParamError(key, f"替换文本引用了不存在的分组 {ref.group()}")
        # A pattern tied to a paragraph's edges may match in a paragraph and not in the
        # whole report: it is always looked for paragraph by paragraph.
        self.edged = [_EDGED.search(pattern.pattern) is not None for _, pattern, _ in self.swaps]
        # The literals each swap's match needs: a report without them is passed over
        # without a search (in a paragraph, the words cost about what a search does).
        self.gates: list[Gate | None] = [gate([pattern.pattern]) for _, pattern, _ in self.swaps]
        self.exceptions = (
            compile_patterns(params.exceptions, "exceptions") if params.exceptions else None
        )
        self.prefilter = (
            compile_patterns([params.prefilter], "prefilter") if params.prefilter else None
        )

    @property
    def fixable(self) -> Literal["safe", "unsafe"] | None:
        return None if self.params.fix == "none" else self.params.fix

    def check(self, doc: Document) -> Iterator[Finding]:
        present = self._present(doc)
        if not present:
            return
        for text, to_span in paragraph_texts(doc, self.params.text):
            if self.prefilter is not None and self.prefilter.search(text) is None:
                continue
            hits = dict(self._first_matches(text, present))
            for start, end in outside(hits, self.exceptions, text):
                match, replacement = text[start:end], hits[(start, end)]
                span = to_span(start, end)
                fix = None
                if self.params.fix != "none" and doc.text[span.start : span.end] == match:
                    fix = Fix(span, replacement, safe=self.params.fix == "safe")
                yield Finding(span, "default", {"match": match, "replacement": replacement}, fix)

    def _present(self, doc: Document) -> list[int]:
        """The swaps that may match in the report: each with the literals it needs in
        the text, and looked for once in the whole report's view (the original text is
        not scanned ahead), those of a later year than the report's left out."""
        year = doc.report_year
        dated = [
            i
            for i, since in enumerate(self.since)
            if since is None or (year is not None and year >= since)
        ]
        if self.params.text != "view":
            return [i for i in dated if (g := self.gates[i]) is None or g.admits(doc.text)]
        view, (start, end) = doc.view.text, doc.body
        if self.prefilter is not None and self.prefilter.search(view, start, end) is None:
            return []
        return [
            i
            for i in dated
            if ((g := self.gates[i]) is None or g.admits(view))
            and (self.edged[i] or self.swaps[i][1].search(view, start, end) is not None)
        ]

    def _first_matches(self, text: str, which: list[int]) -> Iterator[tuple[tuple[int, int], str]]:
        """(span, replacement) of each match of the swaps `which`, left to right, none
        inside another: at the first place any matches, the earliest entry matching there."""
        pos = 0
        ahead = {i: self.swaps[i][1].search(text) for i in which}
        while True:
            best = None
            for i in which:
                m = ahead[i]
                if m is not None and m.start() < pos:  # passed over: look again from here
                    m = ahead[i] = self.swaps[i][1].search(text, pos)
                if m is not None and (best is None or m.start() < ahead[best].start()):
                    best = i
            if best is None:
                return
            m = ahead[best]
            yield m.span(), m.expand(self.swaps[best][2])
            pos = m.end()
