"""A run's findings kept in a temporary file instead of in memory.

Each checked file's findings (and its text, when a format shows it; and
for json and text, the findings as the format writes them, with their
counts) are encoded where the file is checked, in a worker process when there are
several, and appended here; a format reads them back one file at a time
(RunResult.per_file), so memory does not grow with the number of files or
findings.  The file is made with tempfile.TemporaryFile: in the temporary
directory, never beside the reports, and with no name on Linux (O_TMPFILE),
so nothing is left behind however the run ends.
"""

from __future__ import annotations

from collections.abc import Collection
from tempfile import TemporaryFile

import msgspec

from reportlint.checks import Diagnostic, Severity

# msgpack keeps a diagnostic's fields as they are (a Span, a Severity, a Fix)
# and reads them back as the same NamedTuples, several times faster than pickle.
_encode = msgspec.msgpack.Encoder().encode
# What a run's summary counts of a file's findings, kept beside their items:
# the number of errors, warnings and notes, and of safe fixes.
Counts = tuple[int, int, int, int]
# One file's record as read back: its findings, its text when kept, and its
# findings as the run's format writes them (with their Counts) when they were
# written where it was checked (report.Items).
Record = tuple[list[Diagnostic], str | None, str | None, Counts | None]
_decode = msgspec.msgpack.Decoder(Record).decode
# The same record with its findings and text left unread: a format writes
# the items as they are and counts with the Counts.
_decode_items = msgspec.msgpack.Decoder(
    tuple[msgspec.Raw, msgspec.Raw, str | None, Counts | None]
).decode


def counts_of(diagnostics: list[Diagnostic]) -> Counts:
    severities = [d.severity for d in diagnostics]
    return (
        severities.count(Severity.ERROR),
        severities.count(Severity.WARNING),
        severities.count(Severity.INFO),
        sum(1 for d in diagnostics if d.fix and d.fix.safe),
    )


def encode(diagnostics: list[Diagnostic], text: str | None, items: str | None = None) -> bytes:
    """One file's record: its findings, in sort_key order, its text when kept,
    and the run's format's items for them (and their Counts) when written here."""
    return _encode((diagnostics, text, items, None if items is None else counts_of(diagnostics)))


class Spool:
    def __init__(self) -> None:
        self._file = TemporaryFile()  # noqa: SIM115 (closed by close(), or when collected)
        self._at: dict[str, tuple[int, int]] = {}  # path -> (offset, size)
        self._end = 0

    def add(self, path: str, record: bytes) -> None:
        self._file.seek(self._end)  # (a read may have moved the position)
        self._file.write(record)
        self._at[path] = (self._end, len(record))
        self._end += len(record)

    def paths(self) -> Collection[str]:
        return self._at.keys()

    def read(self, path: str) -> Record:
        return _decode(self._bytes(path))

    def read_items(self, path: str) -> tuple[str, Counts] | None:
        """The items of the file's findings and their Counts, the findings
        themselves not decoded; None when the record has no items."""
        _, _, items, counts = _decode_items(self._bytes(path))
        return None if items is None or counts is None else (items, counts)

    def _bytes(self, path: str) -> bytes:
        offset, size = self._at[path]
        # seek and read, not os.pread: Windows has no pread
        self._file.seek(offset)
        return self._file.read(size)

    def close(self) -> None:
        self._file.close()
