"""Kind `sums`: a total and its breakdown should agree.

Read from the Document's sentences and figures (document/clauses.py); parts
are counted only in the total's unit class (件/件次/批次 are one, 人/名
another), so "631批次996余人次" adds 631.

- *Wholes*: a count followed by a colon or 包括 ("9件：撤诉1件；…", "共1355批次，
  包括…") opens a breakdown that must add up; 其中 opens a subset, which may be
  smaller but never larger (one part alone too: "38次，其中联合抽查41次"); a
  colon may follow the way the whole is broken down ("21件，按申请事项分："); a
  count said with 共/合计/总计/累计 and followed by a 、-list ("共7件，胜诉4件、
  败诉1件、撤诉3件") is a subset too; a whole after its parts is their sum: after
  a 、-list ("来信12件、来访20件，合计32件", "罚没款合计52.9万元"), or after
  counts one a clause when 合计 opens its clause, the counts are one family, or
  they say they add up (另, 各, 每季度) ("维持9件，撤销2件，驳回3件，全年共审结
  14件"); a 合计 row under table rows is the sum of what it follows; in a table typed with tabs (doc.tables), a 合计
  row is the sum of each column above it and a 合计 column the sum of the
  columns before it, the unit in the header or none.
- *Parts in the next sentence*: a sentence opening with 其中, or whose counts are
  all one family's or a list with 其他 naming the whole's object (and no whole
  of its own), after the sentence (in the same paragraph) that ends with their
  whole ("…20件。其中，维持12件，撤销3件，驳回5件。").
- *A whole in two units*: "67件（份）" adds parts in 件 and in 份; an item in
  another unit among the parts ("67件：合同协议45份，规范性文件6件，…") leaves
  the list free not to add up.
- *A subset that must add up*: parts that are the categories named before the
  whole ("合同、协议共36份，其中合同20份、协议14份"), a closed family of outcomes
  or a complementary pair (维持/撤销/确认违法/驳回…; 予以公开/部分公开/不予公开/
  信息不存在; 胜诉/败诉/撤诉; 持证/未持证; 男/女; 党员/非党员; 专职/兼职; 35岁
  以下/以上), or a list with an "其他/其余" item.  A 其中 list goes on past a
  comma with items of its kind ("其中简易程序31件，普通程序27件"), and a family's
  list is never cut where its first items add up.
- *Not parts*: a nested "（其中…）" or "，其中…" run (it breaks down the item
  before it and is checked against it); a later stage of an intake count
  ("96件：受理88件，审结81件"); a change (同比增加12件: no whole either, and
  passed over between a whole and its marker: "37件，同比增加9件，其中…"), a count included in the
  one before (，含部分裁决18件), a count per item or a floor (每名…不少于2次,
  人均2件).  A count per period (每季度1次) is read over the year (4) unless that
  exceeds the total; one after a distributive 各 counts once per item
  ("第二季度、第四季度各听取1次" is 1次×2).  A ；-grouped list of categories and
  their outcomes ("纠纷56件，调解成功55件；…") may add up by categories.
- Not judged: approximate figures (余, 多, 约), lists ending in 等 or opened
  with 含 (unless the parts exceed the total), and 其中 lists of attributes
  that may overlap ("具有法律专业背景的2名、35岁以下的6名、女性5名"), unless
  they are categories of one kind that do not overlap ("涉及行政处罚的21件、
  行政强制的8件": the lexicon's family_act_types).
  Figures with decimals are rounded: the sum may be off by half a unit of the
  last decimal of each; a whole "5万份" is exact.
"""

from collections.abc import Iterator, Sequence

import msgspec
import regex

from reportlint import lexicon
from reportlint.checks.base import (
    CheckKind,
    Finding,
    ParamError,
    Params,
    compile_patterns,
    validate_patterns,
)
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.clauses import Clause, Figure, Sentence, Table, counts_with
from reportlint.document.quantities import may_end_with_quantity
from reportlint.document.regexes import compiled

_SUBSET_END = compiled(r"[，；]")
# Time words before a whole: "全年共审结…", "年内合计…".
_TIME_WORDS = compiled(r"^(?:全年|今年|本年度?|年内|当年|近?[两三五]年)+")
# What follows a category's name without changing its kind: "邻里纠纷等", "涉及…的".
_KIND_END = compiled(r"(?:等|的|类)+$")
_HAN = compiled(r"\p{Han}+")
_PERIODS = {"半年": 2, "季度": 4, "季": 4, "月": 12, "周": 52, "星期": 52, "年": 1}
_PERIOD = compiled(r"(半年|季度|季|月|周|星期|年)")
_ITEMS = compiled(r"[、和及与]")
# The longest breakdown list read after a total, in characters.
_LIST_CHARS = 600
# Categories named before a whole: "审查合同、协议共36份" names 合同 and 协议.
_NAMED = compiled(
    r"(?P<items>[\p{Han}（）]{1,12}(?:[、和及与][\p{Han}（）]{1,12})+)"
    + lexicon.alternation("whole_words")
    + r"?(?:计|有)?$"
)
# A table row: a short line without a full stop, one figure in it.
_ROW_CHARS = 30
_FAMILIES = (
    "family_review_outcomes",
    "family_disclosure_outcomes",
    "family_litigation_outcomes",
    "family_intake_outcomes",
    "family_handling_status",
    "family_licensed",
    "family_sex",
    "family_party",
    "family_staffing",
    "family_channels",
)


