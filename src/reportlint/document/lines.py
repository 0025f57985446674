"""Line breaks that are wrong: ones that cut a sentence in two (a copy from a
PDF or a web page wraps lines mid-sentence), found on the text as typed before
the view is built, so the view joins them; and ones that were lost (headings
run into the paragraph before them), found on the view, so the parser starts
a paragraph there.  RL408 reports both.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from reportlint import lexicon
from reportlint.document.dates import DATE_LINE
from reportlint.document.headings import ITEM_START
from reportlint.document.normalize import NormalizedView
from reportlint.document.regexes import compiled
from reportlint.document.shapes import (
    ANY_ORDINAL_START,
    CN_ORDINAL,
    FOOTER_MARK,
    NEVER_BODY,
    NOT_A_MARKER,
    ORGAN,
    chrome_line,
    page_number,
)
from reportlint.document.span import Span
from reportlint.document.tables import TABLE_ROW

_LINE = compiled(r"[^\n]*")

_COMMA = compiled("[，,]")

# Matched at one character (a line's first, or its last: a search for "\p{Han}$"
# would try every position of the line).
_HAN = compiled(r"\p{Han}")

_CLAUSE_MARK = compiled(r"[。；;]")

_OPENING_MARKS = tuple("“‘《（【〔［(")

# Openers and closers, half and full width counted together: "（…)" is closed.
_PAIRS = (("《", "》"), ("“", "”"), ("（(", "）)"))

_SENTENCE_END = tuple("。！？；：!?;:")

_CONTINUING_MARKS = tuple("，。、；：！？”’》）】〕］,;:)")

_NOTE_LINE = compiled(r"^(?:注|备注|说明|单位|数据来源|资料来源)[：:]")

# A line ending in a comma goes on, if it is a sentence's worth; a line below
# that starts with a label ("联系电话：") is a line of its own.
_COMMA_LINE_MIN = 10
# A line with commas is running prose from this length on, a full stop or not
# (an opening wrapped at 40 characters: "…围绕建设人民满意交" / "通的目标…").
_PROSE_RUN = 30

_LABELLED = compiled(r"^(?!其中|即|包括|主要是|分别是|含)[^，。；]{1,10}[：:]")


def broken_line_joins(text: str, glued: Sequence[int]) -> list[Span]:
    """Line breaks (with any blank lines) that cut a sentence in two; `glued`
    holds the offsets of `glued_headings(text)`.

    A break is taken for a wrap when the line before ends in a Chinese
    character and is running prose (it has a sentence mark, or is long and has
    commas), and the next line goes on with a Chinese character rather than a
    new ordinal, date or signature.
    """
    joins = []
    lines = []  # (start, end, text) of each line with something on it
    at = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((at, at + len(line), line))
        at += len(line) + 1
    # The text since the last break that was not joined: a fragment in the
    # middle of a sentence broken over many lines is prose because the
    # sentence is, so the whole chain is joined in one pass.
    run = ""
    # After a line ending in a colon, until a line ends a sentence: items set out
    # one a line ("坚持普法与执法相结合，" / "坚持线上与线下相结合，") stay lines.
    listing = False
    for (a_start, a_end, a), (b_start, _, b) in pairwise(lines):
        a_text, b_text = a.strip(), b.strip()
        if any(a_start <= at < a_end for at in glued):
            run = ""  # a heading's first half run in at its end: the line ends there
            continue
        if a_text.endswith(("：", ":")):
            listing = True
        elif not a_text.endswith(("，", "、", ",")):
            listing = False
        if page_number(a_text) or page_number(b_text):
            run = ""  # "— 3 —" of a text copied from a PDF is glued to nothing
            continue
        run += a_text
        # A heading ("一、推行“首违不罚") ends where it ends, even with a mark left
        # open; an item "一是…" is a sentence and may be wrapped.
        a_heading = (
            _ordinal_start(a_text) and not ITEM_START.match(a_text) and "。" not in a_text
        ) or _RUN_IN_TAIL.search(a_text) is not None
        if (
            not a_heading
            and not _new_line(b_text)
            and (
                a_text.endswith(_OPENING_MARKS)
                or b_text.startswith(_CONTINUING_MARKS)
                # no paragraph ends in a comma: "…相结合，" / "实现执法效果…"
                or (
                    a_text.endswith(("，", "、", ","))
                    # not the items of a list set out line by line after a colon,
                    # a short slogan or salutation line ("强基础，" / "提能力"), a
                    # table's cells, a 抄送 line, or a labelled line below
                    # ("联系电话：…", "邮编：…", "县委依法治县办：")
                    and not (listing and a_text[:1] == b_text[:1])
                    and len(a_text) >= _COMMA_LINE_MIN
                    and "\t" not in a + b
                    and _HAN.match(b_text) is not None
                    and not (chrome_line(b_text) or TABLE_ROW.search(b_text))
                    and not (NEVER_BODY.match(a_text) or _LABELLED.match(b_text))
                )
                or (_unclosed(run) and not a_text.endswith(_SENTENCE_END))
            )
        ):
            # "制定《" / "…工作要点》", or "《中" / "华人民共和国…》": no line ends in an
            # opening mark or starts with a closing one, and a title or quote left
            # open goes on, whatever else the lines look like.
            joins.append(_join_span(a_end, a, b_start, b))
            continue
        if not (_HAN.match(a_text[-1]) and _HAN.match(b_text)):
            run = ""
            continue
        prose = _CLAUSE_MARK.search(run) or (len(run) >= _PROSE_RUN and _COMMA.search(run))
        # A heading ("（一）健全制度；完善机制") or a note/table line ends where it ends.
        if (
            not prose
            or a_heading
            or _NOTE_LINE.match(a_text)
            or TABLE_ROW.search(b_text)
            or _ordinal_start(b_text)
            or (len(b_text) < 30 and ORGAN.search(b_text))
        ):
            run = ""
            continue
        if DATE_LINE.match(b_text) or chrome_line(b_text) or FOOTER_MARK.search(b_text):
            run = ""
            continue
        joins.append(_join_span(a_end, a, b_start, b))
    return joins


# A chapter heading run in at a line's end after a space ("…审核率100%。 二、党政
# 主要负责人…情况"): the line ends where the heading does.
_RUN_IN_TAIL = compiled(
    rf"[。；：！？][ \u3000]+(?:{CN_ORDINAL}、{NOT_A_MARKER}|[（(]{CN_ORDINAL}[）)])[^。；！？]{{1,50}}$"
)


def glued_headings(text: str) -> list[int]:
    """Offsets where a chapter heading written without a number starts after the
    end of the paragraph above it, on its line, and goes on over the next line:
    "…现将有关情况报告如下。坚持高位推动" / "法治建设责任持续压实" / its paragraph.
    The heading's halves are short and have no sentence mark; the paragraph
    below is prose.  A copy that lost a break; the line is not joined on."""
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    found = []
    for above, middle, below in zip(lines, lines[1:], lines[2:], strict=False):
        line = above.group().rstrip()
        # (the tail is at most 17 characters: not searched for in the whole line)
        tail = _GLUED_TAIL.search(line, max(0, len(line) - _GLUED_TAIL_MAX))
        second = middle.group().strip()
        if (
            tail is not None
            and _HEADING_HALF.fullmatch(second)
            and _CLAUSE_MARK.search(below.group())
            and len(below.group().strip()) > _PROSE_RUN
        ):
            found.append(above.start() + tail.start(1))
    return found


# After the last end of a sentence on a line, a short phrase: a heading's first half.
_GLUED_TAIL = compiled(r"[。！？]([\p{Han}“”]{2,16})$")
_GLUED_TAIL_MAX = 17
_HEADING_HALF = compiled(r"[\p{Han}“”、　 ]{4,24}")


def _ordinal_start(line: str) -> bool:
    """A line as typed that opens with a heading or item marker, half-width
    brackets too ("(一)…": the view raises them, the typed text has them)."""
    if "(" in line or ")" in line:  # str.translate looks up every character: slow
        line = line.replace("(", "（").replace(")", "）")
    return ANY_ORDINAL_START.match(line) is not None


def _unclosed(run: str) -> bool:
    return any(sum(map(run.count, opens)) > sum(map(run.count, closes)) for opens, closes in _PAIRS)


def _new_line(text: str) -> bool:
    """A line that starts something of its own: a heading, a date, an issuer."""
    return bool(
        _ordinal_start(text) or DATE_LINE.match(text) or (len(text) < 30 and ORGAN.search(text))
    )


def _join_span(a_end: int, a: str, b_start: int, b: str) -> Span:
    """From the end of line a's text to the start of line b's (spaces and blank lines between)."""
    return Span(a_end - (len(a) - len(a.rstrip())), b_start + (len(b) - len(b.lstrip())))


# A chapter or section marker run into the paragraph before it: a copy that lost
# its line breaks ("…新成效。 一、2025年度…主要举措和成效 (一)深入践行…").
_INLINE_MARKER = compiled(rf"{CN_ORDINAL}、{NOT_A_MARKER}|（{CN_ORDINAL}）")
_ENDS_SENTENCE = frozenset("。；！？：")
# A title at the start of a text's first line, run into what follows it.
_RUN_IN_TITLE = compiled(
    rf"[^。，；：！？]{{6,60}}?{lexicon.alternation('title_subjects')}[^。，；：！？]{{0,30}}?"
    rf"{lexicon.alternation('title_endings')}(?=(?:19|20)\d{{2}}年|\p{{Han}}{{1,20}}[：:])"
)
# The paragraph after a run-in heading: a sentence with a clause in it.
_RUN_IN_BODY = 15
_SENTENCE_END_AT = compiled(r"[。；！？]")
_SENTENCE_INSIDE = compiled(r"[，、]")
# A heading run in ends at the next marker; its own text is short and has no 。.
_RUN_IN_HEADING = 50
# Only a long line can have lost its breaks; a short one with "一、" is a list or a table.
_LONG_LINE = 60


def lost_breaks(
    view: NormalizedView, text: str, start: int, end: int, first: bool = False
) -> list[int]:
    """View offsets in the line [start, end) where a paragraph should begin: a
    heading marker typed after a space, following the end of a sentence or a
    heading run in just before it; and, on the first line of a text, after a
    title run into the opening sentence ("××街2020年法治政府建设情况报告 2020年，
    在区委…").  The space in the text as typed is where the break was; in the
    view it is gone."""
    if end - start < _LONG_LINE:
        return []
    if view.orig(end) - view.orig(start) == end - start:
        return []  # nothing typed was taken out of the line: it has no space (_typed_gap)
    found: list[int] = []
    last = start
    line = view.text
    if first and (m := _RUN_IN_TITLE.match(line, start, end)) and _typed_gap(view, text, m.end()):
        found.append(m.end())
        last = m.end()
    for m in _INLINE_MARKER.finditer(line, last + 1, end):
        i = m.start()
        if not _typed_gap(view, text, i):
            continue
        before = line[last:i]
        heading_before = (
            (last > start or _INLINE_MARKER.match(line, start) is not None)
            and len(before) <= _RUN_IN_HEADING
            and "。" not in before
        )
        if line[i - 1] in _ENDS_SENTENCE or heading_before:
            found.append(i)
            last = i
            # "二、…情况 镇党委书记主持…": the heading's own text after a space.
            if (body := _body_after(view, text, i, end)) is not None:
                found.append(body)
                last = body
    return found


def _body_after(view: NormalizedView, text: str, at: int, end: int) -> int | None:
    """Where a heading run in at `at` gives way to its paragraph: the first space
    typed inside it before any sentence mark, when what follows is prose (a
    sentence of its own, not the second phrase of a heading "…学法　强化示范引领")."""
    line = view.text
    for j in range(at + 2, min(at + _RUN_IN_HEADING, end)):
        if line[j - 1] in _ENDS_SENTENCE or _INLINE_MARKER.match(line, j):
            return None
        if _typed_gap(view, text, j) and _HAN.match(line[j]):
            sentence = _SENTENCE_END_AT.search(line, j, end)
            stop = sentence.start() if sentence else end
            following = line[j:stop]
            if ITEM_START.match(following) or (
                len(following) >= _RUN_IN_BODY and _SENTENCE_INSIDE.search(following)
            ):
                return j
            return None
    return None


def _typed_gap(view: NormalizedView, text: str, i: int) -> bool:
    """Whether the text as typed has spaces before the view's character i."""
    gap = text[view.orig(i - 1) + 1 : view.orig(i)]
    return bool(gap) and gap.isspace()


# A document-sharing site cuts a text into chunks and numbers them "1、", "2、"…
# at the start of each, mid-sentence ("…依" / "2、法有效化解…").
_CHUNK_NUMBER = compiled(r"^\s*(\d{1,2})、(?=\S)")
_FIRST_CHUNK = compiled(r"\s*1、\S")
_CHUNK_PROSE = 40  # the line a chunk cuts is running prose, not a heading


def chunk_marks(text: str) -> list[Span]:
    """Spans from the end of a line cut mid-sentence to the end of the chunk
    number that opens the next ("依" / "2、法…"): the line break and the number
    are not the writer's.  Numbers must run 2, 3, … after a text that opens with
    "1、", so that a real list ("1、加强组织领导" under a sentence) is never taken."""
    if not _FIRST_CHUNK.match(text):
        return []
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    first = _CHUNK_NUMBER.match(lines[0].group())
    if first is None:
        return []
    found: list[Span] = []
    expected = 2
    for above, m in pairwise(lines):
        chunk = _CHUNK_NUMBER.match(m.group())
        if chunk is None or int(chunk[1]) != expected:
            continue
        line = above.group().rstrip()
        if len(line) < _CHUNK_PROSE or not _CLAUSE_OR_COMMA.search(line) or line.endswith(_ENDS):
            continue
        found.append(Span(above.start() + len(line), m.start() + chunk.end()))
        expected += 1
    if not found:
        return found
    return [Span(lines[0].start(), lines[0].start() + first.end()), *found]


_CLAUSE_OR_COMMA = compiled(r"[。；，,;]")
_ENDS = tuple("。！？；：”!?;:")


# A document site's watermark typed after a space at the end of a report's line:
# "一、…主要举措和成效 公文汇 www.gongwenhui.com", "（一）… 公文汇,办公文档之家".
_SITE = lexicon.alternation("doc_site_marks")
_WATERMARK_TAIL = compiled(
    rf"[ \u3000]+(?P<mark>(?:{_SITE})(?:[,，、\s]+(?:{_SITE}))*(?:\s*(?:https?://)?www\.\S+)?"
    rf"|\S{{0,12}}[ \u3000]*(?:https?://)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+/?)[ \u3000]*$",
    regex.IGNORECASE,
)


_ONLY_SITES = compiled(rf"(?:{_SITE})(?:[,，、\s]+(?:{_SITE}))*")
_HAS_MARK = compiled(rf"www\.|{_SITE}", regex.IGNORECASE)


def watermark_cut(view: NormalizedView, text: str, start: int, end: int) -> int | None:
    """The view offset where a watermark appended to the line [start, end) begins."""
    if not _HAS_MARK.search(view.text, start, end):
        return None
    line_start, line_end = view.span(start, end)
    m = _WATERMARK_TAIL.search(text, line_start, line_end)
    if m is None or m.start() == line_start:
        return None
    at = m.start("mark")
    if _ONLY_SITES.fullmatch(text[line_start : m.start()].strip()):
        return None  # the whole line is the watermark: chrome as it stands
    # The view character that starts the mark: the first whose original is there.
    for i in range(start, end):
        if view.orig(i) >= at:
            return i if i > start else None
    return None
