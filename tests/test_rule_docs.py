"""Rule documentation as data in the packs (ruff's fixed sections), the 建议
line of each message, and the pages and README table generated from them."""

from __future__ import annotations

import json
from textwrap import dedent

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from reportlint.checks import RuleError, load_pack_text
from reportlint.checks.rules import DOC_SECTIONS
from reportlint.cli import main
from reportlint.ruledocs import paragraphs, stale, terminal, wrap

from support import ROOT, builtin_rules, lint, seed


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# -- the built-in packs carry every section -----------------------------------------


@pytest.mark.parametrize("rule", builtin_rules().rules, ids=lambda r: r.code)
def test_every_builtin_rule_is_documented_in_every_section(rule) -> None:
    docs = rule.docs
    for section in DOC_SECTIONS:
        assert getattr(docs, section), f"{rule.code} lacks docs.{section}"
    assert "\n" not in docs.summary
    assert rule.examples.get("invalid") and rule.examples.get("valid")
    for key, message in rule.messages.items():
        assert message.suggestion, f"{rule.code} {key} has no suggestion"
        assert message.text[-1] not in "。，；：", f"{rule.code} {key} ends in a mark"


def test_the_generated_pages_and_readme_table_are_current() -> None:
    # Run `python -m reportlint.ruledocs` after editing a rule's docs or messages.
    assert stale(ROOT) == []


def test_every_rule_has_its_page_and_a_row_linking_to_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in builtin_rules().rules:
        page = (ROOT / "docs" / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
        assert page.splitlines()[2] == f"# {rule.code} {rule.name}"
        for title in ("## 做什么", "## 为什么", "## 示例", "## 修复", "## 依据与参考"):
            assert title in page, (rule.code, title)
        assert f"| [{rule.code}](docs/rules/{rule.code}.md) | {rule.name} |" in readme


def test_a_stale_page_is_found(tmp_path) -> None:
    for name in ("README.md",):
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "docs" / "rules").mkdir(parents=True)
    for page in (ROOT / "docs" / "rules").glob("*.md"):
        (tmp_path / "docs" / "rules" / page.name).write_text(
            page.read_text(encoding="utf-8"), encoding="utf-8"
        )
    for pack in (ROOT / "rules").glob("*.yaml"):
        (tmp_path / "rules" / pack.name).write_text(pack.read_text(encoding="utf-8"))
    assert stale(tmp_path) == []
    edited = tmp_path / "docs" / "rules" / "RL201.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "手改的一行\n", encoding="utf-8")
    (tmp_path / "docs" / "rules" / "RL999.md").write_text("没有这条规则\n", encoding="utf-8")
    assert stale(tmp_path) == [edited, tmp_path / "docs" / "rules" / "RL999.md"]


# -- reportlint rule ---------------------------------------------------------------


def test_rule_command_prints_the_sections_in_order() -> None:
    out = run("rule", "percentage-consistency").output
    assert out.startswith("RL201 percentage-consistency：")
    titles = ["【做什么】", "【为什么】", "【示例】", "【修复】", "【已知局限】"]
    titles += ["【消息与建议】", "【依据与参考】", "【选择与配置】"]
    positions = [out.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "  mismatch [error] “{name}”写的是{stated}%" in out
    assert "    建议：核对数字" in out  # the suggestion as the 建议 line shows it, without 请
    assert "不自动修复。" in out.split("【修复】")[1]
    assert "可自动修复（--fix）。" in run("rule", "RL404").output.split("【修复】")[1]


def test_rule_command_wraps_prose_to_the_terminal(monkeypatch) -> None:
    rule = next(r for r in builtin_rules().rules if r.code == "RL202")
    text = terminal(rule, 60)
    prose = text.split("【示例】")[0].splitlines()[2:]  # examples are shown as written
    # a closing mark hangs past the edge rather than open a line
    assert prose and all(cell_len(line.rstrip("，。、；：）”")) <= 60 for line in prose)
    assert not any(line.lstrip().startswith(("，", "。", "、", "”")) for line in prose)
    # unwrapped, each paragraph is one line: the wrapped text joined back
    joined = "".join(line.strip() for line in text.split("【为什么】")[1].split("【")[0].split())
    assert joined == "".join(paragraphs(rule.docs.why))


def test_wrap_keeps_ascii_words_whole() -> None:
    lines = wrap("请用 --report-year 指定报告年度，或在标题中写明年份。", 24, "  ")
    assert any("--report-year" in line for line in lines)
    assert all(cell_len(line) <= 24 for line in lines)


def test_paragraphs_join_wrapped_lines_without_spaces_in_chinese() -> None:
    text = "第一段第一行\n接着写。\n\n第二段 GB/T\n9704 的条款\n- 一项\n  续行\n- 另一项"
    assert paragraphs(text) == [
        "第一段第一行接着写。",
        "第二段 GB/T 9704 的条款",
        "- 一项续行",
        "- 另一项",
    ]


def test_rules_json_carries_the_sections_and_the_suggestions() -> None:
    rules = json.loads(run("rules", "--format", "json").output)
    signature = next(r for r in rules if r["code"] == "RL103")
    assert signature["summary"].startswith("报告末尾没有落款")
    assert "GB/T 9704—2012" in signature["docs"]["why"]
    assert signature["messages"]["missing-date"]["suggestion"] == "请写明日期（如“2025年1月20日”）"


# -- the suggestion under a finding -------------------------------------------------


def test_a_finding_ends_in_its_suggestion_which_the_text_output_shows_apart() -> None:
    (d,) = lint("学习习近平法治思想7学习宪法。", "RL410")
    assert d.suggestion == "请补上单位（如“次”“部”）或句号"
    assert d.message == f"{d.finding}：{d.suggestion}"
    assert d.finding == "“7学习”：数字后面缺少单位或标点，和下文连在了一起"
    assert d.to_json()["suggestion"] == d.suggestion
    assert d.to_json()["message"] == d.message  # the JSON message stays the whole sentence


def test_text_output_has_a_suggestion_line_under_the_frame() -> None:
    out = run("check", "--select", "RL103", "--color", "never", str(seed(1))).output
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if ": RL103 [error] " in line)
    assert lines[head].endswith("落款日期“2024117”格式不正确（缺少“年”“月”“日”）")
    assert lines[head + 1] == "   |" and lines[head + 2].startswith("45 | ")
    assert lines[head + 3].endswith("^^^^^^^")
    assert lines[head + 4] == "   = 建议：改为“2024年1月17日”"
    concise = run("check", "--select", "RL103", "--format", "concise", str(seed(1))).output
    assert "格式不正确（缺少“年”“月”“日”）：请改为“2024年1月17日”" in concise


