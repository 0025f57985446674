from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable

import msgspec

from reportlint.checks import Diagnostic
from reportlint.report import FormatOptions, RunResult

# msgspec writes the same bytes as json.dumps(..., ensure_ascii=False, indent=2)
# several times faster (a test holds it to that).
_encode = msgspec.json.Encoder().encode


def format_json(result: RunResult, options: FormatOptions | None = None) -> str:
    """A list of objects, one per finding (DESIGN.md section 4); file errors included."""
    return _list(d.to_json() for d in result.all_diagnostics())


def _list(items: Iterable[object]) -> str:
    return msgspec.json.format(_encode(list(items)), indent=2).decode("utf-8")


def json_items(diagnostics: list[Diagnostic]) -> str:
    """The items format_json would write for these findings, indented as it does."""
    return _list(d.to_json() for d in diagnostics)[2:-2] if diagnostics else ""


class JsonStream:
    """format_json written a file at a time (check_paths' `on_file`): the same
    text, with only one file's findings in memory at once."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self._write = write
        self._opened = False

    def __call__(self, diagnostics: list[Diagnostic]) -> None:
        self.write_items(json_items(diagnostics))

    def write_items(self, items: str) -> None:
        """Items from json_items (made where the file was checked)."""
        if not items:
            return
        self._write(("[\n" if not self._opened else ",\n") + items)
        self._opened = True

    def close(self) -> None:
        """The list's end, and the line break after it (as click.echo gives)."""
        self._write("\n]\n" if self._opened else "[]\n")


def format_statistics_json(result: RunResult) -> str:
    """--statistics as JSON: one object per rule, most frequent first (as ruff's)."""
    diagnostics = result.all_diagnostics()
    counts = Counter(d.code for d in diagnostics)
    names = {d.code: d.rule for d in diagnostics}
    fixable = {d.code for d in diagnostics if d.fix and d.fix.safe}
    rows = [
        {"code": code, "rule": names[code], "count": n, "fixable": code in fixable}
        for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)
