"""The default sheet made `factor` times as large, for measuring what a sheet's size costs.

Two kinds of copy, both with every id renamed (so each copy is facts about other people):
- shared (the default, the harder case): each copy keeps the originals' name words, with a word
  added ('Andrej Karpathy Zq1'), and their quotations, so every name token in a page is near 16
  people's names and every quotation is 16 people's. A worst case no real sheet reaches.
- distinct: each copy's names and quotations are words of its own ('Azqbndrej Kzqbarpathy'), as
  in a sheet that covers other events too; cue words, titles and values stay shared, since
  another event is announced, joined and dated with the same words.
"""

from __future__ import annotations

import re
from pathlib import Path

from linter.sheet import Sheet, parse_sheet

ROOT = Path(__file__).resolve().parent.parent
ENTITIES = "# ----------------------------------------------------------------------------------------- entities"
IDS = re.compile(r'(id|subject|entity|org|speaker|part_of) = "([^"]+)"')
NAME = re.compile(r'(name) = "([^"]+)"')
ALIASES = re.compile(r"aliases = \[([^\]]*)\]")
QUOTE_TEXT = re.compile(r'(\{ type = "quote",[^\n]*?\btext = ")([^"]+)(")')
WORD = re.compile(r"[A-Za-z]+")


def scaled_sheet(factor: int, distinct: bool = False) -> Sheet:
    """The default sheet plus (factor - 1) renamed copies of every entity and fact."""
    raw = (ROOT / "rules" / "sheets" / "karpathy-anthropic-2026.toml").read_text(encoding="utf-8")
    head, _, body = raw.partition(ENTITIES)
    copies = [body]
    for i in range(1, factor):
        copy = IDS.sub(rf'\1 = "\2-{i}"', body)
        copies.append(_own_words(copy, i) if distinct else _name_added(copy, i))
    return parse_sheet(head + "\n".join(copies), f"x{factor}{'d' if distinct else ''}")


def _name_added(copy: str, i: int) -> str:
    copy = NAME.sub(rf'\1 = "\2 Zq{i}"', copy)
    return ALIASES.sub("aliases = []", copy)


def _own_words(copy: str, i: int) -> str:
    """Every word of a name, an alias and a quotation made the copy's own: 'Andrej' -> 'Azqbndrej'."""
    tag = "zq" + chr(ord("a") + i % 26) * (1 + i // 26)

    def own(text: str) -> str:
        return WORD.sub(lambda w: w[0][0] + tag + w[0][1:].lower(), text)

    copy = NAME.sub(lambda m: f'{m[1]} = "{own(m[2])}"', copy)
    copy = ALIASES.sub(lambda m: f"aliases = [{own(m[1])}]", copy)
    return QUOTE_TEXT.sub(lambda m: m[1] + own(m[2]) + m[3], copy)
