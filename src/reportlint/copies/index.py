"""The gathering: every report's fingerprints, then the copies among them.

Reports arrive one at a time (from the worker that parsed each) and are
dropped but for their fingerprints: per paragraph a row of LSH band keys and
a few numbers, per sentence a 32-bit hash, all in flat arrays, and a packed
record (the paragraph's place and comparable sentences) written to an
anonymous temporary file.  Memory is therefore about 120 bytes a paragraph
and a few hundred a report, whatever the texts.

Then, once:

1. Template sentences: a masked sentence found in reports of
   `template_issuers` issuers or more (the guiding thought, a county's
   standard wording) is taken out of every paragraph before comparing.
2. Candidates: two paragraphs that share an LSH bucket in some band, or a
   non-template sentence.  Sorting the keys finds them: no pair of
   paragraphs is looked at unless it shares something, so the work grows
   with the copies, not with the square of the run.  A band's bucket
   holding paragraphs of that many issuers is not made into pairs: its
   paragraphs are *crowded*.
3. Template paragraphs, never reported: one that is mostly template
   sentences (the common wording with a local edit), or a crowded one as
   like as a copy to paragraphs of `template_issuers - 1` other issuers in
   its bucket (the common wording with every sentence edited).  Only the
   paragraphs of candidate pairs are looked at so.
4. Confirmation: the texts of each candidate pair, template sentences out,
   are read back and compared exactly (rapidfuzz's Indel similarity); from
   `similarity` on, and with `min_chars` left on both sides, it is a copy.

A report given twice (the same file under two names, or the same text) is
reported once as such and not compared paragraph by paragraph; so is one
given again nearly whole (`SAME_REPORT` of each found in the other: a
repost, the report as .docx and as .pdf, a draft and the final text) when
nothing says the two are of different issuers or years.  Otherwise two
reports of one issuer and one year (a 述法 report that repeats the duty
chapter) are that issuer's own words: not reported.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections import defaultdict
from functools import cache, lru_cache
from itertools import accumulate
from typing import Literal, NamedTuple

import msgspec
import numpy as np
import numpy.typing as npt

from reportlint.checks import Diagnostic, Rule
from reportlint.checks.copies import Copied, Copies
from reportlint.copies.passages import MIN_SENTENCE, Issuer, Location, ReportPrints
from reportlint.copies.sketch import BANDS, sentence_hash
from reportlint.document import Span
from reportlint.load import STDIN_NAME

Side = Literal["other-report", "earlier-year"] | None
# Two reports are one given twice when this share of each is found in the other.
SAME_REPORT = 0.8


class _File(NamedTuple):
    """What is kept of a report once its fingerprints are in the index."""

    path: str
    issuer: Issuer
    year: int | None
    chars: int
    anchor: bytes  # packed Location of its title
    rule: Rule | None  # None: a report of --against, compared with but not reported
    paragraphs: int  # in the index (none for a report given twice)


class Match(NamedTuple):
    similarity: float
    other: int  # paragraph
    side: str  # the message id


class CopyOutcome(NamedTuple):
    diagnostics: list[Diagnostic]
    copies: list[Copied]  # what the findings say: paragraphs in file order, then reports twice
    # Per checked report: the share of its text found copied (0.0 when
    # none), None for one given twice (its twin carries the findings).
    shares: dict[str, float | None]


_decode = msgspec.msgpack.Decoder(tuple[Location, list[str]]).decode
_decode_location = msgspec.msgpack.Decoder(Location).decode


class CopyIndex:
    def __init__(self, kind: Copies) -> None:
        self.kind = kind
        self.files: list[_File] = []
        # Per paragraph: BANDS keys, its length, where its record is in the
        # spill file; per sentence: its hash and its paragraph.  Plain arrays,
        # not one numpy array per report: 10,000 small arrays cost more than
        # their contents.
        self._bands = array("I")
        self._lengths = array("i")
        self._offsets = array("q")
        self._sizes = array("i")
        self._sentences = array("I")
        self._owners = array("i")
        # The paragraphs' records, read back for the comparison; closed by close().
        self._spill = tempfile.TemporaryFile()  # noqa: SIM115
        self._written = 0
        self._digests: dict[bytes, int] = {}
        self._identities: dict[tuple[int, int], int] = {}
        # (file, message id, other file, share of text alike): a report given twice.
        self._twins: list[tuple[int, str, int, float]] = []
        self.paragraphs = 0

    def add(self, prints: ReportPrints, rule: Rule | None) -> None:
        """One report of the run (with the rule it is checked with) or, with
        rule None, one of --against."""
        index = len(self.files)
        identity = _identity(prints.path)
        twin = self._identities.get(identity) if identity else None
        message = "same-file"
        if twin is None and prints.chars:
            twin, message = self._digests.get(prints.digest), "identical"
        if twin is not None:
            # Reported on the checked one of the two (the later if both are).
            if rule is not None:
                self._twins.append((index, message, twin, 1.0))
            elif self.files[twin].rule is not None:
                self._twins.append((twin, message, index, 1.0))
            self.files.append(_file(prints, rule, 0))
            return
        if identity:
            self._identities[identity] = index
        self._digests[prints.digest] = index
        count = len(prints.records)
        # One write a report: a write a paragraph was a tenth of the main process's
        # work in a run with workers.
        sizes = [len(record) for record in prints.records]
        if sizes:
            self._offsets.extend(accumulate(sizes[:-1], initial=self._written))
            self._sizes.extend(sizes)
            self._spill.write(b"".join(prints.records))
            self._written += sum(sizes)
        self._bands.frombytes(prints.bands.astype(np.uint32).tobytes())
        self._lengths.frombytes(prints.lengths.astype(np.int32).tobytes())
        self._sentences.frombytes(prints.sentences.astype(np.uint32).tobytes())
        self._owners.frombytes((prints.owners + self.paragraphs).astype(np.int32).tobytes())
        self.files.append(_file(prints, rule, count))
        self.paragraphs += count

    def find(self) -> CopyOutcome:
        """The copies among everything added, as diagnostics of the checked reports."""
        self._spill.flush()
        n = self.paragraphs
        paragraph_file = np.repeat(
            np.arange(len(self.files), dtype=np.int32),
            np.array([f.paragraphs for f in self.files], dtype=np.int64),
        )
        issuer = self._issuer_ids()[paragraph_file]
        bands = np.frombuffer(self._bands, dtype=np.uint32).reshape(n, BANDS)
        sentences = np.frombuffer(self._sentences, dtype=np.uint32)
        owners = np.frombuffer(self._owners, dtype=np.int32)
        limit = self.kind.params.template_issuers

        template = _template_keys(sentences, issuer[owners], limit)
        crowds = _Crowds(n)
        pairs: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []
        for band in range(BANDS):
            pairs.append(_bucket_pairs(bands[:, band], issuer, limit, crowds))
        kept = ~np.isin(sentences, template)
        pairs.append(
            _bucket_pairs(sentences[kept], issuer[owners[kept]], limit, None, owners[kept])
        )
        candidates = _unique_pairs(pairs, n)
        candidates = candidates[
            paragraph_file[candidates[:, 0]] != paragraph_file[candidates[:, 1]]
        ]
        best, seen = self._confirm(
            candidates, paragraph_file, issuer, crowds, set(template.tolist())
        )
        return self._outcome(best, seen, paragraph_file)

    # -- steps ---------------------------------------------------------------

    def _issuer_ids(self) -> npt.NDArray[np.int32]:
        """One number per issuer; a report whose issuer is unknown is its own."""
        ids: dict[str, int] = {}
        out = np.empty(len(self.files), dtype=np.int32)
        for i, f in enumerate(self.files):
            key = f.issuer.key or f"\0{i}"
            out[i] = ids.setdefault(key, len(ids))
        return out

    def _confirm(
        self,
        candidates: npt.NDArray[np.int64],
        paragraph_file: npt.NDArray[np.int32],
        issuer: npt.NDArray[np.int32],
        crowds: _Crowds,
        template: set[int],
    ) -> tuple[dict[int, Match], dict[int, set[int]]]:
        from rapidfuzz.distance import Indel

        threshold = self.kind.params.similarity
        min_chars = self.kind.params.min_chars
        limit = self.kind.params.template_issuers
        text = lru_cache(maxsize=8192)(lambda p: self._residual(p, template))
        whole = lru_cache(maxsize=8192)(lambda p: "".join(_decode(self._record(p))[1]))

        @cache
        def common(p: int) -> bool:
            """Template: mostly template sentences (the common wording with a
            local edit), or like paragraphs of `limit - 1` other issuers in a
            crowded bucket (the common wording, every sentence edited)."""
            if 2 * len(text(p)) < len(whole(p)):
                return True
            others = [q for q in crowds.members(p) if issuer[q] != issuer[p]]
            if len(others) < limit - 1:
                return False
            mine = whole(p)
            like = sum(Indel.normalized_similarity(mine, whole(q)) >= threshold for q in others)
            return like >= limit - 1

        relations: dict[tuple[int, int], tuple[Side, Side] | None] = {}
        versions: dict[tuple[int, int], bool] = {}
        confirmed: list[tuple[int, int, float]] = []
        # Per pair of reports that may be one report twice: the paragraphs of each found in the other.
        shared: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
        for a, b in candidates.tolist():
            fa, fb = int(paragraph_file[a]), int(paragraph_file[b])
            key = (fa, fb)
            if key not in relations:
                relations[key] = _relation(self.files[fa], self.files[fb])
                versions[key] = _may_be_one_report(self.files[fa], self.files[fb])
            if (relations[key] is None and not versions[key]) or common(a) or common(b):
                continue
            ta, tb = text(a), text(b)
            if len(ta) < min_chars or len(tb) < min_chars:
                continue
            similarity = Indel.normalized_similarity(ta, tb, score_cutoff=threshold)
            if not similarity:
                continue
            confirmed.append((a, b, similarity))
            if versions[key]:
                mine, theirs = shared.setdefault(key, (set(), set()))
                mine.add(a)
                theirs.add(b)
        repeated = self._versions(shared)
        best: dict[int, Match] = {}
        seen: dict[int, set[int]] = defaultdict(set)  # paragraph -> other files with a copy
        for a, b, similarity in confirmed:
            fa, fb = int(paragraph_file[a]), int(paragraph_file[b])
            relation = relations[(fa, fb)]
            if relation is None or fa in repeated or fb in repeated:
                continue
            for here, there, side, other_file in ((a, b, relation[0], fb), (b, a, relation[1], fa)):
                if side is None:
                    continue
                seen[here].add(other_file)
                found = best.get(here)
                if found is None or (similarity, -there) > (found.similarity, -found.other):
                    best[here] = Match(similarity, there, side)
        return best, seen

    def _versions(self, shared: dict[tuple[int, int], tuple[set[int], set[int]]]) -> set[int]:
        """Reports that are another report of the run once more, nearly all
        of each found in the other (a repost, the .docx and the .pdf, a draft
        and the final text): reported once each, on the later, as such; their
        paragraphs are not reported."""
        lengths = self._lengths
        repeated: set[int] = set()
        for (fa, fb), (mine, theirs) in sorted(shared.items()):
            later, first = max(fa, fb), min(fa, fb)
            if later in repeated or first in repeated:
                continue
            share = min(
                sum(lengths[p] for p in mine) / max(self.files[fa].chars, 1),
                sum(lengths[p] for p in theirs) / max(self.files[fb].chars, 1),
            )
            if share >= SAME_REPORT:
                repeated.add(later)
                self._twins.append((later, "same-report", first, share))
        return repeated

    def _residual(self, paragraph: int, template: set[int]) -> str:
        """The paragraph's comparable text without its template sentences."""
        _, sentences = _decode(self._record(paragraph))
        return "".join(
            s for s in sentences if len(s) < MIN_SENTENCE or sentence_hash(s) not in template
        )

    def _record(self, paragraph: int) -> bytes:
        self._spill.seek(self._offsets[paragraph])
        return self._spill.read(self._sizes[paragraph])

    def _outcome(
        self,
        best: dict[int, Match],
        seen: dict[int, set[int]],
        paragraph_file: npt.NDArray[np.int32],
    ) -> CopyOutcome:
        diagnostics: list[Diagnostic] = []
        copies: list[Copied] = []
        lengths = self._lengths
        copied: dict[int, int] = defaultdict(int)
        for paragraph in sorted(best):
            match = best[paragraph]
            f = int(paragraph_file[paragraph])
            other = self.files[int(paragraph_file[match.other])]
            where, _ = _decode(self._record(paragraph))
            there, _ = _decode(self._record(match.other))
            args = {
                "other": other.path,
                "line": there.line,
                "similarity": f"{match.similarity:.0%}",
                # An issuer neither title nor 落款 names is not said to be another.
                "issuer": f"{other.issuer.name}的报告" if other.issuer.name else "另一份报告",
                "year": f"{other.year}年度" if other.year else "往年",
                "count": len(seen[paragraph]),
            }
            diagnostics.append(_diagnostic(self.files[f], where, match.side, args))
            copies.append(
                Copied(
                    self.files[f].path,
                    where.line,
                    other.path,
                    there.line,
                    match.similarity,
                    match.side,
                )
            )
            copied[f] += lengths[paragraph]
        twins = set()
        for twin, message, first, share in self._twins:
            twins.add(twin)
            args = {"other": self.files[first].path, "share": f"{share:.0%}"}
            diagnostics.append(self._about_report(twin, message, args))
            copies.append(
                Copied(self.files[twin].path, 0, self.files[first].path, 0, share, message)
            )
        shares: dict[str, float | None] = {}
        for i, file in enumerate(self.files):
            if file.rule is not None:
                share = copied[i] / file.chars if file.chars else 0.0
                shares[file.path] = None if i in twins else share
        return CopyOutcome(diagnostics, copies, shares)

    def _about_report(self, f: int, message: str, args: dict[str, object]) -> Diagnostic:
        file = self.files[f]
        return _diagnostic(file, _decode_location(file.anchor), message, args)

    def close(self) -> None:
        self._spill.close()