def _words(name: str) -> list[str]:
    return list(lexicon.words(name))


class SumsParams(Params):
    exhaustive_markers: list[str] = msgspec.field(
        default_factory=lambda: _words("part_markers_exhaustive")
    )
    subset_markers: list[str] = msgspec.field(default_factory=lambda: _words("part_markers_subset"))
    whole_words: list[str] = msgspec.field(default_factory=lambda: _words("whole_words"))
    # Words that say a sum of what comes before (合计, not 共: "共办理…" may open
    # a count of its own), and words that add a part to those before (另, 此外).
    sum_words: list[str] = msgspec.field(default_factory=lambda: _words("sum_words"))
    addition_words: list[str] = msgspec.field(default_factory=lambda: _words("addition_words"))
    open_list_words: list[str] = msgspec.field(default_factory=lambda: _words("open_list_words"))
    remainder_words: list[str] = msgspec.field(default_factory=lambda: _words("remainder_words"))
    min_parts: int = 2
    # A breakdown may follow the same cases through stages ("96件：受理88件，
    # 审结81件"): a count led by a later stage, after one led by intake, is
    # part of that intake, not another addend.
    intake_words: list[str] = msgspec.field(default_factory=lambda: _words("intake_words"))
    stage_words: list[str] = msgspec.field(default_factory=lambda: _words("stage_words"))
    # A count whose words (within the list) say it is no addend.
    not_part_words: list[str] = msgspec.field(default_factory=lambda: _words("not_part_words"))
    per_period_words: list[str] = msgspec.field(default_factory=lambda: _words("per_period_words"))
    distributive_words: list[str] = msgspec.field(
        default_factory=lambda: _words("distributive_words")
    )
    outcome_words: list[str] = msgspec.field(default_factory=lambda: _words("outcome_words"))
    attribute_words: list[str] = msgspec.field(default_factory=lambda: _words("attribute_words"))
    # Sets of categories that do not overlap: a list whose items are all of one
    # set must add up.  A set whose patterns capture groups must agree on them
    # (one age boundary).
    families: list[list[str]] = msgspec.field(
        default_factory=lambda: [_words(name) for name in _FAMILIES]
    )
    partitions: list[list[str]] = msgspec.field(default_factory=lambda: [_words("age_partition")])
    # Sets of categories that do not overlap but need not be listed in full: a
    # list of them is no list of attributes, and may not exceed its whole.
    disjoint_families: list[list[str]] = msgspec.field(
        default_factory=lambda: [_words("family_act_types"), _words("family_petition_channels")]
    )


