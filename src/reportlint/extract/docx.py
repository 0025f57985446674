"""Word (.docx) -> text: one output line per Word paragraph or table row.

Automatic list numbering is not text in the file (it lives in numbering.xml
and Word draws it), yet the parser finds headings by their "一、"/"（一）"
markers, so the numbers Word would show are rebuilt and put in front of the
paragraph text.  The zip is checked before anything is decompressed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from reportlint import lexicon
from reportlint.load import LoadError

# lxml (which python-docx builds on) has no type information: elements are Any.
Element = Any

# A report with photos is a few MB; the XML of even a long one is far less.
MAX_UNZIPPED = 50 * 1024 * 1024
MAX_MEMBERS = 5000
# Word's XML deflates about 5-20x; a member much bigger than that is a bomb.
MAX_RATIO = 100
_RATIO_FLOOR = 1024 * 1024  # small members may compress as they like

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# A 落款's date ("2025年3月12日") and issuer; and what shows the text has its own
# 落款: a date in any form (二〇二五年一月十五日, 2025.1.15) or an issuer.
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_ISSUER = re.compile(lexicon.alternation("organ_suffixes") + "$")
_SIGNED = re.compile(
    r"\d{4}\s*[年.\-/]\s*\d{1,2}|[〇○零一二三四五六七八九]{4}年|^\s*(?:19|20)\d{5,6}\s*$"
    rf"|{lexicon.alternation('organ_suffixes')}\s*$"
)

# Containers whose children are read as if they were in the parent.
_TRANSPARENT = {
    _W + t
    for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo")
}


class Piece(NamedTuple):
    """A stretch of the extracted text and the XML it comes from, so that a
    finding's span can be found again in the document (reportlint.annotate)."""

    text: str
    # w:t (text[i] is node.text[offset + i]), w:tab, w:br… (one character of a
    # run); w:p for a line's "\n" (that paragraph's mark); w:txbxContent for
    # the text of a text box; None for what Word draws (a list number, whose
    # paragraph is set) or what the extractor adds (a tab between cells).
    node: Element | None
    offset: int
    # The w:p the text is in; for a text box, the body paragraph holding it.
    paragraph: Element | None


@dataclass
class _Line:
    pieces: list[Piece]
    mark: Element | None  # the paragraph whose mark ends the line, if one does

    @property
    def text(self) -> str:
        return _text(self.pieces)


def _text(pieces: list[Piece]) -> str:
    return "".join(piece.text for piece in pieces)


def docx_text(data: bytes, max_unzipped: int = MAX_UNZIPPED) -> str:
    return _text(text_pieces(open_document(data, max_unzipped).part))


def open_document(data: bytes, max_unzipped: int = MAX_UNZIPPED) -> Any:
    """The python-docx Document of a checked zip, or LoadError with a reason."""
    check_zip(data, max_unzipped)
    import docx  # lazily: about 150 ms of imports

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:
        # python-docx raises KeyError, ValueError, lxml errors… for a zip
        # that is not a Word document (.xlsx, .docm, a damaged part).
        raise LoadError("不是有效的 Word 文档（找不到正文，或文件已损坏）") from None
    if document.part.element.find(_W + "body") is None:
        if str(document.part.element.tag).startswith("{http://purl.oclc.org/ooxml/"):
            raise LoadError("这是 Strict Open XML 格式的 Word 文档：请另存为普通的 .docx 后再检查")
        raise LoadError("不是有效的 Word 文档（找不到正文，或文件已损坏）")
    return document


