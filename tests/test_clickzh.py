"""The command line in Chinese (click's own words too), laid out by display
width, and output that survives a GBK console or pipe."""

from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from rich.cells import cell_len

from reportlint import clickzh
from reportlint.cli import main

from support import clean_text

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = ("Usage:", "Options", "Commands", "Show this message", "Error:", "default:", "Try '")
# click messages no user of reportlint can meet: they report mistakes in a
# program's own declarations, or belong to features reportlint does not use.
NOT_SHOWN = {
    "d",
    "{editor}: Editing failed",
    "{editor}: Editing failed: {e}",
    "Windows error: {error}",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Couldn't detect Bash version, shell completion is not supported.",
    "Shell completion is not supported for Bash versions older than 4.4.",
    "Unknown color {colour!r}",
    "Unknown standard stream '{name}'",
    "Choice({choices})",
}


def click_messages() -> tuple[set[str], set[str]]:
    """The gettext and ngettext message ids in the installed click's source."""
    single, plural = set(), set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    if node.func.id == "_":
                        single.add(first.value)
                    elif node.func.id == "ngettext":
                        plural.add(first.value)
    return single, plural


def fields(template: str) -> set[str]:
    found = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    return found | set(re.findall(r"%\((\w+)\)s", template))


@pytest.mark.slow
def test_every_message_click_shows_is_translated_and_every_translation_is_used() -> None:
    single, plural = click_messages()
    # "required" reaches gettext through a variable: _(extra["required"]).
    assert set(clickzh.MESSAGES) <= single | {"required"}  # none that click no longer has
    assert set(clickzh.PLURALS) <= plural
    assert single - set(clickzh.MESSAGES) <= NOT_SHOWN
    assert plural - set(clickzh.PLURALS) <= NOT_SHOWN


def test_translations_keep_their_placeholders() -> None:
    for message, chinese in clickzh.MESSAGES.items():
        assert fields(message) == fields(chinese), message
    for message, chinese in clickzh.PLURALS.items():
        assert fields(chinese) <= fields(message) | {"len", "possibilities", "choices"}, message


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="reportlint")


def all_commands() -> list[tuple[str, click.Command]]:
    return [("", main), *((name, command) for name, command in main.commands.items())]  # type: ignore[attr-defined]


def test_every_command_and_option_has_chinese_help() -> None:
    for name, command in all_commands():
        assert CJK.search(command.help or ""), name
        for param in command.params:
            if isinstance(param, click.Option):
                assert CJK.search(param.help or ""), f"{name} {param.opts}"


@pytest.mark.parametrize("name", [name for name, _ in all_commands()])
def test_help_is_chinese_and_aligned_by_display_width(name: str) -> None:
    result = invoke(*filter(None, [name]), "--help")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith(f"用法：reportlint {name}".rstrip())
    assert "选项：" in out
    assert not any(word in out for word in ENGLISH), out
    # The help of every option that fits on its row starts at one column.
    starts = set()
    for line in out.splitlines():
        m = re.match(r"^(  -\S.*?  +)(\S)", line)
        if m and (CJK.match(m.group(2)) or m.group(2) in "[“（"):
            starts.add(cell_len(m.group(1)))
    assert len(starts) == 1, out
    # No line is wider than the terminal click lays help out for.
    assert max(cell_len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["chek"], "错误：没有命令 'chek'。是不是 'check'？"),
        (["check", "--fromat", "json", "x"], "错误：没有选项 '--fromat'。是不是 '--format'？"),
        (["check", "--format", "xml", "x"], "的值无效：'xml' 不是 'text', 'concise', 'json'"),
        (["check", "--report-year", "abc", "x"], "'abc' 不是有效的整数。"),
        (["check", "--report-year", "1990", "x"], "1990 不在范围 2000<=x<=2100 内。"),
        (["annotate"], "错误：缺少参数 '路径...'。"),
        (["init", "/no/such/folder"], "文件夹 '/no/such/folder' 不存在。"),
        (["check", "--format"], "选项 '--format' 需要一个值。"),
    ],
)
def test_click_errors_are_chinese(args: list[str], says: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert says in result.output
    if "用法：" in result.output:
        assert "用 'reportlint" in result.output and "查看帮助。" in result.output
    assert not any(word in result.output for word in ENGLISH), result.output


def test_version_is_the_name_and_the_number_as_linters_print_it() -> None:
    # "reportlint 0.1.0", as ruff and Vale print theirs: scripts read it.
    assert invoke("--version").output.startswith("reportlint 0.")


def test_wrap_counts_display_width_and_keeps_words_and_closing_marks() -> None:
    text = "把可安全自动修复的问题改在文件里，再报告其余问题（Word、网页和 PDF 不改动：请用 annotate）。"
    lines = clickzh.wrap(text, 20)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) <= 20 for line in lines)
    assert not any(line[0] in "，。）：" or line[-1] in "（“" for line in lines)
    assert any("annotate）。" in line or line.startswith("annotate") for line in lines)


# --- a GBK console or pipe ---------------------------------------------------------------


def run_gbk(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "cp936"}
    return subprocess.run(
        [sys.executable, "-m", "reportlint", *args], capture_output=True, env=env, cwd=cwd
    )


@pytest.mark.slow
def test_a_gbk_pipe_gets_the_output_with_unencodable_characters_replaced(tmp_path: Path) -> None:
    # A non-breaking space copied from a web page (GBK has none), and a
    # character outside GBK altogether.
    text = clean_text().replace("2024年，望溪镇", "2024年，望溪镇\u00a0坚持\u2603,")
    (tmp_path / "报告.txt").write_text(text, encoding="utf-8")
    done = run_gbk("check", "报告.txt", cwd=tmp_path)
    assert b"Traceback" not in done.stderr, done.stderr.decode("gbk", "replace")
    assert done.returncode == 1
    out = done.stdout.decode("gbk")  # all of it GBK
    assert "中文中用了半角“,”" in out and "建议：改为全角“，”" in out
    assert "望溪镇 坚持?," in out  # the space as a space, the snowman as "?"


@pytest.mark.slow
def test_gbk_stderr_and_help_do_not_crash(tmp_path: Path) -> None:
    done = run_gbk("check", "缺\u00a0失.txt", cwd=tmp_path)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert "缺 失.txt" in done.stdout.decode("gbk") + done.stderr.decode("gbk")
    shown = run_gbk("check", "--help", cwd=tmp_path)
    assert shown.returncode == 0 and "reportlint check [选项]" in shown.stdout.decode("gbk")
