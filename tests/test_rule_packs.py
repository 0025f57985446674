"""Rule packs: loading the built-in packs, precise errors for bad packs, selection."""

from __future__ import annotations

from textwrap import dedent, indent

import pytest

from reportlint.checks import RuleError, RuleSet, Severity, load_pack_text
from reportlint.document import parse
from reportlint.load import decode

FILE = "bad-pack.yaml"

# Line 1..9: a pack header and one valid rule, so that the bad rule is the
# second one and its lines start at 10.
HEAD = dedent(
    """\
    pack: test
    description: 测试用规则包
    rules:
      - code: RL901
        name: good-sums
        kind: sums
        severity: warning
        message: 总数{total}与分项之和{sum}不符
        params: {min_parts: 2}
    """
)


def rule_text(text: str) -> str:
    """A rule written flush left, indented as an item of `rules`."""
    return indent(dedent(text), "  ")


SECTIONS_RULE = rule_text(
    """\
      - code: RL902
        name: bad-sections
        kind: sections
        severity: error
        messages:
          missing: 缺少“{section}”
          missing-part: “{section}”缺少{part}
        params:
          sections:
            - id: measures
              label: 主要举措和成效
              patterns: ["主要举措", "工作成效"]
            - id: shortcomings
              label: 存在的不足和原因
              patterns: ["不足"]
    """
)
# In HEAD + SECTIONS_RULE: line 10 "- code: RL902", 14 "messages:", 15 "missing:",
# 16 "missing-part:", 17 "params:", 18 "sections:", 19 "- id: measures",
# 21 the patterns of sections[0], 24 the patterns of sections[1].


def pack(rule: str) -> str:
    return HEAD + rule


def load_error(text: str) -> RuleError:
    with pytest.raises(RuleError) as info:
        load_pack_text(text, FILE)
    return info.value


def assert_error(
    exc: RuleError, line: int | None, rule: str | None, key: str | None, *words: str
) -> None:
    assert (exc.path, exc.line, exc.rule, exc.key) == (FILE, line, rule, key)
    text = str(exc)
    prefix = f"{FILE}:{line}" if line else FILE
    assert text.startswith(prefix + "：")
    if rule:
        assert f"规则 {rule}" in text
    if key:
        assert f"键 {key}" in text
    for word in words:
        assert word in text


def test_good_packs_used_by_these_tests_load() -> None:
    rules = load_pack_text(pack(SECTIONS_RULE), FILE)
    assert [(r.code, r.name, r.kind, r.pack) for r in rules] == [
        ("RL901", "good-sums", "sums", "test"),
        ("RL902", "bad-sections", "sections", "test"),
    ]
    assert rules[0].messages["mismatch"].text == "总数{total}与分项之和{sum}不符"
    assert rules[1].severity is Severity.ERROR
    assert set(rules[1].messages) == {"missing", "missing-part"}


# --- the built-in packs -----------------------------------------------------------


def test_builtin_packs_load() -> None:
    ruleset = RuleSet.load()
    assert [(r.code, r.name) for r in ruleset.rules] == [
        ("RL101", "required-sections"),
        ("RL102", "duty-coverage"),
        ("RL103", "dated-signature"),
        ("RL201", "percentage-consistency"),
        ("RL202", "sum-consistency"),
        ("RL301", "year-consistency"),
        ("RL302", "stale-reference"),
        ("RL303", "canonical-term"),
        ("RL304", "report-type"),
        ("RL305", "data-density"),
        ("RL306", "congress-numerals"),
        ("RL307", "canonical-title"),
        ("RL308", "law-revision"),
        ("RL309", "event-date-interpunct"),
        ("RL310", "copied-text"),
        ("RL401", "paired-punctuation"),
        ("RL402", "enumeration-sequence"),
        ("RL403", "numbering-style"),
        ("RL404", "punctuation-width"),
        ("RL405", "traditional-characters"),
        ("RL406", "mojibake"),
        ("RL407", "web-boilerplate"),
        ("RL408", "broken-line"),
        ("RL409", "missing-title"),
        ("RL410", "number-unit"),
        ("RL411", "stray-space"),
    ]
    codes = [r.code for r in ruleset.rules]
    names = [r.name for r in ruleset.rules]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    assert [r.pack for r in ruleset.rules] == (
        ["fzzf"] * 6 + ["timeliness"] * 8 + ["batch"] + ["gongwen"] * 11
    )
    assert [r.code for r in ruleset.rules if not r.enabled] == ["RL305"]
    assert [r.kind for r in ruleset.rules] == [
        "sections",
        "coverage",
        "signature",
        "rates",
        "sums",
        "years",
        "dated-references",
        "substitution",
        "existence",
        "density",
        "substitution",
        "cited-titles",
        "law-revisions",
        "substitution",
        "copies",
        "pairs",
        "sequence",
        "substitution",
        "width",
        "traditional",
        "existence",
        "chrome",
        "joins",
        "title",
        "existence",
        "spaces",
    ]


