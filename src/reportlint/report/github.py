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

from reportlint.checks import Severity
from reportlint.report import FormatOptions, RunResult, visible

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
PER_STEP = 10  # annotations of each kind GitHub shows for one step


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(result: RunResult, options: FormatOptions | None = None) -> str:
    lines = []
    diagnostics = sorted(result.all_diagnostics(), key=lambda d: -d.severity.rank)  # stable
    for d in diagnostics:
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
        lines.append(f"::{_LEVEL[d.severity]} {props}::{_data(visible(f'{d.code} {d.message}'))}")
    counts = Counter(d.severity for d in diagnostics)
    over = {s: n - PER_STEP for s, n in counts.items() if n > PER_STEP}
    if over:
        kinds = "，".join(f"{s.label} {n} 个" for s, n in sorted(over.items(), key=_rank))
        lines.append(
            f"reportlint: GitHub 每个步骤最多显示 {PER_STEP} 个错误、{PER_STEP} 个警告和 "
            f"{PER_STEP} 个提示注释，以下未显示为注释：{kinds}。"
            "全部问题见本日志和作业摘要（--format markdown）。"
        )
    return "\n".join(lines)


def _rank(item: tuple[Severity, int]) -> int:
    return -item[0].rank
