"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

- `tool.driver.rules` describes every rule that ran, from the rule itself
  (summary, description, the `reportlint rule` text as help).
- Columns count characters (`columnKind: unicodeCodePoints`), as the other
  formats do; SARIF regions end exclusively, as our end columns do.
- `partialFingerprints` carry the finding's fingerprint (rule, message,
  text and its surroundings) plus its occurrence number in the file, so an
  alert keeps its identity when lines move.
- Files that could not be read are tool notifications, not results: they
  are problems of the run, not of a report.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from reportlint import __version__
from reportlint.checks import Diagnostic, Rule, Severity
from reportlint.report import FileError, FormatOptions, RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "reportlintFingerprint/v1"
SRCROOT = "%SRCROOT%"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def format_sarif(result: RunResult, options: FormatOptions | None = None) -> str:
    root = Path.cwd()
    index = {rule.code: i for i, rule in enumerate(result.rules)}
    occurrences: Counter[tuple[str, str]] = Counter()
    results = []
    for d in sorted(result.diagnostics, key=Diagnostic.sort_key):
        occurrences[(d.path, d.fingerprint)] += 1
        results.append(_result(d, index, root, occurrences[(d.path, d.fingerprint)]))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "reportlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_descriptor(rule) for rule in result.rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri() + "/"}},
        "invocations": [
            {
                # A file that could not be read (or fixed) is a run that did not
                # do all it was asked to.
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": [_notification(e, root) for e in result.errors],
            }
        ],
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2)


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": rule.description.strip() or rule.name},
        "help": {"text": rule.explain()},
        "defaultConfiguration": {
            "level": _LEVEL[rule.severity],
            "enabled": rule.enabled,
        },
        "properties": {"tags": [rule.pack, rule.kind], "fixable": rule.check.fixable or "no"},
    }


def _location(path: str, root: Path) -> dict[str, Any]:
    """A URI relative to the working directory where possible (GitHub
    resolves those against the checkout), else an absolute file URI."""
    absolute = Path(path).absolute()
    try:
        return {
            "uri": quote(absolute.relative_to(root).as_posix()),
            "uriBaseId": SRCROOT,
        }
    except ValueError:
        return {"uri": absolute.as_uri()}


def _result(d: Diagnostic, index: dict[str, int], root: Path, occurrence: int) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": d.line,
        "startColumn": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
    }
    if d.source_line:
        region["snippet"] = {"text": d.source_line}
    out: dict[str, Any] = {
        "ruleId": d.code,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _location(d.path, root),
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: f"{d.fingerprint}:{occurrence}"},
    }
    if d.code in index:
        out["ruleIndex"] = index[d.code]
    return out


def _notification(error: FileError, root: Path) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": error.message},
        "descriptor": {"id": error.code},
        "locations": [{"physicalLocation": {"artifactLocation": _location(error.path, root)}}],
    }
