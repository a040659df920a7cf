"""The claim layer's second half: a typed claim as a rule read it, and why it is sure of it.

A rule compares a `ReadClaim` (subject, relation, value, span, scope) with the sheet's fact. The
claim travels with the finding (`Finding.claim`, `"claim"` in JSON) so a reader, or a test, can
see what was read and on what grounds: the subject named or a pronoun resolved, the value and
its cue in one clause, the clause kind and the employer it places the claim at.
"""

from __future__ import annotations

from typing import NamedTuple

from linter.annotate.analysis import Analysis
from linter.annotate.mentions import Mention
from linter.claims.clauses import Scope, scope_of
from linter.findings import Finding
from linter.sheet import Fact


def subject_basis(subject: Mention | None) -> str:
    """How the claim's subject was found: named in the text, a pronoun resolved, or implied."""
    if subject is None:
        return "implied"
    if subject.pronoun:
        return "implied by the event noun" if not subject.text else f"pronoun {subject.text!r} resolved"
    return "named"


class ReadClaim(NamedTuple):
    """One claim as read: `subject` (entity id) `relation` `value`, at `start:end`, in `scope`."""

    subject: str
    relation: str
    value: str
    start: int
    end: int
    scope: Scope
    subject_basis: str = "named"
    cue: str = ""  # the words that make the phrase a claim of this relation ('reports to', 'joins ... as')

    def to_dict(self) -> dict[str, object]:
        why = [f"subject {self.subject_basis}"]
        if self.cue:
            why.append(f"value and cue {self.cue!r} in one {self.scope.kind} clause")
        if self.scope.employer:
            why.append(f"placed at {self.scope.employer} by {self.scope.employer_cue!r}")
        return {
            "subject": self.subject,
            "relation": self.relation,
            "value": self.value,
            "span": [self.start, self.end],
            "scope": self.scope.describe(),
            "why": "; ".join(why),
        }


def record(
    a: Analysis,
    subject: str,
    relation: str,
    value: str,
    span: tuple[int, int],
    fact: Fact,
    mention: Mention | None = None,
    cue: str = "",
) -> dict[str, object]:
    """The claim dict for a finding on `span`: its scope read from the clause around it."""
    sentence = a.sentence_at(span[0])
    scope = scope_of(a, sentence, span[0], span[1], fact) if sentence else Scope("main", span[0], span[1])
    basis = subject_basis(mention) if mention is not None else "named"
    return ReadClaim(subject, relation, value, span[0], span[1], scope, basis, cue).to_dict()


def with_claim(
    a: Analysis, finding: Finding, subject: Mention | str, relation: str, value: str, cue: str = ""
) -> Finding:
    """`finding` with the claim it was made on recorded (for rules that build findings first)."""
    fact = a.sheet.fact(finding.fact)
    entity = subject if isinstance(subject, str) else subject.entity or ""
    mention = None if isinstance(subject, str) else subject
    claim = record(a, entity, relation, value, (finding.start, finding.end), fact, mention, cue)
    return finding._replace(claim=claim)
