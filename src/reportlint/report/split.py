"""File names for --output-dir DIR --split-per-file.

Each report's result is named after the report, in the folder the report
was in relative to the folder all the reports share, so a reviewer's
`乡镇/安平镇/报告.docx` becomes `DIR/安平镇/报告（检查结果）.html`.  Two
reports that would get the same name (报告.txt beside 报告.docx) keep their
whole file names instead: `报告.docx（检查结果）.html`.  Annotated Word
copies (`--format docx`) are named as `reportlint annotate` names them,
`报告（审查意见）.docx`.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path, PurePath

from reportlint.load import STDIN_NAME

SUFFIX = "（检查结果）"
STDIN_STEM = "标准输入"


def split_names(paths: list[str], extension: str, suffix: str = SUFFIX) -> dict[str, PurePath]:
    """The relative output path of each input path: the report's name, the
    suffix, the extension."""
    folders = [
        os.path.abspath(os.path.dirname(path) or ".") for path in paths if path != STDIN_NAME
    ]
    base = os.path.commonpath(folders) if folders else os.getcwd()

    def relative_folder(path: str) -> PurePath:
        if path == STDIN_NAME:
            return PurePath()
        return PurePath(os.path.relpath(os.path.abspath(os.path.dirname(path) or "."), base))

    def name(path: str, whole: bool) -> PurePath:
        if path == STDIN_NAME:
            return PurePath(STDIN_STEM + suffix + extension)
        p = Path(path)
        stem = p.name if whole else p.stem
        return relative_folder(path) / f"{stem}{suffix}{extension}"

    first = {path: name(path, whole=False) for path in paths}
    taken = Counter(first.values())
    return {
        path: name(path, whole=True) if taken[first[path]] > 1 else first[path] for path in paths
    }
