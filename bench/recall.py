"""Recall and false findings of a rule family, from its one-defect corpus.

    .venv/bin/python bench/recall.py                      # every corpus in bench/corpora/
    .venv/bin/python bench/recall.py structure numbers    # some families
    .venv/bin/python bench/recall.py numbers --real ~/real-reports --show

A corpus (`bench/corpora/<family>.yaml`, our own sentences or reports written
the way real reports write them) lists cases, each a consistent text and the
same text with one defect planted:

    family: numbers
    rules: [RL201, RL202]          # the rules whose findings count for this family
    cases:
      - id: done-rate-off-by-2
        class: rate/办结率           # the construction, for the per-class table
        year: 2024                  # optional: the report year (default 2024)
        good: 全年查办案件25件，已办结24件，办结率为96%。
        bad: 全年查办案件25件，已办结24件，办结率为98%。
        expect: RL201               # the rule that must fire on `bad`
        whole: false                # true: good/bad are whole reports, not wrapped

A text that is not `whole` is wrapped as the body of a minimal report of its
year (title, opening, signature), so rules that need a report year have one.
Recall counts the bad texts on which `expect` fires; false findings are the
family's findings on good texts, on samples/clean and on every .txt under
--real (a local folder of real reports, never committed); collateral findings
are those on a bad text that the good one does not have and that are not the
expected rule's (a page's chrome that made the title look missing, say).  The exit status is
0 always: this prints figures, the tests hold the targets.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from rich.cells import cell_len

from reportlint.checks import Diagnostic, RuleSet
from reportlint.document import parse
from reportlint.load import LoadError, decode, load_path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(__file__).resolve().parent / "corpora"


@dataclass(frozen=True)
class Case:
    id: str
    cls: str
    good: str
    bad: str
    expect: str
    year: int
    whole: bool


def wrap(body: str, year: int) -> str:
    """A minimal report around a passage: the year in the title, a 落款 after it."""
    return (
        f"某某镇人民政府关于{year}年法治政府建设情况的报告\n"
        f"{year}年，我镇坚持依法行政，现将有关情况报告如下。\n"
        f"{body}\n"
        "某某镇人民政府\n"
        f"{year + 1}年1月20日\n"
    )


def load_corpus(path: Path) -> tuple[list[str], list[Case]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = [
        Case(
            id=str(c["id"]),
            cls=str(c.get("class", "")),
            good=str(c["good"]),
            bad=str(c["bad"]),
            expect=str(c["expect"]),
            year=int(c.get("year", 2024)),
            whole=bool(c.get("whole", False)),
        )
        for c in data["cases"]
    ]
    return [str(r) for r in data["rules"]], cases


def findings(rules: RuleSet, text: str, name: str = "case.txt") -> list[Diagnostic]:
    return rules.run(parse(decode(text.encode("utf-8"), name)))


@dataclass
class Tally:
    caught: int = 0
    bad: int = 0
    false_cases: int = 0
    good: int = 0
    collateral: int = 0


def run_family(
    path: Path, real: Path | None, show: bool
) -> tuple[dict[str, Tally], Counter[str], Counter[str]]:
    codes, cases = load_corpus(path)
    rules = RuleSet.load().selected(select=codes)
    per_class: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        tally = per_class[case.cls]
        good = case.good if case.whole else wrap(case.good, case.year)
        bad = case.bad if case.whole else wrap(case.bad, case.year)
        tally.good += 1
        wrong = findings(rules, good)
        if wrong:
            tally.false_cases += 1
            if show:
                for d in wrong:
                    print(f"  FALSE {case.id}: {d.code} {d.message}")
        tally.bad += 1
        on_bad = findings(rules, bad)
        if any(d.code == case.expect for d in on_bad):
            tally.caught += 1
        elif show:
            print(f"  MISSED {case.id} ({case.cls}): {case.bad[:80]}")
        expected = {(d.code, d.message) for d in wrong} | {(case.expect, "")}
        extra = [d for d in on_bad if d.code != case.expect and (d.code, d.message) not in expected]
        tally.collateral += len(extra)
        if show:
            for d in extra:
                print(f"  COLLATERAL {case.id}: {d.code} {d.message}")
    samples = Counter[str]()
    for file in sorted((ROOT / "samples" / "clean").glob("*.txt")):
        for d in rules.run(parse(load_path(file))):
            samples[d.code] += 1
            if show:
                print(f"  SAMPLE {file.name}:{d.line}: {d.code} {d.message}")
    on_real = Counter[str]()
    for file in _texts(real):
        try:
            doc = parse(load_path(file))
        except LoadError:
            continue
        for d in rules.run(doc):
            on_real[d.code] += 1
            if show:
                print(f"  REAL {file.name}:{d.line}: {d.code} {d.message}")
    return per_class, samples, on_real


def _pad(text: str, width: int = 34) -> str:
    return text + " " * max(0, width - cell_len(text))


def _texts(folder: Path | None) -> Iterable[Path]:
    return sorted(folder.rglob("*.txt")) if folder is not None else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("families", nargs="*", help="corpus names (default: all)")
    parser.add_argument("--real", type=Path, help="a folder of real reports (.txt) to count on")
    parser.add_argument("--show", action="store_true", help="list misses and false findings")
    args = parser.parse_args(argv)
    paths = [CORPORA / f"{f}.yaml" for f in args.families] or sorted(CORPORA.glob("*.yaml"))
    for path in paths:
        if not path.exists():
            print(f"no corpus {path}", file=sys.stderr)
            return 2
        per_class, samples, on_real = run_family(path, args.real, args.show)
        total = Tally()
        print(f"\n== {path.stem} ==")
        print(f"{_pad('class')} {'recall':>14} {'false (good)':>13} {'collateral':>11}")
        for cls, t in sorted(per_class.items()):
            print(
                f"{_pad(cls)} {t.caught:>4}/{t.bad:<4} {t.caught / t.bad:>4.0%} "
                f"{t.false_cases:>6}/{t.good:<6} {t.collateral:>6}"
            )
            total.caught += t.caught
            total.bad += t.bad
            total.false_cases += t.false_cases
            total.good += t.good
            total.collateral += t.collateral
        recall = total.caught / total.bad if total.bad else 0.0
        print(
            f"{_pad('all')} {total.caught:>4}/{total.bad:<4} {recall:>4.0%} "
            f"{total.false_cases:>6}/{total.good:<6} {total.collateral:>6}"
        )
        print(f"findings on samples/clean: {sum(samples.values())} {dict(samples)}")
        if args.real is not None:
            print(f"findings on {args.real}: {sum(on_real.values())} {dict(on_real)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
