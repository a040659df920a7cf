"""Every rule's own example table: flagged examples must be flagged on exactly the named span,
clean examples must stay silent (for that rule and, for precision, for every rule)."""

from __future__ import annotations

import pytest

from linter.api import check_text
from linter.registry import registry

CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{i}-{'flag' if example.flags else 'clean'}")
    for rule in registry().engine_rules()
    for i, example in enumerate(rule.examples)
]


def test_every_rule_has_flagged_and_clean_examples() -> None:
    for rule in registry().rules():
        assert any(e.flags for e in rule.examples), rule.code
        assert any(not e.flags for e in rule.examples), rule.code
        assert rule.__doc__ and rule.code.startswith("FL"), rule


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule, example) -> None:
    _, findings = check_text(example.text, whole_page=False)  # an example is a sentence, not a page
    mine = [f for f in findings if f.rule == rule.code]
    if example.flags:
        assert [f.found for f in mine] == [example.flags], findings
        assert all(example.text[f.start : f.end] == f.found for f in mine)
    else:
        assert findings == [], findings
