"""Findings returned inside the Word file, the form a clerk already works in.

`annotate_bytes` checks a report and gives back a .docx with one comment per
finding, anchored on the exact text it concerns, and each safe fix offered as
a tracked change (Word's 修订) that the clerk accepts or rejects.  The input
is never changed; a report that is not a .docx (text, a web page, a PDF) is
first made into a plain Word document of its text.

    result = annotate_bytes(data, "报告.docx", rules)
    Path("报告（审查意见）.docx").write_bytes(result.docx)
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlint.annotate.wording import Fate
from reportlint.checks import Diagnostic, RuleSet
from reportlint.document import parse
from reportlint.load import (
    DEFAULT_MAX_BYTES,
    REVIEW_COPY_SUFFIX,
    LoadError,
    format_of,
    is_review_copy,
    load_bytes,
)

SUFFIX = REVIEW_COPY_SUFFIX


@dataclass(frozen=True, slots=True)
class Note:
    """Where one finding went in the document."""

    diagnostic: Diagnostic
    comment_id: int
    # The comment covers whole paragraphs: the text is a number Word draws, or
    # sits in a text box, where no run can be marked.
    on_paragraph: bool
    fate: Fate  # of its fix: offered as a revision, or why not


@dataclass(frozen=True, slots=True)
class Annotation:
    docx: bytes  # the annotated copy
    notes: list[Note]  # one per finding, in document order
    revisions: int  # findings whose fix is offered as a tracked change
    # None for a .docx; else the format ("text", "html", "pdf") whose text the
    # Word document was made from.
    converted_from: str | None
    summary_comment_id: int | None  # the overview comment on the title, if any
    text: str  # the report's text as read (before any conversion), as check reads it

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [note.diagnostic for note in self.notes]


def annotate_bytes(
    data: bytes,
    name: str,
    rules: RuleSet,
    report_year: int | None = None,
    *,
    revisions: bool = True,
    summary: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep: Callable[[Diagnostic], bool] | None = None,
) -> Annotation:
    """Check a report given as bytes and return the annotated Word document.

    `name` is the file's name (its extension picks the reader, as for
    `check`); `rules` the rules to run (e.g. `RuleSet.load()`, or
    `Configuration.rules_for(path)`); `report_year` overrides the year read
    from the text.  `revisions=False` gives comments only; `summary=False`
    leaves out the overview comment on the title.  `keep`, when given, is
    asked about each finding, in the order the rules found them, and only
    those it keeps are placed (`check --split-per-file --format docx` places the findings its
    run shows, a baseline's and those below --min-severity left out).
    Raises LoadError (with a message in Chinese) when the input cannot be read.
    """
    source = load_bytes(data, name, format_of(name), max_bytes)
    read = source.text
    converted_from = None
    if source.format != "docx":
        converted_from = source.format
        data = text_to_docx(source.text)
        source = load_bytes(data, name, "docx", max_bytes)
    from reportlint.annotate.anchor import TextMap
    from reportlint.annotate.place import annotate_document
    from reportlint.extract.docx import open_document

    document = open_document(data)
    text_map = TextMap(document.part)
    # The same text as load gave, but for a carriage return kept in a w:t
    # (which Word never writes): the findings must be on the text of the map.
    doc = parse(source._replace(text=text_map.text))
    if report_year is not None:
        doc.report_year, doc.year_source = report_year, "config"
    diagnostics = rules.run(doc)
    if keep is not None:
        diagnostics = [d for d in diagnostics if keep(d)]
    placed = annotate_document(
        document,
        text_map,
        diagnostics,
        {rule.code: rule for rule in rules.rules},
        revisions=revisions,
        summary=summary,
        converted_from=converted_from,
    )
    out = io.BytesIO()
    document.save(out)
    return Annotation(
        out.getvalue(),
        placed.notes,
        placed.revisions,
        converted_from,
        placed.summary_comment_id,
        read,
    )


def output_path(path: str | Path) -> Path:
    """Where the annotated copy of a report goes by default: beside it, 报告（审查意见）.docx."""
    path = Path(path)
    return path.with_name(path.stem + SUFFIX + ".docx")


def is_output(path: str | Path) -> bool:
    """An annotated copy made by this module (left out of a folder's walk)."""
    return is_review_copy(path)


def text_to_docx(text: str) -> bytes:
    """A plain Word document of the text: one paragraph per line, nothing else."""
    import docx
    from docx.oxml.ns import qn

    from reportlint.report import visible

    document: Any = docx.Document()
    # Chinese text in the template's Latin font looks wrong; 宋体 is on every Chinese Windows.
    fonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "宋体")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the line break that ends the last line
    for line in lines:
        # XML cannot hold control characters: shown as their pictures, as in the other outputs.
        document.add_paragraph(visible(line))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = [
    "SUFFIX",
    "Annotation",
    "Fate",
    "LoadError",
    "Note",
    "annotate_bytes",
    "is_output",
    "output_path",
    "text_to_docx",
]
