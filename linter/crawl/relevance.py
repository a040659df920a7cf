"""Does a fact sheet apply to a page? Counted in the crawl summary ("pages the sheet applies to").

The engine decides (`linter.claims.relevance`: the page names one of the event's people; pages it does
not apply to are not judged); this is the one place the crawl asks, so a change of that test, or
of how it is reported, touches one line.
"""

from __future__ import annotations

from linter.pipeline import Checked


def applies(checked: Checked) -> bool:
    return checked.coverage.applies
