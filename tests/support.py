"""Shared test helpers: lint a text or a sample with the built-in rules."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from reportlint.checks import Diagnostic, RuleSet
from reportlint.document import Document, parse
from reportlint.load import decode, load_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEEDS = SAMPLES / "seeds"
SYNTHETIC = SAMPLES / "synthetic"


def seed(number: int) -> Path:
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return path


@cache
def builtin_rules() -> RuleSet:
    return RuleSet.load()


def document(text: str, name: str = "report.txt") -> Document:
    return parse(decode(text.encode("utf-8"), name))


def lint_doc(doc: Document, *select: str) -> list[Diagnostic]:
    # Like a plain run: the default rules, unless some are selected.
    rules = builtin_rules().selected(select=select)
    return rules.run(doc)


def lint(text: str, *select: str) -> list[Diagnostic]:
    return lint_doc(document(text), *select)


def lint_file(path: Path, *select: str) -> list[Diagnostic]:
    return lint_doc(parse(load_path(path)), *select)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def clean_text() -> str:
    return (SYNTHETIC / "clean.txt").read_text(encoding="utf-8")


def sample_findings(*select: str) -> dict[str, list[str]]:
    """Findings of the selected rules on every bundled sample, by file name; empty when quiet."""
    paths = [*sorted(SEEDS.glob("*.txt")), *sorted(SYNTHETIC.glob("*.txt"))]
    found = {path.name: [d.message for d in lint_file(path, *select)] for path in paths}
    return {name: messages for name, messages in found.items() if messages}


def assert_unreadable(path: Path, message: str) -> None:
    """The file cannot be checked: load_path says `message`, and the command
    line reports it as RL001 naming the file, exit 2, no traceback."""
    import pytest
    from click.testing import CliRunner

    from reportlint.cli import main
    from reportlint.load import LoadError

    with pytest.raises(LoadError) as info:
        load_path(path)
    assert str(info.value) == message
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:1:1: RL001 [error] 无法检查：{message}" in result.output
    assert "Traceback" not in result.output


@cache
def bench_script(name: str) -> ModuleType:
    """bench/<name>.py as a module, for the tests of the benchmarks and the corpora."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def recall_module() -> ModuleType:
    """bench/recall.py: the corpora's loader and runner, shared by the tests that
    hold each corpus."""
    return bench_script("recall")
