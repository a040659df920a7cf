"""Spelling of the sheet's people and organisations (FL8xx)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.annotate.analysis import Analysis
from linter.annotate.names import name_fact
from linter.findings import Finding
from linter.rule import Example, Rule


class Misspelling(Rule):
    """A person's or organisation's name spelled a few letters off the sheet's spelling.

    "Andrej Karpaty", "Andrzej Karpathy", "Nicholas Josef", "Antropic", "Anthropics". Every alias
    the sheet lists is accepted as written. A near-miss counts only when context ties it to the
    entity: the other half of the name spelled right, one of the person's titles nearby, or (for
    organisations and long surnames) the right spelling elsewhere in the text or an organisation
    context ("joined Antropic"). Other people with similar names ("Nick Jonas") stay silent, and so
    do tickers ("TSLA"), an organisation's plural ("Teslas") outside a name slot, a name cut off
    where an excerpt ends ("Karpat…") and ordinary English words. Accented variants of a first
    name beside the surname ("André Karpathy") are misspellings.
    The suggestion is the sheet's spelling, ready for --fix.
    """

    code = "FL801"
    judges_claims = False
    name = "misspelled-name"
    examples = (
        Example("Andrej Karpaty has joined Anthropic.", "Andrej Karpaty"),
        Example("Andrzej Karpathy has joined Anthropic.", "Andrzej Karpathy"),
        Example("Karpathy reports to Nicholas Josef, who leads pre-training.", "Nicholas Josef"),
        Example("Andrej Karpathy said he had joined Antropic.", "Antropic"),
        Example("Karpathy said on X that he had joined Anthropics.", "Anthropics"),
        Example("His manager is Nick Joseph (not Nick Jonas)."),
        Example("Nicholas Joseph welcomed Andrej to the team."),
        Example("Tessa Thompson was not involved in the Tesla deal."),
        Example("André Karpathy has joined Anthropic.", "André Karpathy"),
        Example("TSLA shares slipped after the news; Karpathy left Tesla in 2022."),
        Example("His networks still help Teslas drive themselves, Karpathy said."),
        Example("Daniela Amodei, Anthropic's president, welcomed the hire."),
    )

    def check(self, doc: Analysis) -> Iterator[Finding]:
        for miss in doc.misspellings:
            entity = doc.sheet.entities[miss.entity]
            found = doc.prose[miss.start : miss.end]
            yield doc.finding(
                rule=self.code,
                fact=name_fact(doc.sheet, miss.entity),
                start=miss.start,
                end=miss.end,
                message=f"{found!r} looks like a misspelling of {entity.name} (write {miss.suggestion!r})",
                expected=entity.name,
                suggestion=miss.suggestion,
            )
