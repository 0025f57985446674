"""What a pattern's every match must contain: literal gates.

A rule's patterns mostly look for rare things (mojibake, a request for
approval, an outdated name), and one `regex` search costs about as much
whether it finds something or not.  Most patterns cannot match without
some literal text: "锟斤拷|烫烫烫" needs one of its two words, "请予(?:批准|
审批)" needs 请予.  `required(pattern)` reads that set off the pattern's
parse tree; a text that holds none of it cannot match, and `Gate` tells so
with a few `str` searches, each far cheaper than one `regex` search.

Exact by construction: a pattern gets a gate only when every construct in
it is understood, and otherwise none (it is then always searched).  The
parse is `re`'s; what `re` reads differently from `regex` is refused first
(POSIX classes, fuzzy constraints, case folding, regex-only syntax, which
`re` rejects), and `\\p{…}` classes are read as what they are: no literal.
"""

from __future__ import annotations

import re
import re._constants as c  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterable
from typing import Any

# A \p{…} class (never a literal) is read as \w; an escaped backslash is kept.
_PROPERTY = re.compile(r"\\\\|\\[pP](?:\{[^}]*\}|[A-Za-z])")
# A { that is not a counted repeat: regex reads fuzzy constraints ({e<=1}) there.
_BRACE = re.compile(r"\\.|\{(?!\d+(?:,\d*)?\}|,\d+\})", re.S)
# Bumped whenever `required` reads a pattern differently: the regex cache keeps its answers.
VERSION = 1
# The longest set of literals kept.
_MAX_CHOICES = 40
# Characters in nearly every paragraph: a requirement of one of these says little.
_COMMON = frozenset("，。、；：！？（）《》“”‘’()[]-.,:;%0123456789")

Choices = frozenset[str]


def required(pattern: str, flags: int = 0) -> Choices | None:
    """Literals one of which is in the text of (or around, for a look-around) every
    match of `pattern` compiled by `regex` with `flags`; None when that cannot be said."""
    if flags or "[:" in pattern:
        return None
    readable = _PROPERTY.sub(lambda m: m.group() if m.group() == "\\\\" else r"\w", pattern)
    if any(m.group() == "{" for m in _BRACE.finditer(readable)):
        return None
    try:
        parsed = sre_parse.parse(readable)
    except (re.error, RecursionError, OverflowError):
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None  # case folding differs; verbose is fine but rare: keep it simple
    found = _sequence(list(parsed))
    if found is None or not found or "" in found or len(found) > _MAX_CHOICES:
        return None
    return found


def _better(a: Choices | None, b: Choices | None) -> Choices | None:
    """The more selective of two requirements: no common mark, longer literals, fewer."""
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b, key=lambda s: (not s & _COMMON, min(map(len, s)), -len(s)))


def _sequence(items: list[tuple[Any, Any]]) -> Choices | None:
    best: Choices | None = None
    run = ""  # consecutive literals make one longer literal
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _better(best, frozenset({run}))
            run = ""
        best = _better(best, _item(op, av))
    if run:
        best = _better(best, frozenset({run}))
    return best


def _item(op: Any, av: Any) -> Choices | None:
    if op is c.IN:
        return _char_set(av)
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags or del_flags:
            return None
        return _sequence(list(body))
    if op is c.BRANCH:
        _, branches = av
        return _union(_sequence(list(b)) for b in branches)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is c.ASSERT:
        _direction, body = av
        return _sequence(list(body))  # what a look-around sees is in the text too
    return None  # ANY, AT, CATEGORY, NOT_LITERAL, ASSERT_NOT, GROUPREF...


def _char_set(items: list[tuple[Any, Any]]) -> Choices | None:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_CHOICES:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None  # a negated set, a category or a wide range
    return frozenset(chars) if chars else None


def _union(parts: Iterable[Choices | None]) -> Choices | None:
    found: set[str] = set()
    for part in parts:
        if part is None:
            return None
        found |= part
    return frozenset(found)


class Gate:
    """Whether a text may hold a match of any of some patterns: False only when it
    holds none of the literals one of them requires."""

    __slots__ = ("_words",)

    def __init__(self, choices: Choices) -> None:
        self._words = tuple(sorted(choices, key=len, reverse=True))

    def admits(self, text: str) -> bool:
        # A search for one character is some ten times cheaper than for a word.
        return any(word[0] in text and word in text for word in self._words)


def gate(patterns: Iterable[str]) -> Gate | None:
    """One gate for an alternation of patterns; None when one of them has no requirement."""
    from reportlint.document.regexes import literals  # kept with the compiled patterns

    choices = _union(literals(p) for p in patterns)
    if choices is None or len(choices) > _MAX_CHOICES:
        return None
    return Gate(choices)


def required_gate(pattern: str) -> Gate:
    """The gate of one of the parser's own patterns, which must have one."""
    found = gate([pattern])
    if found is None:
        raise ValueError(f"no literal is required by {pattern!r}")
    return found
