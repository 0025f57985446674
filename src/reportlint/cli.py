"""The command line: `reportlint check`, `reportlint rules`, `reportlint rule`.

Exit codes (DESIGN.md section 4): 0 no violation at or above the fail level,
1 violations, 2 usage error, unreadable input or bad configuration.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path
from typing import NoReturn

import click
from rich.cells import cell_len

from reportlint import __version__
from reportlint.checks import PatternTimeout, RuleSet, Severity
from reportlint.config import ConfigError, Configuration, Overrides
from reportlint.fix import FixError
from reportlint.load import REPORT_SUFFIXES, STDIN_NAME
from reportlint.report import (
    BINARY_FORMATS,
    EXTENSIONS,
    FORMATS,
    FormatOptions,
    RunResult,
    get_formatter,
)
from reportlint.runner import FixMode, check_paths

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _load_rules(packs: tuple[str, ...] = ()) -> RuleSet:
    """Every rule known here: built-in, configured packs and --rules packs."""
    overrides = Overrides(rule_packs=tuple(Path(p).resolve() for p in packs))
    try:
        return _configuration(overrides, None).all_rules(Path.cwd() / "report.txt")
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "-V", "--version", prog_name="reportlint", message="%(prog)s %(version)s"
)
def main() -> None:
    """reportlint: 法治政府建设年度报告检查工具。"""


# One --config for `check` and `config`: the same file, the same meaning.
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    help="Use this configuration file for every path (no search for the nearest).",
)


def _severity(value: str | None) -> Severity | None:
    return Severity(value) if value else None


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
@config_option
@click.option(
    "--select", multiple=True, help="Only these rules (code, code prefix or slug; comma-separated)."
)
@click.option("--extend-select", multiple=True, help="Add these rules to the configured set.")
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
    help="Lowest severity that makes the exit code 1 [default: info].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are violations.")
@click.option("--report-year", type=click.IntRange(2000, 2100), help="The year the report covers.")
@click.option(
    "--exclude", multiple=True, help="Skip these paths in directory walks (gitignore globs)."
)
@click.option(
    "--force-exclude", is_flag=True, help="Apply exclusions to files named on the command line too."
)
@click.option(
    "--output",
    "output_file",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Write the report into this folder (with --split-per-file: one file per report).",
)
@click.option(
    "--split-per-file",
    is_flag=True,
    help="With --output-dir: one report file per checked file, e.g. to send to each town.",
)
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of each finding.")
@click.option(
    "--show-all", is_flag=True, help="Show every finding; do not group repeated warnings."
)
@click.option(
    "--min-severity",
    type=click.Choice([s.value for s in Severity]),
    help="Report only findings of this severity or above (the rest count for nothing).",
)
@click.option(
    "--show-fixes",
    is_flag=True,
    help="Show what each fix changes (with --fix: list the fixes applied).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary, no notes.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output (auto: on a terminal, unless NO_COLOR is set or FORCE_COLOR).",
)
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=True,
    show_default=True,
    help="Skip files that .gitignore files ignore in directory walks.",
)
@click.option(
    "--fix", is_flag=True, help="Apply safe fixes to the files, then report what remains."
)
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Show the fixes as a diff; write nothing.")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, exists=True),
    help="Hide the findings recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record the current findings in this baseline file and exit 0.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1), help="Worker processes [default: by file count]."
)
@click.option(
    "--show-settings", is_flag=True, help="Print the settings for the first path and exit."
)
@click.option("--debug", is_flag=True, help="Show a traceback when reportlint itself fails.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    config_file: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    packs: tuple[str, ...],
    fail_level: str | None,
    exit_zero: bool,
    report_year: int | None,
    exclude: tuple[str, ...],
    force_exclude: bool,
    output_file: str | None,
    output_dir: str | None,
    split_per_file: bool,
    statistics: bool,
    show_all: bool,
    min_severity: str | None,
    show_fixes: bool,
    quiet: bool,
    color: str,
    respect_gitignore: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    baseline: str | None,
    write_baseline: str | None,
    jobs: int | None,
    show_settings: bool,
    debug: bool,
) -> None:
    """Check reports: files, directories (searched for reports) or - for standard input."""
    if not paths:
        raise click.UsageError("请指定要检查的文件或目录（用 - 读取标准输入）")
    if (fix or diff) and STDIN_NAME in paths:
        raise click.UsageError("标准输入（-）不能修复：请对文件使用 --fix 或 --diff")
    if statistics and output_format not in ("text", "json"):
        raise click.UsageError("--statistics 只能与 --format text 或 json 一起使用")
    if split_per_file and not output_dir:
        raise click.UsageError("--split-per-file 需要用 --output-dir 指定写入的目录")
    if output_dir and output_file:
        raise click.UsageError("--output 与 --output-dir 只能选一个")
    if split_per_file and (statistics or diff):
        raise click.UsageError("--split-per-file 不能与 --statistics 或 --diff 一起使用")
    if output_format in BINARY_FORMATS and not (output_file or output_dir) and _is_terminal():
        raise click.UsageError(
            f"--format {output_format} 生成的是二进制文件：请用 --output 文件名.{output_format} 写入文件"
        )
    overrides = Overrides(
        select=tuple(_split(select)) or None,
        extend_select=tuple(_split(extend_select)),
        ignore=tuple(_split(ignore)),
        fail_level=_severity(fail_level),
        rule_packs=tuple(Path(p).resolve() for p in packs),
        report_year=report_year,
        exclude=tuple(exclude),
    )
    config = _configuration(overrides, config_file)
    if show_settings:
        _show_settings(config, paths[0])
        return
    mode: FixMode | None = "diff" if diff else "fix" if fix else None
    try:
        result = check_paths(
            paths,
            config,
            fix=mode,
            unsafe_fixes=unsafe_fixes,
            jobs=jobs,
            force_exclude=force_exclude,
            respect_gitignore=respect_gitignore,
            keep_text=output_format == "html",
        )
        if not result.files_checked and not result.errors and not result.excluded:
            _nothing_checked(paths)
        if write_baseline:
            from reportlint.baseline import BaselineError
            from reportlint.baseline import write_baseline as write_baseline_file

            try:
                count = write_baseline_file(write_baseline, result.diagnostics)
            except BaselineError as exc:
                _fail(str(exc))
            except FixError as exc:  # read-only
                _fail(f"无法写入 {write_baseline}：{exc}")
            except OSError as exc:
                _fail(f"无法写入 {write_baseline}：{exc.strerror or exc}")
            click.echo(f"已将 {count} 个问题写入基线 {write_baseline}。", err=True)
            sys.exit(EXIT_ERROR if result.errors else EXIT_CLEAN)
        if baseline:
            _apply_baseline(result, baseline, quiet)
        if min_severity:
            floor = Severity(min_severity).rank
            result.below_minimum = [d for d in result.diagnostics if d.severity.rank < floor]
            result.diagnostics = [d for d in result.diagnostics if d.severity.rank >= floor]
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")
    except PatternTimeout as exc:
        _fail(str(exc))
    except Exception as exc:  # a bug of ours: one line, or the traceback on request
        if debug:
            raise
        _fail(f"内部错误：{type(exc).__name__}: {exc}（加 --debug 查看详情）")
    if diff:
        # Like ruff: the diff on stdout, exit 1 when something would change.
        _emit("".join(result.diffs), output_file, newline=False)
        for error in result.errors:
            click.echo(f"{error.path}: {error.code} {error.message}", err=True)
        if not quiet:
            click.echo(f"可自动修复 {result.fixed} 处（{result.fixed_files} 个文件）。", err=True)
        sys.exit(EXIT_ERROR if result.errors else EXIT_VIOLATIONS if result.diffs else EXIT_CLEAN)
    options = FormatOptions(
        show_all=show_all,
        show_fixes=show_fixes,
        width=max(40, shutil.get_terminal_size().columns),
        quiet=quiet,
    )
    colour = _colour(color)
    if output_dir and not split_per_file:
        _make_dir(Path(output_dir))
        output_file = str(Path(output_dir) / f"reportlint{EXTENSIONS[output_format]}")
    if split_per_file and output_dir:
        _write_split(result, output_format, options, Path(output_dir), quiet)
    elif statistics and output_format == "text":
        from reportlint.report.text import format_statistics

        _emit(format_statistics(result, options), output_file, colour=colour)
    elif statistics:
        from reportlint.report.json_format import format_statistics_json

        _emit(format_statistics_json(result), output_file)
    else:
        report = get_formatter(output_format)(result, options)
        _emit(report, output_file, csv=output_format == "csv", colour=colour)
    if result.errors:
        sys.exit(EXIT_ERROR)
    failing = any(
        d.severity.rank >= config.settings_for(d.path).fail_level.rank for d in result.diagnostics
    )
    sys.exit(EXIT_VIOLATIONS if failing and not exit_zero else EXIT_CLEAN)


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def _colour(choice: str) -> bool | None:
    """--color, then NO_COLOR and FORCE_COLOR (no-color.org, force-color.org);
    None leaves it to click: colour on a terminal only."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None


