"""The command's entry point: the collector off while it loads, back on to run."""

from __future__ import annotations

import gc

import pytest

from reportlint import cli, entry


def test_the_command_runs_with_the_collector_on_and_the_start_up_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[bool, int]] = []
    monkeypatch.setattr(cli, "main", lambda: seen.append((gc.isenabled(), gc.get_freeze_count())))
    try:
        entry.main()
    finally:
        gc.unfreeze()
    ((enabled, frozen),) = seen
    assert enabled
    assert frozen > 10_000  # every object the test run had loaded
