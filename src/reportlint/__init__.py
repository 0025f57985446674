"""reportlint: a linter for 法治政府建设年度报告.

The pipeline, one package each, never reaching backwards:
load (bytes -> Source) -> document (Source -> Document)
-> checks (Document -> Diagnostics, driven by YAML rule packs) -> report (formatters).
"""

__version__ = "0.1.0"
