"""Kind `years`: the years a report names agree with the year it reports on.

The report year comes from the parser (title, else the opening "20XX年，…",
else the signature).  Checked against it:

- the title and the opening sentence, when both name a year;
- the next-year plan: its heading, and sentences in it that say what "20XX年"
  will be done, must name a later year (a 2023 report plans 2024).  A year-led
  重点工作/举措 heading is the plan only for a later year (`later_year` in the
  plan patterns), so "2024年度重点工作" in a 2024 report is not checked here;
  a sentence's year is excused only when the rest of the sentence names the
  next year as the time of what is done ("…，将于2025年上半年完成"), not inside
  《》 or （） and not as a modifier ("围绕2025年目标任务");
- publication metadata copied with the page (发布日期, 生成日期…): after the
  deadline (1 April of the next year) the report was published late.

The signature date is `signature`'s business and is not repeated here.
"""

from collections.abc import Iterator
from datetime import date

import msgspec

from reportlint.checks.base import (
    CheckKind,
    Finding,
    Params,
    heading_title_span,
    report_anchor,
    sections_matching,
)
from reportlint.checks.parts import JOINED_PARTS, YearPatterns
from reportlint.checks.registry import register
from reportlint.document import Document, Span, without_quoted
from reportlint.document.regexes import compiled

_YEAR = compiled(r"((?:19|20)\d{2})年")
_OPENING = compiled(r"^((?:19|20)\d{2})年度?[，,]")
# Inside a plan: "2023年，我镇将…", "2023年将继续…", "2023年要求全镇…"; not a
# year that dates a past item, a modifier ending in 的: "2023年要求整改的问题",
# "2023年继续教育学时不足的…"; nor "2023年工作要点".
_PLAN_SENTENCE = compiled(
    r"(?:^|(?<=[。；\n]))((?:19|20)\d{2})年(?:[，,]?(?:我|本|全)[\p{Han}]{0,4})?"
    r"(?:将|要(?!点|求\p{Han}{1,4}的)|计划|力争|继续(?!教育\p{Han}{0,6}的))"
)
_SENTENCE_END = compiled(r"[。；\n]")
# A completed act: 了 (not 了解, 为了, 除了, 案结事了).  Not 已: "巩固已取得的成果",
# "在已完成…的基础上" are plans.
_DONE = compiled(r"(?<![为除事])了(?![解结])")
# A year as the time of what follows: at the start of a clause, or after 于/在/到/至
# ("将于2025年上半年完成", "，2025年力争…"); not "围绕2025年目标任务".
_TIME_YEAR = compiled(r"(?:^|(?<=[，、；：于在到至]))((?:19|20)\d{2})年")
_FOLLOW_UP = compiled(r"整改|反馈|督察|督查|问题")
_NON_DIGITS = compiled(r"\D+")
_ANY_YEAR = compiled(r"(?<!\d)((?:19|20)\d{2})(?=年|[—－\-–~至到])")
_MEASURES_HEADING = compiled(
    r"^(?:关于)?((?:19|20)\d{2})年度?(?!以来|[—－\-–~至到])[^《（]{0,16}"
    r"(?:主要举措|举措和成效|主要做法|主要工作|工作开展情况|工作成效|取得的成效)"
)


class YearsParams(Params):
    plan_patterns: list[str]
    deadline_month: int = 4
    metadata_keys: list[str] = msgspec.field(
        default_factory=lambda: ["发布日期", "发布时间", "生成日期", "成文日期"]
    )


