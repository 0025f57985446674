"""Configuration: `.reportlint.yaml` or `[tool.reportlint]` in pyproject.toml.

Like ruff, the nearest configuration file above a checked file applies to
it, so a county's folder can carry its own settings; `--config PATH` makes
one file apply to everything.  In one directory `.reportlint.yaml` wins over
pyproject.toml, and a pyproject.toml without a `[tool.reportlint]` table is
not a configuration file.  Command-line options are layered on top:
`--select`, `--fail-level` and `--report-year` replace the file's value;
`--extend-select`, `--ignore`, `--rules` and `--exclude` add to it.

Paths in a file (rule packs, globs) are relative to the file's directory.
Every key is checked when the file is read: an unknown key or a bad value is
a ConfigError naming the file and the key.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from reportlint import yamlsafe
from reportlint.checks import Rule, RuleError, RuleSet, Severity

if TYPE_CHECKING:
    import pathspec

YAML_NAMES = (".reportlint.yaml", ".reportlint.yml")
IGNORE_FILE = ".reportlintignore"

DEFAULT = "默认"
COMMAND_LINE = "命令行"


class ConfigError(Exception):
    """A configuration file (or option) is wrong; the message names file and key."""

    def __init__(self, where: str, key: str | None, problem: str) -> None:
        parts = [where] + ([f"键 {key}"] if key else []) + [problem]
        super().__init__("：".join(parts))


class Settings(NamedTuple):
    """The settings in force for one file, with where each value came from."""

    root: Path  # what globs are relative to: the configuration's folder, or the cwd
    select: tuple[str, ...] | None = None  # None: the rules enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_level: Severity = Severity.INFO
    rule_packs: tuple[Path, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    report_year: int | None = None
    exclude: tuple[str, ...] = ()
    file: Path | None = None  # the configuration file, None when there is none
    origins: Mapping[str, str] = MappingProxyType({})  # key -> where its value came from

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)

    def shown(self) -> list[tuple[str, str, str]]:
        """(key, value, origin) for `reportlint config --show`."""

        def listed(values: Iterable[object]) -> str:
            return "[" + ", ".join(str(v) for v in values) + "]"

        rows = [
            ("select", "（默认规则集）" if self.select is None else listed(self.select)),
            ("extend-select", listed(self.extend_select)),
            ("ignore", listed(self.ignore)),
            ("severity", "{" + ", ".join(f"{k}: {v.value}" for k, v in self.severity) + "}"),
            ("fail-level", self.fail_level.value),
            ("rule-packs", listed(self.rule_packs)),
            (
                "per-file-ignores",
                "{" + ", ".join(f"{g}: {listed(s)}" for g, s in self.per_file_ignores) + "}",
            ),
            (
                "report-year",
                "（从报告推断）" if self.report_year is None else str(self.report_year),
            ),
            ("exclude", listed(self.exclude)),
        ]
        return [(key, value, self.origin(key)) for key, value in rows]


class Overrides(NamedTuple):
    """What the command line says; empty means "as configured"."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_level: Severity | None = None
    rule_packs: tuple[Path, ...] = ()
    report_year: int | None = None
    exclude: tuple[str, ...] = ()

    def apply(self, base: Settings) -> Settings:
        origins = dict(base.origins)
        changes: dict[str, Any] = {}

        def replace_value(key: str, attr: str, value: Any) -> None:
            if value is not None:
                changes[attr] = value
                origins[key] = COMMAND_LINE

        def add(key: str, attr: str, value: tuple[Any, ...]) -> None:
            if value:
                changes[attr] = (*getattr(base, attr), *value)
                origins[key] = f"{base.origin(key)} + {COMMAND_LINE}"

        replace_value("select", "select", self.select)
        replace_value("fail-level", "fail_level", self.fail_level)
        replace_value("report-year", "report_year", self.report_year)
        add("extend-select", "extend_select", self.extend_select)
        add("ignore", "ignore", self.ignore)
        add("rule-packs", "rule_packs", self.rule_packs)
        add("exclude", "exclude", self.exclude)
        return base._replace(**changes, origins=origins) if changes else base


# -- reading a file ---------------------------------------------------------


