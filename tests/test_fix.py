"""--fix and --diff: what is written, how, and what is never touched."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from reportlint.checks import Fix
from reportlint.cli import main
from reportlint.document import Span
from reportlint.fix import apply_fixes

from support import SYNTHETIC, seed

# The safe fixes: punctuation width, numbering style, broken lines, title spaces.
SAFE = "RL403,RL404,RL408,RL409"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def seed_text(n: int) -> str:
    return seed(n).read_text(encoding="utf-8")


def test_apply_fixes_skips_overlaps_and_keeps_the_rest():
    text = "甲,乙,丙"
    fixes = [Fix(Span(1, 2), "，"), Fix(Span(1, 4), "X"), Fix(Span(3, 4), "，")]
    assert apply_fixes(text, fixes) == ("甲，乙，丙", 2)
    # The same fix from two rules is applied once.
    assert apply_fixes(text, [Fix(Span(1, 2), "，"), Fix(Span(1, 2), "，")]) == ("甲，乙,丙", 1)


@pytest.mark.slow
def test_fix_keeps_gb18030_and_crlf_and_is_idempotent(tmp_path):
    original = seed_text(4)
    path = tmp_path / "report.txt"
    path.write_bytes(original.replace("\n", "\r\n").encode("gb18030"))

    result = run("check", "--select", SAFE, "--fix", str(path))
    assert "已自动修复" in result.output
    data = path.read_bytes()
    fixed = data.decode("gb18030")  # still GB18030: this would raise otherwise
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert "2023年，杭州道街坚持" in fixed and "（一）规范文明执法" in fixed
    assert "3.社会治安综合治理工作：" in fixed
    # Numbers, dates and names are never rewritten.
    assert "罚款24879.5元" in fixed and "2023年11月20日" in fixed
    # Only marks changed, one character for one: every other character is as it was.
    before = original.replace("\n", "\r\n")
    assert len(fixed) == len(before)
    changed = {(a, b) for a, b in zip(before, fixed, strict=True) if a != b}
    assert changed <= {(",", "，"), (";", "；"), (":", "："), ("(", "（"), (")", "）"), ("、", ".")}

    again = run("check", "--select", SAFE, "--fix", str(path))
    assert path.read_bytes() == data
    assert "已自动修复" not in again.output


def test_fix_keeps_utf8_bom_and_file_mode(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xef\xbb\xbf" + seed_text(1).encode("utf-8"))
    path.chmod(0o640)
    run("check", "--select", "RL404", "--fix", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf" * 2)
    assert "今年共组织镇村领导干部" in data.decode("utf-8-sig")
    assert b"," not in data.split(b"\n")[11]  # the (一) heading paragraph, all full-width now
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temporary file left


def test_fix_joins_broken_lines_of_seed_001(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(seed_text(1), encoding="utf-8")
    run("check", "--select", "RL408", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "纳入领导班子和领导干部年度考核重要指标" in fixed
    assert "对党委的重要事项" in fixed
    # Nothing but line breaks and the indentation around them went.
    assert "".join(fixed.split()) == "".join(seed_text(1).split())
    assert len(fixed.splitlines()) < len(seed_text(1).splitlines())


def test_diff_shows_and_writes_nothing(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(seed_text(4), encoding="utf-8")
    before = path.read_bytes()
    result = run("check", "--select", "RL403", "--diff", str(path))
    assert result.exit_code == 1
    assert "-    3、社会治安综合治理工作" in result.output
    assert "+    3.社会治安综合治理工作" in result.output
    assert path.read_bytes() == before
    clean = run("check", "--select", SAFE, "--diff", str(SYNTHETIC / "clean.txt"))
    assert clean.exit_code == 0 and clean.stdout == ""


def test_read_only_file_is_not_replaced(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(seed_text(4), encoding="utf-8")
    path.chmod(0o444)
    before = path.read_bytes()
    result = run("check", "--select", "RL404", "--fix", str(path))
    assert result.exit_code == 2
    assert "只读" in result.output and str(path) in result.output
    assert path.read_bytes() == before
    os.chmod(path, 0o644)


@pytest.mark.slow
def test_mixed_line_endings_are_not_rewritten(tmp_path):
    path = tmp_path / "report.txt"
    text = seed_text(4)
    head, tail = text[: len(text) // 2], text[len(text) // 2 :]
    path.write_bytes((head.replace("\n", "\r\n") + tail).encode("utf-8"))
    before = path.read_bytes()
    result = run("check", "--select", "RL404", "--fix", str(path))
    assert result.exit_code == 2
    assert "换行符" in result.output
    assert path.read_bytes() == before
    # The findings are still reported.
    assert "RL404" in result.output


def test_fix_from_stdin_is_a_usage_error():
    result = run("check", "--fix", "-", stdin="今年以来,我镇推进依法行政。")
    assert result.exit_code == 2
    assert "标准输入" in result.output


def test_unsafe_fixes_are_not_applied_without_the_flag(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        """pack: mine
rules:
  - code: XX001
    name: zhang-to-account
    kind: substitution
    severity: warning
    message: “{match}”应为“{replacement}”
    params:
      swap: {"村帐": "村账"}
      fix: unsafe
