"""One run: find the files, then for each: load -> parse -> check (-> fix).

A file that cannot be read becomes a FileError and the run goes on.  Files
are processed one at a time and their Documents dropped; with `spool`, their
findings go to a temporary file as they come (report.spool), so memory stays
flat however many reports a reviewer checks and however much is found.  Enough files are spread over
worker processes; results are merged back in file order, so the output does
not depend on which worker finished first.

A batch rule (kind `copies`: paragraphs copied between reports) is the one
exception to "one file at a time": each report's fingerprints are taken
where it is parsed and gathered here, with those of the reports given with
`--against`, and its findings are made once every report has been read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from reportlint.checks import CheckCrash, Diagnostic, Rule, RuleSet
from reportlint.checks.copies import Copies
from reportlint.config import Configuration
from reportlint.document import Document, parse
from reportlint.fix import FixError, encode, fix_source, unified_diff, write_atomically
from reportlint.load import (
    DEFAULT_MAX_BYTES,
    REPORT_SUFFIXES,
    STDIN_NAME,
    UNREADABLE_SUFFIXES,
    LoadError,
    Source,
    is_review_copy,
    load_path,
)
from reportlint.report import FileError, Items, ReportInfo, RunResult

if TYPE_CHECKING:
    from reportlint.copies import CopyIndex, ReportPrints

FixMode = Literal["fix", "diff"]

# A repository's own documents, which a walk meets beside the reports (a
# README.md is a known type): skipped in walks, checked when named.
NOT_REPORTS = frozenset({"README", "CHANGELOG", "CHANGES", "CONTRIBUTING", "LICENSE", "HISTORY"})

# Below this many files a run stays in one process: starting workers costs
# more than it saves (bench/parallel.py measures the break-even).
PARALLEL_MIN_FILES = 60


def collect(
    paths: Iterable[str],
    config: Configuration,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    skipped: list[str] | None = None,
) -> Iterator[str | FileError]:
    """Files to check, in a stable order: as given, directories walked sorted.

    `exclude`, `.reportlintignore` and `.gitignore` files prune directory
    walks; a file named on the command line is checked anyway unless
    `force_exclude` (pre-commit names every staged file, so its hook sets
    it), and then it is added to `skipped`.
    """
    seen: set[str] = set()  # a file named twice, or also inside a named folder, once

    def first_time(name: str) -> bool:
        key = name if name == STDIN_NAME else os.path.realpath(name)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        path = Path(raw)
        if raw == STDIN_NAME:
            found: Iterable[str | FileError] = [raw]
        elif path.is_dir():
            found = _walk(path, config, respect_gitignore)
        elif path.exists() or path.is_symlink():
            found = [raw]
            if force_exclude and config.is_excluded(path):
                found = []
                if skipped is not None:
                    skipped.append(raw)
        else:
            found = [FileError(raw, "文件不存在")]
        yield from (item for item in found if isinstance(item, FileError) or first_time(item))


def _walk(top: Path, config: Configuration, respect_gitignore: bool) -> Iterator[str | FileError]:
    # os.walk follows directory links so a linked folder of reports is
    # checked; each real directory is entered once, which ends a link loop.
    seen: set[str] = set()
    found: list[str | FileError] = []
    gitignore = None
    if respect_gitignore:
        from reportlint.gitignore import GitIgnore

        gitignore = GitIgnore(top)

    def unreadable(error: OSError) -> None:
        found.append(FileError(error.filename or str(top), f"无法读取目录：{error.strerror}"))

    for folder, dirs, files in os.walk(top, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            found.append(FileError(folder, "目录的符号链接形成循环，已跳过"))
            dirs[:] = []
            continue
        seen.add(real)
        if gitignore is not None:
            gitignore.enter(Path(folder))
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".")
            and not config.is_excluded(Path(folder, d), directory=True)
            and not (gitignore and gitignore.ignored(Path(folder, d), directory=True))
        ]
        # An old .doc kept beside the .docx it was saved as is that report.
        readable = {
            Path(name).stem for name in files if Path(name).suffix.lower() in REPORT_SUFFIXES
        }
        for name in files:
            file = Path(folder, name)
            suffix = file.suffix.lower()
            if (
                not name.startswith((".", "~$"))  # hidden files, Word's lock files
                and (
                    suffix in REPORT_SUFFIXES
                    or (suffix in UNREADABLE_SUFFIXES and file.stem not in readable)
                )
                and file.stem.upper() not in NOT_REPORTS
                and not is_review_copy(file)  # reportlint's own copy with comments
                and not config.is_excluded(file)
                and not (gitignore and gitignore.ignored(file))
            ):
                found.append(str(file))
    yield from sorted(found, key=lambda item: item if isinstance(item, str) else item.path)


@dataclass(slots=True)
class FileOutcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: FileError | None = None
    info: ReportInfo | None = None  # set when the file was checked
    fixed: int = 0
    diff: str = ""
    fixed_codes: dict[str, int] = field(default_factory=dict)  # fixes applied, by rule
    prints: ReportPrints | None = None  # for the batch rule, when it runs
    # With check_paths' `spool`: the findings and the text a format shows,
    # encoded for the spool, in place of `diagnostics` and `info.text`.
    encoded: bytes | None = None


def check_paths(
    paths: Iterable[str],
    config: Configuration,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fix: FixMode | None = None,
    unsafe_fixes: bool = False,
    jobs: int | None = None,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    keep_text: bool = False,
    against: Sequence[str] = (),
    spool: bool = False,
    fingerprints: bool = False,
    write_items: Items | None = None,
) -> RunResult:
    """Check every file; `jobs` None picks the number of workers itself.
    `keep_text` keeps each report's text in the result, for formats that show it.
    `against`: earlier reports (files or folders) the batch rule compares with.
    `spool`: each file's findings (and text) are encoded where the file is
    checked and kept in a temporary file (`result.spooled`, closed by the
    caller), not in `result.diagnostics`, which keeps only the batch rule's;
    with `fingerprints` (a format that shows them), each finding's is hashed
    there too, not in the one process that writes the output; with `write_items`
    (json or text), each file's findings are written as that format writes them
    in the workers too, when there are several (FileFindings.items)."""
    skipped: list[str] = []
    items = list(collect(paths, config, force_exclude, respect_gitignore, skipped))
    files = [item for item in items if isinstance(item, str)]
    used: dict[str, Rule] = {}
    for file in files:  # settle configuration errors before any work starts
        used.update((rule.code, rule) for rule in config.rules_for(file).rules)
    rules = sorted(used.values(), key=lambda rule: rule.code)
    batch = next((rule for rule in rules if isinstance(rule.check, Copies)), None)
    earlier: list[str | FileError] = []
    if batch is not None:
        earlier = _earlier(against, config, respect_gitignore, files)
        if len(files) + sum(isinstance(e, str) for e in earlier) < 2:
            batch = None  # nothing to compare with: the run does not pay for it
    index = gather = None
    if batch is not None:
        from reportlint.copies import CopyIndex

        assert isinstance(batch.check, Copies)
        index = CopyIndex(batch.check)
        add = index.add

        def gather(path: str, prints: ReportPrints) -> None:
            rule = _batch_rule(config.rules_for(path))
            if rule is not None:  # (a worker fingerprints only a report with the rule)
                add(prints, rule)

    tasks = [(file, False) for file in files] + [(e, True) for e in earlier if isinstance(e, str)]
    workers = _workers(jobs, [path for path, _ in tasks])
    # (in one process the items would be written by the same process either way)
    write_items = write_items if workers > 1 and spool else None
    task = _Task(
        config, max_bytes, fix, unsafe_fixes, keep_text, batch, spool, fingerprints, write_items
    )
    outcomes: Iterator[FileOutcome]
    if workers > 1:
        import multiprocessing  # only a large run pays for it

        context = multiprocessing.get_context("fork")
        global _TASK
        _TASK = task  # a forked worker inherits it; nothing is pickled but paths
        with context.Pool(workers) as pool:
            outcomes = iter(pool.imap(_run_task, tasks, chunksize=_chunk(len(tasks), workers)))
            result = _merge(items, outcomes, rules, spool, gather)
            _gather_earlier(earlier, outcomes, result, index)
        _TASK = None
    else:
        outcomes = (task(*item) for item in tasks)
        result = _merge(items, outcomes, rules, spool, gather)
        _gather_earlier(earlier, outcomes, result, index)
    if index is not None:
        _add_copies(result, index)
    result.excluded = len(skipped)
    result.items_for = write_items.made_for if write_items is not None else None
    return result


def _earlier(
    against: Sequence[str], config: Configuration, respect_gitignore: bool, files: list[str]
) -> list[str | FileError]:
    """The reports of --against, less any that the run checks itself."""
    if not against:
        return []
    checked = {os.path.realpath(f) for f in files if f != STDIN_NAME}
    found = collect(against, config, respect_gitignore=respect_gitignore)
    return [
        item
        if isinstance(item, str)
        else item._replace(message=f"无法用于比对（--against）：{item.message}")
        for item in found
        if not isinstance(item, str) or os.path.realpath(item) not in checked
    ]


def _gather_earlier(
    earlier: list[str | FileError],
    outcomes: Iterator[FileOutcome],
    result: RunResult,
    index: CopyIndex | None,
) -> None:
    for item in earlier:
        if isinstance(item, FileError):
            result.errors.append(item)
            continue
        outcome = next(outcomes)
        if outcome.error:
            result.errors.append(outcome.error)
        if outcome.prints is not None and index is not None:
            index.add(outcome.prints, None)


def _add_copies(result: RunResult, index: CopyIndex) -> None:
    """The batch rule's findings, and each report's share of copied text."""
    try:
        found = index.find()
    finally:
        index.close()
    rank = {path: i for i, path in enumerate(result.checked_paths)}
    result.diagnostics.extend(found.diagnostics)
    result.copies = found.copies
    result.diagnostics.sort(key=lambda d: (rank.get(d.path, -1), d.line, d.column, d.code))
    result.reports = [info._replace(copied=found.shares.get(info.path)) for info in result.reports]


def _merge(
    items: list[str | FileError],
    outcomes: Iterator[FileOutcome],
    rules: list[Rule],
    spool: bool = False,
    gather: Callable[[str, ReportPrints], None] | None = None,
) -> RunResult:
    """Outcomes in file order, file errors where the files were named; the
    batch rule's fingerprints to `gather` (and dropped here); with `spool`,
    each file's findings to a temporary file (encoded where it was checked)."""
    result = RunResult(rules=rules)
    kept = None
    if spool:
        from reportlint.report.spool import Spool

        kept = result.spooled = Spool()
    for item in items:
        if isinstance(item, FileError):
            result.errors.append(item)
            continue
        outcome = next(outcomes)
        if outcome.prints is not None and gather is not None:
            gather(item, outcome.prints)
        if kept is not None and outcome.encoded is not None:
            kept.add(item, outcome.encoded)
        result.diagnostics.extend(outcome.diagnostics)
        if outcome.info:
            result.files_checked += 1
            result.checked_paths.append(item)
            result.reports.append(outcome.info)
        if outcome.error:
            result.errors.append(outcome.error)
        if outcome.fixed:
            result.fixed += outcome.fixed
            result.fixed_files += 1
            result.fixed_codes[item] = outcome.fixed_codes
        if outcome.diff:
            result.diffs.append(outcome.diff)
    return result


