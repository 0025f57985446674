"""Test-wide settings."""

from __future__ import annotations

import os
import tempfile

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
