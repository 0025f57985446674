"""Sentences, clauses and the figures in them, read once per report.

A *sentence* runs to 。！？ or the end of its paragraph; a *clause* to the
next ，；：。！？ outside brackets (（…） and 《…》 stay inside their clause:
"合同协议38件（其中采购合同20件）").  Each clause carries

- its *figures*: the counts and measures in it (document/quantities.py), with
  their unit class (件/件次/批次… are one class, 人/名 another, 次/场/期 a
  third; every other unit is its own), amount (1.52万人次 is 15200), decimals,
  approximation markers (余, 约, 以上…) and the words around them: the *lead*
  (from the clause start, the previous figure or a 、 to the number: "受理" in
  "受理40件") and the *tail* (after the unit to the next figure, 、 or the
  clause end: "被评为优良" in "其中24卷被评为优良");
- its *rate mentions*: a named rate with its value ("办结率为96%"), or a share
  "占比60%"/"占35.8%", with the *stem* the name is built on (办结率 → 办结,
  调处成功率 → 调处成功, 按期办结率 → 按期办结: a manner word narrows it),
  and bound words (95%以上, 不低于95%, 95%左右).

Figures inside 《》 are titles, not counts, and are left out.  Offsets are
view offsets; `Document.span()` maps them to the original text.  The word
lists are the lexicon's (rules/lexicon.yaml, the "figures" entries).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import regex

from reportlint import lexicon
from reportlint.document.numerals import DIGITS, cn_to_int
from reportlint.document.quantities import UNIT_CLASSES, UNITS, Quantity
from reportlint.document.regexes import compiled

if TYPE_CHECKING:
    from reportlint.document.model import Paragraph
    from reportlint.document.normalize import NormalizedView

SENTENCE_END = "。！？"
CLAUSE_END = "，；：。！？"
_MARKS = re.compile(r"[，；：。！？（）《》]")
_HAN_RUN = compiled(r"\p{Han}+")

_CLASS_OF = {unit: name for name in UNIT_CLASSES for unit in lexicon.words(f"units_{name}")}
_SCALE = {"万": 1e4, "亿": 1e8}


class Figure(NamedTuple):
    """A count or measure in a clause: "996余人次", "1.52万人次", "三个社区"."""

    value: float  # as written: 1.52 in "1.52万人次"
    unit: str  # as written: "万人次"
    base: str  # without 万/亿: "人次"
    unit_class: str  # "cases", "people", "events", or the base unit itself
    amount: float  # value in base units: 15200
    decimals: int  # digits written after the point
    approx: str  # "余", "约", "以上"…; "" when exact
    start: int  # view offsets of the whole figure (markers included)
    end: int
    number_start: int
    clause: int  # Clause.number: its place in Document.clauses_of(its sentence)
    lead: str  # words before the number from the clause start, a 、 or the previous figure
    tail: str  # words after the figure to the next figure, a 、 or the clause end
    bracketed: bool  # inside （…） within its clause
    also: str  # the class of a unit in brackets after its own: "份" of "67件（份）"

    @property
    def words(self) -> str:
        """What the clause says of this figure: its lead and its tail."""
        return self.lead + self.tail

    @property
    def counted(self) -> str:
        """The object counted: the noun after a classifier ("执法人员" in "12名执法
        人员"), else the words before the number ("受理群众诉求" in "受理群众诉求40件")."""
        m = _HAN_RUN.match(self.tail)
        return m.group() if m else self.lead

    @property
    def precision(self) -> float:
        """Half a unit of the last written decimal, in base units: "52.3万元" is
        522500 to 523500; whole figures ("96件", "5万份") are exact."""
        return 0.5 * 10.0**-self.decimals * (self.amount / self.value) if self.decimals else 0.0


class RateMention(NamedTuple):
    """A percentage named as a rate ("按期办结率99.2%") or a share ("占35.8%")."""

    name: str  # "按期办结率", "占比", "占"
    # the action the rate is of, as named: "按期办结"; for a share with no count
    # right before it, the part named there ("适用简易程序"), else ""
    stem: str
    stem_pattern: str  # a regex that finds the stem in a figure's words ("调[解处]成功|…")
    share: bool  # 占/占比: a share of the count just before
    value: float
    decimals: int
    start: int  # view offsets: the name to the %
    end: int
    bound: str  # "at_least" (95%以上), "at_most" (10%以内), "about" (95%左右) or ""
    clause: int  # Clause.number
    # Its place among values given in turn ("审结率分别为94.4%、90.9%": 0, 1), else -1
    respective: int = -1
    # Given in turn for the items before it under one name ("三镇办结率分别为98.5%、
    # 99.1%"), not names in turn ("参考率、合格率分别为99.2%、98.4%")
    for_items: bool = False


class Clause(NamedTuple):
    number: int  # its place in its sentence (Document.clauses_of)
    sentence: int  # Sentence.number
    start: int  # view offsets, without the closing mark
    end: int
    text: str
    closer: str  # the mark that ends it (，；：。！？) or "" at the paragraph end
    figures: tuple[Figure, ...]
    rates: tuple[RateMention, ...]


class Sentence(NamedTuple):
    number: int  # its place in Document.sentences
    paragraph: int  # Paragraph.index
    start: int  # view offsets, the closing mark included
    end: int
    text: str


def _alternation(name: str) -> str:
    return lexicon.alternation(name)


_STEMS = [(word, compiled(f"(?:{word})$")) for word in lexicon.words("rate_stems")]
_MANNER = compiled(_alternation("rate_manners") + "$")
_ON_TIME = compiled(_alternation("on_time"))
_BOUND = (
    _alternation("bounds_at_least")
    + "|"
    + _alternation("bounds_at_most")
    + "|"
    + _alternation("bounds_about")
)
# A value: "96.5%", or in words, "百分之九十五", "百分之百"; and more values of
# the names in turn ("审结率分别为94.4%、90.9%").
_VALUE = r"(?:(?P<value>\d+(?:\.\d+)?)%(?!\s*[～~\-—至])|百分之(?P<cn>[零〇一二三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?))"
_MORE = r"(?P<more>(?:[、和及与]\d+(?:\.\d+)?%(?![\d～~\-—至]))*)"
# A rate's name, or several sharing one value ("参考率、通过率均为100%"), the
# words between it and the value, the value, and a bound either side.
_RATE = compiled(
    r"(?P<names>\p{Han}{1,12}?"
    + _alternation("rate_suffixes")
    + r"(?:[、和及与]\p{Han}{1,10}?"
    + _alternation("rate_suffixes")
    + r")*)"
    r"(?:均|已|都|也|达|为|是|到|达到|保持|实现|在|控制在|稳定在|保持在|分别)*"
    r"(?P<before>" + _BOUND + r")?" + _VALUE + _MORE + r"(?P<after>" + _BOUND + r")?"
)
# The value before the name: "以96.5%的办结率位居全县第一".
_RATE_AFTER = compiled(
    r"(?<![\d.])(?P<before>)(?P<value>\d+(?:\.\d+)?)%的(?P<names>\p{Han}{1,8}?"
    + _alternation("rate_suffixes")
    + r")(?P<more>)(?P<after>)(?P<cn>)"
)
# A claim in words with the action after it: "实现了百分之百办结".
_CLAIM = compiled(
    r"(?P<before>)百分之(?P<cn>[一二三四五六七八九十百]+)(?P<names>"
    + "|".join(f"(?:{w})" for w in lexicon.words("rate_stems"))
    + r")(?P<more>)(?P<after>)(?P<value>)"
)
# (after a name's suffix only: "参考率、及格率" is two names, not "", "格率")
_NAME_SPLIT = compiled(
    r"(?<="
    + _alternation("rate_suffixes")
    + r")[、和及与](?=\p{Han}{1,10}?"
    + _alternation("rate_suffixes")
    + "$)"
)
_SUFFIX = compiled(_alternation("rate_suffixes") + "$")
# A share: "占35.8%", "、占30%", "所占比例为39.7%", "占比62.5%", a share of a
# whole named in it: "占受理总数40件的95%", "占检查总数的18.2%", and shares in
# turn of the counts before it: "分别占60%、15%".
_SHARE = compiled(
    r"(?:^|(?<=[\d\p{Han}、]))(?P<names>" + _alternation("rate_shares") + r")"
    r"(?:(?P<of>[^，；。！？%\d]{1,10}(?:\d+(?:\.\d+)?\p{Han}{1,3})?)的)?(?:为|达|达到)?"
    r"(?P<before>)(?P<value>\d+(?:\.\d+)?)%(?![\d～~\-—至])" + _MORE + r"(?P<cn>)"
    r"(?P<after>" + _BOUND + r")?"
)
_MORE_VALUE = compiled(r"\d+(?:\.\d+)?(?=%)")
_AT_LEAST = compiled(f"^{_alternation('bounds_at_least')}$")
_AT_MOST = compiled(f"^{_alternation('bounds_at_most')}$")


@cache
def stem_of(name: str) -> tuple[str, str]:
    """The stem a rate's name is built on and a pattern that finds it in a figure's
    words: ("办结", "办结") for 办结率, ("按期办结", "按期办结") for 按期办结率,
    ("调处成功", "调[解处]成功|成功调[解处]") for 调处成功率.  A name the
    lexicon has no stem for keeps its last two characters ("办复率" → 办复)."""
    core = _SUFFIX.sub("", name)
    best: tuple[str, str] | None = None
    for word, pattern in _STEMS:
        m = pattern.search(core)
        if m and (best is None or len(m.group()) > len(best[0])):
            best = (m.group(), word)
    stem, pattern_text = best if best else (core[-2:], re.escape(core[-2:]))
    manner = _MANNER.search(core[: len(core) - len(stem)])
    if manner:
        said = manner.group()
        # 按期 may be said as 按时, 在法定期限内…: "均在法定期限内答复" for 按期答复率
        on_time = _ON_TIME.fullmatch(said) is not None
        stem = said + stem
        # and one done late is the rest of it: "超期办复3件" for 按期办复率
        pattern_text = (
            f"(?:{_alternation('on_time')}|{_alternation('late')})" if on_time else re.escape(said)
        ) + (f"\\p{{Han}}{{0,2}}(?:{pattern_text})" if on_time else f"(?:{pattern_text})")
    return stem, pattern_text


def _bound(word: str | None) -> str:
    if not word:
        return ""
    if _AT_LEAST.match(word):
        return "at_least"
    if _AT_MOST.match(word):
        return "at_most"
    return "about"


def _rates(text: str, base: int, clause: int) -> list[RateMention]:
    found: list[RateMention] = []
    shares: list[tuple[int, int]] = []
    for pattern, share in ((_SHARE, True), (_RATE, False), (_RATE_AFTER, False), (_CLAIM, False)):
        if pattern is _CLAIM and "百分之" not in text:
            continue
        for m in pattern.finditer(text):
            if not share and any(a < m.end() and m.start() < b for a, b in shares):
                continue  # "所占比例为39.7%" is a share, not a rate named 所占比例
            if share:
                shares.append(m.span())
            read = _value(m)
            if read is None:
                continue
            values = [read, *_more(m["more"])] if m["more"] else [read]
            bound = _bound(m["after"] or m["before"])
            if share:
                names = [m["names"]]
            elif pattern is _CLAIM:
                names = [m["names"] + "率"]
            else:
                names = _NAME_SPLIT.split(m["names"])
            # Several values: one a name in turn ("参考率、合格率分别为99.2%、98.4%"),
            # or one name's values for the items before it ("审结率分别为94.4%、90.9%").
            for_items = len(values) > 1 and len(names) == 1
            if len(values) > 1:
                names = names[: len(values)] if len(names) > 1 else names * len(values)
                pairs = [(n, v, k) for k, (n, v) in enumerate(zip(names, values, strict=False))]
            else:
                pairs = [(n, values[0], -1) for n in names]
            offset = base + m.start()
            # to the % (not a bound after it), or past the name after the value
            if pattern is _RATE_AFTER or pattern is _CLAIM:
                end = base + m.end()
            elif m["value"]:
                end = base + m.end("value") + 1
            else:
                end = base + m.end("cn")
            # One name's values for the items before it: each after the first is
            # where its own value is ("分别占60%、15%": the 15%).
            spans = [
                (base + v.start(), base + v.end() + 1) for v in _MORE_VALUE.finditer(m["more"])
            ]
            if m["more"]:
                shift = m.start("more")
                spans = [(a + shift, b + shift) for a, b in spans]
            for name, (value, decimals), respective in pairs:
                if for_items and respective > 0:
                    offset, end = spans[respective - 1]
                stem, stem_pattern = ("", "") if share else stem_of(name)
                found.append(
                    RateMention(
                        name,
                        _named_part(text, m.start()) if share else stem,
                        stem_pattern,
                        share,
                        value,
                        decimals,
                        offset,
                        end,
                        bound,
                        clause,
                        respective,
                        for_items,
                    )
                )
                offset += len(name) + 1
    found.sort(key=lambda r: r.start)
    return found


def _value(m: regex.Match[str]) -> tuple[float, int] | None:
    raw = m["value"]
    if raw:
        return float(raw), len(raw.partition(".")[2])
    cn = m["cn"]
    whole, _, fraction = cn.partition("点")
    number = cn_to_int(whole)
    if number is None:
        return None
    digits = "".join(str(DIGITS[ch]) for ch in fraction)
    return (float(f"{number}.{digits}") if digits else float(number)), len(digits)


def _more(text: str) -> list[tuple[float, int]]:
    return [(float(v), len(v.partition(".")[2])) for v in _MORE_VALUE.findall(text)]


# The words of a share's part named before it: "适用简易程序" in "行政处罚案件中适用
# 简易程序的占比62.5%"; none when a count is right before it ("30件，占62.5%").
_NAMED_PART = compiled(r"(?:\p{Han}+中)?(?P<part>\p{Han}{2,16}?)的?$")


def _named_part(text: str, at: int) -> str:
    m = _NAMED_PART.search(text, 0, at)
    return m["part"] if m else ""


# Where a figure's words stop: the next item of a list (、), a bracket, or a
# clause's mark inside brackets ("（全年审结22件，纠错4件）").
_ITEM_MARK = re.compile(r"[、（），；：]")


def unit_class(base: str) -> str:
    return _CLASS_OF.get(base, base)


def counts_with(part: Figure, whole: Figure) -> bool:
    """Whether a count is of a class its whole counts: 件 or 份 of "67件（份）"."""
    return part.unit_class == whole.unit_class or part.unit_class == whole.also


def _figure(q: Quantity, clause: int, lead: str, tail: str, bracketed: bool) -> Figure:
    return new_figure(
        q.value,
        q.unit,
        q.decimals,
        q.approx,
        (q.start, q.end, q.number_start),
        clause,
        lead,
        tail,
        bracketed,
        _CLASS_OF.get(q.also, q.also),
    )


def new_figure(
    value: float,
    unit: str,
    decimals: int,
    approx: str,
    where: tuple[int, int, int],
    clause: int,
    lead: str,
    tail: str,
    bracketed: bool,
    also: str = "",
) -> Figure:
    """A Figure, its base unit, class and amount worked out from `unit`; `where`
    is (start, end, number_start).  Made without NamedTuple's own __new__, which
    costs a Python call for each of the thousands of figures in a batch."""
    scale = _SCALE.get(unit[0], 1.0) if len(unit) > 1 else 1.0
    base = unit[1:] if scale != 1.0 else unit
    start, end, number_start = where
    return tuple.__new__(
        Figure,
        (
            value,
            unit,
            base,
            _CLASS_OF.get(base, base),
            value * scale,
            decimals,
            approx,
            start,
            end,
            number_start,
            clause,
            lead,
            tail,
            bracketed,
            also,
        ),
    )


_NO_FIGURES: tuple[Figure, ...] = ()
_NO_RATES: tuple[RateMention, ...] = ()
_CUT = re.compile(r"[，；：。！？]")
_SENTENCE_CUT = re.compile(r"[。！？]")


def split_sentences(paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """The sentences of the paragraphs, in order.  A paragraph ending in a colon
    and the numbered items after it ("全年审结行政复议案件22件：" / "1.维持14件；" /
    "2.撤销3件。") are one sentence: the list is the parts of what the colon opens."""
    sentences: list[Sentence] = []
    new = tuple.__new__  # (a NamedTuple's own __new__ costs a Python call each)
    for first, text in _runs(paragraphs):
        base = first.start
        begin = 0
        for m in _SENTENCE_CUT.finditer(text):
            end = m.end()
            sentences.append(
                new(
                    Sentence,
                    (len(sentences), first.index, base + begin, base + end, text[begin:end]),
                )
            )
            begin = end
        if begin < len(text):
            sentences.append(
                new(
                    Sentence,
                    (len(sentences), first.index, base + begin, base + len(text), text[begin:]),
                )
            )
    return tuple(sentences)


# A numbered item of a list set out over lines: "1.", "2、", "（1）", "(2)".
_LIST_ITEM = re.compile(r"(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])(?!\d)")


def _runs(paragraphs: Sequence[Paragraph]) -> list[tuple[Paragraph, str]]:
    """Each paragraph's text, but a colon's paragraph with the items that follow it
    as one text, the gaps between them as line breaks so that offsets hold."""
    runs: list[tuple[Paragraph, str]] = []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        text = p.text
        j = i + 1
        if text.endswith("："):
            while j < len(paragraphs):
                item = paragraphs[j].text
                # items of one clause or sentence each, ending the list at its 。
                if not _LIST_ITEM.match(item) or "。" in item[:-1] or len(item) > 80:
                    break
                text += "\n" * (paragraphs[j].start - paragraphs[j - 1].end) + item
                j += 1
                if not item.endswith("；"):
                    break
        runs.append((p, text))
        i = j
    return runs


def _cuts(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the clauses of a sentence end (offset of the mark, the mark), and its
    （…） and 《…》 ranges: a mark inside brackets ends no clause."""
    if "（" not in text and "《" not in text:
        return [(m.start(), m.group()) for m in _CUT.finditer(text)], [], []
    cuts: list[tuple[int, str]] = []
    brackets: list[tuple[int, int]] = []
    titles: list[tuple[int, int]] = []
    opened: list[tuple[str, int]] = []
    for m in _MARKS.finditer(text):
        ch, at = m.group(), m.start()
        if ch in "（《":
            opened.append((ch, at))
        elif ch in "）》":
            if opened and opened[-1][0] == ("（" if ch == "）" else "《"):
                _, began = opened.pop()
                (brackets if ch == "）" else titles).append((began, at + 1))
        elif ch in SENTENCE_END or not opened:
            cuts.append((at, ch))
    return cuts, brackets, titles


def build_clauses(sentence: Sentence, quantities: Sequence[Quantity]) -> tuple[Clause, ...]:
    """The clauses of a sentence, with their figures (from its `quantities`) and rates."""
    text = sentence.text
    base = sentence.start
    cuts, brackets, titles = _cuts(text)
    if not cuts or cuts[-1][0] != len(text) - 1:
        cuts.append((len(text), ""))  # the paragraph's last words
    elif cuts[-1][1] not in SENTENCE_END:
        cuts[-1] = (cuts[-1][0], "")  # a paragraph ending in ，or ：ends its sentence
    if titles:
        quantities = tuple(
            q for q in quantities if not any(a <= q.start - base < b for a, b in titles)
        )
    clauses: list[Clause] = []
    new = tuple.__new__
    clause_start = 0
    k = 0  # next figure
    for at, mark in cuts:
        index = len(clauses)
        chunk = text[clause_start:at]
        figures = _NO_FIGURES
        if k < len(quantities) and quantities[k].start - base < at:
            own = []
            while k < len(quantities) and quantities[k].start - base < at:
                own.append(quantities[k])
                k += 1
            figures = tuple(_figures(own, text, base, index, clause_start, at, brackets))
        rates = (
            tuple(_rates(chunk, base + clause_start, index))
            if "%" in chunk or "百分之" in chunk
            else _NO_RATES
        )
        clauses.append(
            new(
                Clause,
                (
                    index,
                    sentence.number,
                    base + clause_start,
                    base + at,
                    chunk,
                    mark,
                    figures,
                    rates,
                ),
            )
        )
        clause_start = at + 1
    return tuple(clauses)


def _figures(
    own: list[Quantity],
    text: str,
    base: int,
    index: int,
    clause_start: int,
    clause_end: int,
    brackets: list[tuple[int, int]],
) -> Iterator[Figure]:
    """The figures of one clause, each with the words of its item."""
    for n, q in enumerate(own):
        a = q.number_start - base
        previous = own[n - 1].end - base if n else clause_start
        lead_from = max(
            previous,
            *(text.rfind(mark, clause_start, a) + 1 for mark in "、（），；："),
        )
        later = own[n + 1].start - base if n + 1 < len(own) else clause_end
        stop = _ITEM_MARK.search(text, q.end - base, later)
        tail_to = later if stop is None else stop.start()
        inside = any(b0 <= a < b1 for b0, b1 in brackets)
        yield _figure(q, index, text[lead_from:a], text[q.end - base : tail_to], inside)


# -- tables typed as text -------------------------------------------------------
# A row: cells set apart by a tab or a run of spaces (document/tables.py's gap),
# no full stop.  The view closes up the gaps between Chinese cells, so rows are
# cut on the folded original and each cell is then found in the view.
_CELL_GAP = re.compile(r"\t|[ \u3000]{2,}")
_ROW_GAP = re.compile(r"\S(?:\t|[ \u3000]{2,})\S")
_UNIT_WORDS = "|".join(UNITS)
_NUMBER_CELL = compiled(r"(?P<num>\d+(?:\.\d+)?)(?P<unit>%|(?:万|亿)?(?:" + _UNIT_WORDS + "))?")
_BLANK_CELL = compiled(r"[—\-－/／]*|无")
# A header's unit: "受理（件）", "金额（万元）", "件数", "人数", "场次".
_HEADER_UNIT = compiled(r"(?P<name>.*?)（(?P<unit>(?:万|亿)?(?:" + _UNIT_WORDS + r"))）")
_UNIT_HEADER = compiled(r"(?P<unit>" + _UNIT_WORDS + r")数?")
_TOTAL_LABEL = compiled(lexicon.alternation("whole_words") + "|总数")


class Cell(NamedTuple):
    """A number in a table's cell: "26", "96.2%", "86.4", "12件"."""

    value: float
    unit: str  # as written in the cell ("件", "%"), "" when the header gives it
    decimals: int
    start: int  # view offsets
    end: int

    @property
    def percent(self) -> bool:
        return self.unit == "%"


class Table(NamedTuple):
    """Rows of cells under a header: the header names the columns (the first over
    the row labels), each row a label and a number or nothing in each column."""

    paragraphs: tuple[int, ...]  # Paragraph.index of the header and each row
    header: tuple[str, ...]  # column names, units left out: "受理" for "受理（件）"
    units: tuple[str, ...]  # the unit each column's header gives, "" when none
    labels: tuple[str, ...]  # each row's first cell
    cells: tuple[tuple[Cell | None, ...], ...]  # rows × columns after the first

    def total_rows(self) -> list[int]:
        """Rows labelled 合计/总计/共计/总数."""
        return [r for r, label in enumerate(self.labels) if _TOTAL_LABEL.search(label)]

    def total_columns(self) -> list[int]:
        """Columns (index into a row's cells) headed 合计/总计/共计/总数."""
        return [c for c, name in enumerate(self.header[1:]) if _TOTAL_LABEL.search(name)]

    def figure(self, row: int, column: int, field: str) -> Figure | None:
        """A count cell as a Figure, its field's name as its words."""
        cell = self.cells[row][column]
        if cell is None or cell.percent:
            return None
        unit = cell.unit or self.units[column + 1]
        where = (cell.start, cell.end, cell.start)
        return new_figure(cell.value, unit, cell.decimals, "", where, 0, field, "", False)

    def rate(self, row: int, column: int, field: str) -> RateMention | None:
        """A % cell as a rate mention when its field names a rate ("办结率") or a
        share ("占比")."""
        cell = self.cells[row][column]
        if cell is None or not cell.percent:
            return None
        share = _SHARE_NAME.fullmatch(field) is not None
        if not share and _SUFFIX.search(field) is None:
            return None
        stem, stem_pattern = ("", "") if share else stem_of(field)
        return RateMention(
            field, stem, stem_pattern, share, cell.value, cell.decimals, cell.start, cell.end, "", 0
        )


_SHARE_NAME = compiled(r"(?:所占)?(?:占比|比例|比重)")


def read_tables(paragraphs: Sequence[Paragraph], view: NormalizedView) -> tuple[Table, ...]:
    """The tables among the paragraphs: runs of rows under a header row."""
    runs: list[list[tuple[Paragraph, list[str]]]] = [[]]
    for p in paragraphs:
        cells = _row_cells(p, view)
        if cells is None:
            if runs[-1]:
                runs.append([])
        elif runs[-1] and len(cells) != len(runs[-1][0][1]):
            runs.append([(p, cells)])  # a row of another shape starts another table
        else:
            runs[-1].append((p, cells))
    return tuple(t for run in runs if len(run) >= 2 and (t := _table(run)) is not None)


def _row_cells(p: Paragraph, view: NormalizedView) -> list[str] | None:
    if "。" in p.text:
        return None
    span = view.span(p.start, p.end)
    typed = view.folded[span.start : span.end]
    if _ROW_GAP.search(typed) is None:
        return None
    return _CELL_GAP.split(typed.strip())


def _table(run: list[tuple[Paragraph, list[str]]]) -> Table | None:
    (_, header), *rows = run
    if any(_NUMBER_CELL.fullmatch(h.strip()) for h in header[1:]):
        return None  # no header: the columns are not named
    names, units = [header[0].strip()], [""]
    for h in header[1:]:
        h = "".join(h.split())
        m = _HEADER_UNIT.fullmatch(h)
        if m:
            names.append(m["name"])
            units.append(m["unit"])
            continue
        m = _UNIT_HEADER.fullmatch(h)
        names.append(h)
        units.append(m["unit"] if m else "")
    labels: list[str] = []
    grid: list[tuple[Cell | None, ...]] = []
    for p, cells in rows:
        row: list[Cell | None] = []
        cursor = 0
        for k, raw in enumerate(cells):
            raw = "".join(raw.split())
            at = p.text.find(raw, cursor)
            if at < 0:
                return None
            cursor = at + len(raw)
            if k == 0:
                labels.append(raw)
                continue
            m = _NUMBER_CELL.fullmatch(raw)
            if m is None:
                if _BLANK_CELL.fullmatch(raw) is None:
                    return None  # words in a cell: no table of figures
                row.append(None)
                continue
            num = m["num"]
            row.append(
                Cell(
                    float(num),
                    m["unit"] or "",
                    len(num.partition(".")[2]),
                    p.start + at,
                    p.start + cursor,
                )
            )
        grid.append(tuple(row))
    return Table(
        tuple(p.index for p, _ in run), tuple(names), tuple(units), tuple(labels), tuple(grid)
    )
