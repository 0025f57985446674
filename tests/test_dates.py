"""Reading dates as report writers write them, and Chinese numerals."""

from __future__ import annotations

import datetime as dt

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from reportlint.document.dates import DATE_LINE, PROBLEMS, DateReading, format_date, read_date
from reportlint.document.numerals import cn_to_int

D = dt.date


@pytest.mark.parametrize(
    ("raw", "problem", "candidates"),
    [
        ("2024年01月17日", "zero-padded", (D(2024, 1, 17),)),
        ("2024年1月07日", "zero-padded", (D(2024, 1, 7),)),
        ("2024117", "no-separators", (D(2024, 1, 17), D(2024, 11, 7))),
        ("20240117", "no-separators", (D(2024, 1, 17),)),
        ("2024.1.17", "separators", (D(2024, 1, 17),)),
        ("2024-01-17", "separators", (D(2024, 1, 17),)),
        ("2024/1/17", "separators", (D(2024, 1, 17),)),
        ("2024年13月5日", "invalid", ()),
        ("2024年2月30日", "invalid", ()),
        ("2024.2.30", "invalid", ()),
        ("2024139", "invalid", ()),
        ("二〇二四年一月十七日", "chinese-numerals", (D(2024, 1, 17),)),
        ("二〇二三年十二月二十八日", "chinese-numerals", (D(2023, 12, 28),)),
        ("二〇二四年二月三十日", "invalid", ()),
        ("2024年1月17", "missing-day-mark", (D(2024, 1, 17),)),
        ("2024年1月17号", "missing-day-mark", (D(2024, 1, 17),)),
        ("随便写的", "unrecognized", ()),
        ("", "unrecognized", ()),
    ],
)
def test_malformed_dates(raw: str, problem: str, candidates: tuple[dt.date, ...]) -> None:
    reading = read_date(raw)
    assert reading == DateReading(raw, None, problem, candidates)
    assert not reading.ok
    assert problem in PROBLEMS


def test_standard_date() -> None:
    reading = read_date("2024年1月17日")
    assert reading == DateReading("2024年1月17日", D(2024, 1, 17), None, ())
    assert reading.ok


def test_leap_day() -> None:
    assert read_date("2024年2月29日").date == D(2024, 2, 29)
    assert read_date("2023年2月29日").problem == "invalid"


@pytest.mark.parametrize("raw", ["2024 年 1 月 17 日", " 2024年1月17日 ", "2024年\u30001月17日"])
def test_spaces_inside_tolerated(raw: str) -> None:
    reading = read_date(raw)
    assert reading.date == D(2024, 1, 17)
    assert reading.problem is None
    assert reading.raw == raw  # what was written is kept as written


def test_chinese_numeral_date_has_no_date_but_a_candidate() -> None:
    reading = read_date("二〇二三年十二月二十八日")
    assert reading.date is None
    assert reading.candidates == (D(2023, 12, 28),)


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (D(2024, 1, 17), "2024年1月17日"),
        (D(2023, 12, 28), "2023年12月28日"),
        (D(2025, 3, 1), "2025年3月1日"),
    ],
)
def test_format_date(date: dt.date, text: str) -> None:
    assert format_date(date) == text
    assert read_date(text) == DateReading(text, date, None, ())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十九", 19),
        ("二十", 20),
        ("十", 10),
        ("二十三", 23),
        ("一千三百五十五", 1355),
        ("一百零五", 105),
        ("二〇二四", 2024),
        ("二○二三", 2023),
        ("两百", 200),
        ("三万五千", 35000),
        ("一万", 10000),
        ("零", 0),
        ("abc", None),
        ("", None),
        ("十九a", None),
    ],
)
def test_cn_to_int(text: str, value: int | None) -> None:
    assert cn_to_int(text) == value


def test_a_weekday_after_the_date_is_read_past():
    assert read_date("2025年1月20日（星期一）").date == dt.date(2025, 1, 20)
    assert read_date("2025年1月20日(周一)").date == dt.date(2025, 1, 20)
    assert DATE_LINE.match("2025年1月20日（星期一）")


def test_first_month_written_yuan_yue_is_read_as_january_and_flagged():
    reading = read_date("2025年元月20日")
    assert (reading.problem, reading.candidates) == ("first-month", (dt.date(2025, 1, 20),))
    # in Chinese numerals the numerals are the bigger problem
    assert read_date("二〇二五年元月二十日").problem == "chinese-numerals"
    assert read_date("二〇二五年元月二十日").candidates == (dt.date(2025, 1, 20),)


# The reading DATE_LINE is a faster form of: the year may be anywhere on the line.
_PLAIN_DATE_LINE = regex.compile(
    r"^(?=.*(?:\d{4}|[〇○零Ｏ一二三四五六七八九]{4}年))[\d〇○零Ｏ一二三四五六七八九十元年月日号.\-/．－ ]{6,22}"
    r"(?:[（(](?:星期|周|礼拜)[一二三四五六日天][）)])?$"
)


@pytest.mark.parametrize(
    ("line", "is_date"),
    [
        ("2025年1月20日", True),
        ("二〇二五年一月二十日", True),
        ("2025.01.20（星期一）", True),
        ("1月20日", False),  # no year
        ("2025年1月20日，全县召开法治政府建设推进会", False),
        ("某某县人民政府 2025年1月20日", False),
    ],
)
def test_a_date_line_is_a_date_alone_on_its_line(line, is_date):
    assert bool(DATE_LINE.match(line)) is is_date


_DATE_PIECES = st.sampled_from(
    [
        "2025",
        "年",
        "1月",
        "20日",
        "二〇二五年",
        "十二月",
        " ",
        ".",
        "-",
        "（星期一）",
        "(周日)",
        "\n",
        "县",
        "，",
        "１",
    ]
)


@given(st.lists(_DATE_PIECES, max_size=10).map("".join))
def test_date_line_reads_as_the_plain_pattern(line):
    plain = _PLAIN_DATE_LINE.match(line)
    found = DATE_LINE.match(line)
    assert (plain and plain.span()) == (found and found.span())
