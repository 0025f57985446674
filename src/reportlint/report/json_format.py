from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import msgspec

from reportlint.checks import Diagnostic
from reportlint.report import FormatOptions, ItemsFor, RunResult, json_list, rule_counts

# msgspec writes the same bytes as json.dumps(..., ensure_ascii=False, indent=2)
# several times faster (a test holds it to that).
_encode = msgspec.json.Encoder().encode


def format_json(result: RunResult, options: FormatOptions | None = None) -> str:
    """A list of objects, one per finding (DESIGN.md section 4); file errors included."""
    return "".join(write_json(result, options))


# What the workers write for this format (report.Items): its items, whatever the options.
ITEMS_FOR: ItemsFor = ("json", None)


def write_json(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_json a file at a time (each file's items as its worker wrote them,
    when it did and they still stand)."""
    return json_list(
        written
        if (written := result.items_of(file, ITEMS_FOR)) is not None
        else json_items(file.with_errors())
        for file in result.per_file(ITEMS_FOR)
    )


def _list(items: Iterable[object]) -> str:
    return msgspec.json.format(_encode(list(items)), indent=2).decode("utf-8")


def json_items(diagnostics: list[Diagnostic]) -> str:
    """The items format_json would write for these findings, indented as it does."""
    return _list(d.to_json() for d in diagnostics)[2:-2] if diagnostics else ""


def format_statistics_json(result: RunResult) -> str:
    """--statistics as JSON: one object per rule, most frequent first (as ruff's)."""
    counts, names, fixable = rule_counts(result)
    rows = [
        {"code": code, "rule": names[code], "count": n, "fixable": code in fixable}
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)
