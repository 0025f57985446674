"""One upload checked: bytes and a file name in, the page's answer out.

Kept apart from the HTTP layer so that the rules of what is accepted (size,
type) and what is answered (the rendered report, the counts, the fixed
text, the annotated Word copy) are plain functions.
"""

from __future__ import annotations

import base64
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from reportlint.annotate import output_path
from reportlint.checks import RuleSet, Severity
from reportlint.document import parse
from reportlint.fix import FixError, encode, fix_source
from reportlint.load import (
    DEFAULT_MAX_BYTES,
    REPORT_SUFFIXES,
    UNREADABLE_SUFFIXES,
    LoadError,
    Source,
    format_of,
    load_bytes,
)
from reportlint.report import FileView, ReportInfo, by_importance
from reportlint.report.html import render_report

# A Word or PDF file carries images: it may be larger than its text, which the
# loader still holds to DEFAULT_MAX_BYTES.  Larger uploads are refused unread.
MAX_UPLOAD = 20 * 1024 * 1024
MAX_PASTE = DEFAULT_MAX_BYTES
PASTED_NAME = "粘贴的文字.txt"
ACCEPTED = REPORT_SUFFIXES
ANCHOR = "report"


class Refused(Exception):
    """An upload the page will not check; the message is for the clerk."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def safe_name(raw: str) -> str:
    """The file's own name, as shown on the page and used for the download:
    no folders, no control characters."""
    name = PurePath(raw.replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name or "报告.txt"


def accept(name: str, size: int | None, pasted: bool) -> None:
    """Refuse by size and type before reading anything."""
    limit = MAX_PASTE if pasted else MAX_UPLOAD
    if size is not None and size > limit:
        raise Refused(too_large(pasted), 413)
    if pasted:
        return
    suffix = PurePath(name).suffix.lower()
    if suffix in UNREADABLE_SUFFIXES:
        raise Refused(
            f"“{name}”是旧版 Word、WPS、RTF 或 OpenDocument 文件，无法直接检查："
            "请在 Word 或 WPS 中“另存为” .docx 格式后再上传。",
            415,
        )
    if suffix not in ACCEPTED:
        shown = suffix or "（没有扩展名）"
        raise Refused(
            f"不支持这种文件（{shown}）：请上传 Word（.docx）、纯文本（.txt）、PDF（.pdf）"
            "或网页（.html）文件，或者直接粘贴报告全文。",
            415,
        )


def too_large(pasted: bool) -> str:
    if pasted:
        return f"粘贴的文字太长（超过 {MAX_PASTE // 1024 // 1024} MB），不像一份报告。"
    return f"文件太大（超过 {MAX_UPLOAD // 1024 // 1024} MB），不像一份报告：请检查是否选错了文件。"


@dataclass(frozen=True, slots=True)
class Answer:
    name: str
    html: str
    counts: dict[str, int]
    can_submit: bool
    fixed_name: str
    fixed_data: bytes | None  # the text with the safe fixes applied, as a file
    fixes: int
    word_name: str  # the annotated copy's name, made on request (annotate_upload)
    # None for a Word file; else the format ("text", "html", "pdf") whose text
    # the Word copy is made from.
    word_from: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "html": self.html,
            "counts": self.counts,
            "can_submit": self.can_submit,
            "fixes": self.fixes,
            "word": {"name": self.word_name, "from": self.word_from},
            "fixed": None
            if self.fixed_data is None
            else {
                "name": self.fixed_name,
                "data": base64.b64encode(self.fixed_data).decode("ascii"),
            },
        }


def check_upload(data: bytes, name: str, rules: RuleSet, pasted: bool = False) -> Answer:
    """Load, check and render one report; Refused when it cannot be read."""
    accept(name, len(data), pasted)
    fmt = "text" if pasted else format_of(name)
    try:
        source = load_bytes(data, name, fmt)
    except LoadError as exc:
        raise Refused(f"无法检查“{name}”：{exc}", 422) from None
    doc = parse(source)
    diagnostics = sorted(rules.run(doc), key=by_importance)
    # The page answers the clerk's question, 能否提交: errors decide it.
    info = ReportInfo.of(doc, Severity.ERROR, keep_text=True)
    view = FileView(name, diagnostics, info=info)
    counts = view.counts
    fixed_data, applied = _fixed(source, rules)
    stem = PurePath(name).stem
    suffix = PurePath(name).suffix if source.format == "text" and PurePath(name).suffix else ".txt"
    return Answer(
        name=name,
        html=render_report(view, ANCHOR),
        counts={s.value: counts[s] for s in Severity},
        can_submit=view.verdict == "pass",
        fixed_name=f"{stem}（已修正）{suffix}",
        fixed_data=fixed_data,
        fixes=applied,
        word_name=word_name(name),
        word_from=None if source.format == "docx" else source.format,
    )


def word_name(name: str) -> str:
    """原名（审查意见）.docx, as `reportlint annotate` names the copy."""
    return output_path(name).name


@dataclass(frozen=True, slots=True)
class Annotated:
    name: str
    docx: bytes
    comments: int  # one per finding (the overview comment on the title aside)
    revisions: int  # findings whose fix is a tracked change


def annotate_upload(data: bytes, name: str, rules: RuleSet, pasted: bool = False) -> Annotated:
    """The upload as an annotated Word copy (reportlint annotate's), in memory;
    Refused when it cannot be read."""
    from reportlint.annotate import annotate_bytes

    accept(name, len(data), pasted)
    try:
        result = annotate_bytes(data, name, rules)
    except LoadError as exc:
        raise Refused(f"无法生成“{name}”的 Word 文件：{exc}", 422) from None
    except Exception as exc:  # a bug of ours: say so rather than fail without a word
        raise Refused(
            f"生成 Word 文件时 reportlint 内部出错（{type(exc).__name__}），请报告此问题。"
            "问题清单和修正后的文字不受影响。",
            500,
        ) from exc
    return Annotated(word_name(name), result.docx, len(result.notes), result.revisions)


def _fixed(source: Source, rules: RuleSet) -> tuple[bytes | None, int]:
    """The text with the safe fixes applied, as bytes a clerk's editor opens:
    a text file as it came (encoding, BOM, line ends), text taken out of a
    Word, PDF or web page as UTF-8 with a BOM and Windows line ends."""
    outcome = fix_source(source, rules)
    if not outcome.applied:
        return None, 0
    if source.format == "text":
        try:
            return encode(source, outcome.text), outcome.applied
        except FixError:  # mixed line ends, or a character the old encoding lacks
            pass
    return ("\ufeff" + outcome.text.replace("\n", "\r\n")).encode("utf-8"), outcome.applied
