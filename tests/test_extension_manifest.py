"""The extension's files, statically: one MV3 manifest for Chromium and Firefox with the minimum permissions,
every file it names present, plain strict JS with no HTML parsing of data. No browser needed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

EXTENSION = Path(__file__).resolve().parent.parent / "extension"
JS_FILES = sorted(EXTENSION.rglob("*.js"))


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))


def test_one_mv3_manifest_for_chromium_and_firefox(manifest: dict[str, Any]) -> None:
    assert manifest["manifest_version"] == 3
    background = manifest["background"]
    assert background["service_worker"] == "background/sw.js"  # Chromium
    # Firefox runs the same files as background scripts, in the order the service worker imports them.
    sw = (EXTENSION / "background" / "sw.js").read_text(encoding="utf-8")
    imported = re.search(r"importScripts\(([^)]*)\)", sw)
    assert imported is not None
    names = [name for name in re.findall(r"'([^']+)'", imported.group(1))]
    resolved = [str((EXTENSION / "background" / name).resolve().relative_to(EXTENSION)) for name in names]
    assert background["scripts"] == resolved
    gecko = manifest["browser_specific_settings"]["gecko"]
    assert gecko["id"] == "factlint@factlint.invalid"
    assert int(gecko["strict_min_version"].split(".")[0]) >= 140  # CSS Custom Highlight API in Firefox


def test_permissions_are_the_minimum(manifest: dict[str, Any]) -> None:
    assert sorted(manifest["permissions"]) == ["activeTab", "scripting", "storage"]
    assert manifest["host_permissions"] == ["http://127.0.0.1:8000/*", "http://localhost:8000/*"]  # the API only
    assert manifest["optional_host_permissions"] == ["http://*/*", "https://*/*"]  # auto-check sites, on request
    assert "content_scripts" not in manifest  # injected on click, or registered for the sites the user allows


def test_every_file_named_exists(manifest: dict[str, Any]) -> None:
    named = [
        *manifest["icons"].values(),
        *manifest["action"]["default_icon"].values(),
        manifest["action"]["default_popup"],
        manifest["options_ui"]["page"],
        *manifest["background"]["scripts"],
    ]
    inject = (EXTENSION / "background" / "inject.js").read_text(encoding="utf-8")
    for listed in re.findall(r"CONTENT_(?:JS|CSS) = \[([^\]]*)\]", inject):
        named += re.findall(r"'([^']+)'", listed)
    named.append("content/auto.js")
    for page in ["popup/popup.html", "options/options.html"]:
        html = (EXTENSION / page).read_text(encoding="utf-8")
        for ref in re.findall(r'(?:src|href)="([^"#:]+)"', html):
            named.append(str((EXTENSION / page).parent.joinpath(ref).resolve().relative_to(EXTENSION)))
    missing = [name for name in named if not (EXTENSION / name).is_file()]
    assert missing == []
    assert len(set(named)) > 20


@pytest.mark.parametrize("path", JS_FILES, ids=lambda p: str(p.relative_to(EXTENSION)))
def test_js_is_strict_and_never_parses_data_as_html(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.startswith("'use strict';\n")
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))
    for forbidden in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"]:
        assert forbidden not in code, forbidden
    assert "console." not in code  # nothing in the page's console, nor noise in the worker's
    assert len(source.splitlines()) < 300  # small files
