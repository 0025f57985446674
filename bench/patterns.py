"""Which compiled patterns cost the most?  Checks the first N reports of a
corpus (load, parse, every default rule) with each pattern of the parser and
of the rules timed, and prints the costliest by total time.

    .venv/bin/python bench/patterns.py --corpus /tmp/corpus --count 300 --top 40

A profile by line spreads a pattern's cost over every line that calls it;
this adds it up by pattern.  It is how the patterns that are slow to fail
were found (docs/performance.md, fourth round): a look-ahead or an
alternation tried at every position of a paragraph.  Each pattern is wrapped
in a timing proxy, which adds some 0.3 µs a call, so compare patterns with
each other, not with the run's time.  Patterns are named by where they are
called from: `module.NAME` for the parser's and a kind module's (a pattern
imported into several modules is counted under each), `CODE.attribute` for a
rule's own.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportlint.checks import RuleSet  # noqa: E402
from reportlint.document import parse  # noqa: E402
from reportlint.load import load_path  # noqa: E402

_PATTERN_TYPES = (type(regex.compile("")), type(re.compile("")))
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")

spent: Counter[str] = Counter()
calls: Counter[str] = Counter()


class Timed:
    """A compiled pattern whose calls are timed under its name (finditer's
    matches are collected, so that their finding is timed too)."""

    def __init__(self, pattern: Any, name: str) -> None:
        self._pattern = pattern
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        found = getattr(self._pattern, attribute)
        if attribute not in _METHODS:
            return found

        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            result = found(*args, **kwargs)
            if attribute == "finditer":
                result = iter(list(result))
            spent[self._name] += time.perf_counter() - began
            calls[self._name] += 1
            return result

        return timed


def _wrapped(value: Any, name: str) -> Any:
    """The value with every compiled pattern in it timed, or None if it has none."""
    if isinstance(value, _PATTERN_TYPES):
        return Timed(value, name)
    if isinstance(value, list) and value and all(isinstance(v, _PATTERN_TYPES) for v in value):
        return [Timed(v, f"{name}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, tuple) and any(
        isinstance(part, _PATTERN_TYPES)
        for item in value
        if isinstance(item, tuple)
        for part in item
    ):  # (level, pattern) pairs: headings.HEADING_PATTERNS
        return tuple(
            tuple(Timed(p, f"{name}[{i}]") if isinstance(p, _PATTERN_TYPES) else p for p in item)
            if isinstance(item, tuple)
            else item
            for i, item in enumerate(value)
        )
    return None


def time_patterns(rules: RuleSet) -> None:
    """Wrap the patterns of the parser's and the kinds' modules, and the rules' own."""
    import reportlint.checks
    import reportlint.document

    for package in (reportlint.checks, reportlint.document):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for key, value in list(vars(module).items()):
                if (timed := _wrapped(value, f"{info.name}.{key}")) is not None:
                    setattr(module, key, timed)
    for rule in rules.rules:
        for key, value in list(vars(rule.check).items()):
            if (timed := _wrapped(value, f"{rule.code}.{key}")) is not None:
                setattr(rule.check, key, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, required=True, help="a folder of .txt reports")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--top", type=int, default=40)
    options = parser.parse_args()
    rules = RuleSet.load().selected()
    time_patterns(rules)
    sources = [load_path(p) for p in sorted(options.corpus.glob("*.txt"))[: options.count]]
    began = time.perf_counter()
    for source in sources:
        rules.run(parse(source))
    total = time.perf_counter() - began
    print(
        f"{len(sources)} reports: {total:.2f} s in all, "
        f"{sum(spent.values()):.2f} s in {sum(calls.values()):,} pattern calls"
    )
    print(f"{'seconds':>8} {'calls':>8} {'µs/call':>8}  pattern")
    for name, seconds in spent.most_common(options.top):
        print(f"{seconds:8.3f} {calls[name]:8,d} {seconds / calls[name] * 1e6:8.1f}  {name}")


if __name__ == "__main__":
    main()
