"""What a line looks like: the shapes several parse steps test.

An ordinal at the start (a heading or item marker), an organ's name at the
end, a web page's label, a footer's words, sentence punctuation, text in
《》 or （）.  Word lists come from the lexicon (rules/lexicon.yaml).
"""

from __future__ import annotations

import regex

from reportlint import lexicon
from reportlint.document.normalize import fold_width, to_simplified
from reportlint.document.regexes import compiled

CN_ORDINAL = "[一二三四五六七八九十]{1,3}"

# "一、二季度", "三、四月份", "一、二审", "三、四级网格员", "一、二等奖": two
# numerals of a span or a pair, not a heading marker.
NOT_A_MARKER = r"(?![一二三四五六七八九十]+(?:季度|月|年级|批次|期|审|级|等奖|类))"

ANY_ORDINAL_START = compiled(
    rf"^(?:{CN_ORDINAL}(?:、{NOT_A_MARKER}|是)|（{CN_ORDINAL}）|\d{{1,2}}[.、．](?!\d)|（\d{{1,2}}）"
    rf"|第{CN_ORDINAL}(?:部分|章)(?![是的中里内])(?![^\n]*。))"
)

# Web-page chrome, line by line (see chrome_shape).
_LABEL = lexicon.alternation("chrome_labels")
# A label as an information bar writes it: "标签：", "标签 :", "[ 标签 ]", "标签：|".
# The view has dropped the space between two labelled values ("留下街道点击率："),
# so a label is not required to follow a space; leftmost matching reads
# "发布时间：" as one label, not 时间.
_LABELLED = compiled(rf"[\[【]?\s*{_LABEL}(?:/{_LABEL})*\s*(?:[：:]|[\]】])")
# A publication line may open with its date and time: "2019-09-06 15:46 来源：…".
_DATED_START = compiled(
    r"^(?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_LABEL_START = compiled(
    rf"^[-•·●*\s|]*[\[【]?\s*{_LABEL}(?:/{_LABEL})*\s*(?:[：:]|[\]】])\s*\|?\s*"
)
_BREADCRUMB = compiled(rf"^[•·●\s]*{lexicon.alternation('chrome_breadcrumbs')}")
_CRUMB_SEPARATOR = compiled(r"\s*(?:>>|>|＞|»|›|&gt;)\s*")
_WIDGETS = compiled(lexicon.alternation("chrome_widgets"))
_WIDGET_FILLER = compiled(r"[\s|｜/【】\[\]：:，,.。…·•()（）\-]+")
_DATE_BANNER = compiled(lexicon.alternation("chrome_date_banners"))
# A publication date and time standing alone ("• 2026-01-29 09:57"): a bullet,
# a time or a web form of the date; "2025年1月20日" alone may be the report's own.
_PUBLISHED_AT = compiled(
    r"^(?:[•·●\-]\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:19|20)\d{2}(?:[-/.]\d{1,2}){2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}(?::\d{2})?)$"
)
_DATE = compiled(r"(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2})")
# A value an information bar gives: empty, a date or time, a count, an index
# number, or a short name ("某某县司法局", "本站"); not a sentence.
_META_VALUE = compiled(r"^[^。，；！？]{0,40}$")
_FILE_NAME = compiled(r"\.(?:docx?|wps|pdf|txt|xlsx?)$", regex.IGNORECASE)
_NO_WORDS = compiled(r"^[^\p{Han}\p{Latin}\d]{1,12}$")
_SITE_NAME = lexicon.alternation("doc_site_marks")
_SITE_NAMES = compiled(rf"{_SITE_NAME}(?:[,，、\s]+{_SITE_NAME})*")
_WEB_ADDRESS = compiled(r"(?:https?://|www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+", regex.IGNORECASE)
# "青岚新闻网 1月27日电 据…具体内容如下：" and "《…报告》是2025年…发布的工作报告。"
_DATELINE = compiled(r"^\S{2,16}\s*\d{1,2}月\d{1,2}日电")
_WRAPPER = compiled(r"^《[^》]{6,80}(?:报告|情况|总结)》是[^。]{0,40}?(?:发布|印发|公布|公开)的")
# A document site's watermark: its name and address ("公文汇 www.gongwenhui.com").
_SITE_MARK = compiled(
    r"^\S{0,12}\s*(?:https?://)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+/?$", regex.IGNORECASE
)


