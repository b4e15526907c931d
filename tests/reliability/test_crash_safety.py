"""`kill -9` in the middle of a large ingest: the database stays sound, no file is half
stored, and running the same ingest again gives exactly what a clean run gives."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SEED = 20240305
TEXT_FILES = 360
JSONL_FILES = 6
RECORDS_PER_JSONL = 40
SURNAMES = ["Okafor", "Ruiz", "Hale", "Lindqvist", "Mbeki", "Tanaka", "Novak", "Byrne"]


def _article(rng: random.Random, number: int) -> str:
    speaker = f"{rng.choice(['Ana', 'Tomas', 'Mira', 'Jon'])} {rng.choice(SURNAMES)}"
    words = " ".join(rng.choice(["council", "harbour", "budget", "vote", "bridge", "water"])
                     for _ in range(60))  # fmt: skip
    return (
        f'Item {number}: the council met.\n\nThe plan was "number {number} and fair," said '
        f"{speaker}, the council's chair.\n\n{words.capitalize()}.\n\n"
        f'"We will vote on {number} soon," {speaker.split()[1]} told reporters.\n'
    )


def make_inputs(folder: Path) -> int:
    """Many files (text and JSONL), every article distinct; returns the article count."""
    rng = random.Random(SEED)
    number = 0
    for index in range(TEXT_FILES):
        number += 1
        (folder / f"a{index:04d}.txt").write_text(_article(rng, number), encoding="utf-8")
    for index in range(JSONL_FILES):
        lines = []
        for _ in range(RECORDS_PER_JSONL):
            number += 1
            lines.append(json.dumps({"title": f"Wire {number}", "text": _article(rng, number)}))
        (folder / f"wire{index}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number


def ingest_command(folder: Path, *, commit_every: int | None = None) -> list[str]:
    """`quoth ingest`; with `commit_every`, committing after that many articles: a short
    run otherwise commits only at its end, and the kills must find a corpus part-stored."""
    if commit_every is None:
        return [sys.executable, "-m", "quoth", "ingest", str(folder)]
    script = _SMALL_TRANSACTIONS.format(articles=commit_every)
    return [sys.executable, "-c", script, "ingest", str(folder)]


_SMALL_TRANSACTIONS = """
import sys
from quoth.corpus import store
store.COMMIT_EVERY_ARTICLES = {articles}
from quoth.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def snapshot(db: Path) -> dict[str, object]:
    """What the corpus holds, in a form two runs can be compared by."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        hashes = [row[0] for row in conn.execute("SELECT content_hash FROM articles")]
        return {
            "hashes": sorted(hashes),
            "quotes": conn.execute("SELECT count(*) FROM quotes").fetchone()[0],
            "speakers": sorted(conn.execute(
                "SELECT name, quote_count, article_count FROM speakers").fetchall()),
            "origins": sorted(row[0] for row in conn.execute("SELECT origin FROM articles")),
        }  # fmt: skip


def assert_sound(db: Path) -> None:
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # The FTS index must match its content table: both are written in one transaction.
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        orphans = conn.execute(
            "SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        # One transaction per file: a JSONL file is all there or not there at all.
        for index in range(JSONL_FILES):
            stored = conn.execute(
                "SELECT count(*) FROM articles WHERE origin LIKE ?", (f"%wire{index}.jsonl%",)
            ).fetchone()[0]
            assert stored in (0, RECORDS_PER_JSONL), (index, stored)


def _remove_corpus(db: Path) -> None:
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)


def kill_at(command: list[str], env: dict[str, str], delay: float) -> int | None:
    """Start an ingest, SIGKILL it after `delay` seconds; the exit code if it finished first."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    try:
        process.wait(timeout=delay)
        return process.returncode
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)  # kill -9 of the ingest, as a user would
        process.wait()
        return None
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # its extraction workers, if any remain


