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
"""

from __future__ import annotations

from collections.abc import Iterator

import msgspec
import regex

from reportlint.checks.base import CheckKind, Finding, ParamError, Params, compile_patterns
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.quantities import UNITS, Quantity
from reportlint.document.regexes import compiled

_SUBSET_END = compiled(r"[，；]")


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
        self.marker = compiled(r"[，,]?\s*（?(?P<m>" + "|".join(map(regex.escape, markers)) + ")")
        self.subset = (
            compiled("|".join(map(regex.escape, params.subset_markers)))
            if params.subset_markers
            else None
        )
        # The whole clause before the number is the stage word: "不予受理9件" is no intake.
        self.intake = compile_patterns([f"^(?:{p})$" for p in params.intake_words], "intake_words")
        self.stage = compile_patterns([f"^(?:{p})$" for p in params.stage_words], "stage_words")

    def _same(self, a: str, b: str) -> bool:
        return a == b or (a in self.group and self.group.get(b) == self.group[a])

    def check(self, doc: Document) -> Iterator[Finding]:
        quantities = doc.quantities
        text = doc.view.text
        for i, total in enumerate(quantities):
            m = self.marker.match(text, total.end)
            if not m:
                continue
            seg_start = m.end()
            closer = "）" if text[total.end : m.start("m")].endswith("（") else "。"
            seg_end = min(
                (e for e in (text.find(closer, seg_start), text.find("\n", seg_start)) if e >= 0),
                default=len(text),
            )
            exhaustive = m["m"] in self.params.exhaustive_markers
            if not exhaustive:
                # A "其中" subset is an enumeration (、): it ends at the first ，；
                # "其中来信12件、来访20件，已办结54件" lists two parts, not three.
                stop = _SUBSET_END.search(text, seg_start, seg_end)
                seg_end = stop.start() if stop else seg_end
            nested = _bracketed(text, seg_start, seg_end)
            candidates = [
                q
                for q in quantities[i + 1 :]
                if seg_start <= q.start and q.end <= seg_end and self._same(total.unit, q.unit)
            ]
            if exhaustive:
                nested.extend(self._subsets(text, seg_start, seg_end, candidates))
            parts = [q for q in candidates if not any(a <= q.start < b for a, b in nested)]
            if exhaustive:
                parts = self._without_stages(text, parts)
            if len(parts) < self.params.min_parts:
                continue
            segment = text[seg_start:seg_end]
            if any(word in segment for word in self.params.open_list_words):
                exhaustive = False
            if total.approx or any(q.approx for q in parts):
                continue  # "560余件" admits too many readings to judge
            sums = [round(sum(q.value for q in parts[:k]), 6) for k in range(1, len(parts) + 1)]
            part_sum = sums[-1]
            if exhaustive:
                # A later count in the same sentence ("…，负责人出庭应诉9件") is not a
                # part when the parts before it already make up the total.
                wrong = total.value not in sums[self.params.min_parts - 1 :]
            else:
                wrong = part_sum > total.value
            if not wrong:
                continue
            yield Finding(
                doc.span(total.start, total.end),
                "mismatch",
                {
                    "total": _fmt(total),
                    "parts": "+".join(_fmt(q) for q in parts),
                    "sum": f"{part_sum:g}",
                    "relation": "不等于" if exhaustive else "大于",
                },
            )

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


def _lead(text: str, q: Quantity) -> str:
    """The words of the clause before a count: "受理" in "：受理88件"."""
    clause = max(text.rfind(ch, 0, q.number_start) for ch in "，、：；。（\n")
    return text[clause + 1 : q.number_start]


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


def _fmt(q: Quantity) -> str:
    return f"{q.value:g}{q.unit}"
