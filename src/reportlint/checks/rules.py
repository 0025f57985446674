"""Rule packs: YAML files that instantiate check kinds.

A pack is a mapping with `pack` (its name), `description` and `rules`, a list
of rules.  A rule has `code`, `name` (slug), `kind`, `severity`,
`message` (or `messages`, one per message id the kind declares; each a
sentence, or `text` and `suggestion`, the short fix title shown as 建议),
`docs` (its documentation in fixed sections, ruff's: `summary`, `what`,
`why`, `fix`, `references`, optional `limits`), `examples`, optional
`enabled` (false: only when selected) and `params` for the kind.  A user's
pack may leave out any section, or give the older one-paragraph
`description` instead of `docs`; a built-in pack must fill every section,
give both kinds of example and a suggestion for every message (`strict`).

Everything is validated when the pack loads: unknown keys, wrong types, bad
regular expressions, message placeholders the kind does not provide.  The
error names the file, the line, the rule and the key.  Packs are read with
the safe loader only; nothing in a pack runs.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from reportlint import lexicon, yamlsafe
from reportlint.checks.base import (
    USER_PATTERN_TIMEOUT,
    CheckKind,
    Finding,
    ParamError,
    Severity,
    pattern_timeout,
)
from reportlint.checks.diagnostic import SUGGESTION_JOINER, Diagnostic, context
from reportlint.checks.registry import get_kind
from reportlint.document import Document, parse
from reportlint.document.regexes import compiled
from reportlint.load import decode

_CODE = compiled(r"^[A-Z]{1,4}\d{3,4}$")
_SLUG = compiled(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_KEYS = {
    "code",
    "name",
    "kind",
    "severity",
    "message",
    "messages",
    "description",
    "docs",
    "params",
    "enabled",
    "examples",
}
# The documentation sections of a rule (ruff's: what it does, why it matters,
# fix safety, references), `summary` its one line for lists; `limits`, what it
# is known to miss or misread, is optional even in a built-in pack.
DOC_SECTIONS = ("summary", "what", "why", "fix", "references")
DOC_KEYS = {*DOC_SECTIONS, "limits"}
MESSAGE_KEYS = {"text", "suggestion", "severity"}
_PACK_KEYS = {"pack", "description", "rules"}
_MSGSPEC_PATH = compiled(r"- at `\$(?P<path>[^`]*)`")
_PATH_PART = compiled(r"\.(\w+)|\[(\d+)\]")
_UNKNOWN_FIELD = compiled(r"unknown field `(\w+)`")


class RuleError(Exception):
    """A rule pack is wrong.  str() gives "file:line: rule CODE: key: problem"."""

    def __init__(
        self, path: str, line: int | None, rule: str | None, key: str | None, problem: str
    ):
        where = f"{path}:{line}" if line else path
        parts = [where]
        if rule:
            parts.append(f"规则 {rule}")
        if key:
            parts.append(f"键 {key}")
        super().__init__("：".join(parts) + f"：{problem}")
        self.path, self.line, self.rule, self.key, self.problem = path, line, rule, key, problem


class Message(NamedTuple):
    text: str
    severity: Severity
    # The fix title (ruff's `fix_title`): what to do, shown as 建议 under the
    # finding; the finding's full message is text：suggestion.
    suggestion: str = ""


class RuleDocs(NamedTuple):
    """A rule's documentation, section by section (see DOC_SECTIONS)."""

    summary: str = ""
    what: str = ""
    why: str = ""
    fix: str = ""
    references: tuple[str, ...] = ()
    limits: str = ""


