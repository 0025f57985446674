"""Kind `copies`: paragraphs copied from another report of the run, or from
the same issuer's report of an earlier year (`--against DIR`).

A batch kind: no single report shows it, so `check()` finds nothing and the
runner does the work over the whole run (`reportlint.copies`): each report's
paragraphs are fingerprinted where it is parsed, the fingerprints gathered,
and near-copies confirmed and reported at the end.  This module holds what a
rule pack configures and what its messages may say; it imports nothing
heavy, since every run imports it.
"""

from collections.abc import Iterator
from typing import NamedTuple

import msgspec
import regex

from reportlint.checks.base import CheckKind, Finding, ParamError, Params, compile_patterns
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.literals import gate


class CopiesParams(Params):
    # Characters (punctuation aside, after masking and template removal) a
    # paragraph needs to be compared: shorter ones are stock sentences.
    min_chars: int = 50
    # Indel similarity (2·LCS / both lengths) from which a paragraph is a copy.
    similarity: float = 0.8
    # A paragraph or sentence found in reports of this many issuers is template.
    template_issuers: int = 5
    # Fixed template phrases (guiding thought, statutory headings, plan names),
    # removed before comparing.
    template_phrases: list[str] = msgspec.field(default_factory=list)


class Copied(NamedTuple):
    """What a finding says, for the views that list copies by pair of reports
    (`reportlint similar`): a paragraph found in another report, or (lines
    0) a report given twice."""

    path: str
    line: int
    other: str
    other_line: int
    similarity: float  # of the paragraphs; of the reports' text for "same-report"
    # The message id: "other-report", "earlier-year", "identical", "same-file", "same-report".
    message: str


@register
class Copies(CheckKind[CopiesParams]):
    name = "copies"
    params_type = CopiesParams
    messages = {
        # A paragraph like one of another issuer's report.
        "other-report": frozenset({"other", "line", "similarity", "issuer", "count"}),
        # A paragraph like one of the same issuer's report of an earlier year.
        "earlier-year": frozenset({"other", "line", "similarity", "year", "count"}),
        # The report once more: the same text, or the very same file.
        "identical": frozenset({"other"}),
        "same-file": frozenset({"other"}),
        # Nearly all of each in the other: a repost, .docx and .pdf, a draft and the final text.
        "same-report": frozenset({"other", "share"}),
    }

    batch = True  # the runner gathers over the run; check() alone finds nothing

    def __init__(self, params: CopiesParams) -> None:
        super().__init__(params)
        if not 0 < params.similarity <= 1:
            raise ParamError("similarity", "应在 0 与 1 之间（如 0.8）")
        if params.template_issuers < 2:
            raise ParamError("template_issuers", "至少为 2")
        self.template: regex.Pattern[str] | None = (
            compile_patterns(params.template_phrases, "template_phrases")
            if params.template_phrases
            else None
        )
        # Most paragraphs hold none of the words a template phrase needs.
        self.template_gate = gate(params.template_phrases) if params.template_phrases else None

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())
