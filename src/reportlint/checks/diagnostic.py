from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlint.checks.base import Fix, Severity
from reportlint.document import Span


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
            "fix": None if self.fix is None else self.fix.replacement,
            "fix_applicability": None
            if self.fix is None
            else ("safe" if self.fix.safe else "unsafe"),
        }
