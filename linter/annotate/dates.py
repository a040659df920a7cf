"""Dates as text states them: absolute ('19 May 2026', 'May 19th', '2026-05-19'), weekdays and
relative expressions ('yesterday', 'last Tuesday'). Parsed once per document by one regex."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from linter.annotate.anchored import DIGITS, Anchored, Lead

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_INDEX = {name: i for i, name in enumerate(WEEKDAY_NAMES)} | {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

_MONTH = (
    r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_RANGE = r"(?:\s*[-–—]\s*|\s+to\s+)"

DATE_PATTERN = re.compile(
    r"(?<![\w-])(?=[0-9JFMASONDjfmasondTWtwYyLlNnOo])(?:"
    + r"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    + rf"|(?:{_WEEKDAY},?\s+(?:the\s+)?)?(?:"
    + rf"{_DAY.format(g='d1')}(?:{_RANGE}{_DAY.format(g='d1b')})?(?:\s+of)?\s+{_MONTH.format(g='m1')}"
    + rf"(?:,?\s+{_YEAR.format(g='y1')})?"
    + rf"|{_MONTH.format(g='m2')}\s+{_DAY.format(g='d2')}(?!\d)(?:{_RANGE}{_DAY.format(g='d2b')})?"
    + rf"(?:,?\s+{_YEAR.format(g='y2')})?"
    + rf"|{_MONTH.format(g='m3')},?\s+{_YEAR.format(g='y3')}"
    # A month alone counts only after "in"/"early"/"late" and in full: "joined in April".
    + r"|(?<=\b[Ii]n\s)(?<!\b[Ii]n\s\s)(?P<m4>January|February|March|April|May|June|July|August|September|October"
    + r"|November|December)(?![\w-])(?!\s+\d)"
    + r")"
    + r"|(?P<rel>yesterday|(?<!\bago\s)today|tomorrow|(?:(?:last|this|next|on|this\s+past)\s+)?"
    + r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    + r")(?![\w-])",
    re.IGNORECASE,
)

# Where a date can begin: a digit, or the start of a month, a weekday (always written in full)
# or a relative word. What the pattern needs after some of them is asked for too, so that fewer
# starts are tried in vain: 'on', 'this', 'last' and 'next' begin a date only before a weekday
# (not 'one', 'only', 'this year'), a number only as a day before a month or a range ('18 May',
# '18th-20th') or as an ISO date ('2026-05-19'), not as '2019' or '30 years'.
_DATE_WORDS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DATE_WORDS += [*WEEKDAY_NAMES, "yesterday", "today", "tomorrow", "last", "this", "next", "on"]
_BEFORE_WEEKDAY = rf"\s+(?:past\s+)?(?:{'|'.join(WEEKDAY_NAMES)})"
_MONTH_STARTS = "|".join(_DATE_WORDS[:12])
_DAY_OR_ISO = rf"\d?(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d|\s+to\s+\d|(?:\s+of)?\s+(?:{_MONTH_STARTS}))|\d{{3}}-"
# 'May' begins a date before a day or a year, or alone after 'in' ('joined in May'), not as a verb.
_MAY_AS_MONTH = r",?\s+\d|(?<=\bin\smay)(?![\w-])"
ANCHORED_DATES = Anchored(
    DATE_PATTERN,
    Lead(
        [*DIGITS, *_DATE_WORDS],
        r"\w-",
        follow={"last": _BEFORE_WEEKDAY, "this": _BEFORE_WEEKDAY, "next": _BEFORE_WEEKDAY, "on": _BEFORE_WEEKDAY}
        | dict.fromkeys(DIGITS, _DAY_OR_ISO)
        | {"may": _MAY_AS_MONTH},
    ),
)


class DateMention(NamedTuple):
    """A date expression with whatever parts the text gave; missing parts are None."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative: str | None = None
    is_range: bool = False

    def resolve(self, default_year: int) -> dt.date | None:
        """The calendar date, taking the year from context when the text leaves it out."""
        if self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year or default_year, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str) -> list[DateMention]:
    """Every date expression, in text order; 'on Monday 18 May' is one date with its weekday."""
    return _join_weekdays(text, _scan(text))


def _join_weekdays(text: str, found: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for mention in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.weekday is not None
            and prev.relative is None
            and prev.month is None
            and mention.weekday is None
            and mention.month is not None
            and re.fullmatch(r",?\s+(?:the\s+)?", text[prev.end : mention.start])
        ):
            out[-1] = mention._replace(start=prev.start, text=text[prev.start : mention.end], weekday=prev.weekday)
            continue
        out.append(mention)
    return out


