"""The WordprocessingML edits behind annotate: cutting runs, tracked changes,
comment ranges.

Everything here works on python-docx's lxml tree in place.  A run is cut
into two runs with the same properties, so formatting is kept; a tracked
change wraps whole runs (w:del) and adds a run (w:ins) that copies the
formatting of the text it replaces, the way Word records an edit made with
Track Changes on (ECMA-376 Part 1, 17.13.5).
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

Element = Any  # lxml elements carry no type information

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# The children of a run that the extractor reads as text (extract/docx.py _run).
RUN_TEXT = frozenset(W + t for t in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen"))
# What else a run may hold and still be deleted whole as plain text.
_RUN_PLAIN = RUN_TEXT | {W + "rPr", W + "lastRenderedPageBreak"}
# Where a tracked change may wrap runs.  Runs already inside someone's tracked
# change, a field or a content control are left alone (the comment still goes on).
_CHANGEABLE_PARENTS = frozenset(W + t for t in ("p", "hyperlink", "smartTag"))


def split_run(run: Element, child: Element, offset: int) -> Element:
    """Cut `run` before the `offset`-th character of its child w:t (offset 0:
    before `child`, whatever it is).  The run keeps the first part; a new run
    with the same properties, returned, holds the rest."""
    rest = run.makeelement(run.tag, dict(run.attrib))
    properties = run.find(W + "rPr")
    if properties is not None:
        rest.append(copy.deepcopy(properties))
    if offset > 0:
        tail = child.makeelement(W + "t", {_XML_SPACE: "preserve"})
        tail.text = child.text[offset:]
        child.text = child.text[:offset]
        child.set(_XML_SPACE, "preserve")
        moving = [tail, *child.itersiblings()]
    else:
        moving = [child, *child.itersiblings()]
    for element in moving:
        rest.append(element)
    run.addnext(rest)
    return rest


def plain_run(run: Element, made: Collection[Element] = ()) -> bool:
    """A run that holds only text and may be wrapped in a tracked change (or
    is in one of ours, `made`, that an insertion may follow)."""
    parent = run.getparent()
    return (
        parent is not None
        and (parent.tag in _CHANGEABLE_PARENTS or parent in made)
        and all(child.tag in _RUN_PLAIN for child in run)
    )


def mark_deletable(paragraph: Element) -> bool:
    """A paragraph whose mark a tracked change may delete (joining it to the
    next): a next paragraph in the same place, no section break on it, and no
    tracked change on the mark already."""
    following = paragraph.getnext()
    if following is None or following.tag != W + "p":
        return False
    properties = paragraph.find(W + "pPr")
    if properties is None:
        return True
    if properties.find(W + "sectPr") is not None:
        return False
    mark = properties.find(W + "rPr")
    return mark is None or (mark.find(W + "ins") is None and mark.find(W + "del") is None)


@dataclass
class TrackedChanges:
    """Makes tracked changes and comment ranges with one author and date."""

    author: str
    date: str  # xsd:dateTime, as Word writes it: 2025-03-01T09:30:00Z
    next_id: int  # w:id of the next change; kept clear of the ids in the document

    def _change(self, tag: str, like: Element) -> Element:
        element = like.makeelement(
            W + tag, {W + "id": str(self.next_id), W + "author": self.author, W + "date": self.date}
        )
        self.next_id += 1
        return element

    def delete_runs(self, runs: list[Element]) -> list[Element]:
        """Wrap the runs (in document order) in w:del, one per stretch of
        sibling runs; their text becomes w:delText.  Returns the w:del elements."""
        groups: list[list[Element]] = []
        for run in runs:
            last = groups[-1][-1] if groups else None
            if last is not None and _next_run(last) is run:
                groups[-1].append(run)
            else:
                groups.append([run])
        wrappers = []
        for group in groups:
            wrapper = self._change("del", group[0])
            group[0].addprevious(wrapper)
            element = group[0]
            while True:
                following = element.getnext()
                wrapper.append(element)
                if element is group[-1]:
                    break
                element = following
            for text in wrapper.iter(W + "t"):
                text.tag = W + "delText"
            wrappers.append(wrapper)
        return wrappers

    def insert_text(self, text: str, like: Element, after: Element | None) -> Element:
        """A w:ins with a run of `text` formatted like the run `like`, placed
        after `after` (or else before `like`)."""
        wrapper = self._change("ins", like)
        run = like.makeelement(W + "r", {})
        properties = like.find(W + "rPr")
        if properties is not None:
            run.append(copy.deepcopy(properties))
        t = run.makeelement(W + "t", {_XML_SPACE: "preserve"})
        t.text = text
        run.append(t)
        wrapper.append(run)
        if after is not None:
            after.addnext(wrapper)
        else:
            like.addprevious(wrapper)
        return wrapper

    def delete_mark(self, paragraph: Element) -> None:
        """Record the paragraph mark as deleted: accepted, the paragraph joins the next."""
        properties = paragraph.find(W + "pPr")
        if properties is None:
            properties = paragraph.makeelement(W + "pPr", {})
            paragraph.insert(0, properties)
        mark = properties.find(W + "rPr")
        if mark is None:
            mark = properties.makeelement(W + "rPr", {})
            # w:rPr comes after every other property but w:sectPr and w:pPrChange.
            later = [c for c in properties if c.tag in (W + "sectPr", W + "pPrChange")]
            if later:
                later[0].addprevious(mark)
            else:
                properties.append(mark)
        # CT_ParaRPr: w:ins, w:del, w:moveFrom, w:moveTo come first.
        mark.insert(0, self._change("del", mark))


def _next_run(run: Element) -> Element | None:
    """The next w:r among the run's siblings (bookmarks and the like in between are fine)."""
    for sibling in run.itersiblings():
        if sibling.tag == W + "r":
            return sibling
    return None