class Rule(NamedTuple):
    code: str
    name: str
    kind: str
    check: CheckKind[Any]
    severity: Severity
    messages: dict[str, Message]
    docs: RuleDocs
    pack: str
    enabled: bool
    # Snippets the rule must flag (invalid) and must leave alone (valid).
    examples: dict[str, tuple[str, ...]]

    def matches(self, selector: str) -> bool:
        """A selector is a code, a code prefix ("RL1"), a slug, or ALL."""
        return selector == "ALL" or selector == self.name or self.code.startswith(selector)

    @property
    def summary(self) -> str:
        return self.docs.summary or (self.docs.why.splitlines() or [""])[0]

    @property
    def description(self) -> str:
        """Why the rule exists, its grounds first (what a Word comment quotes)."""
        return self.docs.why

    def explain(self, width: int | None = None) -> str:
        """What `reportlint rule` prints and SARIF carries as help: the
        documentation's sections, the messages with their suggestions, the
        rule's own examples and how to select it (reportlint.ruledocs)."""
        from reportlint.ruledocs import terminal

        return terminal(self, width)

    def example_problems(self) -> list[tuple[str, str]]:
        """(key, problem) for each example that does not behave as stated; a batch
        rule's examples are paragraphs met in two reports, shown, not run alone."""
        problems: list[tuple[str, str]] = []
        if self.check.batch:
            return problems
        for kind, expect_findings in (("invalid", True), ("valid", False)):
            for i, text in enumerate(self.examples.get(kind, ())):
                doc = parse(decode(text.encode("utf-8"), f"<{self.code} example>"))
                flagged = bool(list(self.check.check(doc)))
                if flagged != expect_findings:
                    problem = (
                        "示例应被本规则标出，但没有"
                        if expect_findings
                        else "示例不应被本规则标出，但被标出了"
                    )
                    problems.append((f"examples.{kind}[{i}]", f"{problem}：{text[:40]}"))
        return problems

    def diagnose(self, doc: Document, finding: Finding) -> Diagnostic:
        message = self.messages.get(finding.message)
        if message is None:  # an optional message the pack leaves out: its stand-in
            message = self.messages[self.check.optional_messages[finding.message]]
        text, suggestion = _worded(message, finding.args)
        start, end = finding.span
        end = max(end, start)
        line, column, end_line, end_column = doc.positions(start, end)
        # (tuple.__new__: NamedTuple's own __new__ is a Python call, for each of
        # the thousands of diagnostics in a batch)
        return tuple.__new__(
            Diagnostic,
            (
                doc.path,
                self.code,
                self.name,
                message.severity,
                text,
                finding.span,
                line,
                column,
                end_line,
                end_column,
                doc.line_text(line),
                finding.fix,
                suggestion,
                context(doc.text, start, end),
                "",
            ),
        )


def builtin_pack_dir() -> Path:
    """rules/ inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).resolve().parents[1] / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def builtin_packs() -> list[Path]:
    # lexicon.yaml beside the packs is the vocabulary they share, not a pack.
    return sorted(p for p in builtin_pack_dir().glob("*.yaml") if p.name != "lexicon.yaml")


def load_pack(
    path: str | Path,
    verify_examples: bool = False,
    timeout: float | None = None,
    strict: bool = False,
) -> list[Rule]:
    """Load a pack; with a timeout, its rules' patterns run under it (a user's
    pack); `strict` (the built-in packs) requires the documentation whole."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(str(path), None, None, None, f"无法读取规则文件：{exc}") from None
    token = pattern_timeout.set(timeout)
    try:
        return load_pack_text(text, str(path), verify_examples, strict)
    finally:
        pattern_timeout.reset(token)


