"""Building Word reports for the annotate tests, and reading annotated ones back
from the raw XML (independently of the code that wrote them)."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from lxml import etree

from test_extract_docx import add_abstract, add_num, number

from support import clean_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AUTHOR = "reportlint"

# GB/T 9704 levels, except the third drawn as "1、" (RL403 asks for "1."): a
# defect in the numbering definition, which no run of text holds.
LEVELS = [
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3、"),
    ("decimal", "（%4）"),
]
_MARKERS = [re.compile(p) for p in (r"^[一二三四]、", r"^（[一二三四五六七八九十]+）", r"^\d+\.")]
TABLE = [
    ["类别", "件数", "备注"],
    ["信访件", "56", "来信12件,来访20件,网上信访24件"],
    ["热线诉求", "40", "办结38件"],
]


def report_docx(text: str | None = None) -> bytes:
    """A township report (samples/synthetic/clean.txt) as a clerk's Word file:
    a centred bold title in two runs with a stray space; headings numbered by
    a Word multilevel list; an opening paragraph in runs of mixed formatting
    with half-width commas; a table with half-width commas in a cell; section
    四's subheadings typed with half-width brackets; a sentence broken across
    paragraphs with an empty one between; a right-aligned 落款."""
    lines = (text or clean_text()).split("\n")
    doc: Any = docx.Document()
    add_abstract(doc, 90, LEVELS)
    add_num(doc, 90, 90)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head, tail = lines[0][:-4], lines[0][-4:]
    for part, italic in ((head + " ", False), (tail, True)):
        run = title.add_run(part)
        run.bold, run.italic, run.font.size = True, italic, Pt(22)
    chapter = 0
    for line in lines[1:]:
        if line.startswith("2024年，望溪镇坚持以"):
            p = doc.add_paragraph()
            p.add_run("2024年,望溪镇坚持以")
            p.add_run("习近平新时代中国特色社会主义思想").bold = True
            rest = line[len("2024年，望溪镇坚持以习近平新时代中国特色社会主义思想") :]
            p.add_run(rest.replace("，全面贯彻", ",全面贯彻", 1)).italic = True
        elif "组织76名机关干部参加年度学法考试" in line:
            before, after = line.split("组织76名机关干部参加年度学法考试")
            doc.add_paragraph(before + "组织76名机关干部参加年度学法考")
            doc.add_paragraph()
            doc.add_paragraph("试" + after)
        elif line.startswith(("青岚县望溪镇人民政府", "2025年")) and len(line) < 12:
            doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            _heading_or_paragraph(doc, line, chapter)
            if line.startswith(("一、", "二、", "三、", "四、")):
                chapter += 1
        if line.startswith("（四）依法有效化解"):
            table = doc.add_table(rows=len(TABLE), cols=3)
            for r, row in enumerate(TABLE):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    return to_bytes(doc)


def _heading_or_paragraph(doc: Any, line: str, chapter: int) -> None:
    for level, marker in enumerate(_MARKERS):
        if m := marker.match(line):
            if chapter == 4 and level == 1:  # typed, not numbered: "(一)"
                doc.add_paragraph(line.replace("（", "(", 1).replace("）", ")", 1))
            else:
                number(doc.add_paragraph(line[m.end() :]), 90, level)
            return
    doc.add_paragraph(line)


def to_bytes(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def body(data: bytes) -> Any:
    """w:body of word/document.xml, read straight from the zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return root.find(W + "body")


# --- reading back ---------------------------------------------------------------


def _mine(element: Any) -> bool:
    return element.get(W + "author") == AUTHOR


