"""Benchmark of RL310 copied-text: a generated province with copies planted.

    .venv/bin/python bench/copies.py                     # 1,000 then 10,000 reports
    .venv/bin/python bench/copies.py --sizes 200 --keep /tmp/province

Every report is written by a different issuer (a town, street or bureau of
one of the counties), from the clauses of samples/clean and samples/seeds
recombined into new sentences and paragraphs with fresh figures: two such
reports share no paragraph, as two towns' own reports do not.  Into them go

- template language, which must stay quiet: the guiding-thought opening;
  ten paragraphs each found in about 40% of the reports (a province's
  standard wording); two paragraphs per county found in about 80% of its
  towns' reports (a county's template), half of them edited a little by
  the town;
- planted copies, which must be found: paragraphs of another issuer's
  report (whole with its names changed, with its figures changed too, or
  edited: a clause replaced or one added, figures changed), and paragraphs of
  the issuer's own report of the year before, in the folder given with
  --against (figures and years changed, or edited as well); and copies
  reworded (three such edits), to show where the similarity threshold ends
  (not counted in the recall);
- a few reports given twice (an identical second file).

Each size is checked with `check_paths` as `reportlint check --select RL310
--against LASTYEAR -j 2` runs it, and the findings are scored against the
plan: recall per kind of copy (a copy counts as found when its paragraph
has a finding naming the file it came from), findings that match no planted
copy (false findings), the reports given twice, time and peak memory.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from reportlint.config import Configuration, Overrides
from reportlint.copies import index as copy_index
from reportlint.runner import check_paths

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
YEAR = 2024
BEYOND = {"town-reworded"}  # copies RL310 is not meant to catch: how far it reaches

_ORDINAL = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+部分)"
)
_ITEM = re.compile(r"^[一二三四五六七八九十]+是")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:县|市|区|镇|乡|街道|旗)")
# Characters for invented place names (two each): no real place is meant.
_NAME_CHARS = (
    "安宁平和岚溪云川岩石桃柳青白金桂望澄北南东西龙凤松柏梅兰竹菊泉河湖山阳江泽丰华兴隆永昌明秀"
)
_DEPARTMENTS = [
    "司法局",
    "教育局",
    "市场监督管理局",
    "人力资源和社会保障局",
    "生态环境局",
    "卫生健康局",
    "自然资源局",
    "城市管理局",
]
_SECTIONS = [
    "主要举措和成效",
    "党政主要负责人履行推进法治建设第一责任人职责情况",
    "存在的不足和原因",
]


class Planted(NamedTuple):
    target: str  # file
    target_line: int
    source: str
    source_line: int
    kind: str


@dataclass
class Province:
    """The generated corpus: where it is and what was planted in it."""

    files: list[Path] = field(default_factory=list)
    earlier: Path | None = None
    planted: list[Planted] = field(default_factory=list)
    twins: list[tuple[str, str]] = field(default_factory=list)  # (second file, first file)
    chars: int = 0


class Issuer(NamedTuple):
    county: str
    name: str  # 安平镇, 司法局
    full: str  # 白岩县安平镇人民政府

    @property
    def town_like(self) -> bool:
        return self.name.endswith(("镇", "乡", "街道"))


def _pair(n: int) -> str:
    k = len(_NAME_CHARS)
    return _NAME_CHARS[n % k] + _NAME_CHARS[(n // k) % k]


def issuer(i: int) -> Issuer:
    """Report i's issuer: counties of 20 issuers, 15 towns and 5 bureaus each."""
    county = _pair(7919 * (i // 20) + 13) + "县"
    k = i % 20
    if k < 15:
        suffix = ("镇", "乡", "街道")[i % 3]
        name = _pair(i * 31 + 7) + suffix
        full = county + name + ("办事处" if suffix == "街道" else "人民政府")
    else:
        name = _DEPARTMENTS[(i // 20 + k) % len(_DEPARTMENTS)]
        full = county + name
    return Issuer(county, name, full)


def clause_pool(samples: Path) -> list[str]:
    """Clauses of the sample reports' prose, figures left as {} to fill, names left out."""
    clauses: set[str] = set()
    for path in sorted((samples / "clean").glob("*.txt")) + sorted(
        (samples / "seeds").glob("*.txt")
    ):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = _ORDINAL.sub("", line.strip())
            if len(line) < 30 or "。" not in line:
                continue
            for sentence in re.split(r"[。；！？]", line):
                for clause in re.split(r"[，,：:]", _ITEM.sub("", sentence.strip())):
                    clause = clause.strip()
                    if 6 <= len(clause) <= 40 and not _PLACE.search(clause) and "20" not in clause:
                        clauses.add(_NUMBER.sub("{}", clause.replace("{", "").replace("}", "")))
    return sorted(clauses)


def _fill(clause: str, rng: random.Random) -> str:
    return clause.format(*(rng.randint(2, 300) for _ in range(clause.count("{}"))))


def paragraph(rng: random.Random, pool: Sequence[str], sentences: tuple[int, int] = (3, 5)) -> str:
    """A new paragraph: sentences of 2-4 clauses drawn from the pool, fresh figures."""
    out = []
    for _ in range(rng.randint(*sentences)):
        out.append("，".join(_fill(c, rng) for c in rng.sample(pool, rng.randint(2, 4))) + "。")
    return "".join(out)


def refigure(text: str, rng: random.Random) -> str:
    return _NUMBER.sub(lambda m: str(rng.randint(2, 300)), text)


def edit(text: str, rng: random.Random, pool: Sequence[str]) -> str:
    """A copy worked on: in one sentence a clause replaced, or one added; figures changed."""
    sentences = text.split("。")
    at = rng.randrange(len(sentences) - 1) if len(sentences) > 1 else 0
    clauses = sentences[at].split("，")
    new = _fill(rng.choice(pool), rng)
    where = rng.randrange(len(clauses))
    if rng.random() < 0.5 and len(clauses) > 1:
        clauses[where] = new
    else:
        clauses.insert(where, new)
    sentences[at] = "，".join(clauses)
    return refigure("。".join(sentences), rng)


class Draft(NamedTuple):
    """A report before planting: its lines and which lines are its own prose."""

    lines: list[str]
    own: list[int]  # lines holding paragraphs of its own (not template), which a copy may replace


def draft(i: int, year: int, seed: int, pool: Sequence[str], stock: Sequence[str]) -> Draft:
    """Report i of `year`, as its issuer writes it alone."""
    rng = random.Random(f"{seed}/{i}/{year}")
    who = issuer(i)
    county_rng = random.Random(f"{seed}/county/{who.county}")
    county_template = [paragraph(county_rng, pool) for _ in range(2)]
    lines = [f"{who.county}{who.name}{year}年法治政府建设情况报告", ""]
    lines.append(
        f"{year}年，{who.name}在县委、县政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，"
        f"深入学习贯彻党的二十大和二十届三中全会精神，全面贯彻习近平法治思想，"
        + paragraph(rng, pool, (1, 2))
        + "现将有关情况报告如下。"
    )
    own: list[int] = []
    numerals = "一二三四五六七八九十"
    for chapter, title in enumerate(_SECTIONS):
        lines.append(f"{numerals[chapter]}、{title}")
        parts = rng.randint(3, 5) if chapter == 0 else 1
        for part in range(parts):
            if chapter == 0:
                lines.append(f"（{numerals[part]}）" + "，".join(rng.sample(pool, 1)))
            for _ in range(rng.randint(1, 2)):
                own.append(len(lines))
                lines.append(paragraph(rng, pool))
            if chapter == 0 and rng.random() < 0.4:
                lines.append(rng.choice(stock))
            if chapter == 0 and part < 2 and county_rng.random() < 0.8:
                # The county's wording, the figures the town's own, and half the
                # towns edit it a little too: a template all the same.
                wording = county_template[part]
                lines.append(
                    edit(wording, rng, pool) if rng.random() < 0.5 else refigure(wording, rng)
                )
    lines.append(f"四、{year + 1}年工作安排")
    own.append(len(lines))
    lines.append(
        "".join(
            f"{numerals[k]}是"
            + "，".join(_fill(c, rng) for c in rng.sample(pool, rng.randint(2, 3)))
            + "。"
            for k in range(rng.randint(4, 6))
        )
    )
    lines += ["", who.full, f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"]
    return Draft(lines, own)


def _rename(text: str, source: Issuer, target: Issuer) -> str:
    return text.replace(source.county, target.county).replace(source.name, target.name)


def build(folder: Path, count: int, seed: int, samples: Path) -> Province:
    pool = clause_pool(samples)
    stock_rng = random.Random(f"{seed}/stock")
    stock = [paragraph(stock_rng, pool) for _ in range(10)]
    province = Province(earlier=folder / "去年")
    (folder / "今年").mkdir(parents=True)
    province.earlier.mkdir()
    names = [f"{i:05d}_{issuer(i).county}{issuer(i).name}.txt" for i in range(count)]
    earlier_names = [
        f"{i:05d}_{issuer(i).county}{issuer(i).name}_{YEAR - 1}.txt" for i in range(count)
    ]
    drafts: dict[tuple[int, int], Draft] = {}

    def get(i: int, year: int) -> Draft:
        if (i, year) not in drafts:
            drafts[(i, year)] = draft(i, year, seed, pool, stock)
        return drafts[(i, year)]

    # What each report takes, decided before any is written so that a copy
    # never takes a line another copy replaced.
    plans: dict[int, list[tuple[int, str, int, int, int]]] = defaultdict(list)
    taken: set[tuple[int, int]] = set()  # (report, line) replaced or given
    for i in range(count):
        rng = random.Random(f"{seed}/plan/{i}")
        own = get(i, YEAR).own
        if rng.random() < 0.15:  # from another town's report
            j = rng.randrange(count)
            if j != i:
                for _ in range(rng.randint(1, 2)):
                    line = rng.choice(own)
                    source_line = rng.choice(get(j, YEAR).own)
                    if (i, line) in taken or (j, source_line) in taken:
                        continue
                    kind = rng.choice(
                        [
                            "town-whole",
                            "town-figures",
                            "town-figures",
                            "town-edited",
                            "town-reworded",
                        ]
                    )
                    plans[i].append((line, kind, j, YEAR, source_line))
                    taken.update({(i, line), (j, source_line)})
        if rng.random() < 0.3:  # from its own report of the year before
            before = get(i, YEAR - 1)
            for _ in range(rng.randint(1, 3)):
                line = rng.choice(own)
                if (i, line) in taken:
                    continue
                kind = rng.choice(["year-figures", "year-figures", "year-edited"])
                plans[i].append((line, kind, i, YEAR - 1, rng.choice(before.own)))
                taken.add((i, line))
    for i in range(count):
        rng = random.Random(f"{seed}/copy/{i}")
        lines = list(get(i, YEAR).lines)
        for line, kind, j, year, source_line in plans[i]:
            text = _rename(get(j, year).lines[source_line], issuer(j), issuer(i))
            if kind.endswith("figures"):
                text = refigure(text, rng)
            elif kind.endswith("edited"):
                text = edit(text, rng, pool)
            elif kind.endswith("reworded"):  # three edits: past what RL310 means to catch
                text = edit(edit(edit(text, rng, pool), rng, pool), rng, pool)
            lines[line] = text
            source = (
                (folder / "今年" / names[j])
                if year == YEAR
                else (province.earlier / earlier_names[j])
            )
            province.planted.append(Planted(names[i], line + 1, source.name, source_line + 1, kind))
        path = folder / "今年" / names[i]
        text = "\n".join(lines) + "\n"
        path.write_text(text, encoding="utf-8")
        province.files.append(path)
        province.chars += len(text)
        if random.Random(f"{seed}/twice/{i}").random() < 0.005:
            twin = path.with_name(path.stem + "（重复提交）.txt")
            twin.write_text(text, encoding="utf-8")
            province.files.append(twin)
            province.twins.append((twin.name, path.name))
    for i in sorted({i for i in range(count) if (i, YEAR - 1) in drafts}):
        (province.earlier / earlier_names[i]).write_text(
            "\n".join(get(i, YEAR - 1).lines) + "\n", encoding="utf-8"
        )
    return province


class Score(NamedTuple):
    found: Counter[str]
    planted: Counter[str]
    false: list[str]
    twins_found: int


def score(
    province: Province, copies: Sequence[tuple[str, int, str, int]], twins: set[str]
) -> Score:
    """Copies found (a finding on the planted paragraph naming its source),
    and findings that match no planted copy in either direction."""
    expected: dict[tuple[str, int], set[str]] = defaultdict(set)
    for p in province.planted:
        expected[(p.target, p.target_line)].add(p.source)
        if not p.kind.startswith("year"):
            expected[(p.source, p.source_line)].add(p.target)
    said = {(path, line): other for path, line, other, _ in copies}
    found: Counter[str] = Counter()
    for p in province.planted:
        if said.get((p.target, p.target_line)) == p.source:
            found[p.kind] += 1
    false = [
        f"{path}:{line} -> {other}:{other_line}"
        for path, line, other, other_line in copies
        if other not in expected.get((path, line), set())
    ]
    wanted = {twin for twin, _ in province.twins}
    return Score(found, Counter(p.kind for p in province.planted), false, len(wanted & twins))


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def check(folder: Path, earlier: Path, jobs: int) -> dict[str, Any]:
    """`reportlint check --select RL310 --against EARLIER -j JOBS FOLDER`, in
    this process (a fresh one: its peak memory is the run's), with times."""
    timings: dict[str, float] = {}
    find = copy_index.CopyIndex.find

    def timed_find(self: copy_index.CopyIndex) -> copy_index.CopyOutcome:
        timings["gathered"] = time.perf_counter()
        timings["paragraphs"] = self.paragraphs
        outcome = find(self)
        timings["found"] = time.perf_counter()
        return outcome

    copy_index.CopyIndex.find = timed_find  # type: ignore[method-assign]
    config = Configuration(Overrides(select=("RL310",)))
    started = time.perf_counter()
    result = check_paths([str(folder)], config, jobs=jobs, against=[str(earlier)])
    return {
        "wall": time.perf_counter() - started,
        "read": timings["gathered"] - started,
        "compare": timings["found"] - timings["gathered"],
        "paragraphs": timings["paragraphs"],
        "cpu": _cpu(resource.RUSAGE_SELF),
        "workers_cpu": _cpu(resource.RUSAGE_CHILDREN),
        "rss": _maxrss_mb(resource.RUSAGE_SELF),
        "workers_rss": _maxrss_mb(resource.RUSAGE_CHILDREN),
        "copies": [
            (Path(c.path).name, c.line, Path(c.other).name, c.other_line)
            for c in result.copies
            if c.line
        ],
        "twins": sorted(Path(c.path).name for c in result.copies if c.message == "identical"),
        "findings": len(result.diagnostics),
    }


def run(size: int, seed: int, samples: Path, keep: Path | None, jobs: int) -> None:
    folder = (
        Path(tempfile.mkdtemp(prefix="reportlint-copies-")) if keep is None else keep / str(size)
    )
    try:
        started = time.perf_counter()
        province = build(folder, size, seed, samples)
        built = time.perf_counter() - started
        assert province.earlier is not None
        earlier = len(list(province.earlier.iterdir()))
        print(
            f"\n{size} reports ({len(province.files)} files with the ones given twice, "
            f"{province.chars / 1e6:.1f} M characters), {earlier} of the year before; "
            f"{len(province.planted)} copies planted; built in {built:.1f} s"
        )
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--check",
                str(folder / "今年"),
                str(province.earlier),
                str(jobs),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        got = json.loads(child.stdout)
        copies = [tuple(c) for c in got["copies"]]
        s = score(province, copies, set(got["twins"]))
        files = len(province.files) + earlier
        print(
            f"time: {got['wall']:.1f} s wall ({size / got['wall']:.0f} reports/s): read, parse and "
            f"fingerprint {got['read']:.1f} s with {jobs} workers, gather and compare "
            f"{got['compare']:.1f} s ({int(got['paragraphs'])} paragraphs compared)"
        )
        print(
            f"CPU: {got['cpu']:.1f} s the main process, {got['workers_cpu']:.1f} s the workers "
            f"({1000 * (got['cpu'] + got['workers_cpu']) / files:.1f} ms a file in all)"
        )
        print(
            f"peak memory: {got['rss']:.0f} MB the main process, "
            f"{got['workers_rss']:.0f} MB the largest worker"
        )
        meant = [kind for kind in s.planted if kind not in BEYOND]
        total, found = sum(s.planted[k] for k in meant), sum(s.found[k] for k in meant)
        print(f"recall: {found}/{total} = {found / total:.1%} (reworded copies aside)")
        for kind in sorted(s.planted):
            share = s.found[kind] / s.planted[kind]
            note = "  (past the threshold: not in the recall)" if kind in BEYOND else ""
            print(f"  {kind:<14} {s.found[kind]}/{s.planted[kind]} = {share:.1%}{note}")
        print(
            f"findings: {len(copies)} paragraphs; false (no planted copy either way): {len(s.false)}"
        )
        for line in s.false[:10]:
            print(f"  {line}")
        print(f"reports given twice: {s.twins_found}/{len(province.twins)} reported as such")
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000", help="reports per run, comma-separated")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--keep", type=Path, help="build each corpus in DIR/<size> and keep it")
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument(
        "--check", nargs=3, metavar=("FOLDER", "EARLIER", "JOBS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.check:
        folder, earlier, jobs = args.check
        print(json.dumps(check(Path(folder), Path(earlier), int(jobs))))
        return
    pool = clause_pool(args.samples)
    print(f"clause pool: {len(pool)} clauses from {args.samples}")
    for size in (int(s) for s in args.sizes.split(",")):
        run(size, args.seed, args.samples, args.keep, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