@register
class Sums(CheckKind[SumsParams]):
    name = "sums"
    params_type = SumsParams
    messages = {"mismatch": frozenset({"total", "parts", "sum", "relation"})}

    def __init__(self, params: SumsParams) -> None:
        super().__init__(params)
        markers = [*params.exhaustive_markers, *params.subset_markers]
        if not markers:
            raise ParamError("exhaustive_markers", "至少需要一个引出分项的标记")
        # A short verb may stand between the total and the list: "共22人述法，其中…".
        self.marker = compiled(
            r"(?:\p{Han}{1,4}(?=[，,]))?[，,]?\s*（?(?P<m>"
            + "|".join(map(regex.escape, markers))
            + ")(?P<including>"
            + lexicon.alternation("part_openers")
            + ")?"
        )
        self.any_marker = compiled("|".join(map(regex.escape, markers)))
        # A change against another period between a whole and its marker ("37件，
        # 同比增加9件，其中…") says nothing of the parts; it is no whole itself.
        self.change = compiled(
            r"[，,]" + lexicon.alternation("change_words") + r"[^，；：。！？]{0,24}"
        )
        self.change_lead = compiled("^" + lexicon.alternation("change_words"))
        self.breakdown = compiled(r"[，,]" + lexicon.alternation("breakdown_openers") + r"(?=：)")
        # A sentence with a whole has a marker or a word of wholes somewhere: one
        # search passes over most sentences.
        self.trigger = compile_patterns(
            [*map(regex.escape, markers), *params.whole_words], "whole_words"
        )
        self.subset = (
            compiled("|".join(map(regex.escape, params.subset_markers)))
            if params.subset_markers
            else None
        )
        self.whole = compile_patterns(params.whole_words, "whole_words")
        self.opening_whole = compile_patterns(
            [f"^(?:{w})" for w in params.whole_words], "whole_words"
        )
        self.direct = compile_patterns(
            [f"(?:{w})(?:为|达|是)?$" for w in params.whole_words], "whole_words"
        )
        self.strong_whole = _optional([f"^(?:{w})" for w in params.sum_words], "sum_words")
        self.addition = _optional([f"^(?:{w})" for w in params.addition_words], "addition_words")
        self.remainder = _optional([f"^(?:{w})" for w in params.remainder_words], "remainder_words")
        # What a sentence of parts without 其中 says: a family's member or 其他.
        self.continuing = _optional(
            [*params.remainder_words, *(_unanchored(w) for f in params.families for w in f)],
            "families",
        )
        # The whole clause before the number is the stage word: "不予受理9件" is no intake.
        self.intake = compile_patterns([f"^(?:{p})$" for p in params.intake_words], "intake_words")
        self.stage = compile_patterns([f"^(?:{p})$" for p in params.stage_words], "stage_words")
        self.not_part = _optional(params.not_part_words, "not_part_words")
        self.per_period = _optional(params.per_period_words, "per_period_words")
        self.distributive = _optional(params.distributive_words, "distributive_words")
        self.outcome = _optional(params.outcome_words, "outcome_words")
        self.attribute = _optional(params.attribute_words, "attribute_words")
        self.families = [
            validate_patterns(members, f"families[{i}]")
            for i, members in enumerate(params.families)
        ]
        # Each family as one pattern, and all of them as one, to pass over a lead
        # that names none of them.
        self.family_any = [
            compile_patterns(members, f"families[{i}]") for i, members in enumerate(params.families)
        ]
        categories = [w for group in [*params.families, *params.partitions] for w in group]
        self.any_category = _optional(categories, "families")
        self.partitions = [
            validate_patterns(categories, f"partitions[{i}]")
            for i, categories in enumerate(params.partitions)
        ]
        self.disjoint = [
            compile_patterns(members, f"disjoint_families[{i}]")
            for i, members in enumerate(params.disjoint_families)
        ]

    def check(self, doc: Document) -> Iterator[Finding]:
        yield from self._tables(doc)
        view = doc.view.text
        for sentence in doc.sentences:
            text = sentence.text
            if (
                sentence.number
                # (parts go on from a whole in the same paragraph, which ends the sentence
                # before: _continued)
                and (before := doc.sentences[sentence.number - 1]).paragraph == sentence.paragraph
                and may_end_with_quantity(before.text)
                and (
                    text.startswith("其中")
                    or (self.continuing is not None and self.continuing.search(text))
                    or (text.startswith(("（1）", "(1)")) and _numbered_items(text) > 1)
                )
            ):
                found = self._continued(doc, sentence)
                if found is not None:
                    yield found
                    continue
            if self.trigger.search(text) is None:
                continue  # nothing says a count is a whole: most sentences
            wholes = self.whole.search(text) is not None
            quantities = doc.quantities_of(sentence)
            if len(quantities) < 2:
                continue  # (a whole and one part of it: "38次，其中联合抽查41次")
            if not wholes and not any(
                self.any_marker.search(view, at, at + 8)
                for at in (self._past_change(view, q.end) for q in quantities)
            ):
                continue
            clauses = doc.clauses_of(sentence)
            figures = [f for c in clauses for f in c.figures]
            if len(figures) < 2:
                continue
            for i in range(len(figures)):
                found = self._marked(doc, sentence, clauses, figures, i)
                if found is None and wholes:
                    found = self._listed(doc, clauses, figures, i)
                if found is not None:
                    yield found

    # -- a whole and its parts in the sentence after it ------------------------------
    def _continued(self, doc: Document, sentence: Sentence) -> Finding | None:
        """Parts in a sentence of their own after the sentence that ends with their
        whole: one opening with 其中 ("全年共办理行政复议案件20件。其中，维持12件，
        撤销3件，驳回5件。"), or whose counts are all the parts of one family or a list
        with 其他 ("…纠纷95件。婚姻家庭纠纷28件、…、其他纠纷14件。")."""
        previous = doc.sentences[sentence.number - 1]
        if previous.paragraph != sentence.paragraph:
            return None
        before = doc.clauses_of(previous)
        last = before[-1]
        if not last.figures or last.figures[-1].end != last.end:
            return None  # the sentence before does not end with its whole
        total = last.figures[-1]
        if total.approx or self.change_lead.search(total.lead):
            return None
        clauses = doc.clauses_of(sentence)
        figures = [f for c in clauses for f in c.figures]
        text = doc.view.text
        start = sentence.start
        if sentence.text.startswith("其中"):
            named = _named_items(doc, before, total)
            start += 2 + (sentence.text[2:3] in "，：")
            stop = _SUBSET_END.search(text, start, sentence.end)
            end = (
                self._family_run(doc, clauses, figures, start, stop.start(), named)
                if stop
                else sentence.end
            )
        else:
            end = sentence.end
            leads = [f.lead for f in figures]
            if (
                not all(counts_with(f, total) for f in figures)
                or len(figures) < self.params.min_parts
                or self.trigger.search(sentence.text) is not None
                or not (
                    self._closed(leads)
                    or _numbered_items(sentence.text) == len(figures)
                    or (
                        self.remainder is not None
                        and any(map(self.remainder.search, leads))
                        and all(lead[-2:] in total.words for lead in leads)
                    )
                )
            ):
                # only a sentence that is all parts, says so, and has no whole of
                # its own: "…矛盾纠纷95件。婚姻家庭纠纷28件、…、其他纠纷14件。"
                # (not "…信访事项64件。调解婚姻家庭纠纷28件、…其他纠纷14件。")
                return None
            named = _named_items(doc, before, total)
        candidates = [q for q in figures if start <= q.start and q.end <= end]
        return self._breakdown(
            doc,
            clauses,
            figures,
            total,
            named,
            candidates,
            (start, end),
            colon=False,
            exhaustive=False,
            including=False,
        )

    # -- a whole and the parts after its marker ---------------------------------
    def _marked(
        self,
        doc: Document,
        sentence: Sentence,
        clauses: Sequence[Clause],
        figures: list[Figure],
        i: int,
    ) -> Finding | None:
        text = doc.view.text
        total = figures[i]
        after = self._past_change(text, total.end)
        if self.any_marker.search(text, after, after + 8) is None:
            return None  # (a plain look first: the marker pattern is slow to fail)
        if self.change_lead.search(total.lead):
            return None  # "较上年减少420件：" is a change, not the whole
        m = self.marker.match(text, after)
        if not m:
            return None
        if m.start("m") > after + 1 and text[total.number_start - len(total.lead) - 1] == "、":
            return None  # "12个村、3个社区，其中…": 社区 is an item, not a verb
        seg_start = m.end()
        closer = "）" if text[after : m.start("m")].endswith("（") else "。"
        limit = min(sentence.end, seg_start + _LIST_CHARS)
        end = text.find(closer, seg_start, limit)
        if end < 0:
            if sentence.end > limit:
                return None  # a list longer than any report's: not judged on a part of it
            end = sentence.end
        seg_end = end
        exhaustive = m["m"] in self.params.exhaustive_markers
        named = _named_items(doc, clauses, total)
        if not exhaustive:
            # A "其中" subset is an enumeration (、): it ends at the first ，；
            # "其中来信12件、来访20件，已办结54件" lists two parts, not three.
            stop = _SUBSET_END.search(text, seg_start, seg_end)
            seg_end = (
                self._family_run(doc, clauses, figures, seg_start, stop.start(), named)
                if stop
                else seg_end
            )
        candidates = [q for q in figures[i + 1 :] if seg_start <= q.start and q.end <= seg_end]
        return self._breakdown(
            doc,
            clauses,
            figures,
            total,
            named,
            candidates,
            (seg_start, seg_end),
            colon=m["m"] == "：",
            exhaustive=exhaustive,
            including=bool(m["including"]),
        )

    def _breakdown(
        self,
        doc: Document,
        clauses: Sequence[Clause],
        figures: list[Figure],
        total: Figure,
        named: list[str],
        candidates: list[Figure],
        segment: tuple[int, int],
        colon: bool,
        exhaustive: bool,
        including: bool,
    ) -> Finding | None:
        """A whole and the counts listed after its marker, in `segment` of the view."""
        text = doc.view.text
        seg_start, seg_end = segment
        nested = _bracketed(text, seg_start, seg_end)
        # An item counted in another unit among the parts ("67件：合同协议45份，规范性
        # 文件6件，其他文件18件") leaves the whole not of their unit alone: they need not
        # add up.  (A count after the last part is no item: "…各听取1次，另听取2次，
        # 研究重大问题6个".)
        last = max((q.start for q in candidates if counts_with(q, total)), default=-1)
        mixed = any(
            q.lead
            and q.start < last
            and not counts_with(q, total)
            and not any(a <= q.start < b for a, b in nested)
            for q in candidates
        )
        candidates = [q for q in candidates if counts_with(q, total)]
        if exhaustive:
            nested.extend(self._subsets(text, seg_start, seg_end, candidates))
        parts = [q for q in candidates if not any(a <= q.start < b for a, b in nested)]
        leads = [_lead_from(q, seg_start, text) for q in parts]
        closed = self._closed(leads)
        # (after a colon the list is whole anyway, and attributes are a breakdown)
        if not colon and (closed or _named(named, parts, leads)):
            exhaustive = True  # "其中男性8名、女性5名": the two make up the whole
        elif (
            self.attribute is not None
            and not colon
            and any(map(self.attribute.search, leads))
            and not any(all(map(p.search, leads)) for p in self.disjoint)
        ):
            # "其中35岁以下的6名、女性5名", "包括具有法律职业资格的186名": categories
            # that may overlap; after a colon they are a breakdown ("以市政府为被申请
            # 人的42件").
            return None
        if self.not_part is not None:
            parts = [q for q in parts if not self.not_part.search(_lead_from(q, seg_start, text))]
        if exhaustive:
            parts = self._without_stages(parts)
        elif self.remainder is not None and any(
            self.remainder.search(_lead_from(q, seg_start, text)) for q in parts
        ):
            exhaustive = True  # "其中来信12件、来访20件、其他24件" names every part
        exhaustive = exhaustive and not mixed
        readings = [
            (
                q,
                self._per_year(q, _lead_from(q, seg_start, text), total)
                * self._each(doc, clauses, q),
            )
            for q in parts
        ]
        if not readings:
            return None
        # An open list says so among its parts ("来信12件、来访20件等"), not in a
        # later clause about something else ("…，研究解决执法力量配备等重大问题6个");
        # a 等 in a clause after the last part that counts nothing ("…，以及以案
        # 释法、送法下乡等活动") still leaves the list open.
        last = max(q.end for q, _ in readings)
        later = [q for q in figures if last < q.start < seg_end]
        words = text[seg_start : min(seg_end, last + 1) if later else seg_end]
        if including or any(word in words for word in self.params.open_list_words):
            exhaustive = False
        # A list of one family is cut before its end nowhere: "5件：胜诉4件，败诉1件，
        # 撤诉1件" is not 4+1 and a later count.
        return self._judge(doc, total, readings, exhaustive, prefixes=not closed)

    def _past_change(self, text: str, at: int) -> int:
        """Where a whole's marker may be: past a change said right after it ("37件，
        同比增加9件，其中…") and the way it is broken down ("21件，按申请事项分：")."""
        if text.startswith(("，", ","), at):
            if change := self.change.match(text, at):
                at = change.end()
            if opener := self.breakdown.match(text, at):
                at = opener.end()
        return at

    # -- 共N件，A a件、B b件 and A a件、B b件，合计N件 ---------------------------------
    def _listed(
        self, doc: Document, clauses: Sequence[Clause], figures: list[Figure], i: int
    ) -> Finding | None:
        total = figures[i]
        if total.bracketed or not self.whole.search(total.lead):
            return None
        if self.marker.match(doc.view.text, total.end):
            return None  # its marker says what follows: _marked's business
        clause = total.clause
        after = [q for q in figures if q.clause == clause + 1]
        if after and total.end == clauses[clause].end and _a_list(after, total):
            # "全年行政诉讼案件共7件，胜诉4件、败诉1件、撤诉3件"
            leads = [q.lead for q in after]
            exhaustive = (
                self._closed(leads)
                or _named(_named_items(doc, clauses, total), after, leads)
                or (
                    self.remainder is not None
                    and any(self.remainder.search(lead) for lead in leads)
                )
            )
            return self._judge(doc, total, [(q, 1) for q in after], exhaustive)
        if not total.lead.startswith(clauses[clause].text[: len(total.lead)]):
            return None  # the whole of what it follows opens its clause
        lead = _TIME_WORDS.sub("", total.lead)
        direct = self.direct.search(lead) is not None  # "罚没款合计52.9万元", "三年合计48件"
        if not direct and not self.opening_whole.search(lead):
            return None
        before = [q for q in figures if q.clause == clause - 1]
        if before and _a_list(before, total):
            if any(word in clauses[clause - 1].text for word in self.params.open_list_words):
                return None
            # "来信12件、来访20件、网上信访24件，合计56件": the sum of what it follows
            readings = [(q, self._each(doc, clauses, q)) for q in before]
            return self._judge(doc, total, readings, exhaustive=True)
        # One part a clause: "罚款42.6万元，没收违法所得8.3万元，罚没款合计50.9万元",
        # "维持9件，撤销2件，驳回3件，全年共审结行政复议案件14件".
        run: list[Figure] = []
        for k in range(clause - 1, -1, -1):
            own = clauses[k].figures
            if len(own) != 1 or not counts_with(own[0], total) or own[0].bracketed:
                break
            run.insert(0, own[0])
        run = self._without_stages(run)
        if len(run) < self.params.min_parts:
            return None
        readings = [
            (q, self._per_year(q, q.lead, total) * self._each(doc, clauses, q)) for q in run
        ]
        leads = [q.lead for q in run]
        # Not every "共…" after a few counts is their sum ("受理12件，审结10件，共办理
        # 诉讼案件5件"): a 合计 said as such, one family, or parts that say they add
        # up (另, 各, 每季度) make it so.
        if not (
            direct
            or (self.strong_whole is not None and self.strong_whole.search(lead))
            or self._closed(leads)
            or (self.addition is not None and any(map(self.addition.search, leads[1:])))
            or any(times > 1 for _, times in readings)
        ):
            return None
        return self._judge(doc, total, readings, exhaustive=True, suffixes=True)

    # -- 合计 under table rows -----------------------------------------------------
    def _tables(self, doc: Document) -> Iterator[Finding]:
        in_tables: set[int] = set()
        for table in doc.tables:
            in_tables.update(table.paragraphs)
            yield from self._table(doc, table)
        rows: list[Figure] = []
        for sentence in doc.sentences:
            if sentence.paragraph in in_tables:
                continue  # read as a table above
            row = (
                len(sentence.text) <= _ROW_CHARS
                and not sentence.text.endswith(("。", "！", "？"))
                and len(doc.quantities_of(sentence)) == 1
            )
            clauses = doc.clauses_of(sentence) if row else ()
            figures = [f for c in clauses for f in c.figures]
            if not row or len(clauses) != 1 or len(figures) != 1:
                rows = []
                continue
            (figure,) = figures
            if self.opening_whole.search(sentence.text) and len(rows) >= self.params.min_parts:
                same = [r for r in rows if r.unit_class == figure.unit_class]
                if len(same) == len(rows):
                    found = self._judge(doc, figure, [(r, 1) for r in rows], exhaustive=True)
                    if found is not None:
                        yield found
                rows = []
                continue
            rows.append(figure)

    def _table(self, doc: Document, table: Table) -> Iterator[Finding]:
        """A 合计 row is the sum of the rows above it (to the table's head or the
        last 合计 row), in each column of counts; a 合计 column the sum of the
        columns of counts before it, in each row."""
        columns = range(len(table.header) - 1)
        first = 0
        for total in table.total_rows():
            for c in columns:
                whole = table.figure(total, c, table.labels[total])
                parts = [table.figure(r, c, table.labels[r]) for r in range(first, total)]
                if whole is not None and all(parts):
                    found = self._judge(doc, whole, [(q, 1) for q in parts if q], True)
                    if found is not None:
                        yield found
            first = total + 1
        for c in table.total_columns():
            for r in range(len(table.labels)):
                whole = table.figure(r, c, table.header[c + 1])
                cells = [table.figure(r, k, table.header[k + 1]) for k in range(c)]
                parts = [q for k, q in enumerate(cells) if table.cells[r][k] is not None]
                if whole is not None and all(parts):
                    found = self._judge(doc, whole, [(q, 1) for q in parts if q], True)
                    if found is not None:
                        yield found

    def _judge(
        self,
        doc: Document,
        total: Figure,
        readings: list[tuple[Figure, int]],
        exhaustive: bool,
        prefixes: bool = False,
        suffixes: bool = False,
    ) -> Finding | None:
        if len(readings) < (self.params.min_parts if exhaustive else 1):
            return None  # (one part of a subset may still exceed its whole)
        counted = [q for q, _ in readings]
        if total.approx or any(q.approx for q in counted):
            return None  # "560余件" admits too many readings to judge
        values = [q.amount * times for q, times in readings]
        part_sum = round(sum(values), 6)
        # Rounded figures ("52.3万元"): half a unit of the last decimal each.
        slack = total.precision
        slacks = []
        for q in counted:
            slack += q.precision
            slacks.append(slack)
        eps = 1e-9 * max(1.0, total.amount)
        if exhaustive:
            # A later count in the same sentence ("…，负责人出庭应诉9件") is not a
            # part when the parts before it already make up the total.
            # (Not in the middle of a 、-list: "44场、20场、2场" are all parts.)
            first = self.params.min_parts if prefixes else len(values)
            wrong = not any(
                abs(total.amount - sum(values[:k])) <= slacks[k - 1] + eps
                for k in range(first, len(values) + 1)
                if k == len(values) or counted[k].clause != counted[k - 1].clause
            ) and not (
                prefixes
                and (heads := self._group_heads(doc, readings)) is not None
                and abs(total.amount - heads) <= slacks[-1] + eps
            )
            # Parts before their whole may start after the subject they break down
            # ("受理信访20件，来信8件，来访12件，共计20件").
            wrong = wrong and not (
                suffixes
                and any(
                    abs(total.amount - sum(values[k:]))
                    <= total.precision + sum(q.precision for q in counted[k:]) + eps
                    for k in range(1, len(values) - self.params.min_parts + 1)
                )
            )
        else:
            wrong = part_sum > total.amount + slacks[-1] + eps
        if not wrong:
            return None
        scale = total.amount / total.value if total.value else 1.0
        return Finding(
            doc.span(total.start, total.end),
            "mismatch",
            {
                "total": _fmt(total),
                "parts": "+".join(_fmt(q, times) for q, times in readings),
                "sum": f"{round(part_sum / scale, 6):g}",
                "relation": "不等于" if exhaustive else "大于",
            },
        )

    # -- what makes a subset the whole -------------------------------------------
    def _closed(self, leads: list[str]) -> bool:
        """Whether the leads name categories of one set that do not overlap, each
        once: outcomes (维持/撤销/…) or a complementary pair (男/女, 35岁以下/以上)."""
        if len(leads) < 2 or self.any_category is None or not self.any_category.search(leads[0]):
            return False
        for members, any_member in zip(self.families, self.family_any, strict=True):
            if not all(any_member.search(lead) for lead in leads):
                continue
            seen: set[int] = set()
            for lead in leads:
                hits = [(len(m.group()), k) for k, p in enumerate(members) if (m := p.search(lead))]
                if not hits:
                    break
                seen.add(max(hits)[1])
            else:
                if len(seen) == len(leads):
                    return True
        for categories in self.partitions:
            taken: list[int] = []
            groups: set[tuple[str, ...]] = set()
            for lead in leads:
                hit = next(
                    ((k, m) for k, p in enumerate(categories) if (m := p.search(lead))), None
                )
                if hit is None:
                    break
                taken.append(hit[0])
                groups.add(hit[1].groups())
            else:
                if sorted(taken) == list(range(len(categories))) and len(groups) == 1:
                    return True
        return False

    def _family_run(
        self,
        doc: Document,
        clauses: Sequence[Clause],
        figures: list[Figure],
        start: int,
        end: int,
        named: list[str],
    ) -> int:
        """Where a 其中 list ends: at the first ，or ；, unless the clauses after it go
        on with items of the same kind, one each: members of the family its first
        item belongs to ("其中线上办理1626件，线下办理1973件"), or categories named
        alike ("其中简易程序31件，普通程序27件"); a later stage ("，已办结54件") or
        an outcome ("婚姻家庭纠纷41件，调解成功39件") ends it."""
        first = [q for q in figures if start <= q.start < end]
        if not first:
            return end
        lead = _lead_from(first[0], start, doc.view.text)
        clause = first[-1].clause
        while clause + 1 < len(clauses):
            nxt = clauses[clause + 1]
            if len(nxt.figures) != 1 or not self._parallel(lead, nxt.figures[0].lead, named):
                break
            end = nxt.end
            clause += 1
        return end

    def _parallel(self, lead: str, other: str, named: list[str]) -> bool:
        """Whether two items' words name categories of one kind: members of one
        family, two of the categories named before the whole, or the same kind of
        thing ("简易程序"/"普通程序", "婚姻家庭、邻里纠纷等"/"土地权属纠纷"), no
        stage of a count before it."""
        lead, other = lead.removeprefix("其中"), other.removeprefix("其中")
        if self.stage.search(other) or self.intake.search(other):
            return False
        if any(_names(lead, item) for item in named) and any(_names(other, i) for i in named):
            return True
        family = self._family_of(lead)
        if family is not None:
            return self._family_of(other) == family
        a, b = _KIND_END.sub("", lead), _KIND_END.sub("", other)
        return (
            len(a) >= 3 and len(b) >= 3 and a[-2:] == b[-2:] and _HAN.fullmatch(a[-2:]) is not None
        )

    def _family_of(self, lead: str) -> int | None:
        for k, any_member in enumerate((*self.family_any, *self.disjoint)):
            if any_member.search(lead):
                return k
        return None

    # -- counts that stand for more than one, or for none --------------------------
    def _each(self, doc: Document, clauses: Sequence[Clause], q: Figure) -> int:
        """How many items a count after 各 stands for: 2 in "3月、9月各开展1次"."""
        if self.distributive is None:
            return 1
        clause = doc.view.text[clauses[q.clause].start : q.number_start]
        m = self.distributive.search(clause)
        return 1 if m is None else len(_ITEMS.split(m.group()[:-1]))

    def _per_year(self, q: Figure, lead: str, total: Figure) -> int:
        """How many times a count stands in the year's total: 4 for "每季度开展专题学法
        1次"; 1 when that would exceed the total ("每月法治讲座24场" is a series of 24)."""
        period = self.per_period.search(lead) if self.per_period is not None else None
        if period is None:
            return 1
        unit = _PERIOD.search(period.group())
        times = _PERIODS[unit[1]] if unit else 1
        return times if q.amount * times <= total.amount else 1

    def _group_heads(self, doc: Document, readings: list[tuple[Figure, int]]) -> float | None:
        """The sum of the first count of each ；-group when the counts after it in the
        group tell its outcome and are no larger ("200件：婚姻家庭纠纷56件，调解成功55
        件；邻里纠纷48件，调解成功47件；…" is 56+48+…); None when the list has no
        such groups."""
        if self.outcome is None:
            return None
        text = doc.view.text
        groups: list[list[float]] = []
        for k, (q, times) in enumerate(readings):
            previous = readings[k - 1][0] if k else None
            if previous is None or "；" in text[previous.end : q.start]:
                groups.append([])
            elif not self.outcome.search(q.lead):
                return None  # "来访32件，来信12件；…" is a list, not outcomes
            groups[-1].append(q.amount * times)
        if len(groups) < 2 or all(len(g) == 1 for g in groups):
            return None
        if any(v > g[0] for g in groups for v in g[1:]):
            return None
        return sum(g[0] for g in groups)

    def _subsets(
        self, text: str, start: int, end: int, counts: list[Figure]
    ) -> Iterator[tuple[int, int]]:
        """Ranges of a "，其中…" run inside a list, which breaks down the item right
        before it ("审结198件，其中维持131件、撤销29件；尚在审理17件"): it runs to
        the next ，or ；, as a "其中" list does."""
        if self.subset is None:
            return
        ends = {q.end for q in counts}
        for m in self.subset.finditer(text, start, end):
            before = m.start()
            while before > start and text[before - 1] in "，, ":
                before -= 1
            if before not in ends:
                continue  # "215件：其中…" is the list itself, not a nested one
            stop = _SUBSET_END.search(text, m.end(), end)
            yield m.start(), stop.start() if stop else end

    def _without_stages(self, parts: list[Figure]) -> list[Figure]:
        """Parts less the later stages of an intake count before them."""
        kept: list[Figure] = []
        intake: Figure | None = None
        for q in parts:
            if intake is not None and q.amount <= intake.amount and self.stage.search(q.lead):
                continue  # "受理88件，审结81件": the 81 are among the 88
            if self.intake.search(q.lead):
                intake = q
            kept.append(q)
        return kept