def _file(prints: ReportPrints, rule: Rule | None, count: int) -> _File:
    return _File(prints.path, prints.issuer, prints.year, prints.chars, prints.anchor, rule, count)


def _identity(path: str) -> tuple[int, int] | None:
    if path == STDIN_NAME:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _relation(a: _File, b: _File) -> tuple[Side, Side] | None:
    """Which of two reports a shared paragraph is reported on, and how: both,
    by different issuers; the later, by one issuer in two years (a report
    of --against is the earlier); neither, by one issuer in one year (its
    own words in two versions or two reports)."""
    if a.rule is None and b.rule is None:
        return None
    if not a.issuer.same_as(b.issuer):
        return ("other-report" if a.rule else None, "other-report" if b.rule else None)
    if a.rule is None:
        return (None, "earlier-year")
    if b.rule is None:
        return ("earlier-year", None)
    ya, yb = a.year, b.year
    if ya and yb and ya != yb:
        return ("earlier-year", None) if ya > yb else (None, "earlier-year")
    return None


def _may_be_one_report(a: _File, b: _File) -> bool:
    """Two reports of the run that nothing says are of two issuers or two
    years: they may be one report given twice."""
    if a.rule is None or b.rule is None or (a.year and b.year and a.year != b.year):
        return False
    return not (a.issuer.key and b.issuer.key and not a.issuer.same_as(b.issuer))