def anchored_texts(data: bytes) -> dict[int, str]:
    """The text each comment range covers, as it was before the changes:
    deleted text in, inserted text out; "\\n" between paragraphs."""
    found: dict[int, list[str]] = {}
    open_ids: set[int] = set()
    for element in body(data).iter():
        tag = element.tag
        if tag == W + "commentRangeStart":
            key = int(element.get(W + "id"))
            open_ids.add(key)
            found[key] = []
        elif tag == W + "commentRangeEnd":
            open_ids.discard(int(element.get(W + "id")))
        elif tag == W + "p":
            for key in open_ids:
                found[key].append("\n")
        elif tag in (W + "t", W + "delText", W + "tab"):
            if any(a.tag == W + "ins" and _mine(a) for a in element.iterancestors()):
                continue
            text = "\t" if tag == W + "tab" else element.text or ""
            for key in open_ids:
                found[key].append(text)
    return {key: "".join(parts) for key, parts in found.items()}


def reject_all(data: bytes) -> bytes:
    """The document with reportlint's tracked changes rejected."""
    document = docx.Document(io.BytesIO(data))
    root = document.element
    for ins in [e for e in root.iter(W + "ins") if _mine(e)]:
        ins.getparent().remove(ins)
    for deletion in [e for e in root.iter(W + "del") if _mine(e)]:
        parent = deletion.getparent()
        if parent.tag == W + "rPr":  # a deleted paragraph mark
            parent.remove(deletion)
            continue
        for text in deletion.iter(W + "delText"):
            text.tag = W + "t"
        for child in list(deletion):
            deletion.addprevious(child)
        parent.remove(deletion)
    return to_bytes(document)


def formatted_characters(data: bytes) -> list[tuple[str, bytes]]:
    """Each character of the body's text with the run properties it is shown with."""
    out = []
    for t in body(data).iter(W + "t"):
        run = t.getparent()
        properties = run.find(W + "rPr")
        shown = etree.tostring(properties, method="c14n") if properties is not None else b""
        out += [(ch, shown) for ch in t.text or ""]
    return out


def comment_texts(data: bytes) -> dict[int, tuple[str, str, str]]:
    """comment id -> (author, initials, text with paragraphs on lines)."""
    document = docx.Document(io.BytesIO(data))
    return {
        c.comment_id: (c.author, c.initials or "", "\n".join(p.text for p in c.paragraphs))
        for c in document.comments
    }


def line_labels(data: bytes, text: str) -> list[str]:
    """For each line of the extracted text, the list number Word draws in front
    of it ("" for none): what python-docx reads of the paragraph is the rest."""
    labels = []
    lines = text.split("\n")
    k = 0
    for child in body(data).iterchildren():
        if child.tag == W + "p":
            shown = "".join(t.text or "" for t in child.iter(W + "t"))
            labels.append(lines[k][: len(lines[k]) - len(shown)])
            k += 1
        elif child.tag == W + "tbl":
            for _row in child.iterchildren(W + "tr"):
                labels.append("")
                k += 1
    return labels


def without_labels(text: str, start: int, end: int, labels: list[str]) -> str:
    """text[start:end] less the characters Word draws as list numbers."""
    kept = []
    position = 0
    for line, label in zip(text.split("\n"), labels, strict=False):
        for i, ch in enumerate(line + "\n"):
            at = position + i
            if start <= at < end and not i < len(label):
                kept.append(ch)
        position += len(line) + 1
    return "".join(kept)


def commented(data: bytes) -> Counter[tuple[str, str]]:
    """Each comment's first line (【级别】message) with the text it covers, the
    overview comment on the title aside: comments read by python-docx, their
    ranges from the raw XML."""
    anchored = anchored_texts(data)
    found: Counter[tuple[str, str]] = Counter()
    for key, (_, _, text) in comment_texts(data).items():
        first = text.split("\n", 1)[0]
        if not first.startswith("reportlint 审查意见"):
            found[(first, anchored[key])] += 1
    return found


def overview(data: bytes) -> str:
    """The overview comment's text."""
    (text,) = [t for _, _, t in comment_texts(data).values() if t.startswith("reportlint 审查意见")]
    return text


def flagged(text: str, finding: dict[str, Any]) -> str:
    """The text a finding of the JSON output flags (1-based lines and columns)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    start = starts[finding["line"] - 1] + finding["column"] - 1
    end = starts[finding["end_line"] - 1] + finding["end_column"] - 1
    return text[start:end]
