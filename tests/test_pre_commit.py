"""The pre-commit hook for real: a throwaway repository that uses this one as
its hook source, a commit of a bad report that the hook stops, then a good
report that goes through.  Slow (pre-commit installs reportlint into its own
environment), so it runs once for the whole file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, clean_text

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
]

GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def sh(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def snapshot_of_this_repository(target: Path, env: dict[str, str]) -> str:
    """This checkout as it is now (uncommitted work included) as a git repo."""
    listed = sh("git", "ls-files", "-co", "--exclude-standard", "-z", cwd=ROOT, env=env)
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    sh("git", "init", "-q", cwd=target, env=env)
    sh("git", "add", "-A", cwd=target, env=env)
    sh("git", "commit", "-q", "-m", "snapshot", cwd=target, env=env)
    return sh("git", "rev-parse", "HEAD", cwd=target, env=env).stdout.strip()


def test_hook_stops_a_bad_report_and_lets_a_good_one_through(tmp_path):
    if sh("git", "ls-files", cwd=ROOT, env=dict(os.environ)).returncode != 0:
        pytest.skip("not a git checkout")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    pre_commit = Path(sys.executable).with_name("pre-commit")
    hooks, work = tmp_path / "hooks", tmp_path / "work"
    hooks.mkdir()
    work.mkdir()
    rev = snapshot_of_this_repository(hooks, env)

    sh("git", "init", "-q", cwd=work, env=env)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: reportlint\n",
        encoding="utf-8",
    )
    installed = sh(str(pre_commit), "install", cwd=work, env=env)
    assert installed.returncode == 0, installed.stderr

    bad = work / "2024年度报告.txt"
    bad.write_text(clean_text().replace("2025年1月20日", "2025120"), encoding="utf-8")
    sh("git", "add", "-A", cwd=work, env=env)
    refused = sh("git", "commit", "-m", "bad report", cwd=work, env=env)
    transcript = refused.stdout + refused.stderr
    print(transcript)
    assert refused.returncode != 0, transcript
    assert "reportlint" in transcript and "Failed" in transcript
    assert "2024年度报告.txt:" in transcript and "RL103" in transcript
    assert sh("git", "rev-parse", "HEAD", cwd=work, env=env).returncode != 0  # nothing committed

    bad.write_text(clean_text(), encoding="utf-8")
    # A repository's README, requirements.txt and LICENSE.txt are not reports:
    # the hook leaves them alone (each would fail every statutory-part rule).
    (work / "README.md").write_text(
        "# 报告仓库\n\n本仓库存放各乡镇的年度报告。\n", encoding="utf-8"
    )
    (work / "requirements.txt").write_text("reportlint\n", encoding="utf-8")
    (work / "LICENSE.txt").write_text("版权所有，保留一切权利。\n", encoding="utf-8")
    sh("git", "add", "-A", cwd=work, env=env)
    accepted = sh("git", "commit", "-m", "good report", cwd=work, env=env)
    print(accepted.stdout + accepted.stderr)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr

    # Reports in a reports/ folder are taken whatever their names.
    (work / "reports").mkdir()
    (work / "reports" / "安平镇.txt").write_text(
        clean_text().replace("2025年1月20日", "2025120"), encoding="utf-8"
    )
    sh("git", "add", "-A", cwd=work, env=env)
    refused = sh("git", "commit", "-m", "a town's report", cwd=work, env=env)
    assert refused.returncode != 0 and "reports/安平镇.txt:" in refused.stdout + refused.stderr


def test_hook_definition_matches_reports_but_not_a_readme():
    import re

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "reportlint" and hook["language"] == "python"
    assert "--force-exclude" in hook["entry"]
    files = re.compile(hook["files"])
    for name in (
        "2024年度报告.txt",
        "报告.docx",
        "安平镇法治政府建设情况.html",
        "县长述法报告.md",
        "Annual-Report.PDF",
        "reports/安平镇.txt",
        "reports/2024/安平镇.htm",
        "报告/甲镇.docx",
    ):
        assert files.search(name), name
    for name in (
        "README.md",
        "reports/README.md",
        "requirements.txt",
        "LICENSE.txt",
        "notes.txt",
        "docs/安平镇.txt",
        "notes.json",
        "report.txt.orig",
    ):
        assert not files.search(name), name
