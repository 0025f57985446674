"""The 落款 at the end of the report proper (issuing body and date), and what
may follow it: 附注, attachments, the 版记, page numbers, contact lines.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from reportlint.document.dates import DATE_LINE, read_date
from reportlint.document.model import (
    Paragraph,
    Signature,
)
from reportlint.document.regexes import compiled
from reportlint.document.shapes import (
    ANY_ORDINAL_START,
    NEVER_BODY,
    ORGAN,
    PAGE_NUMBER,
    is_organ_line,
)
from reportlint.document.tables import CELL_GAP

AFTER_SIGNATURE = compiled(
    r"^(?:（此件.{0,8}）|附件[：:\d1-9]|附件$|\d[.、].{0,80}$|抄送|抄报|.{0,30}印发$|（联系人|联系人：|"
    r"上一篇|下一篇|【\s*(?:打印|关闭|字体))"
)

_CONTACT = compiled(r"^（?(?:联系人|联系电话|联系方式|电话|传真|电子邮箱|邮箱|网址|地址|邮编)[：:]")

# An attachment's label on a line of its own ("附件", "附件1", "附表："): below a 落款,
# everything from it on is the attachment (a table, its title, its notes).
ATTACHMENT_LABEL = compiled(r"^附[件表]\s*(?:\d{0,2}|[一二三四五六七八九十]{1,3})[：:]?$")

_TRAILING_DATE = compiled(r"(?P<date>\d{4}[\d年月日号.\-/ ]{2,16})$")


def find_signature(
    content: list[Paragraph], original: Callable[[Paragraph], str]
) -> tuple[Signature | None, list[Paragraph]]:
    """Take the 落款 off the end of the report proper, if there is one.

    `original` gives a paragraph as typed: a table's cell gaps are not in the view."""
    # Attachments after the 落款 each open with a label ("附件1", "附件2"): the
    # 落款 is above the first label that has one above it.
    for label in (k for k, p in enumerate(content) if ATTACHMENT_LABEL.match(p.text)):
        signature, rest = _signature_above(content[:label], original)
        if signature is not None:
            return signature, rest
    return _signature_above(content, original)


def _signature_above(
    content: list[Paragraph], original: Callable[[Paragraph], str]
) -> tuple[Signature | None, list[Paragraph]]:
    # What may follow the 落款 (GB/T 9704 附注 "（此件公开发布）", attachments,
    # the 版记 with 抄送/印发, a contact line, page navigation) is set aside.
    trailing: list[Paragraph] = []
    while content and _may_follow_signature(content[-1].text, original(content[-1])):
        trailing.insert(0, content[-1])
        content = content[:-1]
    signature, rest = _signature_at_end(content)
    if signature is None:
        # Nothing signed: "3、…" or "附件…" lines were the report's own last
        # paragraphs; only page navigation and the 版记 stay set aside.
        rest = content + [p for p in trailing if not NEVER_BODY.match(p.text)]
    return signature, rest


def _may_follow_signature(text: str, typed: str) -> bool:
    return bool(
        AFTER_SIGNATURE.match(text)
        or PAGE_NUMBER.match(text)
        or _CONTACT.match(text)
        or (
            # a table row, but not the 落款 itself ("××镇人民政府　2025年1月20日",
            # a date alone); a header ending in year columns ("序号　指标　2023年
            # 2024年") is a row
            "。" not in text
            and CELL_GAP.search(typed)
            and not ORGAN.search(text)
            and _one_line_signature(text) is None
            and not DATE_LINE.match(text)
            and not _TRAILING_DATE.fullmatch(text)  # "2025年1月  20日": a stray gap
        )
    )


def _one_line_signature(text: str) -> regex.Match[str] | None:
    """The date of a 落款 on one line ("某某镇人民政府 2024年1月17日"), else None."""
    m = _TRAILING_DATE.search(text)
    return m if m is not None and is_organ_line(text[: m.start()].strip()) else None


def _signature_at_end(content: list[Paragraph]) -> tuple[Signature | None, list[Paragraph]]:
    if not content:
        return None, content
    last = content[-1]
    if DATE_LINE.match(last.text):
        issuer = content[-2] if len(content) > 1 and is_organ_line(content[-2].text) else None
        cut = 2 if issuer else 1
        return Signature(issuer, last, read_date(last.text)), content[:-cut]
    # Issuer and date on one line: "某某镇人民政府 2024年1月17日".
    if (m := _one_line_signature(last.text)) is not None:
        return Signature(last, last, read_date(m["date"])), content[:-1]
    if is_organ_line(last.text) and not ANY_ORDINAL_START.match(last.text):
        return Signature(last, None, None), content[:-1]
    return None, content
