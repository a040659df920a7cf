"""Issue 11, the command-line rows: deep HTML, FIFOs and devices, a planted cache file, `--fix`
through links and on protected files, unreadable folders, thousands of suppressions, and the
smaller ones (failed files in JSON, UTF-16, no "All clear" with exit 2, a config message)."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import pickle
import resource
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import linter
from linter.api import check_text
from linter.cli import cli
from linter.documents import MAX_FILE_BYTES
from tests.helpers import work

ROOT = Path(__file__).resolve().parent.parent
WRONG = "Andrej Karpathy announced on 12 June 2026 that he had joined Anthropic.\n"
FIXED = "Andrej Karpathy announced on 19 May 2026 that he had joined Anthropic.\n"
BOSS = "Karpathy reports to Sam Altman."


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def run_process(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, with 1 GiB of address space (a runaway read fails fast)."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit_memory,
    )


# Row 1: nesting deeper than Python's recursion limit.
@pytest.mark.parametrize("depth", [1_000, 20_000])
def test_deeply_nested_html_is_linted_and_later_files_too(tmp_path: Path, depth: int) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * depth + BOSS + "</div>" * depth + "</body></html>")
    later = tmp_path / "later.txt"
    later.write_text(WRONG)
    code, out, err = run("check", "--format", "json", str(page), str(later))
    assert code == 1 and "Traceback" not in err and "RecursionError" not in out + err
    files = {Path(f["path"]).name: [x["rule"] for x in f["findings"]] for f in json.loads(out)["files"]}
    assert files == {"deep.html": ["FL201"], "later.txt": ["FL101"]}


def test_deeply_nested_html_through_the_api_is_not_a_500() -> None:
    from server.app import create_app

    client = create_app({"TESTING": True, "warm_up": False}).test_client()
    for extract in (False, True):
        html = "<div>" * 5_000 + BOSS + "</div>" * 5_000
        response = client.post("/v1/check", json={"html": html, "extract": extract})
        assert response.status_code == 200, (extract, response.data)


# Row 2: only regular files are read, and at most MAX_FILE_BYTES of them.
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "real.txt").write_text(WRONG)
    for target in (tmp_path / "pipe.txt", tmp_path):  # named, and met while walking a folder
        result = run_process("check", str(target), timeout=60)
        assert result.returncode == 2, result.stderr
        assert "pipe.txt: not a regular file (a FIFO)" in result.stderr
    assert "FL101" in result.stdout  # the regular file beside it is still linted


def test_a_link_to_a_device_is_refused_not_read(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = run_process("check", str(tmp_path / "zero.txt"), timeout=60)
    assert result.returncode == 2 and "MemoryError" not in result.stderr
    expected = f"{tmp_path / 'zero.txt'}: not a regular file (a character device); only regular files are read"
    assert result.stderr.strip() == f"factlint: error: {expected}"


def test_a_file_over_the_size_cap_is_a_clear_error(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MAX_FILE_BYTES // 5 + 1))
    code, _, err = run("check", str(big))
    assert code == 2 and f"big.txt: larger than {MAX_FILE_BYTES // 2**20} MiB" in err


def test_stdin_over_the_size_cap_is_a_clear_error() -> None:
    code, out, err = run("check", "-", input=b"word " * (MAX_FILE_BYTES // 5 + 1))
    assert code == 2 and "<stdin>: larger than" in err and "All clear" not in out


# Row 3: nothing read from a cache directory can run code.
class Planted:
    """Unpickling this would create the file: the payload of a planted cache entry."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.marker,))


def test_a_planted_pickle_in_the_cache_never_runs(tmp_path: Path) -> None:
    sheet = ROOT / "rules" / "sheets" / "karpathy-anthropic-2026.toml"
    marker = tmp_path / "pwned"
    cache = tmp_path / "cache"
    # Where 0.1.0 looked, under every base it honoured: the key was predictable from the sheet's bytes.
    key = hashlib.blake2b(sheet.read_bytes() + linter.__version__.encode(), digest_size=16).hexdigest()
    for base in (cache / "factlint", cache):
        (base / "sheets").mkdir(parents=True, exist_ok=True)
        (base / "sheets" / f"{key}.pickle").write_bytes(pickle.dumps(Planted(marker)))
    article = tmp_path / "a.txt"
    article.write_text(WRONG)
    env = {"FACTLINT_CACHE_DIR": str(cache / "factlint"), "XDG_CACHE_HOME": str(cache), "HOME": str(tmp_path)}
    for extra in ((), ("--facts", str(sheet))):
        result = run_process("check", *extra, str(article), env=env)
        assert result.returncode == 1, result.stderr
    assert not marker.exists()
    assert sorted(p.name for p in (cache / "factlint" / "sheets").iterdir()) == [f"{key}.pickle"]  # nothing new


