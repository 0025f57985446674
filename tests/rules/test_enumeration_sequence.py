"""RL402 enumeration-sequence: ordinals that skip, repeat or go backwards."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed

RULE = "enumeration-sequence"


def found(text):
    return [(d.line, d.column, d.message) for d in lint(text, RULE)]


def test_seed_001_items_jump_from_one_to_four():
    # Section 三: "一是…", then "持续加强…" (二是 lost), "是持续创新…" (三 lost), "四是…".
    (d,) = lint_file(seed(1), RULE)
    assert (d.line, d.column, d.end_column) == (37, 3, 5)
    assert d.source_line.strip().startswith("四是持续规范行政执法检查")
    assert (
        d.message
        == "序号不连续：“一是”之后是“四是”，缺少“二是”“三是”：请检查是否漏了一段，或重新编号"
    )
    assert d.severity.value == "warning" and d.fix is None


def test_other_seeds_and_the_clean_sample_are_quiet():
    # Seed 004's list 1. 2. 3、 4、 5. 6. is in order (its style is numbering-style's business).
    for n in (0, 2, 3, 4):
        assert lint_file(seed(n), RULE) == []
    assert lint(clean_text(), RULE) == []


def test_heading_gap_names_the_missing_heading():
    assert found("一、主要工作\n二、存在的问题\n四、下一步打算") == [
        (3, 1, "序号不连续：“二”之后是“四”，缺少“三”：请检查是否漏了一段，或重新编号")
    ]
    assert found("一、主要工作\n(一)加强学习\n(三)依法决策") == [
        (3, 1, "序号不连续：“（一）”之后是“（三）”，缺少“（二）”：请检查是否漏了一段，或重新编号")
    ]


def test_a_long_gap_lists_three_and_etc():
    assert found("一、主要工作\n六、问题") == [
        (2, 1, "序号不连续：“一”之后是“六”，缺少“二”“三”“四”等：请检查是否漏了一段，或重新编号")
    ]


def test_headings_that_do_not_start_at_one():
    assert found("一、主要工作\n（二）强化组织领导。成立领导小组。") == [
        (2, 1, "这一组序号从“（二）”开始，缺少“（一）”：请检查是否漏了一段，或重新编号")
    ]


def test_items_repeated_and_going_backwards():
    assert found("一、主要工作\n（一）加强学习。一是组织到位。二是学习到位。二是考核到位。") == [
        (2, 23, "序号“二是”与上一个重复：请重新编号")
    ]
    assert found("一、主要工作\n（一）加强学习。一是组织到位。三是学习到位。二是考核到位。") == [
        (2, 16, "序号不连续：“一是”之后是“三是”，缺少“二是”：请检查是否漏了一段，或重新编号"),
        (2, 23, "序号倒退：“三是”之后是“二是”：请重新编号"),
    ]


def test_item_lost_to_a_copy_is_a_gap():
    text = "一、主要工作\n（一）加强学习。一是组织到位。\n是学习到位。\n三是考核到位。"
    assert found(text) == [
        (4, 1, "序号不连续：“一是”之后是“三是”，缺少“二是”：请检查是否漏了一段，或重新编号")
    ]


def test_list_restarting_at_one_under_the_same_heading_is_quiet():
    text = "一、主要工作\n（一）加强学习\n1.组织学习\n2.专题讲座\n1.完善制度\n2.严格程序"
    assert found(text) == []
    assert found("一、主要工作\n（一）加强学习。一是组织到位。二是学习到位。\n一是完善制度。") == []


def test_items_restart_in_each_section():
    text = (
        "一、主要工作\n"
        "（一）加强学习。一是组织到位。二是学习到位。\n"
        "（二）依法决策。一是完善制度。二是严格程序。三是强化监督。\n"
        "二、存在的问题\n"
        "一是认识不足；二是形式单一；三是能力不强。\n"
        "三、下一步打算"
    )
    assert found(text) == []


def test_subheadings_restart_under_each_parent():
    text = (
        "一、主要工作\n（一）加强学习\n（二）依法决策\n"
        "二、存在的问题\n（一）认识不足\n（二）形式单一"
    )
    assert found(text) == []


def test_mixed_marker_styles_in_order_are_quiet():
    assert found("一、主要工作\n1、组织学习\n2.专题讲座\n3、完善制度\n4.严格程序") == []


def test_attachment_list_before_the_signature_is_not_a_heading_run():
    text = (
        "一、主要工作\n全年学法12次。\n二、存在的不足\n宣传不够。\n"
        "附件：1.重点任务完成情况表\n2.规范性文件目录\n\n某县人民政府\n2025年1月22日\n"
    )
    assert found(text) == []


def test_a_span_of_quarters_is_not_a_heading():
    text = (
        "一、主要工作\n（一）学法\n全年学法12次。\n三、四季度，全县共受理案件25件。\n"
        "（二）执法\n执法规范。\n二、存在问题\n不足。\n"
    )
    assert found(text) == []


TABLE = (
    "执法领域\t立案（件）\t结案（件）\n一、市容管理\n市容环境卫生\t196\t192\n园林绿化\t38\t37\n"
    "二、规划建设\n违法建设\t112\t106\n合计\t346\t335\n"
)


def test_group_rows_of_a_table_are_no_headings():
    # Hunt 23 (v_group_rows_21): "一、市容管理" between two rows of a table (as Word
    # and web tables give a one-cell row) is no chapter heading.
    lines = clean_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("（二）"))
    text = "\n".join([*lines[: at + 2], TABLE.rstrip("\n"), *lines[at + 2 :]])
    assert found(text) == []
    # Without its rows around it, such a line is a heading again.
    lone = "\n".join([*lines[: at + 2], "二、规划建设", *lines[at + 2 :]])
    assert found(lone) != []


def test_a_heading_between_two_tables_or_with_a_wide_space_stays_a_heading():
    # Review of the group rows: "（三）" going on the report's numbering between two
    # tables is its heading; a lone full-width space is no column gap.
    lines = clean_text().split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("（三）"))
    tables = ["类别\t件数", "复议\t2", lines[at], "类别\t件数", "诉讼\t5"]
    text = "\n".join([*lines[:at], *tables, *lines[at + 1 :]])
    assert found(text) == []
    spaced = (
        clean_text()
        .replace("（一）", "（一）加强领导　", 1)
        .replace("（二）", "（二）严格执法　", 1)
    )
    assert found(spaced) == []
    text = "\n".join([*lines[:at], "类别　件数", lines[at], "复议　2", *lines[at + 1 :]])
    assert found(text) == []


def test_numbering_that_goes_on_across_sub_sections_is_no_gap():
    # A habit of real reports: 1. 2. under （一）, then 3. 4. under （二）.
    text = (
        "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n（一）依法履职\n"
        "1.深化改革。推进简政放权。\n2.优化服务。推行一网通办。\n（二）规范执法\n"
        "3.落实三项制度。全面推行公示。\n4.加强监督。开展案卷评查。\n"
    )
    assert lint(text, "enumeration-sequence") == []


def test_a_run_that_skips_when_it_goes_on_is_still_reported():
    text = (
        "某镇2024年法治政府建设情况报告\n一、主要举措和成效\n（一）依法履职\n"
        "1.深化改革。推进简政放权。\n2.优化服务。推行一网通办。\n（二）规范执法\n"
        "4.落实三项制度。全面推行公示。\n5.加强监督。开展案卷评查。\n"
    )
    (d,) = lint(text, "enumeration-sequence")
    assert d.line == 7 and "“4”" in d.message
