"""Kind `rates`: percentages that cannot be right.

Read from the Document's clauses (document/clauses.py), sentence by sentence:

- A rate and its counts: the numerator is a count earlier in the sentence
  whose words carry the rate's stem (办结率 ← "已办结24件", 优良率 ← "其中24卷
  被评为优良"; for 占/占比 the count just before, or the part named before it:
  "适用简易程序的占比62.5%"), or failing one, a count after it in its ；-group
  ("纠错率为18.2%（全年审结22件，纠错4件）"); a negated one ("未按期办结2件",
  "超期办复3件") is the rest of the whole, one said 应 ("应参考102人") is the
  whole expected.  The denominator is a whole named in the share ("占受理总数
  40件的95%"), else the nearest earlier count of the same unit class, at least
  as large ("全年查办案件25件"), else the nearest one after the part ("持有执法
  证件的38人，在岗执法人员40人"), else for a rate of an outcome of the cases
  handled (办结, 结案, 合格…), the one whole of the class in the sentence before
  when the count names no other object ("全年共受理群众诉求120件。截至年底，已
  办结115件，办结率95.8%"); such a rate in a heading is checked against the
  first sentence under it.  Rates given in turn ("审结率分别为94.4%、
  90.9%") are reported with the counts in their place.  A
  stated rate that no such pair in the sentence gives, rounded or cut at its
  own last digit (38÷40 is 95%, written 95%, never 96%), is reported with the
  pair read first.  Figures with decimals allow for their own rounding
  (1.49万 of 1.52万 is 97.4% to 98.7%); approximate figures (余, 约) and a
  sentence without a whole are not judged; a bound (95%以上) is checked as one.
- 全部/均 before the rate's action ("全部按期办结，按期办结率91.7%") means
  100%, and 无一/零 ("无一败诉，败诉率20%") means 0.
- In a table (doc.tables), a rate cell against the counts of its row, or of
  its column when the table is set on its side; a share column (占比) against
  the count before it and the 合计 row, when that adds up.
- A completion-type rate or a share above 100% ("出庭应诉率105%"); a rate that
  may pass 100% (完成率) is still checked against its counts.
- The same named rate given two different values in one report, unless
  each sentence names its own subject before it ("12345热线受理…，按期办结率
  99.2%" and "县信访局受理…，按期办结率100%" are two rates).  Targets are not
  results: bounds, a sentence that names another period or compares years,
  the next-year plan and a table row of several columns are left out.
"""

import math
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import msgspec
import regex

from reportlint import lexicon
from reportlint.checks.base import (
    CheckKind,
    Finding,
    Params,
    compile_patterns,
    sections_matching,
)
from reportlint.checks.parts import year_patterns
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.clauses import Clause, Figure, RateMention, Sentence, Table
from reportlint.document.regexes import compiled

# Two percentages in cells side by side, as typed: "95.1%\t97.3%", "95.1%　97.3%".
_COLUMNS = compiled(r"%[ \t\u3000]*(?:\t|[ \u3000]{2,}|\u3000)[ \t\u3000]*\d[\d.]*%")
# Another year than the report's compares periods ("2023年为95%"); the report's own does not.
_YEARS = compiled(r"(?<!\d)((?:19|20)\d{2})年")
_TITLES = compiled(r"《[^》]*》")
_DATED = compiled(r"(?<!\d)(?:19|20)\d{2}年\d{1,2}月")
_MARKS = " ，、：（）“”‘’《》"
_NAMED_RATE = compiled(lexicon.alternation("rate_suffixes"))
_OF_THE_LAST_COUNT = compiled(lexicon.alternation("rate_of_the_last_count") + "$")
_NEGATED = compiled(lexicon.alternation("negations") + "$")
_LATE = compiled(lexicon.alternation("late"))
_EXPECTED = compiled(lexicon.alternation("rate_expected") + "$")
_WHOLE_WORD = compiled(lexicon.alternation("whole_words"))
# Rates of an outcome of the cases handled, whose whole may be said in the sentence
# before or the counts under a heading; others (参训率, 覆盖率) may have a base
# the report never states.
_OUTCOME = compiled(lexicon.alternation("rate_outcomes"))
_ANY_STEM = compiled("|".join(f"(?:{w})" for w in lexicon.words("rate_stems")))
# The words that claim every case ("全部按期办结") or none ("无一败诉"), a few
# characters before the rate's action in the clause right before the rate.
_ALL = lexicon.alternation("rate_all_words")
_NONE = lexicon.alternation("rate_none_words")
_LEADING_NOISE = compiled(
    r"^(?:[一二三四五六七八九十]是)?(?:全年|今年|本年度?|年度|年内|年|力争|确保|累计|其中|全部|均)*"
)
# Subsets named before their count ("其中开庭审理12件", "涉及房屋征收的23件") are
# wholes of a second choice: the count that is no one's subset is read first.
_SUBSET = compiled(r"^其中|的$")


