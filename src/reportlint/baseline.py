"""Baselines: accept the findings a set of old reports already has.

A report cannot carry a suppression comment the way code can, so a team that
adopts reportlint on years of published reports records what is there today
(`--write-baseline FILE`) and from then on sees only what is new
(`--baseline FILE`).  An entry is keyed by the file (relative to the
baseline, so the file travels with the repository), the rule and the
finding's fingerprint: its message, its text and a little of the line
around it, not its line number, which moves whenever a paragraph is added
above.  Identical findings in one file are counted.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlint.checks import Diagnostic
from reportlint.fix import write_atomically
from reportlint.load import STDIN_NAME

FORMAT_VERSION = 1

Key = tuple[str, str, str]  # (path relative to the baseline, code, fingerprint)


class BaselineError(Exception):
    """The baseline file cannot be read; the message names it."""


@dataclass(frozen=True, slots=True)
class StaleEntry:
    path: str
    code: str
    message: str
    count: int


@dataclass(frozen=True, slots=True)
class Filtered:
    kept: list[Diagnostic]
    hidden: int
    stale: list[StaleEntry]  # recorded for a checked file, no longer found


def _relative(path: str, base: Path) -> str:
    if path == STDIN_NAME:  # standard input has no place to be relative to
        return path
    return Path(os.path.relpath(Path(path).absolute(), base.absolute())).as_posix()


def write_baseline(file: str, diagnostics: Iterable[Diagnostic]) -> int:
    """Record the findings; return how many.  Written atomically."""
    base = Path(file).absolute().parent
    if not base.is_dir():
        raise BaselineError(f"无法写入基线文件 {file}：目录 {base} 不存在")
    counts: Counter[Key] = Counter()
    messages: dict[Key, tuple[str, str]] = {}
    for d in diagnostics:
        key = (_relative(d.path, base), d.code, d.fingerprint)
        counts[key] += 1
        messages.setdefault(key, (d.rule, d.message))
    findings = [
        {
            "path": path,
            "code": code,
            "rule": messages[(path, code, fp)][0],
            "fingerprint": fp,
            "message": messages[(path, code, fp)][1],
            "count": counts[(path, code, fp)],
        }
        for path, code, fp in sorted(counts)
    ]
    body = {"reportlint-baseline": FORMAT_VERSION, "findings": findings}
    text = json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    write_atomically(file, text.encode("utf-8"))
    return sum(counts.values())


class Baseline:
    def __init__(self, file: str) -> None:
        self.base = Path(file).absolute().parent
        self.counts: Counter[Key] = Counter()
        self.messages: dict[Key, str] = {}
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(f"无法读取基线文件 {file}：{exc.strerror or exc}") from None
        except ValueError:  # not JSON, or not UTF-8
            raise BaselineError(f"基线文件 {file} 不是 JSON") from None
        wrong = f"基线文件 {file} 格式有误：应是 reportlint check --write-baseline 写出的文件"
        if not isinstance(data, dict) or data.get("reportlint-baseline") != FORMAT_VERSION:
            raise BaselineError(wrong)
        for i, entry in enumerate(data.get("findings") or []):
            try:
                key = (str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))
                count = int(entry.get("count", 1))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise BaselineError(f"{wrong}（findings[{i}] 不完整）") from None
            self.counts[key] += count
            self.messages[key] = str(entry.get("message", ""))

    def filter(self, diagnostics: Iterable[Diagnostic], checked: Iterable[str]) -> Filtered:
        """Hide recorded findings.  Entries left over are stale when their file
        was checked or no longer exists; entries of files not checked this run
        (pre-commit checks a few) are neither used nor stale."""
        left = Counter(self.counts)
        kept = []
        hidden = 0
        for d in diagnostics:
            key = (_relative(d.path, self.base), d.code, d.fingerprint)
            if left[key] > 0:
                left[key] -= 1
                hidden += 1
            else:
                kept.append(d)
        checked_paths = {_relative(p, self.base) for p in checked}

        def gone(path: str) -> bool:  # the file was moved or deleted
            return path != STDIN_NAME and not (self.base / path).exists()

        stale = [
            StaleEntry(path, code, self.messages[(path, code, fp)], n)
            for (path, code, fp), n in sorted(left.items())
            if n > 0 and (path in checked_paths or gone(path))
        ]
        return Filtered(kept, hidden, stale)
