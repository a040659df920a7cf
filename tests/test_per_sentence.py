"""Grouping a page's dates and quantities by sentence gives what asking each sentence gives."""

from __future__ import annotations

import random

from bench.generated import make_article, paragraphs
from linter.annotate.analysis import Analysis
from linter.annotate.numbers import quantities_between
from linter.claims.per_sentence import by_sentence
from linter.documents import Document
from linter.sheet import default_sheet


def test_groups_are_each_sentences_own_lookup_for_the_sentences_that_hold_any() -> None:
    rng, pool = random.Random(9), paragraphs()
    texts = [make_article(rng, pool, rng.randint(1000, 9000)) for _ in range(10)]
    texts.append("Heading 2021\n\nHe joined in May 2017 (for $5 billion).   In 2019, 3 people left.\n\n- 2020 - 4 more")
    for text in texts:
        a = Analysis(Document("x", text), default_sheet())
        every = quantities_between(a, 0, len(a.prose))
        dates = [(s, a.dates_in(s)) for s in a.sentences]
        quantities = [(s, quantities_between(a, s.start, s.end)) for s in a.sentences]
        assert list(by_sentence(a, a.dates)) == [(s, found) for s, found in dates if found]
        assert list(by_sentence(a, every)) == [(s, found) for s, found in quantities if found]
