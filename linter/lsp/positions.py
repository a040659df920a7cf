"""Code-point offsets (what findings carry) to LSP positions and back.

LSP counts a line's characters in the negotiated encoding's code units (UTF-16 unless the client
agreed to another), and breaks lines at \\n, \\r\\n and \\r.
"""

from __future__ import annotations

import bisect
import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")
UNIT_BYTES = {"utf-8": 1, "utf-16": 2, "utf-32": 4}


class PositionMap:
    """Offsets <-> (line, character) for one text in one position encoding."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.codec = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
        self.unit = UNIT_BYTES[encoding]
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]

    def units(self, chunk: str) -> int:
        return len(chunk.encode(self.codec, "surrogatepass")) // self.unit

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character), both 0-based, of a code-point offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, self.units(self.text[self.starts[line] : offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped to the line, as LSP asks)."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        used = 0
        for index in range(start, end):
            if used >= character or self.text[index] in "\r\n":
                return index
            used += self.units(self.text[index])
        return end
