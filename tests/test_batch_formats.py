"""The reviewer's formats (issue 17): the HTML batch report (its content; the
browser tests are in test_html_browser.py), the Excel workbook read back,
the Markdown job summary, GitLab Code Quality, SARIF's executionSuccessful,
and --output-dir with --split-per-file (annotated Word copies too)."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from reportlint.annotate import text_to_docx
from reportlint.checks import Severity
from reportlint.cli import main
from reportlint.extract.docx import docx_text
from reportlint.load import load_path
from word_support import commented, flagged, overview

from support import SAMPLES, SYNTHETIC, builtin_rules, clean_text, seed


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def findings(*paths: str) -> list[dict]:
    return json.loads(run("check", "--format", "json", *paths).stdout)


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """A reviewer's folder: three reports and one that cannot be read."""
    folder = tmp_path_factory.mktemp("reports")
    (folder / "安平镇.txt").write_text(clean_text(), "utf-8")
    (folder / "杭州道街.txt").write_bytes(seed(4).read_bytes())
    (folder / "望溪镇.txt").write_text(clean_text().replace("2025年1月20日", "2025120"), "utf-8")
    (folder / "损坏.txt").write_bytes(b"")
    return folder


# -- HTML --------------------------------------------------------------------------


@pytest.mark.slow
def test_html_is_one_self_contained_page_with_every_report(batch):
    result = run("check", "--format", "html", str(batch))
    assert result.exit_code == 2  # the unreadable file
    page = lxml.html.fromstring(result.stdout)
    assert page.get("lang") == "zh-CN"
    # Nothing is loaded from anywhere: no external script, stylesheet, image or font.
    assert not page.xpath("//script[@src] | //link | //img | //iframe | //object")
    assert "url(" not in result.stdout and "@import" not in result.stdout
    rows = page.xpath("//table[@id='reports']/tbody/tr")
    by_file = {Path(row.xpath("string(td[2])")).name: row for row in rows}
    assert set(by_file) == {"安平镇.txt", "杭州道街.txt", "望溪镇.txt", "损坏.txt"}

    def cells(name: str) -> list[str]:
        return [td.text_content().strip() for td in by_file[name].xpath("td")]

    assert cells("安平镇.txt")[2:9] == [
        "青岚县望溪镇2024年法治政府建设年度报告",
        "青岚县望溪镇人民政府",
        "2024",
        "通过",
        "0",
        "0",
        "0",
    ]
    assert cells("望溪镇.txt")[5:7] == ["未通过", "1"]
    assert cells("望溪镇.txt")[9].startswith("RL103 第 46 行：落款日期“2025120”格式不正确")
    assert cells("损坏.txt")[5] == "无法检查"
    seed_rows = findings(str(batch / "杭州道街.txt"))
    errors = sum(d["severity"] == "error" for d in seed_rows)
    assert cells("杭州道街.txt")[6:8] == [str(errors), str(len(seed_rows) - errors)]
    # Ranked worst first: the unreadable file, then by errors, the clean one last.
    order = [Path(r.xpath("string(td[2])")).name for r in rows]
    assert order[0] == "损坏.txt" and order[-1] == "安平镇.txt"


