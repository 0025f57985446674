"""The `reportlint` command's entry point (and `python -m reportlint`'s).

Importing the command line, the parser and the rule kinds makes some forty
thousand objects that the cyclic garbage collector tracks and that live
until exit: modules, classes, functions, compiled patterns.  The collector
would walk them over and over while they load, and again in every later full
collection and at exit, about a tenth of checking one report.  So it is off
while the command line is imported, and what was imported is then frozen
out of its collections.

`--version` alone, which set-up scripts and CI run first, is answered before
any of that: importing the command line takes a quarter of a second.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from reportlint import __version__

        try:
            print(f"reportlint {__version__}", flush=True)  # (as click's option says it)
        except BrokenPipeError:  # `| head -0`: as click ends then, with 1 and no traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        return
    gc.disable()
    try:
        from reportlint.cli import main as command
    finally:
        gc.freeze()
        gc.enable()
    command()
