"""Kind `cited-titles`: a cited document title with the years of its edition.

Reports cite the outlines and plans of the rule of law by title and years,
《法治政府建设实施纲要（2021—2025年）》, and get the years wrong (2020—2025
is the span of the other two documents of that year), drop the 年, lose the
dash in a copy (20212025年) or leave out the 书名号.  Each title is a table
entry: its canonical words and the spans of its editions.  A cited span that
is no edition's is an error with the edition meant (the one ending or
starting in the same year, else the one in force in the report's year) as an
unsafe fix; half- or full-width brackets and the kind of dash are left to
the punctuation rules.

Only the national document is judged: the name must follow 《, 〈 (also
typed <), a quote, a citing word (贯彻, 国务院…) or no Chinese character at
all.  A province's or a city's own outline, 《广东省法治政府建设实施纲要
（2016—2020年）》, has other years and is left alone, as is a draft of the
writer's own (…实施纲要（2021—2025年）》起草工作).
"""

from collections.abc import Iterator
from typing import Literal

import msgspec
import regex

from reportlint.checks.base import CheckKind, Finding, Fix, ParamError, Params, compile_patterns
from reportlint.checks.registry import register
from reportlint.checks.sourced import Sourced
from reportlint.document import Document
from reportlint.document.literals import gate
from reportlint.document.regexes import compiled

_SPAN = compiled(r"^((?:19|20)\d{2})—((?:19|20)\d{2})$")
# A year in Chinese numerals, as some titles are typed: 二〇二一.
_HANZI_YEAR = r"[一二][〇○零九][〇○零一二三四五六七八九]{2}"
_HANZI_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
# The bracketed years after a name, as written: （2021—2025年）, (2021-2025), (20212025年),
# （2021年—2025年）, （2021年）, （二〇二一—二〇二五年）.
_YEARS = (
    rf"\s*[（(]\s*(?P<a>(?:19|20)\d{{2}}|{_HANZI_YEAR})\s*年?\s*(?P<dash>[-—–－~～至到]*)\s*"
    rf"(?P<b>(?:19|20)\d{{2}}|{_HANZI_YEAR})?\s*(?P<nian>年)?\s*[)）]"
)
_MARKS = ("《", "〈", "<", "“", "‘")
_HAN = compiled(r"\p{Han}")
_OPEN_TITLE = compiled(r"《[^》]*$")


class Title(Sourced):
    name: str  # the canonical words: 法治政府建设实施纲要
    editions: list[str]  # spans of its editions: ["2015—2020", "2021—2025"]
    pattern: str = ""  # how the name may be written (a regex); the name itself by default


class TitlesParams(Params):
    titles: list[Title]
    # Words right before a title without 书名号 that cite it ("贯彻", "国务院印发的").
    citing: list[str] = msgspec.field(default_factory=list)
    # Words right after a title that make it the writer's own document ("》起草工作").
    own_work: list[str] = msgspec.field(default_factory=list)


@register
class Titles(CheckKind[TitlesParams]):
    name = "cited-titles"
    params_type = TitlesParams
    messages = {
        "years": frozenset({"match", "name", "editions", "replacement"}),
        "nian": frozenset({"match", "name", "replacement"}),
        "dash": frozenset({"match", "name", "replacement"}),
        "unmarked": frozenset({"match", "name", "replacement"}),
    }

    def __init__(self, params: TitlesParams) -> None:
        super().__init__(params)
        self.titles = []
        for i, title in enumerate(params.titles):
            spans = []
            for j, edition in enumerate(title.editions):
                m = _SPAN.match(edition)
                if m is None:
                    raise ParamError(f"titles[{i}].editions[{j}]", f"“{edition}”应写作 YYYY—YYYY")
                spans.append((int(m[1]), int(m[2])))
            if not spans:
                raise ParamError(f"titles[{i}].editions", "至少需要一个版本")
            name = title.pattern or regex.escape(title.name)
            found = compile_patterns([f"(?:{name}){_YEARS}"], f"titles[{i}].pattern")
            self.titles.append((title, spans, found))
        # The literals each title's match needs, looked for before the title is.
        self.gates = [gate([found.pattern]) for _, _, found in self.titles]
        self.citing = (
            compile_patterns([f"(?:{w})了?$" for w in params.citing], "citing")
            if params.citing
            else None
        )
        self.own_work = compile_patterns(params.own_work, "own_work") if params.own_work else None

    @property
    def fixable(self) -> Literal["unsafe"]:
        return "unsafe"

    def check(self, doc: Document) -> Iterator[Finding]:
        # One scan of the whole report for each title (most reports cite few of them).
        view = doc.view.text
        cited = [
            t
            for t, g in zip(self.titles, self.gates, strict=True)
            if (g is None or g.admits(view)) and t[2].search(view, *doc.body) is not None
        ]
        for p in doc.body_paragraphs if cited else ():
            for title, spans, found in cited:
                for m in found.finditer(p.text):
                    marked = self._marked(p.text, m.start())
                    if marked is None or self._own_work(p.text, m.end()):
                        continue
                    finding = _judge(doc, p.start, m, title, spans, marked)
                    if finding is not None:
                        yield finding

    def _marked(self, text: str, start: int) -> bool | None:
        """True right after a title mark, False after a citing word or no Chinese
        at all, None after anything else (a province's own outline).  Inside
        another title a citing word is as good as a mark: 《关于贯彻落实法治政府
        建设实施纲要（2021—2025年）的实施方案》 lacks 〈〉, not 书名号."""
        before = text[:start]
        if before.endswith(_MARKS):
            return True
        if not before or not _HAN.match(before[-1]):
            return False
        if self.citing is not None and self.citing.search(before[-12:]):
            return _OPEN_TITLE.search(before) is not None
        return None

    def _own_work(self, text: str, end: int) -> bool:
        after = text[end : end + 12].lstrip("》>〉”’")
        return self.own_work is not None and self.own_work.match(after) is not None


def _judge(
    doc: Document,
    base: int,
    m: regex.Match[str],
    title: Title,
    spans: list[tuple[int, int]],
    marked: bool,
) -> Finding | None:
    a, b = _year(m["a"]), _year(m["b"]) if m["b"] else None
    if (a, b) in spans:
        if not m["dash"]:
            message = "dash"
        elif not m["nian"]:
            message = "nian"
        elif not marked:
            message = "unmarked"
        else:
            return None
        first, last = a, b
    else:
        message = "years"
        first, last = _meant(spans, a, b, doc.report_year)
    canonical = f"{title.name}（{first}—{last}年）"
    replacement = canonical if marked else f"《{canonical}》"
    span = doc.span(base + m.start(), base + m.end())
    args = {
        "match": doc.text[span.start : span.end],
        "name": title.name,
        "replacement": replacement,
        "editions": "、".join(f"{x}—{y}年" for x, y in spans),
    }
    if message != "years":
        del args["editions"]
    return Finding(span, message, args, Fix(span, replacement, safe=False))


def _year(written: str) -> int:
    """2021 from 2021 or 二〇二一."""
    return int(written.translate(_HANZI_DIGITS))


def _meant(
    spans: list[tuple[int, int]], a: int, b: int | None, year: int | None
) -> tuple[int, int]:
    """The edition a wrong span most likely means: the one ending in the cited end year,
    else starting in the cited start year, else the one of the report's year, else the last."""
    for span in spans:
        if span[1] == b:
            return span
    for span in spans:
        if span[0] == a:
            return span
    for span in spans:
        if year is not None and span[0] <= year <= span[1]:
            return span
    return spans[-1]
