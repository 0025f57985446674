"""Kind `law-revisions`: a law cited with a revision it does not have or no longer has.

Reports name the text they apply: 《中华人民共和国行政复议法》（2017年修正）,
《政府信息公开条例》（2007年）, 2017年修订的《行政处罚法》, 新修订的《行政复议法》.
Each law is a table entry with the year it was passed and its revisions
(adoption and entry into force), so that

- a year that is neither is an error (`unknown`: 行政复议法 has no 2020 text);
- a revision adopted after the report's publication deadline cannot be cited
  (`not-yet`: 2023年修订 in a 2022 report);
- a text replaced by a revision in force when the report's year began is
  outdated (`outdated`: 行政复议法（2017年修正） in a 2024 report), unless
  the clause looks back at it (原, 旧, 修订前, 新旧…: `history`);
- 新修订 said of a revision in force more than `new_within` years before the
  report's year, or of a law never revised, is stale (`stale-new`); with an
  edition written after the title (新修正的《立法法》（2015年修正）) the edition
  is judged first.

修订 and 修正 are not told apart: reports use them alike.
"""

from bisect import bisect_right
from collections.abc import Iterator
from typing import Literal, NamedTuple

import msgspec
import regex

from reportlint.checks.base import (
    CheckKind,
    Finding,
    ParamError,
    Params,
    compile_patterns,
    validate_patterns,
)
from reportlint.checks.registry import register
from reportlint.checks.sourced import Sourced
from reportlint.document import Document
from reportlint.document.regexes import compiled

_YEAR_MONTH = compiled(r"^((?:19|20)\d{2})-(\d{1,2})$")
_CLAUSE_END = compiled(r"[，。；：！？]")
_WORD = r"(?:第[一二三四五六七八九十]次)?(?:修订|修正|修改)"
# The edition in brackets after a title: （2017年修正）, （2017修正）, （2023年9月1日修订）,
# （2007年）, （2021年版）.
_EDITION = (
    rf"\s*[（(]\s*(?P<year>(?:19|20)\d{{2}})\s*"
    rf"(?:年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?\s*(?:{_WORD})?|{_WORD})[版本]?\s*[)）]"
)


class _Text(NamedTuple):
    adopted: tuple[int, int]
    in_force: tuple[int, int]
    word: str  # 修订 or 修正; "" for the text as passed


class _Table(NamedTuple):
    name: str
    enacted: _Text
    revisions: list[_Text]
    history: str  # "1999年通过，2009年、2017年修正，2023年修订"


class Revision(Params):
    adopted: str  # "2023-09"
    word: Literal["修订", "修正"]
    in_force: str = ""  # "2024-01", when later than the adoption month


class Law(Sourced):
    name: str  # 行政复议法
    enacted: str  # "1999-04"
    revisions: list[Revision]
    pattern: str = ""  # how the name may be written; by default the name, 中华人民共和国 optional
    enacted_word: str = "通过"  # 通过 for a law, 公布 for a State Council regulation


class RevisionsParams(Params):
    laws: list[Law]
    history: list[str] = msgspec.field(default_factory=list)
    new_within: int = (
        2  # 新修订 fits a revision in force at most this many years before the report year
    )
    deadline_month: int = 4  # reports are published before 1 April of the next year


def _month(value: str, key: str) -> tuple[int, int]:
    m = _YEAR_MONTH.match(value)
    if m is None:
        raise ParamError(key, f"“{value}”应写作 YYYY-MM")
    return int(m[1]), int(m[2])


