"""The canonical fact sheet: entities, facts with typed values, ranks and sources.

Modelled on Wikidata statements: a fact is subject + relation + typed value + qualifiers, backed by
source ids, with a rank. Values known to be wrong are kept as `deprecated` alternatives (they are
what mistakes look like) and contested values as `disputed` ones. A fact whose own status is
`disputed` can only ever produce warnings.

Sheets are TOML files. Loading validates them and reports problems as `SheetError` with file and
line, so a broken sheet is a one-line message, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from linter.language.en import WEEKDAYS

ENTITY_KINDS = {"person", "organisation", "team", "product", "outlet", "channel", "event"}
VALUE_TYPES = {
    "date": {"date"},
    "entity": {"entity"},
    "title": {"title"},
    "years": {"from"},
    "duration": {"years"},
    "amount": {"amount", "unit"},
    "count": {"count"},
    "quote": {"text"},
    "text": {"text"},
}
VALUE_OPTIONAL = {
    "date": {"precision"},
    "entity": set(),
    "title": {"aliases", "org", "past"},
    "years": {"to", "org", "role"},
    "duration": {"approx", "at_least"},
    "amount": {"approx", "as_of", "what"},
    "count": {"approx", "at_least", "what"},
    "quote": {"speaker", "channel"},
    "text": {"aliases"},
}
# Optional fields added after factlint 0.1.0 (older sheets simply leave them out). A quote marked
# `complete` is the whole text, so words quoted before or after it are additions; by default a
# quote is an excerpt of a longer text, and words beyond its ends may be the rest of that text.
VALUE_OPTIONAL["quote"] = VALUE_OPTIONAL["quote"] | {"complete"}
STATUSES = {"confirmed", "disputed"}
ALT_RANKS = {"deprecated", "disputed"}


class SheetError(Exception):
    """A fact sheet that cannot be used; `str()` is the one-line message users see."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: invalid fact sheet: {problem}")


class Source(NamedTuple):
    """An article the sheet's facts come from; findings name it next to the expected value."""

    id: str
    outlet: str
    title: str = ""
    published: dt.date | None = None
    note: str = ""
    url: str | None = None  # where the article can be read, when known

    def label(self) -> str:
        """'ChatForest (2026-05-20)': how a source is named next to a finding."""
        when = f", {self.published.isoformat()}" if self.published else ""
        return f"{self.id} {self.outlet}{when}"


class Entity(NamedTuple):
    """A person, organisation, team, product, outlet, channel or event the facts are about."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    description: str = ""
    part_of: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every exact spelling that refers to this entity."""
        return (self.name, *self.aliases)


class Value(NamedTuple):
    """A typed value. `data` holds the type's fields exactly as the sheet states them."""

    type: str
    data: dict[str, Any]

    def __hash__(self) -> int:
        return hash(self.type)  # `data` is a dict: equal values share their type, which is enough

    @property
    def date(self) -> dt.date:
        day: dt.date = self.data["date"]
        return day

    @property
    def entity(self) -> str:
        return str(self.data["entity"])

    @property
    def text(self) -> str:
        return self.data.get("text") or self.data.get("title") or ""

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(self.data.get("aliases", ()))

    @property
    def number(self) -> float:
        for key in ("amount", "count", "years"):
            if key in self.data:
                return float(self.data[key])
        raise KeyError("value has no number")

    def display(self, sheet: Sheet | None = None) -> str:
        """The value as a person reads it, e.g. 'Tuesday 19 May 2026' or 'Nick Joseph'."""
        d = self.data
        if self.type == "date":
            day: dt.date = d["date"]
            if d.get("precision") == "month":
                return day.strftime("%B %Y")
            return f"{WEEKDAYS[day.weekday()]} {day.day} {day.strftime('%B %Y')}"
        if self.type == "entity":
            ent = sheet.entities.get(d["entity"]) if sheet else None
            return ent.name if ent else d["entity"]
        if self.type == "years":
            end = d.get("to")
            return f"{d['from']}–{end}" if end and end != d["from"] else str(d["from"])
        if self.type in {"duration", "count", "amount"}:
            return format_number_value(self)
        return self.text