def _batch_rule(rules: RuleSet) -> Rule | None:
    return next((rule for rule in rules.rules if isinstance(rule.check, Copies)), None)


def _workers(jobs: int | None, files: list[str]) -> int:
    # Workers are forked: they inherit the rules instead of rebuilding them.
    if STDIN_NAME in files or not hasattr(os, "fork"):
        return 1
    if jobs is not None:
        return max(1, min(jobs, len(files)))
    if len(files) < PARALLEL_MIN_FILES:
        return 1
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1, 8)


def _chunk(count: int, workers: int) -> int:
    return max(1, min(32, count // (workers * 4)))


_TASK: _Task | None = None


def _run_task(task: tuple[str, bool]) -> FileOutcome:
    assert _TASK is not None
    return _TASK(*task)


class _Task(NamedTuple):
    config: Configuration
    max_bytes: int
    fix: FixMode | None
    unsafe: bool
    keep_text: bool = False
    batch: Rule | None = None  # the batch rule, when the run gathers fingerprints
    spool: bool = False
    fingerprints: bool = False
    write_items: Items | None = None

    def __call__(self, path: str, earlier: bool = False) -> FileOutcome:
        """Check the report; or, `earlier` (--against), only fingerprint it."""
        outcome = self._check(path, earlier)
        text = outcome.info.text if outcome.info else None
        if self.spool and (outcome.diagnostics or text is not None):
            from reportlint.report.spool import encode

            found = outcome.diagnostics
            if self.fingerprints:
                found = [d._replace(hashed=d.fingerprint, context=None) for d in found]
            rendered = self.write_items.render(found) if self.write_items else None
            outcome.encoded = encode(found, text, rendered)
            outcome.diagnostics = []
            if outcome.info:
                outcome.info = outcome.info._replace(text=None)
        return outcome

    def _check(self, path: str, earlier: bool) -> FileOutcome:
        try:
            source = load_path(path, max_bytes=self.max_bytes)
        except LoadError as exc:
            why = "无法用于比对（--against）" if earlier else "无法检查"
            return FileOutcome(error=FileError(path, f"{why}：{exc}"))
        if earlier:
            assert self.batch is not None
            try:  # its own year: --report-year is the year of the reports checked
                return FileOutcome(prints=self.prints(_parse(source), RuleSet([self.batch])))
            except CheckCrash as exc:
                return FileOutcome(error=FileError(path, str(exc), "RL002", "internal-error"))
        rules = self.config.rules_for(path)
        settings = self.config.settings_for(path)
        year = settings.report_year
        try:
            if source.format != "text" or self.fix is None:
                doc = _parse(source, year)
                found = rules.run(doc)
                if source.format != "text":
                    # Text taken out of a .docx/.html/.pdf cannot be written back:
                    # its findings are not offered as fixes.
                    found = [d._replace(fix=None) for d in found]
                info = ReportInfo.of(doc, settings.fail_level, self.keep_text)
                return FileOutcome(found, info=info, prints=self.prints(doc, rules))
            describe = _Describe(self, source, year, rules)
            outcome = _fix_one(source, rules, year, self.fix, self.unsafe, describe)
            outcome.prints = describe.prints
            return outcome
        except CheckCrash as exc:  # a bug of ours: say so, check the other files
            return FileOutcome(error=FileError(path, str(exc), "RL002", "internal-error"))

    def prints(self, doc: Document, rules: RuleSet) -> ReportPrints | None:
        """The report's fingerprints, when the run gathers them and its rules
        include the batch rule."""
        rule = _batch_rule(rules) if self.batch is not None else None
        if rule is None:
            return None
        from reportlint.copies import report_prints

        assert isinstance(rule.check, Copies)
        try:
            return report_prints(doc, rule.check, rule.code)
        except Exception as exc:
            raise CheckCrash(rule, doc.path, exc) from exc


class _Describe:
    """What the report shows once fixed, read from the text its findings
    index; and, for the batch rule, its fingerprints from that same text."""

    def __init__(self, task: _Task, source: Source, year: int | None, rules: RuleSet) -> None:
        self.task, self.source, self.year, self.rules = task, source, year, rules
        self.fail_level = task.config.settings_for(source.path).fail_level
        self.prints: ReportPrints | None = None

    def __call__(self, text: str) -> ReportInfo:
        doc = _parse(self.source._replace(text=text), self.year)
        self.prints = self.task.prints(doc, self.rules)
        return ReportInfo.of(doc, self.fail_level, self.task.keep_text)


def _parse(source: Source, report_year: int | None = None) -> Document:
    doc = parse(source)
    if report_year is not None:  # the configuration knows better than the text
        doc.report_year, doc.year_source = report_year, "config"
    return doc


def _fix_one(
    source: Source,
    rules: RuleSet,
    year: int | None,
    mode: FixMode,
    unsafe: bool,
    info: Callable[[str], ReportInfo],
) -> FileOutcome:
    """Fix one file (or, for --diff, show the fix); report what remains."""
    outcome = fix_source(source, rules, unsafe, lambda s: _parse(s, year))
    if outcome.text == source.text:
        return FileOutcome(outcome.remaining, info=info(source.text))
    if mode == "diff":
        if source.newline in ("\r", "mixed"):
            # patch takes neither lines ending in a lone CR nor a mix.
            why = "文件用 CR 换行" if source.newline == "\r" else "文件中混用了不同的换行符"
            return FileOutcome(
                outcome.remaining,
                error=FileError(
                    source.path, f"无法给出可用的 diff：{why}", "RL003", "fix-not-written"
                ),
                info=info(outcome.text),
            )
        bom = source.bom and source.encoding.lower().replace("-", "") in ("utf8", "utf8sig")
        diff = unified_diff(source.path, source.text, outcome.text, source.newline, bom)
        return FileOutcome(
            outcome.remaining,
            info=info(outcome.text),
            fixed=outcome.applied,
            diff=diff,
            fixed_codes=outcome.by_code,
        )
    try:
        write_atomically(source.path, encode(source, outcome.text))
    except (FixError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return FileOutcome(
            rules.run(_parse(source, year)),
            error=FileError(source.path, f"未写入修复：{reason}", "RL003", "fix-not-written"),
            info=info(source.text),
        )
    return FileOutcome(
        outcome.remaining,
        info=info(outcome.text),
        fixed=outcome.applied,
        fixed_codes=outcome.by_code,
    )
