"""Fingerprints of text: character shingles, a MinHash signature of each
paragraph cut into LSH band keys, and a hash of each sentence.

MinHash (Broder 1997) estimates the Jaccard similarity of two shingle sets
by the chance that their minima under a random hash function agree; LSH
banding (Indyk & Motwani 1998) groups the signature into bands and makes two
paragraphs a candidate pair when any band is equal, so that near-copies meet
without comparing every pair.  Written with numpy, one matrix per report
(datasketch does the same but imports scipy: a second at start-up).
Everything here is deterministic: the same text gives the same keys in every
process and every run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

SHINGLE = 5  # characters: a Chinese word or two, so a shared phrase is not a shared shingle set
BANDS = 20
ROWS = 5  # hash functions per band: 100 in all
# Two paragraphs become candidates when one band of 5 minima agrees: likely
# from a Jaccard similarity of about (1/20)^(1/5) = 0.55 up (0.8 at 0.6,
# 0.97 at 0.7), and almost never for the 0.0x of two independent paragraphs.

_rng = np.random.default_rng(20250318)
# Permutations x -> a·x + b (mod 2^32), a odd, of well-mixed 32-bit shingle hashes.
_A = (_rng.integers(0, 2**31, size=(BANDS * ROWS, 1), dtype=np.uint32) << np.uint32(1)) | np.uint32(
    1
)
_B = _rng.integers(0, 2**32, size=(BANDS * ROWS, 1), dtype=np.uint32)
_BAND_MIX = _rng.integers(1, 2**63, size=(1, ROWS, 1), dtype=np.uint64) | np.uint64(1)
_POLY = np.uint64(0x100000001B3)

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]


def _finalize(h: U64) -> U64:
    """A 64-bit finalizer (MurmurHash3's fmix64): every input bit moves every output bit."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


_buffer = np.empty((BANDS * ROWS, 0), dtype=np.uint32)


def _work(columns: int) -> U32:
    """A reused buffer: a fresh array of a megabyte or more comes from the
    system zeroed page by page, which took ten times as long as the arithmetic."""
    global _buffer
    if _buffer.shape[1] < columns:
        _buffer = np.empty((BANDS * ROWS, max(columns, 2 * _buffer.shape[1], 4096)), np.uint32)
    return _buffer[:, :columns]


def band_keys(texts: Sequence[str]) -> U32:
    """One row of BANDS keys per text; a text shorter than SHINGLE has none (zeros)."""
    keys = np.zeros((len(texts), BANDS), dtype=np.uint32)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths)
    count = int(ends[-1]) - SHINGLE + 1 if len(texts) else 0
    if count <= 0:
        return keys
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros(count, dtype=np.uint64)
        for j in range(SHINGLE):
            h = h * _POLY + codes[j : j + count]
        # A shingle belongs to the text it starts in, if it ends there too.
        at = np.arange(count)
        owner = np.searchsorted(ends, at, side="right")
        inside = at + SHINGLE <= ends[owner]
        if not inside.any():
            return keys
        shingles = (_finalize(h[inside]) >> np.uint64(32)).astype(np.uint32)
        owner = owner[inside]
        present, first = np.unique(owner, return_index=True)
        values = _work(len(shingles))  # (hash functions, shingles), wrapping
        np.multiply(_A, shingles[None, :], out=values)
        np.add(values, _B, out=values)
        minima = np.minimum.reduceat(values, first, axis=1).astype(np.uint64)
        rows = minima.reshape(BANDS, ROWS, len(present))
        mixed = (rows * _BAND_MIX).sum(axis=1, dtype=np.uint64)  # (BANDS, texts)
        keys[present] = (_finalize(mixed) >> np.uint64(32)).astype(np.uint32).T
    return keys


def sentence_hash(sentence: str) -> int:
    """32 bits of BLAKE2b: among two million sentences, a few hundred
    collisions, each costing one exact comparison at most."""
    return int.from_bytes(
        hashlib.blake2b(sentence.encode("utf-8"), digest_size=4).digest(), "little"
    )