def format_number_value(value: Value) -> str:
    """'about 1 year', 'more than 20', '$30 billion': numbers with their hedge and unit."""
    d = value.data
    hedge = "more than " if d.get("at_least") else "about " if d.get("approx") else ""
    if value.type == "amount":
        amount = float(d["amount"])
        unit = d["unit"]
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if amount >= scale:
                shown = f"{amount / scale:g} {word}"
                break
        else:
            shown = f"{amount:g}"
        return f"{hedge}${shown}" if unit == "USD" else f"{hedge}{shown} {unit}"
    if value.type == "duration":
        years = float(d["years"])
        return f"{hedge}{years:g} year{'s' if years != 1 else ''}"
    return f"{hedge}{d['count']}"


class Alternative(NamedTuple):
    """Another value for a fact: `deprecated` (known wrong) or `disputed` (some source says so)."""

    value: Value
    rank: str
    reason: str = ""
    sources: tuple[str, ...] = ()


class Fact(NamedTuple):
    """One statement: subject + relation + typed value, its sources, rank and wrong alternatives.
    Never changed once read, so the empty `qualifiers` default is shared."""

    id: str
    subject: str
    relation: str
    value: Value
    sources: tuple[str, ...]
    status: str = "confirmed"
    qualifiers: dict[str, Any] = {}  # noqa: RUF012 (read only, see above)
    cues: tuple[str, ...] = ()
    note: str = ""
    alternatives: tuple[Alternative, ...] = ()

    def __hash__(self) -> int:
        return hash(self.id)  # `qualifiers` is a dict; equal facts share their id

    @property
    def severity(self) -> str:
        """A disputed fact never yields more than a warning."""
        return "warning" if self.status == "disputed" else "error"

    @property
    def single_source(self) -> bool:
        return len(self.sources) == 1

    @property
    def org(self) -> str | None:
        return self.qualifiers.get("org") or self.value.data.get("org")

    def alternatives_ranked(self, rank: str) -> tuple[Alternative, ...]:
        return tuple(a for a in self.alternatives if a.rank == rank)