@pytest.mark.slow
def test_builtin_message_severities() -> None:
    rules = {r.code: r for r in RuleSet.load().rules}
    assert rules["RL101"].messages["missing"].severity is Severity.ERROR
    assert rules["RL101"].messages["missing-part"].severity is Severity.WARNING
    assert rules["RL103"].messages["old-style"].severity is Severity.WARNING
    assert rules["RL202"].severity is Severity.WARNING


# --- bad packs: the error names file, line, rule and key ---------------------------


def test_misspelled_param_key() -> None:
    text = pack(SECTIONS_RULE.replace('patterns: ["不足"]', 'patern: ["不足"]'))
    exc = load_error(text)
    assert text.splitlines()[23].strip() == 'patern: ["不足"]'
    assert (exc.path, exc.line, exc.rule) == (FILE, 24, "RL902")
    assert exc.key is not None
    assert exc.key.startswith("params.sections")
    assert exc.key.endswith(".patern")
    assert str(exc).startswith(f"{FILE}:24：规则 RL902：键 {exc.key}：")
    assert "patern" in exc.problem


def test_misspelled_param_key_notation() -> None:
    text = pack(SECTIONS_RULE.replace('patterns: ["不足"]', 'patern: ["不足"]'))
    assert load_error(text).key == "params.sections[1].patern"


def test_misspelled_top_level_param_key() -> None:
    text = HEAD.replace("params: {min_parts: 2}", "params:\n      min_part: 2")
    exc = load_error(text)
    assert_error(exc, 10, "RL901", "params.min_part", "unknown field `min_part`")


def test_wrong_param_type() -> None:
    text = pack(SECTIONS_RULE.replace('patterns: ["主要举措", "工作成效"]', 'patterns: "abc"'))
    exc = load_error(text)
    assert (exc.path, exc.line, exc.rule) == (FILE, 21, "RL902")
    assert exc.key is not None
    assert exc.key.endswith(".patterns")
    assert "Expected `array`, got `str`" in exc.problem
    assert str(exc).startswith(f"{FILE}:21：规则 RL902：键 {exc.key}：")


def test_wrong_scalar_param_type() -> None:
    text = HEAD.replace("{min_parts: 2}", "{min_parts: many}")
    exc = load_error(text)
    assert_error(exc, 9, "RL901", "params.min_parts", "Expected `int`, got `str`")


def test_bad_regex() -> None:
    text = pack(SECTIONS_RULE.replace('["主要举措", "工作成效"]', '["主要举措", "(unclosed"]'))
    exc = load_error(text)
    assert_error(exc, 21, "RL902", "params.sections[0].patterns[1]", "正则表达式无效")


def test_regex_matching_empty_text() -> None:
    text = pack(SECTIONS_RULE.replace('patterns: ["不足"]', 'patterns: ["a*"]'))
    exc = load_error(text)
    assert_error(exc, 24, "RL902", "params.sections[1].patterns[0]", "'a*'", "能匹配空文本")


def test_unknown_placeholder() -> None:
    text = pack(SECTIONS_RULE.replace("“{section}”缺少{part}", "“{section}”缺少{nosuch}"))
    exc = load_error(text)
    assert_error(exc, 16, "RL902", "messages.missing-part", "{nosuch}", "{part}、{section}")


def test_unknown_placeholder_in_single_message() -> None:
    text = HEAD.replace("之和{sum}", "之和{nosuch}")
    exc = load_error(text)
    assert_error(exc, 8, "RL901", "message", "未知的占位符 {nosuch}")


def test_missing_message_id() -> None:
    text = pack(SECTIONS_RULE.replace("      missing-part: “{section}”缺少{part}\n", ""))
    exc = load_error(text)
    assert_error(exc, 14, "RL902", "messages", "缺少消息：missing-part")


def test_single_message_for_multi_message_kind() -> None:
    rule = rule_text(
        """\
          - code: RL902
            name: one-message
            kind: signature
            severity: error
            message: 落款有误
        """
    )
    exc = load_error(pack(rule))
    assert_error(exc, 10, "RL902", "message", "有多条消息", "missing-date")


