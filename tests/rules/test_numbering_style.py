"""RL403 numbering-style: "1." not "1、", "（一）" full-width and bare, "一、" not "一."."""

from __future__ import annotations

from reportlint.fix import apply_fixes, fix_source
from reportlint.load import decode, load_path

from support import builtin_rules, clean_text, lint, lint_file, seed

RULE = "numbering-style"


def found(text):
    return [(d.line, d.column, d.message, d.fix.replacement) for d in lint(text, RULE)]


def fixed(source, *select):
    return fix_source(source, builtin_rules().selected(select=select or (RULE,)))


def test_seed_004_list_mixing_dot_and_comma():
    # Under （一）: 1. 2. 3、 4、 5. 6. -- only the two odd ones out are in this list.
    in_list = [d for d in lint_file(seed(4), RULE) if 15 <= d.line <= 35]
    assert [(d.line, d.column, d.end_column, d.message) for d in in_list] == [
        (29, 5, 7, "序号“3、”写法不规范：请改为“3.”"),
        (31, 5, 7, "序号“4、”写法不规范：请改为“4.”"),
    ]
    assert [(d.fix.replacement, d.fix.safe) for d in in_list] == [("3.", True), ("4.", True)]


def test_seed_004_every_marker():
    assert [(d.line, d.source_line.strip()[:3]) for d in lint_file(seed(4), RULE)] == [
        (13, "(一)"),
        (29, "3、社"),
        (31, "4、安"),
        (37, "(二)"),
        (39, "1、严"),
        (41, "2、着"),
        (43, "3、建"),
        (45, "4、充"),
        (51, "(三)"),
        (61, "(一)"),
        (65, "(二)"),
        (75, "(一)"),
        (79, "(二)"),
    ]


def test_seeds_000_and_001_half_width_heading_brackets():
    found_0 = lint_file(seed(0), RULE)
    assert len(found_0) == 19
    assert {(d.column, d.fix.replacement[0], d.fix.replacement[-1]) for d in found_0} == {
        (1, "（", "）")
    }
    (first, *_, last) = found_0
    assert (first.line, first.message, first.fix.replacement) == (
        13,
        "序号“(一)”写法不规范：请改为“（一）”",
        "（一）",
    )
    assert (last.line, last.message, last.fix.replacement) == (
        65,
        "序号“(十一)”写法不规范：请改为“（十一）”",
        "（十一）",
    )
    found_1 = lint_file(seed(1), RULE)
    assert [(d.line, d.column, d.fix.replacement) for d in found_1] == [
        (12, 1, "（一）"),
        (19, 1, "（二）"),
        (21, 1, "（三）"),
        (23, 1, "（四）"),
    ]


def test_seed_003_arabic_numerals_with_comma():
    found_3 = lint_file(seed(3), RULE)
    assert [(d.line, d.fix.replacement) for d in found_3] == [
        (5, "1."),
        (6, "2."),
        (7, "3."),
        (9, "1."),
        (10, "2."),
        (11, "3."),
        (13, "1."),
        (14, "2."),
        (15, "3."),
    ]


def test_clean_sample_is_quiet():
    assert lint(clean_text(), RULE) == []


def test_each_wrong_form_and_its_replacement():
    assert found("3、社会治安综合治理工作。深化平安建设。") == [
        (1, 1, "序号“3、”写法不规范：请改为“3.”", "3.")
    ]
    assert found("12、落实“谁执法谁普法”责任制。") == [
        (1, 1, "序号“12、”写法不规范：请改为“12.”", "12.")
    ]
    assert found("（一）、强化组织领导。") == [
        (1, 1, "序号“（一）、”写法不规范：请改为“（一）”", "（一）")
    ]
    assert found("（一），强化组织领导。") == [
        (1, 1, "序号“（一），”写法不规范：请改为“（一）”", "（一）")
    ]
    assert found("(十一)强化对政府内部权力的制约。") == [
        (1, 1, "序号“(十一)”写法不规范：请改为“（十一）”", "（十一）")
    ]
    assert found("一.提高政治站位。") == [(1, 1, "序号“一.”写法不规范：请改为“一、”", "一、")]
    assert found("一．提高政治站位。") == [(1, 1, "序号“一．”写法不规范：请改为“一、”", "一、")]
    assert found("(1)完善制度。") == [(1, 1, "序号“(1)”写法不规范：请改为“（1）”", "（1）")]
    assert found("（1）、完善制度。") == [(1, 1, "序号“（1）、”写法不规范：请改为“（1）”", "（1）")]
    assert found("    3、社会治安综合治理工作。") == [
        (1, 5, "序号“3、”写法不规范：请改为“3.”", "3.")
    ]


def test_fix_of_seed_004_touches_only_the_markers():
    source = load_path(seed(4))
    diagnostics = lint_file(seed(4), RULE)
    text, applied = apply_fixes(source.text, [d.fix for d in diagnostics])
    assert applied == len(diagnostics) == 13
    before, after = source.text.split("\n"), text.split("\n")
    assert len(before) == len(after)
    expected = list(before)
    for d in diagnostics:
        line = before[d.line - 1]
        expected[d.line - 1] = line[: d.column - 1] + d.fix.replacement + line[d.end_column - 1 :]
    assert after == expected
    # The list under （一） now reads 1. to 6.
    assert [after[n - 1].strip()[:2] for n in (15, 25, 29, 31, 33, 35)] == [
        "1.",
        "2.",
        "3.",
        "4.",
        "5.",
        "6.",
    ]
    assert after[12].strip() == "（一）规范文明执法,强化对行政权力的制约和监督"


def test_fix_is_idempotent():
    for n in (0, 1, 3, 4):
        source = load_path(seed(n))
        first = fixed(source)
        assert first.applied > 0 and first.remaining == []
        again = fixed(source._replace(text=first.text))
        assert (again.applied, again.text, again.remaining) == (0, first.text, [])


def test_fix_of_a_heading_with_a_trailing_mark():
    source = decode("一、主要工作\n（二）、加强学习。\n一.提高站位。\n".encode(), "report.txt")
    assert fixed(source).text == "一、主要工作\n（二）加强学习。\n一、提高站位。\n"


def test_fix_together_with_punctuation_width():
    # The comma after "(一)" is in both fixes' spans; one pass takes numbering-style's.
    source = decode("(一),强化组织领导,成立领导小组。\n".encode(), "report.txt")
    outcome = fixed(source, RULE, "punctuation-width")
    assert outcome.text == "（一）强化组织领导，成立领导小组。\n"
    assert outcome.remaining == []


def test_chinese_numeral_with_dot_before_a_quotation_mark():
    assert found("二.“八五”普法工作取得实效。") == [
        (1, 1, "序号“二.”写法不规范：请改为“二、”", "二、")
    ]


def test_chapter_headings_typed_with_a_space_are_headings():
    # Left alone before: "一　2024年推进…" (full-width space for 、) was no heading, so
    # the required parts under such headings were "missing" (RL101 errors).
    text = clean_text()
    for numeral in "一二三四":
        text = text.replace(f"\n{numeral}、", f"\n{numeral}\u3000", 1)
    assert lint(text) == []
    # Review: a numbered list, a table or a single such line is no chapter structure.
    for lines in (
        "考核内容包括：\n一　组织领导\n二　制度建设\n三　考核评价\n",
        "类别\t件数\n一 来信 12\n二 来访 20\n",
        "一　带头学法\n",
        "十 大 行动\n",
    ):
        body = clean_text().replace("（二）", lines + "（二）", 1)
        assert lint(body) == [], lines
