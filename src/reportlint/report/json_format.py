from __future__ import annotations

import json

from reportlint.report import RunResult


def format_json(result: RunResult) -> str:
    """A list of objects, one per finding (DESIGN.md section 4); file errors included."""
    return json.dumps([d.to_json() for d in result.all_diagnostics()], ensure_ascii=False, indent=2)
