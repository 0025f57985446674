"""Test-wide settings."""

from __future__ import annotations

import os
import tempfile

# The compiled-pattern cache goes to a throwaway folder, not the user's
# ~/.cache; subprocesses started by tests inherit it.
os.environ.setdefault("REPORTLINT_CACHE_DIR", tempfile.mkdtemp(prefix="reportlint-cache-"))

# The headless Chromium fixture, shared by the page tests.
pytest_plugins = ["browser"]
