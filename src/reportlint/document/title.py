"""The report's title among the first lines, and the 公文 masthead above it."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from reportlint import lexicon
from reportlint.document.dates import DATE_LINE
from reportlint.document.model import (
    Paragraph,
)
from reportlint.document.regexes import compiled
from reportlint.document.shapes import (
    ANY_ORDINAL_START,
    ORGAN,
    SENTENCE_PUNCT,
    chrome_shape,
    is_organ_line,
)

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


def is_title(p: Paragraph) -> bool:
    # A page may print its title in a table's cell: "| ××2025年度…报告 |".
    return is_title_text(p.text.strip("|｜ "))


def is_title_text(t: str, longest: int = 60) -> bool:
    return (
        len(t) <= longest
        and "。" not in t
        and TITLE_WORDS.search(t) is not None
        and TITLE_END_WORDS.search(t) is not None
        and not ANY_ORDINAL_START.match(t)
        and chrome_shape(t) is None
    )


def _title_line(t: str) -> bool:
    """A line that may be one of several a title is set over."""
    return (
        len(t) <= 40
        and not DATE_LINE.match(t)
        and not SENTENCE_PUNCT.search(t)
        and chrome_shape(t) is None
        and not ANY_ORDINAL_START.match(t)
        and not MASTHEAD.match(t)
    )


class TitleReading(NamedTuple):
    lines: tuple[int, ...]  # paragraph indices of the title (it may be set over several lines)
    copies: tuple[
        int, ...
    ]  # the same title printed again above it (a page's title, then the article's)


def report_start(
    paragraphs: list[Paragraph], shape_of: Callable[[Paragraph], str | None]
) -> tuple[int, dict[int, str]]:
    """Index of the first paragraph of the report proper: the first that is not
    page chrome and is a sentence, a heading or a salutation ("某某县人民政府：").
    Above it are the page's header, the masthead and the title.  Also the
    chrome shape of each line above it (`shape_of`, asked only here)."""
    shapes: dict[int, str] = {}
    for p in paragraphs:
        if shape := shape_of(p):
            shapes[p.index] = shape
            continue
        if MASTHEAD.match(p.text):
            continue
        if SENTENCE_PUNCT.search(p.text) or ANY_ORDINAL_START.match(p.text) or len(p.text) > 80:
            return p.index, shapes
    return len(paragraphs), shapes


def find_title(
    paragraphs: list[Paragraph], shapes: dict[int, str], start: int
) -> TitleReading | None:
    """The report's title above where the report starts, past any page chrome.

    A title may be set over up to three lines, the issuing bodies first
    ("中共××镇委员会" / "××镇人民政府" / "关于…的报告").  A page often prints
    the title twice (its own heading, then the article's): the last copy is
    the report's, the earlier ones are copies.
    """
    found: list[tuple[int, ...]] = []
    for p in paragraphs[: min(start, _TITLE_SCAN)]:
        if p.index in shapes or MASTHEAD.match(p.text) or (found and p.index <= found[-1][-1]):
            continue
        lines = _title_at(paragraphs, p, start)
        if lines:
            found.append(lines)
    if not found:
        return None
    text = _title_text(paragraphs, found[-1])
    copies = [
        i
        for lines in found[:-1]
        if _same_title(_title_text(paragraphs, lines), text)
        for i in lines
    ]
    if not copies:
        found = found[:1]  # two different titles: the first is the report's
    return TitleReading(found[-1], tuple(copies))


def find_cover_letter(paragraphs: list[Paragraph]) -> TitleReading | None:
    """The title of a report sent with its cover letter: "××人民政府：" / "现将
    《…报告》报上，请审阅。" / the letter's issuer and date / "附件" / the report's
    title.  Everything above that title is the letter (not the report, not page
    chrome)."""
    dated = False
    for p in paragraphs[:_TITLE_SCAN]:
        if DATE_LINE.match(p.text):
            dated = True
        elif dated and _ATTACHMENT.match(p.text):
            below = paragraphs[p.index + 1 : p.index + 3]
            for q in below:
                if lines := _title_at(paragraphs, q, len(paragraphs)):
                    return TitleReading(lines, ())
            return None
    return None


_ATTACHMENT = compiled(r"^附件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?[：:]?$")


# Past this many paragraphs from the top, no title is looked for: a page's
# header rarely runs longer (a navigation menu, an information bar of 12 lines).
_TITLE_SCAN = 40


# A title that opens with its own issuer ("应急管理部2019年…报告"): an organ line
# above it is a site's column ("新闻中心"), unless it is the Party side of a
# joint report ("中共××县委员会" over "××县人民政府关于…").
# What may still follow a line that is a title on its own: a short tail with
# neither a year nor an issuer ("报告", "（2024年度）" is part of the line).
_TAIL = compiled(r"^[^\d]{1,6}$")
_OWN_ISSUER = compiled(r"^(?!关于|(?:19|20)\d{2})\p{Han}{2,30}?(?:19|20)\d{2}年")
_PARTY_ORGAN = compiled(r"^中共|(?:党委|党工委|党组|委员会)$")


def _title_at(paragraphs: list[Paragraph], p: Paragraph, start: int) -> tuple[int, ...]:
    """The title's lines if one starts at p, else ()."""
    lines = [p]
    for q in paragraphs[p.index + 1 : min(p.index + 3, start)]:
        last = lines[-1].text
        if len(lines) == 1 and is_title(p) and not _TAIL.match(q.text):
            break  # a whole title, then another line: its copy, or the report
        # Above a line that is a title on its own, only an issuer or a fragment
        # that cannot end a line of its own ("关于…", "…2024年") belongs to it;
        # a column name "法治政府建设" or a date is page header.
        whole = is_title(q)
        own = whole and _OWN_ISSUER.match(q.text) and not _PARTY_ORGAN.search(last)
        opens = (ORGAN.search(last) and not own) or (
            _TITLE_FRAGMENT if whole else _TITLE_OPENING
        ).search(last)
        if not (opens and _title_line(last) and _title_line(q.text)):
            break
        lines.append(q)
        if is_title_text("".join(line.text for line in lines), longest=80):
            return tuple(line.index for line in lines)
    return (p.index,) if is_title(p) else ()


def _title_text(paragraphs: list[Paragraph], lines: tuple[int, ...]) -> str:
    return "".join(paragraphs[i].text for i in lines)


_NOT_COMPARED = compiled(r"[\s|｜关于的度]")


def _same_title(a: str, b: str) -> bool:
    """Two prints of one title: the same words but for spaces, 关于/的/年度 and a
    table cell's bars ("| ××2025年度…报告 |" and "××关于2025年…的报告")."""
    a, b = _NOT_COMPARED.sub("", a), _NOT_COMPARED.sub("", b)
    return a == b or (min(len(a), len(b)) >= 8 and (a in b or b in a))


def find_masthead(
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
        if p.index + 1 in found and is_organ_line(p.text) and p.text in issuers:
            found.add(p.index)
    return found


def names_report_subject(text: str) -> bool:
    """Whether text names what these reports are about (法治, 依法行政…)."""
    return TITLE_WORDS.search(text) is not None