def _nothing_checked(paths: tuple[str, ...]) -> NoReturn:
    """No file was checked and none failed: a CI gate pointed at the wrong
    folder must not pass.  (Files named and excluded on purpose, as
    pre-commit's are with --force-exclude, are not this.)"""
    where = "、".join(paths)
    kinds = " ".join(REPORT_SUFFIXES)
    _fail(
        f"没有找到要检查的报告：{where} 中没有报告文件（{kinds}），"
        "或者都被排除了（exclude、.reportlintignore、.gitignore）。请检查路径"
    )


def _emit(
    report: str | bytes,
    output_file: str | None,
    newline: bool = True,
    csv: bool = False,
    colour: bool | None = None,
) -> None:
    """To standard output (colours only on a terminal), or plain to the file."""
    if isinstance(report, bytes):
        _emit_bytes(report, output_file)
        return
    if not output_file:
        # A CSV redirected into a file gets a byte-order mark too (see below);
        # a pipe or a terminal does not.
        if csv and _stdout_is_file():
            report = "\ufeff" + report
        if report:  # --quiet on a clean run prints nothing, not an empty line
            click.echo(report, nl=newline, color=colour)
        return
    # A CSV file gets a byte-order mark: Excel opens UTF-8 without one as the
    # local code page, which garbles Chinese on Chinese Windows.
    encoding = "utf-8-sig" if csv and output_file.lower().endswith(".csv") else "utf-8"
    try:
        with open(output_file, "w", encoding=encoding) as handle:
            handle.write(click.unstyle(report) + ("\n" if newline else ""))
    except OSError as exc:
        _fail(f"无法写入 {output_file}：{exc.strerror or exc}")


