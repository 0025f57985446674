"""Stage 3, check: rule packs instantiate check kinds and run them over a Document."""

# Importing a kind's module registers it.  One module per kind.
from reportlint.checks import (  # noqa: F401
    chrome,
    cited_titles,
    copies,
    coverage,
    dated,
    density,
    existence,
    joins,
    pairs,
    rates,
    revisions,
    sections,
    sequence,
    signature,
    spaces,
    substitution,
    sums,
    title,
    traditional,
    width,
    years,
)
from reportlint.checks.base import CheckKind, Finding, Fix, NoParams, ParamError, Params, Severity
from reportlint.checks.diagnostic import Diagnostic
from reportlint.checks.registry import KINDS, get_kind, register
from reportlint.checks.rules import (
    CheckCrash,
    PatternTimeout,
    Rule,
    RuleError,
    RuleSet,
    load_pack,
    load_pack_text,
)

__all__ = [
    "KINDS",
    "CheckCrash",
    "CheckKind",
    "Diagnostic",
    "Finding",
    "Fix",
    "NoParams",
    "ParamError",
    "Params",
    "PatternTimeout",
    "Rule",
    "RuleError",
    "RuleSet",
    "Severity",
    "get_kind",
    "load_pack",
    "load_pack_text",
    "register",
]