def load_pack_text(
    text: str, name: str, verify_examples: bool = False, strict: bool = False
) -> list[Rule]:
    locate = _Locator(text)
    try:
        data = yamlsafe.load(text)
    except yamlsafe.YamlError as exc:
        raise RuleError(name, exc.line, None, None, f"YAML 语法错误：{exc.problem}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(name, 1, None, None, "规则包应是含有 rules 列表的映射")
    for key in data:
        if key not in _PACK_KEYS:
            raise RuleError(name, locate(key), None, str(key), "未知的键")
    pack = str(data.get("pack") or Path(name).stem)
    rules = []
    for index, entry in enumerate(data["rules"]):
        rule = _rule(entry, index, pack, name, locate, strict)
        if verify_examples:
            try:
                problems = rule.example_problems()
            except TimeoutError:
                raise RuleError(
                    name, locate(*("rules", index)), rule.code, "examples", _TIMEOUT_HELP
                ) from None
            for key, problem in problems:
                group, _, i = key.partition(".")[2].partition("[")
                line = locate("rules", index, "examples", group, int(i.rstrip("]")))
                raise RuleError(name, line, rule.code, key, problem)
        rules.append(rule)
    return rules


def _rule(
    entry: Any, index: int, pack: str, file: str, locate: _Locator, strict: bool = False
) -> Rule:
    at = ("rules", index)

    def fail(key: str | None, problem: str, path: Sequence[Any] = ()) -> RuleError:
        label = entry.get("code") if isinstance(entry, dict) else None
        return RuleError(file, locate(*at, *path), str(label or f"#{index + 1}"), key, problem)

    if not isinstance(entry, dict):
        raise fail(None, "每条规则应是一个映射")
    for key in entry:
        if key not in RULE_KEYS:
            raise fail(str(key), "未知的键", (key,))
    for key in ("code", "name", "kind", "severity"):
        if not isinstance(entry.get(key), str):
            raise fail(key, "缺少此键或不是字符串")
    code, slug = entry["code"], entry["name"]
    if not _CODE.match(code):
        raise fail("code", f"规则代码“{code}”应形如 RL101", ("code",))
    if not _SLUG.match(slug):
        raise fail("name", f"规则名“{slug}”应是小写连字符形式，如 required-sections", ("name",))
    try:
        severity = Severity(entry["severity"])
    except ValueError:
        raise fail("severity", "应为 error、warning 或 info", ("severity",)) from None
    kind_cls = get_kind(entry["kind"])
    if kind_cls is None:
        raise fail("kind", f"没有名为“{entry['kind']}”的检查类型", ("kind",))

    try:
        raw_params = lexicon.expand_params(entry.get("params") or {})
    except lexicon.LexiconError as exc:
        raise fail("params", f"{exc}（见 rules/lexicon.yaml）", ("params",)) from None
    try:
        params = msgspec.convert(raw_params, kind_cls.params_type)
    except msgspec.ValidationError as exc:
        path = _msgspec_location(str(exc))
        raise fail(_key(("params", *path)), str(exc), ("params", *path)) from None
    try:
        check = kind_cls(params)
    except ParamError as exc:
        path = tuple(_split_key(exc.key))
        raise fail(f"params.{exc.key}", str(exc), ("params", *path)) from None

    messages = _messages(entry, kind_cls, severity, fail, strict)
    examples = entry.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"valid", "invalid"}:
        raise fail("examples", "应是含 valid 和/或 invalid 列表的映射", ("examples",))
    for group, texts in examples.items():
        if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
            raise fail(f"examples.{group}", "应是非空字符串的列表", ("examples", group))
    if strict:
        for group in ("invalid", "valid"):
            if not examples.get(group):
                raise fail(f"examples.{group}", "内置规则须有会被标出和不会被标出的示例")
    docs = _docs(entry, fail, strict)
    return Rule(
        code=code,
        name=slug,
        kind=entry["kind"],
        check=check,
        severity=severity,
        messages=messages,
        docs=docs,
        pack=pack,
        enabled=bool(entry.get("enabled", True)),
        examples={group: tuple(texts) for group, texts in examples.items()},
    )


