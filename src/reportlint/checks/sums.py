"""Kind `sums`: a total and its breakdown should agree.

"行政诉讼案件9件：撤诉1件；…" and "共1355批次，包括…" introduce a breakdown
that should add up to the total; "其中" introduces a subset, which may be
smaller but never larger.  Parts are counted only in the total's unit group
(件/件次/批次 are one group, 人/人次 another), so "631批次996余人次" adds 631.
Approximate figures (余, 多, 约) and lists ending in 等 make it stay silent
unless the parts exceed the total.  Inside a list, a nested "（其中…）" or
"，其中…" run (to the next ，；) breaks down the item before it and is checked
against that item, not added to the total; so is a later stage of an intake
count ("96件：受理88件，审结81件": the 81 are among the 88).

Some counts in a list are no parts at all: a change (同比增加12件; but
"增加到20件" is the count itself), a count included in the one before
(，含部分裁决18件; a 含 right after the colon opens a list of some of the
parts: "56件：含重复信访6件、越级信访2件", judged only when it exceeds the total),
a count per item or a floor (每名执法人员不少于2次, 人均2件).  A count per period
(每季度1次) is a part, read over the year (4次) unless that exceeds the total
("86场：每月法治讲座24场、…" is a series of 24).
A distributive 各 after several items ("第二季度、第四季度各听取1次") counts once
for each of them (1次×2; 各类, 各村, 各司其职 are no such 各).  A
"其中" list of attributes ("具有法律专业背景的2名、35岁以下的6名、女性5名") may
overlap and is not judged either; nor is "包括" followed by such attributes;
but complementary categories (男/女, 35岁以下/35岁以上, 党员/非党员) make up
the whole and must add up to it.  Figures with decimals are rounded: the sum
may be off by half a unit of the last decimal of each; a whole "5万份" is exact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import msgspec
import regex

from reportlint.checks.base import (
    CheckKind,
    Finding,
    ParamError,
    Params,
    compile_patterns,
    validate_patterns,
)
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.quantities import UNITS, Quantity
from reportlint.document.regexes import compiled

_SUBSET_END = compiled(r"[，；]")
_NUMBER = compiled(r"\d+(?:\.(\d+))?")
# A count per period, and how many periods make the year: "每季度1次" is 4.
# The longest breakdown list read after a total, and the longest clause before a
# count, in characters.
_LIST_CHARS = 600
_CLAUSE_CHARS = 120
# Everything up to the last mark that ends a clause (with 、: a lead; without: a
# clause with its list), matched from where a clause may start.
_UP_TO_LEAD = re.compile(r".*[，、：；。（\n]", re.S)
_UP_TO_CLAUSE = re.compile(r".*[，：；。（\n]", re.S)
_ITEMS = compiled(r"[、和及与]")
_PER_PERIOD = compiled(r"每个?(半年|季度|季|月|周|星期|年)")
_PERIODS = {"半年": 2, "季度": 4, "季": 4, "月": 12, "周": 52, "星期": 52, "年": 1}
# Words that open a list right after its marker: "62件：含简易程序案件40件、…",
# which names some of the cases, maybe not all.
_OPENING_WORDS = "(?P<including>含有|包含|含)?"


class SumsParams(Params):
    unit_groups: list[list[str]] = msgspec.field(
        default_factory=lambda: [
            ["件", "件次", "批次", "批", "起", "宗"],
            ["人", "名"],
            ["场", "场次", "次", "期"],
        ]
    )
    exhaustive_markers: list[str] = msgspec.field(default_factory=lambda: ["：", "包括"])
    subset_markers: list[str] = msgspec.field(default_factory=lambda: ["其中"])
    open_list_words: list[str] = msgspec.field(default_factory=lambda: ["等"])
    min_parts: int = 2
    # A breakdown may follow the same cases through stages ("96件：受理88件，
    # 审结81件"): a count led by a later stage, after one led by intake, is
    # part of that intake, not another addend.
    intake_words: list[str] = msgspec.field(
        default_factory=lambda: ["(?:依法|已)?受理\\p{Han}{0,6}"]
    )
    stage_words: list[str] = msgspec.field(
        default_factory=lambda: ["(?:依法|已|全部)?(?:审结|办结|结案|办理完毕)\\p{Han}{0,6}"]
    )
    # A count whose clause (within the list) says this is no addend: a change on
    # last year (同比增加12件, 较上年增加9件; not "增加到20件"), a count inside the
    # one before (，含部分裁决18件), a count per item or a floor (每名执法人员参训
    # 不少于2次, 平均每件1天, 每月人均办案2件).  A count per period ("每季度开展
    # 专题学法1次") is a part, read over the year (4).
    not_part_words: list[str] = msgspec.field(
        default_factory=lambda: [
            *["同比", "环比", "较(?:上年|去年|上一年|同期|往年)", "比(?:上年|去年|上一年)"],
            *["(?:增加|减少|增长|下降)(?![到至为])", "含"],
            *["每(?!个?(?:半年|季度|季|月|周|星期|年))", "[平人户村]均", "不少于", "不低于"],
            "至少",
        ]
    )
    # A count that stands for each of several items ("第二季度、第四季度各听取1次"
    # is 1次×2).  Searched in the count's clause with its list: the match is the
    # items and 各 ("第二季度和第四季度各", "3月、9月各"), not 各类, 各村, 各项,
    # 各级, 各司其职, 各自…
    distributive_words: list[str] = msgspec.field(
        default_factory=lambda: [
            "^[\\p{Han}\\d]{1,12}(?:[、和及与][\\p{Han}\\d]{1,12})+各"
            "(?![类项级种村组地部门单位界族位个条司负尽自有])"
        ]
    )
    # Counts after the first of a ；-group that tell its outcome ("婚姻家庭纠纷56件，
    # 调解成功55件；…"): the list may add up by the groups' first counts.
    outcome_words: list[str] = msgspec.field(
        default_factory=lambda: [
            "成功|办结|审结|结案|化解|调处|立案|查处|处理|答复|回复|整改|纠正|撤销|维持"
        ]
    )
    # Items of a "其中" list that are attributes, which may overlap ("具有法律职业
    # 资格的186名", "35岁以下的6名", "女性5名"): the list is not judged.
    attribute_words: list[str] = msgspec.field(
        default_factory=lambda: [
            "的$",
            "\\d+周?岁",
            "^(?:其中)?(?:男|女)(?:性|同志)?$",
            "党员",
            "学历",
        ]
    )
    # Complementary categories that together make up the whole: a list whose
    # items are the categories of one set ("其中男性8名、女性5名", "35岁以下6名、
    # 35岁以上7名") is a breakdown after all and must add up to the total.  Groups
    # a set's patterns capture must agree (one age boundary).
    partitions: list[list[str]] = msgspec.field(
        default_factory=lambda: [
            ["^(?:其中)?男(?:性|同志)?的?$", "^(?:其中)?女(?:性|同志)?的?$"],
            ["^(?:其中)?(?:中共)?党员的?$", "^(?:其中)?非(?:中共)?党员的?$"],
            [
                "^(?:其中)?(\\d+)周?岁(?:及)?以下的?$",
                "^(?:其中)?(\\d+)周?岁(?:及)?以上的?$",
            ],
        ]
    )


@register
class Sums(CheckKind[SumsParams]):
    name = "sums"
    params_type = SumsParams
    messages = {"mismatch": frozenset({"total", "parts", "sum", "relation"})}

    def __init__(self, params: SumsParams) -> None:
        super().__init__(params)
        self.group: dict[str, int] = {}
        for i, group in enumerate(params.unit_groups):
            for unit in group:
                if unit not in UNITS:
                    raise ParamError(f"unit_groups[{i}]", f"未知的计量单位“{unit}”")
                self.group[unit] = i
        markers = [*params.exhaustive_markers, *params.subset_markers]
        if not markers:
            raise ParamError("exhaustive_markers", "至少需要一个引出分项的标记")
        # A short verb may stand between the total and the list: "共22人述法，其中…".
        self.marker = compiled(
            r"(?:\p{Han}{1,4}(?=[，,]))?[，,]?\s*（?(?P<m>"
            + "|".join(map(regex.escape, markers))
            + ")"
            + _OPENING_WORDS
        )
        self.subset = (
            compiled("|".join(map(regex.escape, params.subset_markers)))
            if params.subset_markers
            else None
        )
        # The whole clause before the number is the stage word: "不予受理9件" is no intake.
        self.intake = compile_patterns([f"^(?:{p})$" for p in params.intake_words], "intake_words")
        self.stage = compile_patterns([f"^(?:{p})$" for p in params.stage_words], "stage_words")
        self.not_part = _optional(params.not_part_words, "not_part_words")
        self.distributive = _optional(params.distributive_words, "distributive_words")
        self.outcome = _optional(params.outcome_words, "outcome_words")
        self.attribute = _optional(params.attribute_words, "attribute_words")
        self.partitions = [
            validate_patterns(categories, f"partitions[{i}]")
            for i, categories in enumerate(params.partitions)
        ]

    def _same(self, a: str, b: str) -> bool:
        return a == b or (a in self.group and self.group.get(b) == self.group[a])

    def check(self, doc: Document) -> Iterator[Finding]:
        quantities = doc.quantities
        text = doc.view.text
        for i, total in enumerate(quantities):
            m = self.marker.match(text, total.end)
            if not m:
                continue
            if m.start("m") > total.end + 1 and text[
                _clause_start(_UP_TO_LEAD, text, total) - 1 : total.start
            ].startswith("、"):
                continue  # "12个村、3个社区，其中…": 社区 is an item, not a verb
            seg_start = m.end()
            closer = "）" if text[total.end : m.start("m")].endswith("（") else "。"
            # To the sentence's end, and no further than a list runs: a page-long
            # line without a full stop must not make every count a candidate.
            limit = min(len(text), seg_start + _LIST_CHARS)
            ends = [
                e
                for e in (text.find(closer, seg_start, limit), text.find("\n", seg_start, limit))
                if e >= 0
            ]
            if not ends and limit < len(text):
                continue  # a list longer than any report's: not judged on a part of it
            seg_end = min(ends, default=limit)
            exhaustive = m["m"] in self.params.exhaustive_markers
            if not exhaustive:
                # A "其中" subset is an enumeration (、): it ends at the first ，；
                # "其中来信12件、来访20件，已办结54件" lists two parts, not three.
                stop = _SUBSET_END.search(text, seg_start, seg_end)
                seg_end = stop.start() if stop else seg_end
            nested = _bracketed(text, seg_start, seg_end)
            candidates = []
            for j in range(i + 1, len(quantities)):
                q = quantities[j]
                if q.end > seg_end:
                    break
                if seg_start <= q.start and self._same(total.unit, q.unit):
                    candidates.append(q)
            if exhaustive:
                nested.extend(self._subsets(text, seg_start, seg_end, candidates))
            parts = [q for q in candidates if not any(a <= q.start < b for a, b in nested)]
            leads = [_lead(text, q) for q in parts]
            if self._partition([_lead(text, q, seg_start) for q in parts]):
                exhaustive = True  # "其中男性8名、女性5名": the two make up the whole
            elif (
                self.attribute is not None
                and m["m"] != "："
                and any(map(self.attribute.search, leads))
            ):
                # "其中35岁以下的6名、女性5名", "包括具有法律职业资格的186名": categories
                # that may overlap; after a colon they are a breakdown ("以市政府为被申请
                # 人的42件").
                continue
            if self.not_part is not None:
                # The words of each count within the list: "：含简易程序案件40件" opens it.
                parts = [q for q in parts if not self.not_part.search(_lead(text, q, seg_start))]
            if exhaustive:
                parts = self._without_stages(text, parts)
            # A count per period stands for the year (每季度1次 is 4), one after a
            # distributive 各 for each item (3月、9月各1次 is 2).
            readings = [
                (q, _per_year(q, _lead(text, q, seg_start), total) * self._each(text, q))
                for q in parts
            ]
            if len(readings) < self.params.min_parts:
                continue
            # An open list says so among its parts ("来信12件、来访20件等"), not in a
            # later clause about something else ("…，研究解决执法力量配备等重大问题6个").
            last = max(q.end for q, _ in readings)
            # ...but a 等 in a clause after the last part that counts nothing
            # ("…，以及以案释法、送法下乡等活动") still leaves the list open.
            later = [q for q in quantities if last < q.start < seg_end]
            segment = text[seg_start : min(seg_end, last + 1) if later else seg_end]
            if m["including"] or any(word in segment for word in self.params.open_list_words):
                exhaustive = False
            counted = [q for q, _ in readings]
            if total.approx or any(q.approx for q in counted):
                continue  # "560余件" admits too many readings to judge
            values = [q.value * times for q, times in readings]
            part_sum = round(sum(values), 6)
            # Rounded figures ("52.3万元"): half a unit of the last decimal each.
            slack = _precision(text, total)
            slacks = []
            for q in counted:
                slack += _precision(text, q)
                slacks.append(slack)
            if exhaustive:
                # A later count in the same sentence ("…，负责人出庭应诉9件") is not a
                # part when the parts before it already make up the total.
                wrong = not any(
                    abs(total.value - sum(values[:k])) <= slacks[k - 1] + 1e-9
                    for k in range(self.params.min_parts, len(values) + 1)
                ) and not (
                    (heads := self._group_heads(text, readings)) is not None
                    and abs(total.value - heads) <= slacks[-1] + 1e-9
                )
            else:
                wrong = part_sum > total.value + slacks[-1] + 1e-9
            if not wrong:
                continue
            yield Finding(
                doc.span(total.start, total.end),
                "mismatch",
                {
                    "total": _fmt(total),
                    "parts": "+".join(_fmt(q, times) for q, times in readings),
                    "sum": f"{part_sum:g}",
                    "relation": "不等于" if exhaustive else "大于",
                },
            )

    def _each(self, text: str, q: Quantity) -> int:
        """How many items a count after 各 stands for: 2 in "3月、9月各开展1次"."""
        if self.distributive is None:
            return 1
        m = self.distributive.search(_clause(text, q))
        return 1 if m is None else len(_ITEMS.split(m.group()[:-1]))

    def _group_heads(self, text: str, readings: list[tuple[Quantity, int]]) -> float | None:
        """The sum of the first count of each ；-group when the counts after it in the
        group tell its outcome and are no larger ("200件：婚姻家庭纠纷56件，调解成功55
        件；邻里纠纷48件，调解成功47件；…" is 56+48+…); None when the list has no
        such groups."""
        if self.outcome is None:
            return None
        groups: list[list[float]] = []
        for k, (q, times) in enumerate(readings):
            previous = readings[k - 1][0] if k else None
            if previous is None or "；" in text[previous.end : q.start]:
                groups.append([])
            elif not self.outcome.search(_lead(text, q)):
                return None  # "来访32件，来信12件；…" is a list, not outcomes
            groups[-1].append(q.value * times)
        if len(groups) < 2 or all(len(g) == 1 for g in groups):
            return None
        if any(v > g[0] for g in groups for v in g[1:]):
            return None
        return sum(g[0] for g in groups)

    def _partition(self, leads: list[str]) -> bool:
        """Whether the leads name the categories of one complementary set, each once,
        with the same captured groups ("35岁以下"/"35岁以上")."""
        for categories in self.partitions:
            seen: list[int] = []
            groups: set[tuple[str, ...]] = set()
            for lead in leads:
                hit = next(
                    ((i, m) for i, p in enumerate(categories) if (m := p.search(lead))), None
                )
                if hit is None:
                    break
                seen.append(hit[0])
                groups.add(hit[1].groups())
            else:
                if sorted(seen) == list(range(len(categories))) and len(groups) == 1:
                    return True
        return False

    def _subsets(
        self, text: str, start: int, end: int, counts: list[Quantity]
    ) -> Iterator[tuple[int, int]]:
        """Ranges of a "，其中…" run inside a list, which breaks down the item right
        before it ("审结198件，其中维持131件、撤销29件；尚在审理17件"): it runs to
        the next ，or ；, as a "其中" list does."""
        if self.subset is None:
            return
        ends = {q.end for q in counts}
        for m in self.subset.finditer(text, start, end):
            before = m.start()
            while before > start and text[before - 1] in "，, ":
                before -= 1
            if before not in ends:
                continue  # "215件：其中…" is the list itself, not a nested one
            stop = _SUBSET_END.search(text, m.end(), end)
            yield m.start(), stop.start() if stop else end

    def _without_stages(self, text: str, parts: list[Quantity]) -> list[Quantity]:
        """Parts less the later stages of an intake count before them."""
        kept: list[Quantity] = []
        intake: Quantity | None = None
        for q in parts:
            lead = _lead(text, q)
            if intake is not None and q.value <= intake.value and self.stage.search(lead):
                continue  # "受理88件，审结81件": the 81 are among the 88
            if self.intake.search(lead):
                intake = q
            kept.append(q)
        return kept


def _optional(patterns: list[str], key: str) -> regex.Pattern[str] | None:
    return compile_patterns(patterns, key) if patterns else None


def _precision(text: str, q: Quantity) -> float:
    """Half a unit of the last decimal written when a figure is rounded: "52.3万元" is
    52.25 to 52.35; "96件" and "5万份" are exact (an approximate one says so: 5万余份)."""
    m = _NUMBER.match(text, q.number_start)
    if m is None or m[1] is None:
        return 0.0
    return 0.5 * 10.0 ** -len(m[1])


def _per_year(q: Quantity, lead: str, total: Quantity) -> int:
    """How many times a count stands in the year's total: 4 for "每季度开展专题学法1次";
    1 when that would exceed the total ("每月法治讲座24场" names a series of 24)."""
    period = _PER_PERIOD.search(lead)
    times = 1 if period is None else _PERIODS[period[1]]
    return times if q.value * times <= total.value else 1


def _lead(text: str, q: Quantity, start: int = 0) -> str:
    """The words of the clause before a count, from `start` on: "受理" in "：受理88件"."""
    return text[max(_clause_start(_UP_TO_LEAD, text, q), start) : q.number_start]


def _clause(text: str, q: Quantity) -> str:
    """The clause before a count with its 、 list: "第二季度、第四季度各听取专题汇报"."""
    return text[_clause_start(_UP_TO_CLAUSE, text, q) : q.number_start]


def _clause_start(up_to_mark: re.Pattern[str], text: str, q: Quantity) -> int:
    """Where the clause before a count starts: after the last mark, looking back a
    clause's length at most (a page without a full stop stays linear)."""
    floor = max(0, q.number_start - _CLAUSE_CHARS)
    m = up_to_mark.match(text, floor, q.number_start)
    return m.end() if m else floor


def _bracketed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges inside （…） within [start, end): a nested "（其中…）" is not a part."""
    ranges = []
    depth, opened = 0, start
    for i in range(start, end):
        if text[i] == "（":
            depth += 1
            if depth == 1:
                opened = i
        elif text[i] == "）" and depth:
            depth -= 1
            if depth == 0:
                ranges.append((opened, i))
    return ranges


def _fmt(q: Quantity, times: int = 1) -> str:
    return f"{q.value:g}{q.unit}" if times == 1 else f"{q.value:g}{q.unit}×{times}"
