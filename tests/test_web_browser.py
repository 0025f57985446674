"""The clerk's page for real (issue 16): `reportlint serve` started as a clerk
starts it, driven in headless Chromium through an upload (chosen and
dropped), pasted text, the highlights, the findings list, a rule's
explanation, a refusal, and the fixed-text download; several people at
once; nothing written to the temporary folder; the browser opened by the
command; and a screenshot of the page."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from browser import artifacts
from reportlint.annotate import text_to_docx
from reportlint.checks import Severity
from reportlint.extract.docx import docx_text
from reportlint.fix import fix_source
from reportlint.load import load_path
from word_support import commented, flagged, overview

from support import SYNTHETIC, builtin_rules, clean_text, seed

URL = re.compile(r"http://127\.0\.0\.1:\d+/")


def start(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "reportlint", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **env},
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # printed once the server listens
    found = URL.search(line)
    assert found, line
    return process, found.group()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The page, as `reportlint serve --no-browser` runs it, with a temporary
    folder of its own so that the test can see what is written there."""
    scratch = tmp_path_factory.mktemp("server-tmp")
    process, url = start(["--no-browser"], {"TMPDIR": str(scratch), "TEMP": str(scratch)})
    try:
        yield url, scratch
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def page(browser, server):
    url, _ = server
    page = browser.new_page()
    problems: list[str] = []
    elsewhere: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "request",
        lambda r: None if r.url.startswith((url, "data:", "blob:")) else elsewhere.append(r.url),
    )
    page.goto(url)
    page.refusals_expected = False
    yield page
    if page.refusals_expected:  # the browser logs a refused upload's 4xx answer
        problems = [p for p in problems if not re.search(r"status of 4\d\d", p)]
    assert problems == [] and elsewhere == []  # offline: nothing loaded from anywhere else
    page.close()


def expected(path: Path) -> list[dict]:
    from click.testing import CliRunner

    from reportlint.cli import main

    return json.loads(CliRunner().invoke(main, ["check", "--format", "json", str(path)]).stdout)


def test_upload_shows_the_verdict_the_highlights_and_the_findings(page):
    page.set_input_files("#file", str(seed(4)))
    report = page.locator("#report .rl-report")
    report.wait_for()
    found = expected(seed(4))
    errors = sum(d["severity"] == "error" for d in found)
    assert (
        report.locator(".rl-verdict").inner_text()
        == f"能否提交：有 {errors} 个错误，请修改后再提交"
    )
    assert page.inner_text("#status") == f"已检查“{seed(4).name}”。"
    # Every finding listed, errors first, each with a mark in the text.
    assert report.locator(".rl-findings li").count() == len(found)
    groups = report.locator(".rl-group h3").all_inner_texts()
    assert groups[0] == f"错误（{errors}）" and groups[1].startswith("警告")
    numbers = {
        n
        for m in report.locator("mark.rl-mark").evaluate_all("marks => marks.map(m => m.dataset.f)")
        for n in m.split()
    }
    assert numbers == {str(i) for i in range(len(found))}
    # The error in the list shows its place; its mark holds the flagged character.
    report.locator(".rl-group.rl-error a.rl-finding").first.click()
    active = report.locator("mark.rl-active")
    assert active.first.inner_text() == "》" and active.first.is_visible()
    # A rule's explanation, on demand.
    report.locator('button.rl-explain[data-code="RL401"]').click()
    assert (
        "GB/T 15834" in report.locator('.rl-rule[data-code="RL401"] .rl-explanation').inner_text()
    )


def test_the_fixed_text_downloads_with_the_safe_fixes_applied(page, tmp_path):
    page.set_input_files("#file", str(seed(4)))
    page.locator("#report .rl-report").wait_for()
    outcome = fix_source(load_path(seed(4)), builtin_rules().selected())
    assert (
        f"其中 {outcome.applied} 处（标点、序号、空格等）已在下载的文字中改好"
        in page.inner_text("#fixed-note")
    )
    with page.expect_download() as info:
        page.click("#download-fixed")
    download = info.value
    assert download.suggested_filename == f"{seed(4).stem}（已修正）.txt"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert target.read_bytes() == outcome.text.encode("utf-8")


def test_the_annotated_word_file_downloads(page, tmp_path):
    source = tmp_path / f"{seed(4).stem}.docx"
    source.write_bytes(text_to_docx(seed(4).read_text("utf-8")))
    page.set_input_files("#file", str(source))
    page.locator("#report .rl-report").wait_for()
    assert "不是 Word 文件" not in page.inner_text("#word-note")
    with page.expect_download() as info:
        page.click("#download-word")
    download = info.value
    assert download.suggested_filename == f"{seed(4).stem}（审查意见）.docx"
    target = tmp_path / "downloaded.docx"
    download.save_as(target)
    # A comment per finding the page lists, each on the text it flags, and the overview.
    found = expected(source)
    assert page.locator("#report .rl-findings li").count() == len(found)
    text = docx_text(source.read_bytes())
    copy = target.read_bytes()
    assert commented(copy) == Counter(
        (f"【{Severity(f['severity']).label}】{f['message']}", flagged(text, f)) for f in found
    )
    assert overview(copy).startswith(f"reportlint 审查意见：共 {len(found)} 处")
    note = page.locator("#word-note")
    note.filter(has_text="已下载").wait_for()
    assert note.inner_text().startswith(
        f"已下载“{download.suggested_filename}”：{len(found)} 条批注"
    )
    assert page.is_enabled("#download-word")


