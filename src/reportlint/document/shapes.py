"""What a line looks like: the shapes several parse steps test.

An ordinal at the start (a heading or item marker), an organ's name at the
end, a web page's label, a footer's words, sentence punctuation, text in
《》 or （）.  Word lists come from the lexicon (rules/lexicon.yaml).
"""

from __future__ import annotations

from reportlint import lexicon
from reportlint.document.regexes import compiled

CN_ORDINAL = "[一二三四五六七八九十]{1,3}"

# "一、二季度", "三、四月份", "一、二审", "三、四级网格员", "一、二等奖": two
# numerals of a span or a pair, not a heading marker.
NOT_A_MARKER = r"(?![一二三四五六七八九十]+(?:季度|月|年级|批次|期|审|级|等奖|类))"

ANY_ORDINAL_START = compiled(
    rf"^(?:{CN_ORDINAL}(?:、{NOT_A_MARKER}|是)|（{CN_ORDINAL}）|\d{{1,2}}[.、．](?!\d)|（\d{{1,2}}）"
    rf"|第{CN_ORDINAL}(?:部分|章)(?![是的中里内])(?![^\n]*。))"
)

# Web-page leftovers.  A metadata/header line starts with one of these; a footer
# starts at the first short line in the second half of the page that has one.
META_START = compiled(r"^[•·●\s]*" + lexicon.alternation("chrome_line_starts"))

FOOTER_MARK = compiled(lexicon.alternation("footer_marks"))

ORGAN = compiled(lexicon.alternation("organ_suffixes") + "$")

SENTENCE_PUNCT = compiled(r"[。，；：！？]")

# Titles and bracketed asides: "…纲要（2021—2025年）》" names years that are not the report's.
QUOTED = compiled(r"《[^》]*》|（[^）]*）")

NEVER_BODY = compiled(r"^(?:抄送|抄报|.{0,30}印发$|上一篇|下一篇|【\s*(?:打印|关闭|字体))")

# Also below a 落款: a page number ("— 4 —"), a contact line, an attached table's rows.
PAGE_NUMBER = compiled(r"^[-—－–\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*/\s*\d{1,3})?[-—－–\s]*$")


def page_number(line: str) -> bool:
    return len(line) <= 16 and PAGE_NUMBER.match(line) is not None


def is_organ_line(text: str) -> bool:
    return len(text) <= 40 and not SENTENCE_PUNCT.search(text) and ORGAN.search(text) is not None


def names_organ(text: str) -> bool:
    """Whether text ends in an organ's name ("…人民政府", "…司法局", "…党工委")."""
    return ORGAN.search(text) is not None


def without_quoted(text: str, keep_offsets: bool = False) -> str:
    """text less what stands in 《》 or （）: a cited title's or an aside's years
    and words are not the sentence's own.  With keep_offsets, the quoted text is
    blanked with full-width spaces instead, so offsets stay valid."""
    if keep_offsets:
        blanked: str = QUOTED.sub(lambda m: "\u3000" * len(m.group()), text)
        return blanked
    removed: str = QUOTED.sub("", text)
    return removed