@register
class Years(CheckKind[YearsParams]):
    name = "years"
    params_type = YearsParams
    messages = {
        "title-opening": frozenset({"title_year", "opening_year"}),
        "plan-year": frozenset({"found", "year", "next"}),
        "plan-past": frozenset({"found", "year", "next"}),
        "measures-year": frozenset({"found", "year"}),
        "published-late": frozenset({"key", "date", "year", "deadline"}),
        "unknown-year": frozenset(),
    }

    def __init__(self, params: YearsParams) -> None:
        super().__init__(params)
        self.plan = YearPatterns(params.plan_patterns, "plan_patterns")

    def check(self, doc: Document) -> Iterator[Finding]:
        year = doc.report_year
        if year is None:
            # Said once, so that the checks that need the year are not off in silence.
            if doc.body_paragraphs:
                yield Finding(report_anchor(doc), "unknown-year")
            return
        yield from self._title_and_opening(doc)
        yield from self._measures(doc, year)
        yield from self._plan(doc, year)
        yield from self._metadata(doc, year)

    def _title_and_opening(self, doc: Document) -> Iterator[Finding]:
        if doc.year_source != "title" or not doc.body_paragraphs:
            return
        first = doc.body_paragraphs[0]
        m = _OPENING.match(first.text)
        if m and int(m[1]) != doc.report_year:
            yield Finding(
                doc.span(first.start, first.start + m.end(1) + 1),
                "title-opening",
                {"title_year": doc.report_year, "opening_year": m[1]},
            )

    def _measures(self, doc: Document, year: int) -> Iterator[Finding]:
        """A chapter of the year's work headed with another year: "一、2023年推进法治
        政府建设的主要举措和成效" copied into a 2024 report."""
        if doc.year_source != "title":
            return
        found = [
            (i, m)
            for i, section in enumerate(doc.sections)
            if section.parent is None
            and (m := _MEASURES_HEADING.match(section.heading.title))
            and not _FOLLOW_UP.search(section.heading.title)
        ]
        # A report reviewing several years heads a chapter for each, its own year among them.
        if any(int(m[1]) == year for _, m in found):
            return
        for i, m in found:
            yield Finding(
                heading_title_span(doc, i), "measures-year", {"found": f"{m[1]}年", "year": year}
            )

    def _plan(self, doc: Document, year: int) -> Iterator[Finding]:
        plan = self.plan.for_doc(doc)
        for i in sections_matching(doc, plan):
            section = doc.sections[i]
            if section.parent is not None:
                continue  # the plan chapter itself, not a sub-heading that mentions a plan
            title = without_quoted(section.heading.title, keep_offsets=True)
            plan_part = next(
                (part for part in JOINED_PARTS.split(title) if plan.search(part)), title
            )
            m = _YEAR.search(plan_part)
            first = min((int(y) for y in _ANY_YEAR.findall(without_quoted(title))), default=None)
            if m and (int(m[1]) <= year or (first is not None and first > year + 1)):
                yield Finding(
                    heading_title_span(doc, i),
                    "plan-past" if int(m[1]) < year else "plan-year",
                    {"found": m.group(), "year": year, "next": year + 1},
                )
            body_start = section.heading.title_end
            text = doc.view.text[body_start : section.end]
            for s in _PLAN_SENTENCE.finditer(text):
                if (
                    int(s[1]) <= year
                    and not _names_next_year(text, s.end(), year)
                    and not _done(text, s.end())
                ):
                    yield Finding(
                        doc.span(body_start + s.start(1), body_start + s.end(1) + 1),
                        "plan-year" if int(s[1]) == year else "plan-past",
                        {"found": f"{s[1]}年", "year": year, "next": year + 1},
                    )

    def _metadata(self, doc: Document, year: int) -> Iterator[Finding]:
        deadline = date(year + 1, self.params.deadline_month, 1)
        for key in self.params.metadata_keys:
            value = doc.metadata.get(key)
            if value is None:
                continue
            parts = _NON_DIGITS.split(value)
            try:
                published = date(int(parts[0]), int(parts[1]), int(parts[2]))
            except (ValueError, IndexError):
                continue
            if published >= deadline:
                yield Finding(
                    _metadata_span(doc, key) or report_anchor(doc),
                    "published-late",
                    {
                        "key": key,
                        "date": f"{published.year}年{published.month}月{published.day}日",
                        "year": year,
                        "deadline": f"{deadline.year}年{deadline.month}月{deadline.day}日",
                    },
                )
            return  # the first date present speaks for the page


def _done(text: str, start: int) -> bool:
    """Whether the rest of the sentence tells of something done (了), a look back in
    the plan chapter: "2024年，我镇将(=把)法治建设纳入…考核，取得了较好效果"."""
    end = _SENTENCE_END.search(text, start)
    return _DONE.search(text, start, end.start() if end else len(text)) is not None


def _names_next_year(text: str, start: int, year: int) -> bool:
    """Whether the rest of the sentence names the plan's year as the time of what
    is to be done: in "2024年计划完成但顺延的2项任务，将于2025年上半年完成" the
    2024 dates the tasks, 2025 is the plan.  A year inside a title or brackets
    ("对照《法治政府建设实施纲要（2021—2025年）》") or one that qualifies a noun
    ("围绕2025年目标任务") does not say when."""
    end = _SENTENCE_END.search(text, start)
    rest = without_quoted(text[start : end.start() if end else len(text)])
    return any(int(m[1]) == year + 1 for m in _TIME_YEAR.finditer(rest))


def _metadata_span(doc: Document, key: str) -> Span | None:
    for p in doc.paragraphs:
        if p.chrome and (i := p.text.find(key)) >= 0:
            return doc.span(p.start + i, p.start + i + len(key))
    return None
