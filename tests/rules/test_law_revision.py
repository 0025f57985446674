"""RL308 law-revision: laws cited with a revision they lack or that a later one replaced."""

from __future__ import annotations

import pytest

from reportlint.checks import RuleError, load_pack_text

from support import SAMPLES, lint, lint_file, sample_findings

RULE = "law-revision"
REVIEW_HISTORY = "1999年通过，2009年、2017年修正，2023年修订"


def report(year, sentence):
    return f"某镇{year}年法治政府建设情况报告\n{year}年，{sentence}"


def found(year, sentence):
    return [(d.severity.value, d.message) for d in lint(report(year, sentence), RULE)]


def test_a_text_replaced_before_the_report_year_began_is_outdated():
    (d,) = lint(report(2024, "依照《中华人民共和国行政复议法》（2017年修正）办理复议案件。"), RULE)
    assert (
        d.source_line[d.column - 1 : d.end_column - 1]
        == "《中华人民共和国行政复议法》（2017年修正）"
    )
    assert d.severity.value == "warning" and d.fix is None
    assert d.message == (
        "“《中华人民共和国行政复议法》（2017年修正）”：《行政复议法》已于2023年9月修订"
        "（2024年1月起施行），2024年度的报告应引用现行文本"
    )


def test_the_forms_a_revision_is_cited_in():
    for sentence in (
        "依照《行政复议法》(2017年修正)办理。",
        "依照《行政复议法（2017修正）》办理。",
        "依照2017年修正的《行政复议法》办理。",
        "依照2017年9月修正后的《中华人民共和国行政复议法》办理。",
    ):
        ((severity, message),) = found(2024, sentence)
        assert severity == "warning" and "2023年9月修订" in message, sentence


def test_a_revision_in_force_during_the_report_year_is_not_yet_required():
    # The 2021 revision of the 行政处罚法 came into force on 15 July 2021.
    assert found(2021, "严格执行2017年修正的《行政处罚法》。") == []
    assert [s for s, _ in found(2022, "严格执行2017年修正的《行政处罚法》。")] == ["warning"]
    # 立法法 revised in March 2023: outdated from the 2024 report on.
    assert found(2023, "依照《立法法》（2015年修正）开展备案审查。") == []
    assert len(found(2024, "依照《立法法》（2015年修正）开展备案审查。")) == 1


def test_a_year_with_no_text_is_an_error_whatever_the_report_year():
    message = f"“《行政复议法》（2020年修订）”：《行政复议法》没有2020年的文本（{REVIEW_HISTORY}）"
    assert found(2024, "依照《行政复议法》（2020年修订）办理。") == [("error", message)]
    (d,) = lint("依照《行政复议法》（2020年修订）办理。", RULE)
    assert d.message == message
    assert found(2023, "严格执行《重大行政决策程序暂行条例》（2021年修订）。") == [
        (
            "error",
            "“《重大行政决策程序暂行条例》（2021年修订）”：《重大行政决策程序暂行条例》"
            "没有2021年的文本（2019年公布，未曾修改）",
        )
    ]


def test_a_revision_after_the_publication_deadline_cannot_be_cited():
    assert found(2022, "依照《行政复议法》（2023年修订）办理。") == [
        (
            "error",
            "“《行政复议法》（2023年修订）”：《行政复议法》2023年的修改晚于2022年度报告的发布期限，"
            "请核对年份",
        )
    ]
    # adopted in January 2021, before the 2020 report's deadline of 1 April 2021
    assert found(2020, "依照《行政处罚法》（2021年修订）规范执法。") == []
    assert [s for s, _ in found(2019, "依照《行政处罚法》（2021年修订）规范执法。")] == ["error"]


def test_new_revision_said_of_an_old_one():
    assert found(2025, "组织学习新修订的《行政处罚法》。") == [
        (
            "warning",
            "“新修订的《行政处罚法》”：《行政处罚法》1996年通过，2009年、2017年修正，2021年修订，"
            "2025年度的报告不宜再称“新修订”",
        )
    ]
    assert found(2023, "组织学习新修订的《行政处罚法》。") == []
    assert found(2024, "组织学习新修订的《行政复议法》。") == []
    # in 2022 the last revision of the 行政复议法 was the 2017 one
    assert len(found(2022, "组织学习新修订的《行政复议法》。")) == 1
    ((_, message),) = found(2023, "学习新修订的《重大行政决策程序暂行条例》。")
    assert "2019年公布，未曾修改" in message


@pytest.mark.parametrize(
    "sentence",
    [
        "对照修订前的《行政复议法》（2017年修正）梳理新旧条文变化。",
        "对比原《行政复议法》（2017年修正），新法扩大了复议范围。",
        "依照《行政复议法》和《行政复议法实施条例》办理。",
        "依照《某某省行政复议条例》（2017年修正）办理。",
        "组织学习新修订的《行政复议法实施条例》。",
        "依照《中华人民共和国行政复议法》（2023年修订）办理复议案件15件。",
    ],
)
def test_quiet(sentence):
    assert found(2024, sentence) == [], sentence


def test_samples_are_quiet():
    assert sample_findings(RULE) == {}
    for path in sorted((SAMPLES / "clean").glob("*.txt")):
        assert lint_file(path, RULE) == [], path.name


def test_a_bad_date_fails_the_load_with_its_key():
    pack = """rules:
  - code: X702
    name: my-laws
    kind: law-revisions
    severity: error
    messages: {unknown: a, not-yet: b, outdated: c, stale-new: d}
    params:
      laws:
        - {name: 某某法, enacted: "2001-1", revisions: [{adopted: "2019", word: 修正}]}
"""
    with pytest.raises(RuleError) as info:
        load_pack_text(pack, "mine.yaml")
    assert info.value.key == "params.laws[0].revisions[0].adopted"


# --- held-out review (K8–K10) -------------------------------------------------------


def test_an_edition_after_new_is_judged_first():
    # K9: 新修正 before an old edition hid the edition.
    ((severity, message),) = found(2024, "学习新修正的《中华人民共和国立法法》（2015年修正）。")
    assert severity == "warning" and "已于2023年3月修正" in message
    assert found(2024, "学习新修正的《中华人民共和国立法法》（2023年修正）。") == []
    # the edition cited is the one called new: the 2017 text was not new in 2023
    ((_, message),) = found(2023, "学习新修订的《行政复议法》（2017年修正）。")
    assert message.endswith("2023年度的报告不宜再称“新修订”")


def test_an_edition_written_as_a_bare_year():
    # K10
    ((severity, message),) = found(2021, "依照《政府信息公开条例》（2007年）答复申请。")
    assert severity == "warning" and "已于2019年4月修订" in message
    assert found(2021, "依照《政府信息公开条例》（2019年）答复申请。") == []
    assert found(2024, "依照《行政复议法》（2023年9月1日修订）办理。") == []
    assert [s for s, _ in found(2024, "依照《行政复议法》（2020年）办理。")] == ["error"]


def test_laws_never_revised_and_the_work_safety_law():
    # K8
    assert [s for s, _ in found(2023, "依照《行政强制法》（2019年修正）实施查封。")] == ["error"]
    assert [s for s, _ in found(2021, "组织学习新修订的《行政强制法》。")] == ["warning"]
    assert [s for s, _ in found(2022, "组织学习新修订的《人民调解法》。")] == ["warning"]
    ((_, message),) = found(2022, "依照《安全生产法》（2014年修正）开展执法检查。")
    assert "已于2021年6月修正（2021年9月起施行）" in message
    assert found(2021, "依照《安全生产法》（2014年修正）开展执法检查。") == []
