"""JSON schemas of a rule pack and of `.reportlint.yaml`, for editors.

Generated from the models the loaders validate with: each check kind's
parameter model (msgspec emits its schema), the rule and message keys of
checks/rules.py, the configuration keys of config.py.  Published in
docs/schema/ (an editor's YAML plug-in finds them through a modeline,
`# yaml-language-server: $schema=…`):

    python -m reportlint.schema          # write docs/schema/*.schema.json
    python -m reportlint.schema --check  # exit 1 if they are out of date

The loaders stay the judges: a schema cannot say that a pattern compiles or
that a message's placeholders are the kind's, which loading checks.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from reportlint import config
from reportlint.checks import registry
from reportlint.checks.base import Severity
from reportlint.checks.rules import DOC_KEYS, builtin_pack_dir
from reportlint.ruledocs import regenerate

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILES = {"rule-pack.schema.json": "rule_pack_schema", "reportlint.schema.json": "config_schema"}

_SEVERITY = {"enum": [s.value for s in Severity]}
_TEXT = {"type": "string", "minLength": 1}
_TEXTS = {"type": "array", "items": _TEXT}


def rule_pack_schema() -> dict[str, Any]:
    """A pack: `pack`, `description`, `rules`, each rule validated by its kind."""
    import reportlint.checks  # noqa: F401  (the built-in kinds register themselves)

    kinds = dict(sorted(registry.KINDS.items()))
    refs, defs = msgspec.json.schema_components(
        [kind.params_type for kind in kinds.values()], ref_template="#/$defs/{name}"
    )
    message = {
        "oneOf": [
            _TEXT,
            {
                "type": "object",
                "properties": {"text": _TEXT, "suggestion": _TEXT, "severity": _SEVERITY},
                "required": ["text"],
                "additionalProperties": False,
            },
        ],
        "description": "一句消息，或 text（问题）与 suggestion（建议）；可另设 severity",
    }
    rule_properties: dict[str, Any] = {
        "code": {"type": "string", "pattern": "^[A-Z]{1,4}\\d{3,4}$", "description": "如 RL101"},
        "name": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$",
            "description": "小写连字符形式的规则名，如 required-sections",
        },
        "kind": {"type": "string", "examples": list(kinds), "description": "检查类型"},
        "severity": _SEVERITY,
        "message": message,
        "messages": {"type": "object", "additionalProperties": message},
        "description": {"type": "string", "description": "旧式的一段说明（即 docs.why）"},
        "docs": {
            "type": "object",
            "properties": {
                key: _TEXTS if key == "references" else {"type": "string"}
                for key in sorted(DOC_KEYS)
            },
            "additionalProperties": False,
        },
        "params": {"type": "object"},
        "enabled": {"type": "boolean"},
        "examples": {
            "type": "object",
            "properties": {"invalid": _TEXTS, "valid": _TEXTS},
            "additionalProperties": False,
        },
    }
    per_kind = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {"properties": {"params": ref}},
        }
        for name, ref in zip(kinds, refs, strict=True)
    ]
    rule = {
        "type": "object",
        "properties": rule_properties,
        "required": ["code", "name", "kind", "severity"],
        "oneOf": [{"required": ["message"]}, {"required": ["messages"]}],
        "allOf": per_kind,
        "additionalProperties": False,
    }
    return {
        "$schema": DRAFT,
        "title": "reportlint 规则包（rules/*.yaml，--rules）",
        "type": "object",
        "properties": {
            "pack": {"type": "string"},
            "description": {"type": "string"},
            "rules": {"type": "array", "items": {"$ref": "#/$defs/Rule"}},
        },
        "required": ["rules"],
        "additionalProperties": False,
        "$defs": {"Rule": rule, **defs},
    }


def _strings_or_one(min_items: int = 0) -> dict[str, Any]:
    items: dict[str, Any] = {"type": "array", "items": _TEXT}
    if min_items:
        items["minItems"] = min_items
    return {"oneOf": [{"type": "string", "description": "逗号分隔"}, items]}


# Each configuration key's parser in config.py and the values it takes.
_CONFIG_VALUES: dict[Callable[..., Any], dict[str, Any]] = {
    config._selection: _strings_or_one(min_items=1),
    config._strings: _strings_or_one(),
    config._severity: {"type": "object", "additionalProperties": _SEVERITY},
    config._packs: _strings_or_one(),
    config._per_file_ignores: {"type": "object", "additionalProperties": _strings_or_one()},
    config._year: {"type": "integer", "minimum": 2000, "maximum": 2100},
}
_CONFIG_HELP = {
    "select": "只查这些规则（代码、代码前缀或规则名）",
    "extend-select": "在默认规则之外再查这些",
    "ignore": "不查这些规则",
    "severity": "改变规则的级别，如 {RL404: info}",
    "fail-level": "达到这一级别的问题使退出码为 1",
    "rule-packs": "自己的规则包（相对于配置文件）",
    "per-file-ignores": "按路径模式忽略规则，如 {'草稿/*.txt': [RL103]}",
    "report-year": "报告年度，代替从正文读出的年份",
    "exclude": "目录遍历时跳过的路径（gitignore 写法）",
}


def config_schema() -> dict[str, Any]:
    """`.reportlint.yaml` (and `[tool.reportlint]` in pyproject.toml): config.py's keys."""
    properties = {}
    for key, parser in config._KEYS.items():
        value = _SEVERITY if key == "fail-level" else _CONFIG_VALUES[parser]
        properties[key] = {**value, "description": _CONFIG_HELP[key]}
    return {
        "$schema": DRAFT,
        "title": "reportlint 配置（.reportlint.yaml，或 pyproject.toml 的 [tool.reportlint]）",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def rendered() -> dict[str, str]:
    """Each schema file's name and text."""
    return {
        name: json.dumps(globals()[function](), ensure_ascii=False, indent=2) + "\n"
        for name, function in FILES.items()
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    root = builtin_pack_dir().parent
    if not (root / "docs").is_dir():
        print("请在 reportlint 的源码目录中运行（需要 docs/）", file=sys.stderr)
        return 2
    folder = root / "docs" / "schema"
    wanted = {folder / name: text for name, text in rendered().items()}
    return regenerate(args, "reportlint.schema", wanted, root)


if __name__ == "__main__":
    sys.exit(main())
