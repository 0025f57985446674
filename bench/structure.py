"""How well the parser sees the structure of real reports, against annotations.

    .venv/bin/python bench/structure.py /path/to/real-reports [--show]

The folder holds real published reports (`NNN.txt`, as the site published
them; never committed) each with `NNN.json`, a reader's annotation: which
lines are page chrome, which hold the title, where each statutory part's
heading is (or that the excerpt was cut before it).  Keys used:
chrome_lines, title_lines, no_title, parts.{measures,shortcomings,duty,plan}
.status ("heading", "topical", "inline", "cut", "absent").

Printed: chrome found on pages that carry it (every chrome line of the page
recognised, and line by line), report lines taken for chrome, titles found,
RL409 "no title" findings on pages with a title, RL101 "missing part" errors
for parts that are there, and every finding per rule, so that each can be read.
Texts from a search index end mid-character: a trailing U+FFFD is dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from reportlint.checks import RuleSet
from reportlint.document import Document, parse
from reportlint.load import decode

PART_LABELS = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "duty": "第一责任人",
    "plan": "下一年度",
}
PRESENT = {"heading", "topical", "inline"}


def paragraph_lines(doc: Document) -> dict[int, int]:
    """Paragraph index -> 1-based line of the text as typed where it starts."""
    return {p.index: doc.position(doc.span(p.start, p.end).start)[0] for p in doc.paragraphs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", action="store_true", help="list each miss and finding")
    args = parser.parse_args(argv)
    rules = RuleSet.load().selected()
    pages = sorted(p for p in args.folder.glob("*.txt") if p.with_suffix(".json").exists())
    tally: Counter[str] = Counter()
    per_rule: Counter[str] = Counter()
    for path in pages:
        note = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8").rstrip("\ufffd")
        doc = parse(decode(text.encode("utf-8"), path.name))
        lines = paragraph_lines(doc)
        # A line is chrome when all it holds is (a watermark cut off a heading's
        # line leaves the heading, on the same line, in the report).
        on_line: dict[int, list[bool]] = {}
        for p in doc.paragraphs:
            on_line.setdefault(lines[p.index], []).append(p.chrome not in (None, "cover"))
        chrome_found = {n for n, kinds in on_line.items() if all(kinds)}
        title_found = {lines[p.index] for p in doc.title}
        typed = text.split("\n")
        chrome = {
            n for n in note.get("chrome_lines") or [] if n <= len(typed) and typed[n - 1].strip()
        }
        if chrome:
            tally["pages with chrome"] += 1
            tally["chrome lines"] += len(chrome)
            tally["chrome lines found"] += len(chrome & chrome_found)
            if chrome <= chrome_found:
                tally["pages with all chrome found"] += 1
            elif args.show:
                print(f"CHROME MISSED {path.name}: lines {sorted(chrome - chrome_found)}")
        wrongly = chrome_found - chrome
        if note.get("title_twice"):  # the page's copy of the title above the report's is header
            wrongly -= set(note.get("title_lines") or [])
        tally["report lines taken for chrome"] += len(wrongly)
        if wrongly and args.show:
            print(f"NOT CHROME {path.name}: lines {sorted(wrongly)}")
        title = set(note.get("title_lines") or [])
        found = rules.run(doc)
        for d in found:
            per_rule[d.code] += 1
        if title and not note.get("no_title"):
            tally["pages with a title"] += 1
            if title_found & title:
                tally["titles found"] += 1
            elif args.show:
                print(
                    f"TITLE MISSED {path.name}: annotated {sorted(title)}, found {sorted(title_found)}"
                )
            if any(d.code == "RL409" and "没有标题" in d.message for d in found):
                tally["wrong no-title findings"] += 1
        for part, label in PART_LABELS.items():
            status = (note.get("parts") or {}).get(part, {}).get("status")
            if status not in PRESENT:
                continue
            tally["parts present"] += 1
            missing = [
                d for d in found if d.code == "RL101" and "缺少" in d.message and label in d.message
            ]
            if missing:
                tally["parts wrongly missing"] += 1
                if args.show:
                    print(f"PART MISSED {path.name}: {part} ({status})")
        if args.show:
            for d in found:
                if d.code not in {"RL404"}:
                    print(f"  {path.name}:{d.line}: {d.code} {d.message[:90]}")
    print(f"pages: {len(pages)}")
    for key in (
        "pages with chrome",
        "pages with all chrome found",
        "chrome lines",
        "chrome lines found",
        "report lines taken for chrome",
        "pages with a title",
        "titles found",
        "wrong no-title findings",
        "parts present",
        "parts wrongly missing",
    ):
        print(f"{key}: {tally[key]}")
    print("findings per rule:", dict(sorted(per_rule.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
