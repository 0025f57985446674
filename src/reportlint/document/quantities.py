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
    # a unit with its alternative in brackets: "67件（份）" counts 件 and 份 alike
    r"(?:（(?P<alt>" + "|".join(UNITS) + r")）)?"
    r"(?P<upto>" + "|".join(lexicon.words("approx_after")) + ")?"
)

# The characters a quantity can end with: a unit's last, that of the words of
# approximation after it ("以上"), or the bracket of its alternative unit ("（份）").
_LAST_CHARACTERS = frozenset(
    {unit[-1] for unit in UNITS} | {w[-1] for w in lexicon.words("approx_after")} | {"）"}
)


def may_end_with_quantity(text: str) -> bool:
    """Whether a quantity may end where `text` does, or just before its last
    character (a closing mark): False says, without reading any, that none does."""
    return text[-1:] in _LAST_CHARACTERS or text[-2:-1] in _LAST_CHARACTERS


_SET_PHRASE = compiled(r"制度|机制|清单|原则|事")
# 一 is a count as an item of a list or a clause's last figure ("败诉一件、撤诉二件",
# "出庭应诉一次。"), not in a phrase ("一起研究", "一次性告知", "一人一档") nor after
# a word it belongs to ("统一", "唯一", "逐一", "每一").
_ONE_ENDS = compiled(r"[、，；。：！？）]|$")
_ONE_AFTER = "统唯同逐每之万单其"


def _counts_one(text: str, start: int, end: int) -> bool:
    if _ONE_ENDS.match(text, end) is None or (start and text[start - 1] in _ONE_AFTER):
        return False
    # A slogan in quotes: "“成熟一批、出台一批”"
    return text.count("“", 0, start) <= text.count("”", 0, start)


class Quantity(NamedTuple):
    value: float
    unit: str
    start: int  # view offsets of the number and its unit
    end: int
    approx: str  # the words that make it approximate ("约", "余", "以上"…), "" when exact
    number_start: int
    decimals: int = 0  # digits written after the point
    also: str = ""  # the unit in brackets after it: "份" of "67件（份）"


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    found = []
    for m in _QUANTITY.finditer(text):
        pre, raw, post, unit, alt, upto = m.group("pre", "num", "post", "unit", "alt", "upto")
        if raw[0].isdigit():
            value: float | None = float(raw)
        else:
            value = cn_to_int(raw)
            # "一起" (together), "一件事", "百名律师", "三项制度": set phrases, not counts.
            if value is None or raw[0] in "百千万" or _SET_PHRASE.match(text, m.end()):
                continue
            if value < 2 and not _counts_one(text, m.start(), m.end()):
                continue
        if value is None:
            continue
        start, end = m.span()
        approx = (pre or "") + (post or "") + (upto or "")
        decimals = len(raw) - raw.index(".") - 1 if "." in raw else 0
        found.append(
            Quantity(
                value,
                unit,
                offset + start,
                offset + end,
                approx,
                offset + m.start("num"),
                decimals,
                alt or "",
            )
        )
    return found