class RatesParams(Params):
    max_percent: float = 100.0
    # Rates that may exceed 100% (growth and the like).
    unbounded: list[str] = msgspec.field(
        default_factory=lambda: list(lexicon.words("rate_unbounded"))
    )
    # Rates are compared across the report by their whole name, less leading
    # time words ("全年", "一是"), and only when it is at least this long:
    # "镇本级…出庭应诉率" and "全县…出庭应诉率" are different rates.
    min_name_length: int = 4
    # A sentence with these compares periods ("较上年", "2022年…"), not a restatement.
    comparison_words: list[str] = msgspec.field(
        default_factory=lambda: list(lexicon.words("rate_comparisons"))
    )
    # Headings of the next-year plan, whose rates are targets, not results.
    plan_patterns: list[str] = msgspec.field(default_factory=list)


class _Seen(NamedTuple):
    value: float
    start: int
    # What the sentence says before the rate's name: "县信访局受理群众来信来访386件，"
    # in "县信访局受理群众来信来访386件，按期办结率100%"; "" when the name opens it.
    subject: str


class _Count(NamedTuple):
    figure: Figure
    negated: bool  # "未按期办结2件": the rest of the whole is the numerator


@register
class Rates(CheckKind[RatesParams]):
    name = "rates"
    params_type = RatesParams
    messages = {
        "over-maximum": frozenset({"name", "value", "maximum"}),
        "mismatch": frozenset({"name", "stated", "computed", "numerator", "denominator"}),
        "all-but": frozenset({"name", "value", "word", "expected"}),
        "conflict": frozenset({"name", "value", "other", "other_line"}),
    }

    def __init__(self, params: RatesParams) -> None:
        super().__init__(params)
        self.unbounded = compile_patterns(params.unbounded, "unbounded")
        self.comparison = compile_patterns(params.comparison_words, "comparison_words")
        self.plan = year_patterns(params.plan_patterns, "plan_patterns")

    def check(self, doc: Document) -> Iterator[Finding]:
        for table in doc.tables:
            yield from self._table(doc, table)
        seen: dict[str, list[_Seen]] = {}
        headings = {h.paragraph for h in doc.headings}
        plans: list[tuple[int, int]] | None = None  # next-year plan sections
        rows: dict[int, bool] = {}  # paragraph index -> a table row of several columns
        for sentence in doc.sentences:
            if "%" not in sentence.text and "百分之" not in sentence.text:
                continue  # no rate: most sentences
            clauses = doc.clauses_of(sentence)
            figures = [f for c in clauses for f in c.figures]
            for clause in clauses:
                for rate in clause.rates:
                    raw = _fmt(rate.value, rate.decimals)
                    span = doc.span(rate.start, rate.end)
                    bounded = rate.share or not self.unbounded.search(rate.name)
                    if bounded and rate.value > self.params.max_percent:
                        yield Finding(
                            span,
                            "over-maximum",
                            {
                                "name": rate.name,
                                "value": raw,
                                "maximum": _fmt(self.params.max_percent),
                            },
                        )
                        continue
                    if not bounded:
                        # 完成率 may pass 100% but is still of its counts (计划25场，
                        # 实际开展28场: 112%); a growth rate names no counts.
                        if _ANY_STEM.fullmatch(rate.stem) is not None:
                            found = self._against_counts(
                                doc, rate, figures, clauses, raw, any_size=True
                            )
                            if found is not None:
                                yield found
                        continue
                    outcome = _OUTCOME.search(rate.stem) is not None and not rate.share
                    found = self._against_counts(
                        doc,
                        rate,
                        figures,
                        clauses,
                        raw,
                        later=not self._compares(doc, sentence, rate),
                        earlier=_earlier_figures(doc, sentence) if outcome else (),
                    )
                    if found is None and outcome:
                        found = self._under_heading(doc, sentence, rate, raw, headings)
                    if found is None:
                        found = self._against_claim(doc, rate, clauses, raw)
                    if found is not None:
                        yield found
                    if rate.share:
                        continue
                    if rate.bound or self._compares(doc, sentence, rate):
                        continue  # a target or another period
                    if plans is None:
                        plans = self._plans(doc)
                    if any(a <= rate.start < b for a, b in plans):
                        continue
                    if sentence.paragraph not in rows:
                        rows[sentence.paragraph] = _table_row(doc, sentence.paragraph)
                    if rows[sentence.paragraph]:
                        continue
                    yield from self._against_earlier(doc, rate, sentence, seen, raw)

    def _table(self, doc: Document, table: Table) -> Iterator[Finding]:
        """Rates in a table's cells, each against the counts of its row ("行政复议 26
        25 96.2%" under "项目 受理（件） 办结（件） 办结率"), or of its column when
        the table is set on its side (rows named 受理, 办结, 办结率); a share
        ("占比") against the count before it and that column's 合计 row."""
        columns = range(len(table.header) - 1)
        totals = table.total_rows()
        records = [[(r, c, table.header[c + 1]) for c in columns] for r in range(len(table.labels))]
        records += [[(r, c, table.labels[r]) for r in range(len(table.labels))] for c in columns]
        for record in records:
            figures = [f for r, c, field in record if (f := table.figure(r, c, field))]
            for k, (r, c, field) in enumerate(record):
                rate = table.rate(r, c, field)
                if rate is None:
                    continue
                raw = _fmt(rate.value, rate.decimals)
                if rate.value > self.params.max_percent and (
                    rate.share or not self.unbounded.search(rate.name)
                ):
                    yield Finding(
                        doc.span(rate.start, rate.end),
                        "over-maximum",
                        {"name": rate.name, "value": raw, "maximum": _fmt(self.params.max_percent)},
                    )
                elif not rate.share:
                    found = self._against_counts(doc, rate, figures, (), raw)
                    if found is not None:
                        yield found
                elif k and record[k - 1][1] == c - 1 and totals and r not in totals:
                    # the count in the column before, of the 合计 row's count below it
                    # (when that adds up: RL202 reports one that does not)
                    part = table.figure(r, c - 1, "")
                    whole = _column_total(table, totals, r, c - 1)
                    if part and whole and not _agrees(_Count(part, False), whole, rate):
                        yield self._mismatch(doc, rate, raw, _Count(part, False), whole)

    def _under_heading(
        self, doc: Document, sentence: Sentence, rate: RateMention, raw: str, headings: set[int]
    ) -> Finding | None:
        """A rate in a heading ("（三）矛盾纠纷调解成功率达97.6%") against the counts
        of the first sentence under it, when that gives both a count of its action and
        a whole."""
        if sentence.paragraph not in headings or sentence.number + 1 >= len(doc.sentences):
            return None
        below = doc.sentences[sentence.number + 1]
        if below.paragraph != sentence.paragraph + 1 or below.paragraph in headings:
            return None
        clauses = doc.clauses_of(below)
        figures = [f for c in clauses for f in c.figures]
        if not figures:
            return None
        return self._against_counts(doc, rate._replace(clause=0), figures, clauses, raw)

    def _compares(self, doc: Document, sentence: Sentence, rate: RateMention) -> bool:
        """Whether the rate is another period's or a target: a period, a comparison or
        a target said before it in its ；-group ("前三季度，…纠错率为10.5%；", "较上年
        的95%"); one said after it ("纠错率16%，高于上年") compares this year's rate."""
        end = rate.end - sentence.start
        text = sentence.text[sentence.text.rfind("；", 0, end) + 1 : end]
        return (
            self.comparison.search(text) is not None
            or _DATED.search(text) is not None
            or any(int(y) != doc.report_year for y in _YEARS.findall(_TITLES.sub("", text)))
        )

    def _plans(self, doc: Document) -> list[tuple[int, int]]:
        if self.plan is None:
            return []
        plan = self.plan.for_doc(doc)
        return [(doc.sections[i].start, doc.sections[i].end) for i in sections_matching(doc, plan)]

    def _against_counts(
        self,
        doc: Document,
        rate: RateMention,
        figures: Sequence[Figure],
        clauses: Sequence[Clause],
        raw: str,
        any_size: bool = False,
        later: bool = True,
        earlier: Sequence[Figure] = (),
    ) -> Finding | None:
        """The rate against the counts of its sentence; `later`: its counts may come
        after it, in its ；-group (not when it is another period's: "上半年，…办结率
        为92.3%；全年受理128件…"); `earlier`: the counts of the sentence before,
        whose one whole of the part's class is the whole when the rate's sentence
        has none ("全年共受理群众诉求120件。截至年底，已办结115件，办结率95.8%。")."""
        text = doc.view.text
        # A share of a whole named in it: "占受理总数40件的95%".
        named = [f for f in figures if rate.start <= f.start and f.end <= rate.end]
        before = [f for f in figures if f.end <= rate.start]
        counts = _numerators(rate, before, clauses, figures, text)
        ahead = True
        if not counts and not rate.share and later:
            # The rate before its counts: "纠错率为18.2%（全年审结22件，纠错4件）"
            group_end = next((c.end for c in clauses[rate.clause :] if c.closer == "；"), len(text))
            after = [f for f in figures if rate.end <= f.start and f.end <= group_end]
            counts = _numerators(rate, after, clauses, figures, text)
            ahead = False
        if not counts:
            return None
        in_turn = [c for c in counts if c.figure.clause == counts[-1].figure.clause]
        if rate.for_items and len(in_turn) <= max(rate.respective, 1):
            # One name's rates for the items before it ("三镇办结率分别为98.5%、99.1%、
            # 100%"): without counts in turn, the counts said are no one item's.
            return None
        # A count of the rate's own action is a part, never a whole: "镇长出庭应诉4次，
        # 分管副镇长出庭应诉3次" are two numerators, not 3 of 4.
        carriers = {c.figure for c in counts}
        pool = [f for f in figures if f not in carriers and f not in named]
        # The whole holds the action done and not done: "优秀案卷14卷，合格案卷40卷，
        # 不合格案卷2卷" has no whole of 42 or more, and 14 is a sibling, not one.
        first = _first(rate, counts) if ahead else counts[0]
        kind = first.figure.unit_class
        floor = _done_and_not_done([c for c in counts if c.figure.unit_class == kind])
        pool = [f for f in pool if f.unit_class != kind or f.amount >= floor]

        def wholes(part: Figure) -> list[Figure]:
            """Its wholes, the likeliest first: one named in the share, else the
            earlier counts nearest first, else the counts after it ("持有执法证件的
            38人，在岗执法人员40人，持证率95%")."""
            fits = [f for f in named or pool if _fits(part, f, any_size)]
            preceding = [f for f in reversed(fits) if f.end <= part.start]
            if named or preceding:
                return preceding or fits
            limit = rate.start if ahead else len(text)
            found = [f for f in fits if part.end <= f.start and f.end <= limit]
            if found:
                return found
            # the sentence before, when it gives one whole of the class, and only one,
            # and the rate's own sentence no other count of the class (that 38 of
            # "诉求35件，办结38件" is more than its whole is no reason to look back)
            if any(f.unit_class == part.unit_class for f in pool):
                return []
            outside = [
                f for f in earlier if f.unit_class == part.unit_class and f.amount >= part.amount
            ]
            if len(outside) != 1 or not _fits(part, outside[0], any_size):
                return []
            return outside if _same_object(part, outside[0], rate) else []

        found = wholes(first.figure)
        if first.figure.approx or not found:
            return None  # approximate, or no whole in the sentence
        # The reading a writer meant first: the nearest whole that is no one's subset,
        # or for a rate given in turn, the whole in the same place of its list.
        primary = _kth(rate, found, text) or next(
            (w for w in found if not _SUBSET.search(w.lead)), found[0]
        )
        if primary.approx:
            return None
        for count in counts:
            if count.figure.approx:
                continue
            for whole in wholes(count.figure):
                if not whole.approx and _agrees(count, whole, rate):
                    return None  # another reading gives the stated rate
        return self._mismatch(doc, rate, raw, first, primary)

    def _mismatch(
        self, doc: Document, rate: RateMention, raw: str, first: _Count, primary: Figure
    ) -> Finding:
        part = first.figure
        computed = (
            (primary.amount - part.amount if first.negated else part.amount) / primary.amount * 100
        )
        whole_text = _fmt(primary.value)
        return Finding(
            doc.span(rate.start, rate.end),
            "mismatch",
            {
                "name": rate.name,
                "stated": raw,
                "computed": _fmt(round(computed, max(rate.decimals, 1))),
                "numerator": f"({whole_text}-{_fmt(part.value)})"
                if first.negated
                else _fmt(part.value if part.unit_class == primary.unit_class else part.amount),
                "denominator": whole_text,
            },
        )

    def _against_claim(
        self, doc: Document, rate: RateMention, clauses: Sequence[Clause], raw: str
    ) -> Finding | None:
        """全部/均 before the rate's action is 100%, 无一/零 is 0: "12件，全部按期办结，
        按期办结率为91.7%" cannot be."""
        if rate.share or rate.bound:
            return None
        own = clauses[rate.clause]
        said = [own.text[: rate.start - own.start]]
        if rate.clause:
            said.append(clauses[rate.clause - 1].text)
        for text in said:
            if text.startswith("其中"):
                continue  # "其中38件全部按期办结" claims all of a part
            for words, expected in ((_ALL, 100.0), (_NONE, 0.0)):
                m = compiled(f"({words})\\p{{Han}}{{0,8}}?(?:{rate.stem_pattern})").search(text)
                if m and rate.value != expected:
                    return Finding(
                        doc.span(rate.start, rate.end),
                        "all-but",
                        {"name": rate.name, "value": raw, "word": m[1], "expected": _fmt(expected)},
                    )
        return None

    def _against_earlier(
        self,
        doc: Document,
        rate: RateMention,
        sentence: Sentence,
        seen: dict[str, list[_Seen]],
        raw: str,
    ) -> Iterator[Finding]:
        key = _LEADING_NOISE.sub("", rate.name)
        if len(key) < self.params.min_name_length:
            return
        # (a sentence's worth: a page-long run-on line stays linear)
        upto = doc.view.text[max(sentence.start, rate.start - 300) : rate.start + len(rate.name)]
        current = _Seen(rate.value, rate.start, _subject(upto, rate.name))
        earlier_rates = seen.setdefault(key, [])
        # The same name is the same rate only when it is about the same thing: two
        # sentences that each name their own subject before a generic 按期办结率
        # ("12345热线受理…，按期办结率99.2%", "县信访局受理…，按期办结率100%") give
        # two rates.  A name that opens its sentence is its own subject.
        earlier = next(
            (
                e
                for e in earlier_rates
                if e.value != current.value
                and (not e.subject or not current.subject or e.subject == current.subject)
            ),
            None,
        )
        earlier_rates.append(current)
        if earlier is not None:
            line, _ = doc.position(doc.span(earlier.start, earlier.start + 1).start)
            yield Finding(
                doc.span(rate.start, rate.end),
                "conflict",
                {"name": rate.name, "value": raw, "other": _fmt(earlier.value), "other_line": line},
            )


