"""Literal gates (document/literals.py): what a pattern's matches must contain."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.document.literals import Gate, gate, required


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ("锟斤拷|烫烫烫", {"锟斤拷", "烫烫烫"}),
        ("请予(?:批准|审批)", {"请予"}),
        (r"(?<=\p{Han})\?[,，。]", {"?"}),  # a look-around's text is in the text too
        (r"\p{Han}[(（][āáǎà][)）]", {"ā", "á", "ǎ", "à"}),  # rarer than brackets
        ("(?:19|20)\\d{2}年", {"19", "20"}),
        ("恳?请(?:上级)?(?:批示|批复)", {"请"}),  # (re reads 批示|批复 as 批[示复])
        ("(?!批复)审", {"审"}),  # what must not follow is no requirement
        ("x+y{2,}", {"x"}),
        (r"\d{1,2}月", {"月"}),
    ],
)
def test_what_every_match_needs(pattern: str, needs: set[str]) -> None:
    assert required(pattern) == needs


@pytest.mark.parametrize(
    "pattern",
    [
        r"\p{Han}+",  # no literal at all
        "a?b*",  # all optional
        "(?i)abc",  # case folding: regex folds more than re
        "abc{e<=1}",  # a fuzzy match (re would read the braces as text)
        "[[:alpha:]]批",  # a POSIX class (re would read it as a set)
        r"\m批\M",  # regex-only syntax that re rejects
        "a|b?",  # one branch needs nothing
        "[^a]",
    ],
)
def test_no_requirement_when_it_cannot_be_said(pattern: str) -> None:
    assert required(pattern) is None


def test_a_gate_admits_only_texts_holding_a_literal() -> None:
    g = Gate(frozenset({"锟斤拷", "?"}))
    assert g.admits("乱码锟斤拷出现")
    assert g.admits("现将情况?。")
    assert not g.admits("锟斤 拷")
    assert gate(["锟斤拷", r"\p{Han}+"]) is None  # one pattern without: no gate


# Every pattern the parser and the built-in rules compiled, over every paragraph
# of the samples: a gate may never say "no" where the pattern finds a match.
_GATES_HOLD = """
from reportlint.checks import RuleSet
from reportlint.document import parse, regexes
from reportlint.document.literals import Gate, required
from reportlint.load import decode
from support import SEEDS, SYNTHETIC

RuleSet.load()
texts = [
    p.text
    for path in sorted(SEEDS.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt"))
    for p in parse(decode(path.read_bytes(), path.name)).paragraphs
]
checked = 0
for (pattern, flags), compiled in list(regexes._cache.items()):
    needs = required(pattern, flags)
    if needs is None:
        continue
    g = Gate(needs)
    for text in texts:
        if compiled.search(text) is not None:
            assert g.admits(text), (pattern, text)
            checked += 1
print(checked)
"""


def test_no_built_in_pattern_matches_a_paragraph_its_gate_turns_away() -> None:
    # In a process of its own, with no regex cache file: it holds the patterns the
    # parser and the built-in packs compile, and none that other tests compiled
    # (such as a user pack's deliberately catastrophic one, which would never end).
    path = os.pathsep.join(filter(None, [str(Path(__file__).parent), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "REPORTLINT_NO_CACHE": "1", "PYTHONPATH": path}
    run = subprocess.run(
        [sys.executable, "-c", _GATES_HOLD], capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert int(run.stdout) > 1000
