"""Dates of the sheet's events: absolute dates, weekdays and relative dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.annotate.dates import WEEKDAY_NAMES, DateMention, format_like, resolve_relative
from linter.claims.dated import dated_claims
from linter.findings import Applicability, Finding
from linter.rule import Example, Rule
from linter.sheet import Alternative, Fact
from linter.sheet.disputes import Verdict, date_verdict, weekday_verdict


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


def alternative_for(fact: Fact, mention: DateMention) -> Alternative | None:
    """A deprecated value of the fact that the text's date equals, if any (its reason says why
    that date is wrong)."""
    for alt in fact.alternatives_ranked("deprecated"):
        if alt.value.type == "date" and matches(mention, alt.value.date, False):
            return alt
    return None


def covered_days(mention: DateMention, fact_day: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a (possibly partial) text date can mean: one day, a whole month or a whole year."""
    year = mention.year or fact_day.year
    if mention.month is None:
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if mention.year else None
    if mention.day is None:
        after = dt.date(year + mention.month // 12, mention.month % 12 + 1, 1)
        return dt.date(year, mention.month, 1), after - dt.timedelta(days=1)
    day = mention.resolve(year)
    if day is None:
        return None
    return day, day + dt.timedelta(days=7 if mention.is_range else 0)


def disputed_message(doc: Analysis, fact: Fact, found: str, verdict: Verdict) -> str:
    """'... is disputed: <reason> (sources: ...)' for a value among or between the sources'."""
    reason = verdict.alternative.reason if verdict.alternative else "it lies between the sources' values."
    labels = "; ".join(doc.sheet.source_labels(verdict.sources))
    return f"{found!r} is disputed: {reason} The sheet's date is {fact.value.display(doc.sheet)} (sources: {labels})."


class DateMismatch(Rule):
    """An event's date differs from the sheet.

    Finds absolute dates in any common form ("May 19", "19 May 2026", "2026-05-19", "May 19th",
    "in June 2026"), ties each to the fact whose cue word ("announced", "filed", "reported") and
    subject share its clause, and compares day, month and year (parts the text leaves out agree).
    A post on another subject ("a May 11 post about output formats") is not the announcement, and
    an organisation's statement of a person's move dates that move ("Google confirmed Tuesday that
    ..."). For a disputed fact, a date among or between the sources' dates is a warning naming
    them; a date outside all of them is an error.
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
        Example("Karpathy joined Anthropic on 12 June 2026.", "12 June 2026"),
        Example("On 7 March 2026, Karpathy tweeted a description of his weekend project."),
        Example("Karpathy wrote in a long May 11 post about output formats that HTML beats Markdown."),
        Example("Karpathy joined Tesla in June 2017."),
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
            days = covered_days(mention, fact.value.date)
            verdict = date_verdict(fact, *days) if days else Verdict("error")
            if verdict.severity == "warning":
                yield doc.finding(
                    rule=self.code,
                    fact=fact,
                    start=mention.start,
                    end=mention.end,
                    message=disputed_message(doc, fact, mention.text, verdict),
                    expected=expected,
                    suggestion=suggestion,
                    severity="warning",
                    sources=verdict.sources,
                )
                continue
            alt = alternative_for(fact, mention)
            why = f" ({alt.reason})" if alt is not None else ""
            yield doc.finding(
                rule=self.code,
                fact=fact,
                start=mention.start,
                end=mention.end,
                message=f"date {mention.text!r} contradicts the sheet: {expected}{why}",
                expected=expected,
                suggestion=suggestion,
                severity="error",
            )


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
        Example("Google confirmed Thursday that its new model had shipped, two days after Karpathy's post."),
        Example("Karpathy posted a thread about tokenizers on Friday."),
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
            verdict = Verdict("error") if stated is not None else weekday_verdict(fact, mention.weekday)
            message = (
                f"{doc.prose[word_start:word_end]!r} does not match {day.strftime('%d %B %Y')}, which was a {right}"
            )
            if verdict.severity == "warning":
                message += "; the sources disagree on the date, and one of their days falls on it"
            yield doc.finding(
                rule=self.code,
                fact=fact,
                start=word_start,
                end=word_end,
                message=message,
                expected=f"{right} {day.day} {day.strftime('%B %Y')}",
                suggestion=right,
                severity=verdict.severity,
                sources=verdict.sources or None,
            )


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
            verdict = date_verdict(fact, day, day)
            yield doc.finding(
                rule=self.code,
                fact=fact,
                start=mention.start,
                end=mention.end,
                message=f"{mention.text!r} in an article dated {doc.published.isoformat()} means {day.isoformat()},"
                f" but the sheet says {fact.value.display(doc.sheet)}",
                expected=None,
                suggestion=f"on {fact.value.date.day} {fact.value.date.strftime('%B')}",
                severity=verdict.severity,
                sources=verdict.sources or None,
            )
