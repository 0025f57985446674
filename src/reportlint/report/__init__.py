"""Stage 4, report: formatters over the diagnostics of a run.

A formatter is a function (RunResult, FormatOptions) -> str (bytes for a
binary format such as xlsx).  Positions in diagnostics are already 1-based
line/column in characters; formatters that need another unit (UTF-16 for
some editors) convert here, at the edge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from reportlint.checks import Diagnostic, Rule, Severity
from reportlint.checks.copies import Copied

if TYPE_CHECKING:
    from reportlint.document import Document
    from reportlint.report.spool import Counts, Spool

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


class FileError(NamedTuple):
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

    def outline(self) -> FileView:
        """The same view with only its most serious finding: what a table row
        shows, kept for every file while the findings are read one file at a time."""
        counts, verdict = self.counts, self.verdict
        info = self.info._replace(text=None) if self.info else None  # (html's, read again)
        view = _Outline(self.path, self.diagnostics[:1], info, self.error)
        view.kept = counts, verdict
        return view


class _Outline(FileView):
    """A FileView that remembers its counts and verdict instead of its findings."""

    __slots__ = ("kept",)
    kept: tuple[Counter[Severity], Verdict]

    @property
    def counts(self) -> Counter[Severity]:
        return self.kept[0]

    @property
    def verdict(self) -> Verdict:
        return self.kept[1]


class FileFindings(NamedTuple):
    """One file of a run as the formats read it, one file at a time."""

    path: str
    # In the order of Diagnostic.sort_key; file errors not among them, nor
    # findings below --min-severity.
    findings: list[Diagnostic]
    errors: list[FileError]  # (a file named twice and missing has two)
    info: ReportInfo | None  # None when the file could not be checked
    # The findings as the run's format writes them (RunResult.items_for), written
    # where the file was checked by a worker (check_paths' `items`); None when they
    # are not those (the batch rule's joined in, some below --min-severity left out).
    items: str | None = None
    # With per_file(items_for), the Counts of findings left unread (and empty).
    counts: Counts | None = None

    def with_errors(self) -> list[Diagnostic]:
        """The file's share of RunResult.all_diagnostics()."""
        if not self.errors:
            return self.findings
        errors = [e.as_diagnostic() for e in self.errors]
        return sorted(self.findings + errors, key=Diagnostic.sort_key)

    def view(self) -> FileView:
        """The file as RunResult.files() shows it."""
        error = self.errors[-1] if self.errors else None
        diagnostics = self.findings + ([error.as_diagnostic()] if error else [])
        return FileView(self.path, sorted(diagnostics, key=by_importance), self.info, error)


class Tally:
    """What a summary says of a run's findings, counted as they are read."""

    __slots__ = ("below", "failing", "fixable", "severities")

    def __init__(self) -> None:
        self.severities: Counter[Severity] = Counter()
        self.fixable = 0  # findings with a safe fix
        self.below: Counter[Severity] = Counter()  # left out by --min-severity
        self.failing = False  # a finding at or above its file's fail level

    @property
    def total(self) -> int:
        return sum(self.severities.values())

    def add(self, file: FileFindings, below: list[Diagnostic]) -> None:
        if file.counts is not None:
            self._add_counts(file, file.counts)
            return
        self.severities.update(d.severity for d in file.findings)
        self.fixable += sum(1 for d in file.findings if d.fix and d.fix.safe)
        self.below.update(d.severity for d in below)
        if file.info is not None and not self.failing:
            level = file.info.fail_level.rank
            self.failing = any(d.severity.rank >= level for d in file.findings)

    def _add_counts(self, file: FileFindings, counts: Counts) -> None:
        *by_severity, fixable = counts
        found = dict(zip(_COUNTED, by_severity, strict=True))
        self.severities.update({severity: n for severity, n in found.items() if n})
        self.fixable += fixable
        if file.info is not None and not self.failing:
            level = file.info.fail_level.rank
            self.failing = any(n and s.rank >= level for s, n in found.items())


# The order of the severities in a record's Counts (report.spool.counts_of).
_COUNTED = (Severity.ERROR, Severity.WARNING, Severity.INFO)


VERDICT_LABELS: dict[Verdict, str] = {"pass": "通过", "fail": "未通过", "unreadable": "无法检查"}


