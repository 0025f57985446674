"""Queries over the statutory parts of a report that several kinds share
(sections, coverage, years, rates): which headings name a part for the
report's year, whether a chapter plans, the report's title as the part, the
body less some parts, and paragraphs that open a part without a heading.
Not a kind: the kinds import it as they import checks.base.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import regex

from reportlint import lexicon
from reportlint.checks.base import compile_patterns, validate_patterns
from reportlint.document import Document
from reportlint.document.literals import Gate, gate
from reportlint.document.regexes import compiled

_QUOTED_TITLE = compiled(r"《[^》]*》")
# A sentence that lists the report's parts ("本报告包括主要举措和成效、党政主要负责人
# 履行…第一责任人职责情况、存在不足和原因…") performs none of them.
_LISTS_PARTS = compiled(
    lexicon.alternation("measures_headings") + "|" + lexicon.alternation("shortcomings_headings")
)

# Words of a plan: what will be done ("我镇将…", "力争…").
_PLANNED = compiled(lexicon.alternation("plan_words"))
_SENTENCE = compiled(r"[^。；！？\n]+")
# The group of a heading pattern that holds only for a year after the report's.
LATER_YEAR = "later_year"
# "2024年工作总结及2025年工作计划": the parts of a joined heading.
JOINED_PARTS = compiled(r"[和及与、]|暨")


class YearPatterns:
    """A rule's heading patterns, some of which may hold for a later year only.

    A pattern with a group named `later_year` matches only where the year that
    group captures is after the report year: "^(?P<later_year>(?:19|20)\\d{2})年度?
    …重点工作" takes "2025年重点工作" in a 2024 report for the plan, and leaves
    "2024年度法治政府建设重点工作", the year's own work, to the measures.
    The last of three or more chapters is the plan whatever its year when it
    says what will be done (将, 计划, 力争…): the measures come first, so
    "四、2024年重点工作" closing a 2024 report with "我镇将…" is a plan with the
    wrong year (for year-consistency to say), not a missing one.
    `for_doc(doc)` gives what to search with; when the report year is unknown,
    such a pattern matches as written.
    """

    def __init__(self, patterns: Sequence[str], key: str) -> None:
        checked = validate_patterns(patterns, key)
        dated = [LATER_YEAR in p.groupindex for p in checked]
        plain = [p for p, d in zip(patterns, dated, strict=True) if not d]
        later = [p for p, d in zip(patterns, dated, strict=True) if d]
        self.plain = compile_patterns(plain, key) if plain else None
        self.later = compile_patterns(later, key) if later else None

    def for_doc(self, doc: Document) -> ForYear:
        return ForYear(self.plain, self.later, doc.report_year, _last_planning_title(doc))


def _last_planning_title(doc: Document) -> str | None:
    """The title of the last of three or more chapters when it plans; worked out once."""
    key = "last planning title"
    if key not in doc.memo:
        chapters = [s for s in doc.sections if s.parent is None]
        last = None
        if len(chapters) >= 3:
            heading = chapters[-1].heading
            if plans(doc.view.text[heading.title_end : chapters[-1].end]):
                last = heading.title
        doc.memo[key] = last
    found: str | None = doc.memo[key]
    return found


class ForYear:
    """YearPatterns bound to a report; `search` as a compiled pattern's."""

    __slots__ = ("_last", "_later", "_plain", "_year", "key")

    def __init__(self, plain: Any, later: Any, year: int | None, last: str | None) -> None:
        self._plain, self._later, self._year, self._last = plain, later, year, last
        # What it matches depends on its patterns alone within one report.
        self.key = tuple(None if p is None else (p.pattern, p.flags) for p in (plain, later))

    def search(self, text: str) -> Any:
        if self._plain is not None and (m := self._plain.search(text)):
            return m
        if self._later is None:
            return None
        if text == self._last:
            return self._later.search(text)
        # Each part of a joined heading on its own too: "2024年工作总结及2025年重点工作".
        parts = JOINED_PARTS.split(text)
        for part in [text, *parts[1:]] if len(parts) > 1 else [text]:
            for m in self._later.finditer(part):
                found = m[LATER_YEAR]
                if self._year is None or not found or not found.isdigit():
                    return m
                if int(found) > self._year:
                    return m
        return None


