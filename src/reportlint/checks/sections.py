"""Kind `sections`: the report has each required part, as a heading or labelled item.

A part counts only when a heading (any level: 一、 （一） 1. （1）) names it.
A passing mention in running text does not count: citing the title of the
第一责任人 regulation, or planning to 履行第一责任人职责 next year, is not a
report on how the duty was performed.
"""

from collections.abc import Iterable, Iterator

import msgspec
import regex

from reportlint.checks.base import (
    CheckKind,
    Finding,
    Params,
    compile_patterns,
    heading_title_span,
    report_anchor,
    sections_matching,
)
from reportlint.checks.parts import (
    YearPatterns,
    body_text,
    led_paragraphs,
    planning_last_chapter,
    title_matches,
    year_patterns,
)
from reportlint.checks.registry import register
from reportlint.document import Document


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
                matches = planning_last_chapter(doc, claimed)
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
    planned = set() if boundary is not None else set(planning_last_chapter(doc, claimed))
    return [
        i
        for i, s in enumerate(doc.sections)
        if s.parent is None
        and i not in claimed
        and i not in planned
        and (boundary is None or s.start < boundary)
    ]
