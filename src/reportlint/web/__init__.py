"""The clerk's page: `reportlint serve`, a small web app on this machine.

A clerk drops a Word, text, PDF or web-page file (or pastes the text) and
sees the report with each finding marked in place, the findings by
severity with each rule's explanation, whether it can be submitted, and a
download of the text with the safe fixes applied.  The page is the same
renderer as the batch report's (reportlint.report.html); the app is
Starlette on uvicorn, an optional extra (`pip install 'reportlint[web]'`)
imported only by `reportlint serve`.

Nothing leaves the machine and nothing is written to disk: an upload is
read into memory, checked, answered and dropped.
"""
