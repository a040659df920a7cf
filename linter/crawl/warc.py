"""Pages out of WARC / WARC.gz files, read with warcio; broken input becomes a `Page.problem`.

warcio stops quietly at a gzip member cut short and hands back a short payload for a truncated
record, so two checks are added: gzip members are decompressed here (`GzipMembers`, which raises
when the data ends inside a member) and each payload's read length is compared with its
Content-Length (warcio's LimitReader keeps what is left unread).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, Any

from linter.crawl.pages import Page, page_kind

PAGE_RECORDS = ("response", "resource", "conversion")
READ_SIZE = 1 << 16


class GzipMembers(io.RawIOBase):
    """Concatenated gzip members (one per WARC record, as crawlers write them) as one stream.

    Only whole members are passed on: when the data ends inside one, its partial output is
    dropped, the stream ends there and `truncated` says so (raising instead would lose what a
    buffered reader already holds)."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self.raw = raw
        self.decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self.pending = b""  # output of finished members, not yet read
        self.member = b""  # output of the member being decompressed
        self.inside = False  # bytes of the current member were fed but its end was not seen
        self.truncated = False
        self.finished = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending and not self.finished:
            chunk = self.raw.read(READ_SIZE)
            if not chunk:
                self.truncated, self.finished = self.inside, True
            self._feed(chunk)
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size

    def _feed(self, data: bytes) -> None:
        while data:
            self.member += self.decompressor.decompress(data)
            self.inside = True
            if not self.decompressor.eof:
                return
            data = self.decompressor.unused_data
            self.pending += self.member
            self.member, self.inside = b"", False
            self.decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)


def read_warc(stream: IO[bytes], name: str) -> Iterator[Page]:
    """Every page record of one WARC file, good or bad; a broken file ends with one bad page that
    says where it broke (the pages before it are kept)."""
    from warcio.archiveiterator import ArchiveIterator

    head = stream.read(2)
    raw: io.RawIOBase = _Prefixed(head, stream)
    members = GzipMembers(raw) if head == b"\x1f\x8b" else None
    count = 0
    problem = None
    try:
        for record in ArchiveIterator(io.BufferedReader(members or raw, READ_SIZE)):
            if record.rec_type not in PAGE_RECORDS:
                continue
            count += 1
            yield _page(record, name, count)
    except Exception as exc:  # any parse failure of a damaged archive: a bad record, never fatal
        problem = _why(exc)
    if problem is None and members is not None and members.truncated:
        problem = "the file ends inside a gzip member (truncated)"
    if problem is not None:
        where = f"{name}#after-{count}"
        yield Page(url=name, record_id=where, source=name, problem=f"corrupt WARC after record {count}: {problem}")


def _page(record: Any, name: str, number: int) -> Page:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or f"{name}#{number}"
    record_id = headers.get_header("WARC-Record-ID") or f"{name}#{number}"
    http = record.http_headers
    content_type = (http.get_header("Content-Type") if http else None) or headers.get_header("Content-Type") or ""
    data = record.content_stream().read()
    left = getattr(record.raw_stream, "limit", 0)
    if left:
        return Page(url, record_id, name, problem=f"truncated record ({left} byte(s) of its payload missing)")
    status = http.get_statuscode() if http else None
    if status and not status.startswith("2"):
        return Page(url, record_id, name, problem=f"HTTP status {status}: not a page (redirect or error)")
    mime, _, params = content_type.partition(";")
    kind = page_kind(mime.strip().lower(), url)
    if kind is None:
        return Page(url, record_id, name, problem=f"not a text or HTML payload ({mime.strip() or 'no Content-Type'})")
    return Page(url, record_id, name, kind=kind, data=data, charset=_charset(params))


def _charset(params: str) -> str | None:
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _why(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class _Prefixed(io.RawIOBase):
    """`head` then the rest of `stream`: the sniffed bytes put back without seeking (fsspec URLs)."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def write_warc(
    stream: IO[bytes], records: Iterable[tuple[str, str, bytes]], gzip: bool = True, status: str = "200 OK"
) -> None:
    """Write (url, content type, payload) as HTTP response records, as a crawler would (tests,
    `bench/crawl.py`, or turning a folder of pages into an archive)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(stream, gzip=gzip)
    for url, content_type, payload in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        writer.write_record(record)
