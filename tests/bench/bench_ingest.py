"""Ingest throughput, end to end: `quoth ingest` on generated input, in the two
shapes users have: one JSON Lines dump, and a folder of plain-text files.

    python tests/bench/bench_ingest.py [--articles 5000] [--runs 3] [--only dump|folder]

Prints articles per second (median of the runs) for the whole command:
reading, extraction, storage and indexing. Goal: >= 1,000 articles/s on 2 cores.
Also the CPU time of the main process (reading streamed input, storing, indexing)
and of the extraction workers (reading small files, extracting), medians too: on a
shared machine they move less than the wall time does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FIRST = ["Maria", "James", "Aisha", "Tomas", "Li", "Priya", "Oleg", "Grace", "Samuel", "Nadia"]
LAST = ["Okafor", "Miller", "Haddad", "Ruiz", "Chen", "Sharma", "Ivanov", "Walsh", "Berg", "Khan"]
ROLES = [
    "the finance minister",
    "a spokesman for the ministry",
    "the council leader",
    "the company's chief executive",
    "a senior official",
]
ORGS = ["the Health Ministry", "the State Department", "the city council", "the central bank"]
VERBS = ["said", "told reporters", "added", "warned", "noted"]
TOPICS = ["budget", "bridge", "strike", "election", "flood defences", "trade talks", "hospital"]


def _paragraph(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    topic = rng.choice(TOPICS)
    forms = [
        f'"We will not let the {topic} fall behind schedule, whatever it costs," {name}, '
        f"{rng.choice(ROLES)}, {rng.choice(VERBS)} on Tuesday.",
        f"{rng.choice(ORGS).capitalize()} said the {topic} would be reviewed by an independent "
        f"panel before the end of the year, according to a statement.",
        f'{name} said: "The {topic} is the most important question this city faces, and '
        f'everyone here knows it."',
        f"Officials, speaking on condition of anonymity, said the {topic} plan had been "
        f"delayed twice already because of disagreements over funding.",
        f"The {topic} has drawn criticism from residents, who say they were not consulted "
        f"before the first phase of the work began last spring.",
    ]
    return rng.choice(forms)


def write_dump(path: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            paragraphs = [_paragraph(rng) for _ in range(rng.randint(8, 16))]
            paragraphs.append(f"Reference number {index}.")  # keeps every body unique
            record = {
                "title": f"{rng.choice(TOPICS).capitalize()} row deepens ({index})",
                "text": "\n\n".join(paragraphs),
                "date": f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}",
                "source": rng.choice(["Coast Daily", "The Ledger", "Wire Service"]),
            }
            line = json.dumps(record)
            size += len(line)
            out.write(line + "\n")
    return size // count


def write_folder(folder: Path, dump: Path) -> None:
    """The dump's articles as one .txt file each (headline, date line, body)."""
    folder.mkdir()
    with dump.open(encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            record = json.loads(line)
            text = f"{record['title']}\n\nPublished: {record['date']}\n\n{record['text']}\n"
            (folder / f"a{index:06d}.txt").write_text(text, encoding="utf-8")


# `quoth ingest`, then the CPU time of this process and of its (reaped) workers, as JSON.
_MEASURED = """
import json, resource, sys
from quoth.__main__ import main
code = main(sys.argv[2:])
own, workers = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
with open(sys.argv[1], "w") as out:
    json.dump({"main": own.ru_utime + own.ru_stime,
               "workers": workers.ru_utime + workers.ru_stime}, out)
sys.exit(code)
"""


@dataclass(frozen=True)
class Run:
    wall: float
    main_cpu: float
    workers_cpu: float


def run_once(target: Path, workdir: Path) -> Run:
    db = workdir / f"bench-{time.perf_counter_ns()}.db"
    usage = workdir / "usage.json"
    env = {**os.environ, "QUOTH_DB": str(db)}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(usage), "ingest", str(target)],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"ingest failed: {result.stderr.strip()[:500]}")
    cpu = json.loads(usage.read_text())
    return Run(elapsed, cpu["main"], cpu["workers"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["dump", "folder"], help="measure one shape only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        dump = workdir / "dump.jsonl"
        mean_chars = write_dump(dump, args.articles)
        folder = workdir / "folder"
        write_folder(folder, dump)
        print(
            f"ingest: {args.articles} articles (~{mean_chars} chars each), {os.cpu_count()} cores"
        )
        shapes = {"dump": ("one JSONL dump", dump), "folder": ("a folder of .txt files", folder)}
        for shape, (label, target) in shapes.items():
            if args.only in (None, shape):
                report(label, [run_once(target, workdir) for _ in range(args.runs)], args.articles)


def report(label: str, runs: list[Run], articles: int) -> None:
    times = [run.wall for run in runs]
    median = statistics.median(times)
    main_cpu = statistics.median(run.main_cpu for run in runs)
    workers_cpu = statistics.median(run.workers_cpu for run in runs)
    print(
        f"  {label}: wall median {median:.2f} s over {len(runs)} runs "
        f"(min {min(times):.2f}, max {max(times):.2f}) = "
        f"{articles / median:,.0f} articles/s (goal >= 1,000)"
    )
    print(
        f"    CPU medians: main process {main_cpu:.2f} s, extraction workers "
        f"{workers_cpu:.2f} s, together {main_cpu + workers_cpu:.2f} s = "
        f"{articles / (main_cpu + workers_cpu):,.0f} articles per CPU-second"
    )


if __name__ == "__main__":
    main()