def _diagnostic(
    file: _File, where: Location, message_id: str, args: dict[str, object]
) -> Diagnostic:
    assert file.rule is not None
    message = file.rule.messages[message_id]
    return Diagnostic(
        path=file.path,
        code=file.rule.code,
        rule=file.rule.name,
        severity=message.severity,
        message=message.text.format(**args),
        span=Span(where.start, where.end),
        line=where.line,
        column=where.column,
        end_line=where.end_line,
        end_column=where.end_column,
        source_line=where.source_line,
        hashed=where.fingerprint,
    )


def _template_keys(
    sentences: npt.NDArray[np.uint32], issuer: npt.NDArray[np.int32], limit: int
) -> npt.NDArray[np.uint32]:
    """Sentence hashes found in reports of `limit` issuers or more."""
    keys = sentences.astype(np.uint64)
    keys <<= np.uint64(32)
    keys |= issuer.astype(np.uint64)
    keys.sort()
    distinct = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] >> np.uint64(32)
    starts = np.flatnonzero(np.concatenate(([True], distinct[1:] != distinct[:-1])))
    counts = np.diff(np.append(starts, len(distinct)))
    return distinct[starts[counts >= limit]].astype(np.uint32)


class _Crowds:
    """Buckets holding paragraphs of `template_issuers` issuers or more: for
    each paragraph found in one, a paragraph of each issuer there (of the
    first such bucket, up to twice that many), to tell a template from a
    chance meeting."""

    def __init__(self, n: int) -> None:
        self.bucket = np.full(n, -1, dtype=np.int32)
        self.samples: list[list[int]] = []

    def add(
        self, members: npt.NDArray[np.int64], first_of_issuer: npt.NDArray[np.bool_], limit: int
    ) -> None:
        """One crowded bucket; `first_of_issuer` marks a member of each issuer."""
        fresh = self.bucket[members] < 0
        if fresh.any():
            self.bucket[members[fresh]] = len(self.samples)
            self.samples.append(members[first_of_issuer][: 2 * limit].tolist())

    def members(self, paragraph: int) -> list[int]:
        bucket = int(self.bucket[paragraph])
        return self.samples[bucket] if bucket >= 0 else []


