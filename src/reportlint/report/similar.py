"""`reportlint similar`: the copies of a run (RL310) by pair of reports.

`reportlint check` says, report by report, which paragraphs are found
elsewhere; a reviewer looking for copying wants the other way round: which
reports share text, how much, and where.  One block per pair of reports,
most paragraphs first, each shared paragraph as the two lines (and a
report given twice as such); then each report's share of copied text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import NamedTuple

from reportlint.report import FormatOptions, RunResult, visible
from reportlint.report.text import copied_lines, summary


class Shared(NamedTuple):
    line: int
    other_line: int
    similarity: float


class Pair(NamedTuple):
    path: str
    other: str
    # "other-report", "earlier-year" (`other` is the earlier), "identical",
    # "same-file", "same-report"
    relation: str
    paragraphs: list[Shared]  # none for a report given twice


def pairs(result: RunResult) -> list[Pair]:
    """The pairs of reports sharing paragraphs, most first.  Two issuers'
    reports are one pair (each side's findings name the other); an earlier
    year's report is the second of its pair."""
    found: dict[tuple[str, str], set[Shared]] = defaultdict(set)
    relation: dict[tuple[str, str], str] = {}
    for c in result.copies:
        if c.message == "other-report" and c.path > c.other:  # the other side's finding
            key, shared = (c.other, c.path), Shared(c.other_line, c.line, c.similarity)
        else:
            key, shared = (c.path, c.other), Shared(c.line, c.other_line, c.similarity)
        relation[key] = c.message
        if c.line:
            found[key].add(shared)
        else:
            found.setdefault(key, set())
    listed = [Pair(a, b, relation[(a, b)], sorted(shared)) for (a, b), shared in found.items()]
    return sorted(listed, key=lambda p: (-len(p.paragraphs), p.path, p.other))


_SAID = {
    "other-report": "与另一份报告 {other}：{count} 段雷同",
    "earlier-year": "与往年的报告 {other}：{count} 段雷同",
    "identical": "与 {other} 内容相同：同一份报告给了两次",
    "same-file": "与 {other} 是同一个文件：同一份报告给了两次",
    "same-report": "与 {other} 几乎相同：同一份报告的两个版本或转载",
}


def format_similar(result: RunResult, options: FormatOptions | None = None) -> str:
    out: list[str] = []
    for pair in pairs(result):
        said = _SAID[pair.relation].format(other=visible(pair.other), count=len(pair.paragraphs))
        out.append(f"{visible(pair.path)} {said}")
        out.extend(
            f"  第 {s.line} 行 ≈ 第 {s.other_line} 行（相似度 {s.similarity:.0%}）"
            for s in pair.paragraphs
        )
    if not (options and options.quiet):
        if out:
            out.append("")
        out.extend(copied_lines(result))
        out.append(summary(result))
    return "\n".join(out)


def format_similar_json(result: RunResult, options: FormatOptions | None = None) -> str:
    shares = {info.path: info.copied for info in result.reports}
    rows = [
        {
            "path": pair.path,
            "other": pair.other,
            "relation": pair.relation,
            "share": shares.get(pair.path),
            "other_share": shares.get(pair.other),
            "paragraphs": [
                {"line": s.line, "other_line": s.other_line, "similarity": round(s.similarity, 4)}
                for s in pair.paragraphs
            ],
        }
        for pair in pairs(result)
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)
