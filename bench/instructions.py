"""Instructions the engine executes on the generated corpus, per git revision (valgrind's callgrind).

    python bench/instructions.py                       # HEAD against HEAD~1, 8 articles
    python bench/instructions.py BASE REV ... --articles 8
    python bench/instructions.py BASE REV --sheet-factor 16   # also with a sheet 16 times as large
    python bench/instructions.py BASE REV --sheet-factor 16d  # ... whose copies have their own names

On a shared machine CPU time swings by a factor of two with the neighbours' load; the count of
instructions executed does not move at all between runs, so two revisions can be compared to the
per cent. Each revision is exported with `git archive` into a temporary folder and
`bench/profile_engine.py` runs there twice under callgrind, with N articles and with none; the
difference is the engine's own work on the N articles (imports and start-up cancel out; with
`--baseline B` the run on B articles is subtracted instead, so one-time work done while the
first articles are read cancels out too). Needs
valgrind (Debian package `valgrind`); callgrind runs Python about 50 times slower, so keep N small.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLLECTED = re.compile(r"Collected : (\d+)")


def export(rev: str, folder: Path) -> None:
    """The revision's tracked files, as committed."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")


def instructions(folder: Path, articles: int, sheet_factor: str = "1") -> int:
    """Instructions callgrind counts for `bench/profile_engine.py ARTICLES` run in `folder`."""
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, "bench/profile_engine.py", str(articles), "1", "--no-profile",
    ]  # fmt: skip
    if sheet_factor != "1":
        command += ["--sheet-factor", sheet_factor]
    # No on-disk pattern cache (what it held from earlier runs would change the count) and one
    # hash seed (set and dict orders move the count by a few million otherwise).
    env = {**os.environ, "PYTHONPATH": str(folder), "FACTLINT_NO_CACHE": "1", "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env)
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"bench/instructions.py: callgrind failed in {folder}:\n{done.stderr[-2000:]}")
    return int(found[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revisions", nargs="*", default=["HEAD~1", "HEAD"], help="git revisions [HEAD~1 HEAD]")
    parser.add_argument("--articles", type=int, default=8, help="generated articles (profile_engine.py's corpus)")
    parser.add_argument(
        "--baseline",
        type=int,
        default=0,
        help="articles of the run subtracted [0]: 3 or more leaves one-time work (a word list loaded on first use) out",
    )
    parser.add_argument(
        "--sheet-factor",
        type=sheet_factor,
        action="append",
        help="also count with the default sheet this many times over, 'd' after it for copies with"
        " names and quotations of their own (bench.scaled_sheet; repeatable)",
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench/instructions.py: needs valgrind (apt-get install valgrind)")
    counted = f"{args.articles} articles" if not args.baseline else f"articles {args.baseline + 1}-{args.articles}"
    factors = ["1", *(args.sheet_factor or [])]
    extra = "".join(f" sheet x{f} |" for f in factors[1:])
    print(f"| revision | engine instructions, {counted} | ratio to the first |{extra}")
    print("|---|---:|---:|" + "---:|" * (len(factors) - 1))
    first = None
    # Resolved first: a commit made while this runs must not change what HEAD means.
    commits = [(rev, resolve(rev)) for rev in args.revisions]
    for rev, commit in commits:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            export(commit, folder)
            # This version's driver (it knows --sheet-factor) and corpus recipe over the revision's
            # engine and articles (`bench.generated` reads the paragraphs of the revision's own).
            for driver in ("profile_engine.py", "generated.py", "scaled_sheet.py"):
                shutil.copy(ROOT / "bench" / driver, folder / "bench" / driver)
            counts = [instructions(folder, args.articles, f) - instructions(folder, args.baseline, f) for f in factors]
        engine = counts[0]
        first = first or engine
        scaled = "".join(f" {c / 1e6:,.0f} M ({c / engine:.2f}x) |" for c in counts[1:])
        print(f"| {rev} (`{commit[:7]}`) | {engine / 1e6:,.0f} M | {engine / first:.2f} |{scaled}", flush=True)


def sheet_factor(text: str) -> str:
    """'16' (copies sharing the originals' names) or '16d' (copies with names of their own)."""
    if re.fullmatch(r"[1-9]\d*d?", text) is None:
        raise argparse.ArgumentTypeError(f"{text!r}: a whole number, 'd' after it for distinct copies")
    return text


def resolve(rev: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", rev], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench/instructions.py: {rev}: not a git revision")
    return done.stdout.strip()


if __name__ == "__main__":
    main()
