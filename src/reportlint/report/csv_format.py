"""CSV for spreadsheets: one row per finding, UTF-8 with a header row."""

from __future__ import annotations

import csv
import io

from reportlint.report import FormatOptions, RunResult, visible

COLUMNS = (
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "rule",
    "severity",
    "message",
    "fix",
)


def format_csv(result: RunResult, options: FormatOptions | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for d in result.all_diagnostics():
        row = d.to_json()
        row["message"] = visible(row["message"])  # a spreadsheet shows no control character
        writer.writerow(["" if row[c] is None else row[c] for c in COLUMNS])
    return out.getvalue().rstrip("\n")
