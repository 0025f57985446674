"""The HTML batch report in real headless Chromium (issue 17): it loads
nothing from the network, the table sorts and filters, a finding in the list
shows its place in the text and a marked place its finding, 规则说明 opens
the rule's explanation; and a screenshot of the report over samples/."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from browser import artifacts
from reportlint.cli import main

from support import SAMPLES, seed

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "samples.html"
    result = CliRunner().invoke(
        # The synthetic samples are one report with one defect each: RL310
        # rightly says so, and the page's verdicts would be about that.
        main,
        ["check", "--format", "html", "--ignore", "RL310", "--output", str(out), str(SAMPLES)],
    )
    assert result.exit_code == 1, result.output
    return out


@pytest.fixture
def page(browser, report):
    page = browser.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(report.as_uri())
    yield page
    # Self-contained: the file itself is the only thing loaded, and no script failed.
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    assert problems == []
    page.close()


def visible_rows(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#reports tbody tr:not([hidden])",
        "rows => rows.map(r => Array.from(r.cells, c => c.getAttribute('data-value')))",
    )


def test_the_table_sorts_by_a_column_both_ways(page):
    rows = visible_rows(page)
    assert len(rows) == len([p for p in SAMPLES.rglob("*.txt")])
    page.click("#reports thead th:nth-child(7) button")  # 错误
    errors = [int(r[6]) for r in visible_rows(page)]
    assert errors == sorted(errors)
    page.click("#reports thead th:nth-child(7) button")
    errors = [int(r[6]) for r in visible_rows(page)]
    assert errors == sorted(errors, reverse=True) and errors[0] > errors[-1]
    assert page.get_attribute("#reports thead th:nth-child(7)", "aria-sort") == "descending"
    page.click("#reports thead th:nth-child(2) button")  # 文件, as text
    files = [r[1] for r in visible_rows(page)]
    assert files == sorted(files)


def test_the_table_filters_by_text_and_by_verdict(page):
    page.fill("#filter-text", "望溪镇")
    rows = visible_rows(page)
    assert rows and all("望溪镇" in "".join(r) for r in rows)
    page.select_option("#filter-verdict", "pass")
    rows = visible_rows(page)
    assert rows and {r[5] for r in rows} == {"通过"}
    assert (
        page.inner_text("#filter-count")
        == f"显示 {len(rows)} / {len(list(SAMPLES.rglob('*.txt')))} 份"
    )
    page.fill("#filter-text", "")
    page.select_option("#filter-verdict", "fail")
    assert {r[5] for r in visible_rows(page)} == {"未通过"}


def test_a_finding_shows_its_place_and_a_place_its_finding(page):
    row = page.locator("#reports tbody tr", has_text=seed(4).name)
    anchor = row.locator("td:nth-child(2) a").get_attribute("href")
    row.locator("td:nth-child(2) a").click()
    section = page.locator(anchor)
    assert section.is_visible()
    assert "能否提交：有 1 个错误" in section.locator(".rl-verdict").inner_text()
    # The error, in the list: click it, and its place in the text is marked and in view.
    link = section.locator(".rl-group.rl-error a.rl-finding").first
    assert "前面缺少对应的 《" in link.inner_text()
    number = link.locator("xpath=..").get_attribute("data-f")
    link.click()
    mark = section.locator(f'mark.rl-active[data-f~="{number}"]').first
    assert mark.inner_text() == "》"
    box = section.locator(".rl-text").bounding_box()
    where = mark.bounding_box()
    assert box["y"] <= where["y"] and where["y"] + where["height"] <= box["y"] + box["height"]
    # A marked place, clicked: its finding in the list is picked out (and its group opened).
    comma = section.locator("mark.rl-warning", has_text=",").nth(20)
    comma.click()
    active = section.locator(".rl-findings li.rl-active")
    assert active.count() == 1 and "中文中用了半角“,”：请改为全角“，”" in active.inner_text()
    assert active.is_visible()
    # Hovered, a marked place tells its finding.
    comma.hover()
    assert "中文中用了半角“,”：请改为全角“，”" in comma.get_attribute("title")


def test_rule_explanation_on_demand(page):
    section = page.locator(".rl-report", has_text=seed(4).name).first
    button = section.locator('button.rl-explain[data-code="RL404"]')
    box = section.locator('.rl-rule[data-code="RL404"] .rl-explanation')
    assert not box.is_visible()
    button.click()
    assert box.is_visible() and "GB/T 15834" in box.inner_text()
    assert "会被标出的写法" in box.inner_text()
    button.click()
    assert not box.is_visible()


def test_screenshot_of_the_report_over_the_samples(page):
    folder = artifacts()
    page.screenshot(path=str(folder / "html-report.png"))
    section = page.locator(".rl-report", has_text=seed(4).name).first
    section.scroll_into_view_if_needed()
    section.locator(".rl-group.rl-error a.rl-finding").first.click()
    section.screenshot(path=str(folder / "html-report-detail.png"))
    for name in ("html-report.png", "html-report-detail.png"):
        data = (folder / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000
