"""Where a cold `factlint check` spends its imports: `python -X importtime`, summed by package.

    python bench/importtime.py FILE [runs]

Runs the command `runs` times (bytecode and the compiled-pattern cache warm), takes each module's
median self time and prints the totals per top-level package, largest first, and the slowest
modules. The figures feed `docs/performance.md`'s cold-start breakdown.

`-X importtime` times only `import` statements: the rule modules, which the registry imports with
`importlib.import_module`, and whatever they import first, are missing from its report. Their
CPU time is measured apart (`rules via the registry`), in a process that has already imported
the rest of a check.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections import defaultdict


def self_times(argv: list[str]) -> dict[str, int]:
    """Microseconds of self time per imported module, from one run's `-X importtime` report."""
    run = subprocess.run([sys.executable, "-X", "importtime", *argv], capture_output=True, text=True, check=False)
    out: dict[str, int] = {}
    for line in run.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        out[name.strip()] = int(own)
    return out


RULES_PROBE = """
import time
from linter import regex_cache
regex_cache.enable()
import linter.config, linter.runner  # what a check imports before its rules
from linter.registry import registry
start = time.process_time()
registry().engine_rules()
print(round((time.process_time() - start) * 1e6))
"""


def rules_import_us() -> int:
    """CPU microseconds of importing every rule module (and what only they import)."""
    run = subprocess.run([sys.executable, "-c", RULES_PROBE], capture_output=True, text=True, check=True)
    return int(run.stdout.strip())


def main() -> None:
    path, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 7
    samples: dict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        for name, us in self_times(["-m", "linter", "check", path]).items():
            samples[name].append(us)
    median = {name: statistics.median(v) for name, v in samples.items()}
    rules_us = statistics.median(rules_import_us() for _ in range(runs))
    groups: dict[str, float] = defaultdict(float)
    for name, us in median.items():
        top = name.split(".")[0]
        groups[top if top in {"linter", "rules", "click", "rapidfuzz", "ahocorasick"} else "other"] += us
    linter = {n: us for n, us in median.items() if n.startswith("linter")}
    print(f"median self time of imports over {runs} runs of `factlint check {os.path.basename(path)}`\n")
    print("| package | ms |\n|---|---:|")
    for name, us in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {us / 1000:.1f} |")
    print(f"| **all** | {sum(groups.values()) / 1000:.1f} |")
    print(f"| rules via the registry (CPU, not in the total) | {rules_us / 1000:.1f} |\n")
    print("| slowest linter modules | ms |\n|---|---:|")
    for name, us in sorted(linter.items(), key=lambda kv: -kv[1])[:12]:
        print(f"| `{name}` | {us / 1000:.1f} |")


if __name__ == "__main__":
    main()
