"""The command's entry point: the collector off while it loads, back on to run."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from reportlint import cli, entry


def test_the_command_runs_with_the_collector_on_and_the_start_up_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[bool, int]] = []
    monkeypatch.setattr(cli, "main", lambda: seen.append((gc.isenabled(), gc.get_freeze_count())))
    try:
        entry.main()
    finally:
        gc.unfreeze()
    ((enabled, frozen),) = seen
    assert enabled
    assert frozen > 10_000  # every object the test run had loaded


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_alone_is_answered_without_loading_the_command_line(flag: str) -> None:
    # In a fresh interpreter: this one has imported everything already.
    probe = (
        "import sys; from reportlint import entry; sys.argv = ['reportlint', sys.argv[1]]; "
        "entry.main(); print(sorted(m for m in ('click', 'regex', 'reportlint.cli') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, flag], capture_output=True, text=True, check=True
    )
    said = CliRunner().invoke(cli.main, [flag])
    assert said.exit_code == 0
    assert done.stdout == said.output + "[]\n"
    assert said.output.startswith("reportlint ")


def test_version_into_a_closed_pipe_ends_as_click_does_without_a_traceback() -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "reportlint", "--version"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (1, "")


def test_the_kinds_parameter_fields_are_not_annotated_with_text() -> None:
    # (msgspec compiles a text annotation at every start: see checks.base.Params)
    from reportlint.checks import Params, registry

    kinds = registry.KINDS.values()
    models = {kind.params_type for kind in kinds} | {Params}
    assert len(models) > 10
    texts = [
        f"{model.__module__}.{model.__qualname__}.{name}"
        for model in models
        for name, annotation in vars(model).get("__annotations__", {}).items()
        if isinstance(annotation, str)
    ]
    assert texts == []
