"""click in Chinese, and a console that never chokes on a character.

The people who run reportlint on Windows read Chinese, and a Chinese Windows
console or a redirected pipe is GBK (cp936).  Two things follow:

- click's own words (Usage:, Options, Error: …, "No such option") are marked
  for gettext in each click module (`_` and `ngettext`), but click ships no
  translation, and gettext would pick one from the LANG variables Windows
  does not set.  `install()` points those names at the table below instead.
  A message click adds later and the table lacks stays English; a test lists
  the ones click has, so an upgrade that changes them is noticed.  Option
  names (--format) are never translated: they are what people type.
- Output that the stream's encoding cannot hold (a non-breaking space copied
  from a web page, in a GBK pipe) must not end the run with a traceback:
  `ChineseGroup.main` sets the standard streams to replace such characters
  (by their compatibility form when that can be written, as a space for a
  non-breaking space, else "?").
"""

from __future__ import annotations

import codecs
import io
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils
from rich.cells import cell_len

# click's messages (click 8.1-8.5), each with its placeholders kept.
MESSAGES = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看帮助。",
    "Aborted!": "已中止。",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing {param_type}": "缺少{param_type}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项的开头字符无效（{option}）",
    "Value must be an iterable.": "值必须是一组值。",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "deprecated": "已弃用",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "弃用提示：命令 {name!r} 已弃用。{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "弃用提示：{param_type} {name!r} 已弃用。{extra_message}"
    ),
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} 不是有效的布尔值。可用的值：{states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是一个文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是一个文件夹。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不询问，直接确认。",
    "Repeat for confirmation": "再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的值不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
}
# ngettext(singular, plural, n): Chinese has one form.
PLURALS = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，但只给了 1 个。",
    "Did you mean {possibility}?": "是不是 {possibility}？",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {format}。",
    "{len_type} values are required, but {len_value} was given.": (
        "需要 {len_type} 个值，但给了 {len_value} 个。"
    ),
}
_PLURAL_FORMS = {
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，但给了 {len} 个。",
    "Did you mean {possibility}?": "（是不是 {possibilities} 中的一个？）",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要 {nargs} 个值。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choices} 之一。",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {formats}。",
}
# What a value's type is called in --help (its metavar: --select 文本) and in
# messages ("'x' 不是有效的整数").  Path's names are gettext words (above).
TYPE_NAMES = {
    click.types.StringParamType: "文本",
    click.types.IntParamType: "整数",
    click.types.IntRange: "整数",
    click.types.FloatParamType: "数",
    click.types.FloatRange: "数",
    click.types.BoolParamType: "布尔值",
    click.types.UUIDParameterType: "UUID",
    click.types.DateTime: "日期时间",
    click.types.File: "文件",
}
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."

_MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
    click.utils,
)


class _ErrorTemplate(str):
    """ "错误：{message}", whose message click assembles from parts with English
    stops ("缺少参数 '路径...'.", "没有命令 'x'。 是不是 'y'？"): a final "." and
    the space after a "。" are made Chinese as the message goes in."""

    def format(self, *args: object, **kwargs: object) -> str:
        message = str(kwargs.get("message", ""))
        message = re.sub(r"(?<=['\"）)\u4e00-\u9fff])\.$", "。", message).replace("。 ", "。")
        return super().format(*args, **{**kwargs, "message": message})


def gettext(message: str) -> str:
    if message == "Error: {message}":
        return _ErrorTemplate(MESSAGES[message])
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if n == 1 or singular not in _PLURAL_FORMS:
        return PLURALS.get(singular, singular if n == 1 else plural)
    return _PLURAL_FORMS[singular]


def install() -> None:
    """Make click speak Chinese in this process (idempotent).  Must run before
    the commands are declared: some words are taken when a decorator runs."""
    for module in _MODULES:
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    for kind, name in TYPE_NAMES.items():
        kind.name = name
    for singleton in (click.STRING, click.INT, click.FLOAT, click.BOOL, click.UUID):
        singleton.name = TYPE_NAMES[type(singleton)]


# --- streams -----------------------------------------------------------------------