def _docs(entry: dict[str, Any], fail: Any, strict: bool) -> RuleDocs:
    """The `docs` mapping, or a user's one-paragraph `description` as its `why`."""
    if "description" in entry:
        if "docs" in entry:
            raise fail("description", "description 与 docs 只能写一个（description 即 docs.why）")
        if strict:
            raise fail("description", "内置规则的说明写在 docs 的各节中", ("description",))
        value = entry["description"]
        if not isinstance(value, str):
            raise fail("description", "应是字符串", ("description",))
        return RuleDocs(why=value.strip())
    raw = entry.get("docs")
    if raw is None:
        if strict:
            raise fail("docs", f"内置规则须有 docs（{'、'.join(DOC_SECTIONS)}）")
        return RuleDocs()
    if not isinstance(raw, dict):
        raise fail("docs", "应是映射", ("docs",))
    for key in raw:
        if key not in DOC_KEYS:
            raise fail(
                f"docs.{key}", f"未知的键（可用：{'、'.join(sorted(DOC_KEYS))}）", ("docs", key)
            )
    values: dict[str, Any] = {}
    for key in sorted(DOC_KEYS):
        value = raw.get(key)
        if value is None:
            if strict and key in DOC_SECTIONS:
                raise fail(f"docs.{key}", "内置规则的说明缺少这一节", ("docs",))
            continue
        if key == "references":
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise fail("docs.references", "应是非空字符串的列表", ("docs", key))
            if strict and not value:
                raise fail("docs.references", "内置规则的说明缺少这一节", ("docs", key))
            values[key] = tuple(v.strip() for v in value)
        elif not isinstance(value, str) or not value.strip():
            raise fail(f"docs.{key}", "应是非空的字符串", ("docs", key))
        elif key == "summary" and "\n" in value.strip():
            raise fail("docs.summary", "summary 只写一行", ("docs", key))
        else:
            values[key] = value.strip()
    return RuleDocs(**values)


def _messages(
    entry: dict[str, Any],
    kind: type[CheckKind[Any]],
    severity: Severity,
    fail: Any,
    strict: bool = False,
) -> dict[str, Message]:
    declared = kind.messages
    required = [m for m in declared if m not in kind.optional_messages]
    if "message" in entry and "messages" in entry:
        raise fail("message", "message 与 messages 只能写一个")
    if "message" in entry:
        if len(required) != 1:
            raise fail(
                "message",
                f"检查类型 {kind.name} 有多条消息，请用 messages 写出：{'、'.join(required)}",
            )
        raw: dict[str, Any] = {required[0]: entry["message"]}
        base: tuple[Any, ...] = ("message",)
    else:
        raw = entry.get("messages")  # type: ignore[assignment]
        if not isinstance(raw, dict):
            raise fail("messages", f"缺少 messages（需要：{'、'.join(declared)}）")
        base = ("messages",)
    missing = set(required) - set(raw)
    if missing:
        raise fail("messages", f"缺少消息：{'、'.join(sorted(missing))}", base)
    messages = {}
    for message_id, value in raw.items():
        key = f"messages.{message_id}" if base == ("messages",) else "message"
        path = (*base, message_id) if base == ("messages",) else base
        if message_id not in declared:
            raise fail(key, f"检查类型 {kind.name} 没有这条消息（有：{'、'.join(declared)}）", path)
        own = severity
        suggestion = ""
        if isinstance(value, dict):
            unknown = set(value) - MESSAGE_KEYS
            if unknown or not isinstance(value.get("text"), str):
                raise fail(key, "应是字符串，或含 text、suggestion 与 severity 的映射", path)
            try:
                own = Severity(value.get("severity", severity))
            except ValueError:
                raise fail(f"{key}.severity", "应为 error、warning 或 info", path) from None
            suggestion = value.get("suggestion", "")
            if not isinstance(suggestion, str) or (
                "suggestion" in value and not suggestion.strip()
            ):
                raise fail(f"{key}.suggestion", "应是非空的字符串", path)
            value = value["text"]
        if not isinstance(value, str) or not value.strip():
            raise fail(key, "消息不能为空", path)
        if strict and not suggestion:
            raise fail(f"{key}.suggestion", "内置规则的每条消息须有 suggestion（建议）", path)
        if suggestion and value.rstrip()[-1] in "。，；：！？":
            raise fail(key, "有 suggestion 时 text 不以标点结尾（两者以“：”连成一句）", path)
        for part, template in ((key, value), (f"{key}.suggestion", suggestion)):
            try:
                fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
            except ValueError as exc:
                raise fail(part, f"消息模板有误：{exc}", path) from None
            unknown_fields = fields - declared[message_id]
            if unknown_fields:
                allowed = "、".join(f"{{{f}}}" for f in sorted(declared[message_id])) or "（无）"
                raise fail(
                    part,
                    f"未知的占位符 {{{', '.join(sorted(unknown_fields))}}}；可用：{allowed}",
                    path,
                )
        messages[message_id] = Message(value.strip(), own, suggestion.strip())
    return messages


