"""The one YAML loader for rule packs and configuration files: safe (no
Python objects), libyaml when present, and strict about repeated keys.

PyYAML keeps the last of two equal keys without a word; in a hand-written
rule pack or configuration that silently drops a `params:` or an `ignore:`,
so a repeated key is an error naming the key and both lines.

What a text parsed to is kept in reportlint's cache folder, by a hash of the
text, as JSON: the built-in packs do not change between runs, and reading
them back costs well under a millisecond where importing PyYAML and parsing
them costs ~30 ms of every start.  Only data that JSON gives back equal
(no dates, no non-string keys) is kept.
"""

from __future__ import annotations

import atexit
import hashlib
from functools import cache
from typing import Any

import msgspec

from reportlint.cachedir import cache_dir, write_atomically

_MAX_ENTRIES = 200  # configurations and packs come and go; the built-in three stay


class YamlError(Exception):
    """Text that is not valid YAML; `line` is 1-based, when PyYAML knows it."""

    def __init__(self, message: str, line: int | None, problem: str) -> None:
        super().__init__(message)
        self.line = line
        self.problem = problem


def load(text: str) -> Any:
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    known = _parsed()
    if key in known:
        _used.add(key)
        return msgspec.json.decode(known[key])  # a fresh copy: callers may change it
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
    kept = _as_json(data)
    if kept is not None:
        known[key] = kept
        _used.add(key)
        _save_at_exit()
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


def _as_json(data: Any) -> str | None:
    """data as JSON text, or None when JSON would not give it back equal."""
    try:
        encoded = msgspec.json.encode(data)
        return encoded.decode("utf-8") if msgspec.json.decode(encoded) == data else None
    except (TypeError, msgspec.MsgspecError):
        return None


# In the cache file: {sha256 of a YAML text: the JSON text of what it parsed to}.
_FILE = "yaml-1.json"
_used: set[str] = set()


@cache
def _parsed() -> dict[str, str]:
    folder = cache_dir()
    if folder is None:
        return {}
    try:
        found = msgspec.json.decode((folder / _FILE).read_bytes(), type=dict[str, str])
    except Exception:  # missing, unreadable or damaged: start empty
        return {}
    return found if len(found) <= _MAX_ENTRIES else {}


@cache
def _save_at_exit() -> None:
    atexit.register(_save)


def _save() -> None:
    folder = cache_dir()
    known = _parsed()
    if len(known) > _MAX_ENTRIES:  # keep this run's texts only
        known = {key: known[key] for key in _used}
    if folder is not None:
        write_atomically(folder / _FILE, msgspec.json.encode(known))