def test_message_id_the_kind_does_not_have() -> None:
    text = pack(SECTIONS_RULE.replace("      missing: ", "      absent: 没有\n      missing: "))
    exc = load_error(text)
    assert_error(exc, 15, "RL902", "messages.absent", "没有这条消息")


def test_unknown_kind() -> None:
    text = pack(SECTIONS_RULE.replace("kind: sections", "kind: sectoins"))
    exc = load_error(text)
    assert_error(exc, 12, "RL902", "kind", "没有名为“sectoins”的检查类型")


def test_unknown_rule_key() -> None:
    text = pack(SECTIONS_RULE.replace("severity: error", "severty: error"))
    exc = load_error(text)
    assert_error(exc, 13, "RL902", "severty", "未知的键")


def test_bad_severity() -> None:
    text = pack(SECTIONS_RULE.replace("severity: error", "severity: fatal"))
    exc = load_error(text)
    assert_error(exc, 13, "RL902", "severity", "应为 error、warning 或 info")


def test_bad_message_severity() -> None:
    rule = SECTIONS_RULE.replace(
        "missing-part: “{section}”缺少{part}",
        'missing-part: {severity: loud, text: "缺少{part}"}',
    )
    exc = load_error(pack(rule))
    assert_error(exc, 16, "RL902", "messages.missing-part.severity", "应为 error、warning 或 info")


def test_bad_code() -> None:
    text = pack(SECTIONS_RULE.replace("code: RL902", "code: X1"))
    exc = load_error(text)
    assert_error(exc, 10, "X1", "code", "规则代码“X1”应形如 RL101")


def test_bad_slug() -> None:
    text = pack(SECTIONS_RULE.replace("name: bad-sections", "name: Bad_Sections"))
    exc = load_error(text)
    assert_error(exc, 11, "RL902", "name", "Bad_Sections")


def test_missing_required_rule_key() -> None:
    text = pack(SECTIONS_RULE.replace("    kind: sections\n", ""))
    exc = load_error(text)
    # No line of its own to point at: the rule's first line.
    assert_error(exc, 10, "RL902", "kind", "缺少此键或不是字符串")


def test_unknown_pack_key() -> None:
    text = HEAD.replace("description: 测试用规则包", "descripton: 测试用规则包")
    exc = load_error(text)
    assert_error(exc, 2, None, "descripton", "未知的键")


def test_rules_not_a_list() -> None:
    exc = load_error("pack: test\nrules: {}\n")
    assert_error(exc, 1, None, None, "rules 列表")


def test_yaml_syntax_error() -> None:
    text = pack(SECTIONS_RULE.replace("severity: error", "severity: error: yes"))
    exc = load_error(text)
    assert_error(exc, 13, None, None, "YAML 语法错误")


# --- selection ---------------------------------------------------------------------


def codes(ruleset: RuleSet) -> list[str]:
    return [r.code for r in ruleset.rules]


@pytest.fixture(scope="module")
def builtin() -> RuleSet:
    return RuleSet.load()


def test_select_by_code_prefix(builtin: RuleSet) -> None:
    assert codes(builtin.selected(select=["RL1"])) == ["RL101", "RL102", "RL103"]
    assert codes(builtin.selected(select=["RL20"])) == ["RL201", "RL202"]
    assert codes(builtin.selected(select=["RL103"])) == ["RL103"]


def test_select_by_slug(builtin: RuleSet) -> None:
    assert codes(builtin.selected(select=["sum-consistency", "duty-coverage"])) == [
        "RL102",
        "RL202",
    ]


def test_select_all_and_default(builtin: RuleSet) -> None:
    everything = [
        *("RL101", "RL102", "RL103", "RL201", "RL202"),
        *(f"RL3{n:02d}" for n in range(1, 11)),
        *(f"RL4{n:02d}" for n in range(1, 12)),
    ]
    assert codes(builtin.selected()) == [c for c in everything if c != "RL305"]
    assert codes(builtin.selected(select=["ALL"])) == everything


def test_ignore_by_code(builtin: RuleSet) -> None:
    assert codes(builtin.selected(ignore=["RL103", "RL3", "RL4"])) == [
        "RL101",
        "RL102",
        "RL201",
        "RL202",
    ]
    assert codes(builtin.selected(select=["RL1"], ignore=["RL101", "sum-consistency"])) == [
        "RL102",
        "RL103",
    ]


def test_extend_select(builtin: RuleSet) -> None:
    chosen = builtin.selected(select=["RL1"], extend_select=["RL202"])
    assert codes(chosen) == ["RL101", "RL102", "RL103", "RL202"]