def _numerators(
    rate: RateMention,
    candidates: Sequence[Figure],
    clauses: Sequence[Clause],
    figures: Sequence[Figure],
    text: str,
) -> list[_Count]:
    """The counts a rate may be made of, in text order, among `candidates`."""
    if rate.share:
        return _share_parts(rate, candidates, clauses, figures)
    found: list[_Count] = []
    pattern = compiled(rate.stem_pattern)
    for f in candidates:
        m = pattern.search(f.words)
        if m is None:
            if found and _shares_action(found[-1].figure, f, text):
                found.append(_Count(f, found[-1].negated))  # "已办复代表建议28件、政协提案34件"
            continue
        if _NAMED_RATE.match(f.words, m.end()):
            continue  # "满意度调查问卷246份" names the rate, it does not count the act
        ahead = f.words[: m.start()]
        if _EXPECTED.search(ahead):
            continue  # "应参考102人" is the whole expected, not the part done
        negated = _NEGATED.search(ahead) is not None or _LATE.match(f.words, m.start()) is not None
        found.append(_Count(f, negated))
    if not found and candidates and _OF_THE_LAST_COUNT.search(rate.stem):
        # 覆盖率 names no action: it is of the count right before it, in its
        # clause or the one before ("已有56个建成法治文化阵地，覆盖率为82.4%"), less
        # a whole said as such ("全镇共33个村").
        last = next((f for f in reversed(candidates) if not _WHOLE_WORD.search(f.lead)), None)
        if last is not None and last.clause <= rate.clause:
            between = clauses[last.clause + 1 : rate.clause]
            if all(
                c.figures and all(_WHOLE_WORD.search(f.lead) for f in c.figures) for c in between
            ):
                found.append(_Count(last, False))
    return found


