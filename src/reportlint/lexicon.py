"""The shared vocabulary (rules/lexicon.yaml): one copy of the words that the
parser, the readers (extract/) and the rule packs all need.

An entry is a list of `words`, each a `regex` fragment written against the
normalized view (simplified characters, full-width Chinese punctuation), with
`examples` of real forms that need them; a test holds every word to an
example.  Code asks for an entry's words or for one alternation of them;
a rule pack names an entry as `{{name}}`: a list item that is only that is
replaced by the entry's words, one item each, and inside a longer pattern it
becomes the alternation `(?:w1|w2|…)`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from reportlint import yamlsafe

PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")


class Entry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    words: tuple[str, ...]
    note: str = ""
    examples: tuple[str, ...] = ()


class LexiconError(Exception):
    pass


def path() -> Path:
    """rules/lexicon.yaml inside the installed package, or at the top of a checkout."""
    packaged = Path(__file__).resolve().parent / "rules" / "lexicon.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules" / "lexicon.yaml"


@cache
def entries() -> dict[str, Entry]:
    data = yamlsafe.load(path().read_text(encoding="utf-8"))
    try:
        return msgspec.convert(data["entries"], dict[str, Entry])
    except (msgspec.ValidationError, KeyError, TypeError) as exc:
        raise LexiconError(f"{path()}: {exc}") from None


def words(name: str) -> tuple[str, ...]:
    try:
        return entries()[name].words
    except KeyError:
        raise LexiconError(f"词表中没有“{name}”") from None


def alternation(name: str) -> str:
    """The entry as one non-capturing group: `(?:w1|w2|…)`."""
    return "(?:" + "|".join(words(name)) + ")"


def expand(pattern: str) -> str:
    """`{{name}}` inside a pattern replaced by the entry's alternation."""
    if "{{" not in pattern:
        return pattern
    return PLACEHOLDER.sub(lambda m: alternation(m[1]), pattern)


def expand_params(value: Any) -> Any:
    """A rule's raw params with every `{{name}}` expanded: a list item that is
    only a placeholder becomes the entry's words; one inside a string, its
    alternation.  Raises LexiconError for a name the lexicon lacks."""
    if isinstance(value, str):
        return expand(value)
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            whole = PLACEHOLDER.fullmatch(item) if isinstance(item, str) else None
            out.extend(words(whole[1]) if whole else [expand_params(item)])
        return out
    if isinstance(value, dict):
        return {k: expand_params(v) for k, v in value.items()}
    return value
