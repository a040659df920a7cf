"""Career timeline: the years, lengths and moves of a person's career (FL6xx)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from linter.annotate.analysis import Analysis
from linter.annotate.numbers import format_like, hedge_compatible
from linter.claims.career import RANGE, SINGLE, YearClaim, length_claims, year_claims
from linter.claims.clauses import asserts
from linter.claims.model import with_claim
from linter.claims.moves import Move, move_claims, venture_claims
from linter.claims.predicates import attribute, matches_by_sentence
from linter.claims.scan import finditer
from linter.claims.timeline import Stint, Timeline, is_single_event, timeline_for
from linter.findings import Applicability, Finding
from linter.language.en import YEAR_DIGITS
from linter.rule import Example, Rule
from linter.sheet import Fact, Sheet


def _name(doc: Analysis, entity: str) -> str:
    return doc.sheet.entities[entity].name


def _closest(stints: list[Stint], first: int, last: int | None, now: int) -> Stint:
    def cost(s: Stint) -> int:
        end = s.end if s.end is not None else now
        return abs(s.start - first) + (abs(end - (now if last == -1 else last)) if last is not None else 0)

    return min(stints, key=cost)


def _end_agrees(stint: Stint, last: int | None) -> bool:
    """A range's end agrees with the stint's end; an open stint accepts any later year or 'present'."""
    if stint.end is None:
        return last is not None and (last == -1 or last >= stint.start)
    return last == stint.end


class CareerYears(Rule):
    """A year or range of years in someone's career that the sheet contradicts.

    Ties years to the organisation of the event phrase that governs them: "joined Tesla in 2016",
    "co-founded OpenAI in 2016", "started Eureka Labs in 2021", "quit OpenAI in 2019", "at Tesla
    from 2015 to 2022", "Tesla (2017–2020)", "In 2017 he left for Tesla", a timeline entry "2021 —
    Left Tesla". Compares start years with the start of a stint there ("rejoined" means a later
    stint, "co-founded" the first), end years with its end, a year "at" a place with the whole
    stint, and ranges part by part. Years of other people, other organisations or other events in
    the same sentence, and organisations the person has no stint at, stay silent.
    """

    code = "FL601"
    name = "career-years"
    examples = (
        Example("Karpathy was at Tesla from 2015 to 2022.", "2015"),
        Example("At Tesla (2017–2020), Karpathy led the Autopilot vision team.", "2020"),
        Example("Karpathy co-founded OpenAI in 2016.", "2016"),
        Example("Karpathy started Eureka Labs in 2021.", "2021"),
        Example("Karpathy quit OpenAI in 2019 and later joined Anthropic.", "2019"),
        Example("Karpathy helped found OpenAI in 2015, spent 2017 to 2022 at Tesla and left OpenAI again in 2024."),
        Example("In 2017 he left for Tesla, where he led the computer vision team.", None),
        Example("Karpathy joined Tesla in 2017; Ilya Sutskever left OpenAI in 2024."),
        Example("John Schulman moved to Anthropic in 2024, two years before Karpathy."),
        Example("Karpathy joined Anthropic, which Dario Amodei co-founded in 2021."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        events = list(self._single_year_events(doc))
        yield from events
        judged = {(f.start, f.end) for f in events}
        timeline = timeline_for(doc.sheet)
        for claim in year_claims(doc):
            if claim.first_span in judged:
                continue  # the year of one event the sheet dates ('first title') is judged as that
            if claim.person is None or claim.person.entity is None:
                continue
            which = claim.which if claim.kind == "start" else None
            stints = timeline.at(claim.person.entity, claim.org, which)
            if stints:
                finding = self._judge(doc, claim, stints, timeline)
                if finding is not None:
                    value = doc.prose[finding.start : finding.end]
                    yield with_claim(doc, finding, claim.person, f"{claim.kind} year at {claim.org}", value)

    def _single_year_events(self, doc: Analysis) -> Iterator[Finding]:
        """A year the sheet gives one event of a career ('first world title', 2008), read by the
        fact's cues as dates are: the cue's subject is the fact's, in the year's clause."""
        facts = list(_single_event_facts(doc.sheet))
        if not facts:
            return
        for m, sentence in matches_by_sentence(doc, SINGLE):
            ranges = finditer(doc, RANGE, sentence.start, sentence.end)
            if any(r.start() <= m.start() < r.end() for r in ranges):
                continue  # a year of a range ('from 2007 to 2012') dates a stint, not one event
            if sentence.question or not asserts(doc, m.start(), m.end()):
                continue
            found = attribute(doc, sentence, m.start(), facts, end=m.end())
            year = int(m["y1"])
            if found is None or year == int(found.fact.value.data["from"]):
                continue
            fact = found.fact
            what = fact.value.data.get("role") or fact.relation.replace("_", " ")
            message = f"{_name(doc, fact.subject)}'s {what} was in {fact.value.data['from']}, not {year}"
            finding = doc.finding(
                rule=self.code,
                fact=fact,
                start=m.span("y1")[0],
                end=m.span("y1")[1],
                message=message,
                expected=fact.value.display(),
                suggestion=str(fact.value.data["from"]),
            )
            yield with_claim(
                doc, finding, fact.subject, fact.relation, m["y1"], doc.prose[found.cue_start : found.cue_end]
            )

    def _judge(self, doc: Analysis, claim: YearClaim, stints: list[Stint], timeline: Timeline) -> Finding | None:
        now = timeline.now
        who = claim.person.entity if claim.person is not None else None
        person, org = _name(doc, who or ""), _name(doc, claim.org)
        first, last = claim.first, claim.last

        def mismatch(s: Stint, span: tuple[int, int], message: str, expected: str, fix: str | None) -> Finding:
            return doc.finding(rule=self.code, fact=s.fact, start=span[0], end=span[1], message=message,
                               expected=expected, suggestion=fix)  # fmt: skip

        if claim.kind == "range":
            if any(s.start == first and _end_agrees(s, last) for s in stints):
                return None
            s = _closest(stints, first, last, now)
            wrong_first, wrong_last = s.start != first, not _end_agrees(s, last)
            last_span = claim.last_span or claim.first_span
            start = claim.first_span[0] if wrong_first else last_span[0]
            end = last_span[1] if wrong_last else claim.first_span[1]
            end_text = str(s.end) if s.end is not None else "present"
            if wrong_first and wrong_last:
                suggestion = f"{s.start}{doc.prose[claim.first_span[1] : last_span[0]]}{end_text}"
            else:
                suggestion = str(s.start) if wrong_first else end_text
            stated = doc.prose[claim.first_span[0] : last_span[1]]
            message = f"{person} was at {org} {s.display()}, not {stated}"
            return mismatch(s, (start, end), message, s.display(), suggestion)
        if claim.kind == "start":
            if any(s.start == first for s in stints):
                return None
            s = _closest(stints, first, None, now)
            message = f"{person}'s time at {org} began in {s.start} ({s.display()}), not {first}"
            return mismatch(s, claim.first_span, message, s.display(), str(s.start))
        if claim.kind == "end":
            ended = [s for s in stints if s.end is not None]
            if not ended or any(s.end == first for s in ended):
                return None
            s = min(ended, key=lambda x: abs((x.end or 0) - first))
            message = f"{person} left {org} in {s.end} ({s.display()}), not {first}"
            return mismatch(s, claim.first_span, message, s.display(), str(s.end))
        if any(s.contains(first, now) for s in stints):
            return None
        s = _closest(stints, first, None, now)
        spans = ", ".join(x.display() for x in stints)
        message = f"{person} was not at {org} in {first}: the sheet has {spans}"
        return mismatch(s, claim.first_span, message, spans, None)


class CareerLength(Rule):
    """How long someone spent at an organisation, when the sheet says otherwise.

    Reads lengths placed at an organisation: "seven years at Tesla", "spent two more years at
    OpenAI", "returned to OpenAI for roughly a year", "after five years there", "a second stint
    of about a year". Compares with the sheet's `duration_at` facts, or with the span of the stint's
    years when the sheet gives no length; "more", "again", "back", "second" point at a later stint.
    Hedges count: "about", "nearly", "more than" widen or bound the text's figure.
    """

    code = "FL602"
    name = "career-length"
    examples = (
        Example("After seven years at Tesla, Karpathy went back to OpenAI.", "seven years"),
        Example("Karpathy then spent two more years at OpenAI before founding Eureka Labs.", "two more years"),
        Example("Karpathy spent five years at Tesla running the vision side of Autopilot."),
        Example("After departing Tesla, Karpathy returned briefly to OpenAI for roughly a year."),
        Example("Chris Rohlf spent six years at Meta before joining Anthropic."),
        Example("Karpathy spent five years at Tesla, while Rohlf spent six years at Meta."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        timeline = timeline_for(doc.sheet)
        for claim in length_claims(doc):
            if claim.person is None or claim.person.entity is None:
                continue
            lengths = timeline.lengths(claim.person.entity, claim.org, claim.which)
            q = claim.quantity
            if not lengths or any(length.agrees(q.interval()) for length in lengths):
                continue
            middle = sum(q.interval()[:1]) if q.interval()[1] == float("inf") else sum(q.interval()) / 2
            best = min(lengths, key=lambda length: abs((length.low + length.high) / 2 - middle))
            keep_hedge = hedge_compatible(q, best.value)
            start = q.start if keep_hedge else q.hedge_start
            stint = f" ({best.stint.display()})" if best.stint else ""
            expected = best.value.display() + stint
            person, org = _name(doc, claim.person.entity), _name(doc, claim.org)
            finding = doc.finding(
                rule=self.code,
                fact=best.fact,
                start=start,
                end=q.end,
                message=f"{person} spent {expected} at {org}, not {doc.prose[start : q.end]}",
                expected=expected,
                suggestion=format_like(q, best.value, with_hedge=q.hedge is None or not keep_hedge),
            )
            yield with_claim(doc, finding, claim.person, f"time at {claim.org}", doc.prose[start : q.end])


class MoveFraming(Rule):
    """A move framed as leaving an organisation the person had already left, or skipping a stop.

    "Karpathy quits OpenAI to join Anthropic", "Anthropic poaches him from OpenAI", "his move from
    Tesla to Anthropic", "Tesla's AI chief jumps to Anthropic": by the time of the sheet's event he
    had left OpenAI (2024) and Tesla (2022) and came from Eureka Labs (the `came_from` fact). Also
    "left Tesla to found Eureka Labs" when another stint came between. Questions ("Did he quit
    OpenAI?"), negations ("he did not leave OpenAI to do this") and moves of other people stay
    silent, as do moves between stops that follow each other ("left OpenAI for Tesla").
    """

    code = "FL603"
    fix_applicability = Applicability.UNSAFE  # swapping the employer a move starts from changes the claim
    name = "move-framing"
    examples = (
        Example("Karpathy quits OpenAI to join Anthropic.", "quits OpenAI"),
        Example("Anthropic poached Andrej Karpathy from OpenAI this week.", "poached Andrej Karpathy from OpenAI"),
        Example("Tesla's AI chief jumps to Anthropic.", "Tesla's AI chief"),
        Example("In 2024 Karpathy left Tesla to found Eureka Labs.", "left Tesla"),
        Example("Karpathy left OpenAI in 2024 to found Eureka Labs and has now joined Anthropic."),
        Example("In 2017 Karpathy left OpenAI for Tesla."),
        Example("He did not leave OpenAI to do this; he came from Eureka Labs."),
        Example("Ilya Sutskever left OpenAI to found Safe Superintelligence."),
        Example("Former Tesla AI director Andrej Karpathy joins Anthropic."),
        Example("The exit of a star researcher from OpenAI to a direct rival stings.", "from OpenAI"),
        Example("The exit of researchers from OpenAI to rivals goes on."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        yield from self._ventures(doc)
        timeline = timeline_for(doc.sheet)
        for move in move_claims(doc):
            finding = self._judge(doc, move, timeline)
            if finding is not None:
                yield with_claim(doc, finding, move.person, "left", move.origin, doc.prose[move.start : move.end])

    def _ventures(self, doc: Analysis) -> Iterator[Finding]:
        """'left OpenAI to launch Vibe Coding': the person left to found what the sheet's
        `founded` fact names, not a venture the sheet does not know."""
        founded = {f.subject: f for f in doc.sheet.facts_for("founded") if f.value.data.get("org")}
        timeline = timeline_for(doc.sheet)
        for venture in venture_claims(doc):
            fact = founded.get(venture.person.entity or "")
            if fact is None:
                continue
            if venture.origin is not None:
                left = timeline.at(fact.subject, venture.origin)
                if not any(s.end == int(fact.value.data["from"]) for s in left):
                    continue  # left somewhere else first ('left Tesla to launch a course'): another venture
            name, org = _name(doc, fact.subject), _name(doc, fact.value.data["org"])
            message = f"{name} left to found {org} ({fact.value.display()}), not {venture.name}"
            finding = doc.finding(
                rule=self.code,
                fact=fact,
                start=venture.start,
                end=venture.end,
                message=message,
                expected=org,
                suggestion=org,
            )
            yield with_claim(doc, finding, venture.person, "founded", venture.name, "left ... to found")

    def _judge(self, doc: Analysis, move: Move, timeline: Timeline) -> Finding | None:
        person = move.person_id
        if person is None:
            return None
        dest = move.dest
        if dest == "rival":
            arrivals = [org for (who, org) in timeline.arrivals if who == person]
            earlier = [y for y in re.findall(rf"\b{YEAR_DIGITS}\b", move.sentence.text) if int(y) < timeline.now]
            if len(arrivals) != 1 or earlier:
                return None  # a year before the event may date an earlier move
            dest = arrivals[0]
        came_from = timeline.before(person, dest)
        if not came_from or move.origin in came_from or move.origin == dest:
            return None
        fact = timeline.arrival(person, dest)
        if fact is None:
            stints = timeline.at(person, dest)
            if not stints:
                return None
            fact = stints[0].fact
        name, origin, there = _name(doc, person), _name(doc, move.origin), _name(doc, dest)
        expected = " or ".join(sorted(_name(doc, org) for org in came_from))
        reasons = [a.reason for a in fact.alternatives if a.value.type == "entity" and a.value.entity == move.origin]
        why = reasons[0] if reasons else f"{name} came to {there} from {expected}."
        message = f"{name} did not leave {origin} for {there}: {why}"
        found = doc.prose[move.start : move.end]
        if move.title is not None:
            former = "Former" if move.start == move.sentence.start else "former"
            suggestion: str | None = f"{former} {move.origin_mention.text} {move.title}"
        elif move.origin_mention.end == move.end and len(came_from) == 1:
            suggestion = found[: move.origin_mention.start - move.start] + expected
        else:
            suggestion = None
        return doc.finding(
            rule=self.code,
            fact=fact,
            start=move.start,
            end=move.end,
            message=message,
            expected=expected,
            suggestion=suggestion,
        )


@lru_cache(maxsize=16)
def _single_event_facts(sheet: Sheet) -> tuple[Fact, ...]:
    """The sheet's single-event career facts with only their cues of several words: one
    ('first world title') dates one event, a lone 'last' or 'title' says too little. Made once
    per sheet, so the cue index built over them is found again on every page."""
    return tuple(
        f._replace(cues=tuple(c for c in f.cues if " " in c.strip()))
        for f in sheet.facts_of_type("years")
        if is_single_event(f) and any(" " in c.strip() for c in f.cues)
    )
