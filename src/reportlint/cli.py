"""The command line: `reportlint check`, `reportlint rules`, `reportlint rule`.

Exit codes (DESIGN.md section 4): 0 no violation at or above the fail level,
1 violations, 2 usage error, unreadable input or bad configuration.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import NoReturn, TextIO, cast

import click
from rich.cells import cell_len

from reportlint import __version__, clickzh
from reportlint.checks import Diagnostic, PatternTimeout, RuleSet, Severity
from reportlint.checks.copies import Copies
from reportlint.config import ConfigError, Configuration, Overrides
from reportlint.fix import FixError
from reportlint.load import REPORT_SUFFIXES, STDIN_NAME
from reportlint.report import (
    BINARY_FORMATS,
    EXTENSIONS,
    FINGERPRINT_FORMATS,
    FORMATS,
    PER_REPORT_FORMATS,
    FormatOptions,
    Items,
    RunResult,
    get_formatter,
    get_writer,
)
from reportlint.runner import FixMode, check_paths

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2

# Before any command is declared: click takes some of its words then.
clickzh.install()


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _load_rules(packs: tuple[str, ...] = ()) -> RuleSet:
    """Every rule known here: built-in, configured packs and --rules packs."""
    overrides = Overrides(rule_packs=tuple(Path(p).resolve() for p in packs))
    try:
        return _configuration(overrides, None).all_rules(Path.cwd() / "report.txt")
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")


# Earlier years' reports that `check` and `similar` compare the reports with.
against_option = click.option(
    "--against",
    multiple=True,
    type=click.Path(exists=True),
    metavar="路径",
    help="往年的报告（文件或文件夹）：与要检查的报告逐段比较，找出照搬往年的段落（RL310）。",
)
# `rules` and `similar` print for people or for tools.
text_or_json_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式。",
)


@click.group(cls=clickzh.ChineseGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "-V", "--version", prog_name="reportlint", message="%(prog)s %(version)s"
)
def main() -> None:
    """reportlint：法治政府建设年度报告检查工具。

    reportlint check 报告.docx 列出报告中的问题；reportlint annotate 报告.docx
    生成带批注和修订的 Word 副本。各命令的用法：reportlint 命令 -h。
    """


# One --config for `check` and `config`: the same file, the same meaning.
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    help="所有文件都用这个配置文件（不再逐级查找最近的配置）。",
)


def _severity(value: str | None) -> Severity | None:
    return Severity(value) if value else None


@main.command()
@click.argument("paths", nargs=-1, type=str, metavar="[路径]...")
@click.option(
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(FORMATS),
    metavar="格式",
    default="text",
    show_default=True,
    help="输出格式：" + "、".join(FORMATS) + "。docx 是每份报告一个带批注的 Word 副本"
    "（与 --output-dir、--split-per-file 一起用）。",
)
@config_option
@click.option("--select", multiple=True, help="只检查这些规则（代码、代码前缀或名称，逗号分隔）。")
@click.option("--extend-select", multiple=True, help="在配置的规则之外再检查这些规则。")
@click.option("--ignore", multiple=True, help="不检查这些规则。")
@click.option(
    "--rules",
    "packs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="再加载一个规则包（YAML 文件）。",
)
@click.option(
    "--fail-level",
    type=click.Choice([s.value for s in Severity]),
    help="达到这一级别的问题才使退出码为 1  [默认：info]",
)
@click.option("--exit-zero", is_flag=True, help="有问题时也以 0 退出。")
@click.option(
    "--report-year", type=click.IntRange(2000, 2100), help="报告所属年度（默认从文中读出）。"
)
@click.option("--exclude", multiple=True, help="在文件夹中查找时跳过这些路径（gitignore 写法）。")
@click.option("--force-exclude", is_flag=True, help="命令行上直接给出的文件也按排除规则跳过。")
@click.option(
    "--output",
    "output_file",
    type=click.Path(dir_okay=False, writable=True),
    help="把结果写入这个文件，而不是标准输出。",
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    help="把结果写入这个文件夹（加 --split-per-file：每份报告一个文件）。",
)
@click.option(
    "--split-per-file",
    is_flag=True,
    help="与 --output-dir 一起用：每份报告单独一个结果文件，便于分发给各乡镇。",
)
@click.option("--statistics", is_flag=True, help="按规则统计问题个数，不逐条列出。")
@click.option("--show-all", is_flag=True, help="列出全部问题，不合并重复的警告。")
@click.option(
    "--min-severity",
    type=click.Choice([s.value for s in Severity]),
    help="只报告这一级别及以上的问题（其余不显示，也不影响退出码）。",
)
@click.option(
    "--show-fixes",
    is_flag=True,
    help="显示每处修复改了什么（与 --fix 一起用：列出已做的修复）。",
)
@click.option("-q", "--quiet", is_flag=True, help="只列出问题：不显示汇总和提示。")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="文字输出是否着色（auto：在终端上着色，设置 NO_COLOR 时不着色，FORCE_COLOR 时着色）。",
)
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=True,
    show_default=True,
    help="遍历文件夹时跳过 .gitignore 忽略的文件。",
)
@click.option(
    "--fix",
    is_flag=True,
    help="把可安全自动修复的问题改在文件里，再报告其余问题"
    "（Word、网页和 PDF 不改动：Word 文档请用 annotate）。",
)
@click.option(
    "--unsafe-fixes", is_flag=True, help="与 --fix 或 --diff 一起用：也做需要核对的修复。"
)
@click.option("--diff", is_flag=True, help="以 diff 显示修复的内容，不写文件。")
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, exists=True),
    help="不再显示这个基线文件中记录的问题。",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="把当前的问题记入这个基线文件，并以 0 退出。",
)
@against_option
@click.option("-j", "--jobs", type=click.IntRange(1), help="并行的进程数  [默认：按文件数]")
@click.option("--show-settings", is_flag=True, help="显示第一个路径适用的设置后退出。")
@click.option("--debug", is_flag=True, help="reportlint 自身出错时显示详细的出错信息。")
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
    against: tuple[str, ...],
    jobs: int | None,
    show_settings: bool,
    debug: bool,
) -> None:
    """检查报告：文件、文件夹（在其中查找报告）或 -（读标准输入）。"""
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
    if output_format in PER_REPORT_FORMATS and not split_per_file:
        raise click.UsageError(
            f"--format {output_format} 为每份报告生成一个带批注的 Word 副本："
            "请与 --output-dir 文件夹 --split-per-file 一起使用"
        )
    if output_format in PER_REPORT_FORMATS and STDIN_NAME in paths:
        raise click.UsageError(
            f"--format {output_format} 需要报告文件：标准输入（-）不能生成 Word 副本"
        )
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
    options = FormatOptions(
        show_all=show_all,
        show_fixes=show_fixes,
        width=max(40, shutil.get_terminal_size().columns),
        quiet=quiet,
    )
    try:
        result = check_paths(
            paths,
            config,
            fix=mode,
            unsafe_fixes=unsafe_fixes,
            jobs=jobs,
            force_exclude=force_exclude,
            respect_gitignore=respect_gitignore,
            # html shows the text; docx compares it with the file read again.
            keep_text=output_format in ("html", "docx"),
            against=against,
            # Findings to a temporary file, read back a file at a time as the
            # output is written: memory stays flat however many there are.  A
            # baseline is matched against the findings of the whole run.
            spool=not (baseline or write_baseline or diff),
            fingerprints=output_format in FINGERPRINT_FORMATS,
            # (not under --min-severity, which leaves some out of most files)
            write_items=_items(output_format, options)
            if min_severity is None and not (statistics or split_per_file)
            else None,
        )
        if result.spooled is not None:
            click.get_current_context().call_on_close(result.spooled.close)
        if not result.files_checked and not result.errors and not result.excluded:
            _nothing_checked(paths)
        if against and not any(isinstance(rule.check, Copies) for rule in result.rules):
            click.echo("reportlint: --against 没有起作用：比较雷同段落的规则没有启用", err=True)
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
        if mode:
            _note_unfixable(result.checked_paths, "--diff" if diff else "--fix")
        if min_severity:
            result.min_severity = Severity(min_severity)
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
    colour = _colour(color)
    if output_dir and not split_per_file:
        _make_dir(Path(output_dir))
        output_file = str(Path(output_dir) / f"reportlint{EXTENSIONS[output_format]}")
    failed = False
    if split_per_file and output_dir and output_format in PER_REPORT_FORMATS:
        failed = _write_annotated(result, config, Path(output_dir), quiet)
    elif split_per_file and output_dir:
        _write_split(result, output_format, options, Path(output_dir), quiet)
    elif statistics and output_format == "text":
        from reportlint.report.text import format_statistics

        _emit(format_statistics(result, options), output_file, colour=colour)
    elif statistics:
        from reportlint.report.json_format import format_statistics_json

        _emit(format_statistics_json(result), output_file)
    elif output_format in BINARY_FORMATS:
        _emit(get_formatter(output_format)(result, options), output_file)
    else:
        pieces = cast("Iterable[str]", get_writer(output_format)(result, options))
        # JSON writes every control character escaped: there is no colour code for
        # click to strip from it, a scan of the whole output (76 MB at 2,000 reports).
        plain = colour if output_format not in _JSON_FORMATS else True
        _emit_pieces(pieces, output_file, csv=output_format == "csv", colour=plain)
    if result.errors or failed:
        sys.exit(EXIT_ERROR)
    # (Each file's findings against the fail level its ReportInfo was read with.)
    failing = result.tally().failing
    sys.exit(EXIT_VIOLATIONS if failing and not exit_zero else EXIT_CLEAN)


_JSON_FORMATS = ("json", "sarif", "gitlab")


def _items(output_format: str, options: FormatOptions) -> Items | None:
    """What the workers write of each file's findings for the format (report.Items):
    json's items and the text format's lines, the bulk of their output."""
    if output_format == "json":
        from reportlint.report import json_format

        return Items(json_format.ITEMS_FOR, json_format.json_items)
    if output_format == "text":
        from reportlint.report import text

        return Items(text.items_for(options), partial(text.text_items, options=options))
    return None


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


def _emit_pieces(
    pieces: Iterable[str], output_file: str | None, csv: bool = False, colour: bool | None = None
) -> None:
    """_emit for a report made a piece at a time: each piece written as it comes."""
    if not output_file:
        written = False
        for piece in pieces:
            if csv and not written and _stdout_is_file():
                piece = "\ufeff" + piece  # (see _emit)
            if piece:
                click.echo(piece, nl=False, color=colour)
                written = True
        if written:  # --quiet on a clean run prints nothing, not an empty line
            click.echo("", color=colour)
        return
    encoding = "utf-8-sig" if csv and output_file.lower().endswith(".csv") else "utf-8"
    # The pieces are made while they are written: into a file beside it that
    # replaces it at the end, so that a run stopped halfway (Ctrl-C, a full
    # disk) leaves the --output file as it was, never half written.
    import tempfile

    target = Path(output_file)
    if target.exists() and not target.is_file():  # /dev/stdout, a pipe: written as it is
        _emit_to(pieces, target, encoding)
        return
    temporary = ""
    try:
        fd, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}-", suffix=".tmp"
        )
        with os.fdopen(fd, "w", encoding=encoding) as handle:
            _write_pieces(handle, pieces)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
        temporary = ""
    except OSError as exc:
        _fail(f"无法写入 {output_file}：{exc.strerror or exc}")
    finally:
        if temporary:
            Path(temporary).unlink(missing_ok=True)


def _emit_to(pieces: Iterable[str], target: Path, encoding: str) -> None:
    try:
        with target.open("w", encoding=encoding) as handle:
            _write_pieces(handle, pieces)
    except OSError as exc:
        _fail(f"无法写入 {target}：{exc.strerror or exc}")


def _write_pieces(handle: TextIO, pieces: Iterable[str]) -> None:
    for piece in pieces:
        handle.write(click.unstyle(piece))
    handle.write("\n")


def _mode_for(target: Path) -> int:
    """The permissions a file written in place of `target` keeps: its own, or what
    open() would give a new file (mkstemp's are the owner's alone)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _note_unfixable(paths: list[str], option: str) -> None:
    """Say which files the fix left alone: text taken out of Word, a page or a
    PDF cannot be written back."""
    from reportlint.load import format_of

    def listed(files: list[str]) -> str:
        return "、".join(files[:3]) + ("等" if len(files) > 3 else "")

    word = [p for p in paths if format_of(p) == "docx"]
    other = [p for p in paths if format_of(p) in ("html", "pdf")]
    if word:
        click.echo(
            f"reportlint: Word 文档不能用 {option} 修改（{len(word)} 个：{listed(word)}），"
            "其中的问题照常列出。要在 Word 里逐条接受或拒绝修改，"
            f"请运行 reportlint annotate {word[0]}，生成带批注和修订的副本。",
            err=True,
        )
    if other:
        click.echo(
            f"reportlint: 网页和 PDF 文件不能用 {option} 修改（{len(other)} 个：{listed(other)}），"
            "其中的问题照常列出：请在原稿中修改。",
            err=True,
        )


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
    paths = result.paths()
    names = split_names(paths, EXTENSIONS[output_format])
    replaced = 0
    for file in result.per_file():
        view = file.view()
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
        click.echo(f"已在 {folder} 中写入 {len(paths)} 个文件{note}。", err=True)


