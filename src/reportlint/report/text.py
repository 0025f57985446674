"""Text output in the style of ruff: a location line, a code frame, the
suggestion (ruff's fix title), a summary.

    path:line:col: CODE [severity] message
       |
    45 |     2024117
       |     ^^^^^^^
       = 建议：改为“2024年1月17日”

Within a file, errors come first, then warnings, then notes, each in line
order: a missing signature must not sit below 150 punctuation warnings.
Report lines are often whole paragraphs of several hundred characters, so
the frame shows a window around the finding that fits the terminal's width.
Carets are placed by display cells, so they line up under Chinese
(double-width) characters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import click
from rich.cells import cell_len

from reportlint.checks import Diagnostic, Severity
from reportlint.report import (
    FormatOptions,
    ItemsFor,
    RunResult,
    by_importance,
    joined,
    rule_counts,
    visible,
    without_trailing_newlines,
)

MAX_CARET = 40  # characters of the finding underlined at most
COLLAPSE_AFTER = 5  # more warnings than this of one rule in one file are grouped
SHOWN_WHEN_COLLAPSED = 3
MIN_WIDTH = 40  # a frame narrower than this shows too little to be read

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def format_text(result: RunResult, options: FormatOptions | None = None) -> str:
    return "".join(write_text(result, options))


def write_text(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_text a file at a time (each file's lines as its worker wrote them,
    when it did and they still stand)."""
    options = options or FormatOptions()
    made_for = items_for(options)

    def lines() -> Iterator[list[str]]:
        for file in result.per_file(made_for):
            written = result.items_of(file, made_for)
            if written is None:
                yield file_lines(file.with_errors(), options)
            else:
                yield [written] if written else []
        out = []
        if options.show_fixes and result.fixed_codes:
            out.extend(_fixed_list(result))
        if not options.quiet:
            out.extend(copied_lines(result))
            out.append(summary(result))
        yield out

    return without_trailing_newlines(joined(lines()))


def items_for(options: FormatOptions) -> ItemsFor:
    """What the workers write for this format with these options (report.Items):
    each file's lines depend on all of them but `quiet`."""
    return ("text", options._replace(quiet=False))


def text_items(diagnostics: list[Diagnostic], options: FormatOptions) -> str:
    """One file's lines, joined: what write_text writes for its findings."""
    return "\n".join(file_lines(diagnostics, options))


def file_lines(diagnostics: list[Diagnostic], options: FormatOptions) -> list[str]:
    """One file's findings as write_text shows them: most serious first, each with
    its code frame and suggestion, repeated warnings grouped (--show-all: not).
    Never a lone blank line: a blank line follows a finding or a group."""
    out: list[str] = []
    diagnostics = sorted(diagnostics, key=by_importance)
    shown, hidden = (diagnostics, Counter()) if options.show_all else _collapse(diagnostics)
    for d in shown:
        out.append(_headline(d, d.finding))
        frame = _frame(d, options.width)
        out.extend(frame)
        if d.suggestion:
            out.append(_suggestion_line(d))
        if options.show_fixes and d.fix:
            out.append(_fix_line(d))
        if frame or d.suggestion or (options.show_fixes and d.fix):
            out.append("")
    for (path, code), count in hidden.items():
        out.append(
            f"{visible(path)}: {code} 还有 {count} 个同类问题未显示（加 --show-all 显示全部）"
        )
    if hidden:
        out.append("")
    return out


def format_concise(result: RunResult, options: FormatOptions | None = None) -> str:
    return "".join(write_concise(result, options))


