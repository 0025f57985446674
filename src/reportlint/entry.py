"""The `reportlint` command's entry point (and `python -m reportlint`'s).

Importing the command line, the parser and the rule kinds makes some forty
thousand objects that the cyclic garbage collector tracks and that live
until exit: modules, classes, functions, compiled patterns.  The collector
would walk them over and over while they load, and again in every later full
collection and at exit, about a tenth of checking one report.  So it is off
while the command line is imported, and what was imported is then frozen
out of its collections.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    try:
        from reportlint.cli import main as command
    finally:
        gc.freeze()
        gc.enable()
    command()
