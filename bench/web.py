"""The clerk's page: how long its answers take, the check and the Word copy.

    .venv/bin/python bench/web.py [--repeat 7] [FILE.txt ...]

Each report (by default seeds 000 and 004 and a clean sample) is made into a
Word file and posted to the page's app in process (Starlette's test client,
the same routes, limits and JSON as `reportlint serve`): /api/check alone,
what the page answers today, and /api/annotate, the annotated copy made when
the clerk presses 下载带批注的 Word 文件.  Check plus copy is what every
answer would cost if the copy came with the check.  Medians of --repeat runs,
A and B interleaved so that the machine's load falls on both alike.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from urllib.parse import quote

from starlette.testclient import TestClient

from reportlint.annotate import text_to_docx
from reportlint.checks import RuleSet
from reportlint.web.app import create_app

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DEFAULT = [
    SAMPLES / "seeds" / "000_c305b519845a9fdf.txt",
    SAMPLES / "seeds" / "004_7e756e6a511fe527.txt",
    SAMPLES / "clean" / "01_county_2024.txt",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    client = TestClient(create_app(RuleSet.load().selected()), base_url="http://127.0.0.1:8765")
    print(f"{'report (as .docx)':<34} {'findings':>8} {'check':>8} {'copy':>8} {'both':>8}")
    for path in args.files:
        data = text_to_docx(path.read_text("utf-8"))
        headers = {"X-File-Name": quote(path.stem + ".docx")}

        def timed(route: str, data: bytes = data, headers: dict[str, str] = headers) -> float:
            start = time.perf_counter()
            response = client.post(route, content=data, headers=headers)
            elapsed = time.perf_counter() - start
            assert response.status_code == 200, response.text
            return elapsed

        findings = sum(
            client.post("/api/check", content=data, headers=headers).json()["counts"].values()
        )
        timed("/api/annotate")  # warm: python-docx's first import
        check, copy = [], []
        for _ in range(args.repeat):
            check.append(timed("/api/check"))
            copy.append(timed("/api/annotate"))
        c, a = statistics.median(check), statistics.median(copy)
        print(
            f"{path.name:<34} {findings:>8} {c * 1000:>6.0f}ms {a * 1000:>6.0f}ms {(c + a) * 1000:>6.0f}ms"
        )


if __name__ == "__main__":
    main()
