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
from reportlint.document.literals import VERSION as LITERALS_VERSION
from reportlint.document.literals import required

_MAGIC = f"reportlint-regex-cache 3.{LITERALS_VERSION}\n".encode()
# Past this many entries (user packs come and go) only this run's patterns are
# kept, and a file with more is not read.
_MAX_ENTRIES = 2000

Key = tuple[str, int]

_cache: dict[Key, regex.Pattern[str]] | None = None
_used: set[Key] = set()
_added = False
# What each pattern's matches must contain (document/literals.py), by pattern:
# reading it off the parse tree costs ~0.15 ms a pattern.
_literals: dict[str, tuple[str, ...] | None] = {}


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


def literals(pattern: str) -> frozenset[str] | None:
    """literals.required(pattern), from the cache when it was read before."""
    global _cache, _added
    if _cache is None:
        _cache = _load()
    if pattern in _literals:
        kept = _literals[pattern]
        return None if kept is None else frozenset(kept)
    found = required(pattern)
    _literals[pattern] = None if found is None else tuple(sorted(found))
    if not _added:
        _added = True
        atexit.register(_save)
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
        loaded = _PatternUnpickler(io.BytesIO(payload)).load()
        entries, literals = loaded if isinstance(loaded, tuple) and len(loaded) == 2 else ({}, {})
        if (
            isinstance(entries, dict)
            and len(entries) <= _MAX_ENTRIES
            and all(
                isinstance(k, tuple) and isinstance(v, regex.Pattern) and v.pattern == k[0]
                for k, v in entries.items()
            )
            and isinstance(literals, dict)
            and len(literals) <= _MAX_ENTRIES
            and all(
                isinstance(k, str)
                and (v is None or (isinstance(v, tuple) and all(isinstance(x, str) for x in v)))
                for k, v in literals.items()
            )
        ):
            _literals.update(literals)
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
    kept = {p for p, _ in entries}
    read = {p: found for p, found in _literals.items() if p in kept}
    payload = pickle.dumps((entries, read), protocol=pickle.HIGHEST_PROTOCOL)
    write_atomically(path, _MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
