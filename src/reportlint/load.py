"""Stage 1, load: bytes -> Source.

Decoding is deliberately a fixed, strict order rather than statistical
detection: a GBK/GB18030 text is almost never valid UTF-8, so "strict UTF-8,
then strict GB18030" tells the two apart on any length of text, including the
short files where statistical detectors guess.  What was detected (encoding,
BOM, line endings) is kept so that a fix can write the file back the same way.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

# A report is a few dozen KB; anything this large is not one, and reading it
# would only make a CI gate slow.  Tunable per run.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

STDIN_NAME = "-"

# What a directory walk picks up.  A file named on the command line is read
# whatever its extension.
REPORT_SUFFIXES = (".txt",)


class LoadError(Exception):
    """The file cannot be checked.  The message is for a person, in Chinese."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    text: str  # decoded, BOM removed, every line break written as "\n"
    encoding: str  # a Python codec name: "utf-8", "gb18030", "utf-16-le", ...
    bom: bool
    newline: str  # "\n", "\r\n", "\r", or "mixed"; "\n" when the text has no break
    # "text" for a plain-text file; otherwise the container the text was
    # extracted from ("docx", "html", "pdf"), which a fix cannot write back.
    format: str = "text"


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def load_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file (or standard input for "-")."""
    name = str(path)
    if name == STDIN_NAME:
        return decode(sys.stdin.buffer.read(max_bytes + 1), name, max_bytes)
    p = Path(path)
    try:
        if p.is_dir():
            raise LoadError("这是一个目录，不是文件")
        size = p.stat().st_size
        if size > max_bytes:
            raise LoadError(f"文件过大（{size:,} 字节，上限 {max_bytes:,} 字节），不像一份报告")
        with p.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise LoadError("文件不存在") from None
    except PermissionError:
        raise LoadError("没有读取权限") from None
    except OSError as exc:
        raise LoadError(f"无法读取：{exc.strerror or exc}") from None
    return decode(data, name, max_bytes)


def decode(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    if len(data) > max_bytes:
        raise LoadError(f"文件过大（超过 {max_bytes:,} 字节），不像一份报告")
    text, encoding, bom = _decode_bytes(data)
    if not text.strip():
        raise LoadError("文件为空")
    if _looks_binary(text):
        raise LoadError("不是文本文件（含有二进制数据）")
    newline = _newline_style(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path=name, text=text, encoding=encoding, bom=bom, newline=newline)


def _decode_bytes(data: bytes) -> tuple[str, str, bool]:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(encoding), encoding, True
            except UnicodeDecodeError:
                raise LoadError(
                    f"文件以 {encoding} 标记开头，但内容无法按 {encoding} 解码"
                ) from None
    if b"\x00" in data:
        raise LoadError("不是文本文件（含有二进制数据）")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding, False
        except UnicodeDecodeError:
            continue
    raise LoadError("无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK）")


def _looks_binary(text: str) -> bool:
    # Control characters other than tab/newline/form feed do not occur in a
    # report; a few may come from a bad copy, many mean it is not text.
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > max(8, len(sample) // 100)


def _newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [style for style, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if not kinds:
        return "\n"
    return kinds[0] if len(kinds) == 1 else "mixed"