@pytest.mark.slow
def test_html_marks_every_finding_in_the_text_and_lists_it(batch):
    page = lxml.html.fromstring(run("check", "--format", "html", str(batch)).stdout)
    row = next(
        r for r in page.xpath("//table[@id='reports']/tbody/tr") if "杭州道街" in r.text_content()
    )
    anchor = row.xpath("td[2]/a/@href")[0][1:]
    (section,) = page.xpath(f"//section[@id='{anchor}']")
    data = findings(str(batch / "杭州道街.txt"))
    items = section.xpath(".//div[@class='rl-findings']//li")
    assert len(items) == len(data)
    # Each finding's place holds its own words: the text marked is the text flagged.
    text = (batch / "杭州道街.txt").read_text("utf-8")
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    marks = section.xpath(".//div[@class='rl-text']//mark")
    covered: dict[int, str] = {}
    for mark in marks:
        for number in mark.get("data-f").split():
            covered[int(number)] = covered.get(int(number), "") + mark.text_content()
    items_by_number = {int(li.get("data-f")): li for li in items}
    for d in data:
        start = starts[d["line"] - 1] + d["column"] - 1
        end = starts[d["end_line"] - 1] + d["end_column"] - 1
        match = [
            n
            for n, li in items_by_number.items()
            if d["message"] in li.text_content() and f"第 {d['line']} 行" in li.text_content()
        ]
        assert match, d
        assert any(covered.get(n) == (text[start:end] or text[start : start + 1]) for n in match), d
    # Every finding's link leads to its place in the text.
    targets = {e.get("id") for e in section.xpath(".//div[@class='rl-text']//*[@id]")}
    links = [a.get("href")[1:] for a in section.xpath(".//a[@class='rl-finding']")]
    assert len(links) == len(data) and set(links) <= targets
    # The whole text is there, in order, marks and all.
    assert section.xpath("string(.//div[@class='rl-text'])") == text
    # Errors are listed before warnings.
    groups = [
        g.xpath("string(h3)") for g in section.xpath(".//section[contains(@class,'rl-group')]")
    ]
    assert groups[0].startswith("错误") and groups[1].startswith("警告")
    # Each rule is named in Chinese (its summary) for the people who read the
    # page; the slug stays on the code for those who configure reportlint.
    rules = {rule.code: rule for rule in builtin_rules().rules}
    for summary in section.xpath(".//details[@class='rl-rule']/summary"):
        (code,) = summary.xpath("code")
        rule = rules[code.text]
        assert rule.summary in summary.text_content() and code.get("title") == rule.name


@pytest.mark.slow
def test_html_counts_per_rule_and_a_chart(batch):
    page = lxml.html.fromstring(run("check", "--format", "html", str(batch)).stdout)
    data = findings(str(batch))
    counts: dict[str, int] = {}
    for d in data:
        counts[d["code"]] = counts.get(d["code"], 0) + 1
    rows = page.xpath("//section[@id='rules']//table/tbody/tr")
    table = {r.xpath("string(td[1])"): int(r.xpath("string(td[3])")) for r in rows}
    assert table == counts
    bars = page.xpath("//section[@id='rules']//*[local-name()='svg']//*[local-name()='rect']")
    assert len(bars) == len(counts)
    widths = [float(bar.get("width")) for bar in bars]
    assert widths == sorted(widths, reverse=True)


def test_html_escapes_the_report_text(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(
        clean_text().replace("现将有关情况", "<script>alert(1)</script>现将有关情况"), "utf-8"
    )
    output = run("check", "--format", "html", str(path)).stdout
    assert "<script>alert(1)" not in output and "&lt;script&gt;alert(1)" in output


# -- Excel -------------------------------------------------------------------------


@pytest.mark.slow
def test_xlsx_read_back_has_a_summary_and_every_finding_with_an_excerpt(batch, tmp_path):
    import openpyxl

    out = tmp_path / "审查.xlsx"
    result = run("check", "--format", "xlsx", "--output", str(out), str(batch))
    assert result.exit_code == 2 and result.stdout == ""
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "问题清单", "规则统计"]
    summary = book["汇总"]
    header = [c.value for c in summary[1]]
    assert header == [
        "文件",
        "标题",
        "发文单位",
        "年度",
        "结论",
        "错误",
        "警告",
        "提示",
        "最严重的问题",
        "雷同文字",  # the reports were compared with each other (RL310)
    ]
    rows = {Path(r[0]).name: r for r in summary.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"安平镇.txt", "杭州道街.txt", "望溪镇.txt", "损坏.txt"}
    # 望溪镇.txt is 安平镇.txt again with its date broken: one report given
    # twice, said once on it (an info finding), with no share of its own.
    assert [rows[name][9] for name in sorted(rows)] == [0, None, None, 0]
    assert rows["安平镇.txt"][1:8] == (
        "青岚县望溪镇2024年法治政府建设年度报告",
        "青岚县望溪镇人民政府",
        2024,
        "通过",
        0,
        0,
        0,
    )
    assert rows["望溪镇.txt"][4:6] == ("未通过", 1) and rows["损坏.txt"][4] == "无法检查"
    for sheet in book.worksheets:
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        )
        assert sheet.freeze_panes == "A2"

    data = findings(str(batch))
    listed = list(book["问题清单"].iter_rows(min_row=2, values_only=True))
    assert len(listed) == len(data)
    assert {(Path(r[0]).name, r[1], r[2], r[4], r[6]) for r in listed} == {
        (Path(d["path"]).name, d["line"], d["column"], d["code"], d["message"]) for d in data
    }
    signature = next(r for r in listed if r[4] == "RL103" and Path(r[0]).name == "望溪镇.txt")
    assert signature[3] == "错误" and signature[7] == "【2025120】"
    paired = next(r for r in listed if r[4] == "RL401")
    assert paired[7].startswith("…") and "【》】" in paired[7]
    width = next(r for r in listed if r[4] == "RL404")
    assert width[8] == "，"
    rules = {r[0]: r[2] for r in book["规则统计"].iter_rows(min_row=2, values_only=True)}
    assert sum(rules.values()) == len(data)


