"""A saved government web page (.html/.htm) -> the report's text.

The article is taken from the page's article container (the CMS names it:
TRS_Editor, zoom, pages_content, …) or, failing that, from the block with
the most Chinese text; navigation, header, footer and scripts outside it are
dropped.  Whatever sits inside the container stays, widgets included, so the
linter can still flag "打印本页" pasted into the body.  The article's title is
usually an <h1> above the container: it is put back in front.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

from reportlint import lexicon
from reportlint.load import MHTML, LoadError, decode_utf8_or_gb, looks_binary

# lxml has no type information: elements are Any.
Element = Any

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
# GB2312 and GBK pages are decoded as GB18030, their superset.
_GB_NAMES = {
    "gb2312",
    "gbk",
    "x-gbk",
    "gb_2312-80",
    "cp936",
    "windows-936",
    "gb18030",
    "hz-gb-2312",
}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_CONTAINER = re.compile(
    r"zoom|content|article|trs_u?editor|detail|main-?text|pages_content|zwnr|zhengwen|artibody|news_?txt",
    re.I,
)
_NOT_CONTAINER = re.compile(
    r"nav|menu|foot|header|sidebar|aside|crumb|share|comment|relat|link|copyright|banner|toolbar|title",
    re.I,
)
# Headings in these are the site's, not the article's.
_NOT_TITLE_AREA = re.compile(r"nav|menu|foot|sidebar|aside|crumb|relat|link|banner", re.I)
# What a report's title says (document/parse.py looks for the same words).
_TITLE_WORDS = re.compile(lexicon.alternation("title_subjects") + "|报告")
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|[-－–—]{1,2})\s*")
_TITLE_HINT = re.compile(r"title|biaoti|bt\b|tit\b", re.I)
# What a site's information bar or breadcrumb starts with.
_INFO_BAR = re.compile(
    r"(?:当前位置|您的?(?:当前)?位置|发布(?:时间|日期)|信息来源|来源[：:]|浏览次数|阅读次数|点击[数量率]|索引号)"
)
# A source line break next to a Chinese character or a digit, inside a title.
_TITLE_BREAK = re.compile(
    r"(?<=[\u2e80-\u9fff\uff00-\uffef0-9])[ \t\r\f]*\n\s*(?=[\u2e80-\u9fff\uff00-\uffef0-9])"
)
# A 公文 masthead line above the title: "××人民政府文件", "望政〔2025〕5号", 签发人.
_MASTHEAD_LINE = re.compile(r"文件$|[〔［\[（(](?:19|20)\d{2}[〕］\]）)]\d{1,4}号|^签发人")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
         "canvas", "select", "textarea", "head"}  # fmt: skip
_BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
          "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
          "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main",
          "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
          "ul"}  # fmt: skip
_CELLS = ("td", "th")
# Blocks a site template puts beside an article: menus, link lists, info bars.
_WORD_SECTION = re.compile(r"(?:Word)?Section\d+$")
_SITE_BLOCKS = {"div", "ul", "ol", "dl", "nav", "aside", "section", "header", "footer", "table"}
# A line break in the page source between two Chinese characters is not a space.
_CJK_BREAK = re.compile(
    r"(?<=[\u2e80-\u9fff\uff00-\uffef])[ \t\r\f]*\n\s*(?=[\u2e80-\u9fff\uff00-\uffef])"
)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
_BREAK_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\f\n]*")
_BLANKS = re.compile(r"[ \t\r\f]+")
_LINE_TRIM = " \t\u3000\xa0"
_TAB = re.compile(r" *\t *")
_RUN_OF_SPACES = re.compile(r" {2,}")
# A table row is data (cells on one line) unless one cell holds running text.
_LAYOUT_CELL_CHARS = 300


def html_text(data: bytes) -> str:
    if MHTML.match(data[:4096]):
        data = _mhtml_page(data)
    text = _decode(data)
    import lxml.html  # type: ignore[import-untyped]  # lazily: ~60 ms of imports
    from lxml.etree import ParserError  # type: ignore[import-untyped]

    # lxml refuses a str that still declares an encoding.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    # Control characters show as nothing in a browser (form and line feeds as a
    # space), and lxml parses them but then refuses to move them (ValueError when
    # an element is dropped).
    text = _CONTROL.sub("", text.replace("\x0b", " ").replace("\x0c", " "))
    try:
        root = lxml.html.document_fromstring(text)
    except (ParserError, ValueError):
        raise LoadError("网页中没有找到正文文字") from None
    title = _page_title(root)
    body = root.find("body")
    if body is None:
        body = root
    _drop_invisible(body)
    han = _han_counts(body)
    container = _container(body, han)
    _drop_site_lists(container, han)
    try:
        lines = list(_lines(container))
    except RecursionError:
        raise LoadError("网页结构嵌套过深，无法读取") from None
    heading = _heading_before(body, container) or title
    if heading and not _starts_with_title(lines, heading):
        lines.insert(0, heading)
    return "\n".join(lines) + "\n"


# --- encoding ------------------------------------------------------------------


def _mhtml_page(data: bytes) -> bytes:
    """The page of a browser's one-file save (.mhtml: a MIME message whose first
    text/html part is the page, quoted-printable or base64)."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload
    raise LoadError("网页存档（MHTML）中没有找到网页：请在浏览器中另存为“网页，仅 HTML”后再检查")


