"""What a check kind is, and what it yields.

A kind is a class with a typed parameter model (a msgspec Struct, validated
when the YAML pack is loaded) and a `check(document)` that yields Findings.
The engine turns Findings into Diagnostics using the rule's code, severity
and message templates, so a kind never formats user-facing text itself.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from enum import StrEnum
from functools import partial
from typing import Any, ClassVar, Generic, Literal, NamedTuple, TypeVar

import msgspec
import regex

from reportlint.document import Document, Span
from reportlint.document.literals import Gate, gate
from reportlint.document.regexes import compiled


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


class Fix(NamedTuple):
    span: Span
    replacement: str
    safe: bool = True


_NO_ARGS: dict[str, Any] = {}


class Finding(NamedTuple):
    # A tuple: a report has dozens of findings, and a tuple is made several
    # times faster than a frozen dataclass.
    span: Span  # of the original text
    message: str = "default"  # which of the rule's messages
    args: dict[str, Any] = _NO_ARGS  # never changed: each finding passes its own
    fix: Fix | None = None


class ParamError(Exception):
    """A parameter is wrong in a way the type model cannot say (a bad regex...)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class Params(msgspec.Struct, forbid_unknown_fields=True):
    """Base of every kind's parameter model: unknown keys are an error.

    The modules that define one do without `from __future__ import annotations`:
    msgspec would compile each of their fields' annotations from its text at
    every start (some 130 of them, ~9 M instructions of the ~580 M of checking one
    report).
    """


class NoParams(Params):
    """For kinds that take no parameters: `params:` must then be empty."""


P = TypeVar("P", bound=Params)


class CheckKind(Generic[P]):
    name: ClassVar[str]
    params_type: ClassVar[type[Params]]
    # message id -> the placeholders its template may use
    messages: ClassVar[dict[str, frozenset[str]]]
    # message id -> the message said instead when a rule leaves it out (a pack
    # written before the message existed still loads and says what it said)
    optional_messages: ClassVar[dict[str, str]] = {}
    # A kind that compares the reports of a run (copies): one report alone shows
    # nothing, so its rules' examples and fixtures are runs, not single texts.
    batch: ClassVar[bool] = False

    def __init__(self, params: P) -> None:
        self.params = params

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    @property
    def fixable(self) -> Literal["safe", "unsafe"] | None:
        """The fixes this kind's findings carry: "safe" (--fix), "unsafe"
        (--unsafe-fixes) or None.  The rule-pack tests hold it to the truth."""
        return None


# Seconds a pattern of a user's rule pack may run in one call.  Built-in
# patterns are tested; a user's may backtrack without end on some paragraph,
# and a CI gate must then stop with the rule's name instead of hanging.
USER_PATTERN_TIMEOUT = 2.0
# Set while a user's pack is loading (rules.load_pack): the kinds made then
# get patterns that run with the timeout.
pattern_timeout: ContextVar[float | None] = ContextVar("pattern_timeout", default=None)