# What a count says besides its action and what the whole counts: "已", "其中"…
_FUNCTION_WORDS = compiled("^" + lexicon.alternation("count_fillers") + "+|的$")


def _same_object(part: Figure, whole: Figure, rate: RateMention) -> bool:
    """Whether a count may be part of a whole said in another sentence: it names no
    object of its own ("已办结115件", "结案71件") or the whole's ("合格案卷40卷" of
    "评查行政执法案卷56卷"), not another ("办结行政复议案件20件" of "法律援助申请35件")."""
    words = regex.sub(rate.stem_pattern, "", part.words, count=1)
    words = _NEGATED.sub("", _FUNCTION_WORDS.sub("", _FUNCTION_WORDS.sub("", words)))
    return len(words) < 2 or words[-2:] in whole.words


def _earlier_figures(doc: Document, sentence: Sentence) -> Sequence[Figure]:
    """The counts of the nearest sentence before in the paragraph that has any (two
    back at most: "…29件。经审查，均符合援助条件。已结案27件，…")."""
    for back in (1, 2):
        n = sentence.number - back
        if n < 0 or doc.sentences[n].paragraph != sentence.paragraph:
            return ()
        figures = [f for c in doc.clauses_of(doc.sentences[n]) for f in c.figures]
        if figures:
            return figures
    return ()


