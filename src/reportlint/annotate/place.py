"""Putting the findings into the document: tracked changes first, then comments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlint.annotate import Note, ooxml, wording
from reportlint.annotate.anchor import Change, TextMap
from reportlint.annotate.ooxml import Element
from reportlint.annotate.wording import Fate
from reportlint.checks import Diagnostic, Fix, Rule


@dataclass(frozen=True, slots=True)
class Placed:
    notes: list[Note]
    revisions: int
    summary_comment_id: int | None


def annotate_document(
    document: Any,
    text_map: TextMap,
    diagnostics: list[Diagnostic],
    rules: dict[str, Rule],
    *,
    revisions: bool = True,
    summary: bool = True,
    converted_from: str | None = None,
) -> Placed:
    """Edit the python-docx document in place: a comment per diagnostic (whose
    spans are offsets into text_map.text) and its safe fix as a tracked change."""
    text = text_map.text
    ranges = [_comment_range(d, len(text)) for d in diagnostics]
    title = _first_line(text)
    fixes = _chosen_fixes(diagnostics) if revisions else {}
    text_map.cut(
        [*title, *(p for r in ranges for p in r), *(p for fix in fixes.values() for p in fix.span)]
    )

    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    marker = ooxml.TrackedChanges(wording.AUTHOR, now, ooxml.max_id(document.element) + 1)
    fates: dict[int, Fate] = {}
    wrappers: dict[int, list[Element]] = {}  # the w:del/w:ins made for each diagnostic
    made: set[Element] = set()
    planned: dict[Fix, list[Element] | Fate] = {}  # two findings may offer the same fix
    for k, chosen in fixes.items():
        if chosen not in planned:
            plan = text_map.plan(chosen, made)
            planned[chosen] = _apply(marker, plan, made) if isinstance(plan, Change) else plan
        outcome = planned[chosen]
        if isinstance(outcome, list):
            wrappers[k] = outcome
            fates[k] = Fate.REVISION
        else:
            fates[k] = outcome

    summary_id = None
    if summary:
        offered = sum(1 for fate in fates.values() if fate == Fate.REVISION)
        summary_id = _add_comment(
            document, wording.summary_text(diagnostics, offered, converted_from)
        )
        _anchor(text_map, summary_id, *title, made, [], None)

    notes = []
    for k, diagnostic in enumerate(diagnostics):
        fate = fates.get(k) or _fate_without_change(diagnostic)
        fix = diagnostic.fix
        original = text[fix.span.start : fix.span.end] if fix else ""
        rule = rules.get(diagnostic.code)
        comment = _add_comment(document, wording.comment_text(diagnostic, rule, original, fate))
        start, end = ranges[k]
        on_paragraph = _anchor(
            text_map, comment, start, end, made, wrappers.get(k, []), fix if k in wrappers else None
        )
        notes.append(Note(diagnostic, comment, on_paragraph, fate))
    return Placed(notes, sum(1 for f in fates.values() if f == Fate.REVISION), summary_id)


def _comment_range(diagnostic: Diagnostic, length: int) -> tuple[int, int]:
    """The span a comment covers: the finding's, or the character at an empty one."""
    start, end = diagnostic.span
    if end > start:
        return start, end
    if start < length:
        return start, start + 1
    return max(length - 1, 0), length


def _chosen_fixes(diagnostics: list[Diagnostic]) -> dict[int, Fix]:
    """Safe fixes that overlap no earlier one, as fix.apply_fixes takes them
    (which applies a fix two findings offer once)."""
    candidates = sorted(
        ((k, d.fix) for k, d in enumerate(diagnostics) if d.fix is not None and d.fix.safe),
        key=lambda item: (item[1].span.start, item[1].span.end),
    )
    chosen: dict[int, Fix] = {}
    position = 0
    for k, fix in candidates:
        if fix.span.start < position and fix not in chosen.values():
            continue
        chosen[k] = fix
        position = fix.span.end
    return chosen


def _fate_without_change(diagnostic: Diagnostic) -> Fate:
    if diagnostic.fix is None:
        return Fate.NONE
    return Fate.ELSEWHERE if diagnostic.fix.safe else Fate.UNSAFE


def _apply(marker: ooxml.TrackedChanges, change: Change, made: set[Element]) -> list[Element]:
    """Make the tracked change; the w:del and w:ins elements, in document order
    (also added to `made`)."""
    wrappers = marker.delete_runs(change.runs) if change.runs else []
    for paragraph in change.marks:
        marker.delete_mark(paragraph)
    if change.replacement:
        assert change.like is not None  # plan() gives a run to copy whenever it inserts
        after = wrappers[-1] if wrappers else change.after
        # After a run an earlier change deleted: after that change, replacement included.
        while after is not None and after.getparent() in made:
            after = after.getparent()
        while after is not None and after.getnext() in made:
            after = after.getnext()
        inserted = marker.insert_text(change.replacement, change.like, after)
        wrappers = [inserted, *wrappers] if after is None else [*wrappers, inserted]
    made.update(wrappers)
    return wrappers


def _add_comment(document: Any, text: str) -> int:
    comment = document.comments.add_comment(text, author=wording.AUTHOR, initials=wording.INITIALS)
    return int(comment.comment_id)


def _anchor(
    text_map: TextMap,
    comment_id: int,
    start: int,
    end: int,
    made: set[Element],
    own: list[Element],
    fix: Fix | None,
) -> bool:
    """Put the comment's range around the runs of [start, end); around whole
    paragraphs when no run holds that text.  True for the latter."""
    runs = text_map.runs(start, end)
    if not runs:
        paragraphs = text_map.paragraphs(start, end)
        ooxml.comment_on_paragraphs(comment_id, paragraphs[0], paragraphs[-1])
        return True
    first, last = _outermost(runs[0], made, 0), _outermost(runs[-1], made, -1)
    # The comment takes in its own change where that change starts or ends with it.
    if fix is not None and own:
        if fix.span.start == start:
            first = own[0]
        if fix.span.end == end:
            last = own[-1]
    ooxml.comment_start(comment_id, first)
    ooxml.comment_end(comment_id, last)
    return False


def _outermost(run: Element, made: set[Element], side: int) -> Element:
    """The run, or the change made around it when the run is that change's
    first (side 0) or last (side -1) element: a range then takes in the whole change."""
    element = run
    parent = element.getparent()
    while parent is not None and parent in made and parent[side] is element:
        element, parent = parent, parent.getparent()
    return element


def _first_line(text: str) -> tuple[int, int]:
    """The span of the first line with text (the title, as a rule)."""
    position = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            return position + lead, position + len(line.rstrip())
        position += len(line) + 1
    return 0, min(1, len(text))