def text_pieces(part: Any) -> list[Piece]:
    """The text of a document part (as docx_text gives it) in pieces: one
    line per paragraph or table row, each ended by "\n"."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    body = part.element.find(_W + "body")
    numbering = _Numbering(_related(part, RT.NUMBERING), _related(part, RT.STYLES))
    lines = list(_block_lines(body, numbering))
    pieces: list[Piece] = []
    for line in [*lines, *_signature_box(body, lines, numbering)]:
        pieces += line.pieces
        pieces.append(Piece("\n", line.mark, 0, line.mark))
    return pieces


def _signature_box(body: Element, lines: list[_Line], numbering: _Numbering) -> list[_Line]:
    """The lines of a text box at the end that is a 落款 (set beside the seal: an
    issuer, then a date alone), when the text itself ends without a date or an
    issuer in any form.  Other text boxes stay skipped: their text is laid out
    apart from the paragraphs and often repeated."""
    texts = [line.text for line in lines]
    if any(_SIGNED.search(text) for text in [text for text in texts if text.strip()][-3:]):
        return []
    paragraphs = list(body.iterchildren(_W + "p"))
    last = max((k for k, p in enumerate(paragraphs) if _paragraph_text(p).strip()), default=0)
    boxes = [
        (p, box)
        for p in paragraphs[last:]
        for box in p.iter(_W + "txbxContent")
        # Word writes each box twice: as a drawing (mc:Choice) and as VML (mc:Fallback).
        if not any(a.tag == _MC_FALLBACK for a in box.iterancestors())
    ]
    for holder, box in boxes:
        found = [_strip(line.pieces) for line in _block_lines(box, numbering)]
        found = [pieces for pieces in found if pieces]
        if (
            len(found) >= 2
            and _DATE.fullmatch(_text(found[-1]))
            and _ISSUER.search(_text(found[-2]))
        ):
            # No run of a box is marked: findings there go on the paragraph holding it.
            return [
                _Line([Piece(piece.text, box, 0, holder) for piece in pieces], None)
                for pieces in found
            ]
    return []


def _strip(pieces: list[Piece]) -> list[Piece]:
    """The pieces without the white space at both ends of their text."""
    text = _text(pieces)
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    out, pos = [], 0
    for piece in pieces:
        a, b = max(start - pos, 0), min(end - pos, len(piece.text))
        if a < b:
            out.append(piece._replace(text=piece.text[a:b], offset=piece.offset + a))
        pos += len(piece.text)
    return out


def check_zip(data: bytes, max_unzipped: int = MAX_UNZIPPED) -> None:
    """Refuse what is not a sane zip, reading only its directory."""
    if data.startswith(_OLE_MAGIC):
        # Old .doc, .wps, and password-protected .docx are all OLE files.
        raise LoadError(
            "不是有效的 Word 文档：这是旧版 .doc/.wps 格式或加密的文档，请另存为未加密的 .docx 后再检查"
        )
    if not data.startswith(b"PK"):
        raise LoadError("不是有效的 Word 文档（.docx 应是 ZIP 格式，这个文件不是）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:
        # BadZipFile mostly; a damaged directory also gives ValueError,
        # EOFError, NotImplementedError ("zip file version 25.5"), ...
        raise LoadError("不是有效的 Word 文档（ZIP 结构已损坏）") from None
    if len(members) > MAX_MEMBERS:
        raise LoadError(f"Word 文档结构异常（包含 {len(members):,} 个部件）")
    total = sum(m.file_size for m in members)
    if total > max_unzipped:
        raise LoadError(
            f"Word 文档解压后过大（{total:,} 字节，上限 {max_unzipped:,} 字节），可能是压缩炸弹"
        )
    for m in members:
        # zipfile caps what it inflates at the declared size only for deflate;
        # other methods could inflate without bound, and Word never uses them.
        if m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise LoadError(f"Word 文档使用了不支持的压缩方式（{m.filename}）")
        if m.flag_bits & 0x1:
            raise LoadError("Word 文档已加密，请另存为未加密的 .docx 后再检查")
        if m.file_size > _RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise LoadError(
                f"Word 文档压缩比异常（{m.filename} 压缩 {m.compress_size:,} 字节，"
                f"解压 {m.file_size:,} 字节），可能是压缩炸弹"
            )


def _related(part: Any, reltype: str) -> Element | None:
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None  # no such part, or one python-docx does not parse as XML


# --- body ----------------------------------------------------------------------


def _block_lines(container: Element, numbering: _Numbering) -> Iterator[_Line]:
    # A paragraph whose mark is a tracked deletion runs on into the next one (two
    # paragraphs merged with Track Changes on), as Word shows the final text.
    pending: list[Piece] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            if child.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None:
                # Its number, if any, goes with its mark: the merged paragraph
                # takes the next one's.
                pending += _paragraph_pieces(child)
                continue
            label = numbering.label(child)
            number = [Piece(label, None, 0, child)] if label else []
            yield _Line([*number, *pending, *_paragraph_pieces(child)], child)
            pending = []
            continue
        if pending:
            yield _Line(pending, None)
            pending = []
        if tag == _W + "tbl":
            for row in child.iterchildren(_W + "tr"):
                cells = [list(_block_lines(cell, numbering)) for cell in _cells(row)]
                if _layout_row(cells):
                    # A table used to lay the page out: a cell's paragraphs are lines.
                    yield from (line for lines in cells for line in lines)
                else:
                    tab = Piece("\t", None, 0, None)
                    row_pieces: list[Piece] = []
                    for k, lines in enumerate(cells):
                        if k:
                            row_pieces.append(tab)
                        row_pieces += _cell_pieces(lines)
                    yield _Line(row_pieces, None)
        elif tag == _W + "sdt":
            for content in child.iterchildren(_W + "sdtContent"):
                yield from _block_lines(content, numbering)
        elif tag == _W + "customXml":
            yield from _block_lines(child, numbering)
    if pending:
        yield _Line(pending, None)


def _cells(row: Element) -> Iterator[Element]:
    for child in row.iterchildren():
        if child.tag == _W + "tc":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            yield from child.iter(_W + "tc")


# A row is data (cells on one line) unless it has a single filled cell or a
# cell of running text, as in the HTML extractor.
_LAYOUT_CELL_CHARS = 300


def _layout_row(cells: list[list[_Line]]) -> bool:
    sizes = [sum(len("".join(line.text.split())) for line in lines) for lines in cells]
    return sum(1 for n in sizes if n) <= 1 or max(sizes, default=0) > _LAYOUT_CELL_CHARS


def _cell_pieces(lines: list[_Line]) -> list[Piece]:
    # A cell's paragraphs (and nested tables) share its row's line.
    space = Piece(" ", None, 0, None)
    out: list[Piece] = []
    for line in lines:
        if line.text.strip():
            if out:
                out.append(space)
            out += [piece._replace(text=piece.text.replace("\t", " ")) for piece in line.pieces]
    return out


def _paragraph_text(p: Element) -> str:
    return _text(_paragraph_pieces(p))


def _paragraph_pieces(p: Element) -> list[Piece]:
    out: list[Piece] = []
    _inline(p, out, p)
    return out


def _inline(element: Element, out: list[Piece], p: Element) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W + "r":
            if not _hidden(child):
                _run(child, out, p)
        elif tag in _TRANSPARENT:
            _inline(child, out, p)
        elif tag == _W + "sdt":
            for content in child.iterchildren(_W + "sdtContent"):
                _inline(content, out, p)
        # w:del and w:moveFrom are deleted text; w:pPr is formatting.


def _run(run: Element, out: list[Piece], p: Element) -> None:
    for child in run.iterchildren():
        tag = child.tag
        if tag == _W + "t":
            if child.text:
                out.append(Piece(child.text, child, 0, p))
        elif tag in (_W + "tab", _W + "ptab"):
            out.append(Piece("\t", child, 0, p))
        elif tag == _W + "br":
            # A manual line break shows as a new line; page and column breaks do not.
            if child.get(_W + "type") not in ("page", "column"):
                out.append(Piece("\n", child, 0, p))
        elif tag == _W + "cr":
            out.append(Piece("\n", child, 0, p))
        elif tag == _W + "noBreakHyphen":
            out.append(Piece("-", child, 0, p))
        # Drawings and text boxes (w:drawing, mc:AlternateContent) are skipped:
        # their text is laid out apart from the paragraph and often duplicated
        # (but see _signature_box).


def _hidden(run: Element) -> bool:
    rpr = run.find(_W + "rPr")
    vanish = rpr.find(_W + "vanish") if rpr is not None else None
    return vanish is not None and vanish.get(_W + "val") not in ("0", "false", "off")


# --- automatic numbering ------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str | None  # w:lvlText, "%1、"; None draws no number
    restart: int | None  # w:lvlRestart
    legal: bool  # w:isLgl: every number in the label in Arabic digits
    suffix: str  # what follows the number: "tab", "space" or "nothing"
    style: str | None  # w:pStyle: the paragraph style this level is tied to


@dataclass
class _Num:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl


@dataclass(frozen=True)
class _Style:
    num_id: str | None
    ilvl: int | None
    based_on: str | None


class _Numbering:
    """The numbers Word draws in front of paragraphs, counted in document order.

    Counters belong to the abstract numbering, not the w:num instance: Word
    continues one sequence across instances that share an abstractNum, and
    an instance's w:startOverride restarts it the first time that instance
    is used at that level (ECMA-376 17.9; Word behaves so).
    """

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id -> w:numStyleLink style
        self.nums: dict[str, _Num] = {}
        self.styles: dict[str, _Style] = {}
        self.default_style: str | None = None
        self.counters: dict[str, list[int | None]] = {}
        self.seen: set[tuple[str, int]] = set()
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)

    def _read_styles(self, styles: Element) -> None:
        for style in styles.iterchildren(_W + "style"):
            if style.get(_W + "type") not in (None, "paragraph", "numbering"):
                continue
            style_id = style.get(_W + "styleId")
            if not style_id:
                continue
            num_id, ilvl = _num_pr(style.find(_W + "pPr"))
            based = style.find(_W + "basedOn")
            self.styles[style_id] = _Style(
                num_id, ilvl, based.get(_W + "val") if based is not None else None
            )
            if style.get(_W + "default") in ("1", "true") and style.get(_W + "type") == "paragraph":
                self.default_style = style_id

    def _read_numbering(self, numbering: Element) -> None:
        for abstract in numbering.iterchildren(_W + "abstractNum"):
            abstract_id = abstract.get(_W + "abstractNumId")
            if abstract_id is None:
                continue
            levels = {}
            for lvl in abstract.iterchildren(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"))
                if ilvl is not None:
                    levels[ilvl] = _level(lvl)
            self.abstracts[abstract_id] = levels
            link = abstract.find(_W + "numStyleLink")
            if link is not None and link.get(_W + "val"):
                self.style_links[abstract_id] = link.get(_W + "val")
        for num in numbering.iterchildren(_W + "num"):
            num_id = num.get(_W + "numId")
            ref = num.find(_W + "abstractNumId")
            if num_id is None or ref is None or ref.get(_W + "val") is None:
                continue
            entry = _Num(ref.get(_W + "val"))
            for override in num.iterchildren(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"))
                if ilvl is None:
                    continue
                start = override.find(_W + "startOverride")
                if start is not None and (value := _int(start.get(_W + "val"))) is not None:
                    entry.start_overrides[ilvl] = value
                lvl = override.find(_W + "lvl")
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self.nums[num_id] = entry

    def _abstract_id(self, num_id: str) -> str | None:
        """The abstractNum that holds the levels, following w:numStyleLink."""
        num = self.nums.get(num_id)
        abstract_id = num.abstract if num else None
        for _ in range(4):  # a link points at a style whose numbering may link again
            if abstract_id is None or abstract_id not in self.style_links:
                break
            style = self.styles.get(self.style_links[abstract_id])
            target = self.nums.get(style.num_id) if style and style.num_id else None
            abstract_id = target.abstract if target else None
        return abstract_id if abstract_id in self.abstracts else None

    def _levels(self, num_id: str, abstract_id: str) -> dict[int, _Level]:
        num = self.nums[num_id]
        return {**self.abstracts[abstract_id], **num.levels}

    def _resolve(self, p: Element) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph: its own w:numPr, else its style's."""
        ppr = p.find(_W + "pPr")
        num_id, ilvl = _num_pr(ppr)
        style_el = ppr.find(_W + "pStyle") if ppr is not None else None
        style_id = style_el.get(_W + "val") if style_el is not None else self.default_style
        source_style = None
        for _ in range(20):  # basedOn chains are short; a cycle must not hang
            style = self.styles.get(style_id) if style_id else None
            if style is None:
                break
            if num_id is None and style.num_id is not None:
                num_id, source_style = style.num_id, style_id
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
            style_id = style.based_on
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        if ilvl is None:
            # A style tied to a level of the list (w:lvl/w:pStyle) takes that level.
            abstract_id = self._abstract_id(num_id)
            levels = self._levels(num_id, abstract_id) if abstract_id else {}
            ilvl = next((i for i, lv in levels.items() if lv.style == source_style), 0)
        return num_id, min(max(ilvl, 0), 8)

    def label(self, p: Element) -> str:
        """The number Word shows in front of this paragraph; "" if none.  Counts it."""
        resolved = self._resolve(p)
        if resolved is None:
            return ""
        num_id, ilvl = resolved
        abstract_id = self._abstract_id(num_id)
        if abstract_id is None:
            return ""
        levels = self._levels(num_id, abstract_id)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        override = self.nums[num_id].start_overrides.get(ilvl)
        if override is not None and (num_id, ilvl) not in self.seen:
            counters[ilvl] = override
        else:
            current = counters[ilvl]
            counters[ilvl] = level.start if current is None else current + 1
        self.seen.add((num_id, ilvl))
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            # Default: restart after any higher level; 0: never; n: after level n (1-based).
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        return _render(level, levels, counters)


