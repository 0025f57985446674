"""A finding's context, which its fingerprint hashes: baselines written by an
earlier version must keep matching, so it must not change."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportlint.checks.diagnostic import CONTEXT, context


def plain_context(text: str, start: int, end: int) -> str:
    """The context as defined: the flagged text and up to CONTEXT characters of
    its line on each side, joined by NUL, white space dropped."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - CONTEXT) : start]
    after = text[end : min(line_end, end + CONTEXT)]
    return "".join("\0".join((before, text[start:end], after)).split())


def test_the_context_stops_at_the_line_and_at_twelve_characters():
    text = "第一行\n" + "甲" * 20 + "错字" + "乙" * 20 + "\n第三行"
    start = text.index("错字")
    assert context(text, start, start + 2) == "甲" * 12 + "\0错字\0" + "乙" * 12
    assert context("前文\n错字 在此\n后文", 3, 5) == "\0错字\0在此"


@given(st.text(st.sampled_from("法治\n 　a"), max_size=60), st.data())
def test_the_context_is_the_plain_reading(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert context(text, start, end) == plain_context(text, start, end)
