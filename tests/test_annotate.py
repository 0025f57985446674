"""reportlint annotate: findings as Word comments, safe fixes as tracked changes.

Every test reads the result back: the raw XML (comment ranges, w:ins/w:del),
python-docx (the comments), the extractor (the text Word shows), and, when
LibreOffice is installed, LibreOffice itself."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from reportlint.annotate import Annotation, annotate_bytes, output_path, text_to_docx
from reportlint.checks import RuleSet
from reportlint.cli import main
from reportlint.extract.docx import docx_text
from reportlint.fix import apply_fixes
from reportlint.load import LoadError
from word_support import (
    TABLE,
    W,
    anchored_texts,
    body,
    comment_texts,
    formatted_characters,
    line_labels,
    reject_all,
    report_docx,
    without_labels,
)

from support import SYNTHETIC, builtin_rules, clean_text, seed


@cache
def report() -> tuple[bytes, Annotation]:
    data = report_docx()
    return data, annotate_bytes(data, "报告.docx", builtin_rules())


def offered(result: Annotation) -> list:
    return [n.diagnostic.fix for n in result.notes if n.fate == "revision"]


# --- where the comments go --------------------------------------------------------


@pytest.mark.slow
def test_the_report_gets_the_findings_it_should() -> None:
    _, result = report()
    found = Counter((n.diagnostic.code, n.fate, n.on_paragraph) for n in result.notes)
    assert found == {
        ("RL409", "revision", False): 1,  # the space in the title
        ("RL404", "revision", False): 4,  # two commas in the opening, two in a table cell
        ("RL403", "numbering", True): 3,  # "1、" drawn by the list: on the paragraph
        ("RL403", "revision", False): 3,  # "(一)" typed
        ("RL408", "revision", False): 1,  # the sentence broken over two paragraphs
    }
    assert result.revisions == 9
    assert result.converted_from is None


def test_every_comment_covers_exactly_its_findings_text() -> None:
    data, result = report()
    text = docx_text(data)
    labels = line_labels(data, text)
    anchored = anchored_texts(result.docx)
    for note in result.notes:
        start, end = note.diagnostic.span
        if note.on_paragraph:
            # All of it is a number Word draws: the comment takes the paragraph.
            line = text[: start + 1].count("\n")
            assert without_labels(text, start, end, labels) == ""
            assert anchored[note.comment_id] == text.split("\n")[line][len(labels[line]) :]
        else:
            assert anchored[note.comment_id] == without_labels(text, start, end, labels), note
    assert set(anchored) == {n.comment_id for n in result.notes} | {result.summary_comment_id}


def test_a_finding_in_a_table_cell_is_anchored_in_the_cell() -> None:
    _, result = report()
    table = body(result.docx).find(W + "tbl")
    ids = {int(e.get(W + "id")) for e in table.iter(W + "commentRangeStart")}
    in_table = [n for n in result.notes if n.comment_id in ids]
    assert [n.diagnostic.code for n in in_table] == ["RL404", "RL404"]
    assert "".join(t.text for t in table.iter(W + "t")) == "".join(
        v.replace(",", "，") for row in TABLE for v in row
    )


def test_the_summary_comment_is_on_the_title() -> None:
    _, result = report()
    anchored = anchored_texts(result.docx)
    assert anchored[result.summary_comment_id] == "青岚县望溪镇2024年法治政府建设 年度报告"
    _, _, text = comment_texts(result.docx)[result.summary_comment_id]
    assert text.startswith("reportlint 审查意见：共 12 处（警告 12 处），每处一条批注。")
    assert "其中 9 处可直接修改，已标为修订" in text


@pytest.mark.slow
def test_a_missing_part_is_anchored_on_the_title() -> None:
    text = (SYNTHETIC / "missing-duty-section.txt").read_text(encoding="utf-8")
    result = annotate_bytes(report_docx(text), "报告.docx", builtin_rules())
    (note,) = [n for n in result.notes if n.diagnostic.code == "RL101"]
    assert anchored_texts(result.docx)[note.comment_id] == (
        "青岚县望溪镇2024年法治政府建设 年度报告"
    )
    assert (
        "缺少法定报告内容“党政主要负责人履行推进法治建设第一责任人职责情况”"
        in (comment_texts(result.docx)[note.comment_id][2])
    )


@pytest.mark.slow
def test_no_signature_is_anchored_at_the_end() -> None:
    text = (SYNTHETIC / "no-signature.txt").read_text(encoding="utf-8")
    result = annotate_bytes(report_docx(text), "报告.docx", builtin_rules())
    (note,) = [n for n in result.notes if n.diagnostic.code == "RL103"]
    anchored = anchored_texts(result.docx)[note.comment_id]
    last = [p for p in body(result.docx).iter(W + "p") if "".join(p.itertext()).strip()][-1]
    assert anchored and anchored in "".join(t.text for t in last.iter(W + "t"))
    assert last.find(W + "commentRangeStart") is not None or anchored == "。"


# --- the text: untouched outside the tracked changes ---------------------------------


@pytest.mark.slow
def test_rejecting_the_changes_gives_the_original_text_and_formatting() -> None:
    data, result = report()
    rejected = reject_all(result.docx)
    assert docx_text(rejected) == docx_text(data)
    # Every character keeps the run properties it had, though runs were cut.
    assert formatted_characters(rejected) == formatted_characters(data)


def test_accepting_the_changes_gives_the_fixed_text() -> None:
    data, result = report()
    fixed, count = apply_fixes(docx_text(data), offered(result))
    assert count == 9
    # The extractor reads insertions, skips deletions and joins a paragraph
    # whose mark is deleted: the text Word shows with the changes accepted.
    assert docx_text(result.docx) == fixed
    assert "参加年度学法考试，考试成绩均为合格以上" in fixed
    assert "（一）持续抓好法治建设责任落实" in fixed


def test_changes_are_tracked_with_author_and_date_and_copy_the_formatting() -> None:
    _, result = report()
    root = body(result.docx)
    changes = [e for e in root.iter(W + "ins", W + "del")]
    assert changes and all(e.get(W + "author") == "reportlint" for e in changes)
    assert all(e.get(W + "date", "").endswith("Z") for e in changes)
    ids = [e.get(W + "id") for e in changes]
    assert len(ids) == len(set(ids))
    # The opening's second comma was in an italic run: its replacement is italic too.
    first, second = [e for e in root.iter(W + "ins")][:2]
    assert first.find(f"{W}r/{W}rPr/{W}i") is None
    assert second.find(f"{W}r/{W}rPr/{W}i") is not None
    assert second.find(f"{W}r/{W}t").text == "，"
    # The broken sentence: two paragraph marks deleted (the empty paragraph between too).
    assert len(root.findall(f".//{W}pPr/{W}rPr/{W}del")) == 2


def test_comments_say_what_and_how_in_chinese() -> None:
    _, result = report()
    texts = comment_texts(result.docx)
    by_code: dict[str, list[str]] = {}
    for note in result.notes:
        author, initials, text = texts[note.comment_id]
        assert (author, initials) == ("reportlint", "RL")
        by_code.setdefault(note.diagnostic.code, []).append(text)
    assert by_code["RL404"][0].split("\n") == [
        "【警告】中文中用了半角“,”：请改为全角“，”",
        "已标为修订：将“,”改为“，”。可在“审阅”中接受或拒绝。",
        "RL404 punctuation-width：中文文本中应使用全角标点（GB/T 15834—2011《标点符号用法》）。",
    ]
    assert "这是 Word 的自动编号" in by_code["RL403"][0]
    assert "已标为修订：删去空格" in by_code["RL409"][0]
    assert "已标为修订：删去“换行”" in by_code["RL408"][0]


@pytest.mark.slow
def test_comments_only_when_revisions_are_off() -> None:
    data = report_docx()
    result = annotate_bytes(data, "报告.docx", builtin_rules(), revisions=False)
    assert result.revisions == 0
    root = body(result.docx)
    assert root.find(f".//{W}ins") is None and root.find(f".//{W}del") is None
    assert docx_text(result.docx) == docx_text(data)
    texts = comment_texts(result.docx)
    note = next(n for n in result.notes if n.diagnostic.code == "RL404")
    assert "修改建议：将“,”改为“，”。" in texts[note.comment_id][2]


# --- the package -----------------------------------------------------------------------


def test_the_package_holds_a_related_comments_part() -> None:
    _, result = report()
    with zipfile.ZipFile(io.BytesIO(result.docx)) as archive:
        assert archive.testzip() is None
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        comments = etree.fromstring(archive.read("word/comments.xml"))
        document = etree.fromstring(archive.read("word/document.xml"))
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(ct + "Override")}
    assert overrides["/word/comments.xml"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    )
    targets = {r.get("Type").rsplit("/", 1)[-1]: r.get("Target") for r in rels}
    assert targets["comments"] == "comments.xml"
    # Each comment has one start, one end and one reference in the text, and
    # each of those a comment.
    defined = Counter(c.get(W + "id") for c in comments.iter(W + "comment"))
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert Counter(e.get(W + "id") for e in document.iter(W + tag)) == defined, tag
    assert len(defined) == len(result.notes) + 1
    # A start comes before its end in document order.
    order = [
        (e.tag, e.get(W + "id"))
        for e in document.iter(W + "commentRangeStart", W + "commentRangeEnd")
    ]
    for key in defined:
        assert order.index((W + "commentRangeStart", key)) < order.index(
            (W + "commentRangeEnd", key)
        )


def test_paragraph_mark_deletions_sit_where_the_schema_wants_them() -> None:
    _, result = report()
    for rpr in body(result.docx).iter(W + "rPr"):
        if rpr.getparent().tag == W + "pPr":
            assert rpr.getnext() is None or rpr.getnext().tag in (W + "sectPr", W + "pPrChange")
            tags = [c.tag for c in rpr]
            if W + "del" in tags:
                assert tags.index(W + "del") == 0


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("REPORTLINT_REQUIRE_SOFFICE"),
    reason="LibreOffice (soffice) not installed; .ci/run installs it and sets REPORTLINT_REQUIRE_SOFFICE",
)
def test_libreoffice_reads_the_comments_and_the_changes(tmp_path: Path) -> None:
    _, result = report()
    source = tmp_path / "报告.docx"
    source.write_bytes(result.docx)
    profile = (tmp_path / "profile").as_uri()
    for target in ("fodt", "pdf"):
        done = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            capture_output=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
    flat = (tmp_path / "报告.fodt").read_text(encoding="utf-8")
    assert flat.count("<office:annotation ") == len(result.notes) + 1
    assert flat.count("<office:annotation-end ") == len(result.notes) + 1
    assert flat.count("<text:insertion>") == 7  # the mark deletions and RL409 insert nothing
    assert flat.count("<text:deletion>") == 9  # eight of runs; the two deleted marks are one
    assert "<dc:creator>reportlint</dc:creator>" in flat
    assert (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF-")


# --- other inputs ----------------------------------------------------------------------


@pytest.mark.slow
def test_a_text_report_is_made_into_a_word_document() -> None:
    text = clean_text().replace("年度学法考试，", "年度学法考试,")
    result = annotate_bytes(text.encode("utf-8"), "报告.txt", builtin_rules())
    assert result.converted_from == "text"
    assert docx_text(reject_all(result.docx)) == text
    (note,) = result.notes
    assert note.fate == "revision" and anchored_texts(result.docx)[note.comment_id] == ","
    summary = comment_texts(result.docx)[result.summary_comment_id][2]
    assert "本文档由文本文件的文字生成，不含原有格式。" in summary


def test_text_to_docx_keeps_every_line_and_character() -> None:
    text = "标题\n\n\t缩进 与\u00a0空格\n控制\x07字符\n"
    assert docx_text(text_to_docx(text)) == "标题\n\n\t缩进 与\u00a0空格\n控制␇字符\n"


def test_unreadable_input_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="旧版"):
        annotate_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "报告.doc", builtin_rules()
        )


@pytest.mark.slow
@pytest.mark.parametrize("number", [0, 1, 2, 3, 4])
def test_seed_reports_as_word_files(number: int) -> None:
    """Real reports, full of findings: the same invariants on each."""
    data = text_to_docx(seed(number).read_text(encoding="utf-8"))
    result = annotate_bytes(data, "报告.docx", RuleSet.load())
    text = docx_text(data)
    assert docx_text(reject_all(result.docx)) == text
    assert docx_text(result.docx) == apply_fixes(text, offered(result))[0]
    anchored = anchored_texts(result.docx)
    for note in result.notes:
        start, end = note.diagnostic.span
        assert not note.on_paragraph
        assert anchored[note.comment_id] == text[start:end]


# --- the command ------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.slow
def test_annotate_writes_a_copy_beside_the_report_and_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "望溪镇报告.docx"
    source.write_bytes(report_docx())
    before = source.read_bytes()
    result = run("annotate", str(source))
    target = tmp_path / "望溪镇报告（审查意见）.docx"
    assert target == output_path(source)
    assert result.exit_code == 1, result.output  # findings, as for check
    assert f"已写入 {target}：12 个问题，各有一条批注，其中 9 处标为修订。" in result.stdout
    assert source.read_bytes() == before
    written = target.read_bytes()
    again = run("annotate", str(source))
    assert again.exit_code == 2
    assert "已存在，未覆盖（用 --force 覆盖" in again.stderr
    assert target.read_bytes() == written
    target.write_bytes(b"an old copy")
    assert run("annotate", "--force", str(source)).exit_code == 1
    assert docx_text(target.read_bytes()) == docx_text(written)


@pytest.mark.slow
def test_annotate_output_option_and_folders(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.docx").write_bytes(report_docx())
    (reports / "b.txt").write_text(clean_text(), encoding="utf-8")
    result = run("annotate", str(reports), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "a（审查意见）.docx",
        "b（审查意见）.docx",
    ]
    assert "b.txt 不是 Word 文档：已用其中的文字生成 Word 文档" in result.stdout
    # A second walk passes over copies left in the folder.
    (reports / "a（审查意见）.docx").write_bytes(b"")
    again = run("annotate", "--force", str(reports), "-o", str(tmp_path / "out"))
    assert again.exit_code == 1 and "a（审查意见）（审查意见）" not in again.output
    single = run("annotate", str(reports / "a.docx"), "-o", str(tmp_path / "一份.docx"))
    assert single.exit_code == 1 and (tmp_path / "一份.docx").is_file()


def test_annotate_refuses_to_write_over_the_report(tmp_path: Path) -> None:
    source = tmp_path / "r.docx"
    source.write_bytes(report_docx())
    before = source.read_bytes()
    result = run("annotate", str(source), "-o", str(source), "--force")
    assert result.exit_code == 2 and "副本不能写到原文件上" in result.stderr
    assert source.read_bytes() == before


@pytest.mark.slow
def test_annotate_reports_an_unreadable_file_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "好.txt").write_text(clean_text(), encoding="utf-8")
    result = run("annotate", str(tmp_path / "坏.docx"), str(tmp_path / "好.txt"))
    assert result.exit_code == 2
    assert "坏.docx：无法生成副本：不是有效的 Word 文档" in result.stderr
    assert (tmp_path / "好（审查意见）.docx").is_file()
    assert not (tmp_path / "坏（审查意见）.docx").exists()


@pytest.mark.slow
def test_check_fix_on_a_word_file_says_what_to_do_instead(tmp_path: Path) -> None:
    source = tmp_path / "报告.docx"
    source.write_bytes(report_docx())
    before = source.read_bytes()
    result = run("check", "--fix", str(source))
    assert source.read_bytes() == before
    assert "Word 文档不能用 --fix 修改（1 个：" in result.stderr
    assert f"reportlint annotate {source}" in result.stderr
    diff = run("check", "--diff", str(source))
    assert diff.stdout == "" and "Word 文档不能用 --diff 修改" in diff.stderr
    page = tmp_path / "报告.html"
    page.write_text(f"<html><body><p>{clean_text()}</p></body></html>", encoding="utf-8")
    assert "网页和 PDF 文件不能用 --fix 修改（1 个：" in run("check", "--fix", str(page)).stderr


@pytest.mark.slow
def test_annotate_says_when_the_copy_cannot_be_written(tmp_path: Path) -> None:
    source = tmp_path / "r.docx"
    source.write_bytes(report_docx())
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("", encoding="utf-8")
    result = run("annotate", str(source), "-o", str(blocker / "r.docx"))
    assert result.exit_code == 2
    assert f"r.docx：无法写入 {blocker / 'r.docx'}" in result.stderr
