"""The normalized view: folded text that rules match, with a map back to the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.document.normalize import (
    FOLD,
    HALF_TO_FULL,
    NormalizedView,
    _nearest,
    halfwidth_marks,
    has_han,
    removable_spaces,
    to_simplified,
)
from reportlint.document.span import Span

SEEDS = Path(__file__).resolve().parents[1] / "samples" / "seeds"

PINYIN = "在區(qū)委、區(qū)政府的正確領(lǐng)導(dǎo)下"


def view_of(text: str) -> str:
    return NormalizedView.build(text, []).text


def assert_maps_back(original: str, view: NormalizedView) -> None:
    """Every view character comes from an original character that folds to it."""
    simplified = to_simplified(original)
    previous = -1
    for i, ch in enumerate(view.text):
        j = view.orig(i)
        assert j > previous, f"view offsets must increase (at view index {i})"
        previous = j
        source = simplified[j]
        assert ch in (source, source.translate(FOLD), HALF_TO_FULL.get(source)), (i, j, ch, source)
    assert view.orig(len(view.text)) == len(original)


# --- traditional -> simplified -------------------------------------------------


def test_traditional_folded_to_simplified() -> None:
    original = "黨政主要負責人"
    view = NormalizedView.build(original, [])
    assert view.text == "党政主要负责人"
    assert [view.orig(i) for i in range(len(view.text) + 1)] == list(range(8))


def test_to_simplified_preserves_length() -> None:
    assert to_simplified("黨政主要負責人") == "党政主要负责人"
    assert len(to_simplified("黨政主要負責人")) == 7


def test_to_simplified_preserves_length_on_a_real_traditional_report() -> None:
    (path,) = sorted(SEEDS.glob("002_*.txt"))
    text = path.read_text(encoding="utf-8")
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    assert simplified.count("\n") == text.count("\n")
    assert "区(qū)委" in simplified
    assert "區" not in simplified


# --- pinyin noise ----------------------------------------------------------------


def test_pinyin_noise_removed() -> None:
    view = NormalizedView.build(PINYIN, [])
    assert view.text == "在区委、区政府的正确领导下"


def test_pinyin_view_maps_back_to_original() -> None:
    view = NormalizedView.build(PINYIN, [])
    assert [view.orig(i) for i in range(len(view.text) + 1)] == [
        0, 1, 6, 7, 8, 13, 14, 15, 16, 17, 18, 25, 31, 32,
    ]  # fmt: skip
    assert_maps_back(PINYIN, view)


def test_span_of_view_match_covers_original_spelling() -> None:
    view = NormalizedView.build(PINYIN, [])
    start = view.text.index("区政府")
    assert start == 4
    span = view.span(start, start + len("区政府"))
    assert span == Span(8, 15)
    assert PINYIN[span.start : span.end] == "區(qū)政府"

    start = view.text.index("领导")
    span = view.span(start, start + 2)
    assert PINYIN[span.start : span.end] == "領(lǐng)導"


def test_empty_span_maps_to_a_point() -> None:
    view = NormalizedView.build(PINYIN, [])
    assert view.span(2, 2) == Span(6, 6)
    assert view.span(len(view.text), len(view.text)) == Span(len(PINYIN), len(PINYIN))


def test_pinyin_noise_needs_a_tone_mark() -> None:
    # An ordinary bracketed ASCII word is not pinyin noise.
    assert view_of("采用PPP(ppp)模式") == "采用PPP(ppp)模式"


# --- half-width marks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("2024年,我街道", "2024年，我街道"),
        ("(一)加强", "（一）加强"),
        ("方面:", "方面："),
        ("是否落实?已落实!", "是否落实？已落实！"),
        ("学法;用法", "学法；用法"),
        ("时间:17:24", "时间：17:24"),
    ],
)
def test_halfwidth_marks_raised_in_chinese_text(original: str, expected: str) -> None:
    view = NormalizedView.build(original, [])
    assert view.text == expected
    assert_maps_back(original, view)


@pytest.mark.parametrize(
    "text",
    [
        "96.2%",
        "24,879.5元",
        "17:24",
        "http://www.gov.cn/a(b)",
        "丰都府办〔2025〕37号",
        "New York",
    ],
)
def test_left_alone(text: str) -> None:
    assert list(halfwidth_marks(text)) == []
    assert view_of(text) == text


def test_english_punctuation_not_raised() -> None:
    assert list(halfwidth_marks("Hello, world")) == []


def test_english_sentence_left_alone() -> None:
    assert view_of("Hello, world") == "Hello, world"


def test_halfwidth_marks_in_mixed_sentence() -> None:
    text = "他说:好的(一)见http://x.cn,再见!真的?是;12:30,1,000"
    assert list(halfwidth_marks(text)) == [
        (2, "："),
        (5, "（"),
        (7, "）"),
        (23, "！"),
        (26, "？"),
        (28, "；"),
    ]


def test_halfwidth_colon_before_slashes_kept() -> None:
    # Not after an ASCII letter, but still the "://" of an address.
    assert list(halfwidth_marks("网址1://x")) == []
    assert list(halfwidth_marks("网址:x")) == []  # next to an ASCII letter
    assert list(halfwidth_marks("网址:1")) == [(2, "：")]


# --- full-width forms and spaces -------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("２０２４年", "2024年"),
        ("ＡＢＣ公司", "ABC公司"),
        ("完成率９６．２％", "完成率96.2%"),
        ("（一）加强，落实：学法；是否？是！", "（一）加强，落实：学法；是否？是！"),
        ("建设\u3000情况", "建设情况"),
        ("建设 情况报告", "建设情况报告"),
        ("建设\u00a0 \t情况", "建设情况"),
        ("LED 屏幕", "LED屏幕"),
        ("在 LED 屏幕上", "在LED屏幕上"),
        ("New York", "New York"),
        ("共 12 件", "共12件"),
        ("  标题  ", "标题"),
    ],
)
def test_fold_and_spaces(original: str, expected: str) -> None:
    view = NormalizedView.build(original, [])
    assert view.text == expected
    assert_maps_back(original, view)


def test_removable_spaces() -> None:
    text = " 建设 情况  New York LED 屏幕\u3000x "
    assert list(removable_spaces(text)) == [
        Span(0, 1),
        Span(3, 4),
        Span(6, 8),
        Span(20, 21),
        Span(23, 24),
        Span(25, 26),
    ]
    # Kept: "New York" (12..13) and "York LED" (17..18), both between two ASCII words.
    assert Span(12, 13) not in list(removable_spaces(text))


def test_removable_spaces_none() -> None:
    assert list(removable_spaces("没有空格")) == []
    assert list(removable_spaces("a b 1 2")) == []


# --- joins (broken line breaks) ---------------------------------------------------


def test_joins_remove_broken_line_break() -> None:
    original = "年度考\n\n核重要指标"
    view = NormalizedView.build(original, [Span(3, 5)])
    assert view.text == "年度考核重要指标"
    start = view.text.index("考核")
    assert view.span(start, start + 2) == Span(2, 6)
    assert original[2:6] == "考\n\n核"
    assert_maps_back(original, view)


def test_joins_overlapping_other_deletions() -> None:
    # A join that overlaps removable spaces around the break.
    original = "年度考 \n 核指标"
    view = NormalizedView.build(original, [Span(3, 6)])
    assert view.text == "年度考核指标"
    assert view.span(2, 4) == Span(2, 7)
    assert_maps_back(original, view)


def test_view_of_a_real_traditional_report_maps_back() -> None:
    (path,) = sorted(SEEDS.glob("002_*.txt"))
    text = path.read_text(encoding="utf-8")
    view = NormalizedView.build(text, [])
    assert "在区委、区政府的正确领导下" in view.text
    assert "(q" not in view.text
    assert_maps_back(text, view)


def test_has_han() -> None:
    assert has_han("abc报告")
    assert not has_han("abc 123,.")


@pytest.mark.parametrize("text", ["", " ", "区 ( 1 ) 年", "\u3000(1)\n区", "(1)", "a　(", "区\t\n"])
def test_the_nearest_character_beside_a_bracket_skips_white_space_as_strip_does(text: str) -> None:
    for at in range(len(text)):
        assert _nearest(text, at, -1) == text[:at].rstrip()[-1:]
        assert _nearest(text, at, 1) == text[at + 1 :].lstrip()[:1]
