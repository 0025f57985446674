"""Kind `sums`: a total and its breakdown should agree.

"行政诉讼案件9件：撤诉1件；…" and "共1355批次，包括…" introduce a breakdown
that should add up to the total; "其中" introduces a subset, which may be
smaller but never larger.  Parts are counted only in the total's unit group
(件/件次/批次 are one group, 人/人次 another), so "631批次996余人次" adds 631.
Approximate figures (余, 多, 约) and lists ending in 等 make it stay silent
unless the parts exceed the total.
"""

from __future__ import annotations

from collections.abc import Iterator

import msgspec
import regex

from reportlint.checks.base import CheckKind, Finding, ParamError, Params
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
            parts = [
                q
                for q in quantities[i + 1 :]
                if seg_start <= q.start
                and q.end <= seg_end
                and self._same(total.unit, q.unit)
                and not any(a <= q.start < b for a, b in nested)
            ]
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
