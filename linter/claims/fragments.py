"""Fragments: a list item or timeline entry that starts with its verb ("2021 — Left Tesla",
"- Reports to X") is about the person the text was just talking about."""

from __future__ import annotations

import re

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence
from linter.language.en import YEAR_DIGITS

FRAGMENT_HEAD = re.compile(rf"\W*(?:{YEAR_DIGITS}(?:\s*[-–]\s*{YEAR_DIGITS})?\s*[—–:-]+\s*)?")
CAPITALISED = re.compile(r"[A-Z][a-z]+\b")  # a fragment's first word: its verb ('Left')
NOT_VERBS = {"The", "A", "An", "His", "Her", "Its", "Their", "This", "That", "These", "Those", "In", "On", "At", "By"}


# A name a preposition or a list takes ("alongside Sam Altman, Elon Musk, and Greg Brockman")
# inside a fragment is not who the fragments are about.
TAKING = ("alongside", "under", "with", "by", "from", "to", "of", "and", "than", "like", "for", "beside", "including")
TAKEN = re.compile(rf"(?:\b(?:{'|'.join(TAKING)})\s+|,\s*)$")
TAKEN_ENDS = (",", *TAKING)  # what the text before such a name ends with, past its whitespace
FRAGMENT_RUN = 12  # how far a run of fragments ('Born 1986 ... Left Tesla in 2022.') may reach back


def previous_person(a: Analysis, sentence: Sentence, sentences_back: int = 3) -> Mention | None:
    """The last person named (or pronoun resolved) in the few sentences before `sentence`. A
    run of fragments ('Co-founded OpenAI alongside Sam Altman. Left Tesla in 2022.') is about
    the person before the run: it does not use up the few sentences, and names that prepositions
    or lists take, or that stand in brackets, are skipped everywhere."""
    budget, j, walked = sentences_back, sentence.number - 1, 0
    while j >= 0 and budget > 0 and walked < FRAGMENT_RUN:
        s = a.sentences[j]
        people = [m for m in a.mentions_between(s.start, s.end, {"person"}) if m.end <= sentence.start]
        subjects = [m for m in people if not _taken(a, s, m)]
        if subjects:
            return subjects[-1]
        if not _starts_with_verb(a, s):
            budget -= 1
        j -= 1
        walked += 1
    return None


def _taken(a: Analysis, sentence: Sentence, m: Mention) -> bool:
    """A name a preposition or list takes, or one in brackets: not whom the text is about."""
    if m.pronoun:
        return False
    before = a.prose[sentence.start : m.start]
    if before.count("(") > before.count(")"):
        return True
    # TAKEN ends with a comma or one of its words, then whitespace: anything else cannot match,
    # and the search would try it at every character of the sentence so far.
    tail = before.rstrip()
    return tail.endswith(TAKEN_ENDS) and bool(TAKEN.search(before))


def _starts_with_verb(a: Analysis, sentence: Sentence) -> bool:
    head = FRAGMENT_HEAD.match(a.prose, sentence.start, sentence.end)
    if head is None:
        return False
    word = CAPITALISED.match(a.prose, head.end(), sentence.end)
    return word is not None and word[0] not in NOT_VERBS and not a.mentions_between(head.end(), head.end() + 1)


def previous_if_fragment(a: Analysis, sentence: Sentence, offset: int) -> Mention | None:
    """The person just talked about, when `sentence` is a fragment that starts with its verb."""
    return previous_person(a, sentence) if _fragment(a, sentence, offset) else None


def _fragment(a: Analysis, sentence: Sentence, offset: int) -> bool:
    """'2021 — Left Tesla after ...': the sentence starts with its verb and names no one before `offset`."""
    head = FRAGMENT_HEAD.match(a.prose, sentence.start, offset)
    if head is None:
        return False
    word = CAPITALISED.match(a.prose, head.end(), sentence.end)
    if word is None or word[0] in NOT_VERBS:
        return False
    return not a.mentions_between(sentence.start, offset, {"person"}) and not a.mentions_between(
        head.end(), head.end() + 1
    )
