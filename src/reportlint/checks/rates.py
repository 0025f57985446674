"""Kind `rates`: percentages that cannot be right.

- A completion-type rate above 100% ("出庭应诉率105%").
- A rate stated beside its own counts that disagree beyond rounding:
  "受理40件，办结38件，办结率98%" (38/40 is 95%).
- The same named rate given two different values in one report, unless
  each sentence names its own subject before it ("12345热线受理…，按期办结率
  99.2%" and "县信访局受理…，按期办结率100%" are two rates).

It stays silent when it cannot tell which counts a rate is made of: the
numerator must be named by the rate itself (办结率 <- 办结38件) and the
denominator by a word of intake (受理, 收到, 排查…) in the same sentence.
A count negated before the rate's stem (未按期办结2件 for 按期办结率) is the
complement: the rate is checked as (40-2)/40.  It stays silent too when
another count of the sentence gives the stated rate ("案件87件中，涉及房屋
征收的23件，败诉5件，败诉率5.7%": 5 of the 87), and allows for rounding in
counts written in 万 with decimals ("1.52万人次…1.49万人次"); a whole "2万人次"
is exact.  A bound is checked as one: "办结40件…办结率达到95%以上" holds.

Targets are not results: a value with 以上/以下/以内/左右, a sentence that
names another period (上半年, 前三季度, 1—9月) or compares years, and the
next-year plan are left out of the comparison across the report.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Any, NamedTuple

import msgspec

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
from reportlint.document.quantities import Quantity
from reportlint.document.regexes import compiled

_RATE = compiled(
    r"(?P<name>\p{Han}{1,12}率)(?:均|已|都|也|达|为|是|到|达到|保持|实现|在)*(?P<value>\d+(?:\.\d+)?)%(?!\s*[～~\-—至])"
    # a bound, not a value: "达到95%以上", "控制在10%以内"
    r"(?P<bound>(?:及|或)?(?:以上|以下|以内|左右))?"
)
_NUMBER = compiled(r"\d+(?:\.(\d+))?")
# A share of the count right before it: "抽查案卷240卷，评为优秀的86卷，占35.8%".
_SHARE = compiled(
    r"(?<=\d\p{Han}{1,3}[，,])(?P<name>占比?)(?:为|达)?(?P<value>\d+(?:\.\d+)?)%(?![\d～~\-—至]|以上|以下|以内|左右)"
)
# Before a rate's stem, a negation makes the count the rest: 未按期办结, 不予受理, 不满意.
_NEGATED = ("未", "不", "不予", "非", "没有")
# Two percentages in cells side by side, as typed: "95.1%\t97.3%", "95.1%　97.3%".
_COUNTS_LOOKED_AT = 40
_COLUMNS = compiled(r"%[ \t\u3000]*(?:\t|[ \u3000]{2,}|\u3000)[ \t\u3000]*\d[\d.]*%")
_SENTENCE = compiled(r"[^。；！？\n]+")
# Another year than the report's compares periods ("2023年为95%"); the report's own does not.
_YEARS = compiled(r"(?<!\d)((?:19|20)\d{2})年")
_TITLES = compiled(r"《[^》]*》")
_DATED = compiled(r"(?<!\d)(?:19|20)\d{2}年\d{1,2}月")
_MARKS = " ，、：（）“”‘’《》"


# Default word lists; a pack can replace each one.
# "完成率" of a target can pass 100% (任务完成率108%), and so can a target's
# 达成率 and the gross enrolment ratios (毛入学率, 毛入园率: over-age pupils count).
UNBOUNDED = [
    *["增长", "增幅", "上升", "提高", "提升", "下降", "同比", "环比", "增速", "溢价"],
    *["完成", "达成", "毛入"],
]
DENOMINATOR_WORDS = [
    "受理",
    "收到",
    "接到",
    "接收",
    "登记",
    "排查",
    "收集",
    "涉及",
    "发现",
    "(?<![公中])共(?![同建享治产青])",  # not 公共服务, 共同, 共建共享
    "累计",
    "总计",
    "合计",
    "全部",
    # cases heard, files reviewed: "开庭审理76件，出庭应诉76件", "评查案卷22卷，合格20卷"
    "开庭",
    "评查",
    "抽查",
]
COMPARISON_WORDS = [
    *["上年", "去年", "同比", "环比", "较(?![好强大为差])", "提高到", "提升到", "下降到", "由"],
    # targets, not results
    *["力争", "目标", "确保", "计划", "预计"],
    # another period than the year: "前三季度", "上半年", "1—9月", "截至10月底"
    r"[一二三四1-4]季度|[上下]半年|截[至止]|\d{1,2}[—–\-－~至到]\d{1,2}月|\d{1,2}月(?:份|底|末|以来)",
]


class RatesParams(Params):
    max_percent: float = 100.0
    # Rates that may exceed 100% (growth and the like).
    unbounded: list[str] = msgspec.field(default_factory=lambda: list(UNBOUNDED))
    # Words that introduce the whole a rate is taken of.
    denominator_words: list[str] = msgspec.field(default_factory=lambda: list(DENOMINATOR_WORDS))
    # Rates are compared across the report by their whole name, less leading
    # time words ("全年", "一是"), and only when it is at least this long:
    # "镇本级…出庭应诉率" and "全县…出庭应诉率" are different rates.
    min_name_length: int = 4
    # A sentence with these compares periods ("较上年", "2022年…"), not a restatement.
    comparison_words: list[str] = msgspec.field(default_factory=lambda: list(COMPARISON_WORDS))
    # Headings of the next-year plan, whose rates are targets, not results.
    plan_patterns: list[str] = msgspec.field(default_factory=list)


_LEADING_NOISE = compiled(
    r"^(?:[一二三四五六七八九十]是)?(?:全年|今年|本年度?|年度|年内|年|力争|确保|累计|其中|全部|均)*"
)


class _Rate(NamedTuple):
    name: str
    value: float
    decimals: int
    start: int  # view offsets
    end: int
    # What the sentence says before the rate's name: "县信访局受理群众来信来访386件，"
    # in "县信访局受理群众来信来访386件，按期办结率100%"; "" when the name opens it.
    subject: str = ""
    # "以上", "以下", "以内", "左右" after the value ("办结率达到95%以上"), else "".
    bound: str = ""


@register
class Rates(CheckKind[RatesParams]):
    name = "rates"
    params_type = RatesParams
    messages = {
        "over-maximum": frozenset({"name", "value", "maximum"}),
        "mismatch": frozenset({"name", "stated", "computed", "numerator", "denominator"}),
        "conflict": frozenset({"name", "value", "other", "other_line"}),
    }

    def __init__(self, params: RatesParams) -> None:
        super().__init__(params)
        self.unbounded = compile_patterns(params.unbounded, "unbounded")
        self.denominator = compile_patterns(params.denominator_words, "denominator_words")
        self.comparison = compile_patterns(params.comparison_words, "comparison_words")
        self.plan = year_patterns(params.plan_patterns, "plan_patterns")

    def check(self, doc: Document) -> Iterator[Finding]:
        seen: dict[str, list[_Rate]] = {}
        starts: list[int] | None = None  # of doc.quantities, in text order
        plans: list[tuple[int, int]] | None = None  # next-year plan sections
        for p, (_, typed) in zip(doc.body_paragraphs, doc.body_originals, strict=True):
            if "%" not in p.text:
                continue  # no rate: most paragraphs
            # A table row of several columns ("案卷合格率\t95.1%\t97.3%" under "2023年
            # 2024年"): which column is this year's the view cannot tell.
            row = "。" not in p.text and _COLUMNS.search(typed) is not None
            for sentence in _SENTENCE.finditer(p.text):
                if "%" not in sentence.group():
                    continue
                if starts is None:
                    starts = [q.start for q in doc.quantities]
                base = p.start + sentence.start()
                in_sentence = doc.quantities[
                    bisect_left(starts, base) : bisect_left(starts, base + len(sentence.group()))
                ]
                compared: bool | None = None  # the sentence names another period
                for m in _SHARE.finditer(sentence.group()):
                    raw = m["value"]
                    rate = _rate(m, base)
                    if rate.value > self.params.max_percent:
                        continue
                    yield from self._against_counts(doc, rate, in_sentence, raw, share=True)
                for m in _RATE.finditer(sentence.group()):
                    raw = m["value"]
                    rate = _rate(
                        m,
                        base,
                        # (a sentence's worth: a page-long run-on line stays linear)
                        _subject(
                            sentence.group()[max(0, m.end("name") - 300) : m.end("name")], m["name"]
                        ),
                        (m["bound"] or "").lstrip("及或"),
                    )
                    span = doc.span(rate.start, rate.end)
                    bounded = not self.unbounded.search(rate.name)
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
                    if bounded:
                        yield from self._against_counts(doc, rate, in_sentence, raw)
                    if compared is None:
                        compared = (
                            self.comparison.search(sentence.group()) is not None
                            or _DATED.search(sentence.group()) is not None
                            or any(
                                int(y) != doc.report_year
                                for y in _YEARS.findall(_TITLES.sub("", sentence.group()))
                            )
                        )
                    if m["bound"] or compared:
                        continue  # a target or another period
                    if plans is None:
                        plans = self._plans(doc)
                    if row or any(a <= rate.start < b for a, b in plans):
                        continue
                    yield from self._against_earlier(doc, rate, seen, raw)

    def _plans(self, doc: Document) -> list[tuple[int, int]]:
        if self.plan is None:
            return []
        plan = self.plan.for_doc(doc)
        return [(doc.sections[i].start, doc.sections[i].end) for i in sections_matching(doc, plan)]

    def _against_counts(
        self,
        doc: Document,
        rate: _Rate,
        quantities: list[Quantity],
        raw: str,
        share: bool = False,
    ) -> Iterator[Finding]:
        # The counts before it, a sentence's worth (a page-long run-on line stays linear).
        upto = bisect_right(quantities, rate.start, key=lambda q: q.end)
        before = quantities[max(0, upto - _COUNTS_LOOKED_AT) : upto]
        stem = rate.name[:-1]
        if share:
            numerator = before[-1] if before and rate.start - before[-1].end <= 1 else None
        else:
            numerator = next((q for q in reversed(before) if _names(doc, q, stem)), None)
        if numerator is None:
            return
        # "未按期办结2件" for 按期办结率: the rest of the whole, not the part.
        negated = not share and _lead(doc, numerator)[: -len(stem)].endswith(_NEGATED)
        # The whole is the count right before the part, and it must say so
        # (受理, 收到…): "开庭审理12件，出庭应诉12件" is not 12 of a total.
        earlier = [q for q in before if q.end <= numerator.start and q.unit == numerator.unit]
        denominator = earlier[-1] if earlier else None
        if denominator is None or not self.denominator.search(_lead(doc, denominator)):
            return
        said = _lead(doc, denominator)
        if (
            "开庭" in said
            and "出庭" not in stem
            and not share
            and not self.denominator.search(said.replace("开庭", ""))
        ):
            return  # hearings are the whole of 出庭应诉率, not of 败诉率 or 撤诉率
        if numerator.approx or denominator.approx:
            return
        if not 0 < numerator.value <= denominator.value:
            return
        if _agrees(doc, numerator, denominator, negated, rate):
            return
        # Another whole in the sentence may be the one meant: "案件87件中，涉及房屋
        # 征收的23件，败诉5件，败诉率5.7%" is 5 of the 87.
        if any(
            _agrees(doc, numerator, q, negated, rate)
            for q in earlier[:-1]
            if not q.approx and q.value >= numerator.value
        ):
            return
        part = numerator.value
        computed = (denominator.value - part if negated else part) / denominator.value * 100
        whole = _fmt(denominator.value)
        yield Finding(
            doc.span(rate.start, rate.end),
            "mismatch",
            {
                "name": rate.name,
                "stated": raw,
                "computed": _fmt(round(computed, max(rate.decimals, 1))),
                "numerator": f"({whole}-{_fmt(part)})" if negated else _fmt(part),
                "denominator": whole,
            },
        )

    def _against_earlier(
        self, doc: Document, rate: _Rate, seen: dict[str, list[_Rate]], raw: str
    ) -> Iterator[Finding]:
        key = _LEADING_NOISE.sub("", rate.name)
        if len(key) < self.params.min_name_length:
            return
        earlier_rates = seen.setdefault(key, [])
        # The same name is the same rate only when it is about the same thing: two
        # sentences that each name their own subject before a generic 按期办结率
        # ("12345热线受理…，按期办结率99.2%", "县信访局受理…，按期办结率100%") give
        # two rates.  A name that opens its sentence is its own subject.
        earlier = next(
            (
                e
                for e in earlier_rates
                if e.value != rate.value
                and (not e.subject or not rate.subject or e.subject == rate.subject)
            ),
            None,
        )
        earlier_rates.append(rate)
        if earlier is not None:
            line, _ = doc.position(doc.span(earlier.start, earlier.end).start)
            yield Finding(
                doc.span(rate.start, rate.end),
                "conflict",
                {"name": rate.name, "value": raw, "other": _fmt(earlier.value), "other_line": line},
            )


def _rate(m: Any, base: int, subject: str = "", bound: str = "") -> _Rate:
    """The rate a match of _RATE or _SHARE states, `base` the sentence's offset."""
    raw = m["value"]
    return _Rate(
        m["name"],
        float(raw),
        len(raw.partition(".")[2]),
        base + m.start(),
        base + m.end("value") + 1,  # to the %, not a bound after it
        subject,
        bound,
    )


