"""The channel an announcement was made on: X, not LinkedIn, a blog post or someone else's post."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from linter.annotate.analysis import Analysis
from linter.claims.clauses import fitting_fact
from linter.claims.predicates import Claim, matches_by_sentence, predicate_claims, subject_of
from linter.findings import Finding
from linter.language.en import CHANNEL_PATTERN, POSSESSIVE, REFLEXIVE
from linter.language.en import CHANNEL_WORDS as CHANNELS
from linter.rule import Example, Rule
from linter.sheet import Entity, Sheet

ANNOUNCED_ON = (
    r"\b(?:announc\w*|welcom\w*|post(?:ed|ing|s)?|shar(?:ed|ing|es)|revealed|wrote|writing|broke\s+the\s+news"
    r"|made\s+the\s+news\s+public|(?:made|making)\s+(?:the|his|her)\s+announcement|confirm(?:ed|ing|s)?|disclosed|said)"
    r"(?:\s+[\w'’]+){0,6}?\s+(?:on|via|in|through|to|with|at|during)\s+"
    r"(?:(?:a|an|the|his|her|their|its|own|short|brief|personal|[A-Z][\w.-]*['’]s)\s+)*"
)


@lru_cache(maxsize=16)
def announced_on(sheet: Sheet) -> re.Pattern[str]:
    """'announced ... on/via/in <channel>': the general platform words and the sheet's channel
    names (as written, so 'X' matches only the capital letter)."""
    names = [re.escape(n) for e in sheet.entities.values() if e.kind == "channel" for n in e.names]
    # The channels the sheet marks wrong ('press conference') are channel words for this event.
    wrong = [
        r"[\s-]+".join(re.escape(w) for w in a.value.text.split())
        for f in sheet.facts_for("announced_via")
        for a in f.alternatives_ranked("deprecated")
        if a.value.type == "text" and a.value.text.strip()
    ]
    words = "|".join([*sorted([*names, *wrong], key=len, reverse=True), CHANNEL_PATTERN])
    return re.compile(ANNOUNCED_ON + r"(?P<channel>" + words + r")(?![\w-])")


TWEETED = re.compile(r"\b(?P<channel>tweeted)\b")
# "announced in a post by Nick Joseph", "revealed via Joseph's tweet": someone else's post.
BY_SOMEONE = re.compile(
    r"\b(?:announc\w*|revealed|disclosed|made\s+public|broke|confirmed)\b[^.;:]{0,40}?\b(?:in|via|through|with)\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:short|brief)\s+)?(?:post|tweet|statement|message|note)(?:\s+on\s+\w+)?\s+(?:by|from)\s+"
    r"|\b(?:announc\w*|revealed|disclosed|made\s+public|broke)\b[^.;:]{0,40}?\b(?:in|via|through)\s+(?=[A-Z])"
)
POST_AFTER_NAME = re.compile(r"['’]s?\s+(?:own\s+)?(?:post|tweet|statement|message)\b")
HANDLE = re.compile(r"@(\w{2,30})\b")


SPACES = re.compile(r"\s+")


def channel_of(word: str) -> str:
    """The platform a channel word denotes ('tweeted' -> 'twitter'); other words stand for themselves."""
    key = SPACES.sub(" ", word.lower())
    return CHANNELS.get(key, key)


def _same_channel(word: str, channel: Entity) -> bool:
    """Is `word` the sheet's channel? By any of its names, or a word for the same platform."""
    names = {channel_of(n) for n in channel.names}
    return channel_of(word) in names or word.lower() in {n.lower() for n in channel.names}


# "His post was shared on LinkedIn": others passed it on; where it was first made is not said.
PASSED_ON = re.compile(r"\b(?:was|were|been|being|is|are|got|gets)\s+(?:\w+ly\s+|also\s+)?$", re.IGNORECASE)
SPREAD_VERB = re.compile(r"(?:shar|post|repost|welcom|circulat|quot)", re.IGNORECASE)


def _passed_on(doc: Analysis, claim: Claim) -> bool:
    start = claim.match.start()
    return bool(SPREAD_VERB.match(claim.match[0]) and PASSED_ON.search(doc.prose, max(0, start - 30), start))


def _handle_of(entity: Entity, handle: str) -> bool:
    """'@jdoe' or '@janedoe' may be Jane Doe's own account: a handle holding a word of any of her
    names is hers (unsure, so silent)."""
    words = {w.lower() for n in entity.names for w in re.findall(r"\w{3,}", n)}
    return any(w in handle.lower() for w in words)


def _where(channel: Entity) -> str:
    """'on a post on X' for a platform (a proper name), 'in an official statement' for a kind of
    announcement (a common noun)."""
    if channel.name[:1].isupper():
        return f"in a post on {channel.name}"
    article = "an" if channel.name[:1].lower() in "aeiou" else "a"
    return f"in {article} {channel.name}"


