"""Hypothesis strategies for the property tests: hostile text, and the sample
reports mutated the way copying, editing and bad conversions mutate them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from hypothesis import strategies as st

from support import SEEDS, SYNTHETIC

# --- characters and fragments ---------------------------------------------------

HAN = "法治政府建设年度报告人民镇街道区县委局办公室是年月日号第条款项件次场人元亿依行政执法"
TRADITIONAL = "區黨政負責設縣會議處國縣鄉實際體係"
FULL_PUNCT = "，。、；：？！（）“”‘’《》〔〕【】—…·％＂＇［］｛｝～"
HALF_PUNCT = ",.;:?!()[]{}<>\"'%-/\\|~"
SPACES = " \t\u3000\u00a0\u2002\u2009\u200b\ufeff"
BREAKS = "\n\r\x0b\x0c\x1c\x85\u2028\u2029"
CONTROLS = "\x00\x01\x07\x1b\x7f"
COMBINING = "\u0301\u0308\u0327\u20dd\u3099"
DIGITS = "0123456789０１２３４５６７８９一二三四五六七八九十百千〇零"
LATIN = "abcdeqxyzABCXYZāáǎàēéěèūǖǘü"
# Every character a report or a hostile file is likely to throw at the parser.
INTERESTING = (
    HAN + TRADITIONAL + FULL_PUNCT + HALF_PUNCT + SPACES + BREAKS + CONTROLS + COMBINING + DIGITS
) + LATIN

# Pieces that drive the parser down its less common paths: heading markers,
# dates, titles, page chrome, attachment lists, signatures, rule triggers.
FRAGMENTS = (
    "一、",
    "二、",
    "十一、",
    "一、二季度",
    "（一）",
    "(二)",
    "（三）、",
    "1.",
    "2、",
    "3．",
    "（1）",
    "(2)",
    "一是",
    "二是",
    "三是",
    "2023年",
    "2024年度",
    "2025年1月20日",
    "2025年01月20日",
    "二〇二五年一月二十日",
    "2025120",
    "2025-1-20",
    "某某镇2024年法治政府建设年度报告",
    "法治政府建设情况报告",
    "关于2023年度法治政府建设工作情况的报告",
    "某某镇人民政府",
    "某某街道办事处",
    "党政主要负责人履行推进法治建设第一责任人职责情况",
    "存在的不足和原因",
    "下一步工作安排",
    "主要举措和成效",
    "受理案件40件，办结38件，办结率98%",
    "出庭应诉率达105%",
    "共6件：胜诉3件，调解撤诉2件。",
    "96.2%",
    "24,879",
    "17:30",
    "https://www.gov.cn",
    "当前位置：首页 > 政务公开",
    "发布日期：2024-01-17",
    "版权所有",
    "上一篇",
    "附件：1.",
    "附件",
    "抄送：",
    "（此件公开发布）",
    "习近平法制思想",
    "习近平新时代中国特色社会主义",
    "法制政府",
    "党的20大",
    "二十届3中全会",
    "村帐",
    "在區(qū)委",
    "領(lǐng)導(dǎo)",
    "《法治政府建设实施纲要（2021—2025年）》",
    "府办发(2024)12号",
    "?,F(xiàn)",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "。",
    "，",
    ",",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    "  ",
)

interesting_chars = st.sampled_from(INTERESTING)
# Any code point a Python str can hold except surrogates (which UTF-8 cannot carry).
any_char = st.characters(exclude_categories=("Cs",))
fragments = st.sampled_from(FRAGMENTS)


@st.composite
def report_like_text(draw: st.DrawFn, max_pieces: int = 60) -> str:
    """Arbitrary Unicode with a strong bias towards what reports are made of."""
    piece = st.one_of(
        fragments,
        st.text(interesting_chars, min_size=1, max_size=8),
        st.text(any_char, min_size=1, max_size=4),
        sample_lines(),
    )
    return "".join(draw(st.lists(piece, max_size=max_pieces)))


# --- the sample reports -----------------------------------------------------------


@cache
def sample_texts() -> tuple[tuple[str, str], ...]:
    """(file name, text) of every bundled sample report."""
    paths = [*sorted(SEEDS.glob("*.txt")), *sorted(SYNTHETIC.glob("*.txt"))]
    return tuple((p.name, p.read_text(encoding="utf-8")) for p in paths)


@cache
def _all_lines() -> tuple[str, ...]:
    return tuple(line for _, text in sample_texts() for line in text.split("\n") if line.strip())


def sample_lines() -> st.SearchStrategy[str]:
    return st.sampled_from(_all_lines()).map(lambda line: line + "\n")


FULL_TO_HALF = str.maketrans("，；：？！（）", ",;:?!()")
# Printable ASCII to the full-width forms (U+FF01..U+FF5E) a Chinese IME types.
HALF_TO_FULLWIDTH = {cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)}


@cache
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified -> traditional, the way a report from Hong Kong or Taiwan (or a
    bad conversion) reads; phrase rules may change the length."""
    out: str = _s2t().convert(text)
    return out


Mutation = Callable[[str], str]


