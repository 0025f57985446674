"""Kind `signature`: the report ends with the issuing body and a proper date.

GB/T 9704-2012 7.3.5: the issuing body, then the date "2024年1月17日" in
Arabic numerals, full year, no zero padding.  The disclosure rule
(《法治政府建设与责任落实督察工作规定》) has reports published before 1 April
of the following year, so a report dated within the year it reports on, or
on or after that deadline, deserves a second look.
"""

import datetime as dt
from collections.abc import Iterator

from reportlint.checks.base import CheckKind, Finding, Params
from reportlint.checks.registry import register
from reportlint.document import Document, Span
from reportlint.document.dates import PROBLEMS, DateReading, format_date, read_date


class SignatureParams(Params):
    # Reports are due before this month/day of the year after the reported one.
    deadline_month: int = 4
    deadline_day: int = 1


@register
class DatedSignature(CheckKind[SignatureParams]):
    name = "signature"
    params_type = SignatureParams
    messages = {
        "missing": frozenset(),
        "missing-date": frozenset({"issuer"}),
        "malformed": frozenset({"raw", "problem", "suggestion"}),
        "invalid": frozenset({"raw", "problem"}),
        "old-style": frozenset({"raw", "suggestion"}),
        "too-early": frozenset({"date", "year"}),
        "too-late": frozenset({"date", "deadline"}),
    }

    def check(self, doc: Document) -> Iterator[Finding]:
        sig = doc.signature
        if sig is None:
            yield Finding(_end_of_report(doc), "missing")
            return
        if sig.date is None or sig.date_paragraph is None:
            issuer = sig.issuer.text if sig.issuer else ""
            yield Finding(_end_of_report(doc), "missing-date", {"issuer": issuer})
            return
        reading = sig.date
        span = _date_span(doc, sig.date_paragraph.start, sig.date_paragraph.end, reading)
        year = doc.report_year if doc.year_source != "signature" else None
        if reading.problem is None:
            assert reading.date is not None
            yield from self._window(span, reading.date, year)
            return
        if reading.problem in ("invalid", "unrecognized"):
            yield Finding(
                span, "invalid", {"raw": reading.raw.strip(), "problem": PROBLEMS[reading.problem]}
            )
            return
        likely = self._likely(reading, year, doc)
        suggestion = "或".join(f"“{format_date(d)}”" for d in likely)
        kind = "old-style" if reading.problem == "chinese-numerals" else "malformed"
        args = {"raw": reading.raw.strip(), "suggestion": suggestion}
        if kind == "malformed":
            args["problem"] = PROBLEMS[reading.problem]
        yield Finding(span, kind, args)
        if len(likely) == 1:
            yield from self._window(span, likely[0], year)

    def _deadline(self, year: int) -> dt.date:
        return dt.date(year + 1, self.params.deadline_month, self.params.deadline_day)

    def _window(self, span: Span, date: dt.date, year: int | None) -> Iterator[Finding]:
        if year is None:
            return
        if date.year <= year:
            yield Finding(span, "too-early", {"date": format_date(date), "year": year})
        elif date >= self._deadline(year):
            yield Finding(
                span,
                "too-late",
                {"date": format_date(date), "deadline": format_date(self._deadline(year))},
            )

    def _likely(self, reading: DateReading, year: int | None, doc: Document) -> list[dt.date]:
        """Narrow several readings ("2024117": 1月17日 or 11月7日) to the likely one:
        first those inside the expected signing window, then those the page's
        own metadata (生成日期…) confirms."""
        candidates = list(reading.candidates)
        if len(candidates) > 1 and year is not None:
            in_window = [d for d in candidates if year < d.year and d < self._deadline(year)]
            candidates = in_window or candidates
        if len(candidates) > 1:
            stated = {r.date for r in map(read_date, doc.metadata.values()) if r.date}
            stated |= {d for r in map(read_date, doc.metadata.values()) for d in r.candidates}
            confirmed = [d for d in candidates if d in stated]
            candidates = confirmed or candidates
        return candidates


def _date_span(doc: Document, start: int, end: int, reading: DateReading) -> Span:
    text = doc.view.text[start:end]
    at = text.find(reading.raw.strip()[:4])
    return doc.span(start + max(at, 0), end)


def _end_of_report(doc: Document) -> Span:
    """The last character of the report proper: where the 落款 should follow."""
    _, end = doc.body
    return doc.span(max(end - 1, 0), end)