def _render(level: _Level, levels: dict[int, _Level], counters: list[int | None]) -> str:
    if level.text is None or level.fmt == "bullet":
        return ""  # bullets are symbols in a symbol font, not ordinals

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        lv = levels.get(k)
        if lv is None:
            return ""
        value = counters[k]
        return format_number(
            lv.start if value is None else value, "decimal" if level.legal else lv.fmt
        )

    label = re.sub(r"%([1-9])", number, level.text)
    if label and level.suffix != "nothing" and (label[-1].isalnum()):
        # "第一章" + tab reads "第一章 总则"; after "一、" or "（一）" Word's tab is only spacing.
        label += " "
    return label


def _level(lvl: Element) -> _Level:
    def val(name: str) -> str | None:
        el = lvl.find(_W + name)
        return el.get(_W + "val") if el is not None else None

    fmt = val("numFmt")
    if fmt is None:
        # Word 2010+ wraps custom formats in mc:AlternateContent with a plain fallback.
        fallback = lvl.find(f"{_MC}AlternateContent/{_MC}Fallback/{_W}numFmt")
        fmt = fallback.get(_W + "val") if fallback is not None else "decimal"
    start = _int(val("start"))
    return _Level(
        start=0 if start is None else start,  # the schema's default
        fmt=fmt or "decimal",
        text=val("lvlText"),
        restart=_int(val("lvlRestart")),
        legal=lvl.find(_W + "isLgl") is not None and val("isLgl") not in ("0", "false", "off"),
        suffix=val("suff") or "tab",
        style=val("pStyle"),
    )


