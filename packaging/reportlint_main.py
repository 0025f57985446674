"""What PyInstaller runs: the one-file program's entry point (see build.py)."""

from reportlint.standalone import run

run()
