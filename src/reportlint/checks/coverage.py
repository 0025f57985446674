"""Kind `coverage`: inside one located section, which of a list of things are shown.

Used for the 第一责任人 duty section: a section that only says the leaders
"高度重视" shows no duty performed; it should show concrete acts (学法,
听取汇报, 出庭应诉, 述法, 法律顾问, 亲自部署…) and both the Party and the
government leader.  When the section itself is missing, this kind is silent:
that is the `sections` kind's finding.
"""

from collections.abc import Iterator

import msgspec

from reportlint.checks.base import (
    CheckKind,
    Finding,
    ParamError,
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
    title_matches,
    year_patterns,
)
from reportlint.checks.registry import register
from reportlint.document import Document, Span
from reportlint.document.regexes import compiled


class Topic(Params):
    id: str
    label: str
    patterns: list[str]
    # Not asked of a report whose issuer (Document.issuer) matches these: a
    # department has one principal, so "党委和政府主要负责人" is a government's.
    unless_issuer: list[str] = msgspec.field(default_factory=list)


class CoverageParams(Params):
    section_patterns: list[str]
    exclude_under: list[str] = msgspec.field(default_factory=list)
    topics: list[Topic] = msgspec.field(default_factory=list)
    min_topics: int = 1
    # Each of these must appear at least once (e.g. the Party and the government leader).
    required: list[Topic] = msgspec.field(default_factory=list)
    # When no heading matches but the report's title does, the whole report
    # (less the sections matching exclude_under) is the section: a 述法 report;
    # not when the title also matches joint_title_patterns (a joint report).
    whole_report_if_title: bool = False
    joint_title_patterns: list[str] = msgspec.field(default_factory=list)
    # With neither, a body paragraph opening with one of these ("镇党委书记、镇长
    # 认真履行…第一责任人职责") is the section, up to the next heading.
    lead_patterns: list[str] = msgspec.field(default_factory=list)


@register
class Coverage(CheckKind[CoverageParams]):
    name = "coverage"
    params_type = CoverageParams
    messages = {
        "few-topics": frozenset({"count", "minimum", "found", "missing"}),
        "missing-required": frozenset({"missing"}),
    }

    def __init__(self, params: CoverageParams) -> None:
        super().__init__(params)
        self.section = YearPatterns(params.section_patterns, "section_patterns")
        self.exclude = year_patterns(params.exclude_under, "exclude_under")
        self.lead = (
            compile_patterns(params.lead_patterns, "lead_patterns")
            if params.lead_patterns
            else None
        )
        self.joint = (
            compile_patterns(params.joint_title_patterns, "joint_title_patterns")
            if params.joint_title_patterns
            else None
        )
        self.topics = [
            (t, compile_patterns(t.patterns, f"topics[{i}].patterns"))
            for i, t in enumerate(params.topics)
        ]
        self.required = [
            (
                t,
                compile_patterns(t.patterns, f"required[{i}].patterns"),
                compile_patterns(t.unless_issuer, f"required[{i}].unless_issuer")
                if t.unless_issuer
                else None,
            )
            for i, t in enumerate(params.required)
        ]
        if params.min_topics > len(params.topics):
            raise ParamError("min_topics", f"min_topics={params.min_topics} 大于 topics 的个数")

    def check(self, doc: Document) -> Iterator[Finding]:
        named = ""  # headings that say whose duty it is
        section = self.section.for_doc(doc)
        exclude = self.exclude.for_doc(doc) if self.exclude is not None else None
        matches = list(sections_matching(doc, section, exclude))
        if matches:
            # The body only: the statutory heading itself says "党政主要负责人" and
            # proves nothing about what either leader did.
            text = "\n".join(
                doc.view.text[doc.sections[i].heading.title_end : doc.sections[i].end]
                for i in matches
            )
            anchor = heading_title_span(doc, matches[0])
            # But a heading that names one principal and no party body ("县人民政府
            # 主要负责人履行…") says whose duty the body tells: a government's own.
            named = "\n".join(
                doc.sections[i].heading.title
                for i in matches
                if not _PARTY.search(doc.sections[i].heading.title)
            )
        elif self.params.whole_report_if_title and title_matches(doc, section, self.joint):
            # A report whose title is the section (述法: "县长…履行推进法治建设第一
            # 责任人职责情况报告"): the whole report, less next year's plan.
            text = body_text(doc, exclude)
            anchor = report_anchor(doc)
        elif self.lead is not None and (led := led_paragraphs(doc, self.lead, exclude)):
            text = "\n".join(doc.view.text[a:b] for a, b in led)
            anchor = _first_sentence(doc, led[0][0])
        else:
            return
        shown = [t.label for t, p in self.topics if p.search(text)]
        if self.topics and len(shown) < self.params.min_topics:
            missing = [t.label for t, p in self.topics if t.label not in shown]
            yield Finding(
                anchor,
                "few-topics",
                {
                    "count": len(shown),
                    "minimum": self.params.min_topics,
                    "found": "、".join(shown) or "无",
                    "missing": "、".join(missing),
                },
            )
        # A cited title names no one: "镇党委书记认真贯彻《党政主要负责人履行推进法治
        # 建设第一责任人职责规定》" says nothing of the government principal.
        own = _TITLE.sub("", f"{text}\n{named}")
        absent = [
            t.label
            for t, p, unless in self.required
            if not p.search(own) and (unless is None or not unless.search(doc.issuer))
        ]
        if absent:
            yield Finding(anchor, "missing-required", {"missing": "、".join(absent)})


_TITLE = compiled(r"《[^《》\n]*》")
# A heading naming a party body: "党政", "党委", "县委主要负责人" (not 卫健委员会).
_PARTY = compiled(r"党|[县区市镇乡旗州]委(?!员)")


def _first_sentence(doc: Document, start: int) -> Span:
    """The sentence opening the paragraph at `start`, where a finding about it points."""
    text = doc.view.text
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    stop = text.find("。", start, line_end)
    return doc.span(start, line_end if stop < 0 else stop + 1)
