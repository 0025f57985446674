"""The shared vocabulary: every word has a real form that needs it, and packs
name entries as {{name}}."""

from __future__ import annotations

import pytest
import regex

from reportlint import lexicon
from reportlint.checks import RuleError
from reportlint.checks.rules import load_pack_text
from reportlint.document.normalize import NormalizedView

ENTRIES = sorted(lexicon.entries().items())


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[name for name, _ in ENTRIES])
def test_every_word_has_an_example_and_every_example_a_word(
    name: str, entry: lexicon.Entry
) -> None:
    assert entry.note, f"{name} says what it is for"
    compiled = [regex.compile(word) for word in entry.words]
    # Words are matched against the normalized view: examples are written as typed.
    examples = [NormalizedView.build(e, []).text for e in entry.examples]
    for word, pattern in zip(entry.words, compiled, strict=True):
        assert any(pattern.search(e) for e in examples), f"{name}: no example needs {word!r}"
    for typed, example in zip(entry.examples, examples, strict=True):
        assert any(p.search(example) for p in compiled), f"{name}: {typed!r} matches no word"


def test_a_placeholder_item_is_the_entrys_words_and_inline_its_alternation() -> None:
    expanded = lexicon.expand_params(
        {"patterns": ["{{leader_posts}}", "^副{{leader_posts}}$"], "n": 3}
    )
    posts = list(lexicon.words("leader_posts"))
    assert expanded["patterns"][: len(posts)] == posts
    assert expanded["patterns"][-1] == "^副(?:" + "|".join(posts) + ")$"
    assert expanded["n"] == 3


def test_a_pack_naming_an_unknown_entry_fails_with_its_rule_and_line() -> None:
    pack = """\
pack: mine
rules:
  - code: RL901
    name: my-rule
    kind: existence
    severity: warning
    message: 有问题
    params:
      patterns: ["{{no_such_entry}}"]
"""
    with pytest.raises(RuleError) as raised:
        load_pack_text(pack, "mine.yaml")
    text = str(raised.value)
    assert "no_such_entry" in text and "RL901" in text and "mine.yaml" in text


def test_the_lexicon_is_not_loaded_as_a_rule_pack() -> None:
    from reportlint.checks.rules import builtin_packs

    assert "lexicon.yaml" not in {p.name for p in builtin_packs()}
