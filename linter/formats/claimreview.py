"""`--format claimreview`: schema.org ClaimReview JSON-LD, one review per finding.

This is the markup fact-checkers publish (and search engines read): the sentence as the claim
reviewed, a rating ("False" where the text contradicts the sheet, "Disputed" where the sheet marks
the fact disputed), the article as where the claim appears, and the sheet's sources as citations.
Unused-suppression findings (FL0xx) are about directives, not claims, and are left out.
"""

from __future__ import annotations

import json
from typing import Any

from linter.findings import Finding
from linter.formats.common import sentence_of, uri
from linter.formats.results import FileResult
from linter.sheet import Sheet

RATINGS = {"error": (1, "False"), "warning": (3, "Disputed")}


def review(result: FileResult, finding: Finding, sheet: Sheet) -> dict[str, Any]:
    value, name = RATINGS[finding.severity]
    sources = sheet.source_labels(finding.sources)
    body = f"{finding.message}. The fact sheet says: {finding.expected}."
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": sentence_of(result.text, finding),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {"@type": "CreativeWork", "url": uri(result.path)},
        },
        "author": {"@type": "Organization", "name": "factlint"},
        "reviewBody": body,
        "citation": [{"@type": "CreativeWork", "name": label} for label in sources],
        "identifier": f"{finding.rule}/{finding.fact}",
    }


def render(results: list[FileResult], sheet: Sheet) -> str:
    reviews = [review(r, f, sheet) for r in results for f in r.findings if not f.rule.startswith("FL0")]
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
