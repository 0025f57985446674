"""Headless Chromium for the page tests: Debian's chromium, driven by Playwright
(no browser download).  Screenshots go to build/test-artifacts/ (or
$REPORTLINT_ARTIFACTS), where CI can keep them."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import ROOT

CHROMIUM_FLAGS = [
    "--no-sandbox",  # tests run as root in CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("headless Chromium is needed: apt-get install -y chromium (see .ci/run)")


def artifacts() -> Path:
    folder = Path(os.environ.get("REPORTLINT_ARTIFACTS", ROOT / "build" / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for the session, with a fresh profile folder of its own."""
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="reportlint-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=chromium_path(),
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1400, "height": 1000},
            locale="zh-CN",
            accept_downloads=True,
        )
        try:
            yield context
        finally:
            context.close()
