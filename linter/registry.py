"""The one registry: every rule code (FL001 included), its name and where its class lives.

The engine, configuration (`select`/`ignore`), the output formats, `factlint rule` and the HTTP
API's /v1/rules all read this table. Codes and names are static data, so resolving a selection or
validating a config never imports a rule module; a rule's class is imported the first time it runs.

Rules come from *plugins*: Python packages that expose `RULE_TABLE` ({code: (name, "module:Class")})
and optionally `DEFAULT_SHEET` (the path of the sheet used when none is configured). The built-in
checks are the package `rules`, the first plugin; `FACTLINT_PLUGINS` (comma-separated module names)
adds others. The engine itself never imports a rule: it is handed the classes to run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from linter.rule import Rule

BUILTIN_PLUGINS = ("rules",)
PLUGINS_ENV = "FACTLINT_PLUGINS"


class SelectionError(ValueError):
    """An unknown rule code in --select/--ignore, a config file or the API's select/ignore."""


class Stage:
    """Where in the pipeline a rule's findings are made."""

    RULES = "rules"  # by the engine, from the document's claims
    SUPPRESS = "suppress"  # by the suppression pass (FL001: a directive that silenced nothing)


class RuleEntry(NamedTuple):
    """One line of the table: a code, its name, and where its class is (imported when first run)."""

    code: str
    name: str
    target: str  # "package.module:ClassName"
    stage: str = Stage.RULES

    def load(self) -> type[Rule]:
        module, _, attr = self.target.partition(":")
        rule: type[Rule] = getattr(import_module(module), attr)
        return rule


# The pipeline's own rule: stale suppression comments, reported by the suppress stage.
PIPELINE_RULES = (RuleEntry("FL001", "unused-suppression", "linter.suppress:UnusedSuppression", Stage.SUPPRESS),)


class Registry(NamedTuple):
    """Every rule of the configured plugins by code, and the sheet used when none is configured."""

    entries: dict[str, RuleEntry]
    default_sheet: Path | None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.entries)

    def engine_codes(self) -> tuple[str, ...]:
        return tuple(c for c, e in self.entries.items() if e.stage == Stage.RULES)

    def rule(self, code: str) -> type[Rule]:
        return _load(self.entries[code])

    def find(self, code: str) -> type[Rule] | None:
        entry = self.entries.get(code)
        return _load(entry) if entry else None

    def rules(self, codes: Iterable[str] | None = None) -> list[type[Rule]]:
        """The classes of `codes` (every rule when None), in code order."""
        chosen = self.codes if codes is None else codes
        return [self.rule(c) for c in sorted(chosen)]

    def engine_rules(self, codes: Iterable[str] | None = None) -> list[type[Rule]]:
        """The rules the engine runs among `codes` (the suppress stage makes FL001 itself)."""
        chosen = set(self.engine_codes() if codes is None else codes)
        return self.rules(c for c in self.engine_codes() if c in chosen)

    def expand(self, patterns: Iterable[str]) -> set[str]:
        """The codes the ruff-style patterns name ('FL2' is every FL2xx, 'ALL' everything); a
        pattern that names nothing is a SelectionError."""
        chosen: set[str] = set()
        for raw in patterns:
            matched = [c for c in self.codes if code_matches(c, raw)] if raw.strip() else []  # "" is no code
            if not matched:
                raise SelectionError(f"unknown rule code {raw!r} (see 'factlint rule --all')")
            chosen.update(matched)
        return chosen

    def select(self, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> set[str]:
        """Codes chosen ruff-style; ignore wins over select."""
        selected = set(self.codes) if select is None else self.expand(select)
        return selected - (set() if ignore is None else self.expand(ignore))


def code_matches(code: str, pattern: str) -> bool:
    """Does a ruff-style pattern ('FL2', 'FL201', 'ALL') name `code`?"""
    pattern = pattern.strip().upper()
    return pattern == "ALL" or (bool(pattern) and code.startswith(pattern))


@cache
def _load(entry: RuleEntry) -> type[Rule]:
    rule = entry.load()
    if rule.code != entry.code or rule.name != entry.name:
        raise RuntimeError(f"{entry.target} is {rule.code} {rule.name}, but its plugin lists {entry.code} {entry.name}")
    return rule


def plugin_names() -> tuple[str, ...]:
    extra = [p.strip() for p in os.environ.get(PLUGINS_ENV, "").split(",") if p.strip()]
    return tuple(dict.fromkeys((*BUILTIN_PLUGINS, *extra)))


@cache
def _registry(plugins: tuple[str, ...]) -> Registry:
    entries = {e.code: e for e in PIPELINE_RULES}
    default_sheet: Path | None = None
    for name in plugins:
        plugin = import_module(name)
        for code, (rule_name, target) in getattr(plugin, "RULE_TABLE", {}).items():
            entries[code] = RuleEntry(code, rule_name, target)
        if default_sheet is None and getattr(plugin, "DEFAULT_SHEET", None):
            default_sheet = Path(plugin.DEFAULT_SHEET)
    return Registry(dict(sorted(entries.items())), default_sheet)


def registry() -> Registry:
    """The registry of the configured plugins, built once per process."""
    return _registry(plugin_names())
