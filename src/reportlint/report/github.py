"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per finding.

GitHub turns these into annotations on the pull request.  Values are escaped
as the runner expects (% CR LF, and in properties also : and ,).

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
(50 per job) and drops the rest without a word.  So errors come first, then
warnings, then notices, and when a kind is over the limit a plain log line
(not a command) says how many GitHub will not show and where to read them:
the job summary (--format markdown) and the log itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from tempfile import TemporaryFile
from typing import IO

from reportlint.checks import Diagnostic, Severity
from reportlint.report import FormatOptions, RunResult, joined, visible

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
PER_STEP = 10  # annotations of each kind GitHub shows for one step


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: RunResult, options: FormatOptions | None = None) -> str:
    return "".join(write_github(result, options))


def write_github(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_github a file at a time: errors as they are read, warnings and
    notes kept in temporary files until every file has been read."""
    counts: Counter[Severity] = Counter()
    # Only "\\n" ends a line there: a message may hold other line separators.
    with (
        TemporaryFile("w+", encoding="utf-8", newline="\n") as warnings,
        TemporaryFile("w+", encoding="utf-8", newline="\n") as notes,
    ):
        later = {Severity.WARNING: warnings, Severity.INFO: notes}

        def lines() -> Iterator[list[str]]:
            for file in result.per_file():
                errors = []
                for d in file.with_errors():
                    counts[d.severity] += 1
                    if d.severity is Severity.ERROR:
                        errors.append(_command(d))
                    else:
                        later[d.severity].write(_command(d) + "\n")
                yield errors
            for kept in (warnings, notes):
                kept.seek(0)
                yield from _chunks(kept)
            yield _over(counts)

        yield from joined(lines())


def _chunks(kept: IO[str]) -> Iterator[list[str]]:
    """The lines written to `kept`, a block at a time."""
    while block := kept.readlines(1 << 16):
        yield [line[:-1] for line in block]


def _command(d: Diagnostic) -> str:
    props = ",".join(
        [
            f"file={_property(d.path)}",
            f"line={d.line}",
            f"col={d.column}",
            f"endLine={d.end_line}",
            f"endColumn={d.end_column}",
            f"title={_property(f'{d.code} {d.rule}')}",
        ]
    )
    # A control character would end the command or garble the annotation.
    return f"::{_LEVEL[d.severity]} {props}::{_data(visible(f'{d.code} {d.message}'))}"


def _over(counts: Counter[Severity]) -> list[str]:
    """The line that says how many annotations GitHub will not show, if any."""
    over = {s: n - PER_STEP for s, n in counts.items() if n > PER_STEP}
    if not over:
        return []
    kinds = "，".join(f"{s.label} {n} 个" for s, n in sorted(over.items(), key=_rank))
    return [
        f"reportlint: GitHub 每个步骤最多显示 {PER_STEP} 个错误、{PER_STEP} 个警告和 "
        f"{PER_STEP} 个提示注释，以下未显示为注释：{kinds}。"
        "全部问题见本日志和作业摘要（--format markdown）。"
    ]


def _rank(item: tuple[Severity, int]) -> int:
    return -item[0].rank
