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
from itertools import groupby

import click
from rich.cells import cell_len

from reportlint.checks import Diagnostic, Severity
from reportlint.report import RunResult, visible

WINDOW = 36  # characters of context shown before the finding
MAX_CARET = 40  # characters of the finding underlined at most
COLLAPSE_AFTER = 5  # more findings than this of one rule in one file are collapsed
SHOWN_WHEN_COLLAPSED = 3

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def format_text(result: RunResult) -> str:
    out: list[str] = []
    for _, diagnostics in groupby(result.all_diagnostics(), key=lambda d: d.path):
        shown, hidden = _collapse(list(diagnostics))
        for d in shown:
            out.append(_headline(d))
            frame = _frame(d)
            if frame:
                out.extend(frame)
                out.append("")
        for (path, code), count in hidden.items():
            out.append(f"{path}: {code} 还有 {count} 个同类问题未显示（用 --format json 查看全部）")
        if hidden:
            out.append("")
    out.append(summary(result))
    return "\n".join(out)


def format_statistics(result: RunResult) -> str:
    """Counts per rule, most frequent first (ruff's --statistics), then the summary."""
    diagnostics = result.all_diagnostics()
    counts = Counter(d.code for d in diagnostics)
    names = {d.code: d.rule for d in diagnostics}
    fixable = {d.code for d in diagnostics if d.fix and d.fix.safe}
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [
        f"{n:>{width}}  {code}  {names[code]}{'  [*]' if code in fixable else ''}"
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return "\n".join([*lines, summary(result)])


def _collapse(diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], Counter[tuple[str, str]]]:
    """One file's diagnostics to show, and how many of each rule are held back.

    A report typed with half-width punctuation has hundreds of findings of
    one rule; past COLLAPSE_AFTER, show the first SHOWN_WHEN_COLLAPSED so
    that the structural findings stay on the first screen.
    """
    per_rule = Counter(d.code for d in diagnostics)
    seen: Counter[str] = Counter()
    shown = []
    hidden: Counter[tuple[str, str]] = Counter()
    for d in diagnostics:
        seen[d.code] += 1
        if per_rule[d.code] > COLLAPSE_AFTER and seen[d.code] > SHOWN_WHEN_COLLAPSED:
            hidden[(d.path, d.code)] += 1
        else:
            shown.append(d)
    return shown, hidden


def _headline(d: Diagnostic) -> str:
    where = click.style(f"{visible(d.path)}:{d.line}:{d.column}:", bold=True)
    code = click.style(d.code, fg=_STYLE[d.severity], bold=True)
    fixable = " [*]" if d.fix and d.fix.safe else ""
    return f"{where} {code}{fixable} [{d.severity.value}] {visible(d.message)}"


def _frame(d: Diagnostic) -> list[str]:
    line = visible(d.source_line.rstrip("\n"))
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
    if result.fixed:
        parts.append(f"已自动修复 {result.fixed} 处（{result.fixed_files} 个文件）")
    fixable = sum(1 for d in result.diagnostics if d.fix and d.fix.safe)
    if fixable:
        parts.append(f"其中 {fixable} 个可用 --fix 自动修复")
    unreadable = sum(1 for e in result.errors if e.code != "RL003")
    if unreadable:
        parts.append(f"{unreadable} 个文件无法检查")
    if len(result.errors) > unreadable:
        parts.append(f"{len(result.errors) - unreadable} 个文件的修复未能写入")
    if result.baseline_hidden:
        parts.append(f"基线中已记录的 {result.baseline_hidden} 个问题未显示")
    if result.baseline_stale:
        parts.append(
            f"基线中有 {len(result.baseline_stale)} 条已不再出现（可用 --write-baseline 更新基线）"
        )
    return "；".join(parts) + "。"