def _subject(upto_name: str, name: str) -> str:
    """The sentence before a rate's name, less leading time words and marks:
    "" for "全年行政机关负责人出庭应诉率", "县信访局受理群众来信来访386件，" for
    "县信访局受理群众来信来访386件，按期办结率"."""
    text: str = _LEADING_NOISE.sub("", upto_name.lstrip(_MARKS))
    key: str = _LEADING_NOISE.sub("", name)
    return text[: max(0, len(text) - len(key))]


def _agrees(doc: Document, part: Quantity, whole: Quantity, negated: bool, rate: _Rate) -> bool:
    """Whether part of whole (or the rest of it, when negated) gives the rate, within
    one unit of its last decimal place and the rounding of the counts themselves:
    "1.49万人次" of "1.52万人次" is anything from 97.4% to 98.7%."""
    p, dp = part.value, _precision(doc, part)
    w, dw = whole.value, _precision(doc, whole)
    if negated:
        p, dp = w - p, dp + dw
    if w - dw <= 0:
        return True
    low = max(0.0, p - dp) / (w + dw) * 100
    high = (p + dp) / (w - dw) * 100
    # The stated value may round the exact one either way, or cut it off, at its
    # own last decimal: 96.5% is written 96% or 97%, never 98%; 95% exactly is 95%.
    scale = 10.0**rate.decimals
    floor_low = math.floor(low * scale + 1e-9) / scale
    ceil_high = math.ceil(high * scale - 1e-9) / scale
    eps = 1e-9
    if rate.bound == "以上":  # "办结率达到95%以上": 40 of 40 is 100%, above 95%
        return rate.value <= ceil_high + eps
    if rate.bound in ("以下", "以内"):
        return floor_low - eps <= rate.value
    return floor_low - eps <= rate.value <= ceil_high + eps