# Row 4: --fix through links and on files it must not replace.
def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real" / "article.md"
    target.parent.mkdir()
    target.write_text(WRONG)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    code, _, err = run("check", "--fix", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == FIXED
    assert not [p for p in target.parent.iterdir() if p.name != "article.md"]  # no temporary file left


def test_fix_refuses_a_read_only_file(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(WRONG)
    article.chmod(0o444)
    code, _, err = run("check", "--fix", str(article))
    assert code == 2 and f"{article}: read-only (mode 444); fixes not written" in err
    assert article.read_text() == WRONG and stat.S_IMODE(article.stat().st_mode) == 0o444


def test_fix_refuses_to_split_hard_links(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(WRONG)
    twin = tmp_path / "twin.md"
    os.link(article, twin)
    code, _, err = run("check", "--fix", str(article))
    assert code == 2 and "has 2 hard links" in err
    assert article.read_text() == WRONG and os.path.samefile(article, twin)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_fix_keeps_the_owner_of_a_file_owned_by_another_user(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(WRONG)
    os.chown(article, 65534, 65534)
    code, _, err = run("check", "--fix", str(article))
    assert code == 0, err
    info = article.stat()
    assert article.read_text() == FIXED and (info.st_uid, info.st_gid) == (65534, 65534)


def test_fix_fsyncs_the_folder_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.md"
    article.write_text(WRONG)
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        synced.append("folder" if stat.S_ISDIR(mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert run("check", "--fix", str(article))[0] == 0
    assert synced == ["file", "folder"]


# Row 5: a folder that cannot be listed is an error naming it.
def test_an_unreadable_subfolder_is_an_error_not_all_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text(FIXED)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(WRONG)
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # what a 0000 folder does for a user who is not root
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for fmt in ("text", "json"):
        code, out, err = run("check", "--format", fmt, str(tmp_path))
        assert code == 2 and "All clear" not in out
        assert err.strip().splitlines() == [f"factlint: error: {locked}: cannot read folder (Permission denied)"]
    assert [f.get("error") for f in json.loads(out)["files"]] == [
        None,
        f"{locked}: cannot read folder (Permission denied)",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_for_real(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(FIXED)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)
    try:
        code, _, err = run("check", str(tmp_path))
    finally:
        locked.chmod(0o755)
    assert code == 2 and f"{locked}: cannot read folder" in err


# Row 8: suppressions in linear time.
@pytest.mark.parametrize(
    "unit",
    ["<!-- factlint: ignore FL101 -->\n", "Karpathy joined Anthropic. <!-- factlint: ignore -->\n",
     "<!-- factlint: disable FL101 -->\nx\n<!-- factlint: enable FL101 -->\n", "<!-- factlint: disable FL2 --> "],
)  # fmt: skip
def test_thousands_of_suppressions_take_linear_time(unit: str) -> None:
    small, large = 1_000, 8_000
    check_text(unit * 10, kind="markdown")  # warm: patterns and the sheet are built once per process
    ratio = work(lambda: check_text(unit * large, kind="markdown")) / work(
        lambda: check_text(unit * small, kind="markdown")
    )
    assert ratio < 20, f"{large // small}x the comments took {ratio:.1f}x the work (quadratic would be 64x)"


def test_many_suppressions_still_suppress_and_report_stale_ones() -> None:
    text = f"<!-- factlint: ignore FL101 -->\n{WRONG}\n" * 500 + "<!-- factlint: ignore FL101 -->\n" * 500
    _, findings = check_text(text, kind="markdown")
    assert {f.rule for f in findings} == {"FL001"} and len(findings) == 500


# Row 12: the smaller ones.
def test_json_lists_the_files_that_failed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(WRONG)
    (tmp_path / "empty.txt").write_text("")
    code, out, _ = run("check", "--format", "json", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"))
    assert code == 2
    files = json.loads(out)["files"]
    assert [(Path(f["path"]).name, len(f["findings"]), "error" in f) for f in files] == [
        ("good.txt", 1, False),
        ("empty.txt", 0, True),
    ]
    assert files[1]["error"] == f"{tmp_path / 'empty.txt'}: empty file, nothing to lint"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_text_and_fixed_in_place(tmp_path: Path, codec: str) -> None:
    boms = {"utf-16": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": codecs.BOM_UTF32_LE}
    encoding = {"utf-16": "utf-16-le", "utf-16-be": "utf-16-be", "utf-32": "utf-32-le"}[codec]
    article = tmp_path / "a.txt"
    article.write_bytes(boms[codec] + WRONG.encode(encoding))
    code, out, err = run("check", str(article))
    assert code == 1 and "FL101" in out and "binary" not in err
    assert run("check", "--fix", str(article))[0] == 0
    assert article.read_bytes() == boms[codec] + FIXED.encode(encoding)


def test_nul_bytes_without_a_bom_are_still_binary(tmp_path: Path) -> None:
    blob = tmp_path / "a.txt"
    blob.write_bytes(b"\x00\x01\x02 Karpathy")
    code, _, err = run("check", str(blob))
    assert code == 2 and "binary file" in err


def test_no_all_clear_when_every_file_failed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    code, out, _ = run("check", str(tmp_path / "empty.txt"))
    assert code == 2 and "All clear" not in out
    assert out.strip() == "No findings in 0 files checked. 1 file had errors (see above)."


def test_an_unknown_code_in_the_config_points_at_the_rule_list(tmp_path: Path) -> None:
    (tmp_path / ".factlint.toml").write_text('ignore = ["FL999"]\n')
    (tmp_path / "a.txt").write_text(WRONG)
    code, _, err = run("check", str(tmp_path / "a.txt"))
    assert code == 2 and err.strip().endswith("ignore: unknown rule code 'FL999' (see 'factlint rule')"), err


def test_an_empty_code_never_turns_every_rule_off(tmp_path: Path) -> None:
    from linter.registry import SelectionError, registry

    with pytest.raises(SelectionError):
        registry().select(ignore=[""])
    (tmp_path / ".factlint.toml").write_text('ignore = [""]\n')
    (tmp_path / "a.txt").write_text(WRONG)
    code, out, _ = run("check", "--ignore", "", str(tmp_path / "a.txt"))
    assert code == 1 and "FL101" in out
