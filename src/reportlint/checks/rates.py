"""Kind `rates`: percentages that cannot be right.

Read from the Document's clauses (document/clauses.py), sentence by sentence:

- A rate and its counts: the numerator is a count earlier in the sentence
  whose words carry the rate's stem (办结率 ← "已办结24件", 优良率 ← "其中24卷
  被评为优良"; for 占/占比 the count just before); a negated one ("未按期办结
  2件") is the rest of the whole.  The denominator is the nearest earlier
  count of the same unit class, at least as large ("全年查办案件25件").  A
  stated rate that no such pair in the sentence gives, rounded or cut at its
  own last digit (38÷40 is 95%, written 95%, never 96%), is reported with the
  pair read first.  Figures with decimals allow for their own rounding
  (1.49万 of 1.52万 is 97.4% to 98.7%); approximate figures (余, 约) and a
  sentence without a whole are not judged; a bound (95%以上) is checked as one.
- 全部/均 before the rate's action ("全部按期办结，按期办结率91.7%") means
  100%, and 无一/零 ("无一败诉，败诉率20%") means 0.
- A completion-type rate or a share above 100% ("出庭应诉率105%").
- The same named rate given two different values in one report, unless
  each sentence names its own subject before it ("12345热线受理…，按期办结率
  99.2%" and "县信访局受理…，按期办结率100%" are two rates).  Targets are not
  results: bounds, a sentence that names another period or compares years,
  the next-year plan and a table row of several columns are left out.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import msgspec

from reportlint import lexicon
from reportlint.checks.base import (
    CheckKind,
    Finding,
    Params,
    compile_patterns,
    sections_matching,
)
from reportlint.checks.parts import year_patterns
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.clauses import Clause, Figure, RateMention, Sentence
from reportlint.document.regexes import compiled

# Two percentages in cells side by side, as typed: "95.1%\t97.3%", "95.1%　97.3%".
_COLUMNS = compiled(r"%[ \t\u3000]*(?:\t|[ \u3000]{2,}|\u3000)[ \t\u3000]*\d[\d.]*%")
# Another year than the report's compares periods ("2023年为95%"); the report's own does not.
_YEARS = compiled(r"(?<!\d)((?:19|20)\d{2})年")
_TITLES = compiled(r"《[^》]*》")
_DATED = compiled(r"(?<!\d)(?:19|20)\d{2}年\d{1,2}月")
_MARKS = " ，、：（）“”‘’《》"
_NAMED_RATE = compiled(lexicon.alternation("rate_suffixes"))
_OF_THE_LAST_COUNT = compiled(lexicon.alternation("rate_of_the_last_count") + "$")
_NEGATED = compiled(lexicon.alternation("negations") + "$")
# The words that claim every case ("全部按期办结") or none ("无一败诉"), a few
# characters before the rate's action in the clause right before the rate.
_ALL = lexicon.alternation("rate_all_words")
_NONE = lexicon.alternation("rate_none_words")
_LEADING_NOISE = compiled(
    r"^(?:[一二三四五六七八九十]是)?(?:全年|今年|本年度?|年度|年内|年|力争|确保|累计|其中|全部|均)*"
)
# Subsets named before their count ("其中开庭审理12件", "涉及房屋征收的23件") are
# wholes of a second choice: the count that is no one's subset is read first.
_SUBSET = compiled(r"^其中|的$")


class RatesParams(Params):
    max_percent: float = 100.0
    # Rates that may exceed 100% (growth and the like).
    unbounded: list[str] = msgspec.field(
        default_factory=lambda: list(lexicon.words("rate_unbounded"))
    )
    # Rates are compared across the report by their whole name, less leading
    # time words ("全年", "一是"), and only when it is at least this long:
    # "镇本级…出庭应诉率" and "全县…出庭应诉率" are different rates.
    min_name_length: int = 4
    # A sentence with these compares periods ("较上年", "2022年…"), not a restatement.
    comparison_words: list[str] = msgspec.field(
        default_factory=lambda: list(lexicon.words("rate_comparisons"))
    )
    # Headings of the next-year plan, whose rates are targets, not results.
    plan_patterns: list[str] = msgspec.field(default_factory=list)


class _Seen(NamedTuple):
    value: float
    start: int
    # What the sentence says before the rate's name: "县信访局受理群众来信来访386件，"
    # in "县信访局受理群众来信来访386件，按期办结率100%"; "" when the name opens it.
    subject: str


class _Count(NamedTuple):
    figure: Figure
    negated: bool  # "未按期办结2件": the rest of the whole is the numerator


@register
class Rates(CheckKind[RatesParams]):
    name = "rates"
    params_type = RatesParams
    messages = {
        "over-maximum": frozenset({"name", "value", "maximum"}),
        "mismatch": frozenset({"name", "stated", "computed", "numerator", "denominator"}),
        "all-but": frozenset({"name", "value", "word", "expected"}),
        "conflict": frozenset({"name", "value", "other", "other_line"}),
    }

    def __init__(self, params: RatesParams) -> None:
        super().__init__(params)
        self.unbounded = compile_patterns(params.unbounded, "unbounded")
        self.comparison = compile_patterns(params.comparison_words, "comparison_words")
        self.plan = year_patterns(params.plan_patterns, "plan_patterns")

    def check(self, doc: Document) -> Iterator[Finding]:
        seen: dict[str, list[_Seen]] = {}
        plans: list[tuple[int, int]] | None = None  # next-year plan sections
        rows: dict[int, bool] = {}  # paragraph index -> a table row of several columns
        for sentence in doc.sentences:
            if "%" not in sentence.text:
                continue  # no rate: most sentences
            clauses = doc.clauses_of(sentence)
            figures = [f for c in clauses for f in c.figures]
            compared: bool | None = None  # the sentence names another period
            for clause in clauses:
                for rate in clause.rates:
                    raw = _fmt(rate.value, rate.decimals)
                    span = doc.span(rate.start, rate.end)
                    bounded = rate.share or not self.unbounded.search(rate.name)
                    if bounded and rate.value > self.params.max_percent:
                        yield Finding(
                            span,
                            "over-maximum",
                            {
                                "name": rate.name,
                                "value": raw,
                                "maximum": _fmt(self.params.max_percent),
                            },
                        )
                        continue
                    if not bounded:
                        continue
                    found = self._against_counts(doc, rate, figures, clauses, raw)
                    if found is None:
                        found = self._against_claim(doc, rate, clauses, raw)
                    if found is not None:
                        yield found
                    if rate.share:
                        continue
                    if compared is None:
                        compared = self._compares(doc, sentence)
                    if rate.bound or compared:
                        continue  # a target or another period
                    if plans is None:
                        plans = self._plans(doc)
                    if any(a <= rate.start < b for a, b in plans):
                        continue
                    if sentence.paragraph not in rows:
                        rows[sentence.paragraph] = _table_row(doc, sentence.paragraph)
                    if rows[sentence.paragraph]:
                        continue
                    yield from self._against_earlier(doc, rate, sentence, seen, raw)

    def _compares(self, doc: Document, sentence: Sentence) -> bool:
        text = sentence.text
        return (
            self.comparison.search(text) is not None
            or _DATED.search(text) is not None
            or any(int(y) != doc.report_year for y in _YEARS.findall(_TITLES.sub("", text)))
        )

    def _plans(self, doc: Document) -> list[tuple[int, int]]:
        if self.plan is None:
            return []
        plan = self.plan.for_doc(doc)
        return [(doc.sections[i].start, doc.sections[i].end) for i in sections_matching(doc, plan)]

    def _against_counts(
        self,
        doc: Document,
        rate: RateMention,
        figures: Sequence[Figure],
        clauses: Sequence[Clause],
        raw: str,
    ) -> Finding | None:
        before = [f for f in figures if f.end <= rate.start]
        counts = _numerators(rate, before, clauses)
        if not counts:
            return None
        # The reading a writer meant first: the nearest count of the rate's action,
        # of the nearest whole before it that is no one's subset.
        # A count of the rate's own action is a part, never a whole: "镇长出庭应诉4次，
        # 分管副镇长出庭应诉3次" are two numerators, not 3 of 4.
        carriers = {c.figure for c in counts}
        before = [f for f in before if f not in carriers or rate.share]
        first = counts[-1]
        wholes = _wholes(first.figure, before)
        if first.figure.approx or not wholes:
            return None  # approximate, or no whole in the sentence
        primary = next((w for w in reversed(wholes) if not _SUBSET.search(w.lead)), wholes[-1])
        if primary.approx:
            return None
        for count in counts:
            if count.figure.approx:
                continue
            for whole in _wholes(count.figure, before):
                if not whole.approx and _agrees(count, whole, rate):
                    return None  # another reading gives the stated rate
        part = first.figure
        computed = (
            (primary.amount - part.amount if first.negated else part.amount) / primary.amount * 100
        )
        whole_text = _fmt(primary.value)
        return Finding(
            doc.span(rate.start, rate.end),
            "mismatch",
            {
                "name": rate.name,
                "stated": raw,
                "computed": _fmt(round(computed, max(rate.decimals, 1))),
                "numerator": f"({whole_text}-{_fmt(part.value)})"
                if first.negated
                else _fmt(part.value if part.unit_class == primary.unit_class else part.amount),
                "denominator": whole_text,
            },
        )

    def _against_claim(
        self, doc: Document, rate: RateMention, clauses: Sequence[Clause], raw: str
    ) -> Finding | None:
        """全部/均 before the rate's action is 100%, 无一/零 is 0: "12件，全部按期办结，
        按期办结率为91.7%" cannot be."""
        if rate.share or rate.bound:
            return None
        own = clauses[rate.clause]
        said = [own.text[: rate.start - own.start]]
        if rate.clause:
            said.append(clauses[rate.clause - 1].text)
        for text in said:
            if text.startswith("其中"):
                continue  # "其中38件全部按期办结" claims all of a part
            for words, expected in ((_ALL, 100.0), (_NONE, 0.0)):
                m = compiled(f"({words})\\p{{Han}}{{0,8}}?(?:{rate.stem_pattern})").search(text)
                if m and rate.value != expected:
                    return Finding(
                        doc.span(rate.start, rate.end),
                        "all-but",
                        {"name": rate.name, "value": raw, "word": m[1], "expected": _fmt(expected)},
                    )
        return None

    def _against_earlier(
        self,
        doc: Document,
        rate: RateMention,
        sentence: Sentence,
        seen: dict[str, list[_Seen]],
        raw: str,
    ) -> Iterator[Finding]:
        key = _LEADING_NOISE.sub("", rate.name)
        if len(key) < self.params.min_name_length:
            return
        # (a sentence's worth: a page-long run-on line stays linear)
        upto = doc.view.text[max(sentence.start, rate.start - 300) : rate.start + len(rate.name)]
        current = _Seen(rate.value, rate.start, _subject(upto, rate.name))
        earlier_rates = seen.setdefault(key, [])
        # The same name is the same rate only when it is about the same thing: two
        # sentences that each name their own subject before a generic 按期办结率
        # ("12345热线受理…，按期办结率99.2%", "县信访局受理…，按期办结率100%") give
        # two rates.  A name that opens its sentence is its own subject.
        earlier = next(
            (
                e
                for e in earlier_rates
                if e.value != current.value
                and (not e.subject or not current.subject or e.subject == current.subject)
            ),
            None,
        )
        earlier_rates.append(current)
        if earlier is not None:
            line, _ = doc.position(doc.span(earlier.start, earlier.start + 1).start)
            yield Finding(
                doc.span(rate.start, rate.end),
                "conflict",
                {"name": rate.name, "value": raw, "other": _fmt(earlier.value), "other_line": line},
            )