def find_config(directory: Path) -> Path | None:
    """The nearest configuration file at or above `directory`."""
    for folder in (directory, *directory.parents):
        for name in YAML_NAMES:
            if _is_file(folder / name):
                return folder / name
        pyproject = folder / "pyproject.toml"
        if _is_file(pyproject) and _reportlint_table(pyproject) is not None:
            return pyproject
    return None


def _is_file(path: Path) -> bool:
    """Whether a configuration file is there; something else by that name is an error."""
    if not path.exists():
        return False
    if not path.is_file():
        raise ConfigError(str(path), None, "应是一个文件，却是目录或其他类型")
    return True


def _reportlint_table(path: Path) -> dict[str, Any] | None:
    import tomllib  # ~3 ms to import: only where there is a pyproject.toml

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), None, f"无法读取：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), None, f"不是有效的 TOML：{exc}") from None
    table = data.get("tool", {}).get("reportlint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(str(path), "tool.reportlint", "应是一个表")
    return table


def read_config(path: Path) -> Settings:
    """Read and check one configuration file."""
    path = path.resolve()
    if path.name == "pyproject.toml":
        table = _reportlint_table(path)
        if table is None:
            raise ConfigError(str(path), None, "没有 [tool.reportlint] 表")
        prefix = "tool.reportlint."
    else:
        try:
            table = yamlsafe.load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(str(path), None, f"无法读取：{exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ConfigError(str(path), None, "不是 UTF-8 编码的文本") from None
        except yamlsafe.YamlError as exc:
            raise ConfigError(str(path), None, f"不是有效的 YAML：{exc}") from None
        if table is None:
            table = {}
        if not isinstance(table, dict):
            raise ConfigError(str(path), None, "顶层应是键值映射")
        prefix = ""
    return _settings(table, path, prefix)


def _settings(table: Mapping[str, Any], path: Path, prefix: str) -> Settings:
    where = str(path)
    values: dict[str, Any] = {}
    for key, raw in table.items():
        name = f"{prefix}{key}"
        parser = _KEYS.get(str(key))
        if parser is None:
            known = "、".join(_KEYS)
            raise ConfigError(where, name, f"未知的键（可用的键：{known}）")
        attr = str(key).replace("-", "_")
        values[attr] = parser(
            raw, path.parent, lambda problem, n=name: ConfigError(where, n, problem)
        )
    origins = dict.fromkeys(table, where)
    return Settings(**values, file=path, root=path.parent, origins=origins)


# Each key's parser: (raw value, the file's directory, error maker) -> value.


def _selection(raw: Any, root: Path, fail: Any) -> tuple[str, ...]:
    chosen = _strings(raw, root, fail)
    if not chosen:
        raise fail("为空：不会检查任何规则（要用默认规则集，请删去这一项）")
    return chosen


def _strings(raw: Any, _root: Path, fail: Any) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [part.strip() for part in raw.split(",")]
    if not isinstance(raw, list) or not all(isinstance(v, str) and v.strip() for v in raw):
        raise fail("应是字符串列表，如 [RL404, broken-line]")
    return tuple(v.strip() for v in raw if v.strip())


def _severity(raw: Any, _root: Path, fail: Any) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(raw, dict):
        raise fail("应是“规则: 级别”的映射，如 {RL404: info}")
    out = []
    for selector, level in raw.items():
        out.append((str(selector), _level(level, fail)))
    return tuple(out)


def _level(raw: Any, fail: Any) -> Severity:
    try:
        return Severity(raw)
    except ValueError:
        if isinstance(raw, bool):  # YAML reads no/yes/off/on as false/true
            raise fail(
                "级别应为 error、warning 或 info（yes/no/on/off 会被 YAML 读作真假值）"
            ) from None
        raise fail(f"级别“{raw}”无效，应为 error、warning 或 info") from None


def _packs(raw: Any, root: Path, fail: Any) -> tuple[Path, ...]:
    return tuple((root / p).resolve() for p in _strings(raw, root, fail))


def _per_file_ignores(raw: Any, root: Path, fail: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, dict):
        raise fail("应是“路径模式: [规则…]”的映射，如 {'草稿/*.txt': [RL103]}")
    return tuple((str(glob), _strings(rules, root, fail)) for glob, rules in raw.items())


def _year(raw: Any, _root: Path, fail: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 2000 <= raw <= 2100:
        raise fail(f"“{raw}”不是有效的年份：应是 2000–2100 之间的数字，如 2024（不加引号）")
    return raw


_KEYS: dict[str, Any] = {
    "select": _selection,
    "extend-select": _strings,
    "ignore": _strings,
    "severity": _severity,
    "fail-level": lambda raw, _root, fail: _level(raw, fail),
    "rule-packs": _packs,
    "per-file-ignores": _per_file_ignores,
    "report-year": _year,
    "exclude": _strings,
}


# -- resolving settings and rules per file ------------------------------------


class Configuration:
    """Settings and rules for each checked file, cached per directory and per
    configuration file so that a run over 300 reports reads each file once."""

    def __init__(self, overrides: Overrides | None = None, config: Path | None = None) -> None:
        self.overrides = overrides or Overrides()
        self._fixed = self.overrides.apply(read_config(config)) if config else None
        self._by_dir: dict[Path, Settings] = {}
        self._by_file: dict[Path | None, Settings] = {}
        self._rules: dict[tuple[int, tuple[str, ...]], RuleSet] = {}
        self._builtin: RuleSet | None = None
        self._packs: dict[Path, RuleSet] = {}
        self._ignore_files: dict[Path, tuple[str, ...] | None] = {}
        # A run asks for each file's settings and rules several times (the walk, the
        # check for configuration errors, the batch rule): kept by the path as given.
        self._settings_of: dict[str | Path, Settings] = {}
        self._rules_of: dict[str | Path, RuleSet] = {}

    def settings_for(self, path: str | Path) -> Settings:
        if self._fixed is not None:
            return self._fixed
        cached = self._settings_of.get(path)
        if cached is None:
            cached = self._settings_of[path] = self._settings_in(Path(path).absolute().parent)
        return cached

    def _settings_in(self, directory: Path) -> Settings:
        cached = self._by_dir.get(directory)
        if cached is None:
            file = find_config(directory)
            cached = self._by_file.get(file)
            if cached is None:
                base = read_config(file) if file else Settings(Path.cwd())
                cached = self._by_file[file] = self.overrides.apply(base)
            self._by_dir[directory] = cached
        return cached

    def rules_for(self, path: str | Path) -> RuleSet:
        rules = self._rules_of.get(path)
        if rules is None:
            settings = self.settings_for(path)
            ignores = per_file_ignores(settings, Path(path))
            key = (id(settings), ignores)
            rules = self._rules.get(key)
            if rules is None:
                rules = self._rules[key] = self._build(settings, Path(path), ignores)
            self._rules_of[path] = rules
        return rules

    def is_excluded(self, path: str | Path, directory: bool = False) -> bool:
        settings = self.settings_for(path)
        path = Path(path)
        return matches(settings.exclude, settings.root, path, directory) or self._ignored(
            path, directory
        )

    def _ignored(self, path: Path, directory: bool) -> bool:
        """Whether the nearest `.reportlintignore` above the path lists it."""
        absolute = path.absolute()
        for folder in absolute.parents:
            if folder not in self._ignore_files:
                self._ignore_files[folder] = _ignore_lines(folder)
            lines = self._ignore_files[folder]
            if lines is not None:
                return matches(lines, folder, absolute, directory)
        return False

    def all_rules(self, path: str | Path) -> RuleSet:
        """Every rule known for the path: built-in and configured packs, none left out."""
        settings = self.settings_for(path)
        where = str(settings.file) if settings.file else COMMAND_LINE
        try:
            if self._builtin is None:
                self._builtin = RuleSet.load()
            rules = [*self._builtin.rules]
            for pack in dict.fromkeys(settings.rule_packs):  # named twice, loaded once
                if pack not in self._packs:
                    self._packs[pack] = RuleSet.load([pack], verify_examples=True)
                rules.extend(self._packs[pack].rules)
            return RuleSet(rules)
        except RuleError as exc:
            raise ConfigError(where, "rule-packs", f"规则包有误：{exc}") from None

    def _build(self, settings: Settings, path: Path, extra_ignores: tuple[str, ...]) -> RuleSet:
        where = str(settings.file) if settings.file else COMMAND_LINE
        everything = self.all_rules(path)
        cli = self.overrides
        for key, selectors, from_cli in (
            ("select", settings.select or (), cli.select or ()),
            ("extend-select", settings.extend_select, cli.extend_select),
            ("ignore", settings.ignore, cli.ignore),
            ("severity", tuple(s for s, _ in settings.severity), ()),
            ("per-file-ignores", tuple(s for _, ss in settings.per_file_ignores for s in ss), ()),
        ):
            unknown = everything.unknown_selectors(selectors)
            if unknown:
                named_here = COMMAND_LINE if set(unknown) & set(from_cli) else where
                raise ConfigError(
                    named_here,
                    key,
                    f"没有这样的规则：{', '.join(unknown)}（用 reportlint rules 查看全部）",
                )
        chosen = everything.selected(
            settings.select or (), (*settings.ignore, *extra_ignores), settings.extend_select
        )
        return chosen.with_severities(settings.severity)


def per_file_ignores(settings: Settings, path: Path) -> tuple[str, ...]:
    return tuple(
        selector
        for glob, selectors in settings.per_file_ignores
        if matches((glob,), settings.root, path)
        for selector in selectors
    )


def matches(globs: Sequence[str], root: Path, path: Path, directory: bool = False) -> bool:
    """gitignore-style matching of `path` against globs relative to `root`
    ("草稿/" excludes a folder, "*.bak.txt" any such file, "/2021" only at the top)."""
    if not globs:
        return False
    absolute = path.absolute()
    try:
        relative = absolute.relative_to(root.absolute()).as_posix()
    except ValueError:
        relative = absolute.as_posix().lstrip("/")
    return _spec(tuple(globs)).match_file(relative + "/" if directory else relative)


@functools.lru_cache(maxsize=64)
def _spec(globs: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # only runs that exclude something pay for it

    return pathspec.GitIgnoreSpec.from_lines(globs)


def _ignore_lines(folder: Path) -> tuple[str, ...] | None:
    ignore_file = folder / IGNORE_FILE
    if not _is_file(ignore_file):
        return None
    try:
        return tuple(ignore_file.read_text(encoding="utf-8").splitlines())
    except UnicodeDecodeError:
        raise ConfigError(str(ignore_file), None, "不是 UTF-8 编码的文本") from None
    except OSError as exc:
        raise ConfigError(str(ignore_file), None, f"无法读取：{exc.strerror or exc}") from None


def starter_config(rules: Iterable[Rule]) -> str:
    """What `reportlint init` writes: every key, commented out, with an example,
    and the rules as they are defined (so the list never goes out of date)."""
    listing = "\n".join(
        f"#   {r.code} {r.name:<24} {r.severity.value:<7} {r.summary}"
        + ("" if r.enabled else "（默认关闭）")
        for r in rules
    )
    return _STARTER.format(rules=listing)


_STARTER = """\
# reportlint 配置文件。本文件所在目录及其子目录中的报告使用这些设置；
# 离报告最近的配置文件生效。同样的键也可写在 pyproject.toml 的 [tool.reportlint] 中。
# 去掉行首的 # 即可启用某一项。查看生效的设置：reportlint config --show

# 只检查这些规则（代码、代码前缀或规则名）；不写则使用默认规则集。
# select: [RL1, RL2, RL3, RL4]

# 在默认规则集之外再启用的规则，例如默认关闭的数据密度提示。
# extend-select: [RL305]

# 不检查的规则。
# ignore: [RL404]

# 调整规则的级别：error、warning 或 info。
# severity:
#   RL408: info

# 达到这个级别的问题才使退出码为 1：error、warning 或 info（默认 info）。
# fail-level: warning

# 额外的规则包（如本省的报告模板要求），路径相对于本文件。
# rule-packs: [规则/本省要求.yaml]

# 按路径模式忽略规则，模式相对于本文件（gitignore 写法）。
# per-file-ignores:
#   "历年报告/2020/*.txt": [RL3]

# 报告年度；不写则从标题、开头或落款推断。
# report-year: 2024

# 检查目录时跳过的路径（gitignore 写法）；也可以在 .reportlintignore 中逐行列出。
# exclude: ["草稿/", "*.bak.txt"]

# 全部规则（reportlint rule 代码 可查看说明）：
{rules}
"""