_LABEL_TOKEN = compiled(rf"(?:^|(?<=\s)){_LABEL}(?=\s|$)")
# "索 引 号", "点 击 量": a label set with a space between its characters.
_LETTER_SPACED = compiled(
    r"(?<!\p{Han}|[A-Za-z0-9])\p{Han}(?: \p{Han}){1,4}(?!\p{Han}|[A-Za-z0-9])"
)


def shape_text(folded: str) -> str:
    """A line folded as the view folds it (simplified, ASCII digits and letters)
    but with its spaces, made ready for chrome_shape: letter-spaced labels closed
    up, the spaces between fields kept ("索引号 640302027/2024-00001 文号 …")."""
    text = folded.strip()
    if " " not in text and "\u3000" not in text:
        return text
    closed: str = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)
    return closed


def chrome_shape(text: str) -> str | None:
    """What kind of web-page chrome a line is by its own shape, or None.

    "labels": an information bar of label:value pairs (two or more labels, or
    one in brackets: strong anywhere); "label": one label with a short value
    ("来源：本站", "发布时间："), chrome only above the report or below it;
    "breadcrumb": 当前位置…, 首页 > 栏目 > 栏目; "widget": nothing but a site's
    controls (打印 关闭, 语音播报, 大 中 小) or marks ("| | |"); "banner": a dated
    banner with the weekday (今天是…星期三); "file": a file name a document site
    shows; "site": a document site's watermark (its name and www address);
    "repost": a news site's dateline lead or a mirror's sentence around the
    title, the one kind of chrome that is a sentence.
    Checked on the normalized view, so letter-spaced and traditional labels
    ("索 引 号", "發布時間") read as their plain forms.
    """
    if "。" in text:
        # A news repost's dateline lead, or a mirror's sentence around the title:
        # sentences, but the site's, not the report's (above the report only).
        return "repost" if _DATELINE.match(text) or _WRAPPER.match(text) else None
    if len(text) > 240:
        return None
    labels = _LABELLED.findall(text)
    bracketed = any(label.lstrip()[:1] in ("[", "【") for label in labels)
    tokens = _LABEL_TOKEN.findall(text) if _LABEL_TOKEN.match(text) else []
    # A leading date ("2019-09-06 15:46 来源：…") or a site's address counts as a field.
    fields = len(labels) + bool(_DATED_START.match(text)) + bool(_WEB_ADDRESS.search(text))
    if fields >= 2 or bracketed or len(tokens) >= 2:
        return "labels"
    if _BREADCRUMB.match(text) or (
        # "> 栏目 > 栏目": a breadcrumb's second line starts with its separator
        len(parts := _CRUMB_SEPARATOR.split(text.lstrip(" >＞»›")))
        >= 3 - text.lstrip().startswith((">", "＞", "»", "›"))
        and all(0 < len(part) <= 24 for part in parts)
    ):
        return "breadcrumb"
    if (
        len(text) <= 60
        and _WIDGETS.search(text)
        and not _WIDGET_FILLER.sub("", _WIDGETS.sub("", text))
    ):
        return "widget"
    if (m := _LABEL_START.match(text)) and _META_VALUE.match(text[m.end() :]):
        return "label"
    if len(text) <= 60 and _DATE_BANNER.search(text) and _DATE.search(text):
        return "banner"
    if _PUBLISHED_AT.match(text):
        return "banner"
    if len(text) <= 80 and _FILE_NAME.search(text):
        return "file"
    if _NO_WORDS.match(text):
        return "widget"
    if _SITE_MARK.match(text) or _SITE_NAMES.fullmatch(text):
        return "site"
    return None


def label_only(text: str) -> bool:
    """A label with its value on the next line ("发布时间：" / "2026-03-04")."""
    m = _LABEL_START.match(text)
    return m is not None and m.end() == len(text)


def chrome_line(typed: str) -> bool:
    """Whether a line as typed is page chrome by its shape (chrome_shape)."""
    return (
        "。" not in typed and chrome_shape(shape_text(fold_width(to_simplified(typed)))) is not None
    )


# What a line needs to be chrome below the top of the report (an information bar,
# a breadcrumb, a watermark: `chrome.ANYWHERE`): a label's colon or bracket, a
# breadcrumb's separator or label, a web address.  One search passes over the rest.
CHROME_HINT = compiled(r"[：:\[\]【】>＞»›|｜]|位置|www\.|https?://|" + _SITE_NAME)


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
