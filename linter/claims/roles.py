"""Job titles as text writes them: 'Anthropic's head of pre-training', 'former Tesla AI director'.

Shared by the rules that read titles (FL301) and those that skip over them to reach a name
("reports to team lead Nick Joseph").
"""

from __future__ import annotations

import re

# Nouns that make a phrase a title, and the ones that make it a senior, usually unique, role.
HEAD_NOUNS = {
    "head", "chief", "director", "president", "ceo", "cto", "coo", "cfo", "founder", "co-founder", "cofounder",
    "lead", "leader", "manager", "researcher", "scientist", "engineer", "member", "executive", "officer",
    "correspondent", "boss", "alumnus", "veteran", "architect", "fellow", "adviser", "advisor", "chair",
    "chairman", "vp", "investor", "backer", "hire", "employee", "staffer", "intern", "editor", "reporter",
}  # fmt: skip
SENIOR_NOUNS = {
    "head", "chief", "director", "president", "ceo", "cto", "coo", "cfo", "founder", "co-founder", "cofounder",
    "lead", "leader", "chair", "chairman", "vp", "boss", "executive",
}  # fmt: skip
UNIQUE_PATTERN = re.compile(
    r"\b(?:ceo|cto|coo|cfo|president|chair(?:man)?|chief\s+\w+(?:\s+officer)?|head\s+of\s+[\w -]+)\b"
)
MODIFIERS = {
    "the", "a", "an", "its", "their", "his", "her", "former", "new", "longtime", "senior", "junior", "vice",
    "of", "for", "and", "&", "founding", "original", "executive", "principal", "staff", "deputy", "acting",
    "interim", "global", "technical", "team", "sub-team", "group", "ai", "artificial", "intelligence",
    "pre-training", "pretraining", "pre", "training", "research", "autopilot", "computer", "vision", "security",
    "safety", "alignment", "product", "engineering", "technology", "telecom", "red", "frontier", "machine",
    "learning", "ml", "data", "infrastructure", "policy", "communications", "operations", "scientific", "then",
    "now", "current", "self-driving", "fsd", "education", "llm", "deep", "cybersecurity", "another",
}  # fmt: skip
TITLE_WORDS = HEAD_NOUNS | MODIFIERS
WORD = re.compile(r"[A-Za-z][\w&-]*|&")


def normalise(title: str) -> str:
    """Lower-case, hyphen- and article-free form for comparing titles."""
    words = re.findall(r"[a-z0-9&]+", title.lower().replace("pre-training", "pretraining").replace("-", ""))
    return " ".join(w for w in words if w not in {"the", "a", "an", "its", "his", "her", "their"})


def head_noun(title: str) -> str | None:
    """The word that makes `title` a role ('head' in 'head of pre-training'), if any."""
    words = [w.lower() for w in WORD.findall(title)]
    if "of" in words:
        before = words[: words.index("of")]
        heads = [w for w in before if w in HEAD_NOUNS]
        if heads:
            return heads[-1]
    heads = [w for w in words if w in HEAD_NOUNS]
    return heads[-1] if heads else None


def is_senior(title: str) -> bool:
    return (head_noun(title) or "") in SENIOR_NOUNS or "chief" in title.lower().split()


def is_unique_role(title: str) -> bool:
    """Roles one person holds at a time in an organisation (CEO, head of X, chief X officer)."""
    return bool(UNIQUE_PATTERN.search(title.lower()))


def only_title_words(text: str, orgs_ok: bool = True) -> bool:
    """True when `text` is nothing but title words, possessive names and commas: the gap
    between a cue and a name, as in 'reports to Anthropic's head of pre-training, Nick Joseph'."""
    stripped = re.sub(r"[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)*['’]s\b", " ", text) if orgs_ok else text
    words = WORD.findall(stripped.replace(",", " "))
    if len(words) > 7 or re.search(r"[.;:!?()]", stripped):
        return False
    return all(w.lower() in TITLE_WORDS for w in words)


LEADING_NOISE = re.compile(r"^(?:(?:the|a|an|its|former|new|then|current|longtime|now|another|one-time)\s+)+", re.I)


def _words(title: str) -> list[str]:
    return normalise(LEADING_NOISE.sub("", title)).split()


def title_matches(found: str, value: object, exact: bool = False) -> bool:
    """Does the title the text gives agree with a sheet value (its title or any alias)?

    Agreement allows the text to be vaguer ('director' for 'Senior Director of AI') or more
    specific by modifiers only ('senior director of AI'), never by another role noun
    ('chief scientist' is not 'chief'). `exact` asks for the same words: whether a title is
    someone else's ('Tesla chief' is not Karpathy's 'AI chief').
    """
    words = _words(found)
    if not words:
        return False
    known = [getattr(value, "text", ""), *getattr(value, "aliases", ())]
    for title in known:
        other = _words(title)
        if not other or (exact and other != words):
            continue
        if _contains(other, words):
            return True
        if _contains(words, other):
            extra = [w for w in words if w not in other]
            if not any(w in HEAD_NOUNS or w.replace("-", "") in HEAD_NOUNS for w in extra):
                return True
    return False


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))
