"""The parsed report: one immutable Document per file.

Offsets named `start`/`end` on the structural parts are offsets into the
normalized view (`Document.view.text`); `Document.span()` turns them into a
Span of the original text, which is what diagnostics carry.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import Any, NamedTuple

from reportlint.document.clauses import (
    Clause,
    Sentence,
    Table,
    build_clauses,
    read_tables,
    split_sentences,
)
from reportlint.document.dates import DateReading
from reportlint.document.normalize import NormalizedView
from reportlint.document.quantities import Quantity, find_quantities
from reportlint.document.regexes import compiled
from reportlint.document.span import Span
from reportlint.load import Source

# A title's issuer: what comes before 关于 or the report year ("某县司法局关于…").
_TITLE_ISSUER = compiled(r"(?!关于)(.{2,30}?)(?:关于|(?:19|20)\d{2}年)")
# "我局", "本厅", "厅党组", "省公安厅坚持…": a department speaking of itself.
_SELF_REFERENCE = compiled(
    r"[我本][局厅署委]|(?:^|(?<=[，。]))[局厅署]党组|\p{Han}{2,8}[局厅署](?=(?:党组)?[坚紧始认全深以高在])"
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int  # view offsets
    end: int
    text: str  # view text
    # "header", "metadata" or "footer" for web-page leftovers; "cover" for a cover
    # letter sent with the report (not the report, not reported either)
    chrome: str | None = None


class Heading(NamedTuple):
    """A numbered heading or labelled item at the start of a paragraph.

    level: 0 "第一部分"/"第一章", 1 "一、", 2 "（一）", 3 "1." / "1、", 4 "（1）".
    """

    level: int
    ordinal: int
    marker: str  # as written in the view, e.g. "（一）" or "3、"
    paragraph: int
    start: int  # view offset of the marker
    title_start: int
    title_end: int  # the title runs to the first 。：； or the paragraph end
    title: str


class Item(NamedTuple):
    """An inline enumerated item "一是…", "二是…" inside a paragraph."""

    ordinal: int
    paragraph: int
    start: int  # view offset of "一是"
    title: str


class Section(NamedTuple):
    heading: Heading
    start: int  # view offsets: from the heading marker
    end: int  # to the next heading of the same or a higher level, or the body end
    parent: int | None  # index into Document.sections


class ChromeRegion(NamedTuple):
    kind: str  # "header", "metadata", "footer"
    first: int  # paragraph indices, inclusive
    last: int


class Signature(NamedTuple):
    """The 落款 at the end: issuing body and date, either may be missing."""

    issuer: Paragraph | None
    date_paragraph: Paragraph | None
    date: DateReading | None


class Document:
    def __init__(
        self,
        source: Source,
        view: NormalizedView,
        paragraphs: tuple[Paragraph, ...],
        title: tuple[Paragraph, ...],
        title_copies: tuple[Paragraph, ...],
        headings: tuple[Heading, ...],
        sections: tuple[Section, ...],
        items: tuple[Item, ...],
        signature: Signature | None,
        body: tuple[int, int],
        chrome: tuple[ChromeRegion, ...],
        joins: tuple[Span, ...],
        chunk_marks: tuple[Span, ...],
        lost_breaks: tuple[Span, ...],
        report_year: int | None,
        year_source: str | None,
        metadata: dict[str, str],
    ) -> None:
        self.source = source
        self.path = source.path
        self.text = source.text
        self.view = view
        self.paragraphs = paragraphs
        self.title = title  # the title's paragraphs (an issuer line may come first)
        self.title_copies = title_copies  # the title printed again above it, outside page chrome
        self.headings = headings
        self.sections = sections
        self.items = items
        self.signature = signature
        self.body = body  # view offsets [start, end) of the report proper
        self.chrome = chrome
        self.joins = joins  # original spans of line breaks that split a sentence
        self.chunk_marks = chunk_marks  # a document site's chunk numbers with the break before
        self.lost_breaks = (
            lost_breaks  # original spans of the space before a heading run into its line
        )
        self.report_year = report_year
        self.year_source = year_source  # "title", "opening", "heading", "signature" or "config"
        self.metadata = metadata  # web-page metadata such as 生成日期 -> "2024-01-17"
        # Offsets where each line starts (a per-character loop here cost ~0.8 ms a report).
        lines = self.text.split("\n")
        self._line_starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        self._line_texts: dict[int, str] = {}
        # What several checks work out from the report alike (which sections a
        # pattern heads, whether the last chapter plans): kept here once worked out,
        # keyed by what was asked (checks/parts.py, checks/base.py).
        self.memo: dict[Hashable, Any] = {}

    # -- positions -------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """Original span of the view range [start, end)."""
        return self.view.span(start, end)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an original offset."""
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def positions(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Line and column of `start` and of `end`: the second without a search
        when no line break comes between them (nearly every finding)."""
        line, column = self.position(start)
        if self.text.find("\n", start, end) < 0:
            return line, column, line, column + end - start
        return (line, column, *self.position(end))

    def line_text(self, line: int) -> str:
        # One string per line, shared by every diagnostic on it: a report
        # line is often a whole paragraph, and worker processes pickle each
        # shared string once instead of once per finding.
        text = self._line_texts.get(line)
        if text is None:
            start = self._line_starts[line - 1]
            end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
            text = self._line_texts[line] = self.text[start:end]
        return text

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    # -- views checks share ------------------------------------------------
    @cached_property
    def issuer(self) -> str:
        """The issuing organ as the report names it: the 落款's organ line, else
        the title's words before 关于 or the year ("某县司法局"); "" when neither
        says."""
        if self.signature is not None and self.signature.issuer is not None:
            return self.signature.issuer.text.strip()
        found = _TITLE_ISSUER.match("".join(p.text for p in self.title))
        if found:
            return str(found.group(1))
        # A page cut before its 落款 under a title without one ("关于2025年…的报告"):
        # how the report calls itself ("我局", "厅党组") says what kind of organ it is.
        for p in self.body_paragraphs[:6]:
            own = _SELF_REFERENCE.search(p.text)
            if own:
                return str(own.group())
        return ""

    @cached_property
    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs of the report proper, in order; most checks read only these."""
        start, end = self.body
        return tuple(p for p in self.paragraphs if p.chrome is None and start <= p.start < end)

    @cached_property
    def body_originals(self) -> tuple[tuple[int, str], ...]:
        """Each body paragraph as typed: (original offset, original text)."""
        found = []
        for p in self.body_paragraphs:
            start, end = self.view.span(p.start, p.end)
            # A lost indent ("??" opening the line) is not in the view but is typed.
            line_start = self.text.rfind("\n", 0, start) + 1
            if 0 < start - line_start <= 4 and not self.text[line_start:start].strip("?？"):
                start = line_start
            found.append((start, self.text[start:end]))
        return tuple(found)

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        """Counts and measures of the report proper (never in page chrome) that start
        between view offsets `start` and `end`, each read in its whole paragraph."""
        found: list[Quantity] = []
        for p in self.body_paragraphs:
            if p.start < end and start < p.end:
                found.extend(q for q in find_quantities(p.text, p.start) if start <= q.start < end)
        return found

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the report proper, in order (document/clauses.py)."""
        return split_sentences(self.body_paragraphs)

    @cached_property
    def tables(self) -> tuple[Table, ...]:
        """Tables of figures typed as text in the report proper (document/clauses.py)."""
        return read_tables(self.body_paragraphs, self.view)

    @cached_property
    def _sentence_quantities(self) -> dict[int, tuple[Quantity, ...]]:
        return {}

    @cached_property
    def _sentence_clauses(self) -> dict[int, tuple[Clause, ...]]:
        return {}

    def quantities_of(self, sentence: Sentence) -> tuple[Quantity, ...]:
        """The counts and measures in a sentence, read when first asked for: the
        number rules read only the sentences that may hold a rate or a total."""
        found = self._sentence_quantities.get(sentence.number)
        if found is None:
            found = tuple(find_quantities(sentence.text, sentence.start))
            self._sentence_quantities[sentence.number] = found
        return found

    def clauses_of(self, sentence: Sentence) -> tuple[Clause, ...]:
        """The clauses of a sentence, each with its figures and rate mentions; read
        when first asked for."""
        found = self._sentence_clauses.get(sentence.number)
        if found is None:
            found = build_clauses(sentence, self.quantities_of(sentence))
            self._sentence_clauses[sentence.number] = found
        return found

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause of the report proper, in order."""
        return tuple(c for s in self.sentences for c in self.clauses_of(s))

    def sentences_of(self, paragraph: Paragraph) -> tuple[Sentence, ...]:
        """The sentences of one body paragraph."""
        sentences = self.sentences
        lo = bisect_left(sentences, paragraph.start, key=lambda s: s.start)
        hi = bisect_left(sentences, paragraph.end, key=lambda s: s.start)
        return sentences[lo:hi]

    def section_text(self, section: Section) -> str:
        return self.view.text[section.start : section.end]
