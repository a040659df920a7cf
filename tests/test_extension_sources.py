"""A sheet's `[[sources]]` may give a `url` (optional, default none): it reaches the API's `source_details`,
where the extension's card and the page at / turn it into a link. Sheets without it load as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.sheet import SheetError, load_sheet
from server.app import create_app

HARBOR = Path(__file__).parent / "sheets" / "harbor-bridge-2025.toml"
URL = "https://port-gazette.example/ortiz-retrofit"


def with_url(tmp_path: Path, url_line: str) -> Path:
    text = HARBOR.read_text(encoding="utf-8").replace(
        'outlet = "Port Gazette"\n', f'outlet = "Port Gazette"\n{url_line}\n'
    )
    path = tmp_path / "harbor.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sheets_without_url_still_load_with_none() -> None:
    sheet = load_sheet(HARBOR)
    assert {sid: src.url for sid, src in sheet.sources.items()} == {"h1": None, "h2": None}


def test_a_wrong_url_type_names_the_file_and_line(tmp_path: Path) -> None:
    path = with_url(tmp_path, "url = 42")
    with pytest.raises(SheetError) as error:
        load_sheet(path)
    assert str(error.value) == f"{path}:8: invalid fact sheet: h1: 'url' has the wrong type"


def test_url_reaches_the_api_source_details(tmp_path: Path) -> None:
    client = create_app({"sheets": [with_url(tmp_path, f'url = "{URL}"')], "warm_up": False}).test_client()
    text = "Lena Ortiz, the new chief engineer, reports to Maria Diaz at the Port Authority."
    answer = client.post("/v1/check", json={"text": text, "sheet": "harbor-bridge-2025"}).get_json()
    details = [d for f in answer["findings"] for d in f["source_details"]]
    assert details, answer
    assert {d["id"]: d["url"] for d in details} == {"h1": URL}
    # The default sheet gives no URL for any source (none is known): null, not a guess.
    default = client.post("/v1/check", json={"text": "Karpathy reports to Sam Altman."}).get_json()
    assert {d["url"] for f in default["findings"] for d in f["source_details"]} == {None}
