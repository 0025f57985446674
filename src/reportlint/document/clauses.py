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

from reportlint import lexicon
from reportlint.document.quantities import UNIT_CLASSES, Quantity
from reportlint.document.regexes import compiled

if TYPE_CHECKING:
    from reportlint.document.model import Paragraph

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
    stem: str  # the action the rate is of, as named: "按期办结"; "" for a share
    stem_pattern: str  # a regex that finds the stem in a figure's words ("调[解处]成功|…")
    share: bool  # 占/占比: a share of the count just before
    value: float
    decimals: int
    start: int  # view offsets: the name to the %
    end: int
    bound: str  # "at_least" (95%以上), "at_most" (10%以内), "about" (95%左右) or ""
    clause: int  # Clause.number


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
# A rate's name, or several sharing one value ("参考率、通过率均为100%"), the
# words between it and the value, the value, and a bound either side.
_RATE = compiled(
    r"(?P<names>\p{Han}{1,12}?"
    + _alternation("rate_suffixes")
    + r"(?:[、和及与]\p{Han}{1,10}?"
    + _alternation("rate_suffixes")
    + r")*)"
    r"(?:均|已|都|也|达|为|是|到|达到|保持|实现|在|控制在|稳定在|保持在)*"
    r"(?P<before>"
    + _alternation("bounds_at_least")
    + "|"
    + _alternation("bounds_at_most")
    + "|"
    + _alternation("bounds_about")
    + r")?"
    r"(?P<value>\d+(?:\.\d+)?)%(?!\s*[～~\-—至])"
    r"(?P<after>"
    + _alternation("bounds_at_least")
    + "|"
    + _alternation("bounds_at_most")
    + "|"
    + _alternation("bounds_about")
    + r")?"
)
_NAME_SPLIT = compiled(r"[、和及与](?=\p{Han}{1,10}?" + _alternation("rate_suffixes") + "$)")
_SUFFIX = compiled(_alternation("rate_suffixes") + "$")
_SHARE = compiled(
    r"(?:^|(?<=[\d\p{Han}]))(?P<names>" + _alternation("rate_shares") + r")(?:为|达|达到)?"
    r"(?P<before>)(?P<value>\d+(?:\.\d+)?)%(?![\d～~\-—至])"
    r"(?P<after>"
    + _alternation("bounds_at_least")
    + "|"
    + _alternation("bounds_at_most")
    + "|"
    + _alternation("bounds_about")
    + r")?"
)
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
        pattern_text = (_alternation("on_time") if on_time else re.escape(said)) + (
            f"\\p{{Han}}{{0,2}}(?:{pattern_text})" if on_time else f"(?:{pattern_text})"
        )
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
    for pattern, share in ((_RATE, False), (_SHARE, True)):
        for m in pattern.finditer(text):
            raw = m["value"]
            bound = _bound(m["after"] or m["before"])
            names = [m["names"]] if share else _NAME_SPLIT.split(m["names"])
            offset = base + m.start("names")
            for name in names:
                stem, stem_pattern = ("", "") if share else stem_of(name)
                found.append(
                    RateMention(
                        name,
                        stem,
                        stem_pattern,
                        share,
                        float(raw),
                        len(raw.partition(".")[2]),
                        offset,
                        base + m.end("value") + 1,  # to the %, not a bound after it
                        bound,
                        clause,
                    )
                )
                offset += len(name) + 1
    found.sort(key=lambda r: r.start)
    return found


# Where a figure's words stop: the next item of a list (、) or a bracket.
_ITEM_MARK = re.compile(r"[、（）]")


def unit_class(base: str) -> str:
    return _CLASS_OF.get(base, base)


def _figure(q: Quantity, clause: int, lead: str, tail: str, bracketed: bool) -> Figure:
    unit = q.unit
    scale = _SCALE.get(unit[0], 1.0) if len(unit) > 1 else 1.0
    base = unit[1:] if scale != 1.0 else unit
    return tuple.__new__(
        Figure,
        (
            q.value,
            unit,
            base,
            _CLASS_OF.get(base, base),
            q.value * scale,
            q.decimals,
            q.approx,
            q.start,
            q.end,
            q.number_start,
            clause,
            lead,
            tail,
            bracketed,
        ),
    )


_NO_FIGURES: tuple[Figure, ...] = ()
_NO_RATES: tuple[RateMention, ...] = ()
_CUT = re.compile(r"[，；：。！？]")
_SENTENCE_CUT = re.compile(r"[。！？]")


def split_sentences(paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """The sentences of the paragraphs, in order."""
    sentences: list[Sentence] = []
    new = tuple.__new__  # (a NamedTuple's own __new__ costs a Python call each)
    for p in paragraphs:
        text = p.text
        base = p.start
        begin = 0
        for m in _SENTENCE_CUT.finditer(text):
            end = m.end()
            sentences.append(
                new(Sentence, (len(sentences), p.index, base + begin, base + end, text[begin:end]))
            )
            begin = end
        if begin < len(text):
            sentences.append(
                new(
                    Sentence,
                    (len(sentences), p.index, base + begin, base + len(text), text[begin:]),
                )
            )
    return tuple(sentences)


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
        rates = tuple(_rates(chunk, base + clause_start, index)) if "%" in chunk else _NO_RATES
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
            text.rfind("、", clause_start, a) + 1,
            text.rfind("（", clause_start, a) + 1,
            text.rfind("）", clause_start, a) + 1,
        )
        later = own[n + 1].start - base if n + 1 < len(own) else clause_end
        stop = _ITEM_MARK.search(text, q.end - base, later)
        tail_to = later if stop is None else stop.start()
        inside = any(b0 <= a < b1 for b0, b1 in brackets)
        yield _figure(q, index, text[lead_from:a], text[q.end - base : tail_to], inside)
