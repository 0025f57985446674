"""`.gitignore` files in directory walks, as git reads them.

A folder of reports kept in git has drafts, exports and backups that the
repository ignores; a walk that checked them would fail a CI gate on files
nobody commits.  Every `.gitignore` from the repository root down to a
folder applies to it (and `.git/info/exclude`), a deeper file's patterns
after a shallower one's, so a later `!pattern` can take a path back.

Each folder's patterns are rewritten relative to the walk's root (`*.bak`
in `a/b/.gitignore` becomes `a/b/**/*.bak`, `/out` becomes `a/b/out`), so one
gitignore-style spec per folder decides with git's rule: the last pattern
that matches wins.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

GITIGNORE = ".gitignore"


class GitIgnore:
    """Ignore rules for one directory walk, built folder by folder as the walk goes down."""

    def __init__(self, top: Path) -> None:
        top = top.absolute()
        self._root = _repository_root(top) or top
        self._lines: dict[Path, tuple[str, ...]] = {}
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        # Patterns above the walk's top, up to the repository root, apply too.
        inherited = list(_read(self._root / ".git" / "info" / "exclude", ""))
        for folder in reversed(top.parents):
            if folder == self._root or self._root in folder.parents:
                inherited += _read(folder / GITIGNORE, self._relative(folder))
        self._parent_lines = tuple(inherited)

    def _relative(self, folder: Path) -> str:
        relative = folder.relative_to(self._root).as_posix()
        return "" if relative == "." else relative

    def enter(self, folder: Path) -> None:
        """Read the folder's own .gitignore; its parent must have been entered first
        (os.walk goes top-down), except for the walk's top."""
        folder = folder.absolute()
        base = self._lines.get(folder.parent, self._parent_lines)
        own = _read(folder / GITIGNORE, self._relative(folder))
        lines = base + own
        self._lines[folder] = lines
        if own or folder.parent not in self._specs:
            self._specs[folder] = _spec(lines) if lines else None
        else:
            self._specs[folder] = self._specs[folder.parent]

    def ignored(self, path: Path, directory: bool = False) -> bool:
        """Whether git would ignore the path (in a folder already entered)."""
        path = path.absolute()
        spec = self._specs.get(path.parent)
        if spec is None:
            return False
        relative = path.relative_to(self._root).as_posix()
        return spec.match_file(relative + "/" if directory else relative)


def _spec(lines: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # only a walk that meets a .gitignore pays for it

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _repository_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _read(file: Path, prefix: str) -> tuple[str, ...]:
    """A .gitignore's patterns, rewritten relative to the walk's root."""
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except OSError:  # none there, or unreadable: git passes over it too
        return ()
    return tuple(
        rewritten for line in text.splitlines() if (rewritten := _rebase(line, prefix)) is not None
    )


def _rebase(line: str, prefix: str) -> str | None:
    line = line.rstrip()
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    if negated:
        line = line[1:]
    if prefix:
        # A slash before the end anchors the pattern to its own folder;
        # otherwise it matches at any depth below that folder.
        anchored = "/" in line.rstrip("/")
        line = f"{prefix}/{line.lstrip('/')}" if anchored else f"{prefix}/**/{line}"
    return ("!" if negated else "") + line
