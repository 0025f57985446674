"""Test-wide settings."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

# pytest keeps the test modules it rewrites (assert introspection) in
# __pycache__ (git ignores it) unless bytecode writing is off, as
# PYTHONDONTWRITEBYTECODE turns it off in some shells: then every run rewrites
# them all again, some 5 s of the quick suite.  The test run writes them.
sys.dont_write_bytecode = False

# The compiled-pattern cache goes to a throwaway folder, not the user's
# ~/.cache; subprocesses started by tests inherit it.
os.environ.setdefault("REPORTLINT_CACHE_DIR", tempfile.mkdtemp(prefix="reportlint-cache-"))

# The headless Chromium fixture, shared by the page tests.
pytest_plugins = ["browser"]


def _load_builtin_once() -> None:
    """The built-in packs are loaded once per test process: every `reportlint
    check` a test runs in-process loads them, and loading is most of a small
    run. A user's pack (`RuleSet.load([path])`) is loaded each time, and
    tests/test_rule_packs.py and test_yamlsafe.py hold the loading itself to
    its results (the first call here is the real one)."""
    from reportlint.checks import RuleSet

    load = RuleSet.load.__func__  # type: ignore[attr-defined]
    loaded: list[RuleSet] = []

    def once(cls, packs=None, verify_examples=False):  # type: ignore[no-untyped-def]
        if packs is not None or verify_examples:
            return load(cls, packs, verify_examples)
        if not loaded:
            loaded.append(load(cls))
        return loaded[0]

    RuleSet.load = classmethod(once)  # type: ignore[method-assign]


_load_builtin_once()


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """In the quick suite (the default `-m "not slow"`), a module marked slow as
    a whole is not even imported: hypothesis, playwright and the benchmarks
    cost seconds of every run's collection."""
    if config.getoption("markexpr") != "not slow" or collection_path.suffix != ".py":
        return None
    head = collection_path.read_text(encoding="utf-8").split("\ndef ", 1)[0]
    return True if "\npytestmark = pytest.mark.slow\n" in head else None
