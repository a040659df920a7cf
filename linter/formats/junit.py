"""`--format junit`: JUnit XML, which most CI systems show as a test report.

One test suite per file; one failing test case per finding (a clean file has one passing case),
so the report lists exactly what a writer has to correct.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from linter.formats.results import FileResult
from linter.sheet import Sheet


def render(results: list[FileResult], sheet: Sheet) -> str:
    total = sum(max(1, len(r.findings)) for r in results)
    failures = sum(len(r.findings) for r in results)
    root = ET.Element(
        "testsuites", name="factlint", tests=str(total), failures=str(failures), errors="0"
    )  # fmt: skip
    for r in results:
        suite = ET.SubElement(
            root,
            "testsuite",
            name=r.path,
            tests=str(max(1, len(r.findings))),
            failures=str(len(r.findings)),
            errors="0",
            skipped="0",
        )
        if not r.findings:
            ET.SubElement(suite, "testcase", name="no findings", classname=r.path, file=r.path)
        for f in r.findings:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{f.rule} line {f.line}, column {f.column}",
                classname=r.path,
                file=r.path,
                line=str(f.line),
            )
            failure = ET.SubElement(case, "failure", message=f.message, type=f"{f.rule} {f.severity}")
            lines = [f"{r.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}"]
            lines += [f"found: {f.found.rstrip()}", f"expected: {f.expected}"]
            if f.sources:
                lines.append(f"sources: {'; '.join(sheet.source_labels(f.sources))}")
            if f.suggestion is not None:
                lines.append(f"suggestion: {f.suggestion or '(remove it)'}")
            failure.text = "\n".join(lines)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
