"""Stage 4, report: formatters over the diagnostics of a run.

A formatter is a function (RunResult, FormatOptions) -> str (bytes for a
binary format such as xlsx).  Positions in diagnostics are already 1-based
line/column in characters; formatters that need another unit (UTF-16 for
some editors) convert here, at the edge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

from reportlint.checks import Diagnostic, Rule, Severity
from reportlint.checks.copies import Copied

if TYPE_CHECKING:
    from reportlint.document import Document

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


# ReportInfo and FormatOptions are NamedTuples and FileView a plain class:
# every run imports this module, and a frozen slotted dataclass costs about a
# millisecond to create at import.
class ReportInfo(NamedTuple):
    """What a per-report view (HTML, Excel, the web page) shows beside the
    findings, read from the parsed report."""

    path: str
    title: str  # as written, line breaks inside it dropped; "" when none was found
    issuer: str  # the 落款's issuing body; "" when the report has none
    year: int | None  # the year the report covers, as read (or configured)
    fail_level: Severity  # the lowest severity that fails this file
    text: str | None = None  # the text the findings' spans index; kept only when asked
    # The share of its text found copied from other reports (RL310 copied-text);
    # None when it was not compared (the rule off, or nothing to compare with).
    copied: float | None = None

    @classmethod
    def of(cls, doc: Document, fail_level: Severity, keep_text: bool = False) -> ReportInfo:
        def original(start: int, end: int) -> str:
            span = doc.span(start, end)
            return "".join(doc.text[span.start : span.end].split())

        issuer = doc.signature.issuer if doc.signature else None
        return cls(
            path=doc.path,
            title="".join(original(p.start, p.end) for p in doc.title),
            issuer=original(issuer.start, issuer.end) if issuer else "",
            year=doc.report_year,
            fail_level=fail_level,
            text=doc.text if keep_text else None,
        )


Verdict = Literal["pass", "fail", "unreadable"]


def by_importance(d: Diagnostic) -> tuple[int, int, int, str]:
    """Within one file: errors first, then warnings, then notes; each by position."""
    return (-d.severity.rank, d.line, d.column, d.code)


class FileView:
    """One file of a run, for the per-report formats: its findings (most
    serious first), what was read from it, and whether it could be read."""

    __slots__ = ("diagnostics", "error", "info", "path")

    def __init__(
        self,
        path: str,
        diagnostics: list[Diagnostic],
        info: ReportInfo | None = None,
        error: FileError | None = None,
    ) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.info = info
        self.error = error

    @property
    def counts(self) -> Counter[Severity]:
        return Counter(d.severity for d in self.diagnostics)

    @property
    def verdict(self) -> Verdict:
        if self.info is None:
            return "unreadable"
        failing = self.error is not None or any(
            d.severity.rank >= self.info.fail_level.rank for d in self.diagnostics
        )
        return "fail" if failing else "pass"

    @property
    def worst(self) -> Diagnostic | None:
        return self.diagnostics[0] if self.diagnostics else None


VERDICT_LABELS: dict[Verdict, str] = {"pass": "通过", "fail": "未通过", "unreadable": "无法检查"}


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
    # One per checked file, in file order: title, issuer, year (and the text
    # when the format shows it).
    reports: list[ReportInfo] = field(default_factory=list)
    fixed_codes: dict[str, dict[str, int]] = field(default_factory=dict)  # path -> code -> fixes
    # --min-severity: the findings left out of the report.
    below_minimum: list[Diagnostic] = field(default_factory=list)
    # Files named on the command line that an exclusion skipped (--force-exclude).
    excluded: int = 0
    # The findings went to check_paths' `on_file` as each file was checked and
    # are not kept here (`diagnostics` is empty).
    streamed: bool = False
    # RL310: every paragraph found in another report, in file order.
    copies: list[Copied] = field(default_factory=list)

    def all_diagnostics(self) -> list[Diagnostic]:
        """File errors first-class among the findings, in path order."""
        merged = self.diagnostics + [e.as_diagnostic() for e in self.errors]
        return sorted(merged, key=Diagnostic.sort_key)

    def files(self) -> list[FileView]:
        """Every file of the run, in path order, readable or not."""
        views: dict[str, FileView] = {}
        for info in self.reports:
            views[info.path] = FileView(info.path, [], info=info)
        for error in self.errors:
            view = views.setdefault(error.path, FileView(error.path, []))
            view.error = error
        for d in self.diagnostics:
            views.setdefault(d.path, FileView(d.path, [])).diagnostics.append(d)
        for view in views.values():
            if view.error is not None:
                view.diagnostics.append(view.error.as_diagnostic())
            view.diagnostics.sort(key=by_importance)
        return [views[path] for path in sorted(views)]

    def subset(self, view: FileView) -> RunResult:
        """This run narrowed to one file (--split-per-file)."""
        return RunResult(
            diagnostics=[d for d in self.diagnostics if d.path == view.path],
            errors=[view.error] if view.error else [],
            files_checked=int(view.info is not None),
            checked_paths=[view.path] if view.info is not None else [],
            rules=self.rules,
            reports=[view.info] if view.info else [],
            below_minimum=[d for d in self.below_minimum if d.path == view.path],
            copies=[c for c in self.copies if c.path == view.path],
        )


class FormatOptions(NamedTuple):
    """How the human-readable formats lay findings out."""

    show_all: bool = False  # --show-all: no grouping of repeated warnings
    show_fixes: bool = False  # --show-fixes: each fix's replacement under its finding
    width: int = 80  # terminal columns that a code frame must fit in
    quiet: bool = False  # --quiet: the findings only, no summary line


Formatter = Callable[[RunResult, FormatOptions], "str | bytes"]


def get_formatter(name: str) -> Formatter:
    # Imported on use: a run pays only for the formatter it prints with.
    if name in PER_REPORT_FORMATS:
        raise ValueError(f"{name} is written per report, from its file, by reportlint.annotate")
    if name == "json":
        from reportlint.report.json_format import format_json

        return format_json
    if name == "github":
        from reportlint.report.github import format_github

        return format_github
    if name == "gitlab":
        from reportlint.report.gitlab import format_gitlab

        return format_gitlab
    if name == "sarif":
        from reportlint.report.sarif import format_sarif

        return format_sarif
    if name == "junit":
        from reportlint.report.junit import format_junit

        return format_junit
    if name == "csv":
        from reportlint.report.csv_format import format_csv

        return format_csv
    if name == "html":
        from reportlint.report.html import format_html

        return format_html
    if name == "xlsx":
        from reportlint.report.xlsx import format_xlsx

        return format_xlsx
    if name == "markdown":
        from reportlint.report.markdown import format_markdown

        return format_markdown
    if name == "concise":
        from reportlint.report.text import format_concise

        return format_concise
    from reportlint.report.text import format_text

    return format_text


# The file name extension of each format, for --output-dir.
EXTENSIONS = {
    "text": ".txt",
    "concise": ".txt",
    "json": ".json",
    "sarif": ".sarif",
    "github": ".txt",
    "gitlab": ".json",
    "junit": ".xml",
    "csv": ".csv",
    "html": ".html",
    "xlsx": ".xlsx",
    "markdown": ".md",
    "docx": ".docx",
}
FORMATS = tuple(EXTENSIONS)
BINARY_FORMATS = ("xlsx", "docx")
# Formats that are no formatter over a run but a copy of each report file
# (--split-per-file only): docx, the report with a Word comment per finding.
PER_REPORT_FORMATS = ("docx",)