""",
        encoding="utf-8",
    )
    path = tmp_path / "report.txt"
    path.write_text("一、主要工作\n规范村帐管理。\n", encoding="utf-8")
    run("check", "--rules", str(pack), "--select", "XX001", "--fix", str(path))
    assert "村帐" in path.read_text(encoding="utf-8")
    run("check", "--rules", str(pack), "--select", "XX001", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == "一、主要工作\n规范村账管理。\n"


def test_diff_applies_with_patch_and_goes_to_output(tmp_path):
    import shutil
    import subprocess

    path = tmp_path / "report.txt"
    path.write_text(seed_text(4), encoding="utf-8")
    out = tmp_path / "fix.diff"
    result = run("check", "--select", "RL403", "--diff", "--output", str(out), str(path))
    assert result.exit_code == 1 and "-    3、" not in result.stdout
    diff = out.read_text(encoding="utf-8")
    assert diff.startswith(f"--- {path}\n+++ {path}\n")  # plain paths, as git and ruff write
    if shutil.which("patch"):
        subprocess.run(["patch", "-p0", "-i", str(out)], cwd="/", check=True, capture_output=True)
        assert run("check", "--select", "RL403", str(path)).exit_code == 0


@pytest.mark.slow
def test_a_failed_write_is_its_own_kind_of_error(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(seed_text(4), encoding="utf-8")
    path.chmod(0o444)
    result = run("check", "--select", "RL404", "--fix", str(path))
    assert "RL003 [error] 未写入修复：文件是只读的" in result.output
    assert "未写入修复：文件是只读的，未写入修复" not in result.output
    assert "1 个文件的修复未能写入" in result.output and "无法检查" not in result.output
    os.chmod(path, 0o644)


def test_fix_through_a_symbolic_link_fixes_the_file_and_keeps_the_link(tmp_path):
    # CLI hunt: the link was replaced by a fixed copy and the file left unfixed.
    real = tmp_path / "real.txt"
    real.write_text(seed_text(1), encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    run("check", "--select", "RL404", "--fix", str(link))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert run("check", "--select", "RL404", str(real)).exit_code == 0


@pytest.mark.slow
def test_a_diff_applies_to_a_file_without_a_final_newline_or_with_crlf(tmp_path, monkeypatch):
    # CLI hunt: the seeds end without a line break, and CRLF lines were written LF.
    import shutil
    import subprocess

    if not shutil.which("patch"):
        return
    monkeypatch.chdir(tmp_path)
    plain = tmp_path / "plain.txt"
    plain.write_text(seed_text(1).rstrip("\n"), encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(seed_text(1).replace("\n", "\r\n").encode("utf-8"))
    for path in (plain, crlf):
        result = run("check", "--select", "RL404", "--diff", path.name)
        diff = tmp_path / f"{path.stem}.diff"
        diff.write_bytes(result.stdout_bytes)
        subprocess.run(
            ["patch", "-p0", "-i", str(diff)], cwd=tmp_path, check=True, capture_output=True
        )
        assert run("check", "--select", "RL404", str(path)).exit_code == 0, path.name
    assert not plain.read_bytes().endswith(b"\n") and b"\r\n" in crlf.read_bytes()


@pytest.mark.slow
def test_a_diff_applies_with_a_bom_a_form_feed_and_a_space_in_the_name(tmp_path, monkeypatch):
    # Review of the diff fix: the BOM was left off line 1, str.splitlines split at the
    # form feed pdftotext leaves, and GNU patch cut "my report.txt" at the space.
    import shutil
    import subprocess

    if not shutil.which("patch"):
        return
    monkeypatch.chdir(tmp_path)
    text = seed_text(1).replace("\n\n", "\n\x0c\n", 1)
    for name, data in (
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("my report.txt", text.encode("utf-8")),
    ):
        (tmp_path / name).write_bytes(data)
        result = run("check", "--select", "RL404", "--diff", name)
        (tmp_path / "fix.diff").write_bytes(result.stdout_bytes)
        subprocess.run(["patch", "-p0", "-i", "fix.diff"], check=True, capture_output=True)
        assert run("check", "--select", "RL404", name).exit_code == 0, name


def test_a_diff_of_a_file_with_cr_line_ends_is_refused(tmp_path):
    path = tmp_path / "cr.txt"
    path.write_bytes(seed_text(1).replace("\n", "\r").encode("utf-8"))
    result = run("check", "--select", "RL404", "--diff", str(path))
    assert result.exit_code == 2 and "CR" in result.output and result.stdout == ""
