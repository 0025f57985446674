"""The clerk's page without a browser (issue 16): what an upload is answered
with, what is refused and how, and that `reportlint check` never pays for
the page.  The page in Chromium is tested in test_web_browser.py."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from starlette.testclient import TestClient

from reportlint.annotate import text_to_docx
from reportlint.checks import RuleSet
from reportlint.document import parse
from reportlint.extract.docx import docx_text
from reportlint.fix import fix_source
from reportlint.load import format_of, load_bytes
from reportlint.web import check as web_check
from reportlint.web.app import DOCX_TYPE, SECURITY_HEADERS, create_app
from test_extract_docx import clean_report_docx
from test_extract_pdf import make_pdf, typeset
from word_support import commented, overview

from support import SYNTHETIC, builtin_rules, clean_text, seed


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return builtin_rules().selected()


@pytest.fixture(scope="module")
def client(rules) -> TestClient:
    return TestClient(create_app(rules), base_url="http://127.0.0.1:8765")


def upload(client: TestClient, name: str, data: bytes, **headers: str):
    return client.post("/api/check", content=data, headers={"X-File-Name": quote(name), **headers})


def annotate(client: TestClient, name: str, data: bytes, **headers: str):
    return client.post(
        "/api/annotate", content=data, headers={"X-File-Name": quote(name), **headers}
    )


def expected_comments(data: bytes, name: str, rules: RuleSet) -> Counter[tuple[str, str]]:
    """What the annotated copy should hold: for each finding, its comment's
    first line and the text it flags."""
    doc = parse(load_bytes(data, name, format_of(name)))
    return Counter(
        (f"【{d.severity.label}】{d.message}", doc.text[d.span.start : d.span.end])
        for d in rules.run(doc)
    )


def findings(path: Path) -> list[dict]:
    from click.testing import CliRunner

    from reportlint.cli import main

    return json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(path)]).stdout)


def test_a_text_upload_is_answered_with_the_report_counts_and_fixed_text(client, rules):
    data = seed(4).read_bytes()
    response = upload(client, "杭州道街.txt", data)
    assert response.status_code == 200
    answer = response.json()
    expected = findings(seed(4))
    assert answer["name"] == "杭州道街.txt"
    assert answer["counts"] == {
        s: sum(d["severity"] == s for d in expected) for s in ("error", "warning", "info")
    }
    assert answer["can_submit"] is False
    assert "能否提交：有 1 个错误" in answer["html"]
    assert answer["html"].count('<li data-f="') == len(expected)
    # The download is the text with the safe fixes applied, written as it came.
    outcome = fix_source(load_bytes(data, "x.txt"), rules)
    fixed = answer["fixed"]
    assert fixed["name"] == "杭州道街（已修正）.txt"
    assert base64.b64decode(fixed["data"]) == outcome.text.encode("utf-8")
    assert answer["fixes"] == outcome.applied > 200


def test_a_gb18030_upload_gets_its_fixed_text_back_in_gb18030(client):
    text = clean_text().replace("2024年，", "2024年,", 1).replace("\n", "\r\n")
    answer = upload(client, "望溪镇.txt", text.encode("gb18030")).json()
    data = base64.b64decode(answer["fixed"]["data"])
    assert data.decode("gb18030") == clean_text().replace("\n", "\r\n")
    assert answer["fixes"] == 1


def test_a_clean_report_can_be_submitted_and_has_nothing_to_fix(client):
    answer = upload(client, "clean.txt", clean_text().encode("utf-8")).json()
    assert answer["can_submit"] is True and answer["fixed"] is None
    assert answer["counts"] == {"error": 0, "warning": 0, "info": 0}
    assert "能否提交：可以，没有发现错误" in answer["html"]


def test_warnings_alone_do_not_stop_a_submission(client):
    answer = upload(client, "late.txt", (SYNTHETIC / "late-signature.txt").read_bytes()).json()
    assert answer["counts"]["warning"] == 1 and answer["can_submit"] is True
    assert "能否提交：可以，没有发现错误（有 1 个警告，建议修改）" in answer["html"]


def test_a_word_file_is_checked_and_its_fixed_text_offered_as_utf8(client, tmp_path):
    path = clean_report_docx(
        tmp_path / "报告.docx", text=clean_text().replace("2025年1月20日", "2025120")
    )
    answer = upload(client, "望溪镇报告.docx", path.read_bytes()).json()
    assert answer["counts"]["error"] == 1 and "RL103" in answer["html"]
    assert answer["fixed"] is None  # nothing safe to fix: the date is for the clerk
    comma = clean_report_docx(
        tmp_path / "b.docx", text=clean_text().replace("2024年，", "2024年,", 1)
    )
    answer = upload(client, "报告.docx", comma.read_bytes()).json()
    data = base64.b64decode(answer["fixed"]["data"])
    assert answer["fixed"]["name"] == "报告（已修正）.txt"
    assert data.startswith(b"\xef\xbb\xbf") and "\r\n" in data.decode("utf-8-sig")
    assert "2024年，" in data.decode("utf-8-sig") and "2024年," not in data.decode("utf-8-sig")


def test_a_word_upload_gets_its_annotated_copy_on_request(client, rules):
    data = text_to_docx(seed(4).read_text("utf-8"))
    answer = upload(client, "杭州道街.docx", data).json()
    assert answer["word"] == {"name": "杭州道街（审查意见）.docx", "from": None}
    response = annotate(client, "杭州道街.docx", data)
    assert response.status_code == 200
    assert response.headers["content-type"] == DOCX_TYPE
    assert response.headers["content-disposition"] == "attachment; filename*=UTF-8''" + quote(
        "杭州道街（审查意见）.docx"
    )
    for header, value in SECURITY_HEADERS.items():
        assert response.headers[header] == value
    total = sum(answer["counts"].values())
    assert response.headers["x-comments"] == str(total)
    assert 250 < int(response.headers["x-revisions"]) < total  # the safe fixes, tracked
    # One comment per finding the page listed, on the text it flags, and the overview.
    copy = response.content
    expected = expected_comments(data, "杭州道街.docx", rules)
    assert commented(copy) == expected and expected.total() == total
    assert overview(copy).startswith(f"reportlint 审查意见：共 {total} 处（错误 1 处，")
    # The copy is the upload with comments and changes: the text, changes rejected, is the same.
    assert docx_text(copy).count("\n") == docx_text(data).count("\n")


def test_a_text_upload_gets_a_word_copy_made_from_its_text(client, rules):
    data = (SYNTHETIC / "bad-signature-date.txt").read_bytes()
    answer = upload(client, "望溪镇.txt", data).json()
    assert answer["word"] == {"name": "望溪镇（审查意见）.docx", "from": "text"}
    response = annotate(client, "望溪镇.txt", data)
    copy = response.content
    assert response.headers["x-comments"] == "1"
    assert commented(copy) == expected_comments(data, "望溪镇.txt", rules)
    ((first, flagged),) = commented(copy)
    assert first.startswith("【错误】落款日期") and flagged == "2025120"
    assert "本文档由文本文件的文字生成" in overview(copy)
    assert docx_text(copy) == data.decode("utf-8")


def test_pasted_text_and_a_pdf_get_word_copies_too(client, rules):
    text = clean_text().replace("2025年1月20日", "2025120")
    pasted = client.post(
        "/api/annotate",
        content=text.encode("utf-8"),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    assert unquote(pasted.headers["content-disposition"]).endswith("''粘贴的文字（审查意见）.docx")
    assert commented(pasted.content) == expected_comments(text.encode(), "a.txt", rules)
    pdf = make_pdf(typeset(clean_text()))
    answer = upload(client, "报告.pdf", pdf).json()
    assert answer["word"] == {"name": "报告（审查意见）.docx", "from": "pdf"}
    response = annotate(client, "报告.pdf", pdf)
    assert "本文档由PDF的文字生成" in overview(response.content)
    assert "青岚县望溪镇" in docx_text(response.content)


def test_the_word_copy_is_refused_as_the_check_is(client, rules, monkeypatch):
    bad = annotate(client, "报告.docx", b"PK\x03\x04 not a zip")
    assert bad.status_code == 422 and "无法生成“报告.docx”的 Word 文件" in bad.json()["error"]
    assert annotate(client, "报告.doc", b"\xd0\xcf\x11\xe0").status_code == 415
    foreign = annotate(client, "a.txt", clean_text().encode(), Origin="http://evil.example")
    assert foreign.status_code == 403
    assert annotate(client, "a.txt", b" \n").status_code == 422

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    # A bug of ours is said in Chinese, not a bare 500.
    monkeypatch.setattr("reportlint.annotate.annotate_bytes", broken)
    response = annotate(client, "a.txt", clean_text().encode())
    assert response.status_code == 500
    assert "内部出错（RuntimeError）" in response.json()["error"]


def test_a_pdf_is_checked(client):
    answer = upload(client, "报告.pdf", make_pdf(typeset(clean_text()))).json()
    assert answer["counts"]["error"] == 0 and "青岚县望溪镇" in answer["html"]


def test_pasted_text(client):
    text = clean_text().replace("2025年1月20日", "2025120")
    response = client.post(
        "/api/check",
        content=text.encode("utf-8"),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    answer = response.json()
    assert answer["name"] == "粘贴的文字.txt" and answer["counts"]["error"] == 1


def test_a_txt_upload_is_not_taken_for_pasted_text(client):
    # A browser sends a .txt file as text/plain: its name still comes with it.
    answer = upload(
        client, "安平镇.txt", clean_text().encode("utf-8"), **{"Content-Type": "text/plain"}
    )
    assert answer.json()["name"] == "安平镇.txt"


@pytest.mark.parametrize(
    ("name", "data", "status", "message"),
    [
        ("报告.exe", b"MZ...", 415, "不支持这种文件（.exe）"),
        ("报告", b"abc", 415, "不支持这种文件（（没有扩展名））"),
        ("报告.doc", b"\xd0\xcf\x11\xe0", 415, "请在 Word 或 WPS 中“另存为” .docx 格式后再上传"),
        ("报告.wps", b"x", 415, "另存为"),
        ("报告.txt", b"", 422, "没有收到内容"),
        (
            "报告.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10,
            422,
            "无法检查“报告.txt”：不是文本文件",
        ),
        ("报告.docx", b"PK\x03\x04 not a zip", 422, "无法检查“报告.docx”"),
    ],
)
def test_refusals_say_what_is_wrong_in_chinese(client, name, data, status, message):
    response = upload(client, name, data)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_an_upload_over_the_limit_is_refused_before_it_is_read(client, monkeypatch):
    monkeypatch.setattr(web_check, "MAX_UPLOAD", 1000)
    response = upload(client, "大.txt", "法治政府建设年度报告\n".encode() * 200)
    assert response.status_code == 413 and "文件太大" in response.json()["error"]

    def stream():  # no Content-Length: the limit holds while reading
        for _ in range(200):
            yield "法治政府建设年度报告\n".encode()

    response = client.post("/api/check", content=stream(), headers={"X-File-Name": quote("大.txt")})
    assert response.status_code == 413 and "文件太大" in response.json()["error"]


def test_a_file_name_is_only_a_name(client):
    answer = upload(client, "../../etc/报告\x07.txt", clean_text().encode()).json()
    assert answer["name"] == "报告.txt"


def test_only_this_machine_and_this_page(client, rules):
    other_host = TestClient(create_app(rules), base_url="http://evil.example:8765")
    assert other_host.get("/").status_code == 400  # DNS rebinding: refused
    response = upload(client, "a.txt", clean_text().encode(), Origin="http://evil.example")
    assert response.status_code == 403 and "只接受本页面" in response.json()["error"]
    same = upload(client, "a.txt", clean_text().encode(), Origin="http://127.0.0.1:8765")
    assert same.status_code == 200


def test_the_page_is_chinese_offline_and_shares_the_report_renderers_assets(client):
    from reportlint.report.html import asset

    page = client.get("/")
    assert page.status_code == 200
    for header, value in SECURITY_HEADERS.items():
        assert page.headers[header] == value
    assert '<html lang="zh-CN">' in page.text and "把报告文件拖到这里" in page.text
    # Nothing from elsewhere: every stylesheet, script and icon is this server's.
    import re

    sources = re.findall(r'(?:src|href)="([^"]*)"', page.text)
    assert sources and all(s.startswith(("/static/", "data:")) for s in sources), sources
    rules = page.text.split('id="rl-rules">', 1)[1].split("</script>", 1)[0]
    assert "GB/T 15834" in json.loads(rules)["RL404"]
    # The same stylesheet and script as the batch report, from the package.
    assert client.get("/static/report.css").text == asset("report.css")
    assert client.get("/static/report.js").text == asset("report.js")
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/../check.py").status_code == 404


def test_reportlint_check_never_imports_the_page_or_the_workbook_writer(tmp_path):
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reportlint", "check", str(seed(1))],
        capture_output=True,
        text=True,
        check=False,
    )
    imported = {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "reportlint.checks" in imported  # the measurement works
    for module in (
        "starlette",
        "uvicorn",
        "anyio",
        "xlsxwriter",
        "reportlint.web",
        "reportlint.report.html",
    ):
        assert module not in imported, module


def test_serve_without_the_web_extra_says_how_to_install_it(monkeypatch):
    from click.testing import CliRunner

    from reportlint.cli import main

    monkeypatch.setitem(sys.modules, "starlette.applications", None)
    monkeypatch.delitem(sys.modules, "reportlint.web.app", raising=False)
    result = CliRunner().invoke(main, ["serve", "--no-browser"])
    assert result.exit_code == 2
    assert "pip install 'reportlint[web]'" in result.output
