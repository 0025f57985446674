"""What of one report is compared with the others, read where it is parsed.

Each paragraph of the report proper becomes comparable text: its normalized
view with the lexicon's template phrases taken out, the issuer's own names
masked as @ and every figure (years and dates too) as #, punctuation and
spaces dropped, cut into sentences.  "2024年，安平镇调解纠纷142件" and
"2023年，柳湾镇调解纠纷97件" are then the same text, which is what a town
that copies a paragraph and changes the name and the figures leaves.

The worker that parsed the report keeps only fingerprints (`ReportPrints`):
LSH band keys per paragraph, a hash per sentence, and per paragraph a
packed record (its place, for a finding, and its comparable sentences, for
the exact comparison) that the gathering writes to a temporary file.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import NamedTuple

import msgspec
import numpy as np
import numpy.typing as npt
import regex

from reportlint import lexicon
from reportlint.checks.base import report_anchor
from reportlint.checks.copies import Copies
from reportlint.checks.diagnostic import fingerprint
from reportlint.copies.sketch import U32, band_keys, sentence_hash
from reportlint.document import Document
from reportlint.document.regexes import compiled

# What is compared of a paragraph: Chinese words (a web address or a line of
# Latin letters is no prose to copy), figures and names as masked, and the
# marks that end a sentence, at which it is then cut.
_NOT_TEXT = compiled(r"[^\p{Han}#@。！？；!?;\n]+")
_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")
# Arabic figures with their decimals, thousands and percent, and runs of
# Chinese numerals: "142件", "97.9%", "二〇二四年", "十二次" all read "#".
_FIGURE = compiled(r"(?:\d+(?:[.,，]\d+)*%?|[〇零一二两三四五六七八九十百千万亿])+")
# An administrative place: 天津市 滨海新区 杭州道街道 利通区 上桥镇 冯坪乡…
_PLACE = compiled(
    r"\p{Han}{2,8}?(?:特别行政区|自治州|自治县|自治旗|新区|街道|地区|苏木|省|市|州|盟|县|区|旗|镇|乡)"
)
_PLACE_SUFFIX = compiled(
    r"(?:特别行政区|自治州|自治县|自治旗|新区|街道|地区|苏木|省|市|州|盟|县|区|旗|镇|乡)$"
)
# Words of an issuer that name no one in particular: a joint report's
# 中共…委, the government, a street's office.
_ORGAN_WORDS = compiled(
    r"中共|人民政府|政府|办事处|党工委|党委|管理委员会|委员会|(?<=[省市州县区旗镇乡])委"
)
# A news site's column tag before a reposted title: 【权威发布】, [权威发布].
_COLUMN_TAG = compiled(r"^(?:【[^】]{1,8}】|\[[^\]]{1,8}\])")
MIN_SENTENCE = 10  # characters a sentence needs to be hashed (shorter ones are stock)


class Issuer(NamedTuple):
    """Who wrote a report, as far as its 落款 and title say."""

    name: str  # as written (the 落款's issuer, else the title's), "" when neither says
    places: tuple[str, ...]  # 天津市, 滨海新区, 杭州道街道
    organ: str  # the rest: 市场监督管理局; "" for a government or an office
    masked: tuple[str, ...]  # the names masked in its text, longest first

    @property
    def key(self) -> str:
        return "/".join(self.places) + "|" + self.organ if self.places else ""

    def same_as(self, other: Issuer) -> bool:
        """The same body: the same organ in places of which one chain ends the
        other ("利通区上桥镇" is "吴忠市利通区上桥镇")."""
        if not self.places or not other.places or self.organ != other.organ:
            return False
        k = min(len(self.places), len(other.places))
        return self.places[-k:] == other.places[-k:]


class Location(NamedTuple):
    """Where a finding about a paragraph points, worked out before the
    Document is dropped."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    source_line: str
    fingerprint: str


class ReportPrints(NamedTuple):
    """What the gathering keeps of one report."""

    path: str
    issuer: Issuer
    year: int | None
    digest: bytes  # of the whole text without spaces: the same report twice
    chars: int  # characters of the body (the share's denominator)
    anchor: bytes  # packed Location of the title, for a finding about the whole report
    lengths: npt.NDArray[np.int32]  # characters of each comparable paragraph
    bands: U32  # (paragraphs, BANDS) LSH keys
    sentences: U32  # hashes of the comparable paragraphs' sentences
    owners: npt.NDArray[np.int32]  # the paragraph of each sentence
    records: list[bytes]  # per paragraph: packed (Location, sentences)


