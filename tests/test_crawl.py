"""`factlint crawl`: WARC files built here (some records broken) on a real distributed.LocalCluster,
with findings identical to `factlint check --extract` on the same documents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")
pytest.importorskip("warcio")
pq = pytest.importorskip("pyarrow.parquet")

from click.testing import CliRunner  # noqa: E402

from linter.cli import cli  # noqa: E402
from linter.crawl.warc import write_warc  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HTML = "text/html; charset=utf-8"
NAV = "<nav><a href='/'>Home</a> <a href='/tech'>Tech</a> <a href='/about'>About us</a></nav>"
FOOTER = "<footer><p>Copyright 2026 Example Media. All rights reserved. Subscribe to our newsletter.</p></footer>"

# Sentences that must be flagged, correct paraphrases that must not, and pages about nothing.
WRONG = [
    "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.",
    "Karpathy announced on Thursday that he had joined Anthropic.",
    "Andrej Karpathy joined Anthropic, where he reports to Dario Amodei.",
    "Andrej Karpaty said he had joined Anthropic.",
]
RIGHT = [
    "Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic.",
    "Karpathy said on Tuesday that he had joined Anthropic's pre-training team.",
    "At Tesla he reported to Elon Musk before he left to start Eureka Labs.",
]
UNRELATED = [
    "The city council approved the new budget for road repairs on Monday.",
    "Local bakers report a record season for sourdough loaves and rye bread.",
]


def html_page(title: str, sentences: list[str]) -> bytes:
    body = "".join(f"<p>{s} This was reported widely across the industry press this week.</p>" for s in sentences)
    page = f"<html><head><title>{title}</title></head><body>{NAV}<article><h1>{title}</h1>{body}</article>{FOOTER}"
    return (page + "</body></html>").encode()


def good_records(prefix: str, count: int) -> Iterator[tuple[str, str, bytes]]:
    """`count` pages mixing HTML and plain text, wrong, right and unrelated sentences."""
    pool = WRONG + RIGHT + UNRELATED
    for i in range(count):
        sentences = [pool[i % len(pool)], pool[(i * 3 + 1) % len(pool)]]
        url = f"https://news.example/{prefix}/{i}"
        if i % 3 == 2:
            yield url + ".txt", "text/plain; charset=utf-8", (" ".join(sentences) + "\n").encode()
        else:
            yield url, HTML, html_page(f"Story {prefix} {i}", sentences)


BAD = [
    ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
    (
        "https://news.example/latin",
        "text/plain; charset=iso-8859-1",
        "Karpathy a rejoint Anthropic, café.\n".encode("latin-1"),
    ),
    ("https://news.example/undeclared", "text/plain", "Karpathy a rejoint Anthropic, café.\n".encode("latin-1")),
    ("https://news.example/empty", HTML, b"   \n"),
]


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three good WARC.gz files, one with bad payloads, one cut inside a gzip member, one plain
    WARC whose last record is truncated, and one file that is not a WARC at all."""
    folder = tmp_path_factory.mktemp("warcs")
    for name in ("a", "b", "c"):
        with open(folder / f"{name}.warc.gz", "wb") as f:
            write_warc(f, good_records(name, 12))
    with open(folder / "bad.warc.gz", "wb") as f:
        write_warc(f, [*good_records("bad", 3), *BAD])
        write_warc(f, [("https://news.example/old", "text/html", b"<p>Moved</p>")], status="301 Moved Permanently")
    with open(folder / "cut.warc.gz", "wb") as f:
        write_warc(f, good_records("cut", 6))
    data = (folder / "cut.warc.gz").read_bytes()
    (folder / "cut.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    with open(folder / "short.warc", "wb") as f:
        write_warc(f, good_records("short", 4), gzip=False)
    data = (folder / "short.warc").read_bytes()
    (folder / "short.warc").write_bytes(data[:-40])
    (folder / "junk.warc.gz").write_bytes(b"\x1f\x8b" + os.urandom(300))
    return folder


def crawl(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["crawl", "--isolated", "--no-progress", *args])
    return result.exit_code, result.stdout, result.stderr


def rows(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for part in sorted((out / "jsonl").glob("*.jsonl")) for line in part.open()]


def summary(out: Path) -> dict[str, Any]:
    return json.loads((out / "summary.json").read_text())


@pytest.fixture(scope="module")
def cluster_run(archives: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from distributed import LocalCluster

    out = tmp_path_factory.mktemp("crawl") / "out"
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code, stdout, stderr = crawl(str(archives), "--out", str(out), "--scheduler", cluster.scheduler_address)
    assert code == 0, stderr
    assert "pages read:" in stdout
    return out


def key(url: str, finding: dict[str, Any]) -> tuple[Any, ...]:
    return (url, finding["rule"], finding["start"], finding["end"], finding["found"], finding["expected"])


def test_findings_identical_to_check_on_a_local_cluster(archives: Path, cluster_run: Path, tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    # The same documents as files for `factlint check`: HTML with --extract, as the crawl does.
    files: dict[str, str] = {}
    for name in ("a", "b", "c"):
        with open(archives / f"{name}.warc.gz", "rb") as f:
            for i, record in enumerate(ArchiveIterator(f)):
                url = record.rec_headers.get_header("WARC-Target-URI")
                html = "html" in record.http_headers.get_header("Content-Type")
                path = tmp_path / f"{name}-{i}.{'html' if html else 'txt'}"
                path.write_bytes(record.content_stream().read())
                files[str(path)] = url
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    checked = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--isolated", "--format", "json", "--extract", *files],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert checked.returncode == 1, checked.stderr
    expected = {key(files[f["path"]], x) for f in json.loads(checked.stdout)["files"] for x in f["findings"]}
    crawled = {
        key(r["url"], r) for r in rows(cluster_run) if r["source"].endswith(("/a.warc.gz", "/b.warc.gz", "/c.warc.gz"))
    }
    assert crawled == expected
    assert {k[1] for k in expected} >= {"FL101", "FL102", "FL201", "FL801"}
    # Every wrong sentence is caught and no correct or unrelated page has a finding.
    flagged_urls = {k[0] for k in expected}
    clean = [url for url in files.values() if url not in flagged_urls]
    assert clean, "some pages hold only correct or unrelated sentences"


def test_broken_records_are_counted_not_fatal(cluster_run: Path) -> None:
    result = summary(cluster_run)
    errors = [json.loads(line) for part in (cluster_run / "errors").glob("*.jsonl") for line in part.open()]
    by_category = {e["category"] for e in errors}
    assert by_category == {"not-text", "empty", "undecodable", "corrupt-archive", "truncated-record", "http-status"}
    assert result["bad_pages"] == len(errors) == sum(result["bad_pages_by_category"].values())
    junk = [e for e in errors if e["source"].endswith("junk.warc.gz")]
    assert len(junk) == 1 and junk[0]["category"] == "corrupt-archive"
    cut = [e for e in errors if e["source"].endswith("cut.warc.gz")]
    assert len(cut) == 1 and cut[0]["category"] == "corrupt-archive"
    # The records before each break are still linted.
    parts = [json.loads(p.read_text()) for p in (cluster_run / "parts").glob("*.json")]
    linted = {Path(p["sources"][0]).name: p["linted"] for p in parts}
    assert linted["cut.warc.gz"] > 0 and linted["short.warc"] == 3 and linted["junk.warc.gz"] == 0
    # A declared charset is honoured: the Latin-1 page is linted, not rejected.
    assert not any(e["url"].endswith("/latin") for e in errors)


def test_summary_counts(cluster_run: Path) -> None:
    result = summary(cluster_run)
    found = rows(cluster_run)
    assert result["findings"] == len(found)
    assert result["findings_by_rule"] == {
        r: sum(1 for x in found if x["rule"] == r) for r in {x["rule"] for x in found}
    }
    assert result["pages"] == result["linted"] + result["bad_pages"]
    # Pages quoting only the unrelated sentences mention no sheet entity.
    assert 0 < result["applicable"] < result["linted"]
    assert result["partitions"] == 7 and result["partitions_skipped"] == 0


def test_parquet_holds_the_same_rows(cluster_run: Path) -> None:
    table = pq.read_table(cluster_run / "parquet")
    from_parquet = sorted((r["url"], r["rule"], r["start"], r["sources"]) for r in table.to_pylist())
    from_jsonl = sorted((r["url"], r["rule"], r["start"], r["sources"]) for r in rows(cluster_run))
    assert from_parquet == from_jsonl and from_jsonl
    assert {"url", "record_id", "rule", "start", "end", "found", "expected", "sources"} <= set(table.schema.names)


def test_rerun_skips_written_partitions_and_redoes_unfinished_ones(archives: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert (
        crawl(
            str(archives / "a.warc.gz"), str(archives / "b.warc.gz"), "--out", str(out), "--scheduler", "synchronous"
        )[0]
        == 0
    )
    first = sorted(key(r["url"], r) for r in rows(out))
    markers = sorted((out / "parts").glob("*.json"))
    markers[0].unlink()  # as if the run had died while writing that partition
    code, stdout, _ = crawl(
        str(archives / "a.warc.gz"), str(archives / "b.warc.gz"), "--out", str(out), "--scheduler", "synchronous"
    )
    assert code == 0 and "skipped: 1 of 2" in stdout
    assert sorted(key(r["url"], r) for r in rows(out)) == first
    # Other options in the same folder would mix results: refused, one line, exit 2.
    code, _, stderr = crawl(str(archives / "a.warc.gz"), "--out", str(out), "--select", "FL1")
    assert code == 2 and stderr.count("\n") == 1 and str(out) in stderr


def test_folders_of_documents_and_local_processes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(WRONG[0] + "\n", encoding="utf-8")
    (docs / "sub" / "b.md").write_text(f"# Notes\n\n{RIGHT[0]}\n", encoding="utf-8")
    (docs / "c.html").write_bytes(html_page("Story", [WRONG[2]]))
    (docs / "bad.txt").write_bytes(b"caf\xe9\n")
    (docs / "notes.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    code, _, stderr = crawl(str(docs), "--out", str(out), "--batch", "2", "--workers", "2")
    assert code == 0, stderr
    found = rows(out)
    assert sorted((Path(r["url"]).name, r["rule"]) for r in found) == [("a.txt", "FL101"), ("c.html", "FL201")]
    result = summary(out)
    assert (result["pages"], result["bad_pages"], result["partitions"]) == (4, 1, 2)


def test_bad_inputs_are_one_line_errors(tmp_path: Path) -> None:
    code, _, stderr = crawl(str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert code == 2 and "missing: no such file or folder" in stderr and stderr.count("\n") == 1
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    code, _, stderr = crawl(str(tmp_path / "x.pdf"), "--out", str(tmp_path / "out"))
    assert code == 2 and "not a WARC" in stderr
    code, _, stderr = crawl(str(tmp_path), "--out", str(tmp_path / "o"), "--facts", str(tmp_path / "none.toml"))
    assert code == 2 and "none.toml" in stderr


def test_check_does_not_import_dask_or_pygls() -> None:
    probe = (
        "import sys\nfrom click.testing import CliRunner\nfrom linter.cli import cli\n"
        "CliRunner().invoke(cli, ['check', '--isolated', '-'], input='Karpathy joined Anthropic.\\n')\n"
        "heavy = ('dask', 'distributed', 'pygls', 'lsprotocol', 'warcio', 'pyarrow', 'fsspec')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"


def test_a_page_the_engine_fails_on_is_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linter.crawl.job as job

    real = job.check_document

    def flaky(text: str, kind: str, path: str, *args: Any, **kwargs: Any) -> Any:
        if path.endswith("boom.txt"):
            raise RuntimeError("a bug in a rule")
        return real(text, kind, path, *args, **kwargs)

    monkeypatch.setattr(job, "check_document", flaky)
    (tmp_path / "boom.txt").write_text(WRONG[0] + "\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text(WRONG[0] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = crawl(str(tmp_path / "boom.txt"), str(tmp_path / "fine.txt"), "--out", str(out),
                            "--scheduler", "synchronous")  # fmt: skip
    assert code == 0, stderr
    assert [Path(r["url"]).name for r in rows(out)] == ["fine.txt"]
    assert summary(out)["bad_pages_by_category"] == {"engine-error": 1}


def test_unknown_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(RIGHT[0] + "\n", encoding="utf-8")
    code, _, stderr = crawl(str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--scheduler", "proceses")
    assert code == 2 and "proceses" in stderr and stderr.count("\n") == 1


def test_several_sheets_and_suppressions_match_check(tmp_path: Path) -> None:
    """Findings merged across sheets as `check` merges them; a directive is stale only if it
    silences nothing against every sheet."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "both.txt").write_text(
        f"{WRONG[0]}\nLena Ortiz was appointed on 9 March 2025 to run the retrofit.\n", encoding="utf-8"
    )
    (docs / "silenced.md").write_text(
        f"{WRONG[1]} <!-- factlint: ignore FL102 -->\n\n{RIGHT[0]} <!-- factlint: ignore FL101 -->\n", encoding="utf-8"
    )
    (docs / "harbor.md").write_text(
        "Lena Ortiz was named on 9 March 2025. <!-- factlint: ignore FL101 -->\n", encoding="utf-8"
    )
    sheets = ["--facts", str(ROOT / "rules/sheets/karpathy-anthropic-2026.toml")]
    sheets += ["--facts", str(ROOT / "tests/sheets/harbor-bridge-2025.toml")]
    out = tmp_path / "out"
    code, _, stderr = crawl(str(docs), "--out", str(out), "--scheduler", "synchronous", *sheets)
    assert code == 0, stderr
    checked = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--isolated", "--format", "json", *sheets, str(docs)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
    )  # fmt: skip
    expected = {key(f["path"], x) for f in json.loads(checked.stdout)["files"] for x in f["findings"]}
    assert {key(r["url"], r) for r in rows(out)} == expected
    assert {(Path(k[0]).name, k[1]) for k in expected} >= {("both.txt", "FL101"), ("silenced.md", "FL001")}


def test_fsspec_urls_for_inputs_and_output() -> None:
    """Any fsspec URL: here fsspec's in-memory file system (one process, so the synchronous
    scheduler), standing in for s3:// or gs://."""
    import fsspec

    fs = fsspec.filesystem("memory")
    with fs.open("/crawl/part.warc.gz", "wb") as f:
        write_warc(f, good_records("mem", 6))
    code, _, stderr = crawl("memory://crawl/", "--out", "memory://out", "--scheduler", "synchronous")
    assert code == 0, stderr
    result = json.loads(fs.cat_file("/out/summary.json"))
    assert (result["pages"], result["linted"]) == (6, 6) and result["findings"] > 0
    lines = fs.cat_file(fs.glob("/out/jsonl/*.jsonl")[0]).decode().splitlines()
    assert len(lines) == result["findings"]
    assert all(json.loads(line)["source"] == "memory:///crawl/part.warc.gz" for line in lines)


def test_a_missing_optional_dependency_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    from linter.crawl.command import require

    with pytest.raises(SystemExit) as stop:
        require("crawl", ("dask.bag", "no_such_module_for_factlint"))
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no_such_module_for_factlint" in err and "factlint[crawl]" in err