def write_concise(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """One line per finding, every finding (ruff's `concise`), then the summary."""

    def lines() -> Iterator[list[str]]:
        for file in result.per_file():
            yield [_headline(d) for d in sorted(file.with_errors(), key=by_importance)]
        if not (options and options.quiet):
            yield [*copied_lines(result), summary(result)]

    return joined(lines())


def format_statistics(result: RunResult, options: FormatOptions | None = None) -> str:
    """Counts per rule, most frequent first (ruff's --statistics), then the summary."""
    counts, names, fixable = rule_counts(result)
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [
        f"{n:>{width}}  {code}  {names[code]}{'  [*]' if code in fixable else ''}"
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    if not (options and options.quiet):
        lines.extend(copied_lines(result))
        lines.append(summary(result))
    return "\n".join(lines)


def _collapse(diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], Counter[tuple[str, str]]]:
    """One file's diagnostics to show, and how many of each rule are held back.

    A report typed with half-width punctuation has hundreds of warnings of
    one rule; past COLLAPSE_AFTER, show the first SHOWN_WHEN_COLLAPSED so
    that the structural findings stay on the first screen.  Errors are
    never held back.
    """
    per_rule = Counter(d.code for d in diagnostics if d.severity is not Severity.ERROR)
    seen: Counter[str] = Counter()
    shown = []
    hidden: Counter[tuple[str, str]] = Counter()
    for d in diagnostics:
        if d.severity is Severity.ERROR:
            shown.append(d)
            continue
        seen[d.code] += 1
        if per_rule[d.code] > COLLAPSE_AFTER and seen[d.code] > SHOWN_WHEN_COLLAPSED:
            hidden[(d.path, d.code)] += 1
        else:
            shown.append(d)
    return shown, hidden


def _headline(d: Diagnostic, message: str | None = None) -> str:
    """The location line; `message` is the finding alone when a 建议 line follows."""
    where = click.style(f"{visible(d.path)}:{d.line}:{d.column}:", bold=True)
    code = click.style(d.code, fg=_STYLE[d.severity], bold=True)
    fixable = " [*]" if d.fix and d.fix.safe else ""
    return f"{where} {code}{fixable} [{d.severity.value}] {visible(message or d.message)}"


def _suggestion_line(d: Diagnostic) -> str:
    """The rule's fix title under the frame, as ruff's "= help:" line."""
    from reportlint.ruledocs import shown_suggestion

    return f"{' ' * len(str(d.line))} = 建议：{visible(shown_suggestion(d.suggestion))}"


def _frame(d: Diagnostic, width: int) -> list[str]:
    # A tab shows as up to eight columns but counts as none: one space keeps
    # the caret under the finding and each character where it was.
    line = visible(d.source_line.rstrip("\n")).replace("\t", " ")
    if not line.strip():
        return []
    gutter = " " * len(str(d.line))
    room = max(MIN_WIDTH, width) - len(gutter) - 3  # "NN | "
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = max(min(end, len(line), start + MAX_CARET), start + 1)
    # The finding itself, cut to leave room for an ellipsis on each side.
    while end > start + 1 and cell_len(line[start:end]) > room - 2:
        end -= 1
    lo, hi = _window(line, start, end, room - 2)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    shown = prefix + line[lo:hi] + suffix
    pad = cell_len(prefix + line[lo:start])
    caret = click.style("^" * max(1, cell_len(line[start:end])), fg=_STYLE[d.severity], bold=True)
    return [
        f"{gutter} |",
        f"{d.line} | {shown}",
        f"{gutter} | {' ' * pad}{caret}",
    ]


def _window(line: str, start: int, end: int, room: int) -> tuple[int, int]:
    """Widen [start, end) one character at a time on each side, context before
    and after in turn, while the text fits in `room` cells."""
    lo, hi = start, end
    used = cell_len(line[start:end])
    grew = True
    while grew:
        grew = False
        if lo > 0 and used + cell_len(line[lo - 1]) <= room:
            lo -= 1
            used += cell_len(line[lo])
            grew = True
        if hi < len(line) and used + cell_len(line[hi]) <= room:
            used += cell_len(line[hi])
            hi += 1
            grew = True
    # With the whole line in view, the two cells kept for ellipses are free.
    if lo == 0 and hi < len(line):
        while hi < len(line) and used + cell_len(line[hi]) <= room + 1:
            used += cell_len(line[hi])
            hi += 1
    return lo, hi


def _fix_line(d: Diagnostic) -> str:
    """What the fix does, e.g. 将“,”改为“，”, read off the finding's line."""
    assert d.fix is not None
    line_start = d.span.start - (d.column - 1)
    start, end = d.fix.span.start - line_start, d.fix.span.end - line_start
    line, new = d.source_line, d.fix.replacement
    if not 0 <= start <= len(line):
        change = f"改为“{visible(new)}”"
    elif end > len(line):  # the fix takes the line break (and what follows it)
        rest = line[start:]
        if not new and not rest.strip():
            change = "删去此处的换行，与下一行连起来"
        else:
            change = f"将“{visible(rest)}”及其后的换行改为“{visible(new)}”"
    elif line[start:end] and new:
        change = f"将“{visible(line[start:end])}”改为“{visible(new)}”"
    elif line[start:end]:
        change = f"删去“{visible(line[start:end])}”"
    else:
        change = f"插入“{visible(new)}”"
    note = "" if d.fix.safe else "（须确认：--fix --unsafe-fixes）"
    return f"{' ' * len(str(d.line))} = 修复：{change}{note}"


def _fixed_list(result: RunResult) -> list[str]:
    """--fix --show-fixes: what was fixed, per file and rule (ruff's enumeration)."""
    names = {rule.code: rule.name for rule in result.rules}
    out = [f"已修复 {result.fixed} 处："]
    for path in sorted(result.fixed_codes):
        out.append(f"- {visible(path)}：")
        for code, count in sorted(result.fixed_codes[path].items()):
            out.append(f"    {count} × {code}（{names.get(code, '')}）")
    out.append("")
    return out


def summary(result: RunResult) -> str:
    """One line for the whole run.  It never says 未发现问题 of a run in which
    files could not be read, and says so when nothing was checked at all."""
    tally = result.tally()
    counts = tally.severities
    unreadable = sum(1 for e in result.errors if e.code != "RL003")
    unwritten = len(result.errors) - unreadable
    parts = []
    if result.files_checked == 0:
        parts.append(
            f"没有检查任何文件：{unreadable} 个文件无法检查" if unreadable else "没有检查任何文件"
        )
    elif tally.total:
        by = "，".join(
            f"{s.label} {counts[s]}"
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if counts[s]
        )
        parts.append(f"共发现 {tally.total} 个问题（{by}），检查了 {result.files_checked} 个文件")
        if unreadable:
            parts.append(f"另有 {unreadable} 个文件无法检查")
    elif unreadable:
        parts.append(
            f"{unreadable} 个文件无法检查；其余 {result.files_checked} 个文件中没有发现问题"
        )
    else:
        parts.append(f"未发现问题，检查了 {result.files_checked} 个文件")
    if result.fixed:
        parts.append(f"已自动修复 {result.fixed} 处（{result.fixed_files} 个文件）")
    if tally.fixable:
        parts.append(f"其中 {tally.fixable} 个可用 --fix 自动修复")
    if unwritten:
        parts.append(f"{unwritten} 个文件的修复未能写入")
    if tally.below:
        below = tally.below
        listed = "，".join(f"{s.label} {n}" for s, n in sorted(below.items(), key=_rank))
        parts.append(f"低于 --min-severity 的 {below.total()} 个问题未显示（{listed}）")
    if result.excluded:
        parts.append(f"{result.excluded} 个文件按排除规则跳过")
    if result.baseline_hidden:
        parts.append(f"基线中已记录的 {result.baseline_hidden} 个问题未显示")
    if result.baseline_stale:
        parts.append(
            f"基线中有 {len(result.baseline_stale)} 条已不再出现（可用 --write-baseline 更新基线）"
        )
    return "；".join(parts) + "。"


SHARES_SHOWN = 10  # reports named in the line of copied shares; the rest are counted


def copied_lines(result: RunResult) -> list[str]:
    """The share of each report's text found in other reports (RL310), most
    first, when the reports were compared: one line above the summary."""
    compared = [info for info in result.reports if info.copied is not None]
    if not compared:
        return []
    found = sorted(
        ((info.copied, info.path) for info in compared if info.copied),
        key=lambda item: (-item[0], item[1]),
    )
    if not found:
        return [f"雷同文字：比较了 {len(compared)} 份报告，未发现与其他报告雷同的段落。"]
    listed = "，".join(f"{visible(path)} {share:.0%}" for share, path in found[:SHARES_SHOWN])
    more = f"，另有 {len(found) - SHARES_SHOWN} 份" if len(found) > SHARES_SHOWN else ""
    return [
        f"雷同文字占全文的比例：{listed}{more}"
        f"（比较了 {len(compared)} 份报告，{len(found)} 份有雷同段落）。"
    ]


def _rank(item: tuple[Severity, int]) -> int:
    return -item[0].rank
