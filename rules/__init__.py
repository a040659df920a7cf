"""The built-in checks, one module per kind of claim, and the fact sheets they read (rules/sheets/).

Codes are stable, ruff-style: FL1xx dates, FL2xx reporting lines, FL3xx titles, FL4xx teams and
mandates, FL5xx channels, FL6xx careers, FL7xx quotations, FL8xx names, FL9xx numbers.

This package is factlint's first plugin (see `linter/registry.py`): `RULE_TABLE` says which rules
exist without importing them, so configuration and `--select` cost nothing; a rule's module is
imported when the rule first runs. A new rule is a class in one of these modules plus its line here.
"""

from __future__ import annotations

from pathlib import Path

RULE_TABLE: dict[str, tuple[str, str]] = {
    "FL101": ("date-mismatch", "rules.dates:DateMismatch"),
    "FL102": ("weekday-mismatch", "rules.dates:WeekdayMismatch"),
    "FL103": ("relative-date-mismatch", "rules.dates:RelativeDateMismatch"),
    "FL201": ("reporting-line", "rules.reporting:ReportingLine"),
    "FL301": ("title-mismatch", "rules.titles:TitleMismatch"),
    "FL401": ("team-mismatch", "rules.teams:TeamMismatch"),
    "FL402": ("mandate-mismatch", "rules.teams:MandateMismatch"),
    "FL501": ("channel-mismatch", "rules.channel:ChannelMismatch"),
    "FL601": ("career-years", "rules.career:CareerYears"),
    "FL602": ("career-length", "rules.career:CareerLength"),
    "FL603": ("move-framing", "rules.career:MoveFraming"),
    "FL701": ("misquote", "rules.quotes:Misquote"),
    "FL801": ("misspelled-name", "rules.names:Misspelling"),
    "FL901": ("figure-mismatch", "rules.numbers:FigureMismatch"),
}

# The sheet used when no --facts and no configuration names one.
DEFAULT_SHEET = Path(__file__).resolve().parent / "sheets" / "karpathy-anthropic-2026.toml"
