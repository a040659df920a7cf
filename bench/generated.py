"""The generated corpus shared by `bench/perf.py` and the engine digest test: articles of any size
assembled from the repo's own articles (annotations stripped), reproducible from a seed."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs() -> list[str]:
    """Paragraphs of the repo's own articles (annotations stripped): realistic, varied prose."""
    found: list[str] = []
    for path in sorted((ROOT / "tests" / "corpus").rglob("*.txt")) + sorted((ROOT / "examples").glob("*.txt")):
        text = re.sub(r"\{\{(.*?)\|FL\d{3}\}\}", r"\1", path.read_text(encoding="utf-8"))
        found += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
    return found


def bench_articles(count: int, seed: int = 7) -> list[str]:
    """The benchmarks' generated corpus: `count` articles of 1-20 KB, the same for a seed."""
    rng, pool = random.Random(seed), paragraphs()
    return [make_article(rng, pool, rng.randint(1_000, 20_000)) for _ in range(count)]


def make_article(rng: random.Random, pool: list[str], size: int) -> str:
    """About `size` characters of whole paragraphs drawn from `pool`, ending on a full stop."""
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < size:
        parts.append(rng.choice(pool))
    return "\n\n".join(parts)[:size].rsplit(" ", 1)[0] + ".\n"


def markdown_article(rng: random.Random, pool: list[str], size: int) -> str:
    """A Markdown draft: a heading, paragraphs, a bullet list and some inline code, so the
    Markdown loader's masking is exercised along with the prose."""
    body = make_article(rng, pool, size).split("\n\n")
    if len(body) > 2:
        body[1] = "\n".join(f"- {line}" for line in body[1].split(". ") if line)
    body.insert(rng.randint(0, len(body)), "Run `factlint check` on the draft before sending it.")
    return "# A draft\n\n" + "\n\n".join(body)
