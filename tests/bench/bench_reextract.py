"""Re-extraction throughput: `quoth reextract` over a corpus an older quoth stored.

    python tests/bench/bench_reextract.py [--articles 3000] [--runs 3]

Builds a corpus from bench_ingest's generated dump, marks every article stale, then
re-extracts it from a fresh copy each run: with the CLI (worker processes on every
core) and in this process (one core, as for a small corpus). Prints articles per
second and CPU seconds, medians of the runs (the machine is shared: CPU time moves
less than wall time does).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_ingest import write_dump  # noqa: E402 - a sibling script, not a package


def build_stale_corpus(folder: Path, articles: int) -> Path:
    dump = folder / "dump.jsonl"
    write_dump(dump, articles)
    db = folder / "stale.db"
    env = {**os.environ, "QUOTH_DB": str(db)}
    subprocess.run([sys.executable, "-m", "quoth", "ingest", str(dump)], check=True,
                   env=env, capture_output=True)  # fmt: skip
    conn = sqlite3.connect(db, isolation_level=None)  # autocommit: then the checkpoint
    conn.execute("UPDATE articles SET extractor_version = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


def fresh_copy(db: Path, folder: Path) -> Path:
    copy = folder / "run.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(db, copy)
    return copy


def run_cli(db: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of quoth and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quoth", "reextract", "--db", str(db)], check=True,
                   capture_output=True)  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def run_in_process(db: Path) -> tuple[float, float]:
    from quoth.corpus.reextract import reextract
    from quoth.corpus.store import Corpus

    with Corpus(db) as corpus:
        ids = corpus.article_ids()
        start, cpu_start = time.perf_counter(), time.process_time()
        reextract(corpus, ids, workers=1)
        return time.perf_counter() - start, time.process_time() - cpu_start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = build_stale_corpus(folder, args.articles)
        for label, run in (("CLI, worker processes", run_cli), ("in-process", run_in_process)):
            walls, cpus = [], []
            for _ in range(args.runs):
                wall, cpu = run(fresh_copy(db, folder))
                walls.append(wall)
                cpus.append(cpu)
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            print(f"{label}: {args.articles} articles in {wall:.2f} s "
                  f"({args.articles / wall:,.0f} articles/s), CPU {cpu:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
