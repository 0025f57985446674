"""Kind `substitution`: wrong -> right, with the right text as a fix (Vale's `substitution`).

`swap` maps a pattern (a regular expression) to its replacement, which may
refer to the pattern's groups (\\1, \\g<name>).  `entries` says the same
as a list, each entry with the source that makes it right and examples
(checks/sourced.py): for knowledge that may change, such as a renamed day or
document.  Both may be given; `entries` come after `swap`.  All patterns are
matched in one pass; where two match at the same place the earlier entry wins.
Because of that single pass a pattern must not refer back to its own groups.

A fix is offered only where the replacement can be computed on exactly the
text the writer typed: when matching the normalized view, a match whose
original text differs (folded width, traditional characters, a joined line)
is reported without a fix rather than with one that would rewrite more than
it shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import msgspec
import regex

from reportlint.checks.base import (
    CheckKind,
    Finding,
    Fix,
    ParamError,
    Params,
    TextChoice,
    compile_patterns,
    guarded,
    outside,
    paragraph_texts,
    validate_patterns,
)
from reportlint.checks.registry import register
from reportlint.checks.sourced import Sourced
from reportlint.document import Document
from reportlint.document.regexes import compiled

_GROUP_REF = compiled(r"\\(?P<num>\d+)|\\g<(?P<name>\w+)>")


class SwapEntry(Sourced):
    pattern: str
    replacement: str


class SubstitutionParams(Params):
    swap: dict[str, str] = msgspec.field(default_factory=dict)
    entries: list[SwapEntry] = msgspec.field(default_factory=list)
    exceptions: list[str] = msgspec.field(default_factory=list)
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
        if params.swap:
            keyed = zip(
                params.swap.items(), validate_patterns(list(params.swap), "swap"), strict=True
            )
            self.swaps += [(f"swap.{p}", pattern, r) for (p, r), pattern in keyed]
        for i, entry in enumerate(params.entries):
            (pattern,) = validate_patterns([entry.pattern], f"entries[{i}].pattern")
            self.swaps.append((f"entries[{i}].replacement", pattern, entry.replacement))
        for key, pattern, replacement in self.swaps:
            for ref in _GROUP_REF.finditer(replacement):
                name = ref["num"] or ref["name"]
                known = (
                    int(name) <= pattern.groups if name.isdigit() else name in pattern.groupindex
                )
                if not known:
                    raise ParamError(key, f"替换文本引用了不存在的分组 {ref.group()}")
        patterns = [pattern.pattern for _, pattern, _ in self.swaps]
        # One alternation, each entry in its own named group, for a single scan.
        self.combined = guarded(
            compiled("|".join(f"(?P<s{i}>{p})" for i, p in enumerate(patterns)), regex.V0)
        )
        self.groups = [self.combined.groupindex[f"s{i}"] for i in range(len(patterns))]
        self.exceptions = (
            compile_patterns(params.exceptions, "exceptions") if params.exceptions else None
        )

    @property
    def fixable(self) -> Literal["safe", "unsafe"] | None:
        return None if self.params.fix == "none" else self.params.fix

    def check(self, doc: Document) -> Iterator[Finding]:
        for text, to_span in paragraph_texts(doc, self.params.text):
            hits = {}
            for m in self.combined.finditer(text):
                which = next(i for i, group in enumerate(self.groups) if m.group(group) is not None)
                _, pattern, template = self.swaps[which]
                own = pattern.match(text, m.start())
                if own is not None:
                    hits[own.span()] = own.expand(template)
            for start, end in outside(hits, self.exceptions, text):
                match, replacement = text[start:end], hits[(start, end)]
                span = to_span(start, end)
                fix = None
                if self.params.fix != "none" and doc.text[span.start : span.end] == match:
                    fix = Fix(span, replacement, safe=self.params.fix == "safe")
                yield Finding(span, "default", {"match": match, "replacement": replacement}, fix)
