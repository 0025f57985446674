"""HTML: one report rendered with its findings in place, and the batch report.

`render_report` is the one renderer of a single report (its verdict, its
counts, its text with each finding marked where it is, the findings grouped
by severity and rule); the batch report (`--format html`) puts one per file
under a sortable, filterable table, and the clerk's page (`reportlint
serve`) shows one at a time.  Both pages load the same stylesheet and script
(`assets/report.css`, `assets/report.js`) and one table of rule
explanations (`rules_script`), so the two uses cannot drift apart.

The batch report is one self-contained file: styles, scripts and the chart
(inline SVG) are inside it; it loads nothing from the network.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from functools import cache
from html import escape
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from reportlint import __version__
from reportlint.checks import Diagnostic, Rule, Severity
from reportlint.report import VERDICT_LABELS, FileView, FormatOptions, RunResult, visible

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
FOLD_AFTER = 10  # findings of one rule listed open; more start folded


@cache
def asset(name: str) -> str:
    """A stylesheet or script shipped in the package (report/assets/)."""
    return (files("reportlint.report") / "assets" / name).read_text(encoding="utf-8")


def explanation(rule: Rule) -> str:
    """What 规则说明 opens: why the rule exists and its own examples."""
    parts = [f"{rule.code} {rule.name}", "", rule.description.strip() or rule.summary]
    for kind, label in (("invalid", "会被标出的写法"), ("valid", "不会被标出的写法")):
        if rule.examples.get(kind):
            parts += ["", f"{label}：", *(f"  {example}" for example in rule.examples[kind])]
    return "\n".join(parts)


def rules_script(rules: Iterable[Rule]) -> str:
    """The rule explanations, once per page, for report.js to show on demand."""
    from reportlint.report import FILE_ERRORS

    table = {rule.code: explanation(rule) for rule in rules}
    table.update(
        {code: f"{code} {slug}\n\n{meaning}" for (code, slug), meaning in FILE_ERRORS.items()}
    )
    data = json.dumps(table, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="rl-rules">{data}</script>'


# -- one report ------------------------------------------------------------


def verdict_line(view: FileView) -> tuple[str, str]:
    """The sentence at the top (能否提交：…) and its class."""
    counts = view.counts
    errors = counts[Severity.ERROR]
    if view.info is None:
        message = view.error.message if view.error else "文件无法检查"
        return f"无法检查：{message}", "rl-unreadable"
    if errors:
        return f"能否提交：有 {errors} 个错误，请修改后再提交", "rl-fail"
    if view.verdict == "fail":
        failing = sum(n for s, n in counts.items() if s.rank >= view.info.fail_level.rank)
        return (
            f"能否提交：没有错误，但有 {failing} 个问题达到了设定的失败级别"
            f"（{view.info.fail_level.label}），请修改后再提交",
            "rl-fail",
        )
    rest = "；".join(f"有 {counts[s]} 个{s.label}，建议修改" for s in SEVERITIES[1:] if counts[s])
    return "能否提交：可以，没有发现错误" + (f"（{rest}）" if rest else ""), "rl-pass"


def render_report(view: FileView, anchor: str, summaries: Mapping[str, str] | None = None) -> str:
    """One report as an HTML fragment: a <section class="rl-report"> whose
    findings are numbered in the order of view.diagnostics; `summaries` (code ->
    the rule's one-line summary) name the rules in Chinese for the people who
    read the page, the slug stays for those who configure it."""
    info = view.info
    title = info.title if info and info.title else Path(view.path).name
    meta = [f"文件：{view.path}"]
    if info:
        meta.append(f"发文单位：{info.issuer or '（未找到落款）'}")
        meta.append(f"年度：{info.year or '（未能确定）'}")
        if info.copied is not None:
            meta.append(f"雷同文字：{info.copied:.0%}")
    sentence, verdict_class = verdict_line(view)
    counts = view.counts
    chips = "".join(f'<li class="rl-{s.value}">{s.label} {counts[s]}</li>' for s in SEVERITIES)
    text = info.text if info else None
    body = ""
    if text is not None:
        body = (
            f'<div class="rl-body"><div class="rl-text" lang="zh-CN">'
            f"{marked_text(text, view.diagnostics, anchor)}</div>"
            f'<div class="rl-findings">{findings_list(view.diagnostics, anchor, summaries)}'
            "</div></div>"
        )
    else:
        body = (
            f'<div class="rl-findings">{findings_list(view.diagnostics, anchor, summaries)}</div>'
        )
    return (
        f'<section class="rl-report" id="{anchor}" data-verdict="{view.verdict}">'
        f'<header class="rl-head"><h2>{_e(title)}</h2>'
        f'<p class="rl-meta">{_e(" · ".join(meta))}</p>'
        f'<p class="rl-verdict {verdict_class}">{_e(sentence)}</p>'
        f'<ul class="rl-counts">{chips}</ul></header>{body}</section>'
    )


def marked_text(text: str, diagnostics: list[Diagnostic], anchor: str) -> str:
    """The report's text with each finding wrapped in a <mark> where it is.

    Findings may overlap: the text is cut at every start and end, and each
    piece is marked with every finding covering it (data-f lists their
    numbers) in the colour of the most serious.  A finding of no width (a
    place where something is missing) marks the character after it.
    """
    spans: list[tuple[int, int, int]] = []
    for number, d in enumerate(diagnostics):
        start = min(max(d.span.start, 0), len(text))
        end = min(max(d.span.end, start), len(text))
        if start == end:
            if not text:
                continue
            start, end = (start, start + 1) if start < len(text) else (start - 1, start)
        spans.append((start, end, number))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for start, end, number in spans:
        opening.setdefault(start, []).append(number)
        closing.setdefault(end, []).append(number)
    active: set[int] = set()
    out: list[str] = []
    for lo, hi in pairwise(cuts):
        active.difference_update(closing.get(lo, ()))
        active.update(opening.get(lo, ()))
        piece = text[lo:hi]
        # Each finding's place, for links to it: the mark itself when one
        # finding starts here, else an empty anchor per finding.
        starting = opening.get(lo, [])
        if len(starting) != 1 or not active:
            out.extend(f'<span class="rl-at" id="{anchor}-f{n}"></span>' for n in starting)
        if not active:
            out.append(_e(piece))
            continue
        covering = sorted(active)
        worst = min(covering, key=lambda n: -diagnostics[n].severity.rank)
        classes = f"rl-mark rl-{diagnostics[worst].severity.value}"
        if not piece.strip("\n"):
            classes += " rl-nl"
        numbers = " ".join(str(n) for n in covering)
        where = f' id="{anchor}-f{starting[0]}"' if len(starting) == 1 else ""
        # No title: report.js shows the findings' messages on hover, from the list.
        out.append(f'<mark class="{classes}"{where} data-f="{numbers}">{_e(piece)}</mark>')
    return "".join(out)


def findings_list(
    diagnostics: list[Diagnostic], anchor: str, summaries: Mapping[str, str] | None = None
) -> str:
    """The findings grouped by severity, then by rule, each linked to its place."""
    if not diagnostics:
        return '<p class="rl-nothing">没有发现问题。</p>'
    out = []
    for severity in SEVERITIES:
        numbered = [(n, d) for n, d in enumerate(diagnostics) if d.severity is severity]
        if not numbered:
            continue
        out.append(
            f'<section class="rl-group rl-{severity.value}">'
            f"<h3>{severity.label}（{len(numbered)}）</h3>"
        )
        by_rule: dict[str, list[tuple[int, Diagnostic]]] = {}
        for n, d in numbered:
            by_rule.setdefault(d.code, []).append((n, d))
        for code, items in sorted(by_rule.items(), key=_rule_order):
            rule = items[0][1].rule
            # A long run of one warning starts folded, so the rest stays in view.
            folded = severity is not Severity.ERROR and len(items) > FOLD_AFTER
            fixable = all(_automatic(d) for _, d in items)
            count = f"{len(items)} 处" + ("，均可自动修正" if fixable and len(items) > 1 else "")
            out.append(
                f'<details class="rl-rule" data-code="{_e(code)}"{"" if folded else " open"}>'
                f'<summary><code title="{_e(rule)}">{_e(code)}</code> '
                f"{_e((summaries or {}).get(code) or rule)}（{count}）"
                f'<button type="button" class="rl-explain" data-code="{_e(code)}" '
                f'aria-expanded="false">规则说明</button></summary>'
                f'<div class="rl-explanation" hidden></div><ol>'
            )
            out.extend(_item(n, d, anchor) for n, d in items)
            out.append("</ol></details>")
        out.append("</section>")
    return "".join(out)


def _rule_order(group: tuple[str, list[tuple[int, Diagnostic]]]) -> tuple[bool, str]:
    """Within a severity, the rules whose findings need a person first (a
    wrong sum, a late date), by code: statutory parts, figures, references,
    then form; those fixed automatically (hundreds of half-width commas)
    last, where they do not bury the rest."""
    code, items = group
    return all(_automatic(d) for _, d in items), code


def _automatic(d: Diagnostic) -> bool:
    """Fixed by --fix and in the page's fixed text: a safe fix (an unsafe one
    is a suggestion for a person to check)."""
    return d.fix is not None and d.fix.safe


def _item(number: int, d: Diagnostic, anchor: str) -> str:
    suggestion = ""
    if d.fix is not None:
        new = visible(d.fix.replacement)
        # The message usually names the replacement already (应为全角“，”).
        said = f"“{new}”" in d.message or not new.strip()
        if not d.fix.safe:  # not in the fixed text: for a person to check
            advice = "请核对后自行修改" if said else f"建议改为“{_e(new)}”，请核对后自行修改"
            suggestion = f'<span class="rl-suggest">{advice}</span>'
        elif said:
            suggestion = '<span class="rl-suggest">可自动修正</span>'
        else:
            suggestion = f'<span class="rl-suggest">可自动修正为“{_e(new)}”</span>'

    where = f"第 {d.line} 行" if d.source_line else "整个文件"
    return (
        f'<li data-f="{number}"><a class="rl-finding" href="#{anchor}-f{number}">'
        f'<span class="rl-where">{where}</span>{_e(visible(d.message))}</a>'
        f"{suggestion}</li>"
    )


def _e(text: str) -> str:
    return escape(text, quote=True)


# -- the batch report ------------------------------------------------------


class Overview(NamedTuple):
    """What the tabled formats (html, markdown, xlsx) show before any report's
    details, from one pass over the run: an outline of each file, worst first,
    and the findings counted by severity, by rule and by the files with each rule."""

    views: list[FileView]
    severities: Counter[Severity]
    per_rule: Counter[str]
    files_with: Counter[str]
    names: dict[str, str]  # each rule code's name


def overview_of(result: RunResult, also: Callable[[FileView], object] | None = None) -> Overview:
    """The run's Overview; `also` sees each file's whole view as it is read."""
    outlines = []
    severities: Counter[Severity] = Counter()
    per_rule: Counter[str] = Counter()
    files_with: Counter[str] = Counter()
    names: dict[str, str] = {}
    for file in result.per_file():
        view = file.view()
        outlines.append(view.outline())
        for d in view.diagnostics:
            severities[d.severity] += 1
            per_rule[d.code] += 1
            names[d.code] = d.rule
        files_with.update({d.code for d in view.diagnostics})
        if also is not None:
            also(view)
    return Overview(ranked(outlines), severities, per_rule, files_with, names)


def ranked(views: list[FileView]) -> list[FileView]:
    """Worst first: unreadable files, then failing ones by errors, warnings and
    notes, then those that pass; ties in path order."""
    order = {"unreadable": 0, "fail": 1, "pass": 2}

    def key(view: FileView) -> tuple[int, int, int, int, str]:
        counts = view.counts
        errors, warnings, notes = (counts[s] for s in SEVERITIES)
        return (order[view.verdict], -errors, -warnings, -notes, view.path)

    return sorted(views, key=key)


def format_html(result: RunResult, options: FormatOptions | None = None) -> str:
    return "".join(write_html(result, options))


def write_html(result: RunResult, options: FormatOptions | None = None) -> Iterator[str]:
    """format_html read in two passes: the table and the chart from an outline
    of each file, then each report rendered as it is read again."""
    chart = _Chart()
    views, severities, *_ = overview_of(result, also=chart.add)
    anchors = {view.path: f"r{i + 1}" for i, view in enumerate(views)}
    summaries = {rule.code: rule.summary for rule in result.rules}
    verdicts = Counter(view.verdict for view in views)
    overview = "，".join(
        f"{VERDICT_LABELS[v]} {verdicts[v]} 份"
        for v in ("pass", "fail", "unreadable")
        if verdicts[v]
    )
    found = "，".join(f"{s.label} {severities[s]} 个" for s in SEVERITIES if severities[s])
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    yield "".join(
        [
            '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>法治政府建设年度报告检查结果</title>",
            f"<style>{asset('report.css')}{asset('batch.css')}</style></head><body>",
            '<header class="page"><h1>法治政府建设年度报告检查结果</h1>',
            f"<p>共 {len(views)} 份报告：{_e(overview or '无')}。发现问题：{_e(found or '无')}。</p>",
            f'<p class="stamp">reportlint {__version__} 生成于 {stamp}。'
            "点击表头排序；点击文件名查看该报告的全文和问题。</p></header>",
            _table(views, anchors),
            chart.render(result, views),
            '<section id="details"><h2>各报告详情</h2>',
        ]
    )
    for outline in views:
        yield render_report(result.file(outline.path).view(), anchors[outline.path], summaries)
    yield "".join(
        [
            "</section>",
            rules_script(result.rules),
            f"<script>{asset('report.js')}{asset('batch.js')}</script></body></html>",
        ]
    )


def _table(views: list[FileView], anchors: dict[str, str]) -> str:
    head: tuple[tuple[str, str], ...] = (
        ("排名", "number"),
        ("文件", "text"),
        ("标题", "text"),
        ("发文单位", "text"),
        ("年度", "number"),
        ("结论", "text"),
        ("错误", "number"),
        ("警告", "number"),
        ("提示", "number"),
        ("最严重的问题", "text"),
    )
    # The share of each report's text found in other reports, when they were compared (RL310).
    compared = any(view.info and view.info.copied is not None for view in views)
    if compared:
        head += (("雷同文字", "number"),)
    rows = []
    for rank, view in enumerate(views, 1):
        info, counts, worst = view.info, view.counts, view.worst
        worst_text = f"{worst.code} 第 {worst.line} 行：{visible(worst.message)}" if worst else ""
        cells = [
            (str(rank), str(rank)),
            (f'<a href="#{anchors[view.path]}">{_e(view.path)}</a>', view.path),
            (_e(info.title if info else ""), info.title if info else ""),
            (_e(info.issuer if info else ""), info.issuer if info else ""),
            (str(info.year) if info and info.year else "", str(info.year or "") if info else ""),
            (
                f'<span class="verdict {view.verdict}">{VERDICT_LABELS[view.verdict]}</span>',
                VERDICT_LABELS[view.verdict],
            ),
            *((str(counts[s]), str(counts[s])) for s in SEVERITIES),
            (_e(worst_text), worst_text),
        ]
        if compared:
            share = view.info.copied if view.info else None
            cells.append(
                ("" if share is None else f"{share:.0%}", "" if share is None else f"{share:.4f}")
            )
        tds = "".join(f'<td data-value="{_e(value)}">{shown}</td>' for shown, value in cells)
        rows.append(f'<tr data-verdict="{view.verdict}">{tds}</tr>')
    ths = "".join(
        f'<th data-type="{kind}" aria-sort="none"><button type="button">{label}</button></th>'
        for label, kind in head
    )
    choices = "".join(
        f'<option value="{v}">{label}</option>' for v, label in VERDICT_LABELS.items()
    )
    return (
        '<section id="overview"><h2>各报告情况</h2><div class="filters">'
        '<label>筛选 <input type="search" id="filter-text" placeholder="文件名、标题、单位、问题…">'
        "</label> "
        '<label>结论 <select id="filter-verdict"><option value="">全部</option>'
        f"{choices}</select></label> "
        '<span id="filter-count" aria-live="polite"></span></div>'
        f'<table id="reports"><thead><tr>{ths}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></section>"
    )


class _Chart:
    """Findings per rule, most frequent first: a bar chart (inline SVG) and a
    table, counted a file at a time."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.files_with: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        # Each file's most serious severity of each rule: a bar takes the
        # colour of the last report (in the table's order) with the rule.
        self.worst: dict[str, dict[str, Severity]] = {}

    def add(self, view: FileView) -> None:
        self.counts.update(d.code for d in view.diagnostics)
        self.files_with.update({d.code for d in view.diagnostics})
        self.names.update((d.code, d.rule) for d in view.diagnostics)
        worst = {
            d.code: d.severity for d in sorted(view.diagnostics, key=lambda d: d.severity.rank)
        }
        if worst:
            self.worst[view.path] = worst

    def render(self, result: RunResult, views: list[FileView]) -> str:
        worst: dict[str, Severity] = {}
        for view in views:
            worst.update(self.worst.get(view.path, {}))
        return _rule_chart(result, self.counts, self.files_with, self.names, worst)


