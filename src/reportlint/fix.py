"""Applying fixes: diagnostics' replacements written back to the file.

Fixes are applied in passes, like ruff: apply every non-overlapping fix,
check the new text again, and repeat until nothing is left to fix (a joined
line may expose a fix the old line break hid).  The file is written once,
at the end, atomically (a temporary file in the same directory, then
os.replace), in the encoding, BOM and line-ending style it was read with,
so a fix never changes bytes it does not mean to.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from reportlint.checks import Diagnostic, Fix, RuleSet
from reportlint.document import Document, parse
from reportlint.load import Source

MAX_PASSES = 10


class FixError(Exception):
    """The fixed text cannot be written back safely.  The message is for a person."""


class FixOutcome(NamedTuple):
    text: str  # the fixed text, "\n" line breaks
    applied: int  # fixes applied over all passes
    remaining: list[Diagnostic]  # what the last pass still found
    by_code: dict[str, int]  # fixes applied, per rule code


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply the fixes that do not overlap an earlier one; return the text and how many."""
    taken = _non_overlapping(fixes)
    pieces: list[str] = []
    pos = 0
    for fix in taken:
        start, end = fix.span
        pieces.append(text[pos:start])
        pieces.append(fix.replacement)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), len(taken)


def _non_overlapping(fixes: Iterable[Fix]) -> list[Fix]:
    taken: list[Fix] = []
    pos = 0
    for fix in sorted(set(fixes), key=lambda f: (f.span.start, f.span.end)):
        if fix.span.start < pos:
            continue  # overlaps a fix already taken: the next pass sees it again
        taken.append(fix)
        pos = fix.span.end
    return taken


def fix_source(
    source: Source,
    rules: RuleSet,
    unsafe: bool = False,
    parse_source: Callable[[Source], Document] = parse,
) -> FixOutcome:
    """Fix until stable.  The returned diagnostics are those of the final text."""
    text, applied = source.text, 0
    by_code: Counter[str] = Counter()
    for _ in range(MAX_PASSES):
        diagnostics = rules.run(parse_source(source._replace(text=text)))
        codes = {d.fix: d.code for d in reversed(diagnostics) if d.fix and (d.fix.safe or unsafe)}
        if not codes:
            break
        by_code.update(codes[fix] for fix in _non_overlapping(codes))
        text, count = apply_fixes(text, codes)
        applied += count
    else:
        diagnostics = rules.run(parse_source(source._replace(text=text)))
    return FixOutcome(text, applied, diagnostics, dict(by_code))


def encode(source: Source, text: str) -> bytes:
    """The bytes of text written the way source was read."""
    if source.newline == "mixed":
        raise FixError("文件中混用了不同的换行符，自动修复会改动未涉及的行")
    body = text.replace("\n", source.newline)
    try:
        data = body.encode(source.encoding)
    except UnicodeEncodeError as exc:
        raise FixError(f"修复后的文字无法用原编码 {source.encoding} 保存：{exc.reason}") from None
    if source.bom:
        data = "\ufeff".encode(source.encoding) + data
    return data


def write_atomically(path: str, data: bytes) -> None:
    """Replace the file in one step: a crash leaves the old file or the new, never half.
    A symbolic link is followed: the file it points to is replaced, the link stays."""
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:  # a new file (a baseline, a config): the usual mode
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    if not mode & 0o222:
        raise FixError("文件是只读的")
    import tempfile  # ~3 ms to import (it brings random): only when something is written

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def unified_diff(path: str, before: str, after: str, newline: str = "\n", bom: bool = False) -> str:
    """A diff that `patch -p0` (or `git apply`) applies to the file: its lines end
    as the file's do (CRLF stays CRLF), a UTF-8 BOM stays on the first line, and a
    last line without a line break is marked as such.  The text is the file's,
    not its encoding: a GB18030 file's diff is to read, and --fix to apply."""
    if bom:
        before, after = "\ufeff" + before, "\ufeff" + after
    # A path with a space ends at a tab, as GNU diff writes it.
    name = path + "\t" if " " in path else path
    import difflib  # only for --diff: not every check's start

    out = []
    for line in difflib.unified_diff(
        _lines(before),
        _lines(after),
        # Plain paths, as ruff and git write them, so `patch -p0` applies it.
        fromfile=name,
        tofile=name,
    ):
        if line.startswith(("---", "+++", "@@")):
            out.append(line if line.endswith("\n") else line + "\n")
        elif line.endswith("\n"):
            out.append(line[:-1] + newline)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split at "\n" only (str.splitlines also splits at a form feed or
    U+2028, which patch does not), each with its "\n"."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
