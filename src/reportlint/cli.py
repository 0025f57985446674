"""The command line: `reportlint check`, `reportlint rules`, `reportlint rule`.

Exit codes (DESIGN.md section 4): 0 no violation at or above the fail level,
1 violations, 2 usage error, unreadable input or bad configuration.
"""

from __future__ import annotations

import sys

import click

from reportlint import __version__
from reportlint.checks import CheckCrash, RuleError, RuleSet, Severity
from reportlint.load import STDIN_NAME
from reportlint.report import FORMATS, get_formatter
from reportlint.runner import FixMode, check_paths

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _load_rules(packs: tuple[str, ...]) -> RuleSet:
    try:
        rules = RuleSet.load()
        if packs:
            rules = RuleSet([*rules.rules, *RuleSet.load(packs, verify_examples=True).rules])
        return rules
    except RuleError as exc:
        click.echo(f"reportlint: 规则配置错误：{exc}", err=True)
        sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def main() -> None:
    """reportlint: 法治政府建设年度报告检查工具。"""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--select", multiple=True, help="Only these rules (code, code prefix or slug; comma-separated)."
)
@click.option("--extend-select", multiple=True, help="Add these rules to the default set.")
@click.option("--ignore", multiple=True, help="Skip these rules.")
@click.option(
    "--rules",
    "packs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="An extra rule pack (YAML) to load.",
)
@click.option(
    "--fail-level",
    type=click.Choice([s.value for s in Severity]),
    default="info",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are violations.")
@click.option(
    "--output",
    "output_file",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of standard output.",
)
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each finding.")
@click.option(
    "--fix", is_flag=True, help="Apply safe fixes to the files, then report what remains."
)
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Show the fixes as a diff; write nothing.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    packs: tuple[str, ...],
    fail_level: str,
    exit_zero: bool,
    output_file: str | None,
    statistics: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
) -> None:
    """Check reports: files, directories (searched for *.txt) or - for standard input."""
    if not paths:
        raise click.UsageError("请指定要检查的文件或目录（用 - 读取标准输入）")
    rules = _load_rules(packs)
    selectors = _split(select) + _split(extend_select) + _split(ignore)
    unknown = rules.unknown_selectors(selectors)
    if unknown:
        raise click.UsageError(
            f"没有这样的规则：{', '.join(unknown)}（用 reportlint rules 查看全部）"
        )
    rules = rules.selected(_split(select), _split(ignore), _split(extend_select))
    if (fix or diff) and STDIN_NAME in paths:
        raise click.UsageError("标准输入（-）不能修复：请对文件使用 --fix 或 --diff")
    mode: FixMode | None = "diff" if diff else "fix" if fix else None
    try:
        result = check_paths(paths, rules, fix=mode, unsafe_fixes=unsafe_fixes)
    except CheckCrash as exc:
        click.echo(f"reportlint: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if diff:
        # Like ruff: the diff on stdout, exit 1 when something would change.
        click.echo("".join(result.diffs), nl=False)
        for error in result.errors:
            click.echo(f"{error.path}: {error.code} {error.message}", err=True)
        click.echo(f"可自动修复 {result.fixed} 处（{result.fixed_files} 个文件）。", err=True)
        sys.exit(EXIT_ERROR if result.errors else EXIT_VIOLATIONS if result.diffs else EXIT_CLEAN)
    if statistics and output_format == "text":
        from reportlint.report.text import format_statistics

        report = format_statistics(result)
    else:
        report = get_formatter(output_format)(result)
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8") as handle:
                handle.write(report + "\n")
        except OSError as exc:
            click.echo(f"reportlint: 无法写入 {output_file}：{exc.strerror or exc}", err=True)
            sys.exit(EXIT_ERROR)
    else:
        click.echo(report)
    if result.errors:
        sys.exit(EXIT_ERROR)
    threshold = Severity(fail_level).rank
    failing = any(d.severity.rank >= threshold for d in result.diagnostics)
    sys.exit(EXIT_VIOLATIONS if failing and not exit_zero else EXIT_CLEAN)


@main.command("rules")
def list_rules() -> None:
    """List every rule: code, slug, severity, kind and summary."""
    for rule in _load_rules(()).rules:
        summary = rule.description.splitlines()[0] if rule.description else ""
        state = "" if rule.enabled else "（默认关闭）"
        click.echo(
            f"{rule.code}  {rule.name:<24} {rule.severity.value:<8} {rule.kind:<10} {summary}{state}"
        )


@main.command("rule")
@click.argument("name")
def explain_rule(name: str) -> None:
    """Explain one rule, by code or slug."""
    for rule in _load_rules(()).rules:
        if name in (rule.code, rule.name):
            click.echo(
                f"{rule.code} {rule.name}（{rule.kind}，默认级别 {rule.severity.value}，规则包 {rule.pack}）\n"
            )
            click.echo(rule.description + "\n")
            click.echo("消息：")
            for message_id, message in rule.messages.items():
                click.echo(f"  {message_id} [{message.severity.value}] {message.text}")
            for kind, label in (("invalid", "会被标出的写法"), ("valid", "不会被标出的写法")):
                if rule.examples.get(kind):
                    click.echo(f"\n{label}：")
                    for example in rule.examples[kind]:
                        click.echo("  " + example.replace("\n", "\n  "))
            click.echo(f"\n选择或忽略：--select {rule.code} / --ignore {rule.name}")
            return
    raise click.UsageError(f"没有这样的规则：{name}")