# Items numbered in the sentence: "（1）重大决策类19份；（2）合同审查类37份；…".
_NUMBERED_ITEM = compiled(r"(?:^|；)[（(](\d{1,2})[)）]")


def _numbered_items(text: str) -> int:
    """How many items a sentence numbers from （1） on, one after another, each
    after a ；; 0 when it is no such list."""
    numbers = [int(n) for n in _NUMBERED_ITEM.findall(text)]
    return len(numbers) if numbers == list(range(1, len(numbers) + 1)) else 0


def _named(items: list[str], parts: Sequence[Figure], leads: list[str]) -> bool:
    """Whether the parts are exactly the categories named before the whole:
    "审查合同、协议共36份，其中合同20份、协议14份"."""
    if len(parts) < 2 or len(items) != len(leads):
        return False
    used: set[int] = set()
    for lead in leads:
        lead = lead.removeprefix("其中")
        k = next((k for k, item in enumerate(items) if k not in used and _names(lead, item)), None)
        if k is None:
            return False
        used.add(k)
    return True


def _named_items(doc: Document, clauses: Sequence[Clause], total: Figure) -> list[str]:
    """The categories named before a whole: 合同, 协议 in "审查合同、协议共36份"."""
    clause = clauses[total.clause]
    said = doc.view.text[clause.start : total.number_start]
    if not any(mark in said for mark in "、和及与"):
        return []
    m = _NAMED.search(said)
    return _ITEMS.split(m["items"]) if m else []


