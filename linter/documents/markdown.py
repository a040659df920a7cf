"""Markdown masking: keep the prose, blank out what is not prose, keep every offset."""

from __future__ import annotations

import datetime as dt
import re

from linter.annotate.dates import iso_date
from linter.documents.document import Document, blank, directive_comments

FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(\n|\Z)", re.S)
FENCE = re.compile(r"^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n.*?(^[ \t]{0,3}\2[`~]*[ \t]*$|\Z)", re.S | re.M)
INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)((?:(?: {4}|\t)[^\n]*\n?)+)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
REF_DEFINITION = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S.*$", re.M)
AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")

# Order matters: blocks first, so inline patterns never see code.
MASKS = (FRONT_MATTER, FENCE, HTML_COMMENT, REF_DEFINITION, INLINE_CODE, LINK_TARGET, AUTOLINK, HTML_TAG)


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: blank(m.group(0)), text)


def _mask_indented_code(text: str) -> str:
    """Indented code is a block after a blank line that is not a list item's continuation."""

    def replace(m: re.Match[str]) -> str:
        before = text[: m.start()].rstrip().rsplit("\n", 1)[-1]
        if LIST_ITEM.match(before) or before.startswith(("    ", "\t")):
            return m.group(0)
        return blank(m.group(0))

    return INDENTED_CODE.sub(replace, text)


def mask_markdown(text: str) -> str:
    """The prose of a Markdown document, aligned character for character with `text`."""
    masked = text
    for pattern in MASKS[:2]:
        masked = _mask(masked, pattern)
    masked = _mask_indented_code(masked)
    for pattern in MASKS[2:]:
        masked = _mask(masked, pattern)
    return masked


def mask_code(text: str) -> str:
    """`text` with only code (and front matter) blanked: where comments and quotes are still
    markup, so directives shown as examples inside code are not taken as directives."""
    masked = _mask(_mask(text, FRONT_MATTER), FENCE)
    return _mask(_mask_indented_code(masked), INLINE_CODE)


# A `>` line and its lazy continuation lines (CommonMark), up to the next blank line.
BLOCKQUOTE = re.compile(r"^[ \t]{0,3}>[^\n]*(?:\n(?![ \t]*(?:\n|\Z))[^\n]*)*(?:\n|\Z)", re.M)
FRONT_MATTER_DATE = re.compile(
    r"^(?:date|published|publishDate|pubDate|published_at|datePublished)[ \t]*[:=][ \t]*[\"']?(\d{4})-(\d{2})-(\d{2})",
    re.M,
)


def blockquote_spans(text: str, markdown: bool = True) -> list[tuple[int, int]]:
    """Offsets of `>` blockquotes (in Markdown, outside code; in plain text, e-mail quoting)."""
    return [m.span() for m in BLOCKQUOTE.finditer(mask_code(text) if markdown else text)]


def front_matter_date(text: str) -> dt.date | None:
    """The article's date from a `date:` or `published:` key of its front matter, if any."""
    block = front_matter(text)
    m = FRONT_MATTER_DATE.search(block) if block else None
    return iso_date(f"{m[1]}-{m[2]}-{m[3]}") if m else None


def front_matter(text: str) -> str | None:
    """The raw front matter block, if the document starts with one."""
    m = FRONT_MATTER.match(text)
    return m.group(0) if m else None


def markdown_document(text: str, path: str, extract: bool = False) -> Document:
    """Markdown: code, front matter, link targets and comments are masked out of the prose."""
    return Document(
        path=path,
        text=text,
        kind="markdown",
        prose=mask_markdown(text),
        published=front_matter_date(text),
        directives=directive_comments(text, mask_code),
    )