def test_disabled_rule_only_when_selected() -> None:
    text = pack(SECTIONS_RULE.replace("severity: error", "severity: error\n    enabled: false"))
    ruleset = RuleSet(load_pack_text(text, FILE))
    assert codes(ruleset.selected()) == ["RL901"]
    assert codes(ruleset.selected(extend_select=["bad-sections"])) == ["RL901", "RL902"]
    assert codes(ruleset.selected(select=["RL9"])) == ["RL901", "RL902"]
    assert codes(ruleset.selected(select=["ALL"])) == ["RL901", "RL902"]


def test_unknown_selectors(builtin: RuleSet) -> None:
    selectors = ["RL1", "RL999", "ALL", "dated-signature", "no-such-rule", "RL20"]
    assert builtin.unknown_selectors(selectors) == ["RL999", "no-such-rule"]
    assert builtin.unknown_selectors([]) == []


def test_duplicate_code_across_packs(builtin: RuleSet) -> None:
    clash = HEAD.replace("code: RL901", "code: RL101")
    with pytest.raises(RuleError) as info:
        RuleSet([*builtin.rules, *load_pack_text(clash, FILE)])
    assert info.value.rule == "RL101"
    assert "“RL101”与规则包" in str(info.value)


def test_duplicate_slug_across_packs(builtin: RuleSet) -> None:
    clash = HEAD.replace("name: good-sums", "name: sum-consistency")
    with pytest.raises(RuleError) as info:
        RuleSet([*builtin.rules, *load_pack_text(clash, FILE)])
    assert "“sum-consistency”与规则包" in str(info.value)


def test_what_a_rule_says_about_fixes_is_what_its_examples_do():
    # `reportlint rules`, `rule CODE` and SARIF show check.fixable; the
    # rule's own bad examples must carry fixes of exactly that kind.
    from support import document

    for rule in RuleSet.load().rules:
        fixes = [
            f.fix
            for text in rule.examples.get("invalid", ())
            for f in rule.check.check(document(text))
            if f.fix is not None
        ]
        kinds = {"safe" if fix.safe else "unsafe" for fix in fixes}
        expected = {rule.check.fixable} if rule.check.fixable else set()
        assert kinds == expected, rule.code


def test_rules_listing_shows_fixability():
    from click.testing import CliRunner

    from reportlint.cli import main

    lines = {
        line.split()[0]: line.split()
        for line in CliRunner().invoke(main, ["rules"]).output.splitlines()
    }
    assert lines["RL404"][3] == "fix" and lines["RL303"][3] == "unsafe"
    assert lines["RL101"][3] == "sections"  # no fix column value: the kind follows


def test_a_repeated_key_in_a_pack_names_it_and_the_line():
    text = """\
pack: mine
rules:
  - code: XX001
    name: one
    kind: existence
    severity: warning
    message: m
    params:
      patterns: ["甲"]
    params:
      patterns: ["乙"]
"""
    with pytest.raises(RuleError) as info:
        load_pack_text(text, FILE)
    assert "键“params”重复（第 8 行已有）" in str(info.value)
    assert f"{FILE}:10" in str(info.value)


def test_a_message_a_kind_makes_optional_may_be_left_out() -> None:
    # existence's "unrepaired" (no repair applies): a rule with only `message`
    # still loads and then says its one message; `messages` may name it.
    rule = rule_text(
        """\
          - code: RL903
            name: garbled
            kind: existence
            severity: error
            message: 乱码“{match}”（应为“{repaired}”）
            params:
              patterns: ["锟斤拷"]
              repair: {pattern: "锟", replacement: ""}
        """
    )
    (_, garbled) = load_pack_text(pack(rule), FILE)
    assert "unrepaired" not in garbled.messages
    # ...and says its one message where the other would be said.
    unrepairable = rule.replace('replacement: ""', 'replacement: "锟"')
    assert said(unrepairable, "某镇报告\n推进工作锟斤拷。\n") == ["乱码“锟斤拷”（应为“锟斤拷”）"]
    both = rule.replace(
        "message: 乱码“{match}”（应为“{repaired}”）",
        "messages: {default: '乱码“{match}”（应为“{repaired}”）', unrepaired: '乱码“{match}”'}",
    )
    (_, garbled) = load_pack_text(pack(both), FILE)
    assert garbled.messages["unrepaired"].text == "乱码“{match}”"
    # The optional message takes only its own placeholders.
    wrong = both.replace("unrepaired: '乱码“{match}”'", "unrepaired: '乱码“{repaired}”'")
    assert wrong != both
    assert "{repaired}" in str(load_error(pack(wrong)))


