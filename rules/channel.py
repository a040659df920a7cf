"""The channel an announcement was made on: X, not LinkedIn, a blog post or someone else's post."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.claims.predicates import predicate_claims
from linter.findings import Finding
from linter.rule import Example, Rule

# Channel words and the channel they denote; the sheet's channel entities name the right one.
CHANNELS = {
    "x": "x", "twitter": "x", "tweet": "x", "tweets": "x", "tweeted": "x",
    "linkedin": "linkedin", "blog": "blog", "blog post": "blog", "blogpost": "blog", "substack": "blog",
    "press release": "press release", "statement": "statement", "threads": "threads", "bluesky": "bluesky",
    "mastodon": "mastodon", "facebook": "facebook", "instagram": "instagram", "youtube": "youtube",
    "podcast": "podcast", "newsletter": "newsletter", "email": "email", "interview": "interview",
}  # fmt: skip
CHANNEL_WORDS = (
    r"(?:X|Twitter|[Tt]weet|LinkedIn|[Bb]log(?:\s+post)?|Substack|press\s+release|Threads|Bluesky|Mastodon"
    r"|Facebook|Instagram|YouTube|[Pp]odcast|[Nn]ewsletter|[Ee]mail|[Ii]nterview)"
)
ANNOUNCED_ON = re.compile(
    r"\b(?:announc\w*|welcom\w*|post(?:ed|ing|s)?|shar(?:ed|ing|es)|revealed|wrote|writing|broke\s+the\s+news|made\s+the\s+news\s+public"
    r"|(?:made|making)\s+(?:the|his|her)\s+announcement|confirm(?:ed|ing|s)?|disclosed|said)"
    r"(?:\s+[\w'’]+){0,6}?\s+(?:on|via|in|through|to|with)\s+(?:(?:a|an|the|his|her|their|its|own|short|brief|personal|[A-Z][\w.-]*['’]s)\s+)*"
    r"(?P<channel>" + CHANNEL_WORDS + r")(?![\w-])"
)
TWEETED = re.compile(r"\b(?P<channel>tweeted)\b")
# "announced in a post by Nick Joseph", "revealed via Joseph's tweet": someone else's post.
BY_SOMEONE = re.compile(
    r"\b(?:announc\w*|revealed|disclosed|made\s+public|broke|confirmed)\b[^.;:]{0,40}?\b(?:in|via|through|with)\s+"
    r"(?:(?:an?|the)\s+)?(?:(?:short|brief)\s+)?(?:post|tweet|statement|message|note)(?:\s+on\s+\w+)?\s+(?:by|from)\s"
    r"|\b(?:announc\w*|revealed|disclosed|made\s+public|broke)\b[^.;:]{0,40}?\b(?:in|via|through)\s+(?=[A-Z])"
)
POST_AFTER_NAME = re.compile(r"['’]s?\s+(?:own\s+)?(?:post|tweet|statement|message)\b")


def channel_of(word: str) -> str:
    return CHANNELS.get(re.sub(r"\s+", " ", word.lower()), word.lower())


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
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        yield from self._someone_elses_post(doc)
        for pattern in (ANNOUNCED_ON, TWEETED):
            for claim in predicate_claims(doc, pattern, "announced_via"):
                fact = claim.fact
                right = doc.sheet.entities[fact.value.entity]
                word = claim.match["channel"]
                if channel_of(word) == channel_of(right.name) or word in right.names:
                    continue
                start, end = claim.match.span("channel")
                yield doc.finding(
                    self.code, fact, start, end,
                    f"{doc.sheet.entities[fact.subject].name} announced it on {right.name}, not {word!r}",
                    f"a post on {right.name}", None,
                )  # fmt: skip

    def _someone_elses_post(self, doc: Analysis) -> Iterator[Finding]:
        """'The move was announced in a post by Nick Joseph': the announcer was someone else."""
        for claim in predicate_claims(doc, BY_SOMEONE, "announced_via"):
            named = doc.mentions_between(claim.match.end(), claim.match.end() + 1, {"person"})
            author = named[0] if named else None
            if author is None or author.entity == claim.fact.subject:
                continue
            if claim.match.group(0).rstrip()[-2:] not in {"by", "om"} and not POST_AFTER_NAME.match(
                doc.prose, author.end
            ):
                continue  # "via Joseph" must be "via Joseph's post"
            subject = doc.sheet.entities[claim.fact.subject].name
            yield doc.finding(
                self.code, claim.fact, author.start, author.end,
                f"{subject} announced it himself, in his own post; {author.text} only reacted to it",
                f"{subject}'s own post on {doc.sheet.entities[claim.fact.value.entity].name}", None,
            )  # fmt: skip


RULES = (ChannelMismatch,)
