"""Many files: walks, symlink loops, worker processes, deterministic order."""

from __future__ import annotations

import json
import os
import sys

import pytest
from click.testing import CliRunner

from reportlint.cli import main
from reportlint.config import Configuration
from reportlint.runner import PARALLEL_MIN_FILES, _workers, check_paths

from support import SEEDS, SYNTHETIC


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def corpus(tmp_path):
    """A reviewer's batch: every sample, several times, in nested folders."""
    samples = [*sorted(SEEDS.glob("*.txt")), *sorted(SYNTHETIC.glob("*.txt"))]
    for i in range(3):
        folder = tmp_path / f"县{i}" / "乡镇"
        folder.mkdir(parents=True)
        for sample in samples:
            (folder / sample.name).write_bytes(sample.read_bytes())
    return tmp_path


def test_worker_processes_give_the_same_output_in_the_same_order(corpus):
    one = run("check", "--format", "json", "-j", "1", str(corpus))
    two = run("check", "--format", "json", "-j", "2", str(corpus))
    assert one.exit_code == two.exit_code == 1
    assert one.output == two.output
    paths = [d["path"] for d in json.loads(one.output)]
    assert paths == sorted(paths)


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_a_few_files_stay_in_one_process():
    files = [f"{i}.txt" for i in range(5)]
    assert _workers(None, files) == 1  # a pre-commit run pays no start-up
    assert _workers(None, files * PARALLEL_MIN_FILES) >= 1
    assert _workers(3, files) == 3
    assert _workers(4, [*files, "-"]) == 1  # standard input is read here


def test_fix_in_worker_processes_writes_every_file(corpus):
    result = run("check", "--fix", "-j", "2", "--select", "RL404", str(corpus))
    assert "已自动修复" in result.output
    assert run("check", "--select", "RL404", str(corpus)).exit_code == 0


def test_symlink_loop_is_reported_and_the_rest_is_checked(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_bytes((SYNTHETIC / "clean.txt").read_bytes())
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    result = run("check", "--format", "json", str(tmp_path))
    data = json.loads(result.stdout)
    assert result.exit_code == 2
    assert [d["code"] for d in data] == ["RL001"]
    assert "循环" in data[0]["message"] and data[0]["path"].endswith("loop")
    config = Configuration()
    assert check_paths([str(tmp_path)], config).files_checked == 1


def test_a_linked_folder_of_reports_is_checked(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "r.txt").write_text("不是报告", encoding="utf-8")
    walk = tmp_path / "walk"
    walk.mkdir()
    os.symlink(real, walk / "linked")
    assert check_paths([str(walk)], Configuration()).files_checked == 1


def test_a_file_deleted_before_it_is_read(tmp_path, monkeypatch):
    from reportlint import runner

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes((SYNTHETIC / "clean.txt").read_bytes())
    real_collect = runner.collect

    def collect_then_delete(*args, **kwargs):
        items = list(real_collect(*args, **kwargs))
        (tmp_path / "a.txt").unlink()
        return iter(items)

    monkeypatch.setattr(runner, "collect", collect_then_delete)
    result = check_paths([str(tmp_path)], Configuration())
    assert result.files_checked == 1
    (error,) = result.errors
    assert error.path.endswith("a.txt") and "不存在" in error.message


def test_a_file_named_twice_or_also_in_a_named_folder_is_checked_once(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        (SYNTHETIC / "clean.txt").read_text("utf-8").replace("2025年1月20日", "2025120"), "utf-8"
    )
    data = json.loads(
        run("check", "--format", "json", str(report), str(tmp_path), f"{tmp_path}/./r.txt").output
    )
    assert [d["code"] for d in data] == ["RL103"]


def test_a_named_pipe_is_an_error_not_a_hang(tmp_path):
    (tmp_path / "r.txt").write_bytes((SYNTHETIC / "clean.txt").read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    result = run("check", "--format", "json", str(tmp_path))
    data = json.loads(result.stdout)
    assert result.exit_code == 2
    assert [(d["path"].rsplit("/", 1)[1], d["code"]) for d in data] == [("pipe.txt", "RL001")]
    assert "不是普通文件" in data[0]["message"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a folder whatever its mode")
def test_an_unreadable_folder_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "r.txt").write_bytes((SYNTHETIC / "clean.txt").read_bytes())
    locked.chmod(0)
    try:
        result = run("check", str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2 and "无法读取目录" in result.output


def test_old_word_rtf_and_odt_files_in_a_folder_are_reported_not_passed_over(tmp_path):
    # CLI hunt: a folder of .doc/.wps files said "未发现问题" and exited 0.
    (tmp_path / "甲镇.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp_path / "乙镇.rtf").write_bytes(b"{\\rtf1\\ansi\\ansicpg936 \\'c7\\'e0}")
    (tmp_path / "丙镇.odt").write_bytes(
        b"PK\x03\x04" + b"\0" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text"
    )
    (tmp_path / "丁镇.txt").write_text(
        (SYNTHETIC / "clean.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = run("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 2
    found = {os.path.basename(d["path"]): d["message"] for d in json.loads(result.stdout)}
    assert "旧版 Word/WPS" in found["甲镇.doc"]
    assert "RTF" in found["乙镇.rtf"] and "OpenDocument" in found["丙镇.odt"]
    assert "丁镇.txt" not in found


def test_an_old_doc_beside_its_docx_and_word_lock_files_are_passed_over(tmp_path):
    # Review: 报告.doc kept beside 报告.docx made the folder exit 2; ~$报告.docx is
    # Word's lock file while the report is open.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    (tmp_path / "报告.doc").write_bytes(ole)
    (tmp_path / "报告.txt").write_text(
        (SYNTHETIC / "clean.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "~$报告.docx").write_bytes(b"\0lock")
    (tmp_path / "~$另一份.doc").write_bytes(ole)
    result = run("check", str(tmp_path))
    assert result.exit_code == 0 and "检查了 1 个文件" in result.output


def test_a_folder_walk_passes_over_reportlints_own_copies_with_comments(tmp_path):
    from pathlib import Path

    # `reportlint check --format docx --split-per-file` or `annotate` writes
    # "报告（审查意见）.docx" beside the reports: a later run must not check it.
    from reportlint.runner import collect

    (tmp_path / "报告.txt").write_text("某镇2024年法治政府建设情况报告\n", encoding="utf-8")
    (tmp_path / "报告（审查意见）.docx").write_bytes(b"PK\x03\x04")
    config = Configuration()
    found = [item for item in collect([str(tmp_path)], config) if isinstance(item, str)]
    assert [Path(p).name for p in found] == ["报告.txt"]
    # Named on the command line, it is checked like any file.
    named = str(tmp_path / "报告（审查意见）.docx")
    assert named in [item for item in collect([named], config) if isinstance(item, str)]
