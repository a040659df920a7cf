"""Load: bytes or text of each kind (plain text, Markdown, HTML) into one `Document`.

`document` is the model every stage reads (and how files are read and decoded safely); `loaders`
picks a loader by kind; `files` finds the files to read. What the rest of the engine needs is
re-exported here.
"""

from linter.documents.document import (
    MAX_FILE_BYTES,
    Document,
    DocumentError,
    blank,
    decode,
    kind_for,
    read_bytes,
    read_capped,
)
from linter.documents.loaders import build_document, load_file

__all__ = [
    "MAX_FILE_BYTES",
    "Document",
    "DocumentError",
    "blank",
    "build_document",
    "decode",
    "kind_for",
    "load_file",
    "read_bytes",
    "read_capped",
]