def _emit_bytes(data: bytes, output_file: str | None) -> None:
    if not output_file:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        with open(output_file, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        _fail(f"无法写入 {output_file}：{exc.strerror or exc}")


def _stdout_is_file() -> bool:
    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test runner)
        return False


def _make_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"无法创建目录 {folder}：{exc.strerror or exc}")


def _write_split(
    result: RunResult, output_format: str, options: FormatOptions, folder: Path, quiet: bool
) -> None:
    """--output-dir DIR --split-per-file: one report per checked file, named
    after it, in the folders the files were in (relative to what they share)."""
    from reportlint.fix import write_atomically
    from reportlint.report.split import split_names

    formatter = get_formatter(output_format)
    views = result.files()
    names = split_names([view.path for view in views], EXTENSIONS[output_format])
    replaced = 0
    for view in views:
        target = folder / names[view.path]
        report = formatter(result.subset(view), options)
        if isinstance(report, str):
            report = click.unstyle(report) + "\n"
            data = report.encode("utf-8-sig" if output_format == "csv" else "utf-8")
        else:
            data = report
        _make_dir(target.parent)
        replaced += target.exists()
        try:
            write_atomically(str(target), data)
        except (FixError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            _fail(f"无法写入 {target}：{reason}")
    if not quiet:
        note = f"（其中 {replaced} 个覆盖了原有文件）" if replaced else ""
        click.echo(f"已在 {folder} 中写入 {len(views)} 个文件{note}。", err=True)


def _fail(message: str) -> NoReturn:
    click.echo(f"reportlint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _configuration(overrides: Overrides, config_file: str | None) -> Configuration:
    try:
        return Configuration(overrides, Path(config_file) if config_file else None)
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")


def _apply_baseline(result: RunResult, file: str, quiet: bool) -> None:
    from reportlint.baseline import Baseline, BaselineError

    try:
        filtered = Baseline(file).filter(result.diagnostics, result.checked_paths)
    except BaselineError as exc:
        _fail(str(exc))
    result.diagnostics = filtered.kept
    result.baseline_hidden = filtered.hidden
    result.baseline_stale = [
        f"{entry.path}: {entry.code} {entry.message}"
        + (f"（{entry.count} 处）" if entry.count > 1 else "")
        for entry in filtered.stale
    ]
    for line in result.baseline_stale if not quiet else ():
        click.echo(f"基线中已不再出现：{line}", err=True)


def _show_settings(config: Configuration, path: str) -> None:
    # Settings are looked up from a file's folder; for a folder, from itself.
    probe = str(Path(path) / "report.txt") if Path(path).is_dir() else path
    try:
        settings = config.settings_for(probe)
        rules = config.rules_for(probe)
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")
    click.echo(f"路径：{path}")
    click.echo(f"配置文件：{settings.file or '无（使用默认设置）'}")
    rows = settings.shown()
    width = max(len(key) for key, _, _ in rows)
    value_width = max(cell_len(value) for _, value, _ in rows)
    for key, value, origin in rows:
        pad = " " * (value_width - cell_len(value))
        click.echo(f"  {key:<{width}} = {value}{pad}  # {origin}")
    click.echo(f"生效的规则（{len(rules.rules)} 条）：")
    for rule in rules.rules:
        click.echo(f"  {rule.code} {rule.name} [{rule.severity.value}]")


@main.command("config")
@click.argument("path", default=".", type=str)
@click.option("--show", is_flag=True, default=True, help="Print the effective settings (default).")
@config_option
def show_config(path: str, show: bool, config_file: str | None) -> None:
    """Show the settings that apply to PATH and where each came from."""
    _show_settings(_configuration(Overrides(), config_file), path)


@main.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def list_rules(output_format: str) -> None:
    """List every rule: code, slug, severity, fixable, kind and summary."""
    rules = _load_rules(()).rules
    if output_format == "json":
        import json

        rows = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity.value,
                "fixable": rule.check.fixable,
                "kind": rule.kind,
                "pack": rule.pack,
                "enabled": rule.enabled,
                "summary": rule.summary,
                "description": rule.description,
            }
            for rule in rules
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    mark = {"safe": "fix", "unsafe": "unsafe", None: ""}
    for rule in rules:
        state = "" if rule.enabled else "（默认关闭）"
        click.echo(
            f"{rule.code}  {rule.name:<24} {rule.severity.value:<8} "
            f"{mark[rule.check.fixable]:<7} {rule.kind:<16} {rule.summary}{state}"
        )


@main.command("rule")
@click.argument("name")
def explain_rule(name: str) -> None:
    """Explain one rule, by code or slug."""
    for rule in _load_rules(()).rules:
        if name in (rule.code, rule.name):
            click.echo(rule.explain())
            return
    from reportlint.report import FILE_ERRORS

    for (code, slug), meaning in FILE_ERRORS.items():
        if name in (code, slug):
            click.echo(
                f"{code} {slug}（文件错误，不是规则，不能用 --select/--ignore 选择）\n\n{meaning}"
            )
            return
    raise click.UsageError(f"没有这样的规则：{name}")


@main.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, exists=True))
@click.option("--force", is_flag=True, help="Overwrite an existing .reportlint.yaml.")
def init(directory: str, force: bool) -> None:
    """Write a commented starter .reportlint.yaml into DIRECTORY."""
    from reportlint.config import starter_config
    from reportlint.fix import write_atomically

    target = Path(directory) / ".reportlint.yaml"
    if target.exists() and not force:
        _fail(f"{target} 已存在，未改动（用 --force 覆盖）")
    pyproject = Path(directory) / "pyproject.toml"
    if (
        not force
        and pyproject.is_file()
        and "[tool.reportlint]" in pyproject.read_text("utf-8", "replace")
    ):
        _fail(
            f"{pyproject} 中已有 [tool.reportlint]：同一目录下 .reportlint.yaml 优先，"
            "会使那些设置失效，未写入（用 --force 仍然写入）"
        )
    write_atomically(str(target), starter_config(_load_rules().rules).encode("utf-8"))
    click.echo(f"已写入 {target}：去掉行首的 # 即可启用相应设置。")


@main.command("serve")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port on 127.0.0.1 (another free one if it is taken; 0 for any).",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser.")
@config_option
def serve(port: int, no_browser: bool, config_file: str | None) -> None:
    """Open the checking page in the browser (a local web app on 127.0.0.1)."""
    try:
        from reportlint.web.app import serve as run_server
    except ImportError as exc:
        _fail(f"网页版需要额外的组件（缺少 {exc.name}）：请运行 pip install 'reportlint[web]'")
    config = _configuration(Overrides(), config_file)
    try:
        rules = config.rules_for(Path.cwd() / "report.txt")
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")
    run_server(rules, port, open_browser=not no_browser, announce=click.echo)
