"""HTML documents: the visible text of a page, with block boundaries as line breaks.

Offsets of HTML findings index the extracted text (returned by the API as `text`), because markup
has no single "character position" a reader sees. `--extract` keeps only the main article, using
trafilatura, for full web pages with navigation, comments and footers.
"""

from __future__ import annotations

import datetime as dt
import re

from linter.document import Document

SKIP_TAGS = {"script", "style", "noscript", "template", "textarea", "head", "svg", "code", "pre", "iframe"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "section", "table", "tr", "td", "th", "ul", "title", "caption", "details", "summary",
}  # fmt: skip
META_DATE_KEYS = ("article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date")


def visible_text(soup: object) -> str:
    """Concatenate visible text nodes; every block element starts and ends on its own line."""
    from bs4 import Comment, NavigableString, Tag

    parts: list[str] = []

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(re.sub(r"\s+", " ", str(child)))
            elif isinstance(child, Tag):
                if child.name in SKIP_TAGS or child.has_attr("hidden") or child.get("aria-hidden") == "true":
                    continue
                block = child.name in BLOCK_TAGS
                if block:
                    parts.append("\n")
                walk(child)
                if block:
                    parts.append("\n")

    walk(soup)  # type: ignore[arg-type]
    lines = (line.strip() for line in "".join(parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    return text + "\n" if text else ""


def published_from_meta(soup: object) -> dt.date | None:
    """The article's own date from <meta> or <time datetime>, if the page states one."""
    for meta in soup.find_all("meta"):  # type: ignore[attr-defined]
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key in META_DATE_KEYS and meta.get("content"):
            day = _iso_date(meta["content"])
            if day:
                return day
    time_tag = soup.find("time", attrs={"datetime": True})  # type: ignore[attr-defined]
    return _iso_date(time_tag["datetime"]) if time_tag else None


def _iso_date(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def extract_main_text(html: str) -> str | None:
    """The main article text of a full page (trafilatura), or None when it finds none."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)


def html_document(html: str, path: str, extract: bool = False) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    published = published_from_meta(soup)
    text = None
    if extract:
        text = extract_main_text(html)
        text = text.strip() + "\n" if text and text.strip() else None
    if text is None:
        body = soup.body or soup
        text = visible_text(body)
    return Document(path=path, text=text, kind="html", published=published)
