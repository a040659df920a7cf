"""Dates of the sheet's events: absolute dates, weekdays and relative dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.annotate.dates import WEEKDAY_NAMES, DateMention, format_like, resolve_relative
from linter.claims.predicates import Attribution, attribute
from linter.findings import Applicability, Finding
from linter.rule import Example, Rule
from linter.sheet import Fact

RIVAL_REACH = 200  # other dates further away than this cannot be nearer to any cue of this one


def dated_claims(doc: Analysis) -> list[tuple[DateMention, Attribution]]:
    """Every date expression that a clause ties to one of the sheet's dated facts (worked out
    once per document: FL101, FL102 and FL103 all read it)."""
    key = ("dated-claims", 0)
    if key not in doc.memo:
        facts = doc.sheet.facts_of_type("date")
        found = []
        for sentence in doc.sentences:
            for mention in doc.dates_in(sentence):
                near = doc.dates_between(mention.start - RIVAL_REACH, mention.end + RIVAL_REACH)
                rivals = [(d.start, d.end) for d in near]
                claim = attribute(doc, sentence, mention.start, facts, end=mention.end, rivals=rivals)
                if claim:
                    found.append((mention, claim))
        doc.memo[key] = found
    return doc.memo[key]  # type: ignore[return-value]


def matches(mention: DateMention, fact_day: dt.date, month_only: bool) -> bool:
    """Does the text's (possibly partial) date agree with the fact? Missing parts agree."""
    if mention.year is not None and mention.year != fact_day.year:
        return False
    if mention.month is not None and mention.month != fact_day.month:
        return False
    if month_only or mention.day is None:
        return True
    if mention.is_range:
        return mention.day <= fact_day.day <= mention.day + 7  # "19-20 May": contains the day
    return mention.day == fact_day.day


def alternative_for(fact: Fact, mention: DateMention):
    """A deprecated or disputed value of the fact that the text's date equals, if any."""
    for alt in fact.alternatives:
        if alt.value.type == "date" and matches(mention, alt.value.date, False):
            return alt
    return None


class DateMismatch(Rule):
    """An event's date differs from the sheet.

    Finds absolute dates in any common form ("May 19", "19 May 2026", "2026-05-19", "May 19th",
    "in June 2026"), ties each to the fact whose cue word ("announced", "filed", "reported") and
    subject share its clause, and compares day, month and year (parts the text leaves out agree).
    A date that a source gives instead (a disputed alternative) is a warning naming that source.
    """

    code = "FL101"
    name = "date-mismatch"
    examples = (
        Example("Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.", "12 June 2026"),
        Example("Karpathy posted the news on May 21.", "May 21"),
        Example("OpenAI filed its confidential S-1 on May 20.", "May 20"),
        Example("Andrej Karpathy announced the move on 19 May 2026."),
        Example("Karpathy posted on X on May 19th that he had joined Anthropic."),
        Example("Google announced its new model on May 12, a week before Karpathy's news."),
        Example("TechCrunch first reported the move on 19 May; OpenTools followed on 20 May."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        for mention, found in dated_claims(doc):
            fact = found.fact
            if mention.month is None:
                continue  # weekdays and relative dates belong to FL102/FL103
            month_only = fact.value.data.get("precision") == "month"
            if matches(mention, fact.value.date, month_only):
                continue
            expected = fact.value.display(doc.sheet)
            suggestion = None if month_only or mention.day is None else format_like(mention, fact.value.date)
            alt = alternative_for(fact, mention)
            if alt is not None and alt.rank == "disputed":
                yield doc.finding(
                    self.code, fact, mention.start, mention.end,
                    f"{mention.text!r} is disputed: {alt.reason} The sheet's date is {expected}.",
                    expected, suggestion, severity="warning", sources=fact.sources + alt.sources,
                )  # fmt: skip
                continue
            why = f" ({alt.reason})" if alt is not None else ""
            yield doc.finding(
                self.code, fact, mention.start, mention.end,
                f"date {mention.text!r} contradicts the sheet: {expected}{why}", expected, suggestion,
            )  # fmt: skip


class WeekdayMismatch(Rule):
    """A weekday that contradicts the date it stands for.

    "Announced on Thursday" when the announcement was on a Tuesday, or "Friday, May 19, 2026"
    when 19 May 2026 was a Tuesday. Bare weekdays are compared with the weekday of the fact they
    are tied to; a weekday written next to a date is compared with that date's calendar.
    """

    code = "FL102"
    name = "weekday-mismatch"
    examples = (
        Example("Karpathy announced on Thursday that he had joined Anthropic.", "Thursday"),
        Example("On Friday, May 19, 2026, Karpathy posted to X that he had joined Anthropic.", "Friday"),
        Example("Karpathy announced on Tuesday that he had joined Anthropic."),
        Example("The Musk v. Altman trial concluded on Monday, a day before Karpathy's post."),
        Example("Karpathy posted on Tuesday, May 19, 2026."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        for mention, found in dated_claims(doc):
            if mention.weekday is None or mention.relative is not None:
                continue
            fact = found.fact
            if fact.value.data.get("precision") == "month":
                continue
            stated = mention.resolve(fact.value.date.year)
            day = stated if stated is not None else fact.value.date
            if day.weekday() == mention.weekday:
                continue
            right = WEEKDAY_NAMES[day.weekday()].capitalize()
            word_start = mention.start
            word_end = word_start + len(WEEKDAY_NAMES[mention.weekday])
            # A weekday written beside its own date contradicts the calendar, whatever the sheet says.
            severity = "error" if stated is not None else None
            yield doc.finding(
                self.code, fact, word_start, word_end,
                f"{doc.prose[word_start:word_end]!r} does not match {day.strftime('%d %B %Y')}, which was a {right}",
                f"{right} {day.day} {day.strftime('%B %Y')}", right, severity=severity,
            )  # fmt: skip


class RelativeDateMismatch(Rule):
    """A relative date ("yesterday", "last Tuesday") that lands on the wrong day.

    Resolved against the article's own date: `--published`, a "Published:" line or a dateline
    such as "LONDON, May 29, 2026 —", or an HTML page's date metadata. Without one there is no
    verdict.
    """

    code = "FL103"
    fix_applicability = Applicability.UNSAFE  # "yesterday" -> "19 May" may need a preposition
    name = "relative-date-mismatch"
    examples = (
        Example("Published: 2026-05-22\n\nKarpathy announced yesterday that he had joined Anthropic.", "yesterday"),
        Example("Published: 2026-05-20\n\nKarpathy announced yesterday that he had joined Anthropic."),
        Example("Karpathy announced yesterday that he had joined Anthropic."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        if doc.published is None:
            return
        for mention, found in dated_claims(doc):
            if mention.relative is None:
                continue
            day = resolve_relative(mention, doc.published)
            fact = found.fact
            if day is None or fact.value.data.get("precision") == "month" or day == fact.value.date:
                continue
            yield doc.finding(
                self.code, fact, mention.start, mention.end,
                f"{mention.text!r} in an article dated {doc.published.isoformat()} means {day.isoformat()},"
                f" but the sheet says {fact.value.display(doc.sheet)}",
                None, f"on {fact.value.date.day} {fact.value.date.strftime('%B')}",
            )  # fmt: skip


RULES = (DateMismatch, WeekdayMismatch, RelativeDateMismatch)
