"""The team a person joined, and the mandate they were hired for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.claims.mandates import verb_entries, verb_pattern, wrong_values
from linter.claims.predicates import predicate_claims
from linter.claims.teams import TEAM_NOUN, is_new_team
from linter.claims.titles import LEADING
from linter.claims.vocabulary import vocabulary
from linter.findings import Finding
from linter.language.en import HEAD_NOUNS
from linter.rule import Example, Rule
from linter.sheet import Fact, Sheet
from linter.sheet.memo import per_sheet

# Where a remit's noun phrase ends: a relative or purpose clause describes it, it is not the remit
# ("a new team that uses X to design ...").
PHRASE_END = re.compile(r"\s+(?:that|which|who|whose|where|using|while)\b", re.IGNORECASE)
BECOME = re.compile(r"\b(?:became|becomes|to\s+become)\b", re.IGNORECASE)
ROLE_NOUN = re.compile(r"\b(?:" + "|".join(sorted(HEAD_NOUNS)) + r"|" + TEAM_NOUN + r")s?\b", re.IGNORECASE)

# A team's name holds no linking word: "joining Anthropic to work" is not a team called "Anthropic to".
NOT_LINK = r"(?!(?:to|and|or|for|at|with|on|of|in|from|as)\b)"
JOINED_TEAM = re.compile(
    r"\b(?:join(?:s|ed|ing)?|(?:is|was|been)\s+placed\s+on|work(?:s|ing)?\s+(?:in|on|with)|move[sd]?\s+to|moving\s+to"
    r"|(?:is|was)\s+on|part\s+of|member\s+of|new\s+home(?:\s+(?:from|in)\s+[\w-]+)?\s+(?:is|will\s+be))\s+"
    r"(?P<phrase>(?:(?:the|its|a|an|[A-Z][\w.-]*['’]s|(?:company|firm|lab|start-?up|carmaker)['’]s)\s+)*(?P<name>(?:"
    + NOT_LINK
    + r"[\w-]+\s+){1,3}?)"
    + TEAM_NOUN
    + r")\b"
)
MANDATE = re.compile(
    r"\b(?:(?:will|to|would)\s+(?:lead|head|run|oversee|direct|helm|rebuild|revamp|overhaul|restructure|reshape)"
    r"|leads|heads|runs|oversees|leading|heading"
    r"|(?:named|appointed|hired|tapped|installed|promoted|signed|recruited)"
    r"(?:\s+(?P<object>him|her|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?(?:\s+(?:as|to(?:\s+(?:be|become|lead|head|run))?))?"
    r"|made\s+(?P<made_object>him|her|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?=\s+(?:its|the|their|[A-Z][\w.-]*['’]s)\s)"
    r"|became|becomes|to\s+become|in\s+charge\s+of|charged\s+with|responsible\s+for)\s+"
    r"(?P<phrase>[^,.;:()\"“”—–]{3,80})"
)


# The verb of leading in a mandate claim, underlined when the team is right but leading it is not.
LEAD_VERB = re.compile(
    r"\b(?:lead|leads|leading|led|head|heads|heading|headed|run|runs|running|oversee|oversees|overseeing"
    r"|direct|directs|directing|helm|helms|helming|in\s+charge\s+of)\b",
    re.IGNORECASE,
)

# "His mandate: make Claude ...", "her remit is to ...": the owner is the person. Written to start
# with a class (the owner's first letter, then the word boundary looked back at), so the regex
# engine skips to capitals and 'h' instead of trying every character; the plain form
# r"\b(?P<object>[Hh]is|[Hh]er|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?['’]s)..." is compared in tests/test_anchored.py.
MANDATE_NOUN = re.compile(
    r"(?P<object>[A-Zh](?<!\w.)(?:(?<=[Hh])is|(?<=[Hh])er|(?<=[A-Z])[\w-]+(?:\s+[A-Z][\w-]+)?['’]s))"
    r"\s+(?:new\s+)?(?:mandate|remit|brief)"
    r"(?:\s*:|\s+(?:is|will\s+be)\s+to)\s+(?P<phrase>[^,.;:()\"“”—–]{3,80})"
)


def _team_phrase_ok(fact: Fact, doc: Analysis, phrase: str) -> bool:
    found = vocabulary(doc.sheet).functions_in(phrase)
    return not found or found <= _team_functions(doc.sheet, fact.value.entity)


@per_sheet
def _team_functions(sheet: Sheet, team: str) -> frozenset[str]:
    """The function words of a team's names, read once per sheet and team: every team claim of
    a page read all of its team's names again (eight for the pre-training team)."""
    words = vocabulary(sheet)
    return frozenset(f for name in sheet.entities[team].names for f in words.functions_in(name))