def _msgspec_location(message: str) -> tuple[Any, ...]:
    """The path to the bad value in a msgspec error ("- at `$.sections[0]`")."""
    path: list[Any] = []
    if m := _MSGSPEC_PATH.search(message):
        path = list(_split_key(m["path"]))
    if m := _UNKNOWN_FIELD.search(message):
        path.append(m[1])
    return tuple(path)


def _key(path: Sequence[Any]) -> str:
    """("params", "sections", 1, "patern") -> "params.sections[1].patern"."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _split_key(key: str) -> Iterable[Any]:
    if not key.startswith((".", "[")):
        key = "." + key
    for m in _PATH_PART.finditer(key):
        yield m[1] if m[1] is not None else int(m[2])


class _Locator:
    """Line numbers of YAML nodes, composed only when an error needs one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._root: Any = None

    def __call__(self, *path: Any) -> int | None:
        import yaml  # an error is being reported: the start-up is paid already

        try:
            if self._root is None:
                self._root = yaml.compose(self.text, Loader=yamlsafe.loader())
        except yaml.YAMLError:
            return None
        node = self._root
        line = node.start_mark.line + 1 if node else None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == str(part):
                        line, node = key_node.start_mark.line + 1, value_node
                        break
                else:
                    return line
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and part < len(node.value)
            ):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line


# Text the message quotes (“{match}”): its own double quotes become single ones
# (GB/T 15834 4.1.3.3), so “七五”普法 reads “‘七五’普法”, not “七五”普法”.
_INNER_QUOTES = str.maketrans("“”", "‘’")


@cache
def _parsed(template: str) -> list[tuple[str, str | None, str | None, str | None]]:
    # A message is made for each of ~60 findings a report: its template parsed once.
    return list(string.Formatter().parse(template))


def _quoted(value: str) -> str:
    """A value shown inside “…”: its own “” made ‘’, and a quote the match cut
    in half ("七五”普法") closed."""
    if not any(mark in value for mark in "“”‘’"):
        return value  # most values: str.translate looks up every character
    value = value.translate(_INNER_QUOTES)
    opened, closed = value.count("‘"), value.count("’")
    return "‘" * (closed - opened) + value + "’" * (opened - closed)


# Messages made before, by message and values: RL404 says the same few things
# thousands of times in a batch.  Cleared when full: no run needs it whole.
_made: dict[tuple[Any, ...], tuple[str, str]] = {}
_MADE_MAX = 4096
_KEYABLE = frozenset({str, int})


def _worded(message: Message, args: dict[str, Any]) -> tuple[str, str]:
    """The message's full text (its suggestion joined on) and its suggestion, with
    their placeholders filled; a value the template puts inside “…” has its own
    “” turned into ‘’."""
    # Only str and int values: of others, equal ones may print differently (1.0 and 1).
    if not all(map(_KEYABLE.__contains__, map(type, args.values()))):
        return _word(message, args)
    key = (message.text, message.suggestion, *args.items())
    made = _made.get(key)
    if made is not None:
        return made
    if len(_made) >= _MADE_MAX:
        _made.clear()
    made = _made[key] = _word(message, args)
    return made


def _word(message: Message, args: dict[str, Any]) -> tuple[str, str]:
    text = _fill(message.text, args)
    suggestion = _fill(message.suggestion, args) if message.suggestion else ""
    return (text + SUGGESTION_JOINER + suggestion if suggestion else text), suggestion


