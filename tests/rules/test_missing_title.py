"""RL409 missing-title."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed


def test_seed_002_has_no_title():
    (found,) = lint_file(seed(2), "missing-title")
    assert (found.line, found.column, found.severity.value) == (1, 1, "warning")
    assert "没有标题" in found.message


def test_seed_000_title_has_a_stray_space_with_a_fix():
    (found,) = lint_file(seed(0), "missing-title")
    assert (found.line, found.column) == (7, 21)
    assert found.fix is not None and found.fix.replacement == "" and found.fix.safe


def test_titles_of_seeds_001_003_004_and_clean_are_fine():
    for n in (1, 3, 4):
        assert lint_file(seed(n), "missing-title") == []
    assert lint(clean_text(), "missing-title") == []


def test_two_line_title_with_issuer_is_a_title():
    # Seed 003's form: issuing body, then "关于…报告".
    text = "奉节县冯坪乡人民政府\n关于2020年法治政府建设年度报告\n2020年，我乡推进依法行政。\n"
    assert lint(text, "missing-title") == []


def test_a_space_after_a_single_issuer_is_stray():
    body = clean_text().split("\n", 1)[1]
    for title in (
        "青岚县望溪镇 2024年法治政府建设年度报告",
        "青岚县望溪镇人民政府 关于2024年法治政府建设情况的报告",
    ):
        found = lint(f"{title}\n{body}", "missing-title")
        assert [(d.line, d.column) for d in found] == [(1, title.index(" ") + 1)], title


def test_a_space_between_latin_words_is_kept_and_the_message_shows_the_title_as_typed():
    # CLI hunt: the fix turned "（Draft v2）" into "（Draftv2）", and the message
    # quoted the title with its spaces already folded away.
    body = clean_text().split("\n", 1)[1]
    title = "青岚县望溪镇 2024年法治政府建设年度报告（Draft v2）"
    (found,) = lint(f"{title}\n{body}", "missing-title")
    assert found.column == title.index(" ") + 1 and f"“{title}”" in found.message