class Sheet:
    """Compared and hashed by identity: a loaded sheet is compiled once and cached."""

    def __init__(
        self,
        id: str,
        title: str,
        path: str,
        event_date: dt.date,
        summary: str = "",
        protagonist: str | None = None,
        sources: dict[str, Source] | None = None,
        entities: dict[str, Entity] | None = None,
        facts: list[Fact] | None = None,
        vocabulary: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.id, self.title, self.path, self.event_date = id, title, path, event_date
        self.summary, self.protagonist = summary, protagonist
        self.sources: dict[str, Source] = {} if sources is None else sources
        self.entities: dict[str, Entity] = {} if entities is None else entities
        self.facts: list[Fact] = [] if facts is None else facts
        # Event words of the optional [vocabulary] table (see `read_vocabulary`); empty for old sheets.
        self.vocabulary: dict[str, tuple[str, ...]] = {} if vocabulary is None else vocabulary

    def __repr__(self) -> str:
        return f"Sheet(id={self.id!r}, path={self.path!r}, facts={len(self.facts)})"

    def facts_for(self, relation: str) -> list[Fact]:
        return self._by_relation.get(relation, [])

    def facts_of_type(self, value_type: str) -> list[Fact]:
        return self._by_type.get(value_type, [])

    def facts_about(self, subject: str, value_type: str | None = None) -> list[Fact]:
        """The facts about `subject` (of one value type, if given), in the sheet's order."""
        return self._by_subject.get((subject, value_type), [])

    def fact(self, fact_id: str) -> Fact:
        return self._by_id[fact_id]

    def facts_by_subject(self, relation: str) -> dict[str, list[Fact]]:
        """A relation's facts grouped by subject: one person may have several (a reporting line
        at each employer), told apart by their qualifiers."""
        return self._by_relation_and_subject.get(relation, {})

    def facts_at_org(self, relation: str, org: str | None) -> list[Fact]:
        """A relation's facts placed at `org` (None: at no organisation), in the order of
        `facts_by_subject`: who else holds a post there, without a walk over everyone's posts."""
        return self._by_relation_and_org.get((relation, org), [])

    def facts_of_types(self, *value_types: str) -> list[Fact]:
        """The facts of any of `value_types`, in the sheet's order (made once per set of types)."""
        key = frozenset(value_types)
        found = self._by_types.get(key)
        if found is None:
            found = self._by_types[key] = [f for f in self.facts if f.value.type in key]
        return found

    @cached_property
    def people(self) -> frozenset[str]:
        """The people the event is about: every person a fact is about, and the protagonist."""
        about = {f.subject for f in self.facts if self.entities[f.subject].kind == "person"}
        return frozenset(about | ({self.protagonist} if self.protagonist else set()))

    # Indexes made on first use, once the sheet is read: a reader asking which facts concern a
    # subject or a type does not walk every fact, so a larger sheet costs little more per claim.
    @cached_property
    def _by_relation(self) -> dict[str, list[Fact]]:
        table: dict[str, list[Fact]] = {}
        for fact in self.facts:
            table.setdefault(fact.relation, []).append(fact)
        return table

    @cached_property
    def _by_type(self) -> dict[str, list[Fact]]:
        table: dict[str, list[Fact]] = {}
        for fact in self.facts:
            table.setdefault(fact.value.type, []).append(fact)
        return table

    @cached_property
    def _by_subject(self) -> dict[tuple[str, str | None], list[Fact]]:
        table: dict[tuple[str, str | None], list[Fact]] = {}
        for fact in self.facts:
            table.setdefault((fact.subject, None), []).append(fact)
            table.setdefault((fact.subject, fact.value.type), []).append(fact)
        return table

    @cached_property
    def _by_relation_and_subject(self) -> dict[str, dict[str, list[Fact]]]:
        table: dict[str, dict[str, list[Fact]]] = {}
        for fact in self.facts:
            table.setdefault(fact.relation, {}).setdefault(fact.subject, []).append(fact)
        return table

    @cached_property
    def _by_relation_and_org(self) -> dict[tuple[str, str | None], list[Fact]]:
        table: dict[tuple[str, str | None], list[Fact]] = {}
        for relation, by_subject in self._by_relation_and_subject.items():
            for facts in by_subject.values():
                for fact in facts:
                    table.setdefault((relation, fact.org), []).append(fact)
        return table

    @cached_property
    def _by_types(self) -> dict[frozenset[str], list[Fact]]:
        return {}

    @cached_property
    def _by_id(self) -> dict[str, Fact]:
        return {fact.id: fact for fact in self.facts}

    def source_labels(self, ids: tuple[str, ...]) -> list[str]:
        return [self.sources[i].label() if i in self.sources else i for i in ids]

    def to_dict(self) -> dict[str, Any]:
        """The sheet as JSON-ready data (for `factlint facts --format json` and `GET /v1/facts`)."""

        def plain(obj: Any) -> Any:
            if isinstance(obj, dt.date):
                return obj.isoformat()
            if isinstance(obj, dict):
                return {k: plain(v) for k, v in obj.items()}
            if isinstance(obj, (list, tuple)):
                return [plain(v) for v in obj]
            return obj

        data: dict[str, Any] = plain(
            {
                "id": self.id,
                "title": self.title,
                "event_date": self.event_date,
                "summary": self.summary,
                "sources": [s._asdict() for s in self.sources.values()],
                "entities": [e._asdict() for e in self.entities.values()],
                "facts": [
                    {
                        "id": f.id,
                        "subject": f.subject,
                        "relation": f.relation,
                        "value": {"type": f.value.type, **f.value.data},
                        "display": f.value.display(self),
                        "status": f.status,
                        "sources": f.sources,
                        "qualifiers": f.qualifiers,
                        "note": f.note,
                        "alternatives": [
                            {
                                "rank": a.rank,
                                "value": {"type": a.value.type, **a.value.data},
                                "reason": a.reason,
                                "sources": a.sources,
                            }
                            for a in f.alternatives
                        ],
                    }
                    for f in self.facts
                ],
            }
        )
        return data


# ----------------------------------------------------------------------------------------- loading


class _Reader:
    """Validates one parsed TOML document, pointing errors at the line that holds the bad entry."""

    def __init__(self, path: str, raw: str) -> None:
        self.path = path
        self.lines = raw.splitlines()

    def line_of(self, key_id: str | None) -> int | None:
        if not key_id:
            return None
        pattern = re.compile(r'^\s*id\s*=\s*["\']' + re.escape(key_id) + r'["\']')
        for number, line in enumerate(self.lines, 1):
            if pattern.search(line):
                return number
        return None

    def fail(self, where: str | None, problem: str) -> SheetError:
        return SheetError(self.path, self.line_of(where), problem)

    def need(self, table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str | None) -> Any:
        if key not in table:
            raise self.fail(where, f"{where or 'entry'}: missing '{key}'")
        value = table[key]
        if not isinstance(value, kind):
            raise self.fail(where, f"{where or 'entry'}: '{key}' has the wrong type")
        return value

    def value(self, table: Any, where: str, entities: dict[str, Entity]) -> Value:
        if not isinstance(table, dict):
            raise self.fail(where, f"{where}: value must be a table like {{type = 'date', date = 2026-05-19}}")
        vtype = table.get("type")
        if vtype not in VALUE_TYPES:
            raise self.fail(where, f"{where}: unknown value type {vtype!r} (known: {', '.join(sorted(VALUE_TYPES))})")
        data = {k: v for k, v in table.items() if k != "type"}
        missing = VALUE_TYPES[vtype] - data.keys()
        if missing:
            raise self.fail(where, f"{where}: {vtype} value needs {', '.join(sorted(missing))}")
        unknown = data.keys() - VALUE_TYPES[vtype] - VALUE_OPTIONAL[vtype]
        if unknown:
            raise self.fail(where, f"{where}: unknown field(s) {', '.join(sorted(unknown))} in {vtype} value")
        if vtype == "date" and not isinstance(data["date"], dt.date):
            raise self.fail(where, f"{where}: date must be a TOML date like 2026-05-19")
        if not isinstance(data.get("complete", False), bool):
            raise self.fail(where, f"{where}: complete must be true or false")
        for ref_key in ("entity", "org", "speaker"):
            ref = data.get(ref_key)
            if ref is not None and ref not in entities:
                raise self.fail(where, f"{where}: unknown entity {ref!r} in value")
        return Value(vtype, data)


def load_sheet(path: str | Path) -> Sheet:
    """Read and validate a sheet file; raises SheetError with file and line on any problem.

    The model is never cached on disk (a pickled one could run code, issue 11); the parsed TOML
    is, as plain JSON data that is validated again on every load (`linter.sheet.stored`).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SheetError(str(path), None, "file not found") from None
    except OSError as exc:
        raise SheetError(str(path), None, f"cannot read: {exc.strerror}") from None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SheetError(str(path), None, f"not valid UTF-8 (byte {exc.start})") from None
    return parse_sheet(raw, str(path))


def parse_sheet(raw: str, path: str) -> Sheet:
    from linter.sheet.stored import parsed_toml

    try:
        doc = parsed_toml(raw, path)
    except ValueError as exc:  # tomllib is imported only when the TOML is parsed: its error is checked here
        from tomllib import TOMLDecodeError

        if not isinstance(exc, TOMLDecodeError):
            raise
        # Python 3.11 puts the position only in the message: "... (at line 5, column 8)".
        where = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        message = str(exc)[: where.start()].strip() if where else str(exc)
        raise SheetError(path, int(where[1]) if where else None, f"TOML syntax: {message}") from None
    r = _Reader(path, raw)
    meta = doc.get("sheet")
    if not isinstance(meta, dict):
        raise SheetError(path, 1, "missing [sheet] table with id, title and event_date")
    event_date = r.need(meta, "event_date", dt.date, None)
    sheet = Sheet(
        id=r.need(meta, "id", str, None),
        title=r.need(meta, "title", str, None),
        path=path,
        event_date=event_date,
        summary=meta.get("summary", ""),
        protagonist=meta.get("protagonist"),
    )
    for src in doc.get("sources", []):
        sid = r.need(src, "id", str, None)
        sheet.sources[sid] = Source(
            id=sid,
            outlet=r.need(src, "outlet", str, sid),
            title=src.get("title", ""),
            published=src.get("published"),
            note=src.get("note", ""),
            url=r.need(src, "url", str, sid) if "url" in src else None,
        )
    for ent in doc.get("entities", []):
        eid = r.need(ent, "id", str, None)
        if eid in sheet.entities:
            raise r.fail(eid, f"duplicate entity id {eid!r}")
        kind = r.need(ent, "kind", str, eid)
        if kind not in ENTITY_KINDS:
            raise r.fail(eid, f"{eid}: unknown entity kind {kind!r}")
        sheet.entities[eid] = Entity(
            id=eid,
            kind=kind,
            name=r.need(ent, "name", str, eid),
            aliases=tuple(ent.get("aliases", ())),
            gender=ent.get("gender"),
            description=ent.get("description", ""),
            part_of=ent.get("part_of"),
        )
    if sheet.protagonist is not None and sheet.protagonist not in sheet.entities:
        raise SheetError(path, 1, f"[sheet] protagonist names unknown entity {sheet.protagonist!r}")
    for ent in sheet.entities.values():
        if ent.part_of and ent.part_of not in sheet.entities:
            raise r.fail(ent.id, f"{ent.id}: part_of names unknown entity {ent.part_of!r}")
    seen: set[str] = set()
    for raw_fact in doc.get("facts", []):
        fid = r.need(raw_fact, "id", str, None)
        if fid in seen:
            raise r.fail(fid, f"duplicate fact id {fid!r}")
        seen.add(fid)
        sheet.facts.append(_read_fact(r, raw_fact, fid, sheet))
    if not sheet.facts:
        raise SheetError(path, None, "the sheet has no [[facts]]")
    sheet.vocabulary = read_vocabulary(doc.get("vocabulary"), path)
    return sheet


def _read_fact(r: _Reader, raw: dict[str, Any], fid: str, sheet: Sheet) -> Fact:
    subject = r.need(raw, "subject", str, fid)
    if subject not in sheet.entities:
        raise r.fail(fid, f"{fid}: unknown subject entity {subject!r}")
    sources = tuple(r.need(raw, "sources", list, fid))
    for sid in sources:
        if sid not in sheet.sources:
            raise r.fail(fid, f"{fid}: unknown source id {sid!r}")
    status = raw.get("status", "confirmed")
    if status not in STATUSES:
        raise r.fail(fid, f"{fid}: status must be one of {', '.join(sorted(STATUSES))}")
    qualifiers = raw.get("qualifiers", {})
    for key in ("org",):
        if key in qualifiers and qualifiers[key] not in sheet.entities:
            raise r.fail(fid, f"{fid}: qualifier {key} names unknown entity {qualifiers[key]!r}")
    alternatives = []
    for alt in raw.get("alternatives", []):
        rank = alt.get("rank")
        if rank not in ALT_RANKS:
            raise r.fail(fid, f"{fid}: alternative rank must be 'deprecated' or 'disputed'")
        for sid in alt.get("sources", []):
            if sid not in sheet.sources:
                raise r.fail(fid, f"{fid}: unknown source id {sid!r} in alternative")
        alternatives.append(
            Alternative(
                value=r.value(alt.get("value"), fid, sheet.entities),
                rank=rank,
                reason=alt.get("reason", ""),
                sources=tuple(alt.get("sources", ())),
            )
        )
    return Fact(
        id=fid,
        subject=subject,
        relation=r.need(raw, "relation", str, fid),
        value=r.value(raw.get("value"), fid, sheet.entities),
        sources=sources,
        status=status,
        qualifiers=qualifiers,
        cues=tuple(raw.get("cues", ())),
        note=raw.get("note", ""),
        alternatives=tuple(alternatives),
    )


def builtin_sheet_path() -> Path:
    """The sheet used when none is configured: the one the rule plugins ship (see linter.registry)."""
    from linter.registry import registry

    path = registry().default_sheet
    if path is None:
        raise SheetError("<builtin>", None, "no plugin provides a default sheet; pass --facts")
    return path


@lru_cache(maxsize=1)
def default_sheet() -> Sheet:
    """The embedded sheet, loaded and validated once per process."""
    return load_sheet(builtin_sheet_path())


VOCABULARY_KEYS = {"title_words", "function_words"}


def read_vocabulary(table: Any, path: str) -> dict[str, tuple[str, ...]]:
    """The optional `[vocabulary]` table: lists of event words the engine must not hard-code
    (`title_words`: words a title may hold; `function_words`: words that say what a team does).
    Sheets without it (the 0.1.0 format) load with an empty one."""
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise SheetError(path, None, "[vocabulary] must be a table of word lists")
    out: dict[str, tuple[str, ...]] = {}
    for key, words in table.items():
        if key not in VOCABULARY_KEYS:
            raise SheetError(
                path, None, f"[vocabulary] unknown key {key!r}; allowed: {', '.join(sorted(VOCABULARY_KEYS))}"
            )
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise SheetError(path, None, f"[vocabulary] {key} must be a list of strings")
        out[key] = tuple(words)
    return out
