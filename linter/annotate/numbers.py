"""Numbers as text writes them, and how far they may be from a sheet value and still agree.

Amounts ('$30bn', '$30 billion', 'US$30B', '30 billion dollars'), counts ('five co-founders',
'20+') and lengths of time ('seven years', 'a decade', '18 months') are read once per document,
each with its hedge ('about', 'more than', 'nearly') and the precision it was written with. Both a
quantity and a sheet value become intervals; they agree when the intervals overlap, so "roughly
$10 billion" agrees with about $9 billion while "$40 billion" does not agree with $30 billion.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from linter.annotate.analysis import Analysis, sorted_slice
from linter.annotate.anchored import DIGITS, Anchored, Lead, lowered
from linter.sheet import Value

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2,
}  # fmt: skip
NUMBER_WORDS = {n: w for w, n in WORD_NUMBERS.items() if " " not in w and w not in {"a", "an", "dozen"}}
SCALES = {
    "trillion": 1e12, "tn": 1e12, "t": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6,
    "m": 1e6, "mln": 1e6, "thousand": 1e3, "k": 1e3,
}  # fmt: skip
SCALE_NAMES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
SHORT_SCALES = {1e12: "T", 1e9: "B", 1e6: "M", 1.0: ""}
ABBREVIATED_SCALES = {1e12: "tn", 1e9: "bn", 1e6: "m", 1.0: ""}
HEDGES = {
    "approx": ("about", "around", "roughly", "approximately", "approx.", "some", "close to", "circa", "~",
               "an estimated", "estimated"),
    "above": ("more than", "over", "upwards of", "at least", "north of", "in excess of", "well over", "just over"),
    "below": ("less than", "under", "fewer than", "up to", "at most", "below", "just under"),
    "nearly": ("nearly", "almost", "not quite"),
}  # fmt: skip
HEDGE_OF = {word: kind for kind, words in HEDGES.items() for word in words}
_HEDGE = "|".join(sorted((re.escape(w) for w in HEDGE_OF), key=len, reverse=True))
_WORDNUM = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
# A bare "a"/"an" counts nothing ("a year" does): leaving it out of counts spares a match per article.
_COUNT_WORDNUM = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS if w not in {"a", "an"}), key=len, reverse=True))
_FIRST_LETTERS = "".join(sorted({w[0].lower() for w in WORD_NUMBERS} | {w[0].upper() for w in WORD_NUMBERS} | {"U"}))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MORE = "more|additional|further|extra|full|long"
_UNIT = "years?|yrs?|decades?|months?"

QUANTITY = re.compile(
    rf"(?<![\w$.,-])(?=[\d$~{_FIRST_LETTERS}])(?P<q>"
    # $30bn, US$30 billion, USD 30B
    rf"(?P<cur>US\$|\$|USD\s?)(?P<mnum>{_NUM})\s?(?P<mscale>trillion|billion|million|thousand|tn|bn|mn|mln|[bmkt])?(?![\w])"
    # 30 billion dollars, 30bn USD
    rf"|(?P<dnum>{_NUM})\s?(?P<dscale>trillion|billion|million|bn|mn|[bm])\s+(?:US\s+|U\.S\.\s+)?(?:dollars|USD)\b"
    # seven years, two more years, a decade, 20+ years, 18 months, five-year, a year and a half
    rf"|(?P<tnum>{_NUM}|{_WORDNUM})(?P<tplus>\+|-plus)?(?:\s+(?P<more>{_MORE}))?"
    rf"(?:\s+|-)(?P<tunit>{_UNIT})(?P<half>\s+and\s+a\s+half)?(?![\w-])"
    # five co-founders, 20+
    rf"|(?P<cnum>{_NUM}|{_COUNT_WORDNUM})(?P<cplus>\+|-plus)?(?![\w-]|[.,]\d)"
    r")",
    re.IGNORECASE,
)
# Where a quantity can begin: a digit, a currency sign, or a whole number word ('one', not 'once').
# A bare 'a' or 'an' counts nothing, so it begins only a length of time ('a year', 'an extra
# month'): the lead asks for the unit after it (about 1 'a' in 15 on the bench articles).
_LENGTH_AFTER = rf"(?:\+|-plus)?(?:\s+(?:{_MORE}))?(?:\s+|-)(?:{_UNIT})"
# A year ('2026') matches as a bare count, which `_read` drops: 40% of the numbers on a page. It is
# passed over by the lead (in the lower-cased text) when what follows it leaves QUANTITY no other
# reading: no digit, '+' or '-', no '.' or ',' before a digit, and neither a scale letter (b, m,
# t: '2020bn') nor, past spaces, the start of a scale, 'more' word or unit ('2020 years'; '2020
# and', '2020 to' are passed over). Such a start yields no quantity either way, and no start lies
# inside the year, so the quantities are the same (tests/test_anchored.py compares them with the
# plain pattern's).
_YEAR_ALONE = rf"\d\d(?:(?![\d.,+\-bmt\s])|[.,](?!\d)|\s++(?!{_MORE}|{_UNIT}|trillion|billion|million|[bm]n|[bm]\s))"
ANCHORED_QUANTITY = Anchored(
    QUANTITY,
    Lead(
        [*DIGITS, "$", "us$", "usd", *WORD_NUMBERS],
        r"\w$.,-",
        whole=WORD_NUMBERS,
        follow={"a": _LENGTH_AFTER, "an": _LENGTH_AFTER, "1": f"(?!9{_YEAR_ALONE})", "2": f"(?!0{_YEAR_ALONE})"},
    ),
)
HEDGE_BEFORE = re.compile(rf"(?<![\w-])(?P<hedge>{_HEDGE})\s+$", re.IGNORECASE)
HEDGE_ENDINGS = tuple(HEDGE_OF)  # what the text before a hedged number ends with, spaces aside
HEDGE_REACH = 25  # how far back a hedge is looked for
A_YEAR = re.compile(r"(?:19|20)\d\d")
UNIT_YEARS = {"year": 1.0, "yr": 1.0, "decade": 10.0, "month": 1 / 12}


class Quantity(NamedTuple):
    """A number in the text: `start`/`end` cover the number and its unit, not the hedge."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None  # "USD", "years" or None for a bare count
    hedge: str | None  # "approx", "above", "below", "nearly" or None
    hedge_start: int
    precision: float  # half the smallest step the text could express
    words: bool = False  # written in words ("seven") rather than digits
    unit_word: str = ""
    style: str = ""  # for amounts: the currency prefix and scale as written ("$|bn")
    high: float | None = None  # a range's upper end ("$30 to $50 billion"); `value` is its lower end

    def interval(self) -> tuple[float, float]:
        v, p = self.value, self.precision
        if self.high is not None:
            return (v - p, self.high + p)
        if self.hedge == "above":
            return (v, math.inf)
        if self.hedge == "below":
            return (0.0, v)
        if self.hedge == "nearly":
            return (v * 0.85, v)
        if self.hedge == "approx":
            slack = max(0.15 * v, p)
            return (v - slack, v + slack)
        return (v - p, v + p)

    def agrees(self, value: Value) -> bool:
        return overlaps(self.interval(), value_interval(value))


