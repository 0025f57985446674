"""Do two versions of reportlint find the same?  The JSON output of
`reportlint check --format json --exit-zero` over the bench corpus, byte for byte.

    .venv/bin/python bench/findings.py --corpus /tmp/corpus --save before.json
    ... change the code ...
    .venv/bin/python bench/findings.py --corpus /tmp/corpus --compare before.json

The corpus is built once (bench/run.py's, --count reports) and reused; a
speed change must leave the output identical.  `--select` adds rules that are
off by default (RL305), `--reportlint` runs another installation.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(corpus: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_run", HERE / "run.py")
    assert spec is not None and spec.loader is not None
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    run.build(corpus, count, 0, run.SAMPLES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, required=True, help="built here unless it exists")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--extend-select", default="", help="e.g. RL305")
    parser.add_argument("--reportlint", default=str(Path(sys.executable).with_name("reportlint")))
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write the output here")
    what.add_argument("--compare", type=Path, help="compare the output with this file")
    args = parser.parse_args()
    if not args.corpus.exists():
        build(args.corpus, args.count)
    argv = [args.reportlint, "check", "--format", "json", "--exit-zero"]
    if args.extend_select:
        argv += ["--extend-select", args.extend_select]
    out = subprocess.run([*argv, "."], cwd=args.corpus, capture_output=True, check=True).stdout
    codes = Counter(d["code"] for d in json.loads(out))
    summary = f"{sum(codes.values())} findings, {len(out)} bytes, sha256 {hashlib.sha256(out).hexdigest()[:16]}"
    if args.save:
        args.save.write_bytes(out)
        print(f"saved: {summary}")
        return
    before = args.compare.read_bytes()
    if before == out:
        print(f"identical: {summary}")
        return
    old = Counter(d["code"] for d in json.loads(before))
    changed = {c: (old[c], codes[c]) for c in sorted(old | codes) if old[c] != codes[c]}
    print(f"DIFFERENT: {summary}; per rule (before, after): {changed or 'same counts'}")
    sys.exit(1)


if __name__ == "__main__":
    main()