def _fill(template: str, args: dict[str, Any]) -> str:
    parts = _parsed(template)
    out = []
    for i, (literal, field, spec, conversion) in enumerate(parts):
        out.append(literal)
        if field is None:
            continue
        raw = args[field]
        raw = repr(raw) if conversion == "r" else str(raw) if conversion == "s" else raw
        value = format(raw, spec or "")
        following = parts[i + 1][0] if i + 1 < len(parts) else ""
        out.append(_quoted(value) if literal.endswith("“") and following.startswith("”") else value)
    return "".join(out)


class RuleSet:
    """The rules in force for a run, in code order."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = sorted(rules, key=lambda r: r.code)
        seen: dict[str, Rule] = {}
        for rule in self.rules:
            for key in (rule.code, rule.name):
                if key in seen:
                    raise RuleError(
                        rule.pack,
                        None,
                        rule.code,
                        None,
                        f"“{key}”与规则包 {seen[key].pack} 中的规则重复",
                    )
                seen[key] = rule

    @classmethod
    def load(
        cls, packs: Iterable[str | Path] | None = None, verify_examples: bool = False
    ) -> RuleSet:
        """The built-in packs, or the given ones.  Examples are verified on
        request: the CLI does it for a user's packs; the test suite does it
        for the built-in ones, so a plain run does not pay for it."""
        paths: list[str | Path] = [*builtin_packs()] if packs is None else list(packs)
        builtin = packs is None
        timeout = None if builtin else USER_PATTERN_TIMEOUT
        return cls(
            rule
            for path in paths
            for rule in load_pack(path, verify_examples, timeout, strict=builtin)
        )

    def selected(
        self,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
    ) -> RuleSet:
        """Like ruff: select replaces the default set (rules enabled by default),
        extend_select adds to it, ignore removes from it."""
        chosen = [
            r
            for r in self.rules
            if (any(r.matches(s) for s in select) if select else r.enabled)
            or any(r.matches(s) for s in extend_select)
        ]
        return RuleSet(r for r in chosen if not any(r.matches(s) for s in ignore))

    def with_severities(self, overrides: Sequence[tuple[str, Severity]]) -> RuleSet:
        """Each (selector, severity) sets the level of every message of the
        rules it matches; a later entry wins over an earlier one."""
        if not overrides:
            return self
        rules = []
        for rule in self.rules:
            levels = [severity for selector, severity in overrides if rule.matches(selector)]
            if levels:
                level = levels[-1]
                messages = {key: m._replace(severity=level) for key, m in rule.messages.items()}
                rule = rule._replace(severity=level, messages=messages)
            rules.append(rule)
        return RuleSet(rules)

    def unknown_selectors(self, selectors: Iterable[str]) -> list[str]:
        return [s for s in selectors if not any(r.matches(s) for r in self.rules)]

    def run(self, doc: Document) -> list[Diagnostic]:
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            try:
                findings = list(rule.check.check(doc))
            except TimeoutError:
                raise PatternTimeout(
                    f"{doc.path}：规则 {rule.code}（{rule.name}，规则包 {rule.pack}）{_TIMEOUT_HELP}"
                ) from None
            except Exception as exc:  # a broken kind must not sink the run
                raise CheckCrash(rule, doc.path, exc) from exc
            diagnostics.extend(rule.diagnose(doc, f) for f in findings)
        diagnostics.sort(key=Diagnostic.sort_key)
        return diagnostics


_TIMEOUT_HELP = (
    f"的正则表达式运行超过 {USER_PATTERN_TIMEOUT:g} 秒仍未结束，可能存在灾难性回溯"
    "（如 (.*?，){11}）：请修改这条规则的模式"
)


class PatternTimeout(Exception):
    """A user's pattern ran out of time: the run stops and names the rule."""


class CheckCrash(Exception):
    def __init__(self, rule: Rule, path: str, exc: Exception) -> None:
        super().__init__(
            f"{path}：规则 {rule.code}（{rule.name}）内部错误：{type(exc).__name__}: {exc}"
        )
        self.rule = rule