def quantities_between(a: Analysis, start: int, end: int) -> list[Quantity]:
    """The document's quantities in `start:end`, read once per document and shared by rules."""
    known = a.memo.get(("quantities", 0))
    if known is None:
        every = find_quantities(a.prose)
        known = a.memo[("quantities", 0)] = (every, [q.start for q in every])
    found: list[Quantity]
    starts: list[int]
    found, starts = known  # type: ignore[misc]
    return sorted_slice(starts, found, start, end)


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _half_step(number: str, scale: float) -> float:
    return 0.5 * 10.0 ** -_decimals(number) * scale


def find_quantities(text: str) -> list[Quantity]:
    """Every amount, count and length of time in `text`; "$30 to $50 billion" is one range."""
    out: list[Quantity] = []
    low = lowered(text)
    for m in ANCHORED_QUANTITY.finditer(text):
        q = _read(m, text, low)
        if q is None:
            continue
        if out and (merged := _range(text, out[-1], q)) is not None:
            out[-1] = merged
        else:
            out.append(q)
    return out


def _hedge_before(text: str, low: str | None, start: int) -> re.Match[str] | None:
    """The hedge ('about', 'more than') right before a number starting at `start`. A hedge ends
    in a space right before the number, and most numbers have none: the regex, which tries
    each of the 25 characters before, runs only where the lower-cased text (`lowered`, offset
    for offset) ends in a hedge word before its spaces."""
    if start == 0 or not text[start - 1].isspace():
        return None
    lo = max(0, start - HEDGE_REACH)
    if low is not None and not low[lo:start].rstrip().endswith(HEDGE_ENDINGS):
        return None
    return HEDGE_BEFORE.search(text, lo, start)


RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—|and)\s*")
BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)


def _range(text: str, low: Quantity, high: Quantity) -> Quantity | None:
    """'$30 to $50 billion', 'between $30bn and $50bn', '20-25 years': two numbers of one kind
    joined as a range. A bare lower end takes the upper end's scale."""
    join = RANGE_JOIN.fullmatch(text, low.end, high.start)
    if join is None or low.unit != high.unit or low.hedge == "above" or high.hedge is not None:
        return None
    if "and" in join[0] and not BETWEEN.search(text, max(0, low.hedge_start - 10), low.hedge_start):
        return None
    lower = low.value
    scale = high.style.split("|")[1] if high.unit == "USD" else ""
    if low.unit == "USD" and not low.style.split("|")[1] and scale:
        lower *= SCALES[scale.lower()]
    if not lower < high.value:
        return None
    return Quantity(
        low.start, high.end, text[low.start : high.end], lower, low.unit, low.hedge, low.hedge_start,
        high.precision, low.words, high.unit_word, high.style, high=high.value,
    )  # fmt: skip