def _announced_by_employer(doc: Analysis, pattern: re.Pattern[str], done: set[int]) -> list[Claim]:
    """'Ferrari announced the signing of Lewis Hamilton at a press conference': an organisation
    with no channel of its own announcing the move of a person who has one speaks of that
    person's announcement."""
    facts = doc.sheet.facts_by_subject("announced_via")
    claims = []
    for m, sentence in matches_by_sentence(doc, pattern):
        if m.start() in done:
            continue
        named = [p for p in doc.mentions_between(m.start(), m.start("channel"), {"person"}) if p.entity in facts]
        if not named:
            continue  # (asked first: most announcements name no such person, and need no subject)
        subject = subject_of(doc, sentence, m.start(), frozenset({"organisation"}))
        if subject is None or subject.entity in facts or doc.prose[subject.end : m.start()].strip(" ,") != "":
            continue
        found = fitting_fact(doc, sentence, m.start(), m.end(), facts[named[0].entity or ""])
        if found is not None:
            claims.append(Claim(sentence, m, found[0], named[0], found[1]))
    return claims


class ChannelMismatch(Rule):
    """An announcement is placed on the wrong channel.

    Finds "announced ... on/via/in <channel>", "posted to <channel>", "in a LinkedIn post",
    "in a blog post", "tweeted"; reads the channel word; compares it with the subject's
    `announced_via` fact. "Announced in a post by <someone else>" is flagged on that name.
    "Nick Joseph welcomed him on X" and announcements by people the sheet has no channel for
    stay silent.
    """

    code = "FL501"
    name = "channel-mismatch"
    examples = (
        Example("Karpathy announced the move in a LinkedIn post on Tuesday.", "LinkedIn"),
        Example("Andrej Karpathy shared the news in a blog post.", "blog post"),
        Example("The move was announced in a post by Nick Joseph.", "Nick Joseph"),
        Example("Karpathy announced the move on X on 19 May 2026."),
        Example("Karpathy posted to Twitter that he had joined Anthropic."),
        Example("Dario Amodei later discussed the hire in a podcast interview."),
        Example("Nick Joseph welcomed him on X the same day."),
        Example("The news was announced in a post by Andrej Karpathy."),
        Example("Karpathy's new role was announced in a post by @someanalyst.", "@someanalyst"),
        Example("Karpathy announced the move in a post by @karpathy."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        yield from self._someone_elses_post(doc)
        for pattern in (announced_on(doc.sheet), TWEETED):
            claims = predicate_claims(doc, pattern, "announced_via")
            claims += _announced_by_employer(doc, pattern, {c.match.start() for c in claims})
            for claim in claims:
                fact = claim.fact
                right = doc.sheet.entities[fact.value.entity]
                word = claim.match["channel"]
                if _same_channel(word, right) or _passed_on(doc, claim):
                    continue
                start, end = claim.match.span("channel")
                where = _where(right)
                yield doc.finding(
                    rule=self.code,
                    fact=fact,
                    start=start,
                    end=end,
                    message=f"{doc.sheet.entities[fact.subject].name} announced it {where}, not {word!r}",
                    expected=where.split(" ", 1)[1],
                    suggestion=None,
                    claim=claim.read(word, start, end, claim.match[0][:12]),
                )

    def _someone_elses_post(self, doc: Analysis) -> Iterator[Finding]:
        """'The move was announced in a post by Nick Joseph': the announcer was someone else."""
        for claim in predicate_claims(doc, BY_SOMEONE, "announced_via"):
            author = self._author(doc, claim)
            if author is None:
                continue
            start, end, text = author
            subject = doc.sheet.entities[claim.fact.subject]
            channel = doc.sheet.entities[claim.fact.value.entity]
            pronoun = REFLEXIVE.get(subject.gender or "")
            own = f"{pronoun}, in {POSSESSIVE[subject.gender or '']} own post" if pronoun else "in a post of their own"
            kind = f"post on {channel.name}" if channel.kind == "channel" else channel.name
            yield doc.finding(
                rule=self.code,
                fact=claim.fact,
                start=start,
                end=end,
                message=f"{subject.name} announced it {own}; {text} only reacted to it",
                expected=f"{subject.name}'s own {kind}",
                suggestion=None,
                claim=claim.read(text, start, end, "a post by"),
            )

    @staticmethod
    def _author(doc: Analysis, claim: Claim) -> tuple[int, int, str] | None:
        """Who the text says posted it, when that is plainly someone else: a known person named
        right after 'a post by' (or 'via <name>'s post'), or an @handle that is not the subject's."""
        after = claim.match.end()
        by = claim.match.group(0).rstrip()[-2:] in {"by", "om"}
        handle = HANDLE.match(doc.prose, after)
        if handle is not None:
            subject = doc.sheet.entities[claim.fact.subject]
            return None if not by or _handle_of(subject, handle[1]) else (*handle.span(), handle[0])
        named = doc.mentions_between(after, after + 1, {"person"})
        author = named[0] if named else None
        if author is None or author.entity == claim.fact.subject:
            return None
        if not by and not POST_AFTER_NAME.match(doc.prose, author.end):
            return None  # "via Joseph" must be "via Joseph's post"
        return author.start, author.end, author.text