def _rule_chart(
    result: RunResult,
    counts: Counter[str],
    files_with: Counter[str],
    names: dict[str, str],
    worst: dict[str, Severity],
) -> str:
    summaries = {rule.code: rule.summary for rule in result.rules}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not ranked:
        return '<section id="rules"><h2>各规则问题数</h2><p>没有发现问题。</p></section>'
    label_width, bar_width, row = 230, 420, 26
    top = ranked[0][1]
    bars = []
    for i, (code, n) in enumerate(ranked):
        y = i * row
        width = max(2, round(bar_width * n / top))
        bars.append(
            f'<g class="bar {worst[code].value}"><title>{_e(code)} {_e(names[code])}：{n} 个</title>'
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end">'
            f"{_e(code)} {_e(names[code])}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{width}" height="{row - 8}" rx="3"/>'
            f'<text x="{label_width + width + 6}" y="{y + 17}">{n}</text></g>'
        )
    height = row * len(ranked)
    svg = (
        f'<svg class="chart" role="img" aria-label="各规则问题数" '
        f'viewBox="0 0 {label_width + bar_width + 60} {height}" '
        f'width="{label_width + bar_width + 60}" height="{height}">{"".join(bars)}</svg>'
    )
    rows = "".join(
        f"<tr><td><code>{_e(code)}</code></td><td>{_e(names[code])}</td><td>{n}</td>"
        f"<td>{files_with[code]}</td><td>{_e(summaries.get(code, ''))}</td></tr>"
        for code, n in ranked
    )
    return (
        f'<section id="rules"><h2>各规则问题数</h2>{svg}'
        '<table class="rule-table"><thead><tr><th>代码</th><th>规则</th><th>问题数</th>'
        f"<th>涉及报告数</th><th>说明</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )
