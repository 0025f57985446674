"""Damaged Word, HTML and PDF files: a Source or one LoadError, never another exception."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.load import LoadError, Source, load_bytes
from test_extract_docx import clean_report_docx
from test_extract_html import clean_body, page, paragraphs
from test_extract_pdf import make_pdf, typeset

from support import clean_text

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@cache
def originals(tmp: str) -> dict[str, bytes]:
    return {
        "docx": clean_report_docx(Path(tmp) / "r.docx").read_bytes(),
        "html": page(paragraphs(clean_body())).encode("gb18030"),
        "pdf": make_pdf(typeset(clean_text())),
    }


# Splices: (where, as a fraction of the length; how many bytes to cut; what to put in).
SPLICES = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 64), st.binary(max_size=16)), min_size=1, max_size=8
)


def splice(data: bytes, edits: list[tuple[float, int, bytes]]) -> bytes:
    out = bytearray(data)
    for where, cut, insert in edits:
        at = int(where * (len(out) - 1)) if out else 0
        out[at : at + cut] = insert
    return bytes(out)


def load_or_refuse(data: bytes, fmt: str) -> None:
    try:
        source = load_bytes(data, f"r.{fmt}", fmt)
    except LoadError as exc:
        # A message written for this case, not the catch-all for an unforeseen failure.
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc))
        assert "内部错误" not in str(exc)
    else:
        assert isinstance(source, Source) and source.text.strip()
        source.text.encode("utf-8")  # no lone surrogates reach the checks or the output


@pytest.mark.slow
@SETTINGS
@given(edits=SPLICES, fmt=st.sampled_from(["docx", "html", "pdf"]))
def test_damaged_bytes(tmp_path_factory, edits: list[tuple[float, int, bytes]], fmt: str) -> None:
    base = originals(str(tmp_path_factory.getbasetemp()))[fmt]
    load_or_refuse(splice(base, edits), fmt)


XML_NOISE = st.sampled_from(
    [
        b'w:val="0"',
        b'w:val="-1"',
        b'w:val="99999999999999999999"',
        b'w:val="x"',
        b'w:ilvl="9"',
        b"%9%1%0",
        b"<w:isLgl/>",
        b'<w:lvlRestart w:val="7"/>',
        b'<w:numStyleLink w:val="Heading1"/>',
        b'<w:numFmt w:val="upperLetter"/>',
        b"</w:p>",
        b"<w:p>",
    ]
)


@pytest.mark.slow
@SETTINGS
@given(
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 24), XML_NOISE), max_size=10),
    part=st.sampled_from(["word/document.xml", "word/numbering.xml", "word/styles.xml"]),
)
def test_damaged_word_xml_inside_a_sound_zip(
    tmp_path_factory, edits: list[tuple[float, int, bytes]], part: str
) -> None:
    # The zip is fine, so this reaches python-docx and the numbering rebuild.
    base = originals(str(tmp_path_factory.getbasetemp()))["docx"]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, splice(data, edits) if info.filename == part else data)
    load_or_refuse(out.getvalue(), "docx")
