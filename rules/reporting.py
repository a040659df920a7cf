"""Reporting lines: who a person reports to, in any phrasing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.annotate.text import Sentence
from linter.claims.clauses import fitting_fact, fitting_facts
from linter.claims.model import ReadClaim, subject_basis
from linter.claims.predicates import PEOPLE, fragment_subject, matches_by_sentence, person_after, subject_of
from linter.findings import Applicability, Finding
from linter.rule import Example, Rule

# Phrases followed by the manager's name ...
MANAGER_AFTER = re.compile(
    r"\b(?:report(?:s|ed|ing)?\s+(?:directly\s+|straight\s+)?(?:in\s+)?to(?:\s+the\s+(?:very\s+)?top,?(?:\s+to)?)?"
    r"|work(?:s|ed|ing)?\s+(?:directly\s+)?(?:under|for)"
    r"|answer(?:s|ed|ing)?\s+(?:directly\s+)?to"
    r"|under(?:\s+the\s+(?:leadership|direction|supervision|management)\s+of)?"
    r"|(?:his|her|their)\s+(?:new\s+)?(?:boss|manager|supervisor|line\s+manager)(?:\s+(?:is|will\s+be|was|becomes))?,?"
    r"|['’]s\s+(?:new\s+)?(?:boss|manager|supervisor|line\s+manager)(?:\s+(?:since|from|at|in|until)\s+[\w-]+)?"
    r"\s+(?:is|will\s+be|was|has\s+been|had\s+been|becomes|became)"
    r"|(?:team|group|org|organi[sz]ation|unit)\s+(?:led|run|headed|overseen)\s+by)\s",
    re.IGNORECASE,
)
# ... and phrases preceded by it: "Sam Altman, his new boss", "Sam Altman's team".
MANAGER_BEFORE = re.compile(
    r"(?:,\s+(?:his|her)\s+(?:new\s+)?(?:boss|manager|supervisor)\b"
    r"|['’]s?\s+(?:(?:new|own)\s+)?(?:[\w-]+\s+)?(?:team|org|organi[sz]ation|group|unit)\b)",
    re.IGNORECASE,
)
JOIN_VERB = re.compile(r"\b(?:join(?:s|ed|ing)?|work(?:s|ed|ing)?\s+(?:in|on|for)|part\s+of|move[sd]?\s+to|into)\s+$")


class ReportingLine(Rule):
    """A person's manager differs from the sheet's reporting line.

    Finds "reports to X", "reporting to X", "works under X", "under X", "his boss, X",
    "X, his new boss", "joined X's team"; reads X as a person named (or a pronoun resolved) right
    after or before the phrase; compares X with the sheet's `reports_to` fact for the clause's
    subject. Claims placed at another employer or an earlier time ("At Tesla he reported to Elon
    Musk") are about something else and stay silent.
    """

    code = "FL201"
    fix_applicability = Applicability.UNSAFE  # swapping the person changes what is said of someone else
    name = "reporting-line"
    examples = (
        Example("Andrej Karpathy reports to Sam Altman at Anthropic.", "Sam Altman"),
        Example("At Anthropic, Karpathy will work under Dario Amodei.", "Dario Amodei"),
        Example("Karpathy joined Anthropic, reporting to chief executive Dario Amodei.", "Dario Amodei"),
        Example("Karpathy is joining John Schulman's team at Anthropic.", "John Schulman"),
        Example("Karpathy will report to Nick Joseph, Anthropic's head of pre-training."),
        Example("He joins the pre-training group under Nick Joseph."),
        Example("At Tesla he reported to Elon Musk."),
        Example("Chris Rohlf reports to the head of the frontier red team."),
        Example("Nick Joseph, who reports to Dario Amodei, welcomed Karpathy."),
        Example("Karpathy has joined Anthropic, reporting to Head of Pre-training Nick Jonas.", "Nick Jonas"),
        Example("He did his PhD at Stanford under Jane Roe."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        facts = doc.sheet.facts_by_subject("reports_to")
        if not facts:
            return
        for sentence, cue_start, subject, manager in self._claims(doc):
            if subject is None or subject.entity is None or subject == manager:
                continue
            start = min(cue_start, manager.start)
            found = fitting_fact(doc, sentence, start, manager.end, facts.get(subject.entity, []))
            if found is None:
                continue
            fact, scope = found
            fitting = fitting_facts(doc, sentence, start, manager.end, facts[subject.entity])
            if any(manager.entity == f.value.entity for f in fitting):
                continue
            expected = fact.value.display(doc.sheet)
            suggestion = None if manager.pronoun else expected
            claim = ReadClaim(
                subject.entity, "reports_to", manager.entity or manager.text, manager.start, manager.end, scope,
                subject_basis(subject), doc.prose[start : max(cue_start, manager.start)].strip() or manager.text,
            )  # fmt: skip
            yield doc.finding(
                rule=self.code,
                fact=fact,
                start=manager.start,
                end=manager.end,
                message=f"{doc.sheet.entities[subject.entity].name} reports to {expected}, not {manager.text}",
                expected=expected,
                suggestion=suggestion,
                claim=claim.to_dict(),
            )

    @staticmethod
    def _claims(doc: Analysis) -> Iterator[tuple[Sentence, int, Mention | None, Mention]]:
        """(sentence, cue start, subject, manager) for each reporting phrase in the text."""
        for m, sentence in matches_by_sentence(doc, MANAGER_AFTER):
            manager = person_after(doc, sentence, m.end())
            if manager is None:
                continue
            owner = doc.mentions_between(m.start(), m.start() + 1, {"person"})  # "his boss": whose boss
            subject = owner[0] if owner else subject_of(doc, sentence, m.start(), PEOPLE)
            subject = subject or fragment_subject(doc, sentence, m.start())  # "- Reports to X" under a name
            yield sentence, m.start(), subject, manager
        for manager in doc.mentions:
            if manager.kind != "person" or not MANAGER_BEFORE.match(doc.prose, manager.end):
                continue
            found = doc.sentence_at(manager.start)
            if found is None:
                continue
            sentence = found
            rest = doc.prose[manager.end : sentence.end]
            if rest.startswith(("'", "’")) and not JOIN_VERB.search(doc.prose[sentence.start : manager.start]):
                continue  # "X's team" counts only as what someone joins or works in
            yield sentence, manager.start, subject_of(doc, sentence, manager.start, PEOPLE), manager
