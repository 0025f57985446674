"""Kind `title`: the report has a title, once, naming its year, set over lines
that keep each word whole, written without stray spaces."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from reportlint import lexicon
from reportlint.checks.base import CheckKind, Finding, Fix, NoParams, report_anchor
from reportlint.checks.registry import register
from reportlint.document import Document, Paragraph, Span, names_organ, names_report_subject
from reportlint.document.regexes import compiled

_INNER_SPACES = compiled(r"(?<=\S)[ \t\u3000\u00a0\u2002-\u200b]+(?=\S)")


@register
class Title(CheckKind[NoParams]):
    name = "title"
    params_type = NoParams
    messages = {
        "missing": frozenset(),
        "spaces": frozenset({"title"}),
        "no-year": frozenset({"title"}),
        "split": frozenset({"before", "after", "phrase"}),
        "copy": frozenset({"title"}),
    }

    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.title:
            yield Finding(report_anchor(doc), "missing")
            return
        yield from _year_and_breaks(doc)
        for p in doc.title_copies:
            # The copy goes, line and all; the title stays.
            yield Finding(
                doc.span(p.start, p.end), "copy", {"title": p.text}, Fix(_line_of(doc, p), "")
            )
        for p in doc.title:
            start, end = doc.span(p.start, p.end)
            typed = doc.text[start:end]  # the view has the spaces folded away
            for m in _INNER_SPACES.finditer(doc.text, start, end):
                if _between_issuers(doc.text[start : m.start()], doc.text[m.end() : end]):
                    continue
                if _latin(doc.text[m.start() - 1]) and _latin(doc.text[m.end()]):
                    continue  # words of Latin: "（Draft v2）"
                span = Span(m.start(), m.end())
                yield Finding(span, "spaces", {"title": typed}, Fix(span, ""))


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _between_issuers(before: str, after: str) -> bool:
    """A space between two issuing bodies: joint issuers are written
    "中共××县委 ××县人民政府关于…" (as "中共中央 国务院关于…").  After a single
    issuer ("××镇 2024年…", "××人民政府 关于…") a space is still a stray one."""
    return _issuer(_INNER_SPACES.split(before)[-1]) and _issuer(_ISSUER_AHEAD.split(after)[0])


def _issuer(name: str) -> bool:
    organ = names_organ(name) or name.endswith("中央")
    return organ and not names_report_subject(name)


# Where the next issuer's name ends: at "关于", a year, or another space.
_ISSUER_AHEAD = compiled(r"关于|\d|[ \t\u3000\u00a0]")


_YEAR = compiled(r"(?:19|20)\d{2}")
_UNBREAKABLE = compiled(lexicon.alternation("title_phrases"))


def _year_and_breaks(doc: Document) -> Iterator[Finding]:
    """A title that names no year, and one set over lines that cut a word in two
    ("…2025年度法治政府" / "建设情况的报告": GB/T 9704 wants each line whole)."""
    lines = [p.text for p in doc.title]
    joined = "".join(lines)
    first, last = doc.title[0], doc.title[-1]
    whole = doc.span(first.start, last.end)
    if not _YEAR.search(joined):
        yield Finding(whole, "no-year", {"title": joined})
    at = 0
    for before, after in itertools.pairwise(lines):
        at += len(before)
        for m in _UNBREAKABLE.finditer(joined):
            if m.start() < at < m.end():
                yield Finding(
                    whole,
                    "split",
                    {"before": before[-6:], "after": after[:6], "phrase": m.group()},
                )
                break


def _line_of(doc: Document, p: Paragraph) -> Span:
    """The paragraph's whole line, with its line break, as typed."""
    start, end = doc.span(p.start, p.end)
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", end)
    return Span(line_start, len(doc.text) if line_end < 0 else line_end + 1)
