"""The normalized view: the text rules match against, with a map back.

Real reports arrive with half-width punctuation, traditional characters,
pinyin noise ("區(qū)"), stray spaces and lines broken mid-word.  Rules should
not each cope with that, so the document offers one folded copy of the text:

- traditional characters folded to simplified (OpenCC t2s, length-preserving);
- full-width letters, digits and symbols folded to ASCII, but Chinese
  punctuation kept full-width, and half-width , ; : ? ! ( ) in Chinese
  context raised to full-width, so a pattern written "（一）" or "，" matches
  whatever the writer typed;
- pinyin noise, spaces inside Chinese text, a lost indent ("??" opening a
  line) and broken line breaks removed.

Every character of the view remembers the offset of the character it came
from, so a match in the view becomes a span of the original text.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from reportlint.document.literals import required_gate
from reportlint.document.regexes import compiled
from reportlint.document.span import Span

# Full-width forms U+FF01..U+FF5E fold to ASCII, except the Chinese
# punctuation that 公文 writes full-width: those stay as they are.
_KEEP_FULLWIDTH = set("（），：；！？")
FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH}
FOLD[0x3000] = 0x20  # ideographic space
FOLD[0xA0] = 0x20

# str.translate looks each character up in a dict (~0.1 µs each); a scan for
# the few characters that fold is several times faster.  Sets of literal
# characters like these match alike in re and regex, and re scans them faster.
_FOLD_CHARS = {chr(k): chr(v) for k, v in FOLD.items()}
_FOLDABLE = re.compile("[" + "".join(map(re.escape, sorted(_FOLD_CHARS))) + "]")

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

_HALF_MARK = re.compile(r"[,;:?!()]")
_LATIN_LETTER = compiled(r"\p{Latin}")
PINYIN_NOISE = compiled(r"(?<=\S)[(（][a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}[)）]")
# "??" opening every line: a full-width indent lost in a GBK round trip.
LOST_INDENT = compiled(r"(?m)^[?？]{2,4}(?=[^\s?？])")
_NOISE_NEEDS = required_gate(PINYIN_NOISE.pattern)
_INDENT_NEEDS = required_gate(LOST_INDENT.pattern)
_SPACES = re.compile(r"[ \t\u3000\u00a0\u2002-\u200b\ufeff]+")
_HAN = compiled(r"\p{Han}")
_PAREN = re.compile(r"[()]")


def fold_width(text: str) -> str:
    """text.translate(FOLD), faster."""
    return _FOLDABLE.sub(lambda m: _FOLD_CHARS[m.group()], text)


@cache
def _t2s() -> Any:
    import opencc  # imported on first use: 20-30 ms that a --help need not pay

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified with the length kept, so offsets stay valid."""
    converter = _t2s()
    out: str = converter.convert(text)
    if len(out) == len(text):
        return out
    # A phrase rule changed a length somewhere: convert line by line, and
    # character by character where a line still changes length.
    lines = []
    for line in text.split("\n"):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        lines.append(converted)
    return "\n".join(lines)


def unchanged_by_t2s(texts: Iterable[str]) -> bool:
    """Whether to_simplified leaves every one of texts as it is, in one OpenCC call.

    OpenCC converts dictionary phrases and no phrase holds a line break, so
    converting texts joined by "\n" converts each on its own.
    """
    joined = "\n".join(texts)
    out: str = _t2s().convert(joined)
    return out == joined


def halfwidth_marks(text: str) -> Iterator[tuple[int, str]]:
    """Half-width , ; : ? ! ( ) that stand in Chinese text, with their full-width form.

    Left alone: a mark next to a Latin letter (English, URLs, code, pinyin), a comma
    or colon between digits (24,879 and 17:24), a colon before "//", a comma and
    space inside an English phrase ("Windows 10, Office 2019").  Brackets
    go by pairs, so a pair is never left with one half of each width: a pair
    with Chinese inside, or with nothing Latin inside and Chinese beside it,
    is Chinese ("国家(AAA级)", "(1)加强"); "Law (2023)" and "區(qū)" are not.
    """
    pairs = _bracket_pairs(text)
    n = len(text)
    for m in _HALF_MARK.finditer(text):
        i = m.start()
        ch = text[i]
        if i in pairs:
            if pairs[i]:
                yield i, HALF_TO_FULL[ch]
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if _is_latin(prev) or _is_latin(nxt):
            continue
        if ch in ",:" and prev.isdigit() and nxt.isdigit():
            continue
        if ch == "," and nxt == " " and _in_english_phrase(text, i):
            continue
        if ch == ":" and text.startswith("//", i + 1):
            continue
        yield i, HALF_TO_FULL[ch]


_ASCII_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_PHRASE = frozenset(_ASCII_WORD | set(" .+-_/"))


def _in_english_phrase(text: str, i: int) -> bool:
    """Whether the comma at i, followed by a space, separates ASCII words or numbers
    of an English phrase: "（Windows 10, Office 2019）".  Both neighbours are
    letters or digits and the phrase has a letter, so "10, 20件" is still Chinese."""
    j = i + 1
    while j < len(text) and text[j] == " ":
        j += 1
    if i == 0 or text[i - 1] not in _ASCII_WORD or j == len(text) or text[j] not in _ASCII_WORD:
        return False
    a = i
    while a > 0 and text[a - 1] in _ASCII_PHRASE:
        a -= 1
    b = j
    while b < len(text) and text[b] in _ASCII_PHRASE:
        b += 1
    return any(c.isalpha() for c in text[a:b])


