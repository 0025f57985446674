"""RL405 traditional-characters: one finding per paragraph."""

from __future__ import annotations

from support import clean_text, lint, lint_file, seed


def test_seed_002_one_finding_per_paragraph():
    found = lint_file(seed(2), "traditional-characters")
    assert len(found) == len({d.line for d in found}) == 20
    first = found[0]
    assert (first.line, first.column) == (1, 12)
    assert "43个繁体字" in first.message and "“道在區”应为“道在区”" in first.message


def test_simplified_reports_are_quiet():
    for n in (0, 1, 3, 4):
        assert lint_file(seed(n), "traditional-characters") == []
    assert lint(clean_text(), "traditional-characters") == []


def test_a_single_traditional_heading():
    text = clean_text().replace("三、存在的不足和原因", "三、存在的不足和原因（續）")
    (found,) = lint(text, "traditional-characters")
    assert "“原因（續”" not in found.message and "續" in found.message


TITLE = "青岚县望溪镇2024年法治政府建设年度报告"


def test_place_names_and_surname_placeholders_that_keep_the_character():
    # Found by a false-positive hunt: 乾县 (Shaanxi) and its document numbers,
    # 乾安县 (Jilin), 於潜镇 (Lin'an), 於/乾 as surnames.
    text = clean_text()
    for title in (
        "乾县人民政府关于2024年法治政府建设情况的报告",
        "临安区於潜镇2024年法治政府建设年度报告",
    ):
        assert lint(text.replace(TITLE, title), "traditional-characters") == [], title
    for line in (
        "制定公布《乾县2024年度重大行政决策事项目录》（乾政办发〔2024〕9号）。",
        "乾安县人民政府坚持依法行政。",
        "镇党委书记於某某全年主持党委理论学习中心组专题学法4次。",
        "镇党委书记乾某某全年主持党委理论学习中心组专题学法4次。",
    ):
        inserted = text.replace("\n一、", f"\n{line}\n一、", 1)
        assert lint(inserted, "traditional-characters") == [], line


def test_the_same_characters_elsewhere_are_still_flagged():
    # 乾 and 於 are allowed in those names only, not everywhere.
    for line, sample in (
        ("乾县人民政府坚持依法行政，於是推进法治政府建设。", "“於是推”应为“于是推”"),
        # a real given name cannot be told from a preposition: still flagged
        ("镇党委书记於会上强调依法行政。", "“书记於会上”应为“书记于会上”"),
        ("保持乾净整洁的办公环境。", "“保持乾净整”应为“保持干净整”"),
    ):
        (found,) = lint(line + "\n", "traditional-characters")
        assert "本段有1个繁体字" in found.message and sample in found.message, line