# A run's findings, infos and file errors by path.
_Lookup = tuple[dict[str, list[Diagnostic]], dict[str, ReportInfo], dict[str, list[FileError]]]


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
    # when the format shows it and the findings are not spooled).
    reports: list[ReportInfo] = field(default_factory=list)
    fixed_codes: dict[str, dict[str, int]] = field(default_factory=dict)  # path -> code -> fixes
    # --min-severity: findings below it are left out of every file read.
    min_severity: Severity | None = None
    # Files named on the command line that an exclusion skipped (--force-exclude).
    excluded: int = 0
    # The findings (and, when kept, the texts) went to a temporary file as each
    # file was checked, and are read back a file at a time: `diagnostics` holds
    # only the batch rule's, which came at the end.
    spooled: Spool | None = None
    # RL310: every paragraph found in another report, in file order.
    copies: list[Copied] = field(default_factory=list)
    # Counted by the last complete per_file() pass.
    counted: Tally | None = None
    # The format (and its options) whose items each file's findings were written as
    # where it was checked (check_paths' `items`), when they were.
    items_for: ItemsFor | None = None
    # The lookup by path and the lists (and their lengths) it was made from.
    _grouped: tuple[tuple[list[Any], ...], list[int], _Lookup] | None = None

    def all_diagnostics(self) -> list[Diagnostic]:
        """File errors first-class among the findings, in path order."""
        return [d for file in self.per_file() for d in file.with_errors()]

    def files(self) -> list[FileView]:
        """Every file of the run, in path order, readable or not."""
        return [file.view() for file in self.per_file()]

    def paths(self) -> list[str]:
        """Every file of the run, checked or not, in path order."""
        found = {info.path for info in self.reports} | {e.path for e in self.errors}
        found.update(self._lookup()[0])
        if self.spooled is not None:
            found.update(self.spooled.paths())
        return sorted(found)

    def per_file(self, items_for: ItemsFor | None = None) -> Iterator[FileFindings]:
        """Each file of the run in path order, read one at a time (from the
        temporary file when spooled); a complete pass leaves its Tally in `counted`.
        A format that asks with the items the run wrote (`items_for`) gets a file
        whose items stand with them and their Counts, its findings left unread."""
        tally = Tally()
        items = items_for is not None and items_for == self.items_for
        for path in self.paths():
            file, below = self._items_or_file(path) if items else self._file(path)
            tally.add(file, below)
            yield file
        self.counted = tally

    def items_of(self, file: FileFindings, items_for: ItemsFor) -> str | None:
        """The file's findings as written where it was checked, when they were
        written for `items_for` and stand for all of them."""
        if file.items is None or file.errors or items_for != self.items_for:
            return None
        return file.items

    def file(self, path: str) -> FileFindings:
        return self._file(path)[0]

    def tally(self) -> Tally:
        if self.counted is None:
            for _ in self.per_file():
                pass
        assert self.counted is not None
        return self.counted

    def _items_or_file(self, path: str) -> tuple[FileFindings, list[Diagnostic]]:
        by_path, infos, errors = self._lookup()
        if (
            self.spooled is not None
            and self.min_severity is None
            and path not in by_path  # (the batch rule's findings are joined in)
            and path not in errors
            and path in self.spooled.paths()
            and (items := self.spooled.read_items(path)) is not None
        ):
            rendered, counts = items
            return FileFindings(path, [], [], infos.get(path), rendered, counts), []
        return self._file(path)

    def _file(self, path: str) -> tuple[FileFindings, list[Diagnostic]]:
        by_path, infos, errors = self._lookup()
        info = infos.get(path)
        findings = by_path.get(path, [])
        items = None
        if self.spooled is not None and path in self.spooled.paths():
            kept, text, items, _ = self.spooled.read(path)
            if findings:  # the batch rule's, placed as a sort of the whole run places them
                kept = sorted(kept + findings, key=Diagnostic.sort_key)
                items = None
            findings = kept
            if info is not None and text is not None:
                info = info._replace(text=text)
        below: list[Diagnostic] = []
        if self.min_severity is not None:
            floor = self.min_severity.rank
            below = [d for d in findings if d.severity.rank < floor]
            if below:
                findings = [d for d in findings if d.severity.rank >= floor]
                items = None
        return FileFindings(path, findings, errors.get(path, []), info, items), below

    def _lookup(self) -> _Lookup:
        # Made again when one of the lists was replaced or grew (the CLI sets
        # `diagnostics` after a baseline; the batch rule adds to `reports`).
        lists = (self.diagnostics, self.reports, self.errors)
        if (
            self._grouped is None
            or any(a is not b for a, b in zip(self._grouped[0], lists, strict=True))
            or self._grouped[1] != [len(kept) for kept in lists]
        ):
            groups: dict[str, list[Diagnostic]] = {}
            for d in self.diagnostics:
                groups.setdefault(d.path, []).append(d)
            for group in groups.values():
                group.sort(key=Diagnostic.sort_key)
            errors: dict[str, list[FileError]] = {}
            for error in self.errors:
                errors.setdefault(error.path, []).append(error)
            infos = {info.path: info for info in self.reports}
            self._grouped = lists, [len(kept) for kept in lists], (groups, infos, errors)
        return self._grouped[2]

    def subset(self, view: FileView) -> RunResult:
        """This run narrowed to one file (--split-per-file)."""
        file, below = self._file(view.path)
        return RunResult(
            diagnostics=sorted(file.findings + below, key=Diagnostic.sort_key),
            errors=[view.error] if view.error else [],
            files_checked=int(view.info is not None),
            checked_paths=[view.path] if view.info is not None else [],
            rules=self.rules,
            reports=[file.info] if file.info else [],
            min_severity=self.min_severity,
            copies=[c for c in self.copies if c.path == view.path],
        )


