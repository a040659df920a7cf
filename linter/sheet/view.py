"""`factlint facts` as text: the sheet grouped by subject, with ranks and sources."""

from __future__ import annotations

from linter.sheet.model import Sheet


def render_sheet(sheet: Sheet) -> str:
    out = [f"{sheet.title}  [{sheet.id}]", f"event date: {sheet.event_date.isoformat()}", ""]
    if sheet.summary:
        out += [sheet.summary.strip(), ""]
    out.append("Sources:")
    out += [f"  {s.label()}: {s.title}" for s in sheet.sources.values()]
    for subject in dict.fromkeys(f.subject for f in sheet.facts):
        entity = sheet.entities[subject]
        out += ["", f"{entity.name} ({entity.kind})"]
        for fact in (f for f in sheet.facts if f.subject == subject):
            status = "" if fact.status == "confirmed" else f" [{fact.status}]"
            single = " [single source]" if fact.single_source else ""
            out.append(
                f"  {fact.relation}: {fact.value.display(sheet)}{status}{single}"
                f"  ({fact.id}; sources {', '.join(fact.sources)})"
            )
            if fact.note:
                out.append(f"      note: {fact.note}")
            for alt in fact.alternatives:
                who = f" per {', '.join(alt.sources)}" if alt.sources else ""
                out.append(f"      {alt.rank}: {alt.value.display(sheet)}{who}: {alt.reason}")
    return "\n".join(out)
