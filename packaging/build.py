"""Build reportlint as one program file that needs no Python: dist/reportlint.exe
on Windows, dist/reportlint on Linux (PyInstaller builds for the system it
runs on; it does not cross-compile).  Then run the program on the samples to
prove it works.

    python -m venv .venv
    .venv/bin/pip install '.[pdf]' pyinstaller        (Windows: .venv\\Scripts\\pip)
    .venv/bin/python packaging/build.py               (Windows: .venv\\Scripts\\python)

Options: --skip-build only runs the checks on an existing dist/ program.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "reportlint"


def build(dist: Path, work: Path) -> Path:
    # PyInstaller's --add-data takes SOURCE;DEST on Windows, SOURCE:DEST elsewhere.
    separator = os.pathsep
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--onefile",
        "--console",  # a clerk's drop on the program shows what it wrote
        "--noconfirm",
        "--clean",
        "--name",
        NAME,
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        # The rule packs, where checks/rules.py looks for them in an installed package.
        "--add-data",
        f"{ROOT / 'rules'}{separator}reportlint/rules",
        # Data files the libraries read at run time: OpenCC's dictionaries;
        # python-docx's templates (a new comments part starts from one) by our hook.
        "--collect-all",
        "opencc",
        "--additional-hooks-dir",
        str(ROOT / "packaging" / "hooks"),
        # rich picks its Unicode width tables by version, imported by name.
        "--collect-submodules",
        "rich._unicode_data",
        str(ROOT / "packaging" / "reportlint_main.py"),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    program = dist / (NAME + (".exe" if sys.platform == "win32" else ""))
    if not program.is_file():
        raise SystemExit(f"PyInstaller did not produce {program}")
    return program


def smoke_test(program: Path) -> None:
    """The program checks a report, annotates a Word file and speaks Chinese,
    from a folder that is not the source tree."""
    seeds = ROOT / "samples" / "seeds"
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [str(program), *args],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                cwd=here,
                env=env,
                timeout=120,
            )

        started = time.perf_counter()
        checked = run("check", str(seeds / "001_e1b441fd9463275d.txt"))
        seconds = time.perf_counter() - started
        _expect(checked.returncode == 1 and "RL103 [error]" in checked.stdout, "check", checked)
        print(f"check: exit 1 with RL103, {seconds:.1f} s including unpacking")

        shown = run("check", "--help")
        _expect(shown.returncode == 0 and "用法：reportlint check" in shown.stdout, "help", shown)

        report = here / "报告.txt"
        shutil.copy(seeds / "004_7e756e6a511fe527.txt", report)
        annotated = run("annotate", str(report))
        copy = here / "报告（审查意见）.docx"
        _expect(annotated.returncode == 1 and copy.is_file(), "annotate", annotated)
        # A file dropped on the program is annotated too (here, the Word copy itself).
        dropped = run(str(copy))
        _expect(
            dropped.returncode == 1 and (here / "报告（审查意见）（审查意见）.docx").is_file(),
            "drop",
            dropped,
        )
        print(annotated.stdout.strip())
        welcome = run()
        _expect(
            welcome.returncode == 0 and "拖到 reportlint.exe" in welcome.stdout, "welcome", welcome
        )
    print(f"{program} works ({program.stat().st_size / 1e6:.0f} MB)")


def _expect(ok: bool, what: str, done: subprocess.CompletedProcess[str]) -> None:
    if not ok:
        raise SystemExit(
            f"smoke test '{what}' failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="test the program in dist/")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    if args.skip_build:
        program = args.dist / (NAME + (".exe" if sys.platform == "win32" else ""))
    else:
        with tempfile.TemporaryDirectory() as work:
            started = time.perf_counter()
            program = build(args.dist, Path(work))
            print(f"built {program} in {time.perf_counter() - started:.0f} s")
    smoke_test(program)


if __name__ == "__main__":
    main()
