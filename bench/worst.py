"""Hostile inputs: how long `reportlint check` takes on text built to be slow.

A CI gate must not hang on whatever is submitted.  Each case is a file of about
the given size that repeats one construct a rule or the parser scans for (a
page-long run-on line of rates, thousands of headings, unclosed brackets…);
the script times `reportlint check` on it, start-up included, and prints the
seconds.  Time should grow about linearly with size: compare --size 100 with
--size 400.

    .venv/bin/python bench/worst.py [--size 400]   # KB per case
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Each case: a name and the text it repeats after a title line.
CASES = {
    "run-on rates": "受理40件，办结38件，办结率95%，",
    "headings": "一、工作情况\n二、工作情况\n三、工作情况\n",
    "open brackets": "（",
    "open quotes": "“",
    "one long line": "法治政府建设",
    "digits": "1",
    "sums": "共受理30件：来信12件、来访20件，",
    "years": "2024年，我镇将继续推进。",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=400, help="KB per case (default 400)")
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("reportlint")
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit in CASES.items():
            repeat = args.size * 1024 // len(unit.encode("utf-8")) + 1
            path = Path(tmp) / "case.txt"
            path.write_text("某镇2024年法治政府建设情况报告\n" + unit * repeat, encoding="utf-8")
            start = time.perf_counter()
            done = subprocess.run([str(exe), "check", str(path)], capture_output=True, check=False)
            seconds = time.perf_counter() - start
            if done.returncode not in (0, 1):  # 2 is an error, not findings
                sys.exit(f"{name}: reportlint exited {done.returncode}: {done.stderr[-500:]!r}")
            print(f"{name:14} {args.size:5} KB  {seconds:6.2f} s")


if __name__ == "__main__":
    main()
