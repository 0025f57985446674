"""Stage 4, report: formatters over the diagnostics of a run.

A formatter is a function (RunResult, FormatOptions) -> str.  Positions in
diagnostics are already 1-based line/column in characters; formatters that
need another unit (UTF-16 for some editors) convert here, at the edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlint.checks import Diagnostic, Rule, Severity

# C0 controls (but tab and line breaks) and DEL: a bad copy leaves them in a
# report, and neither a terminal nor XML 1.0 may be given them raw.
_CONTROL = str.maketrans(
    {c: 0x2400 + c for c in range(32) if chr(c) not in "\t\n\r"} | {0x7F: 0x2421}
)


def visible(text: str) -> str:
    """Control characters as their pictures (BEL as ␇, ESC as ␛): one character
    each, so columns stay where they were."""
    return text.translate(_CONTROL)


# What a file error's code means (`reportlint rule RL001`): not rules, since no
# check finds them, but they appear in the output like findings.
FILE_ERRORS = {
    ("RL001", "unreadable-file"): "文件无法检查：不存在、无权限、为空、是二进制或无法解码、"
    "格式不支持（旧版 .doc/.wps、RTF、扫描件 PDF 等）或过大。消息写明原因和处理办法；"
    "其他文件照常检查，退出码为 2。",
    ("RL002", "internal-error"): "reportlint 自身在检查这个文件时出错（这是 reportlint 的问题，"
    "请报告）；其他文件照常检查，退出码为 2，加 --debug 可看到详细信息。",
    (
        "RL003",
        "fix-not-written",
    ): "--fix 未能写回文件（只读、混用换行符、修复后的文字无法用原编码保存等）；"
    "文件保持原样，仍报告其中的问题。",
}


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be checked at all (unreadable, binary, empty...)."""

    path: str
    message: str
    code: str = "RL001"
    rule: str = "unreadable-file"

    def as_diagnostic(self) -> Diagnostic:
        from reportlint.document import Span

        return Diagnostic(
            path=self.path,
            code=self.code,
            rule=self.rule,
            severity=Severity.ERROR,
            message=self.message,
            span=Span(0, 0),
            line=1,
            column=1,
            end_line=1,
            end_column=1,
            source_line="",
        )


def by_importance(d: Diagnostic) -> tuple[int, int, int, str]:
    """Within one file: errors first, then warnings, then notes; each by position."""
    return (-d.severity.rank, d.line, d.column, d.code)


@dataclass(slots=True)
class RunResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files_checked: int = 0
    fixed: int = 0  # fixes applied (or, with --diff, that would be)
    fixed_files: int = 0
    diffs: list[str] = field(default_factory=list)  # --diff: one unified diff per file
    checked_paths: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)  # every rule that ran, in code order
    # --baseline: findings hidden as already known, and recorded findings
    # that a checked file no longer has ("path: CODE message").
    baseline_hidden: int = 0
    baseline_stale: list[str] = field(default_factory=list)
    fixed_codes: dict[str, dict[str, int]] = field(default_factory=dict)  # path -> code -> fixes
    # --min-severity: the findings left out of the report.
    below_minimum: list[Diagnostic] = field(default_factory=list)
    # Files named on the command line that an exclusion skipped (--force-exclude).
    excluded: int = 0

    def all_diagnostics(self) -> list[Diagnostic]:
        """File errors first-class among the findings, in path order."""
        merged = self.diagnostics + [e.as_diagnostic() for e in self.errors]
        return sorted(merged, key=Diagnostic.sort_key)


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """How the human-readable formats lay findings out."""

    show_all: bool = False  # --show-all: no grouping of repeated warnings
    show_fixes: bool = False  # --show-fixes: each fix's replacement under its finding
    width: int = 80  # terminal columns that a code frame must fit in
    quiet: bool = False  # --quiet: the findings only, no summary line


Formatter = Callable[[RunResult, FormatOptions], str]


def get_formatter(name: str) -> Formatter:
    # Imported on use: a run pays only for the formatter it prints with.
    if name == "json":
        from reportlint.report.json_format import format_json

        return format_json
    if name == "github":
        from reportlint.report.github import format_github

        return format_github
    if name == "sarif":
        from reportlint.report.sarif import format_sarif

        return format_sarif
    if name == "junit":
        from reportlint.report.junit import format_junit

        return format_junit
    if name == "csv":
        from reportlint.report.csv_format import format_csv

        return format_csv
    if name == "concise":
        from reportlint.report.text import format_concise

        return format_concise
    from reportlint.report.text import format_text

    return format_text


FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "csv")
