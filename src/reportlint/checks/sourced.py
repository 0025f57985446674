"""Entries of dated knowledge that say where they come from.

A dated fact, a renamed term, a document's title or a law's revisions is only
as good as its source: a wrong date makes a false error on every report.  So
each such entry of a built-in pack names its `source` (the issuing document
and its date) and carries `examples`, sentences read in a report of a given
year: `invalid` ones the entry alone must flag, `valid` ones the whole rule
must leave alone.  tests/rules/test_sourced_entries.py runs every one, and
docs/rules-dated-facts.md lists every source.
"""

import msgspec

from reportlint.checks.base import Params


class EntryExample(Params):
    year: int  # the report year the sentences are read in
    invalid: list[str] = msgspec.field(default_factory=list)
    valid: list[str] = msgspec.field(default_factory=list)


class Sourced(Params, kw_only=True):
    """Base of an entry with its source and examples (neither is used by a check)."""

    source: str = ""
    examples: list[EntryExample] = msgspec.field(default_factory=list)
