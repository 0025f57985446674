"""RL307 canonical-title: cited outlines and plans with the years of their editions."""

from __future__ import annotations

import pytest

from reportlint.checks import RuleError, load_pack_text
from reportlint.fix import fix_source
from reportlint.load import decode

from support import SAMPLES, builtin_rules, lint, lint_file, sample_findings

RULE = "canonical-title"
OUTLINE = "法治政府建设实施纲要（2021—2025年）"


def report(year, sentence):
    return f"某镇{year}年法治政府建设情况报告\n{year}年，{sentence}"


def found(year, sentence):
    return [(d.severity.value, d.message) for d in lint(report(year, sentence), RULE)]


def test_the_span_of_the_other_two_documents_is_an_error_with_the_edition_meant():
    (d,) = lint(report(2025, "按照《法治政府建设实施纲要（2020—2025年）》要求推进工作。"), RULE)
    assert d.source_line[d.column - 1 : d.end_column - 1] == "法治政府建设实施纲要（2020—2025年）"
    assert d.severity.value == "error"
    assert d.message == (
        "“法治政府建设实施纲要（2020—2025年）”：《法治政府建设实施纲要》的年份是"
        f"2015—2020年、2021—2025年，应为“{OUTLINE}”"
    )
    assert (d.fix.replacement, d.fix.safe) == (OUTLINE, False)


@pytest.mark.parametrize(
    ("year", "span", "meant"),
    [
        (2025, "2022—2025", "2021—2025"),  # the same end year
        (2020, "2016-2020", "2015—2020"),
        (2022, "2021—2026", "2021—2025"),  # the same start year
        (2023, "2023-2023", "2021—2025"),  # neither: the edition of the report's year
        (2019, "2017—2019", "2015—2020"),
    ],
)
def test_the_edition_meant(year, span, meant):
    ((severity, message),) = found(year, f"贯彻落实《法治政府建设实施纲要（{span}年）》。")
    assert severity == "error" and message.endswith(f"应为“法治政府建设实施纲要（{meant}年）”")


def test_years_without_nian_or_with_the_dash_lost_in_a_copy():
    assert found(2022, "以国务院《法治政府建设实施纲要(2021-2025)》为指导。") == [
        (
            "warning",
            f"“法治政府建设实施纲要(2021-2025)”：年份后少了“年”，应为“{OUTLINE}”",
        )
    ]
    assert found(2022, "根据中共中央、国务院《法治政府建设实施纲要(20212025年)》推进。") == [
        (
            "warning",
            f"“法治政府建设实施纲要(20212025年)”：两个年份之间少了连接号，应为“{OUTLINE}”",
        )
    ]


def test_a_title_cited_without_shuminghao():
    assert found(2022, f"深入贯彻{OUTLINE}，推进严格规范公正文明执法。") == [
        ("warning", f"“{OUTLINE}”是文件标题，应加书名号：“《{OUTLINE}》”")
    ]
    # wrong years and no 书名号: the fix adds both
    ((_, message),) = found(
        2023, "根据中共中央、国务院印发的法治政府建设实施纲要(2023-2023)的规定。"
    )
    assert message.endswith(f"应为“《{OUTLINE}》”")
    # after a list mark or 学习了
    assert len(found(2022, f"学习了{OUTLINE}、《法治社会建设实施纲要（2020—2025年）》。")) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        f"贯彻落实《{OUTLINE}》《法治社会建设实施纲要（2020—2025年）》和《法治中国建设规划（2020—2025年）》。",
        "对照《法治政府建设实施纲要(2021-2025年)》推进工作。",  # half-width marks: the punctuation rules'
        "落实《法治政府建设实施纲要（2021年—2025年）》。",
        "落实《法治政府建设实施纲要》。",  # no years cited
        # a province's or the writer's own document
        "落实《广东省法治政府建设实施纲要（2016—2020年）》。",
        "落实省、市《法治政府建设实施方案(2021-2025)》。",
        "完成《法治政府建设实施纲要（2022—2025年）》起草工作。",
        "转发《市委宣传部、市司法局关于开展法治宣传教育的第八个五年规划（2022—2026年）》。",
        # nested in another title: 〈〉, or a citing word inside it
        f"印发《关于贯彻落实〈{OUTLINE}〉的实施方案》。",
        f"印发《关于贯彻落实{OUTLINE}的实施方案》。",
        f"制定本区贯彻<{OUTLINE}>的实施方案。",
    ],
)
def test_quiet(sentence):
    assert found(2022, sentence) == [], sentence


def test_a_local_implementation_plan_quoting_the_national_title_wrongly():
    # Seen in a 2021 district report: 《…贯彻〈法治中国建设规划(2021-2025年)〉实施方案》.
    ((severity, message),) = found(
        2021, "落实《某某区贯彻〈法治中国建设规划(2021-2025年)〉实施方案》。"
    )
    assert severity == "error"
    assert message.endswith("应为“法治中国建设规划（2020—2025年）”")


def test_the_other_two_documents_of_2020_and_the_law_popularisation_plans():
    ((_, message),) = found(2023, "组织学习《法治社会建设实施纲要（2021—2025年）》。")
    assert "《法治社会建设实施纲要》的年份是2020—2025年" in message
    ((_, message),) = found(
        2023, "贯彻《中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021—2015年）》。"
    )
    assert message.endswith(
        "应为“中央宣传部、司法部关于开展法治宣传教育的第八个五年规划（2021—2025年）”"
    )


def test_no_report_year_is_needed():
    (d,) = lint("深入贯彻《法治政府建设实施纲要（2020—2025年）》。", RULE)
    assert d.message.endswith(f"应为“{OUTLINE}”")


def test_fixed_only_with_unsafe_fixes():
    text = report(2025, "按照《法治政府建设实施纲要(2020—2025年)》要求推进工作。")
    source = decode(text.encode("utf-8"), "report.txt")
    rules = builtin_rules().selected(select=(RULE,))
    assert fix_source(source, rules).text == text
    fixed = fix_source(source, rules, unsafe=True).text
    assert f"按照《{OUTLINE}》要求" in fixed


def test_samples_are_quiet():
    assert sample_findings(RULE) == {}
    for path in sorted((SAMPLES / "clean").glob("*.txt")):
        assert lint_file(path, RULE) == [], path.name


def test_a_bad_edition_fails_the_load_with_its_key():
    pack = """rules:
  - code: X701
    name: my-titles
    kind: cited-titles
    severity: error
    messages: {years: a, nian: b, dash: c, unmarked: d}
    params:
      titles:
        - {name: 某某纲要, editions: ["2021-2025"]}
"""
    with pytest.raises(RuleError) as info:
        load_pack_text(pack, "mine.yaml")
    assert info.value.key == "params.titles[0].editions[0]"


def test_years_in_chinese_numerals():
    # K6: compared as the same years; the suggestion is in Arabic numerals.
    (d,) = lint(report(2022, "认真贯彻《法治政府建设实施纲要（二〇二〇—二〇二五年）》。"), RULE)
    assert d.source_line[d.column - 1 : d.end_column - 1] == (
        "法治政府建设实施纲要（二〇二〇—二〇二五年）"
    )
    assert (d.severity.value, d.fix.replacement) == ("error", OUTLINE)
    assert found(2022, "认真贯彻《法治政府建设实施纲要（二〇二一—二〇二五年）》。") == []
