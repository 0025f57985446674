"""Stage 2: the parsed report (Document) and how it is built from a Source."""

from reportlint.document.model import (
    ChromeRegion,
    Document,
    Heading,
    Item,
    Paragraph,
    Section,
    Signature,
)
from reportlint.document.parse import parse
from reportlint.document.shapes import names_organ, without_quoted
from reportlint.document.span import Span
from reportlint.document.title import names_report_subject

__all__ = [
    "ChromeRegion",
    "Document",
    "Heading",
    "Item",
    "Paragraph",
    "Section",
    "Signature",
    "Span",
    "names_organ",
    "names_report_subject",
    "parse",
    "without_quoted",
]
