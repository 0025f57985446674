from __future__ import annotations

import json
from collections import Counter

from reportlint.report import FormatOptions, RunResult


def format_json(result: RunResult, options: FormatOptions | None = None) -> str:
    """A list of objects, one per finding (DESIGN.md section 4); file errors included."""
    return json.dumps([d.to_json() for d in result.all_diagnostics()], ensure_ascii=False, indent=2)


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
