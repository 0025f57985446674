"""RL404 punctuation-width: half-width , ; : ? ! ( ) in Chinese text, fixed to full-width."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from reportlint.document.normalize import HALF_TO_FULL
from reportlint.fix import apply_fixes, fix_source
from reportlint.load import decode, load_path

from support import builtin_rules, clean_text, document, lint, lint_file, seed

RULE = "punctuation-width"


def found(text):
    return [(d.column, d.message, d.fix.replacement) for d in lint(text, RULE)]


def fixed(source):
    return fix_source(source, builtin_rules().selected(select=(RULE,)))


def test_each_half_width_mark_is_reported_with_its_full_width_form():
    assert found("今年以来,我镇深入推进依法行政。") == [
        (5, "中文中用了半角“,”：请改为全角“，”", "，")
    ]
    assert found("开展宪法宣传(共12场)。") == [
        (7, "中文中用了半角“(”：请改为全角“（”", "（"),
        (12, "中文中用了半角“)”：请改为全角“）”", "）"),
    ]
    assert found("是否合规?请核实!现将情况报告如下:一是;二是。") == [
        (5, "中文中用了半角“?”：请改为全角“？”", "？"),
        (9, "中文中用了半角“!”：请改为全角“！”", "！"),
        (18, "中文中用了半角“:”：请改为全角“：”", "："),
        (21, "中文中用了半角“;”：请改为全角“；”", "；"),
    ]


def test_seed_001_opening_paragraph():
    on_line_8 = [(d.column, d.fix.replacement) for d in lint_file(seed(1), RULE) if d.line == 8]
    assert on_line_8 == [
        (6, "，"),
        (20, "，"),
        (46, "，"),
        (86, "，"),
        (95, "，"),
        (104, "，"),
        (111, "，"),
        (127, "，"),
        (156, "："),
    ]


def test_seed_counts_by_mark():
    def marks(n):
        return Counter(d.source_line[d.column - 1] for d in lint_file(seed(n), RULE))

    assert marks(1) == {",": 115, ";": 4, "(": 3, ")": 3, ":": 2}
    assert marks(4) == {",": 224, ";": 27, ":": 13, "(": 4, ")": 4}


def test_seed_004_plan_years_in_half_width_brackets():
    # "《天津市法治政府建设实施纲要(2021-2025 年)》"
    line_9 = [d for d in lint_file(seed(4), RULE) if d.line == 9 and d.fix.replacement in "（）"]
    assert [(d.column, d.fix.replacement) for d in line_9] == [(99, "（"), (111, "）")]


@pytest.mark.slow
def test_heading_markers_are_left_to_numbering_style():
    on_heading_lines = 0
    for n in (0, 1, 4):
        for d in lint_file(seed(n), RULE):
            text = d.source_line.lstrip()
            if m := re.match(r"\([一二三四五六七八九十]{1,3}\)", text):
                on_heading_lines += 1
                indent = len(d.source_line) - len(text)
                assert d.column > indent + m.end(), d
    assert on_heading_lines > 0
    assert found("(二)加强理论学习,不断提升法治意识。") == [
        (10, "中文中用了半角“,”：请改为全角“，”", "，")
    ]


def test_clean_sample_is_quiet():
    assert lint(clean_text(), RULE) == []


def test_document_numbers_are_quiet():
    assert found("印发《工作方案》（府办发〔2024〕12号）。") == []
    assert found("印发《青岚县法治政府建设工作要点》（青政办发〔2025〕37号）。") == []
    # The document number is left alone; the brackets around it are not.
    assert found("印发《实施方案》(府办发(2024)12号)。") == [
        (9, "中文中用了半角“(”：请改为全角“（”", "（"),
        (22, "中文中用了半角“)”：请改为全角“）”", "）"),
    ]


def test_fix_of_seed_001_changes_only_the_marks():
    source = load_path(seed(1))
    diagnostics = lint_file(seed(1), RULE)
    text, applied = apply_fixes(source.text, [d.fix for d in diagnostics])
    assert applied == len(diagnostics) == 127
    assert len(text) == len(source.text)
    fixed_at = {d.fix.span.start for d in diagnostics}
    for i, (old, new) in enumerate(zip(source.text, text, strict=True)):
        if i in fixed_at:
            assert new == HALF_TO_FULL[old]
        else:
            assert new == old
    assert "2023年，在区委、区政府的坚强领导下，上桥镇" in text
    assert "\n(一)强化组织建设，压实法治建设责任。" in text  # the marker is numbering-style's
    assert "村(居)" not in text and "村（居）" in text


def test_fix_is_idempotent():
    for n in (0, 1, 4):
        source = load_path(seed(n))
        first = fixed(source)
        assert first.applied > 0 and first.remaining == []
        again = fixed(source._replace(text=first.text))
        assert (again.applied, again.text, again.remaining) == (0, first.text, [])


def test_fix_of_a_sentence():
    source = decode("完成履职数102项,履职率达96.2%;行政执法人员参与率达100%;\n".encode(), "r.txt")
    assert fixed(source).text == "完成履职数102项，履职率达96.2%；行政执法人员参与率达100%；\n"


def test_garbling_residue_at_paragraph_start_is_left_to_mojibake():
    assert found("?。ǘ┳⒅貙嵺`運用,全面推進依法行政。") == [
        (11, "中文中用了半角“,”：请改为全角“，”", "，")
    ]


def test_fix_never_leaves_a_bracket_pair_of_two_widths():
    source = decode("溪口村成功创建国家(AAA级)旅游景区。\n".encode(), "r.txt")
    assert fixed(source).text in (
        "溪口村成功创建国家(AAA级)旅游景区。\n",
        "溪口村成功创建国家（AAA级）旅游景区。\n",
    )


def test_english_citation_with_a_year_is_quiet():
    assert (
        found("Administrative Reconsideration Law of the People's Republic of China (2023)") == []
    )


def test_comma_and_space_inside_an_english_phrase_is_english():
    # Found by a false-positive hunt (width-en-list-digits): "10, Office" has a digit
    # before the comma, not a letter.
    text = "通过“望溪发布”微信公众号（Windows 10, Office 2019）主动公开政府信息312条。"
    assert found(text) == []
    # The normalized view, which every pattern reads, agrees: the comma stays.
    assert "（Windows 10, Office 2019）" in document(text).view.text


def test_comma_and_space_between_bare_numbers_in_chinese_is_still_flagged():
    assert [c for c, _, _ in found("三类信访分别为10, 20, 30件。")] == [10, 14]
    assert found("升级至Office 2019, 全面推进无纸化办公。") == [
        (15, "中文中用了半角“,”：请改为全角“，”", "，")
    ]
