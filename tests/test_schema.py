"""The JSON schemas in docs/schema/ for editors: current, valid, and in
agreement with the loaders on the built-in packs and on configurations."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from reportlint import config
from reportlint.checks.rules import MESSAGE_KEYS, RULE_KEYS
from reportlint.cli import main
from reportlint.schema import FILES, config_schema, rendered, rule_pack_schema

from support import ROOT

SCHEMAS = ROOT / "docs" / "schema"


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(name: str, data: Any) -> list[str]:
    return [error.message for error in validator(name).iter_errors(data)]


def test_the_published_schemas_are_current() -> None:
    # Run `python -m reportlint.schema` after changing a kind's parameters,
    # a rule's keys or a configuration key.
    assert set(FILES) == {p.name for p in SCHEMAS.glob("*.json")}
    for name, text in rendered().items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, name


def test_the_schemas_know_every_key_the_loaders_know() -> None:
    rule = rule_pack_schema()["$defs"]["Rule"]
    assert set(rule["properties"]) == RULE_KEYS
    assert set(rule["properties"]["message"]["oneOf"][1]["properties"]) == MESSAGE_KEYS
    assert set(config_schema()["properties"]) == set(config._KEYS)


@pytest.mark.slow  # compiling a validator of the pack schema takes a second
@pytest.mark.parametrize("pack", ["fzzf", "gongwen", "timeliness"])
def test_the_builtin_packs_validate(pack: str) -> None:
    data = yaml.safe_load((ROOT / "rules" / f"{pack}.yaml").read_text(encoding="utf-8"))
    assert errors("rule-pack.schema.json", data) == []


@pytest.mark.slow  # compiling a validator of the pack schema takes a second
def test_a_pack_the_loader_refuses_is_refused_by_the_schema_too() -> None:
    rule = {
        "code": "X101",
        "name": "my-sections",
        "kind": "sections",
        "severity": "error",
        "message": {"text": "缺少“{section}”", "suggestion": "请补上"},
        "params": {"sections": [{"id": "a", "label": "甲", "patterns": ["甲"]}]},
    }
    assert errors("rule-pack.schema.json", {"rules": [rule]}) == []
    typo = {**rule, "params": {"sections": [{"id": "a", "label": "甲", "patern": ["甲"]}]}}
    assert errors("rule-pack.schema.json", {"rules": [typo]})  # the kind's own model
    assert errors("rule-pack.schema.json", {"rules": [{**rule, "severty": "error"}]})
    assert errors("rule-pack.schema.json", {"rules": [{**rule, "severity": "fatal"}]})
    assert errors("rule-pack.schema.json", {"rules": [{**rule, "docs": {"wy": "甲"}}]})
    both = {**rule, "messages": {"missing": "缺少"}}
    assert errors("rule-pack.schema.json", {"rules": [both]})  # message or messages, not both


@pytest.mark.slow  # compiling a validator of the pack schema takes a second
def test_the_starter_configuration_and_the_readme_example_validate(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (written,) = tmp_path.glob(".reportlint.yaml")
    starter = yaml.safe_load(written.read_text(encoding="utf-8")) or {}
    assert errors("reportlint.schema.json", starter) == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("Configuration lives in")[1].split("```yaml\n")[1].split("```")[0]
    assert errors("reportlint.schema.json", yaml.safe_load(example)) == []


@pytest.mark.slow  # compiling a validator of the pack schema takes a second
def test_a_pyproject_table_and_wrong_values() -> None:
    table = tomllib.loads(
        '[tool.reportlint]\nselect = ["RL1", "RL4"]\nignore = "RL404, RL411"\n'
        'severity = {RL408 = "info"}\nreport-year = 2024\n'
        'per-file-ignores = {"历年/*.txt" = ["RL3"]}\n'
    )["tool"]["reportlint"]
    assert errors("reportlint.schema.json", table) == []
    assert errors("reportlint.schema.json", {"selct": ["RL1"]})
    assert errors("reportlint.schema.json", {"select": []})
    assert errors("reportlint.schema.json", {"fail-level": "fatal"})
    assert errors("reportlint.schema.json", {"report-year": "2024"})
