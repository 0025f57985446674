"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per finding.

GitHub turns these into annotations on the pull request.  Values are escaped
as the runner expects (% CR LF, and in properties also : and ,).
"""

from __future__ import annotations

from reportlint.checks import Severity
from reportlint.report import FormatOptions, RunResult, visible

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: RunResult, options: FormatOptions | None = None) -> str:
    lines = []
    for d in result.all_diagnostics():
        props = ",".join(
            [
                f"file={_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"endLine={d.end_line}",
                f"endColumn={d.end_column}",
                f"title={_property(f'{d.code} {d.rule}')}",
            ]
        )
        # A control character would end the command or garble the annotation.
        lines.append(f"::{_LEVEL[d.severity]} {props}::{_data(visible(f'{d.code} {d.message}'))}")
    return "\n".join(lines)
