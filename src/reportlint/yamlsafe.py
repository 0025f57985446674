"""The one YAML loader for rule packs and configuration files: safe (no
Python objects), libyaml when present, and strict about repeated keys.

PyYAML keeps the last of two equal keys without a word; in a hand-written
rule pack or configuration that silently drops a `params:` or an `ignore:`,
so a repeated key is an error naming the key and both lines.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml: several times faster on start-up
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class Loader(_Base):  # type: ignore[misc, valid-type]
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


def load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)