def _decode(data: bytes) -> str:
    """BOM, then a GB or UTF-8 <meta charset>, then strict UTF-8, then strict GB18030."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return _text_or_binary(data[len(mark) :].decode(encoding))
            except UnicodeDecodeError:
                raise LoadError(
                    f"网页以 {encoding} 标记开头，但内容无法按 {encoding} 解码"
                ) from None
    if b"\x00" in data:
        raise LoadError("不是网页文件（含有二进制数据）")
    declared = _declared(data[:4096])
    # Only a UTF-8 or GB declaration is trusted first: a page labelled
    # ISO-8859-1 by a misconfigured server would decode as mojibake.
    if declared in ("utf-8", "gb18030"):
        try:
            return _text_or_binary(data.decode(declared))
        except UnicodeDecodeError:
            pass  # mislabelled: a page saved again in another encoding
    decoded = decode_utf8_or_gb(data)
    if decoded is not None:
        return _text_or_binary(decoded[0])
    if declared:
        try:
            return _text_or_binary(data.decode(declared))
        except UnicodeDecodeError:
            pass
    raise LoadError("无法识别网页编码（既不是 UTF-8，也不是 GB18030/GBK）")


def _declared(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    if name in _GB_NAMES:
        return "gb18030"
    try:
        return codecs.lookup(name).name.replace("_", "-")
    except LookupError:
        return None


def _text_or_binary(text: str) -> str:
    if looks_binary(text):
        raise LoadError("不是网页文件（含有二进制数据）")
    return text


# --- choosing the article ------------------------------------------------------


def _drop_invisible(body: Element) -> None:
    doomed = [
        el
        for el in body.iter()
        if not isinstance(el.tag, str)  # comments, processing instructions
        or el.tag in _DROP
        or el.get("hidden") is not None
        or _HIDDEN_STYLE.search(el.get("style") or "")
    ]
    for el in doomed:
        el.drop_tree()  # keeps the element's tail text, which is visible


def _own_han(el: Element) -> int:
    return len(_HAN.findall(el.text or "")) + sum(len(_HAN.findall(c.tail or "")) for c in el)


def _han_counts(body: Element) -> dict[Element, int]:
    """Chinese characters under each element (children come after parents in iter())."""
    counts: dict[Element, int] = {}
    for el in reversed(list(body.iter())):
        counts[el] = _own_han(el) + sum(counts[c] for c in el)
    return counts


def _hint(el: Element) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}"


def _container(body: Element, han: dict[Element, int]) -> Element:
    total = han[body]
    named = [
        el
        for el in body.iter()
        if han[el] >= 20
        and _CONTAINER.search(hint := _hint(el))
        and not _NOT_CONTAINER.search(hint)
    ]
    if named:
        largest = max(named, key=lambda el: han[el])
        if han[largest] >= 0.3 * total:
            # An outer "content" wrapper often holds the article's own div
            # (TRS_Editor inside zoom) next to metadata and link lists: take
            # the innermost named block that still holds most of the text.
            inner = [
                el
                for el in named
                if han[el] >= 0.6 * han[largest]
                and (el is largest or largest in el.iterancestors())
            ]
            return max(inner, key=lambda el: sum(1 for _ in el.iterancestors()))
    return _densest(body)


def _densest(body: Element) -> Element:
    """The element whose paragraphs hold the most Chinese text (a readability-style score)."""
    score: dict[Element, float] = {}
    for el in body.iter():
        own = _own_han(el)
        if not own:
            continue
        # Text counts for its element, fully for the parent (the block that
        # holds the paragraphs) and half for the grandparent.
        score[el] = score.get(el, 0) + own
        parent = el.getparent()
        if parent is not None:
            score[parent] = score.get(parent, 0) + own
            grand = parent.getparent()
            if grand is not None:
                score[grand] = score.get(grand, 0) + own / 2
    best = max(score, key=lambda el: score[el], default=body)
    # Score can land on an inline element; read from the enclosing block.
    while best is not body and best.tag not in _BLOCK and best.tag not in _CELLS:
        best = best.getparent()
    # An article split over sibling blocks by Word's "save as web page" (a section
    # break gives WordSection1, WordSection2): the parent holds it all.  Only those:
    # a related-news or comment block beside an article is no part of it.
    section = best
    while section is not body and not _WORD_SECTION.match(section.get("class") or ""):
        section = section.getparent()
    if section is not body:
        parent = section.getparent()
        if any(
            sib is not section and _WORD_SECTION.match(sib.get("class") or "") for sib in parent
        ):
            return parent
    return best


def _info_bar(el: Element) -> bool:
    if not _hint(el).strip():
        return False
    text = el.text_content().strip()
    return len(text) <= 120 and "。" not in text and _INFO_BAR.match(text) is not None


def _link_share(el: Element) -> float:
    """How much of an element's Chinese text is link text (1 when it has none)."""
    total = len(_HAN.findall(el.text_content()))
    linked = sum(len(_HAN.findall(a.text_content())) for a in el.iter("a"))
    return linked / total if total else 1.0