@pytest.mark.slow
def test_xlsx_of_many_findings_written_row_by_row_reads_back_the_same(batch, tmp_path, monkeypatch):
    """Past KEPT_FINDINGS the workbook is written a row at a time, its strings
    in their cells: the same sheets, cells, filters and frozen rows."""
    import openpyxl

    from reportlint.report import xlsx

    def read(out: Path) -> list[tuple[str, str | None, str | None, list[tuple]]]:
        book = openpyxl.load_workbook(out)
        return [
            (
                sheet.title,
                sheet.auto_filter.ref,
                sheet.freeze_panes,
                [
                    tuple((c.value, c.data_type, c.number_format) for c in row)
                    for row in sheet.iter_rows()
                ],
            )
            for sheet in book.worksheets
        ]

    kept, rows = tmp_path / "kept.xlsx", tmp_path / "rows.xlsx"
    run("check", "--format", "xlsx", "--output", str(kept), str(batch))
    monkeypatch.setattr(xlsx, "KEPT_FINDINGS", 0)
    run("check", "--format", "xlsx", "--output", str(rows), str(batch))
    assert b"inlineStr" in zipfile.ZipFile(rows).read("xl/worksheets/sheet2.xml")
    assert b"inlineStr" not in zipfile.ZipFile(kept).read("xl/worksheets/sheet2.xml")
    assert read(rows) == read(kept)
    assert len(read(rows)[1][3]) > 10


@pytest.mark.slow
def test_xlsx_keeps_text_that_looks_like_a_formula_as_text(tmp_path):
    import openpyxl

    path = tmp_path / "=SUM(A1).txt"
    path.write_text(clean_text().replace("2025年1月20日", "2025120"), "utf-8")
    out = tmp_path / "out.xlsx"
    run("check", "--format", "xlsx", "--output", str(out), str(path))
    cell = openpyxl.load_workbook(out)["汇总"]["A2"]
    assert cell.data_type == "s" and cell.value.endswith("=SUM(A1).txt")


def test_xlsx_is_not_written_to_a_terminal(monkeypatch):
    from reportlint import cli

    monkeypatch.setattr(cli, "_is_terminal", lambda: True)
    result = run("check", "--format", "xlsx", str(seed(1)))
    assert result.exit_code == 2 and "--output" in result.output


# -- Markdown job summary, GitLab Code Quality, SARIF --------------------------------


def test_markdown_summary_lists_each_report_and_the_failing_ones_findings(batch):
    text = run("check", "--format", "markdown", "--exit-zero", str(batch)).stdout
    table = [line for line in text.splitlines() if line.startswith("| ") and "txt" in line]
    assert len(table) == 4 and table[0].startswith("| ⚠️ 无法检查")
    assert any(line.startswith("| ✅ 通过") and "安平镇.txt" in line for line in table)
    assert "<summary>" in text and "RL401" in text and "### 各规则问题数" in text


def test_markdown_cell_escaping(tmp_path):
    path = tmp_path / "a|b.txt"
    path.write_text(clean_text().replace("2025年1月20日", "2025120"), "utf-8")
    text = run("check", "--format", "markdown", str(path)).stdout
    row = next(line for line in text.splitlines() if "a\\|b.txt" in line)
    assert row.count(" | ") == 6  # seven cells: the pipe in the name is escaped


