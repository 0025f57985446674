"""Copies across a run: the batch side of the `copies` kind (RL310 copied-text).

`passages.report_prints` fingerprints one parsed report where it is parsed
(in a worker process for a large run); `index.CopyIndex` gathers the
fingerprints of every report of the run and of `--against`, finds the
near-copies among them and makes the findings.  Imported only by a run with
the rule on and something to compare (two reports, or `--against`): numpy
and rapidfuzz are not loaded otherwise.
"""

from reportlint.copies.index import CopyIndex, CopyOutcome
from reportlint.copies.passages import ReportPrints, report_prints

__all__ = ["CopyIndex", "CopyOutcome", "ReportPrints", "report_prints"]