@lru_cache(maxsize=4096)
def _is_latin(ch: str) -> bool:
    # Called for the neighbours of every mark: a cache lookup beats a regex match.
    return _LATIN_LETTER.match(ch) is not None


def _bracket_pairs(text: str) -> dict[int, bool]:
    """Offsets of matched half-width ( ) -> whether the pair is in Chinese text."""
    decided: dict[int, bool] = {}
    if "(" not in text:
        return decided
    stack: list[int] = []
    for m in _PAREN.finditer(text):
        i = m.start()
        if text[i] == "(":
            stack.append(i)
        elif stack:
            j = stack.pop()
            inner = text[j + 1 : i]
            if _HAN.search(inner):
                chinese = True
            elif _LATIN_LETTER.search(inner):
                chinese = False
            else:
                chinese = bool(
                    _HAN.match(_nearest(text, j, -1)) or _HAN.match(_nearest(text, i, 1))
                )
            decided[i] = decided[j] = chinese
    return decided


def _nearest(text: str, at: int, step: int) -> str:
    """The first character from `at` (not included) in the direction `step` that is
    not white space, or "" (text[:at].rstrip()[-1:] without copying the text)."""
    k = at + step
    while 0 <= k < len(text) and text[k].isspace():
        k += step
    return text[k] if 0 <= k < len(text) else ""


def _raise_marks(text: str) -> str:
    # The text between the marks in pieces: a list of every character of a
    # report cost a third more than finding the marks.
    pieces = []
    at = 0
    for i, full in halfwidth_marks(text):
        pieces.append(text[at:i])
        pieces.append(full)
        at = i + 1
    if not at:
        return text
    pieces.append(text[at:])
    return "".join(pieces)


def removable_spaces(text: str) -> Iterator[Span]:
    """Runs of spaces that carry no meaning: all but those inside ASCII text ("Hello, world")."""
    n = len(text)
    for m in _SPACES.finditer(text):
        a, b = m.span()
        if a > 0 and b < n and "!" <= text[a - 1] <= "~" and "!" <= text[b] <= "~":
            continue
        yield Span(a, b)


_counted: array[int] = array("l")
_COUNTED_MAX = 1 << 20  # 8 MB: a longer text gets its own


def _counting(length: int) -> array[int]:
    """0, 1, 2, ... at least up to length.  Kept between reports, so the runs of
    the offset map are copied from it instead of built number by number."""
    global _counted
    if length > _COUNTED_MAX:
        return array("l", range(length))
    if len(_counted) < length:
        _counted = array("l", range(min(_COUNTED_MAX, max(length, 2 * len(_counted)))))
    return _counted


class NormalizedView:
    """The folded text and, for each of its characters, the original offset."""

    __slots__ = ("_to_orig", "folded", "text", "traditional")

    def __init__(
        self, text: str, to_orig: array[int], folded: str, traditional: bool = True
    ) -> None:
        self.text = text
        self._to_orig = to_orig  # len(text) + 1 entries; the last is len(original)
        # The original folded character for character (simplified, width-folded,
        # marks raised) with nothing removed: offsets are the original's.
        self.folded = folded
        # Whether OpenCC changed anything in the original.  When it did not, it
        # changes nothing in any part of it cut at a line break or a space either
        # (its phrases hold neither, so it converts each run between them alike
        # whatever surrounds it): RL405 has nothing to look for.
        self.traditional = traditional

    @classmethod
    def build(cls, original: str, joins: list[Span]) -> NormalizedView:
        simplified = to_simplified(original)
        folded = _raise_marks(fold_width(simplified))
        # Pinyin noise needs a tone mark and a lost indent a ?: most texts have neither.
        noise = PINYIN_NOISE.finditer(original) if _NOISE_NEEDS.admits(original) else ()
        indent = LOST_INDENT.finditer(original) if _INDENT_NEEDS.admits(original) else ()
        deletions = sorted(
            [
                *(Span(*m.span()) for m in noise),
                *(Span(*m.span()) for m in indent),
                *removable_spaces(original),
                *joins,
            ]
        )
        pieces: list[str] = []
        count = _counting(len(original) + 1)
        to_orig: array[int] = array("l")
        pos = 0
        for start, end in deletions:
            if start > pos:
                pieces.append(folded[pos:start])
                to_orig.extend(count[pos:start])
            pos = max(pos, end)
        pieces.append(folded[pos:])
        to_orig.extend(count[pos : len(original) + 1])  # the last entry is len(original)
        return cls("".join(pieces), to_orig, folded, simplified != original)

    def index_of(self, offset: int) -> int:
        """The view index of the first view character at or after an original offset."""
        return bisect_left(self._to_orig, offset)

    def orig(self, index: int) -> int:
        """Original offset of the view character at index (len(view) -> len(original))."""
        return self._to_orig[index]

    def span(self, start: int, end: int) -> Span:
        """Original span covering the view range [start, end)."""
        # (tuple.__new__: Span's own __new__ is a Python call, for each of the
        # thousands of spans a batch maps)
        if end <= start:
            at = self._to_orig[start]
            return tuple.__new__(Span, (at, at))
        return tuple.__new__(Span, (self._to_orig[start], self._to_orig[end - 1] + 1))


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None
