"""Kind `sections`: the report has each required part, as a heading or labelled item.

A part counts only when a heading (any level: 一、 （一） 1. （1）) names it.
A passing mention in running text does not count: citing the title of the
第一责任人 regulation, or planning to 履行第一责任人职责 next year, is not a
report on how the duty was performed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import msgspec
import regex

from reportlint import lexicon
from reportlint.checks.base import (
    CheckKind,
    Finding,
    Params,
    compile_patterns,
    heading_title_span,
    report_anchor,
    sections_matching,
    validate_patterns,
)
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.regexes import compiled

_QUOTED_TITLE = compiled(r"《[^》]*》")

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
        chapters = [s for s in doc.sections if s.parent is None]
        last = None
        if len(chapters) >= 3:
            heading = chapters[-1].heading
            if _plans(doc.view.text[heading.title_end : chapters[-1].end]):
                last = heading.title
        return ForYear(self.plain, self.later, doc.report_year, last)


class ForYear:
    """YearPatterns bound to a report; `search` as a compiled pattern's."""

    __slots__ = ("_last", "_later", "_plain", "_year")

    def __init__(self, plain: Any, later: Any, year: int | None, last: str | None) -> None:
        self._plain, self._later, self._year, self._last = plain, later, year, last

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


class Requirement(Params):
    id: str
    label: str
    patterns: list[str]


class SectionSpec(Params):
    id: str
    label: str
    patterns: list[str]
    optional: bool = False
    # Headings under a section whose title matches these do not count.
    exclude_under: list[str] = msgspec.field(default_factory=list)
    # Reports often lay out their measures as topical chapters ("一、强化组织领导")
    # with no "主要举措" heading: accept top-level chapters that come before the
    # other required parts and are none of them.
    implied_by_leading_sections: bool = False
    # ...that come before these parts (ids; all other parts when empty).
    leading_until: list[str] = msgspec.field(default_factory=list)
    # For next year's plan with no heading naming it ("四、推进法治政府建设的主要
    # 任务"): the last of three or more chapters, if no other part claimed it and
    # it says what will be done (将, 计划, 力争…).
    implied_by_planning_last_section: bool = False
    # What the part must also contain, searched in its heading and text.
    requires: list[Requirement] = msgspec.field(default_factory=list)
    # A paragraph whose first sentence matches these also counts as the part
    # ("镇党委、政府主要负责人认真履行推进法治建设第一责任人职责，…"): the
    # part is written, just not under a heading of its own.  Titles in 《》
    # are left out, so citing a regulation is not performing it.
    lead_patterns: list[str] = msgspec.field(default_factory=list)
    # When no heading names the part but the report's title does, the whole
    # report is the part: a 述法 report titled "县长2024年度履行推进法治建设
    # 第一责任人职责情况报告".
    whole_report_if_title: bool = False
    # ...unless the title also names another report joined to it ("2024年法治
    # 政府建设暨主要负责人履行…第一责任人职责情况报告"): a joint report, whose
    # part needs a heading of its own.
    joint_title_patterns: list[str] = msgspec.field(default_factory=list)


class SectionsParams(Params):
    sections: list[SectionSpec]


