"""Instructions the extractor executes, counted by valgrind's callgrind.

Run alone: `python tests/bench/bench_instructions.py [generated|gold|hostile]`.
Timings on a shared two-core machine wander by 20% within an hour; instruction
counts repeat to within about 0.5% whatever else runs (hash seeds and memory layout
move them a little), so two versions of the extractor can be compared by a run or
two of each. They are a proxy for time, not time: confirm a gain
with bench_extract.py's CPU figures. Needs `valgrind` on the PATH (about 15 s per
workload, most of it valgrind's slowdown).

Workloads: 60 generated articles of 2-5k characters (as bench_extract.py builds
them), the dev gold articles, or a 200 kB slice of the hostile article. The count
printed is the run's minus the same run without the extraction (interpreter start,
imports and input building cancel out).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKLOADS = ("generated", "gold", "hostile")


def build_workload(name: str) -> list[str]:
    sys.path.insert(0, str(HERE))
    import random

    from bench_extract import gold_bodies, make_article, make_hostile_article

    if name == "gold":
        return gold_bodies()
    if name == "hostile":
        return [make_hostile_article(200_000, 25_000)]
    rng = random.Random(1)
    return [make_article(rng) for _ in range(60)]


def run_workload(name: str, extracting: bool) -> None:
    """The child that valgrind watches: build the inputs, then extract them (or not)."""
    from quoth.corpus.extract import extract

    articles = build_workload(name)
    extract(articles[0][:3000])  # the lexicon loads here, in both runs
    if extracting:
        for body in articles:
            extract(body)


def instructions(name: str, extracting: bool) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        name,
        "extract" if extracting else "skip",
    ]
    stderr = subprocess.run(command, capture_output=True, text=True, check=True).stderr
    found = re.search(r"Collected : (\d+)", stderr)
    if found is None:
        raise RuntimeError(f"no instruction count from callgrind:\n{stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        run_workload(argv[1], argv[2] == "extract")
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction counts", file=sys.stderr)
        return 1
    import quoth

    print(f"extractor: {Path(quoth.__file__).parent}")
    for name in argv or WORKLOADS:
        if name not in WORKLOADS:
            print(f"unknown workload {name!r}; choose from {', '.join(WORKLOADS)}")
            return 2
        count = instructions(name, True) - instructions(name, False)
        print(f"{name}: {count / 1e6:,.1f} million instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