def _share_parts(
    rate: RateMention,
    before: Sequence[Figure],
    clauses: Sequence[Clause],
    figures: Sequence[Figure],
) -> list[_Count]:
    """占/占比: the count right before it, in its clause or ending the one before;
    or, when it follows words and no count ("适用简易程序的占比62.5%"), the counts
    those words name, anywhere in the sentence."""
    if before:
        last = before[-1]
        ends_clause = last.end == clauses[last.clause].end
        if last.clause == rate.clause or (last.clause == rate.clause - 1 and ends_clause):
            if rate.respective >= 0:
                # Shares in turn ("行政处罚案件96件、行政强制案件24件，分别占60%、
                # 15%"): the counts of that list, each in its place.
                return [_Count(f, False) for f in before if f.clause == last.clause]
            return [_Count(last, False)]
    if not rate.stem or any(f.clause == rate.clause and f.end <= rate.start for f in before):
        return []
    found = []
    for f in figures:
        words = _LEADING_NOISE.sub("", f.words)
        if len(words) >= 2 and (words in rate.stem or rate.stem in words):
            found.append(_Count(f, False))
    return found


def _shares_action(carrier: Figure, item: Figure, text: str) -> bool:
    """Whether an item of a 、-list that names no action of its own is counted by the
    action of the item before it: 政协提案 in "已办复代表建议28件、政协提案34件"."""
    lead_start = item.number_start - len(item.lead)
    return (
        item.clause == carrier.clause
        and text[lead_start - 1 : lead_start] == "、"
        and lead_start - 1 == carrier.end + len(carrier.tail)
        and _ANY_STEM.search(item.words) is None
    )