class TeamMismatch(Rule):
    """A person is said to have joined a different team than the sheet's.

    Finds "joined/joins/joining the X team", "works on X team", "is on the X team"; reads the
    words that say what X does ("product", "safety", "alignment", "frontier red"); flags X when
    those words are not the sheet's team. Umbrella words ("research", "AI") and teams of other
    people ("Rohlf joined the frontier red team") are silent.
    """

    code = "FL401"
    name = "team-mismatch"
    examples = (
        Example("Andrej Karpathy has joined Anthropic's product team.", "product"),
        Example("Karpathy joins the alignment team at Anthropic.", "alignment"),
        Example("Karpathy joined Anthropic's pretraining team."),
        Example("Karpathy is joining the research team at Anthropic."),
        Example("Chris Rohlf joined the frontier red team the same day."),
        Example("Karpathy is joining Anthropic to work on safety research.", "safety"),
        Example("Karpathy joined OpenAI in 2015 to work on vision research."),
        Example("At OpenAI he joined the computer vision group."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        for claim in predicate_claims(doc, JOINED_TEAM, "member_of_team"):
            name = claim.match["name"]
            if _team_phrase_ok(claim.fact, doc, name) or claim.fact.value.type != "entity":
                continue
            start, end = claim.match.span("name")
            end = start + len(name.rstrip())
            team = doc.sheet.entities[claim.fact.value.entity]
            who = doc.sheet.entities[claim.fact.subject].name
            cue = doc.prose[claim.match.start() : claim.match.start("phrase")].strip()
            yield doc.finding(
                rule=self.code,
                fact=claim.fact,
                start=start,
                end=end,
                message=f"{who} joined the {team.name}, not the {doc.prose[start:end]} team",
                expected=team.name,
                suggestion=team.names[1] if len(team.names) > 1 else None,
                claim=claim.read(doc.prose[start:end], start, end, cue),
            )


class MandateMismatch(Rule):
    """What a person was hired to do differs from the sheet's mandate.

    Finds "will lead X", "hired to lead X", "named X", "in charge of X" for a person with a
    `mandate` fact; flags X when it is a value the sheet marks wrong (Karpathy is not head of
    pre-training), or when it names another function ("Claude's safety work"); when X is the whole
    existing team rather than a new one ("to lead the pre-training team") the verb is what is
    wrong, and the verb is underlined, with the sheet's note as what it says instead. "Builds a
    new team inside pre-training" and "lead a group using Claude to speed up pre-training
    research" agree with the sheet.
    """

    code = "FL402"
    name = "mandate-mismatch"
    examples = (
        Example("Karpathy was named Anthropic's new head of pre-training.", "head of pre-training"),
        Example("Anthropic hired Karpathy, who will lead Claude's safety work.", "Claude's safety work"),
        Example("At Anthropic, Karpathy will lead the pre-training team.", "lead"),  # the team is right
        Example("Anthropic has made Karpathy its pre-training chief.", "pre-training chief"),
        Example("Karpathy will lead a new team that uses Claude to speed up pre-training research."),
        Example("He builds a new team inside pre-training."),
        Example("Nick Joseph, who leads pre-training, welcomed him."),
        Example("At Tesla he was named director of AI."),
        Example(
            "Karpathy has joined Anthropic to rebuild its pre-training research team.", "pre-training research team"
        ),
        Example("Karpathy will lead a new pre-training group that uses Claude to design experiments."),
        Example("He is known for leading Tesla's vision and driving teams for years."),
        Example("He was a researcher at OpenAI, then went to Tesla to lead its vision work."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        yield from self._verb_phrases(doc)
        verbs = predicate_claims(doc, MANDATE, "mandate")
        taken = [c.match.start() for c in verbs]
        nouns = [  # "his remit is to lead X": the verb's own claim already reads X
            c
            for c in predicate_claims(doc, MANDATE_NOUN, "mandate")
            if not any(c.match.start() <= t < c.match.end() for t in taken)
        ]
        for claim in verbs + nouns:
            phrase = claim.match["phrase"]
            cut = PHRASE_END.search(phrase)
            phrase = (phrase[: cut.start()] if cut else phrase).rstrip()
            start = claim.match.start("phrase")
            if BECOME.match(claim.match[0]) and not ROLE_NOUN.search(phrase):
                continue  # "... becomes the product": not a role
            problem = self._problem(doc, claim.fact, phrase)
            if problem is None:
                continue
            lead = re.match(r"(?:(?:" + "|".join(LEADING) + r")\s+)*", phrase, re.I)
            verb = LEAD_VERB.search(doc.prose, claim.match.start(), start)
            if problem.startswith("deprecated:"):
                wrong = problem.split(":", 1)[1]
                at = phrase.lower().find(wrong.lower())
                span = (start + at, start + at + len(wrong))
            elif problem == "whole-team" and verb:
                span = verb.span()  # the team is right, leading it is what is wrong ("leads the X team")
            else:
                span = (start + (lead.end() if lead else 0), start + len(phrase))
            cue = claim.match[0][: start - claim.match.start()].strip()
            yield doc.finding(
                rule=self.code,
                fact=claim.fact,
                start=span[0],
                end=span[1],
                message=self._message(doc, claim.fact, problem),
                expected=self._expected(doc, claim.fact, problem),
                suggestion=None,
                claim=claim.read(doc.prose[span[0] : span[1]], span[0], span[1], cue),
            )

    def _verb_phrases(self, doc: Analysis) -> Iterator[Finding]:
        """The sheet's own mandate verbs ('will replace X', 'to partner X'): a deprecated value,
        or another person than the one the sheet gives the same verb ('partner Carlos Sainz'
        when the sheet says 'partner Charles Leclerc')."""
        facts = doc.sheet.facts_for("mandate")
        pattern = verb_pattern({e.verb for f in facts for e in verb_entries(doc.sheet, f)})
        if pattern is None:
            return
        for claim in predicate_claims(doc, pattern, "mandate"):
            verb = claim.match["verb"] or claim.match["verb3"]
            start = claim.match.start("verb") if claim.match["verb"] else claim.match.start("verb3")
            end = claim.match.end("phrase")
            text = doc.prose[start:end]
            span = self._wrong_in(claim.fact, text, start) or self._other_person(doc, claim.fact, verb, start, end)
            if span is None:
                continue
            wrong = doc.prose[span[0] : span[1]]
            name = doc.sheet.entities[claim.fact.subject].name
            yield doc.finding(
                rule=self.code,
                fact=claim.fact,
                start=span[0],
                end=span[1],
                message=f"{name}'s mandate is to {claim.fact.value.text}, not to {wrong}",
                expected=claim.fact.value.text,
                suggestion=None,
                claim=claim.read(wrong, span[0], span[1], verb),
            )

    @staticmethod
    def _wrong_in(fact: Fact, text: str, offset: int) -> tuple[int, int] | None:
        for wrong in wrong_values(fact):
            at = _find_folded(text, wrong)
            if at is not None and at[0] == 0:
                return offset + at[0], offset + at[1]
        return None

    @staticmethod
    def _other_person(doc: Analysis, fact: Fact, verb: str, start: int, end: int) -> tuple[int, int] | None:
        """The verb's object is a person the sheet does not give that verb."""
        expected = [e.people for e in verb_entries(doc.sheet, fact) if e.verb == verb and e.people]
        if not expected:
            return None
        people = doc.mentions_between(start + len(verb), min(end, start + len(verb) + 40), {"person"})
        if not people or any(people[0].entity in p for p in expected):
            return None
        person = people[0]
        tail = re.match(r"['’]s?\s+[a-z][\w-]*", doc.prose[person.end : end])
        return start, person.end + (tail.end() if tail else 0)

    @staticmethod
    def _problem(doc: Analysis, fact: Fact, phrase: str) -> str | None:
        for wrong in wrong_values(fact):
            at = _find_folded(phrase, wrong)
            if at is not None:
                return f"deprecated:{phrase[at[0] : at[1]]}"
        words = vocabulary(doc.sheet)
        found = words.functions_in(phrase)
        if not found:
            return None
        allowed = words.functions_in(fact.value.text)
        if not found <= allowed:
            return "function"
        return None if is_new_team(phrase) or _paraphrases(phrase, fact.value.text) else "whole-team"

    @staticmethod
    def _expected(doc: Analysis, fact: Fact, problem: str) -> str:
        """What the sheet says, as a sentence a reader understands: the fact's note where it
        explains the mandate against the existing team, else the mandate itself."""
        name = doc.sheet.entities[fact.subject].name
        if problem == "whole-team" and fact.note:
            return fact.note
        return f"{name}'s mandate is to {fact.value.text}."

    @staticmethod
    def _message(doc: Analysis, fact: Fact, problem: str) -> str:
        name = doc.sheet.entities[fact.subject].name
        if problem == "whole-team":
            return f"{name} does not lead the whole existing team: the mandate is to {fact.value.text}"
        if problem == "function":
            return f"{name}'s mandate is to {fact.value.text}"
        wrong = problem.split(":", 1)[1]
        alts = fact.alternatives_ranked("deprecated")
        said = [a.reason for a in alts if a.value.type == "text" and _find_folded(a.value.text, wrong)]
        reason = next(iter(said), alts[0].reason if alts else "")
        return f"{name} was not hired as {wrong}: {reason}"


def _paraphrases(phrase: str, text: str) -> bool:
    """Does `phrase` restate the sheet's mandate text ('use Claude to accelerate pre-training
    research' in '... that uses Claude to accelerate pre-training research')? Four or more
    content words, four in five of them the text's, compared by their first five letters."""

    def stems(words: str) -> list[str]:
        return [w[:5] for w in re.findall(r"[a-z]+", fold_hyphens(words.lower())) if len(w) > 3]

    mine, theirs = stems(phrase), set(stems(text))
    return len(mine) >= 4 and sum(w in theirs for w in mine) >= 0.8 * len(mine)


def fold_hyphens(text: str) -> str:
    return re.sub(r"\b(pre|post|co|sub|non)[\s-]+", r"\1", text)


def _find_folded(text: str, wanted: str) -> tuple[int, int] | None:
    """Where `wanted` stands in `text`, ignoring case, hyphens and the space in 'pre training'."""
    parts = [re.escape(w) for w in re.split(r"[\s-]+", wanted.strip()) if w]
    m = re.search(r"(?<![\w-])" + r"[\s-]?".join(parts) + r"(?![\w-])", text, re.IGNORECASE) if parts else None
    return m.span() if m else None