def _drop_site_lists(container: Element, han: dict[Element, int]) -> None:
    """Take out the site's menus, sidebars and link lists that a wrapper taken as the
    article holds beside it (<div id="content"> with a 热点信息 list): small parts
    named as such, blocks of three or more links that are mostly link text, and
    the template's own blocks (with a class or id, not a <p>) that hold only an
    information bar or a breadcrumb ("发布时间：…　来源：…").  Text the writer
    typed into the article is never such an element."""
    doomed: set[Element] = set()
    for el in container.iterdescendants():
        # Only the template's blocks: never a paragraph, a table row or an inline
        # link ("<a class="link">" inside a sentence is the writer's text).
        if el.tag not in _SITE_BLOCKS or han[el] > 0.3 * han[container]:
            continue
        if any(a in doomed for a in el.iterancestors()):
            continue
        hint = _hint(el)
        named = _NOT_CONTAINER.search(hint) is not None and not _TITLE_HINT.search(hint)
        if named or _link_list(el) or _info_bar(el):
            doomed.add(el)
    for el in doomed:
        el.drop_tree()


def _link_list(el: Element) -> bool:
    """Three or more links that are most of the text, no sentence, and not the
    report's own attachment list ("附件：1.…")."""
    text = el.text_content().strip()
    return (
        len(el.findall(".//a")) >= 3
        and "。" not in text
        and not text.startswith("附件")
        and _link_share(el) >= 0.7
    )


def _page_title(root: Element) -> str | None:
    """The CMS's ArticleTitle, else the report's part of <title>
    ("某镇2023年法治政府建设情况报告_某县人民政府", "…报告-某县人民政府")."""
    for meta in root.iterfind(".//meta"):
        if (meta.get("name") or "").lower() == "articletitle":
            found = _title_like(_flat(meta.get("content") or ""))
            if found:
                return found
    el = root.find(".//title")
    if el is None or not el.text:
        return None
    text = _flat(el.text)
    # Cut at the separator after "…报告"; a dash inside the title (2021—2025年) stays.
    cuts = list(_TITLE_SEPARATOR.finditer(text))
    for cut in reversed(cuts):
        head = text[: cut.start()]
        if head.endswith(("报告", "总结")):
            return _title_like(head)
    # ... or the site's name first: "白岩县人民政府-白岩县人民政府关于…的报告".
    for cut in cuts:
        tail = text[cut.end() :]
        if tail.endswith(("报告", "总结")) and _title_like(tail):
            return _title_like(tail)
    return _title_like(re.split(r"\s*[_|｜]\s*|\s+[-–—]\s+", text)[0])


