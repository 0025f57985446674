"""From a finding's character span back to the runs of the Word document.

The extractor (extract/docx.py) gives the text as pieces, each pointing at
the XML it came from.  Runs are cut at every position a comment or a change
starts or ends, so that each span covers whole runs; then a comment range
goes around those runs and a fix becomes a tracked change of them.  Text that
is in no run (a number Word draws, the text of a text box) takes the comment
on its paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import accumulate

from reportlint.annotate import ooxml
from reportlint.annotate.ooxml import RUN_TEXT, Element, W
from reportlint.annotate.wording import Fate
from reportlint.checks import Fix
from reportlint.extract.docx import Piece, text_pieces


class MapError(Exception):
    """The document's text changed under the edits: a bug of ours, never a clerk's."""


@dataclass
class Change:
    """A fix as a tracked change: runs deleted whole, paragraph marks deleted,
    and the replacement inserted formatted like `like`."""

    runs: list[Element]
    marks: list[Element]
    replacement: str
    like: Element | None  # the run whose formatting an insertion copies
    after: Element | None  # a pure insertion goes after this run (else before `like`)


class TextMap:
    """The document's text, piece by piece, with the run each piece is in."""

    def __init__(self, part: object) -> None:
        self.part = part
        self._index(text_pieces(part))

    def _index(self, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.starts = list(accumulate((len(p.text) for p in pieces), initial=0))
        self.text = "".join(p.text for p in pieces)
        # The run of each piece, fixed now: a deletion later renames w:t to w:delText.
        self.run_of: list[Element | None] = [
            p.node.getparent() if p.node is not None and p.node.tag in RUN_TEXT else None
            for p in pieces
        ]

    def overlapping(self, start: int, end: int) -> range:
        """Indices of the pieces that share a character with [start, end)."""
        first = self.index(start)
        last = first
        while last < len(self.pieces) and self.starts[last] < end:
            last += 1
        return range(first, max(first, last))

    def index(self, position: int) -> int:
        """The piece that holds the character at `position` (len(pieces) at the end)."""
        return min(bisect_right(self.starts, position) - 1, len(self.pieces))

    def cut(self, positions: Iterable[int]) -> None:
        """Cut runs so that each position falls between two runs.  From the end
        backwards: a cut leaves the pieces before it pointing where they did."""
        for position in sorted(set(positions), reverse=True):
            if not 0 < position < len(self.text):
                continue
            i = bisect_right(self.starts, position) - 1
            piece, run = self.pieces[i], self.run_of[i]
            if run is None:
                continue
            if self.starts[i] < position:  # inside a w:t
                ooxml.split_run(run, piece.node, piece.offset + position - self.starts[i])
            elif i > 0 and self.run_of[i - 1] is run:  # between two children of one run
                ooxml.split_run(run, piece.node, 0)
        before = self.text
        self._index(text_pieces(self.part))
        # Cutting runs must not change a character: the comments would be misplaced.
        if self.text != before:
            raise MapError("拆分文字块后文档的文字变了")

    def runs(self, start: int, end: int) -> list[Element]:
        """The runs holding the text of [start, end), in document order."""
        found: list[Element] = []
        for i in self.overlapping(start, end):
            run = self.run_of[i]
            if run is not None and (not found or found[-1] is not run):
                found.append(run)
        return found

    def paragraphs(self, start: int, end: int) -> list[Element]:
        """The paragraphs that [start, end) touches (for a text box: the one holding it)."""
        found: list[Element] = []
        for i in self.overlapping(start, end):
            p = self.pieces[i].paragraph
            if p is not None and p not in found:
                found.append(p)
        if not found:  # a tab between table cells, say: the paragraph before it
            for i in reversed(range(min(self.index(start), len(self.pieces) - 1) + 1)):
                p = self.pieces[i].paragraph
                if p is not None:
                    return [p]
        return found

    def plan(self, fix: Fix, made: Collection[Element] = ()) -> Change | Fate:
        """How the fix can be a tracked change, or the Fate that says why not.
        `made`: the changes already made, which an insertion may follow."""
        start, end = fix.span
        replacement = fix.replacement
        if any(ch in replacement for ch in "\n\t\r"):
            return Fate.ELSEWHERE
        if start == end:
            return self._insertion(start, replacement, made)
        runs: list[Element] = []
        marks: list[Element] = []
        for i in self.overlapping(start, end):
            piece, run = self.pieces[i], self.run_of[i]
            if run is not None:
                if not ooxml.plain_run(run):
                    return Fate.ELSEWHERE
                if not runs or runs[-1] is not run:
                    runs.append(run)
            elif piece.node is None and piece.paragraph is not None:
                return Fate.NUMBERING  # a list number Word draws
            elif piece.node is not None and piece.node.tag == W + "p":
                following = self.pieces[i + 1] if i + 1 < len(self.pieces) else None
                if (
                    replacement
                    or not ooxml.mark_deletable(piece.node)
                    or following is None
                    # the text goes on in the next paragraph, and no number is drawn there
                    or following.paragraph is not piece.node.getnext()
                    or (following.node is None and following.text)
                ):
                    return Fate.ELSEWHERE
                marks.append(piece.node)
            else:
                return Fate.ELSEWHERE  # a text box, a tab between table cells
        if not runs and not marks:
            return Fate.ELSEWHERE
        if replacement and _paragraph(runs[0]) is not _paragraph(runs[-1]):
            return Fate.ELSEWHERE
        return Change(runs, marks, replacement, runs[0] if runs else None, None)

    def _insertion(self, position: int, text: str, made: Collection[Element]) -> Change | Fate:
        """Text put in at a point: after the run that ends there, else before the one that starts there."""
        i = self.index(position)
        if i < len(self.pieces) and self.starts[i] != position:
            return Fate.ELSEWHERE  # inside a list number or a text box
        before = self.run_of[i - 1] if i > 0 else None
        if before is not None and ooxml.plain_run(before, made):
            return Change([], [], text, before, before)
        at = self.run_of[i] if i < len(self.pieces) else None
        if at is not None and ooxml.plain_run(at):
            return Change([], [], text, at, None)
        return Fate.ELSEWHERE


def _paragraph(run: Element) -> Element | None:
    for ancestor in run.iterancestors(W + "p"):
        return ancestor
    return None