def _num_pr(ppr: Element | None) -> tuple[str | None, int | None]:
    num_pr = ppr.find(_W + "numPr") if ppr is not None else None
    if num_pr is None:
        return None, None
    num_id = num_pr.find(_W + "numId")
    ilvl = num_pr.find(_W + "ilvl")
    return (
        num_id.get(_W + "val") if num_id is not None else None,
        _int(ilvl.get(_W + "val")) if ilvl is not None else None,
    )


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# --- number formats (ECMA-376 ST_NumberFormat) ---------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_CN_UNITS = ("", "十", "百", "千")
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_LEGAL_TRAD_DIGITS = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def format_number(n: int, fmt: str) -> str:
    """A counter as Word draws it in a numbering format (decimal if unknown)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):  # fmt: skip
        return _counting(n, _CN_DIGITS, _CN_UNITS, "零", short_ten=True)
    if fmt == "chineseLegalSimplified":
        return _counting(n, _LEGAL_DIGITS, _LEGAL_UNITS, "零", short_ten=False)
    if fmt == "ideographLegalTraditional":
        return _counting(n, _LEGAL_TRAD_DIGITS, _LEGAL_UNITS, "零", short_ten=False)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(max(n, 0)))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)  # ①
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)  # ⑴
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)  # ⒈
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 780:  # Word: a…z, aa…zz, …
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        roman = ""
        for value, symbol in _ROMAN:
            while n >= value:
                roman, n = roman + symbol, n - value
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "none":
        return ""
    return str(n)


def _counting(n: int, digits: str, units: tuple[str, ...], zero: str, short_ten: bool) -> str:
    """十一, 一百零五, 壹拾贰: the counting numerals up to 9999, then digit by digit."""
    if n <= 0 or n >= 10000:
        return "".join(digits[int(d)] for d in str(abs(n)))
    out = ""
    pending_zero = False
    for power in range(3, -1, -1):
        d = n // 10**power % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += zero
            pending_zero = False
        out += digits[d] + units[power]
    if short_ten and 10 <= n < 20:
        out = out[1:]  # 十一, not 一十一
    return out