def _scan(text: str) -> list[DateMention]:
    out: list[DateMention] = []
    for m in ANCHORED_DATES.finditer(text):
        # DATE_PATTERN's groups in their order, read in one call (`groupdict` made a dict of 17
        # entries per date); tests/test_rules_dates.py checks this order against the pattern.
        iso, iy, im, iday, wd, d1, d1b, m1, y1, m2, d2, d2b, y2, m3, y3, m4, rel = m.groups()
        if iso:
            out.append(DateMention(m.start(), m.end(), m[0], int(iy), int(im), int(iday)))
            continue
        if rel:
            out.append(_relative(m, rel))
            continue
        weekday = WEEKDAY_INDEX[wd.lower()] if wd else None
        month_name = m1 or m2 or m3 or m4
        year_text = y1 or y2 or y3
        if month_name[0].islower() and not year_text:
            continue  # "may 2" is the verb; months are capitalised
        month = MONTHS[month_name.lower().rstrip(".")]
        day_text = d1 or d2
        day = int(day_text) if day_text else None
        if day is not None and not 1 <= day <= 31:
            continue
        out.append(
            DateMention(
                m.start(),
                m.end(),
                m[0],
                int(year_text) if year_text else None,
                month,
                day,
                weekday,
                is_range=bool(d1b or d2b),
            )
        )
    return out


def _relative(m: re.Match[str], rel: str) -> DateMention:
    words = rel.lower().split()
    weekday = WEEKDAY_INDEX.get(words[-1])
    relative: str | None = " ".join(words[:-1]) if weekday is not None and len(words) > 1 else words[0]
    if weekday is not None and len(words) == 1:
        relative = None  # a bare weekday: "announced Thursday"
    start = m.start()
    if relative == "on":  # "on Thursday": the claim is the weekday itself
        relative = None
        start = m.start() + m[0].rfind(" ") + 1
    return DateMention(start, m.end(), m.string[start : m.end()], weekday=weekday, relative=relative)


def resolve_relative(mention: DateMention, published: dt.date) -> dt.date | None:
    """'yesterday', 'last Tuesday', 'this Monday' against the article's own date."""
    rel = mention.relative
    if rel == "today":
        return published
    if rel == "yesterday":
        return published - dt.timedelta(days=1)
    if rel == "tomorrow":
        return published + dt.timedelta(days=1)
    if mention.weekday is None or rel is None:
        return None
    back = (published.weekday() - mention.weekday) % 7
    if rel in {"last", "this past"}:
        return published - dt.timedelta(days=back or 7)
    if rel == "this":
        return published - dt.timedelta(days=back)
    if rel == "next":
        ahead = (mention.weekday - published.weekday()) % 7
        return published + dt.timedelta(days=ahead or 7)
    return None


PUBLISHED_PATTERN = re.compile(
    r"(?:\b(?:published|posted|updated|dated)\b[:\s]*(?:on\s+)?|^[A-Z][A-Z .'-]{2,},\s+)", re.IGNORECASE | re.MULTILINE
)


def published_in_text(text: str, dates: list[DateMention]) -> dt.date | None:
    """The article's own date when the text gives it: 'Published: 2026-05-20', 'LONDON, May 29, 2026 —'."""
    for mention in dates:
        if mention.year is None or mention.day is None:
            continue
        before = text[max(0, mention.start - 40) : mention.start]
        cue = list(PUBLISHED_PATTERN.finditer(before))
        if cue and cue[-1].end() >= len(before) - 12:
            return mention.resolve(mention.year)
    return None


MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_like(mention: DateMention, day: dt.date) -> str:
    """Write `day` the way the text wrote its date, so a suggestion drops straight in."""
    text = mention.text
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return day.isoformat()
    month = MONTH_NAMES[day.month - 1]
    if re.search(r"\b[A-Z][a-z]{2}\.?\s", text) and not re.search(r"[A-Z][a-z]{3,}", text.split()[-1]):
        month = month[:3] if len(month) > 4 else month
    ordinal = re.search(r"\d(st|nd|rd|th)\b", text)
    number = f"{day.day}{_ordinal(day.day) if ordinal else ''}"
    weekday = f"{day.strftime('%A')}, " if mention.weekday is not None else ""
    year = f" {day.year}" if mention.year else ""
    if re.match(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:the\s+)?\d", text):  # "19 May 2026"
        of = " of" if " of " in text else ""
        return f"{weekday}{number}{of} {month}{year}"
    return f"{weekday}{month} {number}{',' if mention.year and ',' in text else ''}{year}"


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def iso_date(value: str) -> dt.date | None:
    """The date a string starts with in ISO form ('2026-05-19', '2026-05-19T08:00Z'), if valid."""
    m = re.match(r"\s*[\"']?(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
