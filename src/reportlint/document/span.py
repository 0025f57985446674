from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """A half-open range [start, end) of character offsets into the original text."""

    start: int
    end: int