def _heading_before(body: Element, container: Element) -> str | None:
    """The last <h1>-<h3> or "title" element before the container, if it reads as a title."""
    found = None
    for el in body.iter():
        if el is container:
            break
        if el.tag in ("h1", "h2", "h3") or (
            (el.tag in _BLOCK or el.tag in _CELLS) and _TITLE_HINT.search(_hint(el))
        ):
            if any(_NOT_TITLE_AREA.search(_hint(a)) for a in el.iterancestors()):
                continue
            # A title's spans on lines of their own ("生态环境局\n<span>2023年"):
            # the source's line break is no space in a title.
            text = _title_like(_flat(_TITLE_BREAK.sub("", el.text_content())))
            if text and (found is None or "报告" in text or "报告" not in found):
                found = text  # a report's title wins over a short label after it
    return found


def _flat(text: str) -> str:
    """One line, as a browser shows it: breaks between Chinese characters vanish."""
    return _SPACES.sub(" ", _CJK_BREAK.sub("", text)).strip()


def _title_like(text: str) -> str | None:
    text = text.strip(_LINE_TRIM)
    ok = len(text) <= 100 and "。" not in text and _TITLE_WORDS.search(text) is not None
    return text if ok else None


def _starts_with_title(lines: list[str], heading: str) -> bool:
    """Whether the article repeats the title itself (maybe over two lines, maybe
    after an issuer line); "现将2024年法治政府建设情况报告如下" does not count."""
    title = _squash(heading)
    # A masthead may come first ("××人民政府文件", "望政〔2025〕5号").
    head = [_squash(line) for line in lines[:8] if not _MASTHEAD_LINE.search(line)][:3]
    return any(
        "".join(head[i:j]) == title for i in range(len(head)) for j in range(i + 1, len(head) + 1)
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- text ----------------------------------------------------------------------


class _Out:
    """Text with line breaks that collapse: many block edges make one break."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []

    def text(self, raw: str | None) -> None:
        if raw:
            # Source line breaks are kept until the line is done: one between
            # two Chinese characters may sit between two elements ("…政府</span>
            # \n<span>建设…"), and like a browser (CSS Text 3, segment breaks)
            # it is dropped there, not turned into a space.
            raw = _BREAK_RUN.sub("\n", raw.replace("\xa0", " "))
            self.current.append(_BLANKS.sub(" ", raw))

    def add(self, literal: str) -> None:
        self.current.append(literal)

    def newline(self) -> None:
        joined = _CJK_BREAK.sub("", "".join(self.current)).replace("\n", " ")
        line = _TAB.sub("\t", joined).strip(_LINE_TRIM)
        line = _RUN_OF_SPACES.sub(" ", line)
        if line:
            self.lines.append(line)
        self.current = []


def _lines(container: Element) -> Iterator[str]:
    out = _Out()
    _walk(container, out, in_cell=False, root=True)
    out.newline()
    return iter(out.lines)


def _walk(el: Element, out: _Out, in_cell: bool, root: bool = False) -> None:
    tag = el.tag
    if tag == "br":
        out.add(" ") if in_cell else out.newline()
    elif tag == "tr" and not root:
        _row(el, out, in_cell)
    else:
        block = tag in _BLOCK or (tag in _CELLS and not root)
        if block:
            out.add(" ") if in_cell else out.newline()
        out.text(el.text)
        for child in el:
            _walk(child, out, in_cell)
            out.text(child.tail)
        if block:
            out.add(" ") if in_cell else out.newline()


def _row(tr: Element, out: _Out, in_cell: bool) -> None:
    cells = [c for c in tr if c.tag in _CELLS]
    texts = [_SPACES.sub("", c.text_content()) for c in cells]
    layout = sum(1 for t in texts if t) <= 1 or any(len(t) > _LAYOUT_CELL_CHARS for t in texts)
    if layout or in_cell:
        # A page laid out with a table: the cell is a block, its paragraphs lines.
        for cell in cells:
            _walk(cell, out, in_cell)
        return
    out.newline()
    for i, cell in enumerate(cells):
        if i:
            out.add("\t")
        _walk(cell, out, in_cell=True, root=True)
    out.newline()
