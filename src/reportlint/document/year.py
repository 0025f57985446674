"""The year a report covers, from the first of: its title (or, for a title that
sends a report up, "关于报送《…2023年度…报告》的报告", the sent report's title);
an opening sentence that starts with the year ("2024年，…"); a sentence near the
top that names the year's report ("现将2024年度法治政府建设情况报告如下"); an
opening sentence that starts "2024年以来"; the first chapter heading that names
a year ("一、2024年主要工作"); its 落款 date minus one.
"""

from __future__ import annotations

from reportlint import lexicon
from reportlint.document.model import Heading, Paragraph, Signature
from reportlint.document.regexes import compiled
from reportlint.document.shapes import QUOTED

LEADING_YEAR = compiled(r"^(?:关于)?.*?((?:19|20)\d{2})(?:年|年度)")

# "2024年，…" opening the report, or opening a sentence of its first paragraph
# ("法治是…的基石。2022年，在市委…"); not "2024年以来", "2021—2025年".
OPENING_YEAR = compiled(r"(?:^|(?<=。))((?:19|20)\d{2})年度?(?:，|(?=[^以起至到—－\-–~]))")
# "现将市人社局2022年法治政府建设情况报告如下", "认真梳理总结2025年度法治政府建设情况".
STATED_YEAR = compiled(
    rf"((?:19|20)\d{{2}})年度?[^，。；：]{{0,8}}?{lexicon.alternation('title_subjects')}"
    r"[^，。；：]{0,12}?(?:情况|工作)"
)
# "2024年以来，县自然资源局…": the period the report covers began with its year
# (23 of 23 annotated real openings so written name the report's own year).
SINCE_YEAR = compiled(r"(?:^|(?<=。))((?:19|20)\d{2})年度?以来")
# "关于报送《某区财政局2023年度法治政府建设情况报告》的报告": the report it sends.
SENT_TITLE = compiled(rf"^关于{lexicon.alternation('sending_verbs')}《([^》]+)》")
# Quoted names and asides ("“2021年法治甘肃建设群众满意度调查”") date something else.
_UNQUOTED = compiled(r"《[^》]*》|（[^）]*）|“[^”]*”")
# How far down the opening is looked for: the first paragraphs.
_OPENING_PARAGRAPHS = 3


def report_year(
    title: tuple[Paragraph, ...],
    content: list[Paragraph],
    headings: tuple[Heading, ...],
    signature: Signature | None,
) -> tuple[int | None, str | None]:
    for p in title:
        # "…纲要（2021—2025年）》2023年度情况报告": the quoted plan's years are not the report's.
        if m := LEADING_YEAR.match(QUOTED.sub("", p.text)):
            return int(m[1]), "title"
        if (sent := SENT_TITLE.match(p.text)) and (m := LEADING_YEAR.match(sent[1])):
            return int(m[1]), "title"
    opening = [_UNQUOTED.sub("", p.text) for p in content[:_OPENING_PARAGRAPHS]]
    for pattern in (OPENING_YEAR, STATED_YEAR, SINCE_YEAR):
        for text in opening:
            if m := pattern.search(text):
                return int(m[1]), "opening"
    chapters = [h for h in headings if h.level <= 1]
    if chapters and (m := LEADING_YEAR.match(QUOTED.sub("", chapters[0].title))):
        return int(m[1]), "heading"
    if signature and signature.date:
        best = signature.date.date or next(iter(signature.date.candidates), None)
        # A report signed in year 1 or 9999 says nothing about its year.
        if best and 2000 < best.year <= 2100:
            return best.year - 1, "signature"
    return None, None