def comment_start(comment_id: int, before: Element) -> None:
    before.addprevious(before.makeelement(W + "commentRangeStart", {W + "id": str(comment_id)}))


def comment_end(comment_id: int, after: Element) -> None:
    """w:commentRangeEnd after `after`, and the run that shows the comment's
    mark after it, out in the paragraph (not inside a hyperlink or a change)."""
    end = after.makeelement(W + "commentRangeEnd", {W + "id": str(comment_id)})
    after.addnext(end)
    holder = end
    while holder.getparent() is not None and holder.getparent().tag != W + "p":
        holder = holder.getparent()
    run = end.makeelement(W + "r", {})
    run.append(run.makeelement(W + "commentReference", {W + "id": str(comment_id)}))
    holder.addnext(run)


def _paragraph_content_start(paragraph: Element) -> Element | None:
    """The first child of a paragraph after its properties, if any."""
    for child in paragraph:
        if child.tag != W + "pPr":
            return child
    return None


def comment_on_paragraphs(comment_id: int, first: Element, last: Element) -> None:
    """A comment over whole paragraphs: from the start of `first` to the end of `last`."""
    start = first.makeelement(W + "commentRangeStart", {W + "id": str(comment_id)})
    content = _paragraph_content_start(first)
    if content is not None:
        content.addprevious(start)
    else:
        first.append(start)
    end = last.makeelement(W + "commentRangeEnd", {W + "id": str(comment_id)})
    last.append(end)
    run = end.makeelement(W + "r", {})
    run.append(run.makeelement(W + "commentReference", {W + "id": str(comment_id)}))
    last.append(run)


def max_id(*roots: Element) -> int:
    """The largest numeric w:id in these trees (-1 if none)."""
    found = -1
    for root in roots:
        for element in root.iter():
            value = element.get(W + "id")
            if value is not None and value.lstrip("-").isdigit():
                found = max(found, int(value))
    return found