ERRORS = "reportlint-replace"


def _replace(error: UnicodeError) -> tuple[str, int]:
    """A character the encoding lacks: its compatibility form if that can be
    written (a non-breaking space as a space, a full-width letter as a letter), else "?"."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for ch in error.object[error.start : error.end]:
        plain = unicodedata.normalize("NFKC", ch)
        try:
            plain.encode(error.encoding)
        except (UnicodeEncodeError, LookupError):
            plain = "?"
        out.append(plain)
    return "".join(out), error.end


codecs.register_error(ERRORS, _replace)


def safe_streams() -> None:
    """Standard output and error replace what their encoding cannot hold
    instead of raising (a GBK console or pipe on Windows)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "backslashreplace"):
            stream.reconfigure(errors=ERRORS)


# --- help layout ----------------------------------------------------------------------

# A Chinese character takes two columns of a console; click counts one, so its
# columns and line wrapping go astray.  These count what is shown.
_TOKEN = re.compile(r"[\x21-\x7e]+ *| +|.", re.S)
_NO_LINE_START = set("，。、；：？！）》」』】”’…%")
_NO_LINE_END = set("（《「『【“‘")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns: Chinese breaks between any two
    characters, Latin words stay whole; a closing mark (，。）) does not start
    a line (the character before it goes down with it, or it hangs) and an
    opening one (（“) does not end one."""
    lines: list[list[str]] = [[]]
    for token in _TOKEN.findall(text):
        line = lines[-1]
        if not line or cell_len("".join(line) + token.rstrip(" ")) <= width:
            line.append(token)
            continue
        carried: list[str] = []
        if token[0] in _NO_LINE_START:
            while len(line) > 1 and line[-1][0] in _NO_LINE_START:
                carried.insert(0, line.pop())
            if len(line) < 2:  # nothing to take down: the mark hangs
                line += [*carried, token]
                continue
            carried.insert(0, line.pop())
        while len(line) > 1 and line[-1][-1] in _NO_LINE_END:
            carried.insert(0, line.pop())
        lines.append([*carried, token if carried else token.lstrip(" ")])
    return [out for out in ("".join(line).strip(" ") for line in lines) if out]


def _unwrap(text: str) -> list[str]:
    """Paragraphs of a docstring, each on one line: no space where a line
    break fell between Chinese characters."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        joined = ""
        for piece in (part.strip() for part in block.splitlines()):
            if joined and not (_wide(joined[-1]) and _wide(piece[:1])):
                joined += " "
            joined += piece
        paragraphs.append(joined)
    return paragraphs


def _wide(ch: str) -> bool:
    return bool(ch) and cell_len(ch) == 2


class ChineseHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for k, paragraph in enumerate(_unwrap(text)):
            if k:
                self.write("\n")
            for line in wrap(paragraph, max(self.width - self.current_indent, 20)):
                self.write(f"{indent}{line}\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first_width = min(max((cell_len(first) for first, _ in rows), default=0), col_max)
        column = first_width + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if cell_len(first) <= first_width:
                self.write(" " * (column - cell_len(first)))
            else:
                self.write("\n" + " " * (column + self.current_indent))
            lines = wrap(second, max(self.width - column - self.current_indent - 2, 10))
            self.write((lines[0] if lines else "") + "\n")
            for line in lines[1:]:
                self.write(f"{indent}{' ' * column}{line}\n")


class ChineseContext(click.Context):
    formatter_class = ChineseHelpFormatter


class ChineseCommand(click.Command):
    context_class = ChineseContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence of the help, cut to `limit` columns."""
        if self.short_help or not self.help:
            return super().get_short_help_str(limit)
        first = _unwrap(self.help)[0]
        sentence = first.split("。")[0]
        if cell_len(sentence) <= limit:
            return sentence
        lines = wrap(sentence, limit - 1)
        return lines[0] + "…" if lines else ""


class ChineseGroup(click.Group):
    """A group whose help is laid out for Chinese and whose run starts by
    making the standard streams safe."""

    context_class = ChineseContext
    command_class = ChineseCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        safe_streams()
        return super().main(args, *rest, **kwargs)