def _read(m: re.Match[str], text: str, low: str | None) -> Quantity | None:
    # All groups in one call (their order in QUANTITY), not a call per group name.
    q, cur, mnum, mscale, dnum, dscale, tnum, tplus, _, tunit, half, cnum, cplus = m.groups()
    if cnum is not None and A_YEAR.fullmatch(cnum):
        return None  # a year, not a count (and no hedge to look for)
    start, end = m.span()
    before = _hedge_before(text, low, start)
    hedge = HEDGE_OF.get(before["hedge"].lower()) if before else None
    hedge_start = before.start("hedge") if before else start
    if cur:
        scale_word = (mscale or "").lower()
        scale = SCALES.get(scale_word, 1.0)
        number = mnum.replace(",", "")
        style = f"{cur}|{mscale or ''}"
        return Quantity(start, end, q, float(number) * scale, "USD", hedge, hedge_start,
                        _half_step(number, scale), style=style)  # fmt: skip
    if dnum:
        scale = SCALES[dscale.lower()]
        number = dnum.replace(",", "")
        return Quantity(start, end, q, float(number) * scale, "USD", hedge, hedge_start,
                        _half_step(number, scale), style=f"|{dscale}|dollars")  # fmt: skip
    raw = tnum or cnum
    plus = tplus or cplus
    words = not raw[0].isdigit()
    if words:
        number_value = float(WORD_NUMBERS[raw.lower()])
        step = 0.5
    else:
        number = raw.replace(",", "")
        number_value = float(number)
        step = _half_step(number, 1.0)
    if plus:
        hedge = "above"
    if tunit:
        unit_word = tunit.lower()
        per = next(v for k, v in UNIT_YEARS.items() if unit_word.startswith(k))
        if half:
            number_value += 0.5
        return Quantity(start, end, q, number_value * per, "years", hedge, hedge_start,
                        step * per, words=words, unit_word=tunit)  # fmt: skip
    return Quantity(start, end, q, number_value, None, hedge, hedge_start, step, words=words)


# ------------------------------------------------------------------------------ sheet values
def value_interval(value: Value) -> tuple[float, float]:
    """The range of numbers a sheet value allows: its own rounding, widened when approximate."""
    d = value.data
    v = value.number
    if value.type == "amount":
        scale = next((s for s, _ in SCALE_NAMES if v >= s), 1.0)
        p = _half_step(f"{v / scale:g}", scale)
    else:
        p = 0.5
    if d.get("at_least"):
        return (v, math.inf)
    if d.get("approx"):
        slack = max(0.1 * v, p)
        return (v - slack, v + slack)
    return (v - p, v + p)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Open intervals overlap: touching ends ('about 2' vs 'about 1') do not agree."""
    return a[0] < b[1] and b[0] < a[1]


def hedge_word(value: Value) -> str:
    d = value.data
    return "more than " if d.get("at_least") else "about " if d.get("approx") else ""


def hedge_compatible(q: Quantity, value: Value) -> bool:
    """Does the text's hedge say the same kind of thing as the sheet's?"""
    d = value.data
    if q.hedge is None:
        return True
    return q.hedge == "above" or not d.get("at_least")


def spell(number: float, words: bool) -> str:
    if number == int(number):
        n = int(number)
        if words and n in NUMBER_WORDS:
            return NUMBER_WORDS[n]
        return f"{n:,}" if n >= 10000 else str(n)
    return f"{number:g}"


def format_like(q: Quantity, value: Value, with_hedge: bool) -> str:
    """The sheet's value written the way the text wrote its own number ('$30bn', 'five years')."""
    hedge = hedge_word(value) if with_hedge else ""
    v = value.number
    if q.unit == "USD":
        prefix, scale_word, *tail = q.style.split("|")
        scale, long_word = next(((s, w) for s, w in SCALE_NAMES if v >= s), (1.0, ""))
        if len(scale_word) == 1:
            written = SHORT_SCALES[scale]
            written = written if scale_word.isupper() else written.lower()
        elif scale_word.lower() in {"bn", "mn", "tn", "mln"}:
            written = ABBREVIATED_SCALES[scale]
        else:
            written = long_word
        space = " " if len(written) > 2 else ""
        return f"{hedge}{prefix}{v / scale:g}{space}{written}" + (" dollars" if tail else "")
    if q.unit == "years":
        word = q.unit_word.lower()
        if word.startswith("decade") and v % 10 == 0:
            n = v / 10
            count = "a" if n == 1 and not q.text[0].isdigit() else spell(n, q.words)
            return f"{hedge}{count} decade{'s' if n != 1 else ''}"
        if word.startswith("month"):
            n = v * 12
            return f"{hedge}{spell(n, q.words)} month{'s' if n != 1 else ''}"
        if v == 1:
            first = "a" if q.text.split()[0].lower() in {"a", "an"} or with_hedge else spell(1, q.words)
            return f"{hedge}{first} year"
        return f"{hedge}{spell(v, q.words)} years"
    return f"{hedge}{spell(v, q.words)}"