@register
class LawRevisions(CheckKind[RevisionsParams]):
    name = "law-revisions"
    params_type = RevisionsParams
    messages = {
        "unknown": frozenset({"match", "law", "year", "history"}),
        "not-yet": frozenset({"match", "law", "year", "report_year"}),
        "outdated": frozenset({"match", "law", "newer", "in_force", "report_year"}),
        "stale-new": frozenset({"match", "law", "history", "report_year"}),
    }

    def __init__(self, params: RevisionsParams) -> None:
        super().__init__(params)
        self.laws = []
        names: list[str] = []
        for i, law in enumerate(params.laws):
            enacted = _month(law.enacted, f"laws[{i}].enacted")
            revisions = []
            for j, r in enumerate(law.revisions):
                adopted = _month(r.adopted, f"laws[{i}].revisions[{j}].adopted")
                in_force = (
                    _month(r.in_force, f"laws[{i}].revisions[{j}].in_force")
                    if r.in_force
                    else adopted
                )
                revisions.append(_Text(adopted, in_force, r.word))
            name = law.pattern or f"(?:中华人民共和国)?{regex.escape(law.name)}"
            validate_patterns([name], f"laws[{i}].pattern")
            names.append(f"(?P<law{i}>{name})")
            self.laws.append(
                _Table(
                    law.name,
                    _Text(enacted, enacted, ""),
                    revisions,
                    _history(law, enacted, revisions),
                )
            )
        any_law = "(?:" + "|".join(names) + ")"
        # Three forms for all the laws, each opening with a literal or a plain set (a fast
        # scan, which an alternation of them loses); the named group that matched says
        # which law it is.
        self.forms = (
            validate_patterns(
                [
                    # 《…法》（2017年修正）, 《…法（2017修正）》, 《…条例》（2007年）
                    rf"《{any_law}》?{_EDITION}》?",
                    # 2017年修订的《…法》 (not a year inside a longer number)
                    rf"(?P<year>(?:19|20)\d{{2}})(?<!\d\d{{4}})年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?新?{_WORD}后?的?《{any_law}》",
                    # 新修订的《…法》, and the edition when one follows
                    rf"(?P<new>新{_WORD})后?的?《{any_law}》(?:{_EDITION})?",
                ],
                "laws",
            )
            if names
            else []
        )
        self.history = compile_patterns(params.history, "history") if params.history else None

    def check(self, doc: Document) -> Iterator[Finding]:
        # Each form is looked for once in the whole report, and a match read in its paragraph.
        view, (start, end) = doc.view.text, doc.body
        found = sorted((m for f in self.forms for m in f.finditer(view, start, end)), key=_start)
        paragraphs = doc.body_paragraphs
        starts = [p.start for p in paragraphs]
        taken = 0  # a form found inside another ("2023年新修订的《…》") is not read twice
        for m in found:
            i = bisect_right(starts, m.start()) - 1
            if m.start() < taken or i < 0 or m.end() > paragraphs[i].end:
                continue  # inside another, in page chrome, or across paragraphs
            taken = m.end()
            p = paragraphs[i]
            law = next(t for i, t in enumerate(self.laws) if m[f"law{i}"] is not None)
            judged = self._judge(law, m, p.text, p.start, doc.report_year)
            if judged is not None:
                message, args = judged
                span = doc.span(m.start(), m.end())
                match = doc.text[span.start : span.end]
                yield Finding(span, message, {"match": match, "law": law.name, **args})

    def _judge(
        self, law: _Table, m: regex.Match[str], text: str, base: int, year: int | None
    ) -> tuple[str, dict[str, object]] | None:
        """The message and its arguments for a citation, or None when it is right."""
        deadline = (year + 1, self.params.deadline_month) if year is not None else None
        new = m.groupdict().get("new")
        if m["year"] is not None:
            judged = self._judge_edition(law, m, text, base, year, deadline)
            if judged is not None or not new:
                return judged
        if year is None or deadline is None:
            return None
        # 新修订的《…》: the revision cited after it, else the latest one adopted by then
        if m["year"] is not None:
            done = [r for r in law.revisions if r.adopted[0] == int(m["year"])]
        else:
            done = [r for r in law.revisions if r.adopted < deadline]
        if done and year - done[-1].in_force[0] <= self.params.new_within:
            return None
        return "stale-new", {"history": law.history, "report_year": year}

    def _judge_edition(
        self,
        law: _Table,
        m: regex.Match[str],
        text: str,
        base: int,
        year: int | None,
        deadline: tuple[int, int] | None,
    ) -> tuple[str, dict[str, object]] | None:
        cited = int(m["year"])
        mine = [t for t in (law.enacted, *law.revisions) if t.adopted[0] == cited]
        if not mine:
            return "unknown", {"year": cited, "history": law.history}
        if year is None or deadline is None:
            return None
        if mine[0].adopted >= deadline:
            return "not-yet", {"year": cited, "report_year": year}
        # replaced by a revision in force when the report's year began
        newer = [r for r in law.revisions if r.adopted[0] > cited and r.in_force <= (year, 1)]
        if not newer or self._looks_back(text, m.start() - base, m.end() - base):
            return None
        (ay, am), (fy, fm), word = newer[-1]
        return "outdated", {
            "newer": f"{ay}年{am}月{word}",
            "in_force": f"{fy}年{fm}月",
            "report_year": year,
        }

    def _looks_back(self, text: str, start: int, end: int) -> bool:
        if self.history is None:
            return False
        before = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
        after = _CLAUSE_END.search(text, end)
        return self.history.search(text, before, after.start() if after else len(text)) is not None


def _start(m: regex.Match[str]) -> int:
    start: int = m.start()
    return start


def _history(law: Law, enacted: tuple[int, int], revisions: list[_Text]) -> str:
    """ "1999年通过，2009年、2017年修正，2023年修订": the law's texts, for the messages."""
    parts = [f"{enacted[0]}年{law.enacted_word}"]
    for (year, _), _, word in revisions:  # adopted, in force, word
        if parts[-1].endswith(word):
            parts[-1] = parts[-1][: -len(word)] + f"、{year}年{word}"
        else:
            parts.append(f"{year}年{word}")
    if not revisions:
        parts.append("未曾修改")
    return "，".join(parts)