class TimedPattern:
    """A compiled pattern whose matching calls pass a timeout; regex raises
    TimeoutError when it runs out (RuleSet.run names the rule)."""

    __slots__ = ("_pattern", "_timeout")

    def __init__(self, pattern: regex.Pattern[str], timeout: float) -> None:
        self._pattern = pattern
        self._timeout = timeout

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self._pattern.search(*args, timeout=self._timeout, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self._pattern.match(*args, timeout=self._timeout, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self._pattern.fullmatch(*args, timeout=self._timeout, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self._pattern.finditer(*args, timeout=self._timeout, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self._pattern.findall(*args, timeout=self._timeout, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._pattern.sub(*args, timeout=self._timeout, **kwargs)

    def __getattr__(self, name: str) -> Any:  # pattern, groups, groupindex...
        return getattr(self._pattern, name)


def guarded(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """The pattern, with a timeout when a user's pack is loading."""
    timeout = pattern_timeout.get()
    return pattern if timeout is None else TimedPattern(pattern, timeout)


def compile_patterns(patterns: Sequence[str], key: str) -> regex.Pattern[str]:
    """One alternation of a rule's patterns, checked the way a user needs.

    A pattern that does not compile, or that matches empty text (and so
    would match everywhere or, anchored, silently nowhere useful), is an
    error naming the key.
    """
    validate_patterns(patterns, key)
    return guarded(compiled("|".join(f"(?:{p})" for p in patterns)))


def validate_patterns(patterns: Sequence[str], key: str) -> list[regex.Pattern[str]]:
    """Each pattern compiled on its own; an error names the key of the bad one."""
    if not patterns:
        raise ParamError(key, "至少需要一个模式")
    found = []
    for i, pattern in enumerate(patterns):
        try:
            one = compiled(pattern)
        except regex.error as exc:
            raise ParamError(f"{key}[{i}]", f"正则表达式无效：{exc}") from None
        if one.fullmatch(""):
            raise ParamError(f"{key}[{i}]", f"模式 {pattern!r} 能匹配空文本")
        found.append(guarded(one))
    return found


TextChoice = Literal["view", "original"]


def paragraph_texts(
    doc: Document, which: TextChoice
) -> Iterator[tuple[str, Callable[[int, int], Span]]]:
    """Each paragraph of the report proper as text to match, with a function
    that turns a match's [start, end) in that text into an original span.

    "view" is the normalized text (traditional folded, marks raised, noise
    removed); "original" is what the writer typed, for defects the view hides.
    """
    if which == "view":
        for p in doc.body_paragraphs:
            yield p.text, partial(_view_span, doc, p.start)
    else:
        for start, text in doc.body_originals:
            yield text, partial(_original_span, start)


def _view_span(doc: Document, base: int, start: int, end: int) -> Span:
    return doc.span(base + start, base + end)


def _original_span(base: int, start: int, end: int) -> Span:
    # (tuple.__new__: Span's own __new__ is a Python call, for each finding)
    return tuple.__new__(Span, (base + start, base + end))


def outside(
    matches: Iterable[tuple[int, int]], exceptions: regex.Pattern[str] | None, text: str
) -> list[tuple[int, int]]:
    """The matches that overlap no match of the exception pattern."""
    found = list(matches)
    if exceptions is None or not found:
        return found  # no match, no exception to look for
    if (needs := _gate_of(exceptions)) is not None and not needs.admits(text):
        return found  # nothing an exception needs (RL404's need a bracket or a ?)
    excepted = [m.span() for m in exceptions.finditer(text)]
    return [(a, b) for a, b in found if not any(x < b and a < y for x, y in excepted)]


_gates: dict[str, Gate | None] = {}


def _gate_of(pattern: regex.Pattern[str]) -> Gate | None:
    text = pattern.pattern
    if text not in _gates:
        _gates[text] = gate([text])
    return _gates[text]


def sections_matching(
    doc: Document, pattern: regex.Pattern[str], exclude_under: regex.Pattern[str] | None = None
) -> list[int]:
    """Indices of sections whose heading title matches, skipping any whose
    enclosing section matches exclude_under (a plan to "履行第一责任人职责"
    under next year's arrangements is not a report of having done it).
    Several rules ask alike (the plan's patterns): each answer is worked out once."""
    key = ("sections matching", _pattern_key(pattern), _pattern_key(exclude_under))
    found: list[int] | None = doc.memo.get(key)
    if found is None:
        found = doc.memo[key] = list(_sections_matching(doc, pattern, exclude_under))
    return found


def _pattern_key(pattern: Any) -> Any:
    if pattern is None:
        return None
    key = getattr(pattern, "key", None)  # checks.parts.ForYear
    return key if key is not None else (pattern.pattern, pattern.flags)


def _sections_matching(
    doc: Document, pattern: regex.Pattern[str], exclude_under: regex.Pattern[str] | None
) -> Iterator[int]:
    for i, section in enumerate(doc.sections):
        if not pattern.search(section.heading.title):
            continue
        if exclude_under is not None:
            parent = section.parent
            excluded = False
            while parent is not None:
                if exclude_under.search(doc.sections[parent].heading.title):
                    excluded = True
                    break
                parent = doc.sections[parent].parent
            if excluded:
                continue
        yield i


def heading_title_span(doc: Document, index: int) -> Span:
    heading = doc.sections[index].heading
    return doc.span(heading.start, heading.title_end)


def report_anchor(doc: Document) -> Span:
    """Where to point a finding about the report as a whole: its title, or its first line."""
    if doc.title:
        return doc.span(doc.title[-1].start, doc.title[-1].end)
    start, end = doc.body
    first_line_end = doc.view.text.find("\n", start)
    return doc.span(start, first_line_end if 0 <= first_line_end < end else end)
