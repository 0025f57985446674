"""Kind `spaces`: stray spaces inside Chinese text ("2025 年", "处罚 41起",
"机制, 着眼", "“…” 扎实", "（一） 加强").

Chinese is written without spaces between words, and 公文 sets none between
Chinese and figures; a space there is left over from a copy (a PDF's line
wrap, a web page's layout, an English input habit).  Read on the text as
typed (the view has the spaces folded away).  Left alone:

- the space of a chapter typed "一　加强组织领导" (a heading; "一 是" is no chapter);
- spaces next to Latin letters ("Windows 10 系统", "APP 上线"), inside a
  number, at the start or end of a line;
- a table's row (a tab, two or more runs of several spaces, or a line of no
  sentence with two or more spaces between its fields);
- between two Chinese words where the space is the writer's: in a heading or
  another line that is no sentence ("坚持高位推动　法治政府建设责任不断强化",
  "镇党委书记 刘 军"), between phrases of a quoted slogan ("“尊法 学法 守法
  用法”"), and between two issuing bodies ("中共中央办公厅 国务院办公厅").

Each run of spaces gets a safe fix that deletes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.checks.base import CheckKind, Finding, Fix, NoParams, paragraph_texts
from reportlint.checks.registry import register
from reportlint.document import Document, names_organ
from reportlint.document.regexes import compiled

_SPACES = compiled(r"[ \u3000\u00a0\u2002-\u200a]+")
_TABLE_GAP = compiled(r"\t|[ \u3000]{2,}\S.*?[ \u3000]{2,}")
_SENTENCE = compiled(r"[。，；,;]")
_HAN = compiled(r"\p{Han}")
# Chinese punctuation, and the half-width marks a Chinese sentence may carry.
_CJK_MARK = compiled(r"[\u3000-\u303f\uff00-\uffef“”‘’…—·]")
_ASCII_MARK = frozenset(",;:!?)")
_MARKER_DOT = compiled(r"^\d{1,2}\.$")
_NUMERAL_MARKER = compiled(r"^(?:第?[一二三四五六七八九十]{1,3}(?:部分|章)?)$")
_QUOTED = compiled(r"“[^”]*”|《[^》]*》|‘[^’]*’")
_HAN_RUN_BEFORE = compiled(r"\p{Han}+$")
_HAN_RUN_AFTER = compiled(r"^\p{Han}{1,12}")
_SHOWN = 4


@register
class Spaces(CheckKind[NoParams]):
    name = "spaces"
    params_type = NoParams
    messages = {"default": frozenset({"before", "after"})}

    fixable = "safe"

    def check(self, doc: Document) -> Iterator[Finding]:
        for text, to_span in paragraph_texts(doc, "original"):
            if " " not in text and "\u3000" not in text and "\u00a0" not in text:
                continue
            sentence = _SENTENCE.search(text) is not None
            # A table's row: tabs, wide gaps, or a line of no sentence with fields
            # set apart by single spaces ("一 来信 12").
            if _TABLE_GAP.search(text) or (not sentence and len(_SPACES.findall(text)) >= 2):
                continue
            quoted = [m.span() for m in _QUOTED.finditer(text)]
            for m in _SPACES.finditer(text):
                start, end = m.span()
                if start == 0 or end == len(text) or not _stray(text, start, end):
                    continue
                if _HAN.match(text[start - 1]) and _HAN.match(text[end]):
                    if not sentence or _between_issuers(text, start, end):
                        continue
                    if any(a < start and end < b for a, b in quoted):
                        continue
                span = to_span(start, end)
                yield Finding(
                    span,
                    "default",
                    {
                        "before": text[max(0, start - _SHOWN) : start],
                        "after": text[end : end + _SHOWN],
                    },
                    Fix(span, ""),
                )


def _kind(text: str, i: int) -> str:
    """What the character at i is: "han", "mark", "digit", "latin" or "other"."""
    ch = text[i]
    if _HAN.match(ch):
        return "han"
    if _CJK_MARK.match(ch):
        return "mark"
    if ch in _ASCII_MARK and i > 0 and _HAN.match(text[i - 1]):
        return "mark"  # "机制, 着眼": a half-width mark in Chinese text
    if ch == "." and _MARKER_DOT.match(text[: i + 1]):
        return "mark"  # the marker of "1. 加强…"
    if ch.isdigit() or ch == "%":
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "other"


def _stray(text: str, start: int, end: int) -> bool:
    before, after = _kind(text, start - 1), _kind(text, end)
    if "latin" in (before, after) or "other" in (before, after):
        return False
    if before == after == "digit":
        return False  # inside a number, or two figures
    if _NUMERAL_MARKER.match(text[:start]) and text[end] != "是":
        return False  # "一　加强组织领导": the space stands for 、 ("一 是" is a split 一是)
    return not (before == "digit" and _latin_word_before(text, start))  # "Windows 10 系统"


def _latin_word_before(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i].isdigit() or text[i] == "."):
        i -= 1
    return i >= 1 and text[i] == " " and text[i - 1].isascii() and text[i - 1].isalpha()


def _between_issuers(text: str, start: int, end: int) -> bool:
    """A space between two issuing bodies: "中共中央办公厅 国务院办公厅"."""
    before = _HAN_RUN_BEFORE.search(text, 0, start)
    after = _HAN_RUN_AFTER.search(text[end:])
    if before is None or after is None or not names_organ(before.group()):
        return False
    tail = after.group()
    return any(names_organ(tail[:k]) for k in range(2, len(tail) + 1))
