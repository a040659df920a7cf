"""Fragments: a list item or timeline entry that starts with its verb ("2021 — Left Tesla",
"- Reports to X") is about the person the text was just talking about."""

from __future__ import annotations

import re

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence

FRAGMENT_HEAD = re.compile(r"\W*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*[—–:-]+\s*)?")
NOT_VERBS = {"The", "A", "An", "His", "Her", "Its", "Their", "This", "That", "These", "Those", "In", "On", "At", "By"}


def previous_person(a: Analysis, sentence: Sentence, sentences_back: int = 3) -> Mention | None:
    """The last person named (or pronoun resolved) in the few sentences before `sentence`."""
    first = a.sentences[max(0, sentence.index - sentences_back)].start if a.sentences else sentence.start
    before = [m for m in a.mentions_between(first, sentence.start, {"person"}) if m.end <= sentence.start]
    return before[-1] if before else None


def previous_if_fragment(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """The person just talked about, when `sentence` is a fragment that starts with its verb."""
    return previous_person(a, sentence) if _fragment(a, sentence, offset) else None


def _fragment(a: Analysis, sentence: Sentence, offset: int) -> bool:
    """'2021 — Left Tesla after ...': the sentence starts with its verb and names no one before `offset`."""
    head = FRAGMENT_HEAD.match(a.prose, sentence.start, offset)
    if head is None:
        return False
    word = re.match(r"[A-Z][a-z]+\b", a.prose[head.end() : sentence.end])
    if word is None or word[0] in NOT_VERBS:
        return False
    return not a.mentions_between(sentence.start, offset, {"person"}) and not a.mentions_between(
        head.end(), head.end() + 1
    )
