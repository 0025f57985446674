"""The registry of check kinds: name -> class.

Built-in kinds register themselves when reportlint.checks imports them.
Third-party kinds are found through the `reportlint.kinds` entry-point group,
looked up only when a rule names a kind that is not built in.
"""

from __future__ import annotations

from typing import Any, TypeVar

from reportlint.checks.base import CheckKind

KINDS: dict[str, type[CheckKind[Any]]] = {}

K = TypeVar("K", bound=type[CheckKind[Any]])


def register(kind: K) -> K:
    if kind.name in KINDS:
        raise RuntimeError(f"check kind {kind.name!r} registered twice")
    KINDS[kind.name] = kind
    return kind


def get_kind(name: str) -> type[CheckKind[Any]] | None:
    if name not in KINDS:
        from importlib.metadata import entry_points

        for entry in entry_points(group="reportlint.kinds", name=name):
            loaded = entry.load()
            if isinstance(loaded, type) and issubclass(loaded, CheckKind):
                KINDS.setdefault(name, loaded)
    return KINDS.get(name)