def year_patterns(patterns: Sequence[str], key: str) -> YearPatterns | None:
    return YearPatterns(patterns, key) if patterns else None


def plans(text: str) -> bool:
    """Whether a chapter says what will be done: its first sentence, or half of its
    sentences, name a plan (a chapter of the year's work may mention one)."""
    sentences = [s for s in _SENTENCE.findall(text) if s.strip()]
    planned = [bool(_PLANNED.search(s)) for s in sentences]
    return bool(planned) and (planned[0] or 2 * sum(planned) >= len(planned))


def planning_last_chapter(doc: Document, claimed: set[int]) -> list[int]:
    chapters = [i for i, s in enumerate(doc.sections) if s.parent is None]
    if len(chapters) < 3 or chapters[-1] in claimed or _last_planning_title(doc) is None:
        return []
    return [chapters[-1]]


def title_matches(
    doc: Document, pattern: regex.Pattern[str] | ForYear, joint: regex.Pattern[str] | None = None
) -> bool:
    """Whether the report's title (its lines joined, titles in 《》 left out) matches,
    and matches none of `joint` (a title naming another report as well)."""
    title = _QUOTED_TITLE.sub("", "".join(p.text for p in doc.title))
    if not title or pattern.search(title) is None:
        return False
    return joint is None or joint.search(title) is None


def body_text(doc: Document, exclude: regex.Pattern[str] | ForYear | None = None) -> str:
    """The report proper, less the sections whose heading matches `exclude`
    (and what is under them): next year's plan is not what was done."""
    start, end = doc.body
    cut = [
        (s.start, s.end)
        for s in doc.sections
        if exclude is not None and exclude.search(s.heading.title)
    ]
    pieces, pos = [], start
    for a, b in sorted(cut):
        if a > pos:
            pieces.append(doc.view.text[pos:a])
        pos = max(pos, b)
    pieces.append(doc.view.text[pos:end])
    return "\n".join(pieces)


def led_paragraphs(
    doc: Document, lead: regex.Pattern[str], exclude: regex.Pattern[str] | ForYear | None
) -> list[tuple[int, int]]:
    """Where the parts written without a heading of their own run: a body paragraph
    or an inline item (一是…) whose opening matches `lead`, from it to the end of
    its section ("镇党委书记、镇长认真履行第一责任人职责。…" then "（一）带头学法…").

    The opening is its first two sentences: a run-in title ("（二）压实主体责任。"),
    an item's label ("二是压实主体责任。") or a general lead-in ("我局高度重视法治
    政府建设。") often comes before the sentence that names the part."""
    starts = [(p.start, p.end) for p in doc.body_paragraphs]
    ends = {p.index: p.end for p in doc.body_paragraphs}
    starts += [(item.start, ends[item.paragraph]) for item in doc.items if item.paragraph in ends]
    found = []
    for start, paragraph_end in sorted(set(starts)):
        if not _opens_with(doc, start, paragraph_end, lead):
            continue
        enclosing = [s for s in doc.sections if s.start <= start < s.end]
        if exclude is not None and any(exclude.search(s.heading.title) for s in enclosing):
            continue
        # To the end of the section it is in, its sub-sections too; before the
        # first heading, to that heading.
        end = (
            max(enclosing, key=lambda s: s.start).end
            if enclosing
            else min((s.start for s in doc.sections if s.start > start), default=doc.body[1])
        )
        found.append((start, max(paragraph_end, end)))
    return found


def _opens_with(doc: Document, start: int, end: int, lead: regex.Pattern[str]) -> bool:
    """Whether one of the first two sentences from `start` (up to `end`) matches
    `lead`, titles in 《》 left out, and is no list of the report's parts."""
    text = doc.view.text[start:end]
    needs = _lead_gate(lead.pattern)
    for sentence in _SENTENCE.findall(text, endpos=min(len(text), 400))[:2]:
        first = _QUOTED_TITLE.sub("", sentence)
        if needs is not None and not needs.admits(first):
            continue  # (a lead pattern is slow to fail: "第一责任人" is looked for first)
        if lead.search(first) and not _LISTS_PARTS.search(first):
            return True
    return False


@lru_cache(maxsize=32)
def _lead_gate(pattern: str) -> Gate | None:
    return gate([pattern])