def _first(rate: RateMention, counts: Sequence[_Count]) -> _Count:
    """The count a rate is most likely of: the nearest, or for a rate given in turn
    ("办复率分别为100%和97.1%"), the one in the same place of the nearest list."""
    last = counts[-1]
    if rate.respective >= 0:
        group = [c for c in counts if c.figure.clause == last.figure.clause]
        if len(group) > rate.respective:
            return group[rate.respective]
    return last


def _kth(rate: RateMention, wholes: Sequence[Figure], text: str) -> Figure | None:
    """For a rate given in turn, the whole in the same place of its list."""
    if rate.respective < 0:
        return None
    for whole in wholes:
        same = [f for f in wholes if f.clause == whole.clause]
        same.sort(key=lambda f: f.start)
        if len(same) > rate.respective:
            return same[rate.respective]
    return None


def _fits(part: Figure, whole: Figure, any_size: bool) -> bool:
    return whole.unit_class == part.unit_class and (any_size or whole.amount >= part.amount)


def _column_total(table: Table, totals: list[int], row: int, column: int) -> Figure | None:
    """The 合计 row's count under a row, if it is the sum of the rows it closes."""
    total = next((t for t in totals if t > row), None)
    if total is None:
        return None
    whole = table.figure(total, column, "")
    first = max((t + 1 for t in totals if t < total), default=0)
    parts = [table.figure(r, column, "") for r in range(first, total)]
    if whole is None or not all(parts):
        return None
    slack = whole.precision + sum(q.precision for q in parts if q) + 1e-9
    return whole if abs(sum(q.amount for q in parts if q) - whole.amount) <= slack else None


