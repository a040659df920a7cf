"""A title before a name read from the last few words first gives what reading all 120
characters before the name gives."""

from __future__ import annotations

import random

from bench.generated import make_article, paragraphs
from linter.annotate.analysis import Analysis
from linter.claims.titles import TOKEN, _before, _title_before
from linter.documents import Document
from linter.sheet import default_sheet

LONG = (
    "Yesterday the company said that its former Tesla senior director of AI and OpenAI founding member"
    " Andrej Karpathy would join. Anthropic's head of pre-training and chief research scientist, Nick Joseph,"
    " agreed. Then, in a long statement about the new team and its plans, Anthropic CEO Dario Amodei spoke."
    " Anthropic  CEO  Dario Amodei, and CEO\nDario Amodei, and the chief\tscientist Nick Joseph, and"
    " Tesla's director of AI ,  Andrej Karpathy, and OpenAI co-founder Andrej Karpathy agreed."
)


def test_the_short_reading_agrees_with_the_full_one_for_every_name() -> None:
    rng, pool = random.Random(8), paragraphs()
    texts = [make_article(rng, pool, rng.randint(1000, 9000)) for _ in range(10)] + [LONG]
    seen = 0
    for text in texts:
        a = Analysis(Document("x", text, prose=text), default_sheet())
        for sentence in a.sentences:
            for person in a.mentions_in(sentence, {"person"}):
                base = max(sentence.start, person.start - 120)
                tokens = list(TOKEN.finditer(a.prose, base, person.start))
                want = _title_before(a, person, tokens, partial=False)
                assert _before(a, person, sentence.start) == want
                seen += want is not None
    assert seen >= 3
