"""The one YAML loader for rule packs and configuration files: safe (no
Python objects), libyaml when present, and strict about repeated keys.

PyYAML keeps the last of two equal keys without a word; in a hand-written
rule pack or configuration that silently drops a `params:` or an `ignore:`,
so a repeated key is an error naming the key and both lines.

What a text parsed to is kept in reportlint's cache folder as JSON, one file
a text, named by its CRC-32 and length and holding the text itself, so a
text is only ever matched to its own parse: the built-in packs do not change
between runs, and reading them back costs well under a millisecond where
importing PyYAML and parsing them costs ~30 ms of every start.  (A file a
text, not one file of every text ever parsed, which tests grow to megabytes;
a CRC, not a SHA-256, whose module costs ~5 ms to import.)  Only data that
JSON gives back equal (no dates, no non-string keys) is kept.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from reportlint.cachedir import cache_dir, write_atomically

_MAX_ENTRIES = 200  # files in the folder; past it the oldest half goes


class YamlError(Exception):
    """Text that is not valid YAML; `line` is 1-based, when PyYAML knows it."""

    def __init__(self, message: str, line: int | None, problem: str) -> None:
        super().__init__(message)
        self.line = line
        self.problem = problem


def load(text: str) -> Any:
    encoded = text.encode("utf-8")
    name = f"{zlib.crc32(encoded):08x}-{len(encoded)}.json"
    kept = _read(name, text)
    if kept is not _MISSING:
        return kept
    import yaml  # only for a text not seen before

    try:
        data = yaml.load(text, Loader=loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = str(getattr(exc, "problem", exc))
        if mark is None:
            raise YamlError(problem, None, problem) from None
        line, column = mark.line + 1, mark.column + 1
        lines = text.splitlines()
        if line <= len(lines) and "\t" in lines[line - 1][:column]:
            # PyYAML's "found character that cannot start any token"
            problem = "YAML 不能用制表符（Tab）缩进，请改用空格"
        raise YamlError(f"第{line}行第{column}列：{problem}", line, problem) from None
    _write(name, text, data)
    return data


@cache
def loader() -> type[Any]:
    """The safe loader that rejects repeated keys (PyYAML imported on first use)."""
    import yaml

    try:  # libyaml: several times faster
        base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
    except AttributeError:  # pragma: no cover
        base = yaml.SafeLoader

    class Loader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            first_line: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=deep)
                try:
                    earlier = first_line.setdefault(key, key_node.start_mark.line + 1)
                except TypeError:  # an unhashable key: the base class reports it
                    continue
                if earlier != key_node.start_mark.line + 1:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"键“{key}”重复（第 {earlier} 行已有）",
                        key_node.start_mark,
                    )
            return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

    return Loader


# In the cache folder: one file a text, [the text, what it parsed to], as JSON.
_FOLDER = "yaml-2"
_OLD_FILE = "yaml-1.json"
_MISSING = object()


def _read(name: str, text: str) -> Any:
    """What text parsed to, from its file; _MISSING when there is none (or it
    is damaged, or holds another text).  A fresh copy: callers may change it."""
    folder = cache_dir()
    if folder is None:
        return _MISSING
    try:
        kept = msgspec.json.decode((folder / _FOLDER / name).read_bytes())
    except Exception:  # missing, unreadable or damaged: parse the text
        return _MISSING
    if isinstance(kept, list) and len(kept) == 2 and kept[0] == text:
        return kept[1]
    return _MISSING


def _write(name: str, text: str, data: Any) -> None:
    """Keep data for the next run, when JSON gives it back equal."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        encoded = msgspec.json.encode([text, data])
        if msgspec.json.decode(encoded) != [text, data]:
            return
    except (TypeError, msgspec.MsgspecError):
        return
    _prune(folder / _FOLDER)
    write_atomically(folder / _FOLDER / name, encoded)
    with contextlib.suppress(OSError):  # earlier versions' one file of every parse (MBs)
        (folder / _OLD_FILE).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Configurations and packs come and go (each version's, each project's):
    past _MAX_ENTRIES files, the oldest half goes."""
    try:
        files = sorted(os.scandir(folder), key=lambda entry: entry.stat().st_mtime)
        if len(files) >= _MAX_ENTRIES:
            for entry in files[: len(files) // 2]:
                os.unlink(entry.path)
    except OSError:  # no folder yet, or another run pruned it first
        pass
