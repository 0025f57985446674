"""Counts and measures in the text: "225宗", "996余人次", "三个社区", "0.39万元"."""

from __future__ import annotations

from typing import NamedTuple

from reportlint import lexicon
from reportlint.document.numerals import cn_to_int
from reportlint.document.regexes import compiled

# The units of each class (rules/lexicon.yaml: units_cases, units_people,
# units_events, units_single); longest first, so "件次" wins over "件".
UNIT_CLASSES = ("cases", "people", "events")
# (Sorted fully: a set's order changes from run to run, and the pattern built
# from it is compiled once and cached by its text.)
UNITS = sorted(
    {
        unit
        for entry in ("units_cases", "units_people", "units_events", "units_single")
        for unit in lexicon.words(entry)
    },
    key=lambda unit: (-len(unit), unit),
)

# Not counts: an ordinal ("第三十三条", "第一期"), a slogan ("“两个确保”"), and
# 个 before a span or a measure ("20个工作日", "15个百分点", "1个月").
_QUANTITY = compiled(
    r"(?<![\d.A-Za-z第])(?P<pre>" + "|".join(lexicon.words("approx_before")) + ")?"
    r"(?P<num>\d+(?:\.\d+)?|(?<![一二三四五六七八九十百千万两零“])[一二三四五六七八九十百千万两]+)"
    r"(?P<post>"
    + "|".join(lexicon.words("approx_inside"))
    + r")?(?P<unit>(?:万|亿)?(?:"
    + "|".join(UNITS)
    + r"))(?<!个(?=工作日|百分点|月|小时|季度|星期|年|自然日))"
    r"(?P<upto>" + "|".join(lexicon.words("approx_after")) + ")?"
)


_SET_PHRASE = compiled(r"制度|机制|清单|原则|事")


class Quantity(NamedTuple):
    value: float
    unit: str
    start: int  # view offsets of the number and its unit
    end: int
    approx: str  # the words that make it approximate ("约", "余", "以上"…), "" when exact
    number_start: int
    decimals: int = 0  # digits written after the point


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    found = []
    for m in _QUANTITY.finditer(text):
        pre, raw, post, unit, upto = m.group("pre", "num", "post", "unit", "upto")
        if raw[0].isdigit():
            value: float | None = float(raw)
        else:
            value = cn_to_int(raw)
            # "一起" (together), "一件事", "百名律师", "三项制度": set phrases, not counts.
            if value is None or value < 2 or raw[0] in "百千万" or _SET_PHRASE.match(text, m.end()):
                continue
        if value is None:
            continue
        start, end = m.span()
        approx = (pre or "") + (post or "") + (upto or "")
        decimals = len(raw) - raw.index(".") - 1 if "." in raw else 0
        found.append(
            Quantity(
                value, unit, offset + start, offset + end, approx, offset + m.start("num"), decimals
            )
        )
    return found