_encode = msgspec.msgpack.Encoder().encode


@cache
def _title_issuer_end() -> regex.Pattern[str]:
    """Where a title's issuer ends: the year, 关于, or the subject (法治…)."""
    return compiled(r"(?:19|20)\d{2}|关于|本?年度|" + lexicon.alternation("title_subjects"))


@cache
def _trailing_post() -> regex.Pattern[str]:
    """A post after the issuer in a 述法 title: 岫山县人民政府县长."""
    return compiled(lexicon.alternation("leader_posts") + "$")


def issuer_of(doc: Document) -> Issuer:
    """The issuer from the 落款 and the title's opening words, so that a
    report without one of them is still known."""
    names = []
    if doc.signature and doc.signature.issuer:
        names.append("".join(doc.signature.issuer.text.split()))
    if doc.title:
        title = "".join("".join(p.text for p in doc.title).split())
        title = _COLUMN_TAG.sub("", title)
        end = _title_issuer_end().search(title)
        head = _trailing_post().sub("", title[: end.start()] if end else "")
        if len(head) >= 2:
            names.append(head)
    if not names:
        return Issuer("", (), "", ())
    chains: list[list[str]] = []
    organs: list[str] = []
    masked: set[str] = set()
    for name in names:
        masked.add(name)
        bare = _ORGAN_WORDS.sub("", name)
        chain: list[str] = []
        for m in _PLACE.finditer(bare):
            if not chain or chain[-1] != m[0]:  # 中共青岩县委青岩县人民政府
                chain.append(m[0])
            stem = _PLACE_SUFFIX.sub("", m[0])
            masked.update((m[0], stem) if len(stem) >= 2 else (m[0],))
            bare = bare.replace(m[0], "", 1)
        chains.append(chain)
        organs.append(_trailing_post().sub("", bare))
    # The 落款 names the organ most formally; the longer chain of places wins.
    places = max(chains, key=len)
    return Issuer(names[0], tuple(places), organs[0], tuple(sorted(masked, key=len, reverse=True)))


def comparable(text: str, kind: Copies, names: tuple[str, ...]) -> list[str]:
    """A paragraph's sentences as compared: template phrases out, the issuer's
    names as @, figures as #, no punctuation."""
    if kind.template is not None and (
        kind.template_gate is None or kind.template_gate.admits(text)
    ):
        text = kind.template.sub("，", text)
    for name in names:  # longest first: 白岩县安平镇人民政府 before 安平镇 before 安平
        if name in text:
            text = text.replace(name, "@")
    text = _NOT_TEXT.sub("", _FIGURE.sub("#", text))
    return [s for s in _SENTENCE_END.split(text) if s]


def _location(doc: Document, start: int, end: int, code: str) -> Location:
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Location(
        start,
        end,
        line,
        column,
        end_line,
        end_column,
        doc.line_text(line),
        fingerprint(code, "", doc.text, start, end),
    )


def report_prints(doc: Document, kind: Copies, code: str) -> ReportPrints:
    """The fingerprints of one report for the rule `code` of kind `copies`."""
    issuer = issuer_of(doc)
    total = 0
    texts: list[str] = []
    lengths: list[int] = []
    records: list[bytes] = []
    hashes: list[int] = []
    owners: list[int] = []
    min_chars = kind.params.min_chars
    for p in doc.body_paragraphs:
        total += len(p.text)
        if len(p.text) < min_chars:  # masking only shortens it
            continue
        sentences = comparable(p.text, kind, issuer.masked)
        text = "".join(sentences)
        if len(text) < min_chars:
            continue
        for sentence in sentences:
            if len(sentence) >= MIN_SENTENCE:
                hashes.append(sentence_hash(sentence))
                owners.append(len(texts))
        start, end = doc.span(p.start, p.end)
        records.append(_encode((_location(doc, start, end, code), sentences)))
        texts.append(text)
        lengths.append(len(p.text))
    anchor = report_anchor(doc)
    # Every line counts for "the same text": two reports that differ in the date alone differ.
    digest = hashlib.blake2b("".join(doc.view.text.split()).encode("utf-8"), digest_size=16)
    return ReportPrints(
        path=doc.path,
        issuer=issuer,
        year=doc.report_year,
        digest=digest.digest(),
        chars=total,
        anchor=_encode(_location(doc, anchor.start, anchor.end, code)),
        lengths=np.array(lengths, dtype=np.int32),
        bands=band_keys(texts),
        sentences=np.array(hashes, dtype=np.uint32),
        owners=np.array(owners, dtype=np.int32),
        records=records,
    )
