"""Team and remit phrases: 'the product team', 'Claude's safety work', 'a new sub-team'.

Functions are the words that say what a team does. A phrase is only judged when it names a
function; umbrella words ('research', 'AI', 'technical') fit any team and are never a verdict.
"""

from __future__ import annotations

import re

from linter.language.en import FUNCTION_WORDS

# General function words; a sheet's own team words are added by `linter.claims.vocabulary`.
FUNCTIONS = FUNCTION_WORDS
NEW_TEAM = re.compile(r"\b(?:new|sub-?team|sub-?group|spin(?:ning)?\s+up|stand\s+up|start(?:ing)?\s+a|an?)\b", re.I)
TEAM_NOUN = r"(?:team|group|org|organi[sz]ation|division|unit|lab|effort|work|research|efforts|department)"


def functions_in(phrase: str) -> set[str]:
    """The general function words of a phrase, without hyphens; `Vocabulary.functions_in` adds
    the sheet's own."""
    words = re.findall(r"[a-z][a-z-]*", phrase.lower())
    return {w.replace("-", "") for w in words if w in FUNCTIONS}


def is_new_team(phrase: str) -> bool:
    return bool(NEW_TEAM.search(phrase))
