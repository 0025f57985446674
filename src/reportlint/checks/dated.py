"""Kind `dated-references`: references that do not fit the report's year.

Driven by a table of dated facts (a congress, a plenum, a plan, a law), so
that the next congress or plan is a YAML entry, not code.  Each fact may
say:

- `since` ("2022-10"): when it came to be.  A report is published by the
  deadline (1 April of the next year), so citing a fact that only came to be
  after that is impossible: an error.
- `stale_from` (a report year): from this year on, citing it as current is
  outdated (the 十九大 as the guiding congress in a 2023 report): a warning,
  naming what replaced it.
- `closing`: words that close a finished plan (总结, 验收, 收官, 圆满完成).  A plan
  is closed in its last year and the year after, so they make it history only
  in the first `closing_years` reports from `stale_from`: "完成七五普法总结验收"
  in 2021, not "推进七五普法验收" in 2025.

A forward reference ("迎接党的二十大召开") is not a citation: `forward`
patterns (and a fact's own `exceptions`) are looked for in the clause that
holds the match, and exempt it.
"""

from collections.abc import Iterator

import msgspec

from reportlint.checks.base import (
    CheckKind,
    Finding,
    ParamError,
    Params,
    compile_patterns,
    validate_patterns,
)
from reportlint.checks.registry import register
from reportlint.checks.sourced import Sourced
from reportlint.document import Document
from reportlint.document.literals import gate
from reportlint.document.regexes import compiled

_YEAR_MONTH = compiled(r"^(\d{4})(?:-(\d{1,2}))?$")
_CLAUSE_END = compiled(r"[，。；：！？]")
# Quotes around a plan's name do not change what a clause says ("“七五”普法基础上").
_QUOTES = compiled(r"[“”‘’\"']")
_SENTENCE_END = compiled(r"[。；！？]")
# A year as the time of a past event: "2018年，", "2019年3月被评为", "2019年获评".
# A sentence dated to a past year: "2018年，", "2019年3月，", "在2019年，", "2018年根据…"
# (not "2018年以来", "2018年起", "2018—2020年").
_OPENING_TIME = compiled(
    r"\s*(?:在|于)?(?P<year>(?:19|20)\d{2})年(?:度|底|末|初)?(?:\d{1,2}月(?:\d{1,2}日)?)?"
    r"(?:[，,]|(?!以来|起|开始|至|到|[—－\-–~]|前|\d))"
)
# ... and a later time named after it: "…，今年深入推进…", or a frame that leads past
# it: "在2020年七五普法通过验收的基础上，继续…" dates the base, not what is built on it.
_LATER_TIME = compiled(
    r"(?<!\d)(?:19|20)\d{2}年|今年|本年|当年|目前|当前|现在|现正|正在|至今|全年|近年|年来"
    r"|基础上|以后|此后"
)


class DatedFact(Sourced):
    label: str  # what it is, for the message: "党的二十大（2022年10月）"
    patterns: list[str]
    since: str | None = None  # "YYYY" or "YYYY-MM"
    stale_from: int | None = None  # first report year in which it is outdated
    successor: str = ""  # what replaced it, for the message
    # Words near a match that make it history, not a citation ("七五普法总结验收").
    exceptions: list[str] = msgspec.field(default_factory=list)
    # Words that close a finished plan ("七五普法总结验收"): history only for a while.
    closing: list[str] = msgspec.field(default_factory=list)


class DatedParams(Params):
    facts: list[DatedFact]
    forward: list[str] = msgspec.field(default_factory=list)
    deadline_month: int = 4  # reports are published before 1 April of the next year
    # How many reports from `stale_from` on may still tell the close of a finished plan.
    closing_years: int = 2


@register
class DatedReferences(CheckKind[DatedParams]):
    name = "dated-references"
    params_type = DatedParams
    messages = {
        "not-yet": frozenset({"match", "label", "year"}),
        "outdated": frozenset({"match", "label", "year", "successor"}),
    }

    def __init__(self, params: DatedParams) -> None:
        super().__init__(params)
        self.facts = []
        for i, fact in enumerate(params.facts):
            since = None
            if fact.since is not None:
                m = _YEAR_MONTH.match(fact.since)
                if not m:
                    raise ParamError(f"facts[{i}].since", f"“{fact.since}”应写作 YYYY 或 YYYY-MM")
                since = (int(m[1]), int(m[2] or 1))
            pattern = compile_patterns(fact.patterns, f"facts[{i}].patterns")
            # each on its own for the scan of the whole report: one that opens with a
            # literal is found by a fast scan, which their alternation loses
            probes = validate_patterns(fact.patterns, f"facts[{i}].patterns")
            exceptions = (
                compile_patterns(fact.exceptions, f"facts[{i}].exceptions")
                if fact.exceptions
                else None
            )
            if fact.closing and fact.stale_from is None:
                raise ParamError(f"facts[{i}].closing", "closing 只用于有 stale_from 的规划")
            closing = (
                compile_patterns(fact.closing, f"facts[{i}].closing") if fact.closing else None
            )
            self.facts.append(
                (fact, pattern, probes, since, exceptions, closing, gate(fact.patterns))
            )
        self.forward = compile_patterns(params.forward, "forward") if params.forward else None

    def check(self, doc: Document) -> Iterator[Finding]:
        year = doc.report_year
        if year is None:
            return
        deadline = (year + 1, self.params.deadline_month)
        # One scan of the whole report tells which facts it names at all (most it does not),
        # cheaper than a scan of each paragraph for each fact.
        body = doc.view.text[doc.body[0] : doc.body[1]]
        for fact, pattern, probes, since, exceptions, closing, needs in self.facts:
            not_yet = since is not None and since >= deadline
            outdated = fact.stale_from is not None and year >= fact.stale_from
            if fact.stale_from is None or year >= fact.stale_from + self.params.closing_years:
                closing = None  # closed long ago: closing it is no history
            if (
                not (not_yet or outdated)
                or (needs is not None and not needs.admits(body))
                or not any(p.search(body) for p in probes)
            ):
                continue
            for p in doc.body_paragraphs:
                for m in pattern.finditer(p.text):
                    around = _clause(p.text, m.start(), m.end())
                    bare = _QUOTES.sub("", around)
                    if any(
                        x is not None and (x.search(around) or x.search(bare))
                        for x in (self.forward, exceptions, closing)
                    ):
                        continue
                    if not not_yet and _dated_before(p.text, m.start(), fact.stale_from):
                        continue  # "2018年，根据党的十九大部署，…成立…": history
                    args = {"match": m.group(), "label": fact.label, "year": year}
                    span = doc.span(p.start + m.start(), p.start + m.end())
                    if not_yet:
                        yield Finding(span, "not-yet", args)
                    else:
                        yield Finding(span, "outdated", {**args, "successor": fact.successor})


def _dated_before(text: str, start: int, stale_from: int | None) -> bool:
    """Whether the sentence opens with a year before `stale_from` as the time of what
    it tells, and names no later time before `start`: "2018年，根据党的十九大部署，
    镇党委成立…" (not "2018年以来…", nor "2019年12月，…，这一年来…", nor a year
    further in: "溪口村2019年被评为…，我镇…" is left to the entry's exceptions)."""
    if stale_from is None:
        return False
    opening = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _OPENING_TIME.match(text, opening)
    if m is None or int(m["year"]) >= stale_from:
        return False
    return _LATER_TIME.search(text, m.end(), start) is None


def _clause(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end]: from the last mark before it to the next."""
    before = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return text[before : after.start() if after else len(text)]
