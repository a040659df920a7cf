"""Job titles as text writes them: 'Anthropic's head of pre-training', 'former Tesla AI director'.

Shared by the rules that read titles (FL301) and those that skip over them to reach a name
("reports to team lead Nick Joseph").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from linter.language.en import (
    FOUNDER_NOUNS,
    HEAD_NOUNS,
    LEADER_NOUNS,
    SENIOR_NOUNS,
    TITLE_LEADING,
    TITLE_MODIFIERS,
    VP_TITLES,
)

UNIQUE_PATTERN = re.compile(
    r"\b(?:ceo|cto|coo|cfo|president|chair(?:man)?|chief\s+\w+(?:\s+officer)?|head\s+of\s+[\w -]+)\b"
)
# The general title words; `linter.claims.vocabulary` adds the sheet's own ('pre-training lead').
TITLE_WORDS = HEAD_NOUNS | TITLE_MODIFIERS
WORD = re.compile(r"[A-Za-z][\w&-]*|&")


NORMAL_WORD = re.compile(r"[a-z0-9&]+")
PREFIX_GAP = re.compile(r"\b(pre|post|co|sub|non)[\s-]+")  # 'pre training' -> 'pretraining'


def normalise(title: str) -> str:
    """Lower-case, hyphen- and article-free form for comparing titles."""
    words = NORMAL_WORD.findall(PREFIX_GAP.sub(r"\1", title.lower()).replace("-", ""))
    return " ".join(w for w in words if w not in {"the", "a", "an", "its", "his", "her", "their"})


def head_noun(title: str, extra: frozenset[str] = frozenset()) -> str | None:
    """The word that makes `title` a role ('head' in 'head of pre-training'), if any; `extra`
    adds a sheet's own role nouns ('principal' of 'team principal', `Vocabulary.head_nouns`)."""
    nouns = _with_head_nouns(extra) if extra else HEAD_NOUNS
    words: list[str] = [w.lower() for w in WORD.findall(title)]
    if "of" in words:
        before = words[: words.index("of")]
        heads = [w for w in before if w in nouns]
        if heads:
            return heads[-1]
    heads = [w for w in words if w in nouns]
    return heads[-1] if heads else None


@lru_cache(maxsize=16)
def _with_head_nouns(extra: frozenset[str]) -> frozenset[str]:
    """HEAD_NOUNS and a sheet's own role nouns, joined once per sheet, not for every title read."""
    return HEAD_NOUNS | extra


def is_senior(title: str) -> bool:
    return (head_noun(title) or "") in SENIOR_NOUNS or "chief" in title.lower().split()


def is_unique_role(title: str) -> bool:
    """Roles one person holds at a time in an organisation (CEO, head of X, chief X officer)."""
    return bool(UNIQUE_PATTERN.search(title.lower()))


OWNER_NAME = re.compile(r"[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)*['’]s\b")
NOT_IN_A_TITLE = re.compile(r"[.;:!?()]")


def only_title_words(text: str, orgs_ok: bool = True, words_ok: frozenset[str] | set[str] = TITLE_WORDS) -> bool:
    """True when `text` is nothing but title words, possessive names and commas: the gap
    between a cue and a name, as in 'reports to Anthropic's head of pre-training, Nick Joseph'."""
    stripped = OWNER_NAME.sub(" ", text) if orgs_ok else text
    words = WORD.findall(stripped.replace(",", " "))
    if len(words) > 7 or NOT_IN_A_TITLE.search(stripped):
        return False
    return all(w.lower() in words_ok for w in words)


LEADING_NOISE = re.compile(r"^(?:(?:" + "|".join(sorted(TITLE_LEADING)) + r"|one-time)\s+)+", re.I)
# Compiled here, not left to the `re` module's cache, which a large sheet's patterns can overflow.
VP_SHORT = tuple((re.compile(rf"\b{long}\b"), short) for long, short in VP_TITLES.items())
LEADER = "head"  # the one word every leader noun ('lead', 'chief', 'director') compares as
FOUNDER = "founder"


@lru_cache(maxsize=4096)
def _words(title: str, classes: bool = True) -> tuple[str, ...]:
    """A title in canonical words: VP ranks abbreviated, 'X of Y' read as 'Y X', a leader role noun
    as 'head', so 'AI head', 'head of AI' and 'AI executive' compare equal ('director of AI').
    Cached: the same few titles are compared with the sheet's values over and over."""
    text = LEADING_NOISE.sub("", title.lower())
    for long, short in VP_SHORT:
        text = long.sub(short, text)
    words = normalise(text).split()
    if "of" in words:
        i = words.index("of")
        words = [w for w in words[i + 1 :] if w != "the"] + words[:i]
    if not classes or not words:
        return tuple(words)
    last = words[-1]  # the role noun; 'chief' in 'chief engineer' only qualifies it
    return (*words[:-1], LEADER if last in LEADER_NOUNS else FOUNDER if last in FOUNDER_NOUNS else last)


PART_BREAK = re.compile(r"\s*(?:,|&|\band\b)\s*")


def title_parts(title: str) -> list[str]:
    """'Chief Scientist and co-founder' -> ['Chief Scientist', 'co-founder']: each part is a title
    of its own, in any order."""
    parts = [p.strip() for p in PART_BREAK.split(title) if p.strip()]
    return parts if len(parts) > 1 and all(head_noun(p) for p in parts) else [title]


def title_matches(found: str, value: object, exact: bool = False) -> bool:
    """Does the title the text gives agree with a sheet value (its title or any alias)?

    Agreement allows the text to be vaguer ('director' for 'Senior Director of AI') or more
    specific by modifiers only ('senior director of AI'), never by another role noun
    ('chief scientist' is not 'chief'). `exact` asks for the same words: whether a title is
    someone else's ('Tesla chief' is not Karpathy's 'AI chief').
    """
    return _matches(found, (getattr(value, "text", ""), *getattr(value, "aliases", ())), exact)


@lru_cache(maxsize=4096)
def _matches(found: str, known: tuple[str, ...], exact: bool) -> bool:
    """`title_matches` for a value's title and aliases. Cached: a page compares the same few
    titles with the sheet's titles over and over (each part of each title claim with each of the
    person's facts)."""
    words = _words(found, classes=not exact)
    if not words:
        return False
    for title in known:
        other = _words(title, classes=not exact)
        if not other or (exact and other != words):
            continue
        if _contains(other, words):
            return True
        if _subsequence(words, other):
            extra = [w for w in words if w not in other]
            if not any(w in HEAD_NOUNS or w in (LEADER, FOUNDER) for w in extra):
                return True
    return False


def _subsequence(big: Sequence[str], small: Sequence[str]) -> bool:
    """`small` in order within `big`, gaps allowed ('pretraining team head' holds 'pretraining head')."""
    words = iter(big)
    return all(w in words for w in small)


def _contains(big: Sequence[str], small: Sequence[str]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))
