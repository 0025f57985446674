"""CSV for spreadsheets: one row per finding, UTF-8 with a header row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from reportlint.report import FormatOptions, RunResult, visible, without_trailing_newlines

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
    return "".join(write_csv(result, options))


def write_csv(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_csv a file at a time."""
    return without_trailing_newlines(_rows(result))


def _rows(result: RunResult) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for file in result.per_file():
        for d in file.with_errors():
            row = d.to_json()
            row["message"] = visible(row["message"])  # a spreadsheet shows no control character
            writer.writerow(["" if row[c] is None else row[c] for c in COLUMNS])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