@pytest.mark.slow
def test_gitlab_code_quality(batch, monkeypatch):
    monkeypatch.chdir(batch.parent)
    result = run("check", "--format", "gitlab", batch.name)
    issues = json.loads(result.stdout)
    data = findings(str(batch))
    assert len(issues) == len(data)  # the unreadable file among them (RL001)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"].startswith(f"{batch.name}/")
        assert issue["location"]["lines"]["begin"] >= 1
    signature = next(
        i for i in issues if i["check_name"] == "RL103" and "望溪镇" in i["location"]["path"]
    )
    assert signature["severity"] == "major" and signature["location"]["lines"]["begin"] == 46
    assert signature["description"].startswith("RL103 落款日期")


@pytest.mark.slow
def test_gitlab_fingerprints_survive_lines_added_above(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "r.txt"
    path.write_bytes(seed(4).read_bytes())
    before = {
        i["fingerprint"] for i in json.loads(run("check", "--format", "gitlab", "r.txt").stdout)
    }
    path.write_text("新增一行。\n\n" + seed(4).read_text("utf-8"), "utf-8")
    after = {
        i["fingerprint"] for i in json.loads(run("check", "--format", "gitlab", "r.txt").stdout)
    }
    assert len(before & after) >= len(before) - 3


@pytest.mark.slow
def test_sarif_execution_is_unsuccessful_when_a_file_could_not_be_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    failed = json.loads(run("check", "--format", "sarif", str(seed(1)), str(empty)).stdout)
    assert failed["runs"][0]["invocations"][0]["executionSuccessful"] is False
    fine = json.loads(run("check", "--format", "sarif", str(seed(1))).stdout)
    assert fine["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_github_annotations_put_errors_first_and_say_what_github_will_not_show():
    result = run("check", "--format", "github", str(seed(4)), str(SYNTHETIC / "no-signature.txt"))
    lines = result.stdout.strip().splitlines()
    commands = [line for line in lines if line.startswith("::")]
    kinds = [line[2 : line.index(" ")] for line in commands]
    assert kinds == sorted(kinds, key=["error", "warning", "notice"].index)
    assert kinds.count("error") == 2
    (note,) = [line for line in lines if not line.startswith("::")]
    assert note.startswith("reportlint: GitHub 每个步骤最多显示 10 个错误")
    assert f"警告 {kinds.count('warning') - 10} 个" in note
    few = run("check", "--format", "github", str(SYNTHETIC / "no-signature.txt")).stdout
    assert all(line.startswith("::") for line in few.strip().splitlines())


def test_findings_a_person_must_fix_come_before_those_fixed_automatically():
    """Seed 004's one wrong sum and late date are not buried under 272 commas."""
    page = lxml.html.fromstring(run("check", "--format", "html", str(seed(4)), str(seed(0))).stdout)
    found = findings(str(seed(4)))
    automatic = {
        code
        for code in {f["code"] for f in found}
        if all(f["fix_applicability"] == "safe" for f in found if f["code"] == code)
    }
    report = next(
        r for r in page.xpath("//section[@class='rl-report']") if seed(4).name in r.text_content()
    )
    warnings = report.xpath(".//section[contains(@class, 'rl-warning')]/details/@data-code")
    by_hand = [code for code in warnings if code not in automatic]
    assert by_hand and set(warnings) - set(by_hand) == {"RL403", "RL404", "RL411"}
    assert warnings == sorted(by_hand) + sorted(set(warnings) - set(by_hand))
    summary = report.xpath(".//details[@data-code='RL404']/summary")[0].text_content()
    assert "（272 处，均可自动修正）" in summary
    # An unsafe fix is a suggestion to check, not something the fixed text does.
    other = next(
        r for r in page.xpath("//section[@class='rl-report']") if seed(0).name in r.text_content()
    )
    (item,) = other.xpath(".//details[@data-code='RL303']//li")
    assert item.xpath("string(.//span[@class='rl-suggest'])") == "请核对后自行修改"
    assert "均可自动修正" not in other.xpath("string(.//details[@data-code='RL303']/summary)")


# -- --output-dir, --split-per-file ---------------------------------------------------


@pytest.mark.slow
def test_split_per_file_writes_one_report_per_town(batch, tmp_path):
    out = tmp_path / "out"
    result = run(
        "check", "--format", "html", "--output-dir", str(out), "--split-per-file", str(batch)
    )
    assert result.exit_code == 2 and result.stdout == ""
    assert f"已在 {out} 中写入 4 个文件" in result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(
        f"{stem}（检查结果）.html" for stem in ("安平镇", "杭州道街", "望溪镇", "损坏")
    )
    town = lxml.html.fromstring((out / "望溪镇（检查结果）.html").read_text("utf-8"))
    rows = town.xpath("//table[@id='reports']/tbody/tr")
    assert len(rows) == 1 and "望溪镇.txt" in rows[0].text_content()
    assert "杭州道街" not in (out / "望溪镇（检查结果）.html").read_text("utf-8")


@pytest.mark.slow
def test_split_per_file_as_text_has_every_finding_and_keeps_folders(tmp_path):
    source = tmp_path / "in"
    for town in ("甲镇", "乙镇"):
        (source / town).mkdir(parents=True)
        (source / town / "报告.txt").write_bytes(seed(4).read_bytes())
    (source / "甲镇" / "报告.md").write_bytes(seed(1).read_bytes())
    out = tmp_path / "out"
    run("check", "--output-dir", str(out), "--split-per-file", str(source))
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == [
        "乙镇/报告（检查结果）.txt",
        "甲镇/报告.md（检查结果）.txt",
        "甲镇/报告.txt（检查结果）.txt",
    ]
    text = (out / "乙镇" / "报告（检查结果）.txt").read_text("utf-8")
    assert "\x1b[" not in text and "还有" in text  # grouped as on a terminal, unless --show-all
    assert "检查了 1 个文件" in text.strip().splitlines()[-1]
    again = run("check", "--output-dir", str(out), "--split-per-file", str(source))
    assert "其中 3 个覆盖了原有文件" in again.output


@pytest.mark.slow
def test_output_dir_without_split_writes_one_report(tmp_path):
    out = tmp_path / "out"
    run("check", "--format", "xlsx", "--output-dir", str(out), str(SAMPLES / "seeds"))
    assert [p.name for p in out.iterdir()] == ["reportlint.xlsx"]
    stats = tmp_path / "stats"
    result = run("check", "--statistics", "--output-dir", str(stats), str(SAMPLES / "seeds"))
    assert result.stdout == "" and "RL404" in (stats / "reportlint.txt").read_text("utf-8")


def test_split_needs_an_output_dir_and_excludes_output():
    assert run("check", "--split-per-file", str(seed(1))).exit_code == 2
    both = run("check", "--output", "x.txt", "--output-dir", "d", str(seed(1)))
    assert both.exit_code == 2 and "只能选一个" in both.output


# -- --format docx: an annotated Word copy per report ---------------------------------


def expected_comments(path: Path, *options: str) -> Counter[tuple[str, str]]:
    """Each finding `check` reports for the file: its comment's first line and its text."""
    text = load_path(path).text
    return Counter(
        (f"【{Severity(f['severity']).label}】{f['message']}", flagged(text, f))
        for f in findings(*options, str(path))
    )


@pytest.fixture
def towns(tmp_path) -> Path:
    """Reports in a folder per town: Word files, text, two with one name, one unreadable."""
    source = tmp_path / "各乡镇报告"
    for town in ("甲镇", "乙镇"):
        (source / town).mkdir(parents=True)
    (source / "甲镇" / "报告.docx").write_bytes(text_to_docx(seed(1).read_text("utf-8")))
    (source / "甲镇" / "报告.txt").write_bytes(seed(4).read_bytes())
    (source / "乙镇" / "2024年度报告.docx").write_bytes(text_to_docx(clean_text()))
    (source / "乙镇" / "损坏.txt").write_bytes(b"")
    return source


@pytest.mark.slow
def test_split_per_file_writes_an_annotated_word_copy_per_report(towns, tmp_path):
    out = tmp_path / "回复各乡镇"
    result = run(
        "check", "--format", "docx", "--output-dir", str(out), "--split-per-file", str(towns)
    )
    assert result.exit_code == 2 and result.stdout == ""  # the unreadable file
    assert f"已在 {out} 中写入 3 个带批注的 Word 副本" in result.stderr
    assert "损坏.txt：无法检查：文件为空" in result.stderr and "未生成 Word 副本" in result.stderr
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == [
        "乙镇/2024年度报告（审查意见）.docx",
        "甲镇/报告.docx（审查意见）.docx",
        "甲镇/报告.txt（审查意见）.docx",
    ]
    for report, copy in (
        ("甲镇/报告.docx", "甲镇/报告.docx（审查意见）.docx"),
        ("甲镇/报告.txt", "甲镇/报告.txt（审查意见）.docx"),
        ("乙镇/2024年度报告.docx", "乙镇/2024年度报告（审查意见）.docx"),
    ):
        data = (out / copy).read_bytes()
        expected = expected_comments(towns / report)
        assert commented(data) == expected, report
        count = expected.total()
        assert overview(data).startswith(
            f"reportlint 审查意见：共 {count} 处" if count else "reportlint 审查意见：未发现问题"
        )
    # The text report's copy is made from its text; the Word file's is the file itself.
    assert "本文档由文本文件的文字生成" in overview(
        (out / "甲镇/报告.txt（审查意见）.docx").read_bytes()
    )
    word = (out / "甲镇/报告.docx（审查意见）.docx").read_bytes()
    assert "生成" not in overview(word)
    again = run(
        "check", "--format", "docx", "--output-dir", str(out), "--split-per-file", str(towns)
    )
    assert "其中 3 个覆盖了原有文件" in again.stderr
    # The reports themselves are untouched.
    assert (towns / "甲镇" / "报告.txt").read_bytes() == seed(4).read_bytes()


@pytest.mark.slow
def test_the_word_copies_hold_the_findings_the_run_shows(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "杭州道街.txt").write_bytes(seed(4).read_bytes())
    out = tmp_path / "out"
    args = ("--format", "docx", "--output-dir", str(out), "--split-per-file")
    result = run("check", "--min-severity", "error", *args, str(source))
    assert result.exit_code == 1
    copy = (out / "杭州道街（审查意见）.docx").read_bytes()
    errors = expected_comments(source / "杭州道街.txt", "--min-severity", "error")
    assert commented(copy) == errors and len(errors) == 1
    # A baseline's findings are left out as well: the copy says there is nothing.
    baseline = tmp_path / "baseline.json"
    run("check", "--write-baseline", str(baseline), str(source))
    run("check", "--baseline", str(baseline), *args, str(source))
    copy = (out / "杭州道街（审查意见）.docx").read_bytes()
    assert commented(copy) == Counter()
    assert overview(copy).startswith("reportlint 审查意见：未发现问题")


@pytest.mark.slow
def test_a_report_changed_after_its_check_gets_no_copy(tmp_path, monkeypatch):
    import reportlint.cli

    source = tmp_path / "in"
    source.mkdir()
    (source / "甲镇.txt").write_bytes(seed(4).read_bytes())
    (source / "乙镇.txt").write_text(clean_text(), "utf-8")
    checked = reportlint.cli.check_paths

    def then_saved_again(*args, **kwargs):
        result = checked(*args, **kwargs)
        (source / "甲镇.txt").write_text(clean_text(), "utf-8")  # the town sent a new version
        return result

    monkeypatch.setattr(reportlint.cli, "check_paths", then_saved_again)
    out = tmp_path / "out"
    result = run(
        "check", "--format", "docx", "--output-dir", str(out), "--split-per-file", str(source)
    )
    assert result.exit_code == 2
    assert "甲镇.txt：文件在检查之后被改动过，请重新运行，未生成 Word 副本。" in result.stderr
    assert [p.name for p in out.iterdir()] == ["乙镇（审查意见）.docx"]
    assert docx_text((out / "乙镇（审查意见）.docx").read_bytes()) == clean_text()


def test_format_docx_needs_split_per_file_and_files():
    alone = run("check", "--format", "docx", str(seed(1)))
    assert (
        alone.exit_code == 2
        and "请与 --output-dir 文件夹 --split-per-file 一起使用" in alone.output
    )
    one_file = run("check", "--format", "docx", "--output-dir", "d", str(seed(1)))
    assert one_file.exit_code == 2 and "--split-per-file" in one_file.output
    stdin = run("check", "--format", "docx", "--output-dir", "d", "--split-per-file", "-")
    assert stdin.exit_code == 2 and "标准输入（-）不能生成 Word 副本" in stdin.output
