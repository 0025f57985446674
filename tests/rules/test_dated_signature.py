"""RL103 dated-signature: issuing body and a GB/T 9704 date at the end."""

from __future__ import annotations

import pytest

from support import clean_text, lint

BODY = clean_text().rsplit("\n\n", 1)[0] + "\n\n"  # the clean report without its signature


def signed(*lines: str) -> str:
    return BODY + "\n".join(lines) + "\n"


def found(text: str) -> list[tuple[str, str]]:
    return [(d.severity.value, d.message) for d in lint(text, "dated-signature")]


def test_well_formed_signature_in_window_is_quiet():
    assert found(signed("青岚县望溪镇人民政府", "2025年1月20日")) == []
    assert found(signed("青岚县望溪镇人民政府", "2025年3月31日")) == []


def test_missing_signature_is_an_error():
    ((severity, message),) = found(BODY)
    assert severity == "error" and "没有落款" in message


def test_issuer_without_date_is_an_error():
    ((severity, message),) = found(signed("青岚县望溪镇人民政府"))
    assert severity == "error" and "缺少成文日期" in message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025120", "2025年1月20日"),
        ("2025.1.20", "2025年1月20日"),
        ("2025-01-20", "2025年1月20日"),
        ("2025年01月20日", "2025年1月20日"),
        ("2025年1月20", "2025年1月20日"),
    ],
)
def test_malformed_dates_are_errors_with_the_intended_date(written, expected):
    ((severity, message),) = found(signed("青岚县望溪镇人民政府", written))
    assert severity == "error"
    assert f"“{written}”" in message and f"“{expected}”" in message


def test_ambiguous_digits_are_resolved_by_the_signing_window():
    # 2025111 could be 1月11日 or 11月1日; only January is before the deadline.
    ((_, message),) = found(signed("青岚县望溪镇人民政府", "2025111"))
    assert "“2025年1月11日”" in message and "11月1日" not in message


@pytest.mark.parametrize("written", ["2025年13月5日", "2025年2月30日"])
def test_impossible_dates_are_errors(written):
    ((severity, message),) = found(signed("青岚县望溪镇人民政府", written))
    assert severity == "error" and "不是有效日期" in message


def test_chinese_numerals_are_a_warning_never_arabic():
    ((severity, message),) = found(signed("青岚县望溪镇人民政府", "二〇二五年一月二十日"))
    assert severity == "warning" and "2025年1月20日" in message


def test_dated_within_the_reported_year_is_a_warning():
    ((severity, message),) = found(signed("青岚县望溪镇人民政府", "2024年12月20日"))
    assert severity == "warning" and "在2024年度之内或更早" in message


def test_signed_on_31_december_is_not_said_to_be_before_the_years_end():
    # "早于2024年度结束" read wrong for the year's last day.
    ((severity, message),) = found(signed("青岚县望溪镇人民政府", "2024年12月31日"))
    assert severity == "warning"
    assert message.startswith("落款日期2024年12月31日在2024年度之内或更早")
    assert "早于" not in message


def test_a_date_in_an_earlier_year_is_too_early_as_well():
    ((severity, message),) = found(signed("青岚县望溪镇人民政府", "2023年12月20日"))
    assert severity == "warning" and "次年1月1日起" in message


def test_dated_on_or_after_1_april_is_a_warning():
    ((severity, message),) = found(signed("青岚县望溪镇人民政府", "2025年4月1日"))
    assert severity == "warning" and "2025年4月1日之前" in message


def test_signature_before_a_web_footer_is_found():
    # Seed 001's shape: signature, then page footer.
    text = (
        signed("青岚县望溪镇人民政府", "2025年1月20日") + "\n附件下载:\n\n扫一扫在手机打开当前页\n"
    )
    assert found(text) == []


def test_lines_after_the_signature_are_set_aside():
    # GB/T 9704 附注, page navigation: found by a false-positive hunt.
    base = signed("青岚县望溪镇人民政府", "2025年1月20日")
    assert found(base + "（此件公开发布）\n") == []
    assert found(base + "【打印本页】【关闭窗口】\n") == []
    assert found(base + "上一篇：关于开展普法宣传的通知\n下一篇：无\n") == []


def test_year_inside_a_quoted_title_is_not_the_report_year():
    text = clean_text().replace(
        "青岚县望溪镇2024年法治政府建设年度报告",
        "青岚县望溪镇贯彻落实《法治政府建设实施纲要（2021—2025年）》2024年度情况报告",
    )
    assert found(text) == []


def test_an_attached_table_with_year_columns_does_not_hide_the_signature():
    # Hunt 21 (fp05): "序号\t指标\t2023年\t2024年" ends in a date-like year, but it is a
    # table's header, not a 落款 on one line.
    text = signed(
        "青岚县望溪镇人民政府",
        "2025年1月20日",
        "",
        "附件：2024年法治政府建设主要指标完成情况表",
        "",
        "序号\t指标\t2023年\t2024年",
        "1\t行政机关负责人出庭应诉率\t95%\t100%",
    )
    assert found(text) == []


def test_a_stray_gap_inside_the_date_does_not_hide_it():
    # Review of the fix above: a date line alone is never a table row.
    assert found(signed("青岚县望溪镇人民政府", "2025年1月  20日")) == []
    ((severity, message),) = found(signed("青岚县望溪镇人民政府", "2024年1月  20日"))
    assert severity == "warning" and "2024年度之内" in message


def test_attachments_after_the_signature_each_with_a_label():
    # Review (r1_attach_4pages): "附件：1.… 2.…" listed above the 落款, then each
    # attachment under its own label, "附件1" or "附件一".
    for first, second in (("附件1", "附件2"), ("附件一", "附件二")):
        text = signed(
            "附件：1.望溪镇2024年法治政府建设工作任务清单",
            "2.望溪镇2024年行政执法统计表",
            "青岚县望溪镇人民政府",
            "2025年1月20日",
            first,
            "望溪镇2024年法治政府建设工作任务清单",
            "（略）",
            second,
            "望溪镇2024年行政执法统计表",
            "（略）",
        )
        assert found(text) == [], first
