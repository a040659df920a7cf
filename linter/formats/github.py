"""`--format github`: GitHub Actions workflow commands, which show up as annotations on the diff.

`::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message`. HTML findings are
annotated on the file (their positions index the page's text, not its markup).
"""

from __future__ import annotations

from linter.findings import Finding
from linter.formats.common import page_position, positions_in_file, rule_for
from linter.formats.results import FileResult
from linter.sheet import Sheet


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, finding: Finding, sheet: Sheet) -> str:
    rule = rule_for(finding.rule)
    title = f"{finding.rule} {rule.name}" if rule else finding.rule
    props = [f"file={escape_property(path)}"]
    message = finding.message
    if positions_in_file(path):
        props += [
            f"line={finding.line}",
            f"col={finding.column}",
            f"endLine={finding.end_line}",
            f"endColumn={finding.end_column}",
        ]
    else:
        message = f"{message} {page_position(finding)}"
    props.append(f"title={escape_property(title)}")
    if finding.sources:
        message += f"\nexpected: {finding.expected} (sources: {'; '.join(sheet.source_labels(finding.sources))})"
    level = "error" if finding.severity == "error" else "warning"
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def render(results: list[FileResult], sheet: Sheet) -> str:
    return "".join(annotation(r.path, f, sheet) + "\n" for r in results for f in r.findings)
