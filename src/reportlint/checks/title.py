"""Kind `title`: the report has a title line, written without stray spaces."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.checks.base import CheckKind, Finding, Fix, NoParams, report_anchor
from reportlint.checks.registry import register
from reportlint.document import Document, Span, names_organ, names_report_subject
from reportlint.document.regexes import compiled

_INNER_SPACES = compiled(r"(?<=\S)[ \t\u3000\u00a0\u2002-\u200b]+(?=\S)")


@register
class Title(CheckKind[NoParams]):
    name = "title"
    params_type = NoParams
    messages = {"missing": frozenset(), "spaces": frozenset({"title"})}

    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        if not doc.title:
            yield Finding(report_anchor(doc), "missing")
            return
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