@register
class Sections(CheckKind[SectionsParams]):
    name = "sections"
    params_type = SectionsParams
    messages = {
        "missing": frozenset({"section"}),
        "missing-part": frozenset({"section", "part"}),
    }

    def __init__(self, params: SectionsParams) -> None:
        super().__init__(params)
        self.compiled = []
        self.joint: dict[str, regex.Pattern[str]] = {}
        for i, spec in enumerate(params.sections):
            key = f"sections[{i}]"
            if spec.joint_title_patterns:
                self.joint[spec.id] = compile_patterns(
                    spec.joint_title_patterns, f"{key}.joint_title_patterns"
                )
            self.compiled.append(
                (
                    spec,
                    YearPatterns(spec.patterns, f"{key}.patterns"),
                    year_patterns(spec.exclude_under, f"{key}.exclude_under"),
                    [
                        (req, compile_patterns(req.patterns, f"{key}.requires[{j}].patterns"))
                        for j, req in enumerate(spec.requires)
                    ],
                    compile_patterns(spec.lead_patterns, f"{key}.lead_patterns")
                    if spec.lead_patterns
                    else None,
                )
            )

    def check(self, doc: Document) -> Iterator[Finding]:
        compiled = [
            (
                spec,
                heading.for_doc(doc),
                exclude.for_doc(doc) if exclude is not None else None,
                requirements,
                lead,
            )
            for spec, heading, exclude, requirements, lead in self.compiled
        ]
        found = {
            spec.id: list(sections_matching(doc, pattern, exclude))
            for spec, pattern, exclude, _, _ in compiled
        }
        claimed = {i for matches in found.values() for i in matches}
        for spec, heading, exclude, requirements, lead in compiled:
            matches = found[spec.id]
            if not matches and spec.implied_by_leading_sections:
                matches = _leading_chapters(doc, spec, found, claimed)
                if not doc.sections and doc.body_paragraphs:
                    continue  # no headings at all: the body is what was done
            if not matches and spec.implied_by_planning_last_section:
                matches = _planning_last_chapter(doc, claimed)
            whole = (
                not matches
                and spec.whole_report_if_title
                and title_matches(doc, heading, self.joint.get(spec.id))
            )
            if not matches and not whole:
                if lead is not None and led_paragraphs(doc, lead, exclude):
                    continue
                if not spec.optional:
                    yield Finding(report_anchor(doc), "missing", {"section": spec.label})
                continue
            for req, pattern in requirements:
                texts: Iterable[str] = (
                    [body_text(doc, exclude)]
                    if whole
                    else (doc.section_text(doc.sections[i]) for i in matches)
                )
                # The part may also be a chapter of its own: "四、原因分析".
                own_chapter = any(pattern.search(s.heading.title) for s in doc.sections)
                if not own_chapter and not any(pattern.search(t) for t in texts):
                    yield Finding(
                        heading_title_span(doc, matches[0]) if matches else report_anchor(doc),
                        "missing-part",
                        {"section": spec.label, "part": req.label},
                    )


def _leading_chapters(
    doc: Document, spec: SectionSpec, found: dict[str, list[int]], claimed: set[int]
) -> list[int]:
    """The untitled chapters that come before the parts in `spec.leading_until` (all
    other parts when empty): "一、加强组织领导 二、…" then "三、存在的不足".  When
    none of those parts is there (a text cut short, or a report that lacks them),
    every unclaimed chapter but a closing plan."""
    until = spec.leading_until or [other for other in found if other != spec.id]
    ends = [doc.sections[i].start for other in until for i in found.get(other, [])]
    boundary = min(ends, default=None)
    planned = set() if boundary is not None else set(_planning_last_chapter(doc, claimed))
    return [
        i
        for i, s in enumerate(doc.sections)
        if s.parent is None
        and i not in claimed
        and i not in planned
        and (boundary is None or s.start < boundary)
    ]


def _plans(text: str) -> bool:
    """Whether a chapter says what will be done: its first sentence, or half of its
    sentences, name a plan (a chapter of the year's work may mention one)."""
    sentences = [s for s in _SENTENCE.findall(text) if s.strip()]
    planned = [bool(_PLANNED.search(s)) for s in sentences]
    return bool(planned) and (planned[0] or 2 * sum(planned) >= len(planned))


def _planning_last_chapter(doc: Document, claimed: set[int]) -> list[int]:
    chapters = [i for i, s in enumerate(doc.sections) if s.parent is None]
    if len(chapters) < 3 or chapters[-1] in claimed:
        return []
    last = doc.sections[chapters[-1]]
    if not _plans(doc.view.text[last.heading.title_end : last.end]):
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
    """Where the body paragraphs that open with a sentence matching `lead` (outside
    excluded sections) run: from each to the end of its section, which is how far
    a part written as a paragraph goes ("镇党委书记、镇长认真履行第一责任人职责。…")."""
    found = []
    for p in doc.body_paragraphs:
        first = _QUOTED_TITLE.sub("", p.text.split("。", 1)[0])
        if not lead.search(first):
            continue
        enclosing = [s for s in doc.sections if s.start <= p.start < s.end]
        if exclude is not None and any(exclude.search(s.heading.title) for s in enclosing):
            continue
        # To the end of the section it is in, its sub-sections too ("…第一责任人职责。"
        # then "（一）带头学法…"); before the first heading, to that heading.
        end = (
            max(enclosing, key=lambda s: s.start).end
            if enclosing
            else min((s.start for s in doc.sections if s.start > p.start), default=doc.body[1])
        )
        found.append((p.start, max(p.end, end)))
    return found
