"""Reading dates as writers actually write them.

GB/T 9704-2012 7.3.5 wants "2024年1月17日": Arabic numerals, full year, no
zero padding.  Real signatures also come as "2024117", "2024.1.17",
"2024年01月17日" or, in the pre-2012 style, "二〇二四年一月十七日".  A
reading says what was written, whether it is well formed, and which real
dates the writer probably meant.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from reportlint.document.numerals import cn_to_int
from reportlint.document.regexes import compiled

_STANDARD = compiled(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_NO_DAY_MARK = compiled(r"^(\d{4})年(\d{1,2})月(\d{1,2})号?$")
_CHINESE = compiled(
    r"^([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$"
)
# "2025年1月20日（星期一）": the weekday is read past, not a different date.
_WEEKDAY = compiled(r"[（(](?:星期|周|礼拜)[一二三四五六日天][）)]$")
_SEPARATED = compiled(r"^(\d{4})\s*[.\-/．－]\s*(\d{1,2})\s*[.\-/．－]\s*(\d{1,2})日?$")
_DIGITS_ONLY = compiled(r"^(\d{4})(\d{2,4})$")

# What may stand on a line that is (meant to be) a date: some of these characters,
# with a year among them.  The year is looked for among the date's characters,
# not over the whole line (".*"): a paragraph fails at its first character.
_DATE_CHARACTERS = r"[\d〇○零Ｏ一二三四五六七八九十元年月日号.\-/．－ ]"
DATE_LINE = compiled(
    rf"^(?={_DATE_CHARACTERS}{{0,22}}?(?:\d{{4}}|[〇○零Ｏ一二三四五六七八九]{{4}}年))"
    rf"{_DATE_CHARACTERS}{{6,22}}(?:[（(](?:星期|周|礼拜)[一二三四五六日天][）)])?$"
)


class DateReading(NamedTuple):
    raw: str
    date: dt.date | None  # set when the text is a well-formed, valid date
    problem: str | None  # None, or one of PROBLEMS
    candidates: tuple[dt.date, ...] = ()  # likely intended dates, when malformed

    @property
    def ok(self) -> bool:
        return self.problem is None


PROBLEMS = {
    "no-separators": "缺少“年”“月”“日”",
    "separators": "用了“.”“-”“/”分隔，应写“年”“月”“日”",
    "zero-padded": "月、日不应编虚位（1不编为01）",
    "missing-day-mark": "缺少“日”字",
    "chinese-numerals": "用了汉字数字，GB/T 9704-2012 要求用阿拉伯数字",
    "first-month": "“元月”应写作“1月”",
    "invalid": "不是有效日期",
    "unrecognized": "无法识别为日期",
}


def format_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date(raw: str) -> DateReading:
    text = _WEEKDAY.sub("", "".join(raw.split()))
    if "元月" in text:
        # "2025年元月20日" is January: read it as such and say how to write it.
        reading = read_date(text.replace("元月", "1月" if text[:1].isdigit() else "一月"))
        if reading.problem is None and reading.date is not None:
            return DateReading(raw, None, "first-month", (reading.date,))
        return reading._replace(raw=raw)
    if m := _STANDARD.match(text):
        y, mo, d = m.groups()
        date = _valid(int(y), int(mo), int(d))
        if date is None:
            return DateReading(raw, None, "invalid")
        if mo.startswith("0") or d.startswith("0"):
            return DateReading(raw, None, "zero-padded", (date,))
        return DateReading(raw, date, None)
    if m := _CHINESE.match(text):
        y, mo, d = (cn_to_int(g) for g in m.groups())
        date = _valid(y, mo, d) if y and mo and d else None
        return DateReading(
            raw, None, "chinese-numerals" if date else "invalid", (date,) if date else ()
        )
    for pattern, problem in ((_SEPARATED, "separators"), (_NO_DAY_MARK, "missing-day-mark")):
        if m := pattern.match(text):
            date = _valid(*(int(g) for g in m.groups()))
            return DateReading(raw, None, problem if date else "invalid", (date,) if date else ())
    if m := _DIGITS_ONLY.match(text):
        year, rest = int(m[1]), m[2]
        candidates = []
        for cut in range(1, len(rest)):
            month, day = rest[:cut], rest[cut:]
            if len(month) > 2 or len(day) > 2 or (day.startswith("0") and len(day) == 1):
                continue
            if date := _valid(year, int(month), int(day)):
                candidates.append(date)
        return DateReading(
            raw, None, "no-separators" if candidates else "invalid", tuple(candidates)
        )
    return DateReading(raw, None, "unrecognized")
