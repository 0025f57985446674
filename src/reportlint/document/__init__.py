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
from reportlint.document.span import Span

__all__ = [
    "ChromeRegion",
    "Document",
    "Heading",
    "Item",
    "Paragraph",
    "Section",
    "Signature",
    "Span",
    "parse",
]
