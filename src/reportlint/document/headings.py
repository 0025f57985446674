"""Headings, sections and inline items of the report proper.

Levels: 0 "第一部分"/"第一章", 1 "一、", 2 "（一）", 3 "1."/"1、", 4 "（1）"; a
heading's title runs to the first 。：；.  Also chapter headings typed with a
space after the numeral, the attachment list's numbered lines (no headings),
and the inline items "一是…二是…".
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from reportlint.document.dates import DATE_LINE
from reportlint.document.model import (
    Heading,
    Paragraph,
    Section,
)
from reportlint.document.numerals import cn_to_int
from reportlint.document.regexes import compiled
from reportlint.document.shapes import (
    ANY_ORDINAL_START,
    CN_ORDINAL,
    NOT_A_MARKER,
    SENTENCE_PUNCT,
    is_organ_line,
)
from reportlint.document.tables import COLUMN_GAP

# Heading markers at the start of a paragraph (view text: "(一)" already reads "（一）").
# Level 0 is a part or chapter, "第一部分"/"第一章", which some reports use above
# (or instead of) "一、"; "第一部分是…" is a sentence about one.
HEADING_PATTERNS: tuple[tuple[int, regex.Pattern[str]], ...] = (
    (
        0,
        compiled(
            rf"^第(?P<num>{CN_ORDINAL})(?:部分|章)(?![是的中里内])(?![^\n]*。)[\s\u3000、：:]*"
        ),
    ),
    (1, compiled(rf"^(?P<num>{CN_ORDINAL})[、，.]{NOT_A_MARKER}")),
    (2, compiled(rf"^（(?P<num>{CN_ORDINAL})）[、，.]?")),
    (3, compiled(r"^(?P<num>\d{1,2})(?:[.、](?!\d)|．)")),
    (4, compiled(r"^（(?P<num>\d{1,2})）[、，.]?")),
)

# What every heading pattern starts with: one test rules out most paragraphs.
_HEADING_START = compiled(r"^(?:[一二三四五六七八九十]|（|\d|第)")

# "二是非现场监管…" is an item; "一是否…", "是非曲直" and "一是一，二是二" are not.
ITEM = compiled(
    rf"(?:^|(?<=[。；：，！？”）》\d%]))(?P<num>{CN_ORDINAL})是(?!否|非(?:曲直|对错|分明|观)|(?P=num)[，,”])"
)

ITEM_START = compiled(rf"^{CN_ORDINAL}是")

# "一　加强组织领导": a numeral, then a space or a tab, then the title, as typed.
_CN_NUMERAL_START = compiled(r"^[一二三四五六七八九十]")

_SPACED_MARKER = compiled(
    rf"^[ \u3000]*(?P<num>{CN_ORDINAL})[\t\u3000 ]+(?=\S)(?!是)(?![^\t]*(?:\t| |\u3000{{2}}))"
)

TITLE_END = compiled(r"[。：；！？]")

ATTACHMENT_START = compiled(r"^附件[：:]?\s*\d")

_LIST_ITEM = compiled(r"\d{1,2}[.、．]")


def attachment_list(content: list[Paragraph]) -> set[int]:
    """Paragraphs of an attachment note ("附件：1.…" then "2.…"): a list, not headings."""
    found: set[int] = set()
    in_list = False
    for p in content:
        if ATTACHMENT_START.match(p.text):
            in_list = True
            found.add(p.index)
        elif in_list and _LIST_ITEM.match(p.text):
            found.add(p.index)
        else:
            in_list = False
    return found


def title_from(text: str, at: int) -> tuple[int, int, str]:
    m = TITLE_END.search(text, at)
    end = m.start() if m else len(text)
    return at, end, text[at:end]


def read_heading(p: Paragraph) -> Heading | None:
    if not _HEADING_START.match(p.text):
        return None
    for level, pattern in HEADING_PATTERNS:
        if m := pattern.match(p.text):
            num = m["num"]
            ordinal = int(num) if num.isdigit() else cn_to_int(num) or 0
            start, end, title = title_from(p.text, m.end())
            return Heading(
                level, ordinal, m.group(), p.index, p.start, p.start + start, p.start + end, title
            )
    return None


def spaced_headings(
    content: list[Paragraph], original: Callable[[Paragraph], str]
) -> dict[int, Heading]:
    """Chapter headings typed with a space or tab after the numeral instead of "、"
    ("一　加强组织领导", or Word's list number and a tab), in a report that has no
    "一、" chapters: the view has folded the space away, the text as typed still
    shows it.  Only a run numbered 一, 二, 三… of two or more, none next to a
    table's row, is taken: a numbered list or a table is no chapter structure."""
    found: dict[int, Heading] = {}
    for k, p in enumerate(content):
        if not _CN_NUMERAL_START.match(p.text) or len(p.text) > 40 or SENTENCE_PUNCT.search(p.text):
            continue
        m = _SPACED_MARKER.match(original(p))
        if m is None or any(
            COLUMN_GAP.search(original(content[j])) for j in (k - 1, k + 1) if 0 <= j < len(content)
        ):
            continue
        ordinal = cn_to_int(m["num"]) or 0
        if ordinal != len(found) + 1:
            continue  # out of sequence: no chapter
        start, end, title = title_from(p.text, len(m["num"]))
        found[k] = Heading(
            1, ordinal, m["num"], p.index, p.start, p.start + start, p.start + end, title
        )
    return found if len(found) >= 2 else {}


def unnumbered_headings(
    content: list[Paragraph], original: Callable[[Paragraph], str]
) -> dict[int, Heading]:
    """Chapter headings written without a number ("坚持高位推动　法治政府建设责任
    不断强化" over its paragraphs), in a report with no numbered chapters: a short
    line with no sentence mark, not a date, an issuer or a table's row, followed
    by a paragraph of prose; or a bulleted line where a web page turned its list
    numbering 一、二、 into bullets ("• 推进依法行政情况。", a full stop allowed).
    Two or more make a chapter structure; their ordinal is 0 and their marker
    empty."""
    found: dict[int, Heading] = {}
    for k, p in enumerate(content[1:-1], start=1):
        below = content[k + 1].text
        bullet = _BULLET.match(p.text)
        title = p.text[bullet.end() :].removesuffix("。") if bullet else p.text
        if (
            _UNNUMBERED_MIN <= len(title) <= _UNNUMBERED_MAX
            and not SENTENCE_PUNCT.search(title)
            and not ANY_ORDINAL_START.match(title)
            and not DATE_LINE.match(title)
            and not is_organ_line(title)
            and not COLUMN_GAP.search(original(p))
            and "。" in below
            and len(below) >= _UNNUMBERED_BELOW
        ):
            start = p.start + (bullet.end() if bullet else 0)
            found[k] = Heading(1, 0, "", p.index, p.start, start, start + len(title), title)
    return found if len(found) >= 2 else {}


_BULLET = compiled(r"^[•·●▪◆■]\s*")
_UNNUMBERED_MIN, _UNNUMBERED_MAX = 6, 40
# The prose under such a heading: a sentence at least ("一是压实责任。二是…").
_UNNUMBERED_BELOW = 20


def build_sections(headings: tuple[Heading, ...], body_end: int) -> tuple[Section, ...]:
    sections = []
    stack: list[int] = []  # open sections, outermost first
    for i, h in enumerate(headings):
        end = next((later.start for later in headings[i + 1 :] if later.level <= h.level), body_end)
        while stack and headings[stack[-1]].level >= h.level:
            stack.pop()
        sections.append(Section(h, h.start, end, stack[-1] if stack else None))
        stack.append(i)
    return tuple(sections)