def _bucket_pairs(
    keys: npt.NDArray[np.uint32],
    issuer: npt.NDArray[np.int32],
    limit: int,
    crowds: _Crowds | None,
    owners: npt.NDArray[np.int32] | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Pairs of members sharing a key, in buckets of fewer than `limit`
    issuers; larger buckets go to `crowds`.  A member is a paragraph, or with
    `owners` the paragraph owning each key."""
    members = np.arange(len(keys)) if owners is None else owners.astype(np.int64)
    if len(keys) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    order = np.lexsort((issuer, keys))
    k, who = keys[order], issuer[order]
    new_key = np.empty(len(k), dtype=bool)
    new_key[0] = True
    np.not_equal(k[1:], k[:-1], out=new_key[1:])
    new_issuer = new_key.copy()
    new_issuer[1:] |= who[1:] != who[:-1]
    starts = np.flatnonzero(new_key)
    lengths = np.diff(np.append(starts, len(k)))
    distinct = np.add.reduceat(new_issuer.astype(np.int32), starts)
    # A bucket of many paragraphs is common wording too, even from few issuers
    # (departments under their county's name, one template run many times): its
    # pairs would grow with the square of its size (5 GB at 1,000 generated reports).
    large = (distinct >= limit) | (lengths > 4 * limit)
    if crowds is not None:
        for start, length in zip(starts[large].tolist(), lengths[large].tolist(), strict=True):
            run = slice(start, start + length)
            crowds.add(members[order[run]], new_issuer[run], limit)
    firsts, seconds = [], []
    small = (lengths >= 2) & ~large
    for size in np.unique(lengths[small]).tolist():
        at = starts[small & (lengths == size)]
        grid = members[order[at[:, None] + np.arange(size)]]
        i, j = np.triu_indices(size, 1)
        firsts.append(grid[:, i].ravel())
        seconds.append(grid[:, j].ravel())
    if not firsts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)


def _unique_pairs(
    pairs: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]], n: int
) -> npt.NDArray[np.int64]:
    """Each unordered pair of distinct paragraphs once, as rows (low, high)."""
    if not pairs or not n:
        return np.zeros((0, 2), np.int64)
    a = np.concatenate([p[0] for p in pairs]).astype(np.int64)
    b = np.concatenate([p[1] for p in pairs]).astype(np.int64)
    low, high = np.minimum(a, b), np.maximum(a, b)
    keep = low != high
    codes = np.unique(low[keep] * n + high[keep])
    return np.stack((codes // n, codes % n), axis=1)