@pytest.mark.parametrize(
    ("message", "patterns", "text", "expected"),
    [
        # GB/T 15834: quotes inside quotes are single; a match that cut a quoted word
        # in half ("七五”普法") is closed, so the message's quotes stay paired.
        (
            "已过时：“{match}”",
            '["七五”普法", "“谁执法谁普法”"]',
            "开展“七五”普法。落实“谁执法谁普法”责任制。",
            ["已过时：“‘七五’普法”", "已过时：“‘谁执法谁普法’”"],
        ),
        # {match!r} is filled as repr(match), and the quotes of what it gives are mended.
        (
            "已过时：“{match!r}”，共{count:02d}处",
            '["七五”普法"]',
            "开展“七五”普法。",
            ["已过时：“‘'七五’普法'”，共01处"],
        ),
    ],
)
def test_text_a_message_quotes_has_its_own_double_quotes_made_single(
    message: str, patterns: str, text: str, expected: list[str]
) -> None:
    rule = rule_text(
        f"""\
          - code: RL904
            name: quoted
            kind: existence
            severity: warning
            message: {message}
            params:
              patterns: {patterns}
        """
    )
    assert said(rule, f"某镇报告\n{text}\n") == expected


def said(rule: str, text: str) -> list[str]:
    """The messages of a pack holding `rule` on a report of `text`."""
    (_, loaded) = load_pack_text(pack(rule), FILE)
    doc = parse(decode(text.encode(), "x.txt"))
    return [d.message for d in RuleSet([loaded]).run(doc)]


def test_a_message_made_before_is_not_given_for_equal_values_of_another_type() -> None:
    # Messages are kept by template and values; 1, 1.0 and True are equal keys.
    from reportlint.checks.rules import Message, _worded

    message = Message("共{count}处“{match}”", Severity.WARNING, "删去“{match}”")
    said = [_worded(message, {"count": n, "match": "锟斤拷"}) for n in (1, 1.0, True, 1)]
    assert [text for text, _ in said] == [
        "共1处“锟斤拷”：删去“锟斤拷”",
        "共1.0处“锟斤拷”：删去“锟斤拷”",
        "共True处“锟斤拷”：删去“锟斤拷”",
        "共1处“锟斤拷”：删去“锟斤拷”",
    ]
    assert {suggestion for _, suggestion in said} == {"删去“锟斤拷”"}


def test_a_prefilter_hides_none_of_its_rules_examples():
    # `prefilter` is for speed: every swap must imply it, so the rule's and its
    # entries' examples are flagged alike with and without it.
    import copy

    from reportlint.checks.substitution import Substitution

    from support import document

    checked = 0
    for rule in RuleSet.load().rules:
        kind = rule.check
        if not isinstance(kind, Substitution) or kind.prefilter is None:
            continue
        plain = copy.copy(kind)
        plain.prefilter = None
        texts = [*rule.examples.get("invalid", ()), *rule.examples.get("valid", ())]
        texts += [t for e in kind.params.entries for x in e.examples for t in x.invalid + x.valid]
        for text in texts:
            doc = document(f"某县2024年法治政府建设情况报告\n{text}\n")
            assert list(kind.check(doc)) == list(plain.check(doc)), (rule.code, text)
            checked += 1
    assert checked >= 8


def test_a_swap_with_a_negative_look_around_is_found_in_a_paragraph_cut_from_its_line():
    # "…落实规划。 二、…" on one line is two paragraphs (a lost break); in the whole
    # report's view the first runs on into "二", so the body-wide search for
    # "规划。(?!二)" fails there: the swap must still be looked for paragraph by paragraph.
    rule = rule_text(
        """\
          - code: RL905
            name: swap-at-a-cut
            kind: substitution
            severity: warning
            message: “{match}”应为“{replacement}”
            params: {swap: {"落实规划。(?!二)": "落实了规划。"}}
        """
    )
    prose = (
        "全县各部门围绕年度目标任务，压实工作责任，细化工作措施，"
        "推动法治政府建设各项工作取得实效，认真落实规划。"
    )
    text = f"某县2024年法治政府建设情况报告\n一、主要举措和成效\n{prose} 二、存在的不足和原因\n"
    doc = parse(decode(text.encode(), "x.txt"))
    assert [p.text for p in doc.body_paragraphs][-2:] == [prose, "二、存在的不足和原因"]
    assert [d.message for d in RuleSet([*load_pack_text(pack(rule), FILE)]).run(doc)][-1:] == [
        "“落实规划。”应为“落实了规划。”"
    ]
