"""Where reportlint keeps what it can rebuild: compiled patterns, parsed YAML.

$REPORTLINT_CACHE_DIR, else $XDG_CACHE_HOME/reportlint, else
~/.cache/reportlint; REPORTLINT_NO_CACHE=1 turns caching off.  Everything
kept there is checked when read and rebuilt when missing or damaged, so
deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder (perhaps not created yet), or None when caching is off."""
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    folder = os.environ.get("REPORTLINT_CACHE_DIR")
    if folder:
        return Path(folder)
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        return Path(xdg) / "reportlint" if xdg else Path.home() / ".cache/reportlint"
    except RuntimeError:  # no home directory to be found
        return None


def write_atomically(path: Path, data: bytes) -> None:
    """Write data to path through a renamed temporary file, so a reader never
    sees half a file; a read-only home or a full disk is silently skipped:
    the next run rebuilds what it needs."""
    import tempfile  # only when there is something to write: ~10 ms to import

    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except Exception:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
