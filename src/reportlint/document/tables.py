"""Tables typed as text: cells separated by tabs or runs of spaces, and the
group rows between a table's rows ("一、市容管理"), which are no headings.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlint.document.model import (
    Heading,
    Paragraph,
)
from reportlint.document.regexes import compiled

CELL_GAP = compiled(r"\S(?:\t|[ \u3000]{2,}|\u3000)\S")

# Between the columns of a table typed as text: a tab or a run of spaces (a lone
# full-width space also sits inside headings: "（一）带头尊法学法　强化示范引领").
COLUMN_GAP = compiled(r"\S(?:\t|[ \u3000]{2,})\S")

TABLE_ROW = compiled(r"\p{Han}[ \t\u3000]+\p{Han}+[ \t\u3000]+\p{Han}")


def find_group_rows(
    content: list[Paragraph], numbered: dict[int, Heading], original: Callable[[Paragraph], str]
) -> set[int]:
    """Of the numbered lines (places in content), those between two rows of a table:
    group rows ("一、市容管理" over its rows, which a Word or web table gives as a
    line of one cell), no headings.  A table's group rows number from one; a
    heading of the report that sits between two tables goes on the report's
    numbering ("（三）…") and stays a heading."""
    rows: dict[int, bool] = {}

    def row(k: int) -> bool:  # looked at only around numbered lines: tables are rare
        if k not in rows:
            p = content[k]
            rows[k] = "。" not in p.text and COLUMN_GAP.search(original(p)) is not None
        return rows[k]

    found: set[int] = set()
    last: int | None = None  # the last candidate's place
    numbered_from_one = False
    for k, heading in numbered.items():
        if not 0 < k < len(content) - 1 or row(k) or not (row(k - 1) and row(k + 1)):
            continue
        # Only rows between the last candidate and this one: the same table.
        if last is None or not all(row(j) for j in range(last + 1, k)):
            numbered_from_one = heading.ordinal == 1  # a table of its own
        last = k
        if numbered_from_one:
            found.add(k)
    return found