def _numerators(
    rate: RateMention, before: Sequence[Figure], clauses: Sequence[Clause]
) -> list[_Count]:
    """The counts a rate may be made of, in text order."""
    if rate.share:
        # 占/占比: the count right before it, in its clause or ending the one before.
        if not before:
            return []
        last = before[-1]
        ends_clause = last.end == clauses[last.clause].end
        if last.clause == rate.clause or (last.clause == rate.clause - 1 and ends_clause):
            return [_Count(last, False)]
        return []
    found = []
    pattern = compiled(rate.stem_pattern)
    for f in before:
        m = pattern.search(f.words)
        if m is None or _NAMED_RATE.match(f.words, m.end()):
            continue  # "满意度调查问卷246份" names the rate, it does not count the act
        ahead = f.words[: m.start()]
        found.append(_Count(f, _NEGATED.search(ahead) is not None))
    if not found and before and _OF_THE_LAST_COUNT.search(rate.stem):
        # 覆盖率 names no action: it is of the count right before it, in its
        # clause or the one before ("已有56个建成法治文化阵地，覆盖率为82.4%").
        last = before[-1]
        if last.clause >= rate.clause - 1:
            found.append(_Count(last, False))
    return found


def _wholes(part: Figure, before: Sequence[Figure]) -> list[Figure]:
    """Earlier counts of the same class that may be the whole of `part`."""
    return [
        f
        for f in before
        if f.end <= part.start and f.unit_class == part.unit_class and f.amount >= part.amount
    ]


