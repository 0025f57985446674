"""The CI examples in docs/examples (issue 17), as far as they can be run
here: each file is valid against the schema GitHub or GitLab publishes
(vendored by check-jsonschema, so no network), installs reportlint from its
own git repository at a pinned revision and never by name from a package
index, and each `reportlint` command it runs does, on a copy of the
samples, what the workflow relies on."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

from support import ROOT, SAMPLES

pytestmark = pytest.mark.slow

EXAMPLES = ROOT / "docs" / "examples"
SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0.json"
# A pinned install straight from a git repository: "name @ git+URL@REV".
FROM_REPOSITORY = re.compile(
    r'pip install "reportlint @ (\$\{REPORTLINT_SOURCE\}|git\+https://\S+@[\w.\-]+)"'
)


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as GitHub and GitLab read it (1.2): `on:` is a key, not True."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


def load(name: str) -> dict:
    return yaml.load((EXAMPLES / name).read_text("utf-8"), Loader=_Yaml12Loader)


def schema_errors(document: dict, schema_name: str) -> list[str]:
    schema = json.loads(
        (files("check_jsonschema.builtin_schemas.vendor") / schema_name).read_text("utf-8")
    )
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A reports repository's checkout: reports/ holds the samples."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for sample in sorted(SAMPLES.rglob("*.txt")):
        if sample.name != "README.md":
            (reports / sample.name).write_bytes(sample.read_bytes())
    return tmp_path


def run_step(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A step's shell command as the runner runs it, reportlint first on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(
        ["bash", "-e", "-c", command],
        cwd=cwd,
        env={**os.environ, **env, "PATH": path},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_schemas_catch_a_broken_file():
    # The validation below is worth something only if a wrong file fails it.
    assert schema_errors({"on": "push", "jobs": {"check": {"runs-on": 3}}}, "github-workflows.json")
    assert schema_errors({"reportlint": {"script": 5}}, "gitlab-ci.json")


def test_github_workflow_is_valid_and_installs_from_the_repository():
    workflow = load("reportlint.yml")
    assert schema_errors(workflow, "github-workflows.json") == []
    steps = workflow["jobs"]["check"]["steps"]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert len(installs) == 1 and FROM_REPOSITORY.fullmatch(installs[0]), installs
    assert workflow["permissions"]["security-events"] == "write"


def test_github_workflow_runs_as_written(checkout):
    workflow = load("reportlint.yml")
    steps = workflow["jobs"]["check"]["steps"]
    summary = checkout / "step-summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    runs = {
        s["name"]: run_step(s["run"], checkout, env)
        for s in steps
        if "reportlint check" in s.get("run", "")
    }
    annotate = runs["Annotate the pull request"]
    assert annotate.returncode == 1  # the seeds have errors: the job fails
    lines = annotate.stdout.splitlines()
    assert lines[0].startswith("::error ")  # errors first: GitHub shows only ten of each kind
    assert lines[-1].startswith("reportlint: GitHub 每个步骤最多显示 10 个错误")
    # The job summary has every report and, failing or not, the later steps still run.
    assert runs["Job summary"].returncode == 0
    text = summary.read_text("utf-8")
    assert text.startswith("## reportlint 检查结果")
    assert text.count("| ❌ 未通过 |") + text.count("| ✅ 通过 |") == len(
        list((checkout / "reports").iterdir())
    )
    assert runs["Write SARIF"].returncode == 0
    upload = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    )
    log = json.loads((checkout / upload["with"]["sarif_file"]).read_text("utf-8"))
    validator = jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert not list(validator.iter_errors(log))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert all(uri.startswith("reports/") for uri in uris)  # relative to the checkout


def test_gitlab_example_is_valid_and_installs_from_the_repository():
    pipeline = load("gitlab-ci.yml")
    assert schema_errors(pipeline, "gitlab-ci.json") == []
    job = pipeline["reportlint"]
    (install,) = job["before_script"]
    assert FROM_REPOSITORY.fullmatch(install)
    assert re.fullmatch(r"git\+https://\S+@[\w.\-]+", job["variables"]["REPORTLINT_SOURCE"])


def test_gitlab_example_runs_as_written(checkout):
    from xml.etree import ElementTree as ET

    job = load("gitlab-ci.yml")["reportlint"]
    results = [run_step(command, checkout, {}) for command in job["script"]]
    assert [r.returncode for r in results[:-1]] == [0, 0, 0]
    assert results[-1].returncode == 1  # the gate: findings fail the job
    quality = json.loads((checkout / job["artifacts"]["reports"]["codequality"]).read_text("utf-8"))
    assert quality and all(i["location"]["path"].startswith("reports/") for i in quality)
    assert len({i["fingerprint"] for i in quality}) == len(quality)
    ET.parse(checkout / job["artifacts"]["reports"]["junit"])
    (page,) = job["artifacts"]["paths"]
    assert (checkout / page).read_text("utf-8").startswith("<!doctype html>")
    # Every command the job runs is a reportlint command with a known format.
    for command in job["script"]:
        args = shlex.split(command)
        assert args[:2] == ["reportlint", "check"]
