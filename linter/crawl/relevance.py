"""Does a fact sheet apply to a page? Counted in the crawl summary ("pages the sheet applies to").

A stand-in until the engine has its own relevance test: a page applies when it mentions at least
one of a sheet's entities by name. Swap `applies` for the engine's test when it lands.
"""

from __future__ import annotations

from collections.abc import Iterable

from linter.document import Document
from linter.mentions import matcher_for
from linter.sheet import Sheet


def applies(doc: Document, sheets: Iterable[Sheet]) -> bool:
    return any(matcher_for(sheet).pattern.search(doc.prose) for sheet in sheets)
