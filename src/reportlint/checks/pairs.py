"""Kind `pairs`: paired marks (“” 《》 （）…) opened and closed in order.

Each paragraph is read with a stack of open marks.  The first problem in a
paragraph is reported and the rest of it skipped, because one missing mark
throws every later pair off and a cascade of findings would hide where the
mistake is.  Half-width ( ) count as （ ）: which width is right is
punctuation-width's business, not this rule's.

A quotation running over several paragraphs is written with an opening
mark at the start of each and a closing mark only at the end (GB/T 15834
4.1.3.3), so a paragraph that starts with an opening mark may leave it open
when the next paragraph starts with the same mark.
"""

import re
from collections.abc import Iterator

import msgspec

from reportlint.checks.base import (
    CheckKind,
    Finding,
    ParamError,
    Params,
    compile_patterns,
    paragraph_texts,
)
from reportlint.checks.registry import register
from reportlint.document import Document
from reportlint.document.literals import gate


class PairsParams(Params):
    pairs: list[str]  # each an opening and a closing mark: "“”"
    # opening mark -> the mark to use inside it instead of itself ("“" -> "‘")
    no_self_nesting: dict[str, str] = msgspec.field(default_factory=dict)
    # Text where a mark may stand alone: a list marker "1）", an apostrophe.
    # A closing mark there still closes an open one ("（见附件1、2）").
    exceptions: list[str] = msgspec.field(default_factory=list)


@register
class Pairs(CheckKind[PairsParams]):
    name = "pairs"
    params_type = PairsParams
    messages = {
        "unclosed": frozenset({"mark", "closer"}),
        "unopened": frozenset({"mark", "opener"}),
        "mismatched": frozenset({"mark", "opener", "closer"}),
        "nested": frozenset({"mark", "inner"}),
    }

    def __init__(self, params: PairsParams) -> None:
        super().__init__(params)
        for i, pair in enumerate(params.pairs):
            if len(pair) != 2 or pair[0] == pair[1]:
                raise ParamError(f"pairs[{i}]", f"“{pair}”应是两个不同的符号：开符号和闭符号")
        self.closer_of = {p[0]: p[1] for p in params.pairs}
        self.opener_of = {p[1]: p[0] for p in params.pairs}
        for mark in params.no_self_nesting:
            if mark not in self.closer_of:
                raise ParamError(f"no_self_nesting.{mark}", f"“{mark}”不是 pairs 中的开符号")
        self.exceptions = (
            compile_patterns(params.exceptions, "exceptions") if params.exceptions else None
        )
        # What an exception needs ("）" or "’"): most paragraphs with marks have none.
        self.exceptions_gate = gate([self.exceptions.pattern]) if self.exceptions else None
        # Only the marks matter: the scan jumps from one to the next (re scans for
        # a set of plain characters faster than regex, and the two agree on one).
        marks = sorted(set(self.closer_of) | set(self.opener_of))
        self.marks = re.compile("[" + "".join(map(re.escape, marks)) + "]")
        # Most paragraphs close each mark before the next opens ("“…”《…》（…）"): a
        # paragraph whose marks read so, in one match, needs no walk through them.
        # (Only when no mark both opens and closes: the walk takes it for an opener.)
        self.flat = (
            re.compile("(?:" + "|".join(re.escape(o + c) for o, c in self.closer_of.items()) + ")*")
            if set(self.closer_of).isdisjoint(self.opener_of)
            else None
        )

    def check(self, doc: Document) -> Iterator[Finding]:
        paragraphs = list(paragraph_texts(doc, "original"))
        for n, (raw, to_span) in enumerate(paragraphs):
            following = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else ""
            # Half-width brackets count as full-width ones (str.replace: translate is slow here).
            same = raw.replace("(", "（").replace(")", "）") if "(" in raw or ")" in raw else raw
            problem = self._first_problem(same, following.lstrip()[:1])
            if problem is not None:
                at, message, args = problem
                # Name the mark as typed: "(" stays "(" in the message.
                args = {k: raw[at] if k == "mark" else v for k, v in args.items()}
                yield Finding(to_span(at, at + 1), message, args)

    def _first_problem(self, text: str, next_start: str) -> tuple[int, str, dict[str, str]] | None:
        marks = self.marks.findall(text)
        if not marks:
            return None
        optional: set[int] = set()
        if self.exceptions is not None and (
            self.exceptions_gate is None or self.exceptions_gate.admits(text)
        ):
            for m in self.exceptions.finditer(text):
                optional.update(range(*m.span()))
        if not optional and self.flat is not None and self.flat.fullmatch("".join(marks)):
            return None  # each mark closed before the next opens
        positions = [m.start() for m in self.marks.finditer(text)]
        stack: list[int] = []  # positions of open marks
        for i in positions:
            ch = text[i]
            if ch in self.closer_of:
                if i in optional:
                    continue
                # Nesting is about the nearest enclosing mark: “‘“”’” is three levels, fine.
                if (
                    (inner := self.params.no_self_nesting.get(ch))
                    and stack
                    and text[stack[-1]] == ch
                ):
                    # Two openers in a row: a missing closer if the paragraph
                    # has fewer closers than openers, else a nesting mistake.
                    if text.count(ch) > text.count(self.closer_of[ch]):
                        return stack[-1], "unclosed", {"mark": ch, "closer": self.closer_of[ch]}
                    return i, "nested", {"mark": ch, "inner": inner}
                stack.append(i)
            elif ch in self.opener_of:
                opener = self.opener_of[ch]
                if i in optional and (
                    not stack or text[stack[-1]] != opener or _closed_later(text, i, ch, optional)
                ):
                    continue  # a list marker "1）" or an apostrophe: it may stand alone
                if stack and text[stack[-1]] == opener:
                    stack.pop()
                elif any(text[j] == opener for j in stack):
                    top = text[stack[-1]]
                    return stack[-1], "mismatched", {"mark": top, "opener": top, "closer": ch}
                else:
                    return i, "unopened", {"mark": ch, "opener": opener}
        # A quotation over several paragraphs opens each one and closes only the
        # last; it starts a paragraph or follows a colon ("强调：“一要…").
        continued = (
            bool(stack)
            and all(text[j] == next_start for j in stack)
            and (text[:1] == next_start or text[stack[0] - 1 : stack[0]] in ("：", ":"))
        )
        if stack and not continued:
            first = stack[0]
            return first, "unclosed", {"mark": text[first], "closer": self.closer_of[text[first]]}
        return None


def _closed_later(text: str, at: int, closer: str, optional: set[int]) -> bool:
    """Whether a closing mark after `at`, not itself a list marker, can close the open one."""
    j = text.find(closer, at + 1)
    while j >= 0:
        if j not in optional:
            return True
        j = text.find(closer, j + 1)
    return False
