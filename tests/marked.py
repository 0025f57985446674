"""Fixture texts with their expected findings marked inside, markdownlint's way.

A line that must be flagged ends with the codes of the rules that must flag
it, each in a marker: `一、主要工作 （一）加强领导【RL408】`.  A marker may
add words the finding's message must contain, when the rule says several
things (RL409: a copy of the title, no year, a split word): `【RL409 重复出现】`;
then only findings of that rule which say so are accepted on the line.  Comment lines
at the top of the file, each starting with "# ", are not part of the text:

    # expect: RL101        the rule must fire, anywhere (a finding about the
                           whole report: a part that is missing)
    # xfail: <reason>      a known bug, named in the folder's README: the
                           fixture does not yet give what is marked
    # <anything else>      a note for the reader

The loader strips the markers and the comments.  `mismatches` then holds the
findings of the rules under test to the marks: every marked line carries a
finding of each rule marked on it, and every finding of those rules lies on
lines marked with its code (a finding over several lines, such as a region
of page chrome, on each of its lines but blank ones), unless the rule is one
the header expects somewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from reportlint.checks import Diagnostic

MARKS = regex.compile(r"(?:【RL\d{3}(?: [^】]+)?】)+$")
MARK = regex.compile(r"【(RL\d{3})(?: ([^】]+))?】")
HEADER = regex.compile(r"^# (?:(expect|xfail):\s*)?(.*)$")
CODES = regex.compile(r"RL\d{3}")


@dataclass
class Marked:
    name: str
    text: str  # markers and header comments stripped
    # 1-based line of `text` -> (code, words its message must contain, or "") that must flag it
    marks: dict[int, set[tuple[str, str]]]
    expect: set[str] = field(default_factory=set)  # codes that must fire somewhere
    xfail: str | None = None


def parse_marked(raw: str, name: str = "fixture") -> Marked:
    lines = raw.split("\n")
    expect: set[str] = set()
    xfail = None
    while lines and (m := HEADER.match(lines[0])):
        kind, value = m.groups()
        if kind == "expect":
            expect |= set(CODES.findall(value))
        elif kind == "xfail":
            xfail = value.strip()
        lines.pop(0)
    marks: dict[int, set[tuple[str, str]]] = {}
    kept = []
    for number, line in enumerate(lines, start=1):
        if m := MARKS.search(line):
            marks[number] = {(code, words) for code, words in MARK.findall(m.group())}
            line = line[: m.start()]
        kept.append(line)
    return Marked(name, "\n".join(kept), marks, expect, xfail)


def load_marked(path: Path) -> Marked:
    return parse_marked(path.read_text(encoding="utf-8"), path.name)


def covered_lines(d: Diagnostic, text: str) -> list[int]:
    """The lines a finding lies on, blank ones aside; a span that ends with a
    line break does not reach the line after it."""
    last = d.end_line - 1 if d.end_line > d.line and d.end_column == 1 else d.end_line
    lines = text.split("\n")
    return [n for n in range(d.line, last + 1) if n == d.line or lines[n - 1].strip()]


def _meets(d: Diagnostic, mark: tuple[str, str]) -> bool:
    code, words = mark
    return d.code == code and words in d.message


def mismatches(fixture: Marked, found: Iterable[Diagnostic], codes: Iterable[str]) -> list[str]:
    """What differs between the marks and the findings of the rules `codes`:
    empty when every mark is met and every finding is marked."""
    tested = set(codes)
    found = [d for d in found if d.code in tested]
    problems = []
    for code in sorted(fixture.expect):
        if not any(d.code == code for d in found):
            problems.append(f"expected {code} somewhere: not reported")
    for d in found:
        if d.code in fixture.expect:
            continue
        unmarked = [
            n
            for n in covered_lines(d, fixture.text)
            if not any(_meets(d, mark) for mark in fixture.marks.get(n, set()))
        ]
        if unmarked:
            problems.append(f"line {unmarked[0]}: unexpected {d.code} {d.message}")
    for n, marks in sorted(fixture.marks.items()):
        for mark in sorted(marks):
            if not any(_meets(d, mark) and n in covered_lines(d, fixture.text) for d in found):
                problems.append(f"line {n}: {' '.join(mark).strip()} marked but not reported")
    return problems
