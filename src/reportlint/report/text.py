"""Text output in the style of ruff: a location line, a code frame, a summary.

    path:line:col: CODE [severity] message
       |
    45 |     2024117
       |     ^^^^^^^

Report lines are often whole paragraphs of several hundred characters, so
the frame shows a window around the finding.  Carets are placed by display
cells, so they line up under Chinese (double-width) characters.
"""

from __future__ import annotations

from collections import Counter

import click
from rich.cells import cell_len

from reportlint.checks import Diagnostic, Severity
from reportlint.report import RunResult

WINDOW = 36  # characters of context shown before the finding
MAX_CARET = 40  # characters of the finding underlined at most

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def format_text(result: RunResult) -> str:
    out: list[str] = []
    for d in result.all_diagnostics():
        out.append(_headline(d))
        frame = _frame(d)
        if frame:
            out.extend(frame)
            out.append("")
    out.append(summary(result))
    return "\n".join(out)


def _headline(d: Diagnostic) -> str:
    where = click.style(f"{d.path}:{d.line}:{d.column}:", bold=True)
    code = click.style(d.code, fg=_STYLE[d.severity], bold=True)
    return f"{where} {code} [{d.severity.value}] {d.message}"


def _frame(d: Diagnostic) -> list[str]:
    line = d.source_line.rstrip("\n")
    if not line.strip():
        return []
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = max(min(end, len(line), start + MAX_CARET), start + 1)
    lo = max(0, start - WINDOW)
    hi = min(len(line), end + WINDOW)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    shown = prefix + line[lo:hi] + suffix
    pad = cell_len(prefix + line[lo:start])
    width = max(1, cell_len(line[start:end]))
    gutter = " " * len(str(d.line))
    caret = click.style("^" * width, fg=_STYLE[d.severity], bold=True)
    return [
        f"{gutter} |",
        f"{d.line} | {shown}",
        f"{gutter} | {' ' * pad}{caret}",
    ]


def summary(result: RunResult) -> str:
    counts = Counter(d.severity for d in result.diagnostics)
    files = f"检查了 {result.files_checked} 个文件"
    parts = []
    if result.diagnostics:
        by = "，".join(
            f"{s.label} {counts[s]}"
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if counts[s]
        )
        parts.append(f"共发现 {len(result.diagnostics)} 个问题（{by}），{files}")
    else:
        parts.append(f"未发现问题，{files}")
    if result.errors:
        parts.append(f"{len(result.errors)} 个文件无法检查")
    return "；".join(parts) + "。"