def _write_annotated(result: RunResult, config: Configuration, folder: Path, quiet: bool) -> bool:
    """--format docx --output-dir DIR --split-per-file: each checked report's
    annotated Word copy, 原名（审查意见）.docx, in the folders the reports
    were in.  Each file is read again and annotated with the findings this
    run shows for it (a baseline's and those below --min-severity left out).
    A file changed since it was checked gets no copy: its comments would not
    be the findings the run reported.  True when a copy was not written."""
    from collections import Counter

    from reportlint.annotate import SUFFIX, annotate_bytes
    from reportlint.fix import write_atomically
    from reportlint.load import LoadError, read_file
    from reportlint.report.split import split_names

    names = split_names(result.paths(), ".docx", SUFFIX)
    written = replaced = 0
    failed = False

    def skip(path: str, why: str) -> None:
        nonlocal failed
        click.echo(f"{path}：{why}，未生成 Word 副本。", err=True)
        failed = True

    for file in result.per_file():
        view = file.view()
        if view.info is None:
            skip(view.path, view.error.message if view.error else "无法检查")
            continue
        target = folder / names[view.path]
        wanted = Counter((d.code, d.fingerprint) for d in file.findings)

        def keep(d: Diagnostic, wanted: Counter[tuple[str, str]] = wanted) -> bool:
            key = (d.code, d.fingerprint)
            if wanted[key] <= 0:
                return False
            wanted[key] -= 1
            return True

        try:
            copy = annotate_bytes(
                read_file(view.path),
                view.path,
                config.rules_for(view.path),
                config.settings_for(view.path).report_year,
                keep=keep,
            )
        except LoadError as exc:
            skip(view.path, f"检查之后无法再读取：{exc}")
            continue
        except Exception as exc:  # a bug of ours: this file fails, the others go on
            skip(view.path, f"内部错误 {type(exc).__name__}: {exc}（请报告此问题）")
            continue
        if copy.text != view.info.text:
            skip(view.path, "文件在检查之后被改动过，请重新运行")
            continue
        if +wanted:  # findings of the run not found again in the same text
            skip(view.path, "内部错误：副本中的问题与检查结果不一致（请报告此问题）")
            continue
        _make_dir(target.parent)
        replaced += target.exists()
        try:
            write_atomically(str(target), copy.docx)
        except (FixError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            skip(view.path, f"无法写入 {target}：{reason}")
            continue
        written += 1
    if not quiet:
        note = f"（其中 {replaced} 个覆盖了原有文件）" if replaced else ""
        click.echo(f"已在 {folder} 中写入 {written} 个带批注的 Word 副本{note}。", err=True)
    return failed


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
@click.argument("path", default=".", type=str, metavar="[路径]")
@click.option("--show", is_flag=True, default=True, help="显示生效的设置（默认）。")
@config_option
def show_config(path: str, show: bool, config_file: str | None) -> None:
    """显示某个路径适用的设置和每项设置的来源。路径默认为当前文件夹。"""
    _show_settings(_configuration(Overrides(), config_file), path)


@main.command("rules")
@text_or_json_option
def list_rules(output_format: str) -> None:
    """列出全部规则：代码、名称、级别、能否自动修复、类型和说明。"""
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
                "docs": {
                    "what": rule.docs.what,
                    "why": rule.docs.why,
                    "fix": rule.docs.fix,
                    "limits": rule.docs.limits,
                    "references": list(rule.docs.references),
                },
                "messages": {
                    key: {
                        "severity": m.severity.value,
                        "text": m.text,
                        "suggestion": m.suggestion or None,
                    }
                    for key, m in rule.messages.items()
                },
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
@click.argument("name", metavar="规则")
def explain_rule(name: str) -> None:
    """说明一条规则（按代码或名称，如 RL103 或 dated-signature）。

    做什么、为什么、示例、能否自动修复、已知局限、消息与建议、依据和配置方法。
    """
    for rule in _load_rules(()).rules:
        if name in (rule.code, rule.name):
            width = min(100, max(40, shutil.get_terminal_size().columns))
            click.echo(rule.explain(width))
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
@click.argument(
    "directory", default=".", type=click.Path(file_okay=False, exists=True), metavar="[文件夹]"
)
@click.option("--force", is_flag=True, help="覆盖已有的 .reportlint.yaml。")
def init(directory: str, force: bool) -> None:
    """写入带注释的初始配置文件 .reportlint.yaml。文件夹默认为当前文件夹。"""
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


@main.command()
@click.argument("paths", nargs=-1, required=True, type=str, metavar="路径...")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(),
    help="副本的保存位置：一份报告时是文件名（或文件夹），多份时是文件夹。"
    "默认：原文件旁的“原名（审查意见）.docx”。",
)
@click.option("--force", is_flag=True, help="副本已存在时覆盖它（默认不覆盖）。")
@click.option("--no-revisions", is_flag=True, help="只加批注，不把可直接修改的问题标为修订。")
@config_option
@click.option("--select", multiple=True, help="只检查这些规则（代码、代码前缀或名称，逗号分隔）。")
@click.option("--extend-select", multiple=True, help="在配置的规则之外再检查这些规则。")
@click.option("--ignore", multiple=True, help="不检查这些规则。")
@click.option(
    "--report-year", type=click.IntRange(2000, 2100), help="报告所属年度（默认从文中读出）。"
)
def annotate(
    paths: tuple[str, ...],
    output: str | None,
    force: bool,
    no_revisions: bool,
    config_file: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    report_year: int | None,
) -> None:
    """为报告生成带审查意见的 Word 副本，原文件不改动。

    每个问题在出问题的文字上加一条批注（问题、修改建议、规则代码）；可直接修改的问题
    （标点全半角、序号写法、多余空格等）同时标为修订，在 Word 或 WPS 的“审阅”中接受或拒绝。
    .txt、网页和 PDF 会先按其中的文字生成 Word 文档。路径可以是文件或文件夹。
    """
    from reportlint.annotate import annotate_bytes, is_output, output_path
    from reportlint.fix import write_atomically
    from reportlint.load import LoadError, read_file
    from reportlint.runner import collect

    overrides = Overrides(
        select=tuple(_split(select)) or None,
        extend_select=tuple(_split(extend_select)),
        ignore=tuple(_split(ignore)),
        report_year=report_year,
    )
    config = _configuration(overrides, config_file)
    if STDIN_NAME in paths:
        raise click.UsageError("annotate 需要文件：标准输入（-）不能生成副本")
    items = [
        item
        for item in collect(paths, config)
        if not isinstance(item, str) or not is_output(item) or item in paths
    ]
    files = [item for item in items if isinstance(item, str)]
    folder = Path(output) if output and (len(files) > 1 or Path(output).is_dir()) else None
    if len(files) > 1 and output and Path(output).exists() and not Path(output).is_dir():
        raise click.UsageError(f"有多份报告时 -o 应是文件夹：{output} 是一个文件")
    failed = flagged = False
    written: set[Path] = set()
    for item in items:
        if not isinstance(item, str):
            click.echo(f"{item.path}：{item.message}", err=True)
            failed = True
            continue
        if folder is not None:
            target = folder / output_path(item).name
        else:
            target = Path(output) if output else output_path(item)
        problem = _annotate_target_problem(item, target, force, written)
        if problem:
            click.echo(f"{item}：{problem}", err=True)
            failed = True
            continue
        try:
            result = annotate_bytes(
                read_file(item),
                item,
                config.rules_for(item),
                config.settings_for(item).report_year,
                revisions=not no_revisions,
            )
        except LoadError as exc:
            click.echo(f"{item}：无法生成副本：{exc}", err=True)
            failed = True
            continue
        except ConfigError as exc:
            _fail(f"配置错误：{exc}")
        except Exception as exc:  # a bug of ours: this file fails, the others go on
            click.echo(f"{item}：内部错误 {type(exc).__name__}: {exc}（请报告此问题）", err=True)
            failed = True
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(str(target), result.docx)
        except (OSError, FixError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            click.echo(f"{item}：无法写入 {target}：{reason}", err=True)
            failed = True
            continue
        written.add(target.resolve())
        fail_level = config.settings_for(item).fail_level
        flagged |= any(d.severity.rank >= fail_level.rank for d in result.diagnostics)
        if result.converted_from is not None:
            click.echo(f"{item} 不是 Word 文档：已用其中的文字生成 Word 文档（原有格式不保留）。")
        found = len(result.notes)
        click.echo(
            f"已写入 {target}："
            + (f"{found} 个问题，各有一条批注" if found else "未发现问题")
            + (f"，其中 {result.revisions} 处标为修订。" if result.revisions else "。")
        )
    sys.exit(EXIT_ERROR if failed else EXIT_VIOLATIONS if flagged else EXIT_CLEAN)


def _annotate_target_problem(source: str, target: Path, force: bool, written: set[Path]) -> str:
    """Why the copy may not be written there ("" if it may)."""
    resolved = target.resolve()
    if resolved == Path(source).resolve():
        return "副本不能写到原文件上：请用 -o 指定另一个文件名"
    if resolved in written:
        return f"{target} 刚由另一份报告写入，未覆盖：请用 -o 分别指定"
    if target.is_dir():
        return f"{target} 是一个文件夹"
    if target.exists() and not force:
        return f"{target} 已存在，未覆盖（用 --force 覆盖，或用 -o 指定另一个文件名）"
    return ""


@main.command("serve")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="在 127.0.0.1 上使用的端口（被占用时换一个空闲端口；0 表示任意）。",
)
@click.option("--no-browser", is_flag=True, help="不自动在浏览器中打开页面。")
@config_option
def serve(port: int, no_browser: bool, config_file: str | None) -> None:
    """在浏览器中打开检查页面（本机 127.0.0.1 上的网页，不联网）。"""
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