def test_the_word_copy_is_of_the_file_as_it_was_checked(page, tmp_path):
    """The page keeps the upload: a file saved again in Word after the check
    does not change what the copy is of."""
    source = tmp_path / "望溪镇报告.txt"
    source.write_bytes((SYNTHETIC / "bad-signature-date.txt").read_bytes())
    page.set_input_files("#file", str(source))
    page.locator("#report .rl-report").wait_for()
    assert "不是 Word 文件，Word 文件按其中的文字生成" in page.inner_text("#word-note")
    source.write_text(clean_text(), "utf-8")
    with page.expect_download() as info:
        page.click("#download-word")
    assert info.value.suggested_filename == "望溪镇报告（审查意见）.docx"
    copy = Path(info.value.path()).read_bytes()
    assert docx_text(copy) == (SYNTHETIC / "bad-signature-date.txt").read_text("utf-8")
    assert [first for first, _ in commented(copy)] == [
        f"【错误】{f['message']}" for f in expected(SYNTHETIC / "bad-signature-date.txt")
    ]


def test_a_dropped_file_is_checked(page):
    data = (SYNTHETIC / "bad-signature-date.txt").read_text("utf-8")
    page.evaluate(
        """text => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], "望溪镇报告.txt", { type: "text/plain" }));
            const drop = document.getElementById("drop");
            for (const type of ["dragenter", "dragover", "drop"]) {
                drop.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true }));
            }
        }""",
        data,
    )
    report = page.locator("#report .rl-report")
    report.wait_for()
    assert report.locator(".rl-verdict").inner_text() == "能否提交：有 1 个错误，请修改后再提交"
    assert "望溪镇报告.txt" in report.locator(".rl-meta").inner_text()
    assert report.locator("mark.rl-error").inner_text() == "2025120"
    assert page.is_disabled("#download-fixed")
    assert page.inner_text("#fixed-note") == "没有可以自动修正的地方。"


def test_pasted_text_is_checked(page):
    page.click("#paste-box summary")
    page.fill("#paste", clean_text())
    page.click("#check-paste")
    verdict = page.locator("#report .rl-verdict")
    verdict.wait_for()
    assert verdict.inner_text() == "能否提交：可以，没有发现错误"
    assert page.locator("#report .rl-nothing").inner_text() == "没有发现问题。"


def test_a_refused_file_is_explained_in_chinese(page, tmp_path):
    old = tmp_path / "报告.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    page.refusals_expected = True
    page.set_input_files("#file", str(old))
    error = page.locator("#error")
    error.wait_for()
    assert "另存为” .docx" in error.inner_text()
    assert page.locator("#result").is_hidden()


def test_several_people_at_once(server):
    url, _ = server
    files = [seed(n) for n in range(5)] + sorted(SYNTHETIC.glob("*.txt"))

    def post(path: Path) -> dict:
        request = urllib.request.Request(
            url + "api/check",
            data=path.read_bytes(),
            headers={"X-File-Name": quote(path.name)},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    alone = {path: post(path)["counts"] for path in files}
    together: dict[Path, dict] = {}
    threads = [
        threading.Thread(target=lambda p=path: together.__setitem__(p, post(p)["counts"]))
        for path in files * 2
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert together == alone


def test_nothing_is_written_to_the_temporary_folder(page, server):
    _, scratch = server
    page.set_input_files("#file", str(seed(1)))
    page.locator("#report .rl-report").wait_for()
    with page.expect_download():
        page.click("#download-word")
    # A large upload too (2 MB, past where form parsers spool to disk); binary,
    # so that it is refused quickly once read.
    big = b"\x89PNG\r\n\x1a\n\x00\x00" * (200 * 1024)
    request = urllib.request.Request(
        server[0] + "api/check", data=big, headers={"X-File-Name": "a.txt"}, method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 422
    assert list(scratch.iterdir()) == []


def test_serve_opens_the_page_in_the_browser(tmp_path):
    opened = tmp_path / "opened.txt"
    fake = tmp_path / "browser.sh"
    fake.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', "utf-8")
    fake.chmod(0o755)
    process, url = start([], {"BROWSER": str(fake)})
    try:
        for _ in range(100):
            if opened.exists() and opened.read_text().strip():
                break
            time.sleep(0.05)
        assert opened.read_text().strip() == url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_screenshot_of_the_page(page, tmp_path):
    """What a clerk sees for seed 004 as a Word file (docs/clerk-page.png is a copy)."""
    folder = artifacts()
    page.screenshot(path=str(folder / "serve-empty.png"))
    report = tmp_path / f"{seed(4).stem}.docx"
    report.write_bytes(text_to_docx(seed(4).read_text("utf-8")))
    page.set_input_files("#file", str(report))
    page.locator("#report .rl-report").wait_for()
    page.locator("#report .rl-group.rl-error a.rl-finding").first.click()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(folder / "serve-page.png"), full_page=True)
    data = (folder / "serve-page.png").read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
