"""Counts and measures in the text: "225宗", "996余人次", "三个社区", "0.39万元"."""

from __future__ import annotations

from typing import NamedTuple

from reportlint.document.numerals import cn_to_int
from reportlint.document.regexes import compiled

# Longest first, so "件次" wins over "件".
UNITS = sorted(
    [
        "件次",
        "批次",
        "人次",
        "场次",
        "课次",
        "户次",
        "家次",
        "个次",
        "期次",
        "次",
        "件",
        "批",
        "起",
        "宗",
        "人",
        "名",
        "场",
        "个",
        "家",
        "项",
        "份",
        "条",
        "篇",
        "期",
        "户",
        "所",
        "处",
        "块",
        "幅",
        "册",
        "张",
        "台",
        "辆",
        "棵",
        "亩",
        "平方米",
        "米",
        "公里",
        "小时",
        "天",
        "万人次",
        "万人",
        "万元",
        "亿元",
        "元",
        "万份",
        "卷",
    ],
    key=len,
    reverse=True,
)

# Not counts: an ordinal ("第三十三条", "第一期"), a slogan ("“两个确保”"), and
# 个 before a span or a measure ("20个工作日", "15个百分点", "1个月").
_QUANTITY = compiled(
    r"(?<![\d.A-Za-z第])(?P<pre>约|近|超过)?"
    r"(?P<num>\d+(?:\.\d+)?|(?<![一二三四五六七八九十百千万两零“])[一二三四五六七八九十百千万两]+)"
    r"(?P<post>余|多)?(?P<unit>(?:万|亿)?(?:"
    + "|".join(UNITS)
    + r"))(?<!个(?=工作日|百分点|月|小时|季度|星期|年|自然日))"
    r"(?P<upto>以上|左右)?"
)


_SET_PHRASE = compiled(r"制度|机制|清单|原则|事")


class Quantity(NamedTuple):
    value: float
    unit: str
    start: int  # view offsets of the number and its unit
    end: int
    approx: bool  # "约", "近", "余", "多", "以上", "左右"
    number_start: int


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
        approx = bool(pre or post or upto)
        found.append(
            Quantity(value, unit, offset + start, offset + end, approx, offset + m.start("num"))
        )
    return found