@main.command("similar")
@click.argument("paths", nargs=-1, required=True, type=str, metavar="路径...")
@against_option
@text_or_json_option
@click.option(
    "--output",
    "output_file",
    type=click.Path(dir_okay=False, writable=True),
    help="把结果写入这个文件，而不是标准输出。",
)
@config_option
@click.option("--exclude", multiple=True, help="在文件夹中查找时跳过这些路径（gitignore 写法）。")
@click.option("-j", "--jobs", type=click.IntRange(1), help="并行的进程数  [默认：按文件数]")
@click.option("-q", "--quiet", is_flag=True, help="只列出雷同的报告：不显示汇总。")
def similar(
    paths: tuple[str, ...],
    against: tuple[str, ...],
    output_format: str,
    output_file: str | None,
    config_file: str | None,
    exclude: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
) -> None:
    """找出雷同的报告：一批报告之间、与往年的报告之间相同的段落，按报告两两列出。

    与 check 的 copied-text（RL310）规则相同：年份、数字和本单位名称视为相同，套话和
    5 个及以上单位都有的段落不算。每对报告列出雷同段落的行号和相似度，最后是每份报告中
    雷同文字所占的比例。发现雷同时退出码为 1。
    """
    config = _configuration(Overrides(select=("copied-text",), exclude=exclude), config_file)
    try:
        result = check_paths(paths, config, jobs=jobs, against=against)
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")
    if not result.files_checked and not result.errors and not result.excluded:
        _nothing_checked(paths)
    if not any(isinstance(rule.check, Copies) for rule in result.rules):
        _fail("比较雷同段落的规则 copied-text（RL310）在配置中关闭了")
    if result.reports and all(info.copied is None for info in result.reports):
        _fail("只有一份报告，没有可比较的对象：请给出多份报告，或用 --against 给出往年的报告")
    from reportlint.report.similar import format_similar, format_similar_json

    formatter = format_similar_json if output_format == "json" else format_similar
    _emit(formatter(result, FormatOptions(quiet=quiet)), output_file)
    sys.exit(EXIT_ERROR if result.errors else EXIT_VIOLATIONS if result.copies else EXIT_CLEAN)
