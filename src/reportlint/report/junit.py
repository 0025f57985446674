"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One test suite per file; one failing test case per finding, named by rule
and position; a file with no findings has one passing case, so a clean
report shows up as a pass rather than as nothing.  A file that could not be
read is an <error>.
"""

from __future__ import annotations

from itertools import groupby
from xml.etree import ElementTree as ET

from reportlint.checks import Diagnostic
from reportlint.report import FormatOptions, RunResult, visible


def format_junit(result: RunResult, options: FormatOptions | None = None) -> str:
    suites = ET.Element("testsuites", name="reportlint")
    errors = {e.path: e for e in result.errors}
    by_path = {
        path: list(group)
        for path, group in groupby(
            sorted(result.diagnostics, key=Diagnostic.sort_key), key=lambda d: d.path
        )
    }
    total = failures = 0
    for path in sorted({*result.checked_paths, *errors}):
        findings = by_path.get(path, [])
        suite = ET.SubElement(suites, "testsuite", name=path)
        if path in errors:
            case = ET.SubElement(suite, "testcase", name=errors[path].code, classname=path)
            ET.SubElement(case, "error", message=errors[path].message, type=errors[path].code)
        for d in findings:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.rule} ({d.line}:{d.column})",
                classname=path,
                file=path,
                line=str(d.line),
            )
            failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{path}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {d.message}"
        if not findings and path not in errors:
            ET.SubElement(suite, "testcase", name="reportlint", classname=path)
        cases = max(1, len(findings) + (path in errors))
        suite.set("tests", str(cases))
        suite.set("failures", str(len(findings)))
        suite.set("errors", str(int(path in errors)))
        total += cases
        failures += len(findings)
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(len(errors)))
    ET.indent(suites)
    xml = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + visible(xml)
