"""HTML documents: the visible text of a page, with block boundaries as line breaks.

Offsets of HTML findings index the extracted text (returned by the API as `text`), because markup
has no single "character position" a reader sees. `--extract` keeps only the main article, using
trafilatura, for full web pages with navigation, comments and footers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from linter.annotate.dates import iso_date
from linter.documents.document import Document

SKIP_TAGS = {"script", "style", "noscript", "template", "textarea", "head", "svg", "code", "pre", "iframe"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "section", "table", "tr", "td", "th", "ul", "title", "caption", "details", "summary",
}  # fmt: skip
META_DATE_KEYS = ("article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date")


@dataclass
class Marker:
    """A point of the page that has no text of its own (a factlint comment, a blockquote's
    start or end), placed in the extracted text once the text's lines are final."""

    what: str  # "directive", "quote-start" or "quote-end"
    body: str = ""
    offset: int = 0


@dataclass
class VisibleText:
    """A page's visible text, with the markers (comments, blockquote ends) placed in it."""

    text: str
    markers: list[Marker] = field(default_factory=list)


def walk_visible(soup: object) -> VisibleText:
    """The visible text, plus where factlint comments and blockquotes sit in it.

    Iterative, with an explicit stack: a page nested thousands of elements deep (hostile or just
    generated) must not hit Python's recursion limit."""
    from bs4 import Comment, NavigableString, Tag

    parts: list[str | Marker] = []
    # Each entry: the children still to visit, and what to emit once they are done.
    stack: list[tuple[Iterator[object], list[str | Marker]]] = [(iter(soup.children), [])]  # type: ignore[attr-defined]
    while stack:
        children, closing = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.extend(closing)
            continue
        if isinstance(child, Comment):
            body = str(child).strip()
            if body.startswith("factlint") and body[len("factlint") :].lstrip().startswith(":"):
                parts.append(Marker("directive", body.split(":", 1)[1].strip()))
        elif isinstance(child, NavigableString):
            parts.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag):
            if child.name in SKIP_TAGS or child.has_attr("hidden") or child.get("aria-hidden") == "true":
                continue
            block = child.name in BLOCK_TAGS
            quote = child.name == "blockquote"
            parts.extend(["\n"] * block + [Marker("quote-start")] * quote)
            stack.append((iter(child.children), [Marker("quote-end")] * quote + ["\n"] * block))
    return _assemble(parts)


def _assemble(parts: list[str | Marker]) -> VisibleText:
    """Join the parts into stripped, non-empty lines; move each marker with the text around it
    (a marker on a line that is dropped goes to the start of the next line kept)."""
    raw: list[str] = []
    markers: list[tuple[int, Marker]] = []
    length = 0
    for part in parts:
        if isinstance(part, Marker):
            markers.append((length, part))
        else:
            raw.append(part)
            length += len(part)
    lines: list[str] = []
    out_len = 0
    pending: list[Marker] = []
    pointer = 0
    line_start = 0
    for line in "".join(raw).split("\n"):
        line_end = line_start + len(line)
        content = line.strip()
        while pointer < len(markers) and markers[pointer][0] <= line_end:
            offset, marker = markers[pointer]
            pointer += 1
            if not content:
                pending.append(marker)
                continue
            lead = len(line) - len(line.lstrip())
            marker.offset = out_len + (1 if lines else 0) + min(max(offset - line_start - lead, 0), len(content))
        if content:
            if lines:
                out_len += 1
            for marker in pending:
                marker.offset = out_len
            pending = []
            lines.append(content)
            out_len += len(content)
        line_start = line_end + 1
    text = "\n".join(lines)
    text = text + "\n" if text else ""
    for marker in pending:
        marker.offset = len(text)
    return VisibleText(text, [m for _, m in markers])


DATE_TAG = re.compile(r"<(meta|time)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def published_from_meta(html: str) -> dt.date | None:
    """The article's own date from <meta> or <time datetime>, if the page states one.

    Read from the tags alone (a regex over `<meta>`/`<time>`), so `--extract` does not parse the
    whole page a second time just for its date."""
    first_time: dt.date | None = None
    for tag in DATE_TAG.finditer(html):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in ATTRIBUTE.finditer(tag[2])}
        if tag[1].lower() == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            day = iso_date(attrs.get("content", "")) if key in META_DATE_KEYS else None
            if day:
                return day
        elif first_time is None and attrs.get("datetime"):
            first_time = iso_date(attrs["datetime"])
    return first_time


def extract_main_text(html: str) -> str | None:
    """The main article text of a full page (trafilatura), or None when it finds none."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)


def html_document(html: str, path: str, extract: bool = False) -> Document:
    published = published_from_meta(html)
    if extract:
        text = extract_main_text(html)
        if text and text.strip():  # trafilatura drops comments and quotes: no directives to place
            return Document(path=path, text=text.strip() + "\n", kind="html", published=published)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    visible = walk_visible(soup.body or soup)
    quotes, opened = [], []
    for marker in visible.markers:
        if marker.what == "quote-start":
            opened.append(marker.offset)
        elif marker.what == "quote-end" and opened:
            quotes.append((opened.pop(), marker.offset))
    return Document(
        path=path,
        text=visible.text,
        kind="html",
        published=published,
        directives=[(m.offset, m.offset, m.body) for m in visible.markers if m.what == "directive"],
        quotes=sorted(quotes),
    )
