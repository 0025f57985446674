"""Compiled regular expressions, kept between runs.

The regex module compiles in Python: the ~300 patterns of the parser and the
built-in rules take ~65 ms to compile, a quarter of checking one report from
the command line.  A compiled pattern pickles as its compiled form, which
unpickles through the C compiler alone (~2 ms for all of them), so patterns
are kept in a cache file and compiled only when they are new.

The file holds nothing but patterns: it is checked against a CRC-32 of its
contents and loaded with an unpickler that allows only the regex compiler;
any problem with it means starting empty, never an error.  It is written at
exit, and only when a pattern was added, in reportlint's cache folder
(`reportlint.cachedir`).
"""

from __future__ import annotations

import atexit
import io
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

import regex

from reportlint.cachedir import cache_dir, write_atomically

_MAGIC = b"reportlint-regex-cache 2\n"
# Past this many entries (user packs come and go) only this run's patterns are
# kept, and a file with more is not read.
_MAX_ENTRIES = 2000

Key = tuple[str, int]

_cache: dict[Key, regex.Pattern[str]] | None = None
_used: set[Key] = set()
_added = False


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """regex.compile(pattern, flags), from the cache when it was compiled before.

    Errors are regex.compile's own: a pattern that does not compile is never cached.
    """
    global _cache, _added
    if _cache is None:
        _cache = _load()
    key = (pattern, int(flags))  # a plain int: flag enums would not unpickle
    found = _cache.get(key)
    if found is None:
        found = regex.compile(pattern, flags)
        _cache[key] = found
        if not _added:
            _added = True
            atexit.register(_save)
    _used.add(key)
    return found


def _path() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    # Compiled code belongs to one regex version (and its default syntax version).
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"regex-{regex.__version__}-py{py}-v{int(regex.DEFAULT_VERSION)}.cache"


class _PatternUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} in a regex cache")


def _load() -> dict[Key, regex.Pattern[str]]:
    path = _path()
    if path is None:
        return {}
    try:
        data = path.read_bytes()
        if not data.startswith(_MAGIC):
            return {}
        check, payload = data[len(_MAGIC) : len(_MAGIC) + 4], data[len(_MAGIC) + 4 :]
        if zlib.crc32(payload).to_bytes(4, "big") != check:
            return {}
        entries = _PatternUnpickler(io.BytesIO(payload)).load()
        if (
            isinstance(entries, dict)
            and len(entries) <= _MAX_ENTRIES
            and all(
                isinstance(k, tuple) and isinstance(v, regex.Pattern) and v.pattern == k[0]
                for k, v in entries.items()
            )
        ):
            return entries
    except Exception:  # a missing, unreadable or damaged cache is an empty one
        pass
    return {}


def _save() -> None:
    path = _path()
    if path is None or _cache is None:
        return
    entries = _cache if len(_cache) <= _MAX_ENTRIES else {k: _cache[k] for k in _used}
    if len(entries) > _MAX_ENTRIES:
        return  # a run of generated patterns, not worth keeping
    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    write_atomically(path, _MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
