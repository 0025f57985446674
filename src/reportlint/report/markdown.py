"""A summary in Markdown, for a CI job summary ($GITHUB_STEP_SUMMARY) or a
merge-request comment: the verdict of the run, a table of the reports
(worst first), findings per rule, and each failing report's findings.

GitHub shows at most 10 error and 10 warning annotations per step (50 per
job); the summary is where every finding can be read.  A step summary may
take 1 MiB, so the per-finding lists stop when the text nears LIMIT and say
how many are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from reportlint.report import VERDICT_LABELS, FormatOptions, RunResult, joined, visible
from reportlint.report.html import SEVERITIES, overview_of

LIMIT = 900_000  # characters, under GitHub's 1 MiB per step summary
_ICON = {"pass": "✅", "fail": "❌", "unreadable": "⚠️"}


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: no pipe, no line break, no markup."""
    text = visible(text).replace("\\", "\\\\").replace("|", "\\|")
    for mark in "*_`[]<>":
        text = text.replace(mark, "\\" + mark)
    return " ".join(text.split())


def format_markdown(result: RunResult, options: FormatOptions | None = None) -> str:
    return "".join(write_markdown(result, options))


def write_markdown(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_markdown read in two passes: the table and the counts from an
    outline of each file, then each failing report's findings read again."""
    return joined(_parts(result))


def _parts(result: RunResult) -> Iterator[list[str]]:
    views, severities, per_rule, _, names = overview_of(result)
    verdicts = Counter(view.verdict for view in views)
    listed = "，".join(
        f"{VERDICT_LABELS[v]} {verdicts[v]} 份"
        for v in ("fail", "unreadable", "pass")
        if verdicts[v]
    )
    found = "，".join(f"{s.label} {severities[s]} 个" for s in SEVERITIES if severities[s])
    out = [
        "## reportlint 检查结果",
        "",
        f"共 {len(views)} 份报告：{listed or '无'}。发现问题：{found or '无'}。",
        "",
        "| 结论 | 文件 | 标题 | 错误 | 警告 | 提示 | 最严重的问题 |",
        "| --- | --- | --- | ---: | ---: | ---: | --- |",
    ]
    for view in views:
        counts, worst = view.counts, view.worst
        worst_text = f"{worst.code} 第 {worst.line} 行：{worst.message}" if worst else ""
        out.append(
            f"| {_ICON[view.verdict]} {VERDICT_LABELS[view.verdict]} | {_cell(view.path)} "
            f"| {_cell(view.info.title if view.info else '')} "
            + "".join(f"| {counts[s]} " for s in SEVERITIES)
            + f"| {_cell(worst_text)} |"
        )
    if per_rule:
        out += ["", "### 各规则问题数", "", "| 代码 | 规则 | 问题数 |", "| --- | --- | ---: |"]
        out += [
            f"| {code} | {names[code]} | {n} |"
            for code, n in sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))
        ]
    size = sum(len(line) + 1 for line in out)
    left_out = 0
    failing = [view for view in views if view.verdict != "pass" and view.diagnostics]
    if failing:
        out += ["", "### 各报告的问题"]
    yield out
    for outline in failing:
        view = result.file(outline.path).view()
        block = [
            "",
            f"<details><summary>{_cell(view.path)}（{len(view.diagnostics)} 个问题）</summary>",
            "",
        ]
        block += [
            f"- 第 {d.line} 行第 {d.column} 列 **{d.code}** [{d.severity.label}] {_cell(d.message)}"
            for d in view.diagnostics
        ]
        block += ["", "</details>"]
        cost = sum(len(line) + 1 for line in block)
        if size + cost > LIMIT:
            left_out += len(view.diagnostics)
            continue
        yield block
        size += cost
    if left_out:
        yield ["", f"（摘要篇幅有限，另有 {left_out} 个问题未列出：请看作业日志或 SARIF 结果。）"]
