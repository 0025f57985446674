"""Chinese numerals as they occur in reports: 十九, 二十三, 一千三百五十五, 二〇二四.

cn2an does this and more, but costs ~200 ms to import (measured; see
docs/architecture.md), which alone breaks the start-up budget of a linter
run from a pre-commit hook.  Reports only need the plain forms below.
"""

from __future__ import annotations

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL_CHARS = "".join(DIGITS) + "十百千万"


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral, or None when text is not one.

    Digit strings without units ("二〇二四") read digit by digit, as years are written.
    """
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        return None
    if not any(ch in "十百千万" for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    total = 0
    section = 0  # the part below 万
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:  # 万
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
    return total + section + (digit or 0)


def int_to_cn(value: int) -> str:
    """1..999 as an ordinal is written in Chinese: 三, 十二, 二十, 一百零五."""
    if not 0 < value < 1000:
        raise ValueError(f"ordinal out of range: {value}")
    names = "零一二三四五六七八九"
    hundreds, rest = divmod(value, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += names[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else names[tens]) + "十"
    if ones:
        out += names[ones]
    return out