def _precision(doc: Document, q: Quantity) -> float:
    """Half a unit of the last decimal written when the count is rounded (in 万 or 亿,
    "1.52万人次" is 15150 to 15249), else 0: a whole "2万人次" is taken as written
    (an approximate one says so: 2万余人次, 约2万人次, and is not judged)."""
    if not q.unit.startswith(("万", "亿")):
        return 0.0
    m = _NUMBER.match(doc.view.text, q.number_start)
    if m is None or m[1] is None:
        return 0.0
    return 0.5 * 10.0 ** -len(m[1])


def _lead(doc: Document, q: Quantity) -> str:
    """The words of the clause before a count: "受理" in "，受理40件"."""
    text = doc.view.text
    start = q.number_start
    clause = max(text.rfind(ch, 0, start) for ch in "，、：；。（\n")
    return text[clause + 1 : start]


def _names(doc: Document, q: Quantity, stem: str) -> bool:
    """Whether the count is the one the rate is named after: 办结38件 for 办结率,
    but not 已答复28件 for 按期答复率 (a count of a different thing)."""
    lead = _lead(doc, q)
    if len(stem) >= 2 and lead.endswith(stem):
        return True
    # "评查执法案卷22卷，合格20卷，执法案卷合格率…": the rate names the object the
    # sentence counted before (执法案卷), the count only the outcome (合格).  Not a
    # qualifier the count lacks: 已答复28件 is no count of 按期答复率 (按期 is not
    # named before it).
    if len(lead) < 2 or not stem.endswith(lead) or len(stem) == len(lead):
        return False
    obj = stem[: -len(lead)]
    text = doc.view.text
    start = max(text.rfind("。", 0, q.start), text.rfind("\n", 0, q.start), q.start - 200)
    # ... named as what an earlier count of the sentence counts ("评查执法案卷22卷"),
    # not as a qualifier anywhere before ("坚持按期办结…，办结38件").
    lo = bisect_right(doc.quantities, start, key=lambda e: e.start)
    hi = bisect_left(doc.quantities, q.start, key=lambda e: e.start)
    return any(obj in _lead(doc, e) for e in doc.quantities[lo:hi])


def _fmt(value: float) -> str:
    return f"{value:g}"
