from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from reportlint.checks.base import Fix, Severity
from reportlint.document import Span

# A message and its suggestion make one sentence: "缺少……：请补上".
SUGGESTION_JOINER = "："


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One violation, ready for a formatter.

    Line and column are 1-based and count characters; they are worked out
    from the span when the diagnostic is made, the only place offsets become
    positions.  `source_line` is the text of the first line, for code frames.
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
    # Identifies the finding without its position, so that it survives edits
    # elsewhere in the file: see fingerprint().
    fingerprint: str = ""
    # The rule's fix title (建议), also the end of `message` ("…：请删除"): the
    # text output shows it on a line of its own under the finding.
    suggestion: str = ""

    def __reduce__(self) -> tuple[type[Diagnostic], tuple[Any, ...]]:
        # Worker processes send tens of thousands back; the constructor and
        # a plain tuple pickle several times faster than slots state.
        return (Diagnostic, tuple(getattr(self, name) for name in _FIELDS))

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    @property
    def finding(self) -> str:
        """The message without its suggestion: what is wrong."""
        tail = SUGGESTION_JOINER + self.suggestion
        if self.suggestion and self.message.endswith(tail):
            return self.message[: -len(tail)]
        return self.message

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


_FIELDS = tuple(Diagnostic.__dataclass_fields__)

# Characters of the same line kept on each side of a finding's text.
CONTEXT = 12


def fingerprint(code: str, message: str, text: str, start: int, end: int) -> str:
    """A hash of the rule, the message, the flagged text and a little of the
    line around it, with white space dropped.  Line numbers are left out on
    purpose: a baseline or a code-scanning alert must still recognise the
    finding after paragraphs are added above it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    before = text[max(line_start, start - CONTEXT) : start]
    after = text[end : min(line_end, end + CONTEXT)]
    key = "\0".join((code, message, before, text[start:end], after))
    return hashlib.sha256("".join(key.split()).encode("utf-8")).hexdigest()[:16]
