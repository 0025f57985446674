"""One run: find the files, then for each: load -> parse -> check.

A file that cannot be read becomes a FileError and the run goes on.  Files
are processed one at a time and their Documents dropped, so memory stays
flat however many reports a reviewer checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from reportlint.checks import Diagnostic, RuleSet
from reportlint.document import parse
from reportlint.fix import FixError, encode, fix_source, unified_diff, write_atomically
from reportlint.load import (
    DEFAULT_MAX_BYTES,
    REPORT_SUFFIXES,
    STDIN_NAME,
    LoadError,
    Source,
    load_path,
)
from reportlint.report import FileError, RunResult

FixMode = Literal["fix", "diff"]


def collect(paths: Iterable[str]) -> Iterator[str | FileError]:
    """Files to check, in a stable order: as given, directories walked sorted."""
    for raw in paths:
        if raw == STDIN_NAME:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in REPORT_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from (str(p) for p in found)
        elif path.exists() or path.is_symlink():
            yield raw
        else:
            yield FileError(raw, "文件不存在")


def check_paths(
    paths: Iterable[str],
    rules: RuleSet,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fix: FixMode | None = None,
    unsafe_fixes: bool = False,
) -> RunResult:
    result = RunResult()
    for item in collect(paths):
        if isinstance(item, FileError):
            result.errors.append(item)
            continue
        try:
            source = load_path(item, max_bytes=max_bytes)
        except LoadError as exc:
            result.errors.append(FileError(item, f"无法检查：{exc}"))
            continue
        result.files_checked += 1
        if fix is None or source.format != "text":
            # Text extracted from a .docx/.html/.pdf cannot be written back.
            result.diagnostics.extend(rules.run(parse(source)))
        else:
            result.diagnostics.extend(_fix_one(source, rules, fix, unsafe_fixes, result))
    return result


def _fix_one(
    source: Source, rules: RuleSet, mode: FixMode, unsafe: bool, result: RunResult
) -> list[Diagnostic]:
    """Fix one file (or, for --diff, show the fix); return what remains to report."""
    outcome = fix_source(source, rules, unsafe)
    if outcome.text == source.text:
        return outcome.remaining
    if mode == "diff":
        result.diffs.append(unified_diff(source.path, source.text, outcome.text))
    else:
        try:
            write_atomically(source.path, encode(source, outcome.text))
        except (FixError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            result.errors.append(FileError(source.path, f"未写入修复：{reason}"))
            return rules.run(parse(source))
    result.fixed += outcome.applied
    result.fixed_files += 1
    return outcome.remaining
