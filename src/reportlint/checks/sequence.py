"""Kind `sequence`: ordinals that skip, repeat or go backwards.

Headings are compared with their siblings (same level, same parent
section); inline items 一是、二是 with the other items of their innermost
section.  Headings numbered on across sub-sections ("1." "2." under （一）,
"3." under （二）) are a run that goes on, not a gap.  A list may start again at 1 (a new list under the same heading),
so only a step other than +1 within a run is a problem; a run of headings
that starts above 1 is one too ("（二）" with no "（一）").
"""

from collections import defaultdict
from collections.abc import Iterator, Sequence

from reportlint.checks.base import CheckKind, Finding, Params
from reportlint.checks.registry import register
from reportlint.document import Document, Span
from reportlint.document.numerals import int_to_cn
from reportlint.document.regexes import compiled

_NUMERAL = compiled(r"[一二三四五六七八九十百]+|\d+")
_MAX_LISTED = 3


class SequenceParams(Params):
    headings: bool = True
    items: bool = True


class _Entry:
    __slots__ = ("marker", "ordinal", "start")

    def __init__(self, ordinal: int, marker: str, start: int) -> None:
        self.ordinal = ordinal
        self.marker = marker
        self.start = start  # view offset


def _marker(like: str, ordinal: int) -> str:
    """`like` with its numeral replaced: ("（三）", 4) -> "（四）", ("3.", 4) -> "4."."""
    m = _NUMERAL.search(like)
    if m is None:
        return like
    numeral = str(ordinal) if m.group().isdigit() else int_to_cn(ordinal)
    return like[: m.start()] + numeral + like[m.end() :]


@register
class SequenceCheck(CheckKind[SequenceParams]):
    name = "sequence"
    params_type = SequenceParams
    messages = {
        "gap": frozenset({"previous", "found", "missing"}),
        "repeat": frozenset({"found"}),
        "backwards": frozenset({"previous", "found"}),
        "first": frozenset({"found", "missing"}),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        if self.params.headings:
            siblings: dict[tuple[int | None, int], list[_Entry]] = defaultdict(list)
            for s in doc.sections:
                h = s.heading
                if not h.marker:
                    continue  # a chapter heading written without a number
                siblings[(s.parent, h.level)].append(_Entry(h.ordinal, h.marker, h.start))
            for (parent, level), entries in siblings.items():
                # "1." "2." under （一）, then "3." under （二）: numbered on across the
                # sub-sections on purpose, so a run going on from the one before is no gap.
                before = _last_before(siblings, parent, level, entries[0].start)
                continued = before is not None and before.ordinal == entries[0].ordinal - 1
                yield from self._run(doc, entries, check_first=not continued)
        if self.params.items:
            groups: dict[int | None, list[_Entry]] = defaultdict(list)
            for item in doc.items:
                groups[_innermost(doc, item.start)].append(
                    _Entry(item.ordinal, _marker_of_item(item.ordinal), item.start)
                )
            for section, entries in groups.items():
                # "二是…" with no 一是 before it in its section, nor the item before
                # it in the report ("…一是…。" under （一）, "二是…" under （二）)
                before = _last_item_before(doc, section, entries[0].start)
                continued = before is not None and before.ordinal == entries[0].ordinal - 1
                yield from self._run(doc, entries, check_first=not continued)

    def _run(
        self, doc: Document, entries: Sequence[_Entry], check_first: bool
    ) -> Iterator[Finding]:
        for i, entry in enumerate(entries):
            span = _span(doc, entry)
            found = entry.marker.rstrip("、，.．")
            if i == 0:
                if check_first and entry.ordinal > 1:
                    missing = _listed(entry.marker, range(1, entry.ordinal))
                    yield Finding(span, "first", {"found": found, "missing": missing})
                continue
            prev = entries[i - 1]
            previous = prev.marker.rstrip("、，.．")
            if entry.ordinal == prev.ordinal:
                # also "一、…" right after "一、…": a list may start again, but not at once
                yield Finding(span, "repeat", {"found": found})
                continue
            if entry.ordinal == 1 or entry.ordinal == prev.ordinal + 1:
                continue
            elif entry.ordinal > prev.ordinal:
                missing = _listed(entry.marker, range(prev.ordinal + 1, entry.ordinal))
                yield Finding(
                    span, "gap", {"previous": previous, "found": found, "missing": missing}
                )
            else:
                yield Finding(span, "backwards", {"previous": previous, "found": found})


def _last_before(
    siblings: dict[tuple[int | None, int], list[_Entry]],
    parent: int | None,
    level: int,
    start: int,
) -> _Entry | None:
    """The last heading of this level before `start` under another parent."""
    earlier = [
        e
        for (p, lv), entries in siblings.items()
        if lv == level and p != parent
        for e in entries
        if e.start < start
    ]
    return max(earlier, key=lambda e: e.start, default=None)


def _last_item_before(doc: Document, section: int | None, start: int) -> _Entry | None:
    earlier = [i for i in doc.items if i.start < start and _innermost(doc, i.start) != section]
    if not earlier:
        return None
    last = max(earlier, key=lambda i: i.start)
    return _Entry(last.ordinal, _marker_of_item(last.ordinal), last.start)


def _marker_of_item(ordinal: int) -> str:
    return f"{int_to_cn(ordinal)}是" if 0 < ordinal < 1000 else "是"


def _listed(like: str, ordinals: range) -> str:
    shown = [f"“{_marker(like, n).rstrip('、，.．')}”" for n in ordinals[:_MAX_LISTED]]
    return "".join(shown) + ("等" if len(ordinals) > _MAX_LISTED else "")


def _span(doc: Document, entry: _Entry) -> Span:
    return doc.span(entry.start, entry.start + len(entry.marker))


def _innermost(doc: Document, at: int) -> int | None:
    best = None
    for i, s in enumerate(doc.sections):
        if s.start <= at < s.end and (best is None or s.start >= doc.sections[best].start):
            best = i
    return best
