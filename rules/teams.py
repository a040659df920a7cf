"""The team a person joined, and the mandate they were hired for."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.claims.predicates import predicate_claims
from linter.claims.teams import TEAM_NOUN, functions_in, is_new_team
from linter.claims.titles import LEADING
from linter.findings import Finding
from linter.rule import Example, Rule
from linter.sheet import Fact

JOINED_TEAM = re.compile(
    r"\b(?:join(?:s|ed|ing)?|(?:is|was|been)\s+placed\s+on|work(?:s|ing)?\s+(?:in|on|with)|move[sd]?\s+to|moving\s+to"
    r"|(?:is|was)\s+on|part\s+of|member\s+of)\s+"
    r"(?P<phrase>(?:(?:the|its|a|an|[A-Z][\w.-]*['’]s)\s+)*(?P<name>(?:[\w-]+\s+){1,3}?)" + TEAM_NOUN + r")\b"
)
MANDATE = re.compile(
    r"\b(?:(?:will|to|would)\s+(?:lead|head|run|oversee|direct|helm)|leads|heads|runs|oversees|leading|heading"
    r"|(?:named|appointed|hired|tapped|installed|promoted)"
    r"(?:\s+(?P<object>him|her|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?(?:\s+(?:as|to(?:\s+(?:be|become|lead|head|run))?))?"
    r"|made\s+(?P<made_object>him|her|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?=\s+(?:its|the|their|[A-Z][\w.-]*['’]s)\s)"
    r"|became|becomes|to\s+become|in\s+charge\s+of|charged\s+with|responsible\s+for)\s+"
    r"(?P<phrase>[^,.;:()\"“”—–]{3,80})"
)


def _team_phrase_ok(fact: Fact, doc: Analysis, phrase: str) -> bool:
    team = doc.sheet.entities[fact.value.entity]
    allowed = set().union(*(functions_in(n) for n in team.names))
    found = functions_in(phrase)
    return not found or found <= allowed


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
            yield doc.finding(
                self.code, claim.fact, start, end,
                f"{claim.subject.text} joined the {team.name}, not the {doc.prose[start:end]} team",
                team.name, team.names[1] if len(team.names) > 1 else None,
            )  # fmt: skip


class MandateMismatch(Rule):
    """What a person was hired to do differs from the sheet's mandate.

    Finds "will lead X", "hired to lead X", "named X", "in charge of X" for a person with a
    `mandate` fact; flags X when it is a value the sheet marks wrong (Karpathy is not head of
    pre-training), when it is the whole existing team rather than a new one ("to lead the
    pre-training team"), or when it names another function ("Claude's safety work"). "Builds a
    new team inside pre-training" and "lead a group using Claude to speed up pre-training
    research" agree with the sheet.
    """

    code = "FL402"
    name = "mandate-mismatch"
    examples = (
        Example("Karpathy was named Anthropic's new head of pre-training.", "head of pre-training"),
        Example("Anthropic hired Karpathy, who will lead Claude's safety work.", "Claude's safety work"),
        Example("At Anthropic, Karpathy will lead the pre-training team.", "pre-training team"),
        Example("Anthropic has made Karpathy its pre-training chief.", "pre-training chief"),
        Example("Karpathy will lead a new team that uses Claude to speed up pre-training research."),
        Example("He builds a new team inside pre-training."),
        Example("Nick Joseph, who leads pre-training, welcomed him."),
        Example("At Tesla he was named director of AI."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        for claim in predicate_claims(doc, MANDATE, "mandate"):
            phrase = claim.match["phrase"].rstrip()
            start = claim.match.start("phrase")
            problem = self._problem(doc, claim.fact, phrase)
            if problem is None:
                continue
            lead = re.match(r"(?:(?:" + "|".join(LEADING) + r")\s+)*", phrase, re.I)
            if problem.startswith("deprecated:"):
                wrong = problem.split(":", 1)[1]
                at = phrase.lower().find(wrong.lower())
                span = (start + at, start + at + len(wrong))
            else:
                span = (start + (lead.end() if lead else 0), start + len(phrase))
            yield doc.finding(
                self.code, claim.fact, span[0], span[1],
                self._message(doc, claim.fact, problem), claim.fact.value.text, None,
            )  # fmt: skip

    @staticmethod
    def _problem(doc: Analysis, fact: Fact, phrase: str) -> str | None:
        lowered = phrase.lower().replace("pretraining", "pre-training")
        for alt in fact.alternatives_ranked("deprecated"):
            wrong = alt.value.text.lower()
            if wrong in lowered:
                return f"deprecated:{phrase[lowered.find(wrong) : lowered.find(wrong) + len(wrong)]}"
        found = functions_in(phrase)
        if not found:
            return None
        allowed = functions_in(fact.value.text)
        if not found <= allowed:
            return "function"
        return None if is_new_team(phrase) else "whole-team"

    @staticmethod
    def _message(doc: Analysis, fact: Fact, problem: str) -> str:
        name = doc.sheet.entities[fact.subject].name
        if problem == "whole-team":
            return f"{name} leads a new sub-team, not the existing team: {fact.note or fact.value.text}"
        if problem == "function":
            return f"{name}'s mandate is to {fact.value.text}"
        reason = next((a.reason for a in fact.alternatives_ranked("deprecated")), "")
        return f"{name} was not hired as {problem.split(':', 1)[1]}: {reason}"


RULES = (TeamMismatch, MandateMismatch)