# -- user packs: the sections are optional ---------------------------------------------

USER_PACK = dedent(
    """\
    rules:
      - code: X401
        name: no-xyz
        kind: existence
        severity: warning
    {rest}
        params:
          patterns: ["法制政府"]
    """
)


def user_pack(rest: str) -> str:
    return USER_PACK.format(
        rest=dedent(rest).strip("\n").replace("\n", "\n    ").join(["    ", ""])
    )


def test_a_user_pack_may_leave_out_the_docs_and_the_suggestion() -> None:
    (rule,) = load_pack_text(user_pack("message: 不要写“{match}”"), "mine.yaml")
    assert rule.summary == "" and rule.docs.what == ""
    assert rule.messages["default"].suggestion == ""
    (d,) = lint_with(rule, "建设法制政府。")
    assert d.message == "不要写“法制政府”" and d.suggestion == "" and d.finding == d.message


def test_a_user_pack_may_give_some_sections_and_a_suggestion() -> None:
    text = user_pack(
        """
        docs:
          summary: 本省要求写“法治政府”
          why: 本省模板的要求。
        message:
          text: 不要写“{match}”
          suggestion: 请改为“法治政府”
        """
    )
    (rule,) = load_pack_text(text, "mine.yaml")
    assert (rule.summary, rule.description, rule.docs.fix) == (
        "本省要求写“法治政府”",
        "本省模板的要求。",
        "",
    )
    (d,) = lint_with(rule, "建设法制政府。")
    assert d.message == "不要写“法制政府”：请改为“法治政府”"
    assert "【为什么】\n  本省模板的要求。" in rule.explain()


def test_a_user_pack_may_keep_the_older_description() -> None:
    text = user_pack("description: 本省要求。\nmessage: 不要写“{match}”")
    (rule,) = load_pack_text(text, "mine.yaml")
    assert rule.description == "本省要求。" and rule.summary == "本省要求。"


@pytest.mark.parametrize(
    ("rest", "key", "words"),
    [
        ("description: 甲\ndocs: {why: 乙}\nmessage: 不要写", "description", "只能写一个"),
        ("docs: {wyh: 乙}\nmessage: 不要写", "docs.wyh", "未知的键"),
        ("docs: {references: 甲}\nmessage: 不要写", "docs.references", "列表"),
        ('docs: {summary: "两行\\n摘要"}\nmessage: 不要写', "docs.summary", "一行"),
        (
            "message:\n  text: 不要写\n  suggestion: 请改为{replacment}",
            "message.suggestion",
            "占位符",
        ),
        ("message: {text: 不要写。, suggestion: 请删去}", "message", "不以标点结尾"),
    ],
)
def test_bad_docs_in_a_user_pack_name_the_key(rest: str, key: str, words: str) -> None:
    with pytest.raises(RuleError) as info:
        load_pack_text(user_pack(rest), "mine.yaml")
    assert info.value.key == key and info.value.rule == "X401"
    assert words in str(info.value)


# -- built-in packs: a missing section is a load error --------------------------------

FULL = """
docs:
  summary: 不要写“法制政府”
  what: 找出“法制政府”。
  why: 应为法治政府。
  fix: 不自动修复。
  references: [《法治政府建设实施纲要（2021—2025年）》]
message:
  text: 不要写“{match}”
  suggestion: 请改为“法治政府”
examples:
  invalid: [建设法制政府。]
  valid: [建设法治政府。]
"""


def test_a_fully_documented_rule_loads_strictly() -> None:
    (rule,) = load_pack_text(user_pack(FULL), "builtin.yaml", strict=True)
    assert rule.docs.references == ("《法治政府建设实施纲要（2021—2025年）》",)


@pytest.mark.parametrize(
    ("drop", "key"),
    [
        ("  why: 应为法治政府。\n", "docs.why"),
        ("  references: [《法治政府建设实施纲要（2021—2025年）》]\n", "docs.references"),
        ("  suggestion: 请改为“法治政府”\n", "message.suggestion"),
        ("  valid: [建设法治政府。]\n", "examples.valid"),
    ],
)
def test_a_builtin_rule_missing_a_section_fails_to_load(drop: str, key: str) -> None:
    assert drop in FULL
    with pytest.raises(RuleError) as info:
        load_pack_text(user_pack(FULL.replace(drop, "")), "builtin.yaml", strict=True)
    assert info.value.key == key and info.value.line is not None
    # the same rule is fine in a user's pack
    load_pack_text(user_pack(FULL.replace(drop, "")), "mine.yaml")


def lint_with(rule, text: str):
    from reportlint.checks import RuleSet

    from support import document

    return RuleSet([rule]).run(document(text))
