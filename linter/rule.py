"""The shape of a rule: a stable code, a docstring with examples, and a `check` recipe."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, NamedTuple

from linter.annotate.analysis import Analysis
from linter.findings import Applicability, Finding


class Example(NamedTuple):
    """A case from the rule's own table: `flags` is the text the finding must cover, or None
    when the sentence must stay silent."""

    text: str
    flags: str | None = None
    published: str | None = None


class Rule:
    """Base class. Subclasses set `code`, `name`, `examples` and implement `check`."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    examples: ClassVar[tuple[Example, ...]] = ()
    # Claims are judged only where the text asserts them (see Analysis.asserts); a misspelled
    # name is wrong even inside a question, so the names rule turns this off.
    judges_claims: ClassVar[bool] = True
    # Whether `--fix` may apply this rule's suggestions unasked (see `linter.findings.Applicability`).
    fix_applicability: ClassVar[Applicability] = Applicability.SAFE

    def check(self, doc: Analysis) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def explain(cls) -> str:
        """What `factlint rule CODE` prints: the docstring plus the rule's example table."""
        lines = [f"{cls.code} ({cls.name})", "", _doc(cls)]
        flagged = [e for e in cls.examples if e.flags]
        clean = [e for e in cls.examples if not e.flags]
        if flagged:
            lines += ["", "Flagged:"] + [f"  - {e.text}   [{e.flags}]" for e in flagged]
        if clean:
            lines += ["", "Not flagged:"] + [f"  - {e.text}" for e in clean]
        return "\n".join(lines)

    @classmethod
    def summary(cls) -> str:
        return _doc(cls).split("\n", 1)[0]


def _doc(cls: type) -> str:
    """A rule's docstring, dedented; `inspect` (5 ms) is imported only when one is shown."""
    import inspect

    return inspect.cleandoc(cls.__doc__ or "")
