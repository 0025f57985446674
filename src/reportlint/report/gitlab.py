"""GitLab Code Quality: the JSON a merge request's Code Quality widget reads
(`artifacts: reports: codequality:`), a subset of the Code Climate spec.

Each finding is an issue with a description, the rule as check_name, a
severity on GitLab's scale and a location relative to the working directory
(the checkout).  GitLab keeps one issue per fingerprint, so the fingerprint
is the finding's own (rule, message, words and their surroundings, no line
number) with the file and its occurrence number: unique in the report and
stable when lines move.  A file that could not be read is an issue too
(RL001), since the widget has no other place for it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterator
from typing import Any

from reportlint.checks import Diagnostic, Severity
from reportlint.report import FormatOptions, RunResult, json_list, visible

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def format_gitlab(result: RunResult, options: FormatOptions | None = None) -> str:
    return "".join(write_gitlab(result, options))


def write_gitlab(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_gitlab a file at a time: the text of json.dumps(issues, indent=2)."""
    return json_list(_file_issues(file.with_errors()) for file in result.per_file())


def _file_issues(diagnostics: list[Diagnostic]) -> str:
    # Each issue as json.dumps puts it in the list: one level in.
    return ",\n".join(
        "  " + json.dumps(issue, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        for issue in _issues(diagnostics)
    )


def _issues(diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    """One file's issues (occurrences count within a file: the key holds its path)."""
    occurrences: Counter[tuple[str, str, str]] = Counter()
    issues: list[dict[str, Any]] = []
    for d in diagnostics:
        path = _relative(d.path)
        key = (path, d.code, d.fingerprint or f"{d.line}:{d.column}")
        occurrences[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(occurrences[key]))).encode("utf-8"))
        issues.append(
            {
                "type": "issue",
                "check_name": d.code,
                "description": visible(f"{d.code} {d.message}"),
                "categories": ["Style"],
                "severity": SEVERITY[d.severity],
                "fingerprint": digest.hexdigest()[:32],
                "location": {"path": path, "lines": {"begin": d.line, "end": d.end_line}},
            }
        )
    return issues


def _relative(path: str) -> str:
    """GitLab matches paths against the repository: relative, with slashes."""
    if path == "-":
        return path
    relative = os.path.relpath(os.path.abspath(path))
    return path if relative.startswith("..") else relative.replace(os.sep, "/")