class FormatOptions(NamedTuple):
    """How the human-readable formats lay findings out."""

    show_all: bool = False  # --show-all: no grouping of repeated warnings
    show_fixes: bool = False  # --show-fixes: each fix's replacement under its finding
    width: int = 80  # terminal columns that a code frame must fit in
    quiet: bool = False  # --quiet: the findings only, no summary line


# A format by its name, and the options it writes with when they change what it
# writes of a file (None for json).
ItemsFor = tuple[str, "FormatOptions | None"]


class Items(NamedTuple):
    """A format's writing of one file's findings, done where the file is checked
    when there are worker processes (check_paths' `items`): json's items, the
    text format's lines."""

    made_for: ItemsFor
    render: Callable[[list[Diagnostic]], str]


Formatter = Callable[[RunResult, FormatOptions], "str | bytes"]
# A formatter's output a piece at a time (a file's findings, or a part that
# counts of the whole run decide), for output written as it is made.
Writer = Callable[[RunResult, FormatOptions], "Iterable[str] | Iterable[bytes]"]


def joined(chunks: Iterable[list[str]]) -> Iterator[str]:
    """All the lines of the chunks joined by line breaks, a chunk at a time."""
    first = True
    for lines in chunks:
        if lines:
            text = "\n".join(lines)
            yield text if first else "\n" + text
            first = False


def without_trailing_newlines(chunks: Iterable[str]) -> Iterator[str]:
    """The chunks' text without the line breaks that end the whole of it."""
    held = ""
    for chunk in chunks:
        text = held + chunk
        kept = text.rstrip("\n")
        if kept:
            yield kept
        held = text[len(kept) :]


def json_list(parts: Iterable[str]) -> Iterator[str]:
    """A JSON list (as json.dumps(..., indent=2) writes it) from the text of its
    items a file at a time, each part already indented one level; empty parts
    are files with nothing to list."""
    opened = False
    for part in parts:
        if part:
            yield ("[\n" if not opened else ",\n") + part
            opened = True
    yield "\n]" if opened else "[]"


def rule_counts(result: RunResult) -> tuple[Counter[str], dict[str, str], set[str]]:
    """Findings (file errors among them) per rule code, each code's rule name,
    and the codes with a safe fix: --statistics."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable: set[str] = set()
    for file in result.per_file():
        for d in file.with_errors():
            counts[d.code] += 1
            names[d.code] = d.rule
            if d.fix and d.fix.safe:
                fixable.add(d.code)
    return counts, names, fixable


def get_formatter(name: str) -> Formatter:
    writer = get_writer(name)
    if name in BINARY_FORMATS:
        return lambda result, options: b"".join(cast("Iterable[bytes]", writer(result, options)))
    return lambda result, options: "".join(cast("Iterable[str]", writer(result, options)))


def get_writer(name: str) -> Writer:
    # Imported on use: a run pays only for the formatter it prints with.
    if name in PER_REPORT_FORMATS:
        raise ValueError(f"{name} is written per report, from its file, by reportlint.annotate")
    if name == "json":
        from reportlint.report.json_format import write_json

        return write_json
    if name == "github":
        from reportlint.report.github import write_github

        return write_github
    if name == "gitlab":
        from reportlint.report.gitlab import write_gitlab

        return write_gitlab
    if name == "sarif":
        from reportlint.report.sarif import write_sarif

        return write_sarif
    if name == "junit":
        from reportlint.report.junit import write_junit

        return write_junit
    if name == "csv":
        from reportlint.report.csv_format import write_csv

        return write_csv
    if name == "html":
        from reportlint.report.html import write_html

        return write_html
    if name == "xlsx":
        from reportlint.report.xlsx import write_xlsx

        return write_xlsx
    if name == "markdown":
        from reportlint.report.markdown import write_markdown

        return write_markdown
    if name == "concise":
        from reportlint.report.text import write_concise

        return write_concise
    from reportlint.report.text import write_text

    return write_text


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
# Formats that write each finding's fingerprint: it is hashed where the file is checked.
FINGERPRINT_FORMATS = ("json", "csv", "gitlab", "sarif")