def _names(lead: str, item: str) -> bool:
    """Whether an item's words name a category named before the whole."""
    return bool(lead) and (item[-2:] in lead or lead[-2:] in item)


def _unanchored(pattern: str) -> str:
    """A family member's pattern, to find it anywhere: "男(?:性|同志)?" of "^(?:其中)?男…$"."""
    return pattern.removeprefix("^(?:其中)?").removesuffix("$")


def _optional(patterns: list[str], key: str) -> regex.Pattern[str] | None:
    return compile_patterns(patterns, key) if patterns else None


def _lead_from(q: Figure, start: int, text: str) -> str:
    """A figure's lead, from `start` on: "男性" in "，其中男性8名" read from after 其中."""
    lead_start = q.number_start - len(q.lead)
    return q.lead if lead_start >= start else text[start : q.number_start]


def _a_list(items: list[Figure], total: Figure) -> bool:
    """Whether the figures of a clause are a 、-list of parts of `total`'s class."""
    return len(items) >= 2 and all(counts_with(q, total) and not q.bracketed for q in items)


def _bracketed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges inside （…） within [start, end): a nested "（其中…）" is not a part."""
    ranges: list[tuple[int, int]] = []
    if "（" not in text[start:end]:
        return ranges
    depth, opened = 0, start
    for i in range(start, end):
        if text[i] == "（":
            depth += 1
            if depth == 1:
                opened = i
        elif text[i] == "）" and depth:
            depth -= 1
            if depth == 0:
                ranges.append((opened, i))
    return ranges


def _fmt(q: Figure, times: int = 1) -> str:
    return f"{q.value:g}{q.unit}" if times == 1 else f"{q.value:g}{q.unit}×{times}"
