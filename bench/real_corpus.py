"""Score the engine on the real, reader-labelled pages in ../shared/corpus (when present).

The labels there are claims, not findings: each says whether a span of a page is CONSISTENT with
the sheet, CONTRADICTED by it or UNVERIFIABLE, and which fact it is about. Scoring follows that
corpus's own `score.py` exactly, in-process: only error findings count; a contradiction is caught
when an error overlaps its span; precision is the share of error findings that overlap a
contradicted span. Per rule we report each rule's findings and how many sit on a contradiction
(its precision); per fact, how many contradictions were caught (recall by kind of claim).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPORA = ("karpathy-real", "events/giannandrea-apple-2018")


@dataclass
class RealScore:
    name: str
    pages: int = 0
    contradictions: int = 0
    caught: int = 0
    errors: int = 0
    on_contradictions: int = 0
    on_consistent: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    rule_hits: Counter[str] = field(default_factory=Counter)
    by_fact: Counter[str] = field(default_factory=Counter)
    fact_hits: Counter[str] = field(default_factory=Counter)
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.on_contradictions / self.errors if self.errors else 1.0

    @property
    def recall(self) -> float:
        return self.caught / self.contradictions if self.contradictions else 1.0


def available() -> list[str]:
    return [name for name in CORPORA if (SHARED / name / "labels.jsonl").is_file()]


def score_corpus(name: str) -> RealScore:
    from linter.api import check
    from linter.sheet import default_sheet, load_sheet

    folder = SHARED / name
    sheet_path = folder / "sheet.toml"
    sheet = load_sheet(sheet_path) if sheet_path.exists() else default_sheet()
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines() if line.strip()]
    score = RealScore(name)
    for page in sorted(folder.rglob("*.txt")):
        score.pages += 1
        text = page.read_text(encoding="utf-8")
        errors = [f for f in check(text, path=str(page), sheet=sheet).findings if f.severity == "error"]
        spans = []
        for lab in labels:
            if Path(lab["file"]).name != page.name or (start := text.find(lab["span"])) < 0:
                continue
            spans.append((start, start + len(lab["span"]), lab))
        contradicted = [(s, e) for s, e, lab in spans if lab["label"] == "CONTRADICTED"]
        for s, e, lab in spans:
            hit = any(f.start < e and s < f.end for f in errors)
            if lab["label"] == "CONTRADICTED":
                score.contradictions += 1
                score.by_fact[lab.get("fact", "?")] += 1
                if hit:
                    score.caught += 1
                    score.fact_hits[lab.get("fact", "?")] += 1
                else:
                    score.misses.append(f"{page.name}: {lab['span'][:90]!r} ({lab.get('fact')})")
            elif lab["label"] == "CONSISTENT" and hit:
                score.on_consistent += 1
        for f in errors:
            score.errors += 1
            score.by_rule[f.rule] += 1
            if any(f.start < e and s < f.end for s, e in contradicted):
                score.on_contradictions += 1
                score.rule_hits[f.rule] += 1
            else:
                score.false_alarms.append(f"{page.name}: {f.rule} {f.found!r}: {f.message[:90]}")
    return score


def markdown(score: RealScore, verbose: bool = False) -> list[str]:
    lines = [
        f"## real pages: {score.name}",
        "",
        f"{score.pages} pages; {score.contradictions} labelled contradictions. **Precision"
        f" {score.precision:.2f}** ({score.on_contradictions} of {score.errors} error findings on a"
        f" contradiction), **recall {score.recall:.2f}** ({score.caught} of {score.contradictions} caught),"
        f" {score.on_consistent} errors on labelled-consistent claims.",
        "",
        "| rule | error findings | on a contradiction | precision |",
        "|---|---:|---:|---:|",
    ]
    for rule in sorted(score.by_rule):
        n, hit = score.by_rule[rule], score.rule_hits[rule]
        lines.append(f"| {rule} | {n} | {hit} | {hit / n:.2f} |")
    lines += ["", "| fact (labels' kind of claim) | contradictions | caught | recall |", "|---|---:|---:|---:|"]
    for fact in sorted(score.by_fact):
        n, hit = score.by_fact[fact], score.fact_hits[fact]
        lines.append(f"| {fact} | {n} | {hit} | {hit / n:.2f} |")
    if verbose:
        lines += ["", f"False alarms ({len(score.false_alarms)}):", ""]
        lines += [f"- {a}" for a in score.false_alarms] or ["- none"]
        lines += ["", f"Missed ({len(score.misses)}):", ""]
        lines += [f"- {m}" for m in score.misses] or ["- none"]
    lines.append("")
    return lines
