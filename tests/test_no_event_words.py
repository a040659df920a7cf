"""The engine knows no event: no name, alias or event word of the default sheet in its code.

Code means the string literals the engine matches text with (patterns, word lists, messages).
Docstrings, comments and rule `Example(...)` sentences are documentation: they illustrate with
the default event on purpose, since the examples run against the default sheet.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHEET = ROOT / "rules" / "sheets" / "karpathy-anthropic-2026.toml"
CODE = sorted([*ROOT.glob("linter/**/*.py"), *ROOT.glob("rules/*.py")])

# (file, word): why the word may stand there although it is also a name in the default sheet.
ALLOWED = {
    # The built-in plugin names the sheet it ships as the default (see linter/registry.py).
    ("rules/__init__.py", "karpathy"): "the embedded sheet's file name",
    ("rules/__init__.py", "anthropic"): "the embedded sheet's file name",
    # The HTML reader skips <meta> elements; 'Meta' is an organisation alias only by coincidence.
    ("linter/documents/html.py", "meta"): "the HTML <meta> tag",
    # Names of public platforms are general vocabulary every event's channel check needs, like
    # month names; the default sheet lists them only as aliases of its channel and of Meta.
    ("linter/language/en.py", "twitter"): "a public platform's name",
    ("linter/language/en.py", "facebook"): "a public platform's name",
}
# A word shorter than this (the channel 'X') cannot be told from code's own letters and is
# checked by the channel test instead: the channel pattern is built from the sheet.
SHORTEST = 3


def event_words() -> set[str]:
    """The default sheet's entity names and aliases and the words of its [vocabulary] table."""
    data = tomllib.loads(SHEET.read_text(encoding="utf-8"))
    words = set()
    for entity in data["entities"]:
        words.add(entity["name"])
        words.update(entity.get("aliases", ()))
    for values in data.get("vocabulary", {}).values():
        words.update(values)
    return {w for w in words if len(w) >= SHORTEST}


def code_strings(path: Path) -> Iterator[ast.Constant]:
    """String literals of `path` that are neither docstrings nor inside an `Example(...)` call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documentation: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                documentation.add(id(first.value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Example":
            documentation.update(id(inner) for inner in ast.walk(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in documentation:
            yield node


def found_words(text: str, words: set[str]) -> set[str]:
    return {w for w in words if re.search(r"(?<![A-Za-z0-9])" + re.escape(w) + r"(?![A-Za-z0-9])", text, re.I)}


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_event_word_in_code(path: Path) -> None:
    words = event_words()
    where = str(path.relative_to(ROOT))
    bad = [
        (node.lineno, word)
        for node in code_strings(path)
        for word in found_words(node.value, words)
        if (where, word.lower()) not in ALLOWED
    ]
    assert bad == [], f"{where}: event words in code (move them to the sheet): {bad}"


def test_the_check_can_fail(tmp_path: Path) -> None:
    """A pattern with an alias in it is caught; the same word in a docstring is not."""
    module = tmp_path / "bad.py"
    module.write_text('"""Nick Joseph is fine here."""\nPATTERN = r"(?:Joseph|lead)"\n', encoding="utf-8")
    strings = [node.value for node in code_strings(module)]
    assert strings == ["(?:Joseph|lead)"]
    assert found_words(strings[0], event_words()) == {"Joseph"}


def test_sheet_words_are_read() -> None:
    words = event_words()
    assert {"Karpathy", "pre-training", "Autopilot"} <= words
    assert "X" not in words  # too short to look for; see SHORTEST
