"""Stage 2, parse: Source -> Document.

Order matters and each step is a small function: find broken lines, build the
normalized view, cut paragraphs, mark page chrome and the title, read the
signature at the end, then headings, sections, items and the report year
inside the report proper.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import regex

from reportlint import lexicon
from reportlint.document.dates import DATE_LINE, read_date
from reportlint.document.model import (
    ChromeRegion,
    Document,
    Heading,
    Item,
    Paragraph,
    Section,
    Signature,
)
from reportlint.document.normalize import NormalizedView
from reportlint.document.numerals import cn_to_int
from reportlint.document.regexes import compiled
from reportlint.document.span import Span
from reportlint.load import Source

CN_ORDINAL = "[一二三四五六七八九十]{1,3}"
# "一、二季度", "三、四月份", "一、二审", "三、四级网格员", "一、二等奖": two
# numerals of a span or a pair, not a heading marker.
_NOT_A_MARKER = r"(?![一二三四五六七八九十]+(?:季度|月|年级|批次|期|审|级|等奖|类))"

# Heading markers at the start of a paragraph (view text: "(一)" already reads "（一）").
# Level 0 is a part or chapter, "第一部分"/"第一章", which some reports use above
# (or instead of) "一、"; "第一部分是…" is a sentence about one.
HEADING_PATTERNS: tuple[tuple[int, regex.Pattern[str]], ...] = (
    (
        0,
        compiled(
            rf"^第(?P<num>{CN_ORDINAL})(?:部分|章)(?![是的中里内])(?![^\n]*。)[\s\u3000、：:]*"
        ),
    ),
    (1, compiled(rf"^(?P<num>{CN_ORDINAL})[、，.]{_NOT_A_MARKER}")),
    (2, compiled(rf"^（(?P<num>{CN_ORDINAL})）[、，.]?")),
    (3, compiled(r"^(?P<num>\d{1,2})(?:[.、](?!\d)|．)")),
    (4, compiled(r"^（(?P<num>\d{1,2})）[、，.]?")),
)
# What every heading pattern starts with: one test rules out most paragraphs.
_HEADING_START = compiled(r"^(?:[一二三四五六七八九十]|（|\d|第)")
ANY_ORDINAL_START = compiled(
    rf"^(?:{CN_ORDINAL}(?:、{_NOT_A_MARKER}|是)|（{CN_ORDINAL}）|\d{{1,2}}[.、．](?!\d)|（\d{{1,2}}）"
    rf"|第{CN_ORDINAL}(?:部分|章)(?![是的中里内])(?![^\n]*。))"
)
# "二是非现场监管…" is an item; "一是否…", "是非曲直" and "一是一，二是二" are not.
ITEM = compiled(
    rf"(?:^|(?<=[。；：，！？”）》\d%]))(?P<num>{CN_ORDINAL})是(?!否|非(?:曲直|对错|分明|观)|(?P=num)[，,”])"
)
_ITEM_START = compiled(rf"^{CN_ORDINAL}是")
# "一　加强组织领导": a numeral, then a space or a tab, then the title, as typed.
_CN_NUMERAL_START = compiled(r"^[一二三四五六七八九十]")
_SPACED_MARKER = compiled(
    rf"^[ \u3000]*(?P<num>{CN_ORDINAL})[\t\u3000 ]+(?=\S)(?!是)(?![^\t]*(?:\t| |\u3000{{2}}))"
)
TITLE_END = compiled(r"[。：；！？]")

# Web-page leftovers.  A metadata/header line starts with one of these; a footer
# starts at the first short line in the second half of the page that has one.
META_START = compiled(r"^[•·●\s]*" + lexicon.alternation("chrome_line_starts"))
FOOTER_MARK = compiled(lexicon.alternation("footer_marks"))
# Marks no report sentence or heading uses; the others ("政府网站", "技术支持",
# "承办单位") open a footer only with another footer line close below.
_STRONG_FOOTER_MARK = compiled(lexicon.alternation("footer_marks_strong"))
METADATA_DATE = compiled(
    r"(生成日期|发布日期|成文日期|发布时间)：?\s*(\d{4}[-年./]\d{1,2}[-月./]\d{1,2})"
)

AFTER_SIGNATURE = compiled(
    r"^(?:（此件.{0,8}）|附件[：:\d1-9]|附件$|\d[.、].{0,80}$|抄送|抄报|.{0,30}印发$|（联系人|联系人：|"
    r"上一篇|下一篇|【\s*(?:打印|关闭|字体))"
)
# Also below a 落款: a page number ("— 4 —"), a contact line, an attached table's rows.
_PAGE_NUMBER = compiled(r"^[-—－–\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*/\s*\d{1,3})?[-—－–\s]*$")
_CONTACT = compiled(r"^（?(?:联系人|联系电话|联系方式|电话|传真|电子邮箱|邮箱|网址|地址|邮编)[：:]")
_CELL_GAP = compiled(r"\S(?:\t|[ \u3000]{2,}|\u3000)\S")
# Between the columns of a table typed as text: a tab or a run of spaces (a lone
# full-width space also sits inside headings: "（一）带头尊法学法　强化示范引领").
_COLUMN_GAP = compiled(r"\S(?:\t|[ \u3000]{2,})\S")
# An attachment's label on a line of its own ("附件", "附件1", "附表："): below a 落款,
# everything from it on is the attachment (a table, its title, its notes).
_ATTACHMENT_LABEL = compiled(r"^附[件表]\s*(?:\d{0,2}|[一二三四五六七八九十]{1,3})[：:]?$")
NEVER_BODY = compiled(r"^(?:抄送|抄报|.{0,30}印发$|上一篇|下一篇|【\s*(?:打印|关闭|字体))")
ATTACHMENT_START = compiled(r"^附件[：:]?\s*\d")
_LIST_ITEM = compiled(r"\d{1,2}[.、．]")
TITLE_WORDS = compiled(lexicon.alternation("title_subjects"))
# "…情况报告（2024年度）": a bracketed year may follow; "…工作总结及2025年工作计划".
TITLE_END_WORDS = compiled(lexicon.alternation("title_endings") + r"(?:（[^（）]{1,12}）)?$")
# The 版头 of a 公文 (GB/T 9704) above the title: "××人民政府文件", the 发文字号
# "望政〔2025〕5号" and, on a report sent upward, "签发人：张三".  Part of the
# document, neither page chrome nor the start of the text.
MASTHEAD = compiled(
    r"^(?:.{2,30}(?:政府|委员会|办公室|办事处|局|厅|委|办|党委|党工委|党组)文件|.{0,12}[〔［\[（(](?:19|20)\d{2}[〕］\]）)]\d{1,4}号(?:[\s\u3000]*签发人[：:].{1,12})?"
    r"|签发人[：:].{1,12})$"
)
# A line that can open a title broken over two or three lines: the issuing
# body ("…人民政府", "…人民政府县长"), "关于…" or "…关于", or a line already
# naming the year or the subject.
_POST = lexicon.alternation("leader_posts")
_TITLE_OPENING = compiled(
    rf"^关于|关于$|(?:19|20)\d{{2}}年|{lexicon.alternation('title_subjects')}|{_POST}$"
)
_TITLE_FRAGMENT = compiled(rf"^关于|关于$|(?:19|20)\d{{2}}年度?$|{_POST}$")
ORGAN = compiled(lexicon.alternation("organ_suffixes") + "$")
SENTENCE_PUNCT = compiled(r"[。，；：！？]")
LEADING_YEAR = compiled(r"^(?:关于)?.*?((?:19|20)\d{2})(?:年|年度)")
# Titles and bracketed asides: "…纲要（2021—2025年）》" names years that are not the report's.
QUOTED = compiled(r"《[^》]*》|（[^）]*）")
OPENING_YEAR = compiled(r"^((?:19|20)\d{2})年")

_LINE = compiled(r"[^\n]*")
_PARAGRAPH = compiled(r"[^\n]+")
_COMMA = compiled("[，,]")
_TRAILING_DATE = compiled(r"(?P<date>\d{4}[\d年月日号.\-/ ]{2,16})$")
_HAN_END = compiled(r"\p{Han}$")
_HAN_START = compiled(r"^\p{Han}")
_CLAUSE_MARK = compiled(r"[。；;]")
_OPENING_MARKS = tuple("“‘《（【〔［(")
# Openers and closers, half and full width counted together: "（…)" is closed.
_PAIRS = (("《", "》"), ("“", "”"), ("（(", "）)"))
_SENTENCE_END = tuple("。！？；：!?;:")
_CONTINUING_MARKS = tuple("，。、；：！？”’》）】〕］,;:)")
_NOTE_LINE = compiled(r"^(?:注|备注|说明|单位|数据来源|资料来源)[：:]")
# A line ending in a comma goes on, if it is a sentence's worth; a line below
# that starts with a label ("联系电话：") is a line of its own.
_COMMA_LINE_MIN = 10
_LABELLED = compiled(r"^(?!其中|即|包括|主要是|分别是|含)[^，。；]{1,10}[：:]")
_TABLE_ROW = compiled(r"\p{Han}[ \t\u3000]+\p{Han}+[ \t\u3000]+\p{Han}")


def parse(source: Source) -> Document:
    text = source.text
    joins = _broken_line_joins(text)
    view = NormalizedView.build(text, joins)
    paragraphs = [
        Paragraph(i, m.start(), m.end(), m.group())
        for i, m in enumerate(_PARAGRAPH.finditer(view.text))
    ]
    title_idx, header_end = _find_title(paragraphs)
    footer_start = _find_footer(paragraphs, header_end)
    paragraphs = _mark_chrome(paragraphs, title_idx, header_end, footer_start)
    chrome = _chrome_regions(paragraphs)

    content = [p for p in paragraphs[header_end:footer_start] if p.chrome is None]
    content = [p for p in content if p.index not in title_idx]

    def original(p: Paragraph) -> str:  # as typed: a table's cell gaps are not in the view
        return text[slice(*view.span(p.start, p.end))]

    signature, content = _find_signature(content, original)
    body_start = content[0].start if content else len(view.text)
    body_end = content[-1].end if content else body_start

    attachments = _attachment_list(content)
    numbered = {
        k: h
        for k, p in enumerate(content)
        if p.index not in attachments and (h := _heading(p)) is not None
    }
    if not any(h.level == 1 for h in numbered.values()):
        numbered = dict(sorted({**numbered, **_spaced_headings(content, original)}.items()))
    group_rows = _group_rows(content, numbered, original)
    headings = tuple(h for k, h in numbered.items() if k not in group_rows)
    sections = _sections(headings, body_end)
    items = tuple(
        Item(
            cn_to_int(m["num"]) or 0, p.index, p.start + m.start(), _title_from(p.text, m.end())[2]
        )
        for p in content
        for m in ITEM.finditer(p.text)
    )
    title = tuple(paragraphs[i] for i in title_idx)
    year, year_source = _report_year(title, content, signature)
    metadata = {m[1]: m[2] for p in paragraphs if p.chrome for m in METADATA_DATE.finditer(p.text)}
    return Document(
        source=source,
        view=view,
        paragraphs=tuple(paragraphs),
        title=title,
        headings=headings,
        sections=sections,
        items=items,
        signature=signature,
        body=(body_start, body_end),
        chrome=chrome,
        joins=tuple(joins),
        report_year=year,
        year_source=year_source,
        metadata=metadata,
    )


def _broken_line_joins(text: str) -> list[Span]:
    """Line breaks (with any blank lines) that cut a sentence in two.

    A break is taken for a wrap when the line before ends in a Chinese
    character and is running prose (it has a sentence mark, or is long and has
    commas), and the next line goes on with a Chinese character rather than a
    new ordinal, date or signature.
    """
    joins = []
    lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    # The text since the last break that was not joined: a fragment in the
    # middle of a sentence broken over many lines is prose because the
    # sentence is, so the whole chain is joined in one pass.
    run = ""
    # After a line ending in a colon, until a line ends a sentence: items set out
    # one a line ("坚持普法与执法相结合，" / "坚持线上与线下相结合，") stay lines.
    listing = False
    for (_, a_end, a), (b_start, _, b) in pairwise(lines):
        a_text, b_text = a.strip(), b.strip()
        if a_text.endswith(("：", ":")):
            listing = True
        elif not a_text.endswith(("，", "、", ",")):
            listing = False
        if _page_number(a_text) or _page_number(b_text):
            run = ""  # "— 3 —" of a text copied from a PDF is glued to nothing
            continue
        run += a_text
        # A heading ("一、推行“首违不罚") ends where it ends, even with a mark left
        # open; an item "一是…" is a sentence and may be wrapped.
        a_heading = (
            ANY_ORDINAL_START.match(a_text) and not _ITEM_START.match(a_text) and "。" not in a_text
        )
        if (
            not a_heading
            and not _new_line(b_text)
            and (
                a_text.endswith(_OPENING_MARKS)
                or b_text.startswith(_CONTINUING_MARKS)
                # no paragraph ends in a comma: "…相结合，" / "实现执法效果…"
                or (
                    a_text.endswith(("，", "、", ","))
                    # not the items of a list set out line by line after a colon,
                    # a short slogan or salutation line ("强基础，" / "提能力"), a
                    # table's cells, a 抄送 line, or a labelled line below
                    # ("联系电话：…", "邮编：…", "县委依法治县办：")
                    and not (listing and a_text[:1] == b_text[:1])
                    and len(a_text) >= _COMMA_LINE_MIN
                    and "\t" not in a + b
                    and _HAN_START.search(b_text) is not None
                    and not (META_START.match(b_text) or _TABLE_ROW.search(b_text))
                    and not (NEVER_BODY.match(a_text) or _LABELLED.match(b_text))
                )
                or (_unclosed(run) and not a_text.endswith(_SENTENCE_END))
            )
        ):
            # "制定《" / "…工作要点》", or "《中" / "华人民共和国…》": no line ends in an
            # opening mark or starts with a closing one, and a title or quote left
            # open goes on, whatever else the lines look like.
            joins.append(_join_span(a_end, a, b_start, b))
            continue
        if not (_HAN_END.search(a_text) and _HAN_START.search(b_text)):
            run = ""
            continue
        prose = _CLAUSE_MARK.search(run) or (len(run) >= 60 and _COMMA.search(run))
        # A heading ("（一）健全制度；完善机制") or a note/table line ends where it ends.
        if (
            not prose
            or a_heading
            or _NOTE_LINE.match(a_text)
            or _TABLE_ROW.search(b_text)
            or ANY_ORDINAL_START.match(b_text)
            or (ORGAN.search(b_text) and len(b_text) < 30)
        ):
            run = ""
            continue
        if DATE_LINE.match(b_text) or META_START.match(b_text) or FOOTER_MARK.search(b_text):
            run = ""
            continue
        joins.append(_join_span(a_end, a, b_start, b))
    return joins


def _page_number(line: str) -> bool:
    return len(line) <= 16 and _PAGE_NUMBER.match(line) is not None


def _unclosed(run: str) -> bool:
    return any(sum(map(run.count, opens)) > sum(map(run.count, closes)) for opens, closes in _PAIRS)


def _new_line(text: str) -> bool:
    """A line that starts something of its own: a heading, a date, an issuer."""
    return bool(
        ANY_ORDINAL_START.match(text)
        or DATE_LINE.match(text)
        or (ORGAN.search(text) and len(text) < 30)
    )


def _join_span(a_end: int, a: str, b_start: int, b: str) -> Span:
    """From the end of line a's text to the start of line b's (spaces and blank lines between)."""
    return Span(a_end - (len(a) - len(a.rstrip())), b_start + (len(b) - len(b.lstrip())))


def _attachment_list(content: list[Paragraph]) -> set[int]:
    """Paragraphs of an attachment note ("附件：1.…" then "2.…"): a list, not headings."""
    found: set[int] = set()
    in_list = False
    for p in content:
        if ATTACHMENT_START.match(p.text):
            in_list = True
            found.add(p.index)
        elif in_list and _LIST_ITEM.match(p.text):
            found.add(p.index)
        else:
            in_list = False
    return found


def _is_title(p: Paragraph) -> bool:
    return _is_title_text(p.text)


def _is_title_text(t: str, longest: int = 60) -> bool:
    return (
        len(t) <= longest
        and "。" not in t
        and TITLE_WORDS.search(t) is not None
        and TITLE_END_WORDS.search(t) is not None
        and not ANY_ORDINAL_START.match(t)
        and not META_START.match(t)
    )


def _title_line(t: str) -> bool:
    """A line that may be one of several a title is set over."""
    return (
        len(t) <= 40
        and not DATE_LINE.match(t)
        and not SENTENCE_PUNCT.search(t)
        and not META_START.match(t)
        and not ANY_ORDINAL_START.match(t)
        and not MASTHEAD.match(t)
    )


def _find_title(paragraphs: list[Paragraph]) -> tuple[tuple[int, ...], int]:
    """The title's paragraph indices, and where the header region ends.

    Everything above the title is page header (site name, breadcrumbs) or
    the 公文's masthead.  A title may be set over up to three lines, the
    issuing bodies first ("中共××镇委员会" / "××镇人民政府" / "关于…的报告").
    """
    for p in paragraphs[:8]:
        if MASTHEAD.match(p.text):
            continue
        if SENTENCE_PUNCT.search(p.text) and not META_START.match(p.text):
            break  # the report has started and no title came first
        lines = [p]
        for q in paragraphs[p.index + 1 : p.index + 3]:
            last = lines[-1].text
            # Above a line that is a title on its own, only an issuer or a fragment
            # that cannot end a line of its own ("关于…", "…2024年") belongs to it;
            # a column name "法治政府建设" or a date is page header.
            opens = ORGAN.search(last) or (
                _TITLE_FRAGMENT if _is_title(q) else _TITLE_OPENING
            ).search(last)
            if not (opens and _title_line(last) and _title_line(q.text)):
                break
            lines.append(q)
            if _is_title_text("".join(line.text for line in lines), longest=80):
                return tuple(line.index for line in lines), q.index + 1
        if _is_title(p):
            return (p.index,), p.index + 1
    # No title: only lines that look like page header are header.
    end = 0
    while end < len(paragraphs) and META_START.match(paragraphs[end].text):
        end += 1
    return (), end


def _find_footer(paragraphs: list[Paragraph], header_end: int) -> int:
    half = max(header_end, len(paragraphs) // 2)
    dated = False  # a date line (the 落款's) came before: what follows is not the report
    for p in paragraphs[half:]:
        if not _footer_line(p.text):
            # ... unless an attachment follows it, whose table may name 政府网站.
            dated = (dated or bool(DATE_LINE.match(p.text))) and not (
                _ATTACHMENT_LABEL.match(p.text) or ATTACHMENT_START.match(p.text)
            )
            continue
        below = paragraphs[p.index + 1 : p.index + 4]
        # "加强政府网站和政务新媒体建设" is a heading of the report, alone in the body.
        if (
            dated
            or _STRONG_FOOTER_MARK.search(p.text)
            or any(_footer_line(q.text) or _CONTACT.match(q.text) for q in below)
        ):
            return p.index
    return len(paragraphs)


def _footer_line(text: str) -> bool:
    # "（二）加强政府网站建设" is a heading of the report, not a footer.
    # "明确承办单位和完成时限。" is a sentence of the report: footers are not sentences.
    return (
        len(text) <= 60
        and FOOTER_MARK.search(text) is not None
        and not ANY_ORDINAL_START.match(text)
        and not text.endswith(("。", "；", "！", "？"))
    )


def _mark_chrome(
    paragraphs: list[Paragraph], title: tuple[int, ...], header_end: int, footer_start: int
) -> list[Paragraph]:
    masthead = _masthead(paragraphs, title, header_end, footer_start)
    marked = []
    for p in paragraphs:
        kind = None
        if p.index >= footer_start:
            kind = "footer"
        elif _metadata_line(p.text):
            kind = "metadata"
        elif p.index < header_end and p.index not in title and p.index not in masthead:
            kind = "header"
        marked.append(p if kind is None else Paragraph(p.index, p.start, p.end, p.text, kind))
    return marked


def _masthead(
    paragraphs: list[Paragraph], title: tuple[int, ...], header_end: int, footer_start: int
) -> set[int]:
    """The 版头 lines above the title: MASTHEAD lines and the organ lines right above
    one ("中共白岩县委员会" over "白岩县人民政府文件"; "白岩县人民政府" over a
    letter's "白政函〔2025〕6号") that name an issuer of the report, as its title or
    its 落款 does: a site's name above them is page header."""
    header = paragraphs[:header_end]
    found = {p.index for p in header if MASTHEAD.match(p.text)}
    if not found:
        return found
    issuers = "".join(p.text for p in paragraphs if p.index in title) + "".join(
        p.text for p in paragraphs[max(0, footer_start - 6) : footer_start]
    )
    for p in reversed(header):
        if p.index + 1 in found and _is_organ_line(p.text) and p.text in issuers:
            found.add(p.index)
    return found


def _metadata_line(text: str) -> bool:
    # "信息来源渠道单一、培训针对性不强。" is a sentence of the report: a page's
    # information bar is labels and values, never a full stop.
    return len(text) <= 80 and "。" not in text and META_START.match(text) is not None


def _chrome_regions(paragraphs: list[Paragraph]) -> tuple[ChromeRegion, ...]:
    regions: list[ChromeRegion] = []
    for p in paragraphs:
        if p.chrome is None:
            continue
        kind = "footer" if p.chrome == "footer" else "header"
        last = regions[-1] if regions else None
        if last and last.kind == kind and last.last == p.index - 1:
            regions[-1] = ChromeRegion(kind, last.first, p.index)
        else:
            regions.append(ChromeRegion(kind, p.index, p.index))
    return tuple(regions)


def _is_organ_line(text: str) -> bool:
    return len(text) <= 40 and not SENTENCE_PUNCT.search(text) and ORGAN.search(text) is not None


def _find_signature(
    content: list[Paragraph], original: Callable[[Paragraph], str]
) -> tuple[Signature | None, list[Paragraph]]:
    """Take the 落款 off the end of the report proper, if there is one.

    `original` gives a paragraph as typed: a table's cell gaps are not in the view."""
    # Attachments after the 落款 each open with a label ("附件1", "附件2"): the
    # 落款 is above the first label that has one above it.
    for label in (k for k, p in enumerate(content) if _ATTACHMENT_LABEL.match(p.text)):
        signature, rest = _signature_above(content[:label], original)
        if signature is not None:
            return signature, rest
    return _signature_above(content, original)


def _signature_above(
    content: list[Paragraph], original: Callable[[Paragraph], str]
) -> tuple[Signature | None, list[Paragraph]]:
    # What may follow the 落款 (GB/T 9704 附注 "（此件公开发布）", attachments,
    # the 版记 with 抄送/印发, a contact line, page navigation) is set aside.
    trailing: list[Paragraph] = []
    while content and _may_follow_signature(content[-1].text, original(content[-1])):
        trailing.insert(0, content[-1])
        content = content[:-1]
    signature, rest = _signature_at_end(content)
    if signature is None:
        # Nothing signed: "3、…" or "附件…" lines were the report's own last
        # paragraphs; only page navigation and the 版记 stay set aside.
        rest = content + [p for p in trailing if not NEVER_BODY.match(p.text)]
    return signature, rest


def _may_follow_signature(text: str, typed: str) -> bool:
    return bool(
        AFTER_SIGNATURE.match(text)
        or _PAGE_NUMBER.match(text)
        or _CONTACT.match(text)
        or (
            # a table row, but not the 落款 itself ("××镇人民政府　2025年1月20日",
            # a date alone); a header ending in year columns ("序号　指标　2023年
            # 2024年") is a row
            "。" not in text
            and _CELL_GAP.search(typed)
            and not ORGAN.search(text)
            and _one_line_signature(text) is None
            and not DATE_LINE.match(text)
            and not _TRAILING_DATE.fullmatch(text)  # "2025年1月  20日": a stray gap
        )
    )


def _one_line_signature(text: str) -> regex.Match[str] | None:
    """The date of a 落款 on one line ("某某镇人民政府 2024年1月17日"), else None."""
    m = _TRAILING_DATE.search(text)
    return m if m is not None and _is_organ_line(text[: m.start()].strip()) else None


def _signature_at_end(content: list[Paragraph]) -> tuple[Signature | None, list[Paragraph]]:
    if not content:
        return None, content
    last = content[-1]
    if DATE_LINE.match(last.text):
        issuer = content[-2] if len(content) > 1 and _is_organ_line(content[-2].text) else None
        cut = 2 if issuer else 1
        return Signature(issuer, last, read_date(last.text)), content[:-cut]
    # Issuer and date on one line: "某某镇人民政府 2024年1月17日".
    if (m := _one_line_signature(last.text)) is not None:
        return Signature(last, last, read_date(m["date"])), content[:-1]
    if _is_organ_line(last.text) and not ANY_ORDINAL_START.match(last.text):
        return Signature(last, None, None), content[:-1]
    return None, content


def _title_from(text: str, at: int) -> tuple[int, int, str]:
    m = TITLE_END.search(text, at)
    end = m.start() if m else len(text)
    return at, end, text[at:end]


def _group_rows(
    content: list[Paragraph], numbered: dict[int, Heading], original: Callable[[Paragraph], str]
) -> set[int]:
    """Of the numbered lines (places in content), those between two rows of a table:
    group rows ("一、市容管理" over its rows, which a Word or web table gives as a
    line of one cell), no headings.  A table's group rows number from one; a
    heading of the report that sits between two tables goes on the report's
    numbering ("（三）…") and stays a heading."""
    rows: dict[int, bool] = {}

    def row(k: int) -> bool:  # looked at only around numbered lines: tables are rare
        if k not in rows:
            p = content[k]
            rows[k] = "。" not in p.text and _COLUMN_GAP.search(original(p)) is not None
        return rows[k]

    found: set[int] = set()
    last: int | None = None  # the last candidate's place
    numbered_from_one = False
    for k, heading in numbered.items():
        if not 0 < k < len(content) - 1 or row(k) or not (row(k - 1) and row(k + 1)):
            continue
        # Only rows between the last candidate and this one: the same table.
        if last is None or not all(row(j) for j in range(last + 1, k)):
            numbered_from_one = heading.ordinal == 1  # a table of its own
        last = k
        if numbered_from_one:
            found.add(k)
    return found


def _heading(p: Paragraph) -> Heading | None:
    if not _HEADING_START.match(p.text):
        return None
    for level, pattern in HEADING_PATTERNS:
        if m := pattern.match(p.text):
            num = m["num"]
            ordinal = int(num) if num.isdigit() else cn_to_int(num) or 0
            start, end, title = _title_from(p.text, m.end())
            return Heading(
                level, ordinal, m.group(), p.index, p.start, p.start + start, p.start + end, title
            )
    return None


def _spaced_headings(
    content: list[Paragraph], original: Callable[[Paragraph], str]
) -> dict[int, Heading]:
    """Chapter headings typed with a space or tab after the numeral instead of "、"
    ("一　加强组织领导", or Word's list number and a tab), in a report that has no
    "一、" chapters: the view has folded the space away, the text as typed still
    shows it.  Only a run numbered 一, 二, 三… of two or more, none next to a
    table's row, is taken: a numbered list or a table is no chapter structure."""
    found: dict[int, Heading] = {}
    for k, p in enumerate(content):
        if not _CN_NUMERAL_START.match(p.text) or len(p.text) > 40 or SENTENCE_PUNCT.search(p.text):
            continue
        m = _SPACED_MARKER.match(original(p))
        if m is None or any(
            _COLUMN_GAP.search(original(content[j]))
            for j in (k - 1, k + 1)
            if 0 <= j < len(content)
        ):
            continue
        ordinal = cn_to_int(m["num"]) or 0
        if ordinal != len(found) + 1:
            continue  # out of sequence: no chapter
        start, end, title = _title_from(p.text, len(m["num"]))
        found[k] = Heading(
            1, ordinal, m["num"], p.index, p.start, p.start + start, p.start + end, title
        )
    return found if len(found) >= 2 else {}


def _sections(headings: tuple[Heading, ...], body_end: int) -> tuple[Section, ...]:
    sections = []
    stack: list[int] = []  # open sections, outermost first
    for i, h in enumerate(headings):
        end = next((later.start for later in headings[i + 1 :] if later.level <= h.level), body_end)
        while stack and headings[stack[-1]].level >= h.level:
            stack.pop()
        sections.append(Section(h, h.start, end, stack[-1] if stack else None))
        stack.append(i)
    return tuple(sections)


def _report_year(
    title: tuple[Paragraph, ...], content: list[Paragraph], signature: Signature | None
) -> tuple[int | None, str | None]:
    for p in title:
        # "…纲要（2021—2025年）》2023年度情况报告": the quoted plan's years are not the report's.
        if m := LEADING_YEAR.match(QUOTED.sub("", p.text)):
            return int(m[1]), "title"
    for p in content[:3]:
        if m := OPENING_YEAR.match(p.text):
            return int(m[1]), "opening"
    if signature and signature.date:
        best = signature.date.date or next(iter(signature.date.candidates), None)
        # A report signed in year 1 or 9999 says nothing about its year.
        if best and 2000 < best.year <= 2100:
            return best.year - 1, "signature"
    return None, None