def test_kill_9_at_random_points_then_rerun_gives_the_clean_result(tmp_path: Path, quoth) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    expected_articles = make_inputs(folder)

    clean_db = tmp_path / "clean.db"
    started = time.monotonic()
    clean = subprocess.run(ingest_command(folder), env=quoth.env(clean_db), capture_output=True,
                           text=True, timeout=300)  # fmt: skip
    clean_seconds = time.monotonic() - started
    assert clean.returncode == 0, clean.stderr
    expected = snapshot(clean_db)
    assert len(expected["hashes"]) == expected_articles

    rng = random.Random(SEED)
    crashed_db = tmp_path / "crashed.db"
    env = quoth.env(crashed_db)
    kills = attempts = 0
    window = clean_seconds  # how long a run lasts; shrinks if reruns prove faster
    partial: list[int] = []  # articles stored after each kill

    def killed_mid_run() -> bool:
        return any(0 < n < expected_articles for n in partial)

    # Until a kill has left a part-stored corpus too: on a loaded machine a kill may land
    # after the last commit (the corpus then starts afresh) or before the first.
    while (kills < 4 or not killed_mid_run()) and attempts < 16:
        attempts += 1
        # Before Python is up, while the schema is created, mid-run: anywhere in the run.
        delay = rng.uniform(0.05, max(0.3, window * 0.9))
        started = time.monotonic()
        finished_with = kill_at(ingest_command(folder, commit_every=40), env, delay)
        if finished_with is None:
            kills += 1
        else:  # it finished before the kill: it must have succeeded
            assert finished_with == 0
            window = min(window, time.monotonic() - started)
        if crashed_db.exists():
            assert_sound(crashed_db)
            partial.append(len(snapshot(crashed_db)["hashes"]))
            if partial[-1] == expected_articles and not killed_mid_run():
                _remove_corpus(crashed_db)  # killed too late to tell anything: start afresh
    assert kills >= 3, "the ingest finished before it could be killed: make the input larger"
    assert killed_mid_run(), partial

    rerun = subprocess.run(ingest_command(folder), env=env, capture_output=True, text=True,
                           timeout=300)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert_sound(crashed_db)
    got = snapshot(crashed_db)
    assert got["hashes"] == expected["hashes"]  # none missing, no duplicates
    assert got == expected  # quotes and the speaker index too: nothing counted twice


def test_a_kill_inside_one_file_leaves_none_of_it(tmp_path: Path, quoth) -> None:
    """Deterministic: the ingest is killed while it holds the write transaction of a
    multi-article file (SIGKILL from inside, just before COMMIT)."""
    folder = tmp_path / "in"
    folder.mkdir()
    make_inputs(folder)
    db = tmp_path / "c.db"
    script = _KILL_BEFORE_COMMIT.format(target="wire3.jsonl")
    command = [sys.executable, "-c", script, "ingest", str(folder)]
    result = subprocess.run(command, env=quoth.env(db), capture_output=True, text=True,
                            timeout=300)  # fmt: skip
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert_sound(db)
    origins = snapshot(db)["origins"]
    assert not [o for o in origins if "wire3.jsonl" in o]
    assert [o for o in origins if "a0000.txt" in o]  # files before it were committed


# Patch the store so the process kills itself after inserting every article of the target
# file but before its savepoint is released or its transaction committed: the worst moment
# for a crash. Transactions are made small, so the files well before it were committed.
_KILL_BEFORE_COMMIT = """
import os, signal, sys
from quoth.corpus import store
store.COMMIT_EVERY_ARTICLES = 50
real_add = store.CorpusWriter.add_file
def add_then_die(self, articles):
    def watched():
        dying = False
        for article in articles:
            dying = dying or "{target}" in (article.origin or "")
            yield article
        if dying:
            os.kill(os.getpid(), signal.SIGKILL)
    return real_add(self, watched())
store.CorpusWriter.add_file = add_then_die
from quoth.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


# An extraction worker dies (the OOM killer, a segfault in a C extension) on one file.
_WORKER_DIES = """
import os, signal, sys
from quoth.corpus import parallel
real_read = parallel.read_file_whole
def dying(path):
    if path.name in ("a0007.txt", "a0011.txt"):  # two in one task: each fails alone
        os.kill(os.getpid(), signal.SIGKILL)
    return real_read(path)
parallel.read_file_whole = dying
from quoth.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_dead_extraction_worker_does_not_hang_the_ingest(tmp_path: Path, quoth) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    articles = make_inputs(folder)
    command = [sys.executable, "-c", _WORKER_DIES, "ingest", str(folder)]
    env = quoth.env(tmp_path / "c.db")
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, start_new_session=True) as run:  # fmt: skip
        try:
            _, err = run.communicate(timeout=30)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(run.pid, signal.SIGKILL)
    assert "Traceback" not in err
    assert run.returncode == 1  # those files failed, the rest went on
    assert sorted(line.split(":")[0].rsplit("/", 1)[-1] for line in err.splitlines()) == [
        "a0007.txt",
        "a0011.txt",
    ]
    assert len(snapshot(tmp_path / "c.db")["hashes"]) == articles - 2