def _agrees(count: _Count, whole: Figure, rate: RateMention) -> bool:
    """Whether part of whole (or the rest of it, when negated) gives the rate, within
    its last decimal place and the rounding of the counts themselves:
    "1.49万人次" of "1.52万人次" is anything from 97.4% to 98.7%."""
    part = count.figure
    p, dp = part.amount, part.precision
    w, dw = whole.amount, whole.precision
    if count.negated:
        p, dp = w - p, dp + dw
    if w - dw <= 0:
        return True
    low = max(0.0, p - dp) / (w + dw) * 100
    high = (p + dp) / (w - dw) * 100
    # The stated value may round the exact one or cut it off at its own last
    # decimal: 96.5% is written 96% or 97%, 90.2% is 90%, never 91%.
    scale = 10.0**rate.decimals
    floor_low = math.floor(low * scale + 1e-9) / scale
    ceil_high = math.floor(high * scale + 0.5 + 1e-9) / scale
    eps = 1e-9
    if rate.bound == "at_least":  # "办结率达到95%以上": 40 of 40 is 100%, above 95%
        return rate.value <= ceil_high + eps
    if rate.bound == "at_most":
        return floor_low - eps <= rate.value
    if rate.bound == "about":
        return True
    return floor_low - eps <= rate.value <= ceil_high + eps


def _table_row(doc: Document, paragraph: int) -> bool:
    """A table row of several % columns ("案卷合格率\t95.1%\t97.3%" under "2023年
    2024年"): which column is this year's the view cannot tell."""
    p = doc.paragraphs[paragraph]
    if "。" in p.text:
        return False
    span = doc.span(p.start, p.end)
    return _COLUMNS.search(doc.text[span.start : span.end]) is not None


def _subject(upto_name: str, name: str) -> str:
    """The sentence before a rate's name, less leading time words and marks:
    "" for "全年行政机关负责人出庭应诉率", "县信访局受理群众来信来访386件，" for
    "县信访局受理群众来信来访386件，按期办结率"."""
    text: str = _LEADING_NOISE.sub("", upto_name.lstrip(_MARKS))
    key: str = _LEADING_NOISE.sub("", name)
    return text[: max(0, len(text) - len(key))]


def _fmt(value: float, decimals: int | None = None) -> str:
    return f"{value:.{decimals}f}" if decimals is not None else f"{value:g}"
