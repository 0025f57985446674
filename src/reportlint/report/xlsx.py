"""An Excel workbook for reviewers: which reports fail, and every finding with
the words it concerns, so a town can find each one in its own document.

Sheets: 汇总 (one row per report: title, issuer, year, verdict, counts, the
most serious finding; and, when the reports were compared with each other,
the share of each one's text found in the others, RL310), 问题清单 (one row per finding, with an excerpt of the
text around it and the finding in 【】), 规则统计 (findings per rule).  Each
sheet has its header row frozen and filters on.  Written with XlsxWriter,
imported only when this format is asked for.  Past KEPT_FINDINGS findings
it writes each row to a temporary file once the next one starts, so a batch
of thousands of reports does not hold every cell (it took 321 MB at 2,000
reports); the finished workbook is held whole (a few MB) to be written out.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable
from typing import Any

from reportlint.checks import Diagnostic
from reportlint.report import VERDICT_LABELS, FormatOptions, RunResult, visible
from reportlint.report.html import SEVERITIES, overview_of

EXCERPT = 20  # characters of context on each side of a finding


def excerpt(d: Diagnostic) -> str:
    """The finding's words in 【】 with a little of its line on each side."""
    line = d.source_line
    if not line.strip():
        return ""
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = max(start, min(end, len(line)))
    lo, hi = max(0, start - EXCERPT), min(len(line), end + EXCERPT)
    text = (
        ("…" if lo else "")
        + line[lo:start]
        + "【"
        + line[start:end]
        + "】"
        + line[end:hi]
        + ("…" if hi < len(line) else "")
    )
    return visible(text.replace("\t", " ").strip())


# XlsxWriter keeps every cell until the book is closed, about 1.5 KB a finding.
# Past this many findings it is told to write each row out when the next one
# starts (its constant-memory mode), which takes half as long again: every
# string is then written in its cell rather than once in a shared table.
# Excel, WPS and LibreOffice read both.
KEPT_FINDINGS = 20_000


def write_xlsx(result: RunResult, options: FormatOptions | None = None) -> list[bytes]:
    """The workbook, whole: XlsxWriter writes it only when it closes it."""
    # Its temporary files (one a sheet in constant memory, one a part while it
    # closes the book) go in a folder that is removed however the run ends.
    with tempfile.TemporaryDirectory(prefix="reportlint-") as scratch:
        book = io.BytesIO()
        _write_book(result, book, scratch)
        return [book.getvalue()]


def _write_book(result: RunResult, target: Any, scratch: str) -> None:
    import xlsxwriter

    views, _, per_rule, files_with, names = overview_of(result)
    # Text stays text: a finding's words that start with "=" or look like a
    # number or a web address are not turned into a formula, a number or a link.
    constant = per_rule.total() > KEPT_FINDINGS
    book = xlsxwriter.Workbook(
        target,
        {
            "constant_memory": constant,
            "in_memory": not constant,  # (which would turn the other off)
            "tmpdir": scratch,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    header = book.add_format({"bold": True, "bg_color": "#ECEFF3", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    top = book.add_format({"valign": "top"})
    styles = {
        "pass": book.add_format({"font_color": "#2E7D32", "valign": "top"}),
        "fail": book.add_format({"font_color": "#C62828", "bold": True, "valign": "top"}),
        "unreadable": book.add_format({"font_color": "#555555", "valign": "top"}),
    }
    # The share of each report's text found in other reports, when they were compared (RL310).
    compared = any(view.info and view.info.copied is not None for view in views)

    summary_rows: list[list[Any]] = []
    for view in views:
        info, counts, worst = view.info, view.counts, view.worst
        summary_rows.append(
            [
                view.path,
                info.title if info else "",
                info.issuer if info else "",
                info.year if info and info.year else "",
                VERDICT_LABELS[view.verdict],
                *(counts[s] for s in SEVERITIES),
                f"{worst.code} 第 {worst.line} 行：{visible(worst.message)}" if worst else "",
            ]
        )
        if compared:
            summary_rows[-1].append(info.copied if info and info.copied is not None else "")
    columns = ["文件", "标题", "发文单位", "年度", "结论", "错误", "警告", "提示", "最严重的问题"]
    widths = [40, 36, 24, 8, 10, 8, 8, 8, 70]
    _sheet(
        book,
        "汇总",
        columns + ["雷同文字"] * compared,
        widths + [10] * compared,
        summary_rows,
        header,
        wrap,
        top,
        verdicts=[(4, styles[view.verdict]) for view in views],
        column_styles=(
            {len(columns): book.add_format({"num_format": "0%", "valign": "top"})}
            if compared
            else None
        ),
    )

    # Each report's findings read again from the spool, in the ranked order.
    finding_rows = (
        [
            d.path,
            d.line,
            d.column,
            d.severity.label,
            d.code,
            d.rule,
            visible(d.message),
            excerpt(d),
            visible(d.fix.replacement) if d.fix else "",
        ]
        for outline in views
        for d in result.file(outline.path).view().diagnostics
    )
    _sheet(
        book,
        "问题清单",
        ["文件", "行", "列", "级别", "代码", "规则", "问题", "原文摘录", "可自动修正为"],
        [40, 6, 6, 6, 8, 22, 60, 60, 14],
        finding_rows,
        header,
        wrap,
        top,
    )

    summaries = {rule.code: rule.summary for rule in result.rules}
    rule_rows = [
        [code, names[code], n, files_with[code], summaries.get(code, "")]
        for code, n in sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))
    ]
    _sheet(
        book,
        "规则统计",
        ["代码", "规则", "问题数", "涉及报告数", "说明"],
        [8, 24, 8, 10, 80],
        rule_rows,
        header,
        wrap,
        top,
    )
    book.close()


def _sheet(
    book: Any,
    name: str,
    columns: list[str],
    widths: list[int],
    rows: Iterable[list[Any]],
    header: Any,
    wrap: Any,
    top: Any,
    verdicts: list[tuple[int, Any]] | None = None,
    column_styles: dict[int, Any] | None = None,
) -> None:
    sheet = book.add_worksheet(name)
    for i, (title, width) in enumerate(zip(columns, widths, strict=True)):
        # Long text columns wrap; numbers and codes stay on one line.  Set before
        # any row: in constant-memory mode a cell takes its column's style when written.
        style = (column_styles or {}).get(i) or (wrap if width >= 20 else top)
        sheet.set_column(i, i, width, style)
        sheet.write(0, i, title, header)
    written = 0
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
        if verdicts:
            column, style = verdicts[r - 1]
            sheet.write(r, column, row[column], style)
        written = r
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(1, written), len(columns) - 1)