def _lines_op(op: Callable[[list[str]], None]) -> Mutation:
    def apply(text: str) -> str:
        lines = text.split("\n")
        op(lines)
        return "\n".join(lines)

    return apply


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, Mutation]:
    """One edit, as (a description for the failure report, the function).

    Positions are drawn as fractions of the length so that an edit means the
    same thing whatever the edits before it did to the text.
    """
    where = draw(st.floats(0, 1, allow_nan=False))
    other = draw(st.floats(0, 1, allow_nan=False))

    def at(n: int, fraction: float = where) -> int:
        return min(int(fraction * (n + 1)), n)

    kind = draw(
        st.sampled_from(
            (
                "delete-line",
                "duplicate-line",
                "swap-lines",
                "join-lines",
                "insert",
                "insert-break",
                "truncate",
                "halfwidth-all",
                "halfwidth-one",
                "delete-chars",
                "traditional-line",
                "fullwidth-line",
                "space-out-line",
                "wrap-line",
            )
        )
    )
    if kind == "insert":
        what = draw(
            st.one_of(
                fragments, st.text(interesting_chars, min_size=1, max_size=4), st.text(any_char)
            )
        )
    else:
        what = ""
    length = draw(st.integers(1, 40))
    spacer = draw(st.sampled_from((" ", "\u3000", "  ", "\t")))

    def delete_line(lines: list[str]) -> None:
        if len(lines) > 1:
            del lines[at(len(lines) - 1)]

    def duplicate_line(lines: list[str]) -> None:
        i = at(len(lines) - 1)
        lines.insert(i, lines[i])

    def swap_lines(lines: list[str]) -> None:
        i, j = at(len(lines) - 1), at(len(lines) - 1, other)
        lines[i], lines[j] = lines[j], lines[i]

    def join_lines(lines: list[str]) -> None:
        if len(lines) > 1:
            i = at(len(lines) - 2)
            lines[i : i + 2] = [lines[i] + lines[i + 1]]

    def halfwidth_one(text: str) -> str:
        marks = [i for i, ch in enumerate(text) if ch in "，；：？！（）"]
        if not marks:
            return text
        i = marks[at(len(marks) - 1)]
        return text[:i] + text[i].translate(FULL_TO_HALF) + text[i + 1 :]

    def line_op(change: Callable[[str], str]) -> Mutation:
        def apply(lines: list[str]) -> None:
            i = at(len(lines) - 1)
            lines[i] = change(lines[i])

        return _lines_op(apply)

    ops: dict[str, Mutation] = {
        "delete-line": _lines_op(delete_line),
        "duplicate-line": _lines_op(duplicate_line),
        "swap-lines": _lines_op(swap_lines),
        "join-lines": _lines_op(join_lines),
        "insert": lambda t: t[: at(len(t))] + what + t[at(len(t)) :],
        "insert-break": lambda t: t[: at(len(t))] + "\n" + t[at(len(t)) :],
        "truncate": lambda t: t[: at(len(t))],
        "halfwidth-all": lambda t: t.translate(FULL_TO_HALF),
        "halfwidth-one": halfwidth_one,
        "delete-chars": lambda t: t[: at(len(t))] + t[at(len(t)) + length :],
        "traditional-line": line_op(to_traditional),
        "fullwidth-line": line_op(lambda line: line.translate(HALF_TO_FULLWIDTH)),
        "space-out-line": line_op(lambda line: spacer.join(line)),
        # A narrow column copied from a PDF: the line hard-wrapped every `length` characters.
        "wrap-line": line_op(
            lambda line: "\n".join(line[i : i + length] for i in range(0, len(line), length))
        ),
    }
    label = f"{kind}@{where:.4f}" + (f" {what!r}" if what else "")
    if kind == "swap-lines":
        label += f"<->{other:.4f}"
    if kind in ("delete-chars", "wrap-line"):
        label += f" x{length}"
    return label, ops[kind]


@st.composite
def mutated_sample(draw: st.DrawFn, max_mutations: int = 8) -> tuple[str, str]:
    """(how it was made, text): a sample report after a few random edits."""
    name, text = draw(st.sampled_from(sample_texts()))
    steps = draw(st.lists(mutation(), max_size=max_mutations))
    for _, apply in steps:
        text = apply(text)
    return f"{name}: {', '.join(label for label, _ in steps) or 'unchanged'}", text


def hard_wrapped(name: str, line_numbers: Iterable[int], width: int) -> tuple[str, str]:
    """(how it was made, text): the sample report `name` with the given lines
    (1-based) hard-wrapped every `width` characters."""
    lines = dict(sample_texts())[name].split("\n")
    numbers = sorted(set(line_numbers))
    for n in numbers:
        line = lines[n - 1]
        lines[n - 1] = "\n".join(line[k : k + width] for k in range(0, len(line), width))
    return f"{name}: lines {numbers} wrapped every {width}", "\n".join(lines)


@st.composite
def hard_wrapped_sample(draw: st.DrawFn) -> tuple[str, str]:
    """A sample report with some of its paragraphs hard-wrapped every few
    characters, as a narrow column copied out of a PDF reads."""
    name, text = draw(st.sampled_from(sample_texts()))
    paragraphs = [n for n, line in enumerate(text.split("\n"), 1) if len(line) >= 40]
    chosen = draw(st.sets(st.sampled_from(paragraphs), min_size=1, max_size=4))
    return hard_wrapped(name, chosen, draw(st.integers(2, 20)))


# --- bytes ------------------------------------------------------------------------

BOMS = (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", "\ufeff".encode("gb18030"))


@st.composite
def file_bytes(draw: st.DrawFn) -> bytes:
    """What a file handed to the linter may hold: text in some encoding, or junk."""
    kind = draw(st.sampled_from(("junk", "encoded", "spliced")))
    if kind == "junk":
        return draw(st.binary(max_size=200))
    text = draw(report_like_text(max_pieces=12))
    encoding = draw(st.sampled_from(("utf-8", "gb18030", "gbk", "utf-16-le", "utf-16-be")))
    data = text.encode(encoding, errors="replace")
    data = draw(st.sampled_from(BOMS)) + data
    if kind == "spliced" and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=6)) + data[at:]
    return data
