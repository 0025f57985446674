"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One test suite per file; one failing test case per finding, named by rule
and position; a file with no findings has one passing case, so a clean
report shows up as a pass rather than as nothing.  A file that could not be
read is an <error>.
"""

from __future__ import annotations

from collections.abc import Iterator
from tempfile import TemporaryFile
from xml.etree import ElementTree as ET

from reportlint.report import FileFindings, FormatOptions, RunResult, visible


def format_junit(result: RunResult, options: FormatOptions | None = None) -> str:
    return "".join(write_junit(result, options))


def write_junit(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_junit a file at a time.  The totals head the document, so the
    test suites wait in a temporary file until every file has been read."""
    total = failures = errors = 0
    with TemporaryFile("w+", encoding="utf-8", newline="\n") as suites:
        for file in result.per_file():
            suite, cases = _suite(file)
            # As ET.indent lays out a child of the root.
            ET.indent(suite, level=1)
            suite.tail = "\n  "
            suites.write(visible(ET.tostring(suite, encoding="unicode")))
            total += cases
            failures += len(file.findings)
            errors += bool(file.errors)
        root = ET.Element(
            "testsuites",
            name="reportlint",
            tests=str(total),
            failures=str(failures),
            errors=str(errors),
        )
        if not total:
            yield _XML + visible(ET.tostring(root, encoding="unicode"))
            return
        head = visible(ET.tostring(root, encoding="unicode")).removesuffix(" />")
        yield f"{_XML}{head}>\n  "
        suites.seek(0)
        held = ""
        while block := suites.read(1 << 16):
            text = held + block
            # The last suite's tail is "\n", not "\n  ": its indent is held back.
            held = text[-2:]
            yield text[:-2]
        yield "</testsuites>"


_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _suite(file: FileFindings) -> tuple[ET.Element, int]:
    """One file's test suite, and how many test cases it holds."""
    path, findings = file.path, file.findings
    error = file.errors[-1] if file.errors else None
    suite = ET.Element("testsuite", name=path)
    if error is not None:
        case = ET.SubElement(suite, "testcase", name=error.code, classname=path)
        ET.SubElement(case, "error", message=error.message, type=error.code)
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
    if not findings and error is None:
        ET.SubElement(suite, "testcase", name="reportlint", classname=path)
    cases = max(1, len(findings) + (error is not None))
    suite.set("tests", str(cases))
    suite.set("failures", str(len(findings)))
    suite.set("errors", str(int(error is not None)))
    return suite, cases
