"""The checks, one module per kind of claim, and the fact sheets they read (rules/sheets/).

Codes are stable, ruff-style: FL1xx dates, FL2xx reporting lines, FL3xx titles, FL4xx teams and
mandates, FL5xx channels, FL6xx careers, FL7xx quotations, FL8xx names, FL9xx numbers. Each
module lists its rule classes in a module-level `RULES` tuple.
"""

from __future__ import annotations

from importlib import import_module

from linter.rule import Rule

MODULES = ("dates", "reporting", "titles", "teams", "channel", "career", "quotes", "names", "numbers")


def _collect() -> list[type[Rule]]:
    found = [rule for name in MODULES for rule in import_module(f"rules.{name}").RULES]
    return sorted(found, key=lambda rule: rule.code)


RULES: list[type[Rule]] = _collect()
