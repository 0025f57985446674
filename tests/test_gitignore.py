""".gitignore files in directory walks (issue 17): what git ignores is not
checked, as with ruff; files named on the command line still are."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

from support import clean_text

DEFECTIVE = clean_text().replace("2025年1月20日", "2025120")


def write(path: Path, text: str = DEFECTIVE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def checked(*args: str) -> set[str]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    return {Path(d["path"]).as_posix() for d in json.loads(result.stdout)}


def names(paths: set[str], root: Path) -> set[str]:
    return {Path(p).relative_to(root).as_posix() for p in paths}


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # what makes a folder a repository's root
    write(tmp_path / ".gitignore", "导出/\n*.bak.txt\n/草稿.txt\n")
    write(tmp_path / "reports" / ".gitignore", "旧稿/\n!重要.bak.txt\n")
    for name in (
        "reports/a.txt",
        "reports/b.bak.txt",
        "reports/重要.bak.txt",
        "reports/旧稿/c.txt",
        "reports/导出/d.txt",
        "reports/镇/草稿.txt",  # /草稿.txt is anchored at the root only
        "草稿.txt",
        "e.txt",
    ):
        write(tmp_path / name)
    return tmp_path


def test_a_walk_leaves_out_what_the_repository_ignores(repository):
    found = names(checked(str(repository)), repository)
    assert found == {"reports/a.txt", "reports/重要.bak.txt", "reports/镇/草稿.txt", "e.txt"}


def test_patterns_above_the_walked_folder_apply_up_to_the_repository_root(repository):
    found = names(checked(str(repository / "reports")), repository)
    assert found == {"reports/a.txt", "reports/重要.bak.txt", "reports/镇/草稿.txt"}


@pytest.mark.slow
def test_the_walk_agrees_with_git(repository):
    if shutil.which("git") is None:
        pytest.skip("needs git")
    shutil.rmtree(repository / ".git")
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=repository,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    by_git = {name for name in listed.split("\0") if name.endswith(".txt")}
    assert names(checked(str(repository)), repository) == by_git


@pytest.mark.slow
def test_no_respect_gitignore_checks_everything(repository):
    found = names(checked("--no-respect-gitignore", str(repository)), repository)
    assert "reports/b.bak.txt" in found and "reports/旧稿/c.txt" in found and len(found) == 8


def test_a_file_named_on_the_command_line_is_checked_even_if_ignored(repository):
    ignored = repository / "reports" / "b.bak.txt"
    assert checked(str(ignored)) == {ignored.as_posix()}


def test_without_a_repository_the_walked_folders_own_gitignore_still_applies(tmp_path):
    write(tmp_path / "reports" / ".gitignore", "*.bak.txt\n")
    write(tmp_path / "reports" / "a.txt")
    write(tmp_path / "reports" / "b.bak.txt")
    found = names(checked(str(tmp_path / "reports")), tmp_path)
    assert found == {"reports/a.txt"}


def test_a_folder_whose_reports_are_all_ignored_is_nothing_checked(repository):
    result = CliRunner().invoke(main, ["check", str(repository / "reports" / "旧稿")])
    # The folder itself is named, so its contents are walked: git ignores the
    # folder, and so does the walk (it matches below the repository root).
    assert result.exit_code == 2 and "没有找到要检查的报告" in result.output