def _done_and_not_done(counts: Sequence[_Count]) -> float:
    """The least a whole can be: its largest count of the action done and its largest
    count of it not done are disjoint parts of it (0 without both)."""
    done = [c.figure.amount for c in counts if not c.negated]
    undone = [c.figure.amount for c in counts if c.negated]
    return max(done) + max(undone) if done and undone else 0.0


def _agrees(count: _Count, whole: Figure, rate: RateMention) -> bool:
    """Whether part of whole (or the rest of it, when negated) gives the rate, within
    its last decimal place and the rounding of the counts themselves:
    "1.49万人次" of "1.52万人次" is anything from 97.4% to 98.7%."""
    part = count.figure
    p, dp = part.amount, part.precision
    w, dw = whole.amount, whole.precision
    if count.negated:
        p, dp = w - p, dp + dw
    if w - dw <= 0:
        return True
    low = max(0.0, p - dp) / (w + dw) * 100
    high = (p + dp) / (w - dw) * 100
    # The stated value may round the exact one or cut it off at its own last
    # decimal: 96.5% is written 96% or 97%, 90.2% is 90%, never 91%.
    scale = 10.0**rate.decimals
    floor_low = math.floor(low * scale + 1e-9) / scale
    ceil_high = math.floor(high * scale + 0.5 + 1e-9) / scale
    eps = 1e-9
    if rate.bound == "at_least":  # "办结率达到95%以上": 40 of 40 is 100%, above 95%
        return rate.value <= ceil_high + eps
    if rate.bound == "at_most":
        return floor_low - eps <= rate.value
    if rate.bound == "about":
        return True
    return floor_low - eps <= rate.value <= ceil_high + eps


def _table_row(doc: Document, paragraph: int) -> bool:
    """A table row of several % columns ("案卷合格率\t95.1%\t97.3%" under "2023年
    2024年"): which column is this year's the view cannot tell."""
    p = doc.paragraphs[paragraph]
    if "。" in p.text:
        return False
    span = doc.span(p.start, p.end)
    return _COLUMNS.search(doc.text[span.start : span.end]) is not None


def _subject(upto_name: str, name: str) -> str:
    """The sentence before a rate's name, less leading time words and marks:
    "" for "全年行政机关负责人出庭应诉率", "县信访局受理群众来信来访386件，" for
    "县信访局受理群众来信来访386件，按期办结率"."""
    text: str = _LEADING_NOISE.sub("", upto_name.lstrip(_MARKS))
    key: str = _LEADING_NOISE.sub("", name)
    return text[: max(0, len(text) - len(key))]


def _fmt(value: float, decimals: int | None = None) -> str:
    return f"{value:.{decimals}f}" if decimals is not None else f"{value:g}"
