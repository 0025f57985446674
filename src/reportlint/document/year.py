"""The year a report covers: from its title, else an opening "20XX年，",
else its 落款 date minus one.
"""

from __future__ import annotations

from reportlint.document.model import (
    Paragraph,
    Signature,
)
from reportlint.document.regexes import compiled
from reportlint.document.shapes import QUOTED

LEADING_YEAR = compiled(r"^(?:关于)?.*?((?:19|20)\d{2})(?:年|年度)")

OPENING_YEAR = compiled(r"^((?:19|20)\d{2})年")


def report_year(
    title: tuple[Paragraph, ...], content: list[Paragraph], signature: Signature | None
) -> tuple[int | None, str | None]:
    for p in title:
        # "…纲要（2021—2025年）》2023年度情况报告": the quoted plan's years are not the report's.
        if m := LEADING_YEAR.match(QUOTED.sub("", p.text)):
            return int(m[1]), "title"
    for p in content[:3]:
        if m := OPENING_YEAR.match(p.text):
            return int(m[1]), "opening"
    if signature and signature.date:
        best = signature.date.date or next(iter(signature.date.candidates), None)
        # A report signed in year 1 or 9999 says nothing about its year.
        if best and 2000 < best.year <= 2100:
            return best.year - 1, "signature"
    return None, None
