"""The entry point of the one-file program (reportlint.exe, packaging/build.py)
for people who never open a terminal.

- A report dropped on reportlint.exe (Explorer starts it with the file's
  path and nothing else) is annotated: 报告（审查意见）.docx appears beside it.
- Started by a double click, the program explains itself.
- Either way the console window Explorer opened stays until Enter is pressed:
  otherwise it closes before anyone can read it.

From a terminal it is plain `reportlint`.
"""

from __future__ import annotations

import os
import sys

WELCOME = """reportlint：法治政府建设年度报告检查工具

用法：把报告（.docx，也可以是 .txt、网页或 PDF）拖到 reportlint.exe 的图标上，
旁边会生成“原名（审查意见）.docx”：每个问题一条批注，可直接修改的标点、序号等
标为修订，在 Word 或 WPS 的“审阅”中逐条接受或拒绝。原文件不会改动。

在命令行中：reportlint check 报告.docx 列出问题；reportlint -h 查看全部用法。"""


def arguments(args: list[str]) -> list[str]:
    """The command line to run: files and folders alone (dropped on the
    program) are annotated; anything else is passed on as typed."""
    from reportlint.cli import main

    if args and args[0] not in main.commands and all(os.path.exists(a) for a in args):
        return ["annotate", *args]
    return args


def run() -> None:
    from reportlint.cli import main

    args = sys.argv[1:]
    if not args:
        print(WELCOME)
        _pause()
        return
    command = arguments(args)
    code = 0
    try:
        main.main(command, prog_name="reportlint")
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    if command != args:  # files dropped on the program: let the clerk read what happened
        _pause()
    sys.exit(code)


def _pause() -> None:
    """Wait for Enter when this program owns its console window (Explorer
    opened it), so that the window does not vanish unread."""
    if sys.platform != "win32":
        return
    import ctypes

    processes = (ctypes.c_uint * 2)()
    if ctypes.windll.kernel32.GetConsoleProcessList(processes, 2) == 1:
        input("\n按回车键关闭窗口……")
