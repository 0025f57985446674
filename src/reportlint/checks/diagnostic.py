from __future__ import annotations

from typing import Any, NamedTuple

from reportlint.checks.base import Fix, Severity
from reportlint.document import Span

# A message and its suggestion make one sentence: "缺少……：请补上".
SUGGESTION_JOINER = "："


class Diagnostic(NamedTuple):
    """One violation, ready for a formatter.

    Line and column are 1-based and count characters; they are worked out
    from the span when the diagnostic is made, the only place offsets become
    positions.  `source_line` is the text of the first line, for code frames.

    A tuple: a report has dozens of diagnostics, a tuple is made several
    times faster than a frozen dataclass, and worker processes pickle it as
    one.  Its fingerprint is worked out from `context` when a format asks.
    """

    path: str
    code: str
    rule: str
    severity: Severity
    message: str
    span: Span
    line: int
    column: int
    end_line: int
    end_column: int
    source_line: str
    fix: Fix | None = None
    # The rule's fix title (建议), also the end of `message` ("…：请删除"): the
    # text output shows it on a line of its own under the finding.
    suggestion: str = ""
    # The flagged text and up to CONTEXT characters of its line on each side, as
    # `context()` keeps them: what `fingerprint` identifies the finding by, besides
    # its rule and message.
    context: str | None = None
    # A fingerprint worked out already (RL310's, from the report's prints).
    hashed: str = ""

    @property
    def fingerprint(self) -> str:
        """Identifies the finding without its position, so that it survives edits
        elsewhere in the file (see _digest); "" for a file error."""
        if self.context is None:
            return self.hashed
        return _digest(self.code, self.message, self.context)

    @property
    def finding(self) -> str:
        """The message without its suggestion: what is wrong."""
        tail = SUGGESTION_JOINER + self.suggestion
        if self.suggestion and self.message.endswith(tail):
            return self.message[: -len(tail)]
        return self.message

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fingerprint": self.fingerprint,
            "suggestion": self.suggestion or None,
            "fix": None if self.fix is None else self.fix.replacement,
            "fix_applicability": None
            if self.fix is None
            else ("safe" if self.fix.safe else "unsafe"),
        }


# Characters of the same line kept on each side of a finding's text.
CONTEXT = 12


def context(text: str, start: int, end: int) -> str:
    """The flagged text of `text` and up to CONTEXT characters of its line on each
    side, joined by NUL and without white space, as the fingerprint hashes them: one
    string kept on the diagnostic (three and a tuple cost a run of 100,000
    findings some 30 MB)."""
    # A line break is looked for only as far as the context reaches: a line is
    # often a whole paragraph.
    before = max(0, start - CONTEXT)
    if (line_break := text.rfind("\n", before, start)) >= 0:
        before = line_break + 1
    after = min(len(text), end + CONTEXT)
    if (line_break := text.find("\n", end, after)) >= 0:
        after = line_break
    kept = "\0".join((text[before:start], text[start:end], text[end:after]))
    return "".join(kept.split())


def fingerprint(code: str, message: str, text: str, start: int, end: int) -> str:
    """The fingerprint of a finding of `text[start:end]` (Diagnostic.fingerprint)."""
    return _digest(code, message, context(text, start, end))


def _digest(code: str, message: str, context: str) -> str:
    """A hash of the rule, the message, the flagged text and a little of the
    line around it, with white space dropped.  Line numbers are left out on
    purpose: a baseline or a code-scanning alert must still recognise the
    finding after paragraphs are added above it."""
    import hashlib  # only the formats that show fingerprints pay for the import

    key = "\0".join((code, message, context))
    return hashlib.sha256("".join(key.split()).encode("utf-8")).hexdigest()[:16]
