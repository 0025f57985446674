"""Kind `density`: a section with almost no concrete figures.

Evaluators criticise measures sections that say "高度重视、扎实推进" and
give no counts.  This kind counts the quantities (a number with a unit or
measure word, as the parser reads them) per 1,000 characters of each
matching top-level section and reports sections below a minimum.  It is a
hint, not a defect: rules using it are meant to be off by default.
"""

from collections.abc import Iterator

from reportlint.checks.base import (
    CheckKind,
    Finding,
    Params,
    compile_patterns,
    heading_title_span,
    sections_matching,
)
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.regexes import compiled

# Rates are figures too; the quantity reader leaves them to the rate checks.
_PERCENT = compiled(r"\d+(?:\.\d+)?%")


class DensityParams(Params):
    section_patterns: list[str]
    per_thousand: float = 2.0  # figures per 1,000 characters at least
    min_chars: int = 300  # shorter sections are not judged


@register
class Density(CheckKind[DensityParams]):
    name = "density"
    params_type = DensityParams
    messages = {"default": frozenset({"section", "count", "chars", "minimum"})}

    def __init__(self, params: DensityParams) -> None:
        super().__init__(params)
        self.sections = compile_patterns(params.section_patterns, "section_patterns")

    def check(self, doc: Document) -> Iterator[Finding]:
        for i in sections_matching(doc, self.sections):
            section = doc.sections[i]
            if section.parent is not None:
                continue
            chars = section.end - section.start
            if chars < self.params.min_chars:
                continue
            count = len(doc.quantities_in(section.start, section.end))
            count += len(_PERCENT.findall(doc.section_text(section)))
            if count * 1000 < self.params.per_thousand * chars:
                yield Finding(
                    heading_title_span(doc, i),
                    "default",
                    {
                        "section": section.heading.title,
                        "count": count,
                        "chars": chars,
                        "minimum": f"{self.params.per_thousand:g}",
                    },
                )
