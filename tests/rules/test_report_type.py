"""RL304 report-type: a report must not carry a request for instructions (请示事项)."""

from __future__ import annotations

import pytest

from support import clean_text, lint, sample_findings

RULE = "report-type"


def message(match):
    return f"报告中不得夹带请示事项（“{match}”）：请删去，需要上级批准的事项另行请示"


def found(text):
    return [(d.line, d.column, d.message) for d in lint(text, RULE)]


def test_closing_request_for_instructions():
    (d,) = lint("以上报告，妥否，请批示。", RULE)
    assert (d.line, d.column, d.end_column) == (1, 6, 12)
    assert d.message == message("妥否，请批示")
    assert d.severity.value == "error" and d.fix is None


@pytest.mark.parametrize(
    ("text", "column", "match"),
    [
        ("当否，请批复。", 1, "当否，请批复"),
        ("妥否请批示。", 1, "妥否请批示"),
        ("恳请区政府拨付专项经费，请予批准。", 13, "请予批准"),
        ("特此请示。", 1, "特此请示"),
        ("现请示如下。", 1, "现请示如下"),
        ("以上事项，请领导批示。", 6, "请领导批示"),
        ("以上事项，请上级审批。", 6, "请上级审批"),
    ],
)
def test_request_wordings(text, column, match):
    assert found(text) == [(1, column, message(match))]


def test_request_just_before_the_signature_of_the_clean_sample():
    signature = "\n\n青岚县望溪镇人民政府\n"
    assert clean_text().count(signature) == 1
    text = clean_text().replace(signature, "\n以上报告，妥否，请批示。" + signature)
    line = text[: text.index("以上报告，妥否")].count("\n") + 1
    assert found(text) == [(line, 6, message("妥否，请批示"))]


@pytest.mark.parametrize(
    "text",
    [
        "规范行政许可申请审批流程，办结率100%。",
        "规范性文件经合法性审查后提请审批。",
        "督查中发现请示报告不及时等问题。",
    ],
    ids=["application-approval", "submit-for-approval", "found-reporting"],
)
def test_words_that_only_contain_a_request_pattern_are_quiet(text):
    assert found(text) == []


def test_seeds_synthetic_samples_and_clean_sample_are_quiet():
    assert sample_findings(RULE) == {}
