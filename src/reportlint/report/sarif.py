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
from collections.abc import Iterator
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
    return "".join(write_sarif(result, options))


def write_sarif(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_sarif a file at a time: the log as json.dumps(indent=2) writes it,
    its results written into it as each file is read."""
    root = Path.cwd()
    index = {rule.code: i for i, rule in enumerate(result.rules)}
    log = json.dumps(_log(result, root), ensure_ascii=False, indent=2)
    head, tail = log.rsplit(f'"{_RESULTS}"', 1)  # the last key of the run
    yield head
    opened = False
    for file in result.per_file():
        occurrences: Counter[str] = Counter()  # (the path is the file's)
        results = []
        for d in file.findings:
            occurrences[d.fingerprint] += 1
            results.append(_result(d, index, root, occurrences[d.fingerprint]))
        if results:
            # Four levels in: the log, its runs, the run, its results.
            text = ",\n".join(
                _INDENT + json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n" + _INDENT)
                for r in results
            )
            yield ("[\n" if not opened else ",\n") + text
            opened = True
    yield ("\n" + _INDENT[:-2] + "]" if opened else "[]") + tail


# Where the results go in the log, until they are written.
_RESULTS = "reportlint-results"
_INDENT = " " * 8


def _log(result: RunResult, root: Path) -> dict[str, Any]:
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
        "results": _RESULTS,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


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
