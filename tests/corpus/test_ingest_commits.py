"""Ingest commits what it has stored before it waits for the extraction workers, so
the write lock is free while it waits (for the reader marking an article read)."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

import pytest
from quoth.corpus import parallel
from quoth.corpus.ingest import ingest
from quoth.corpus.store import Corpus

SLOW_FROM = "a003.txt"


def slow_from_a003(path: Path) -> parallel.FileResult:
    if path.name >= SLOW_FROM:
        time.sleep(0.3)  # a worker busy with a long file
    return real_read_file_whole(path)


real_read_file_whole = parallel.read_file_whole


def visible_articles(db: Path) -> int:
    with contextlib.closing(sqlite3.connect(db)) as other:
        return other.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_stored_files_are_committed_before_waiting_for_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(6):
        (folder / f"a{number:03d}.txt").write_text(
            f"Story {number}\n\nThe mayor said bridge {number} would open in May.\n",
            encoding="utf-8",
        )
    monkeypatch.setattr(parallel, "MAX_FILES_PER_TASK", 1)
    monkeypatch.setattr(parallel, "read_file_whole", slow_from_a003)  # forked workers see it
    db = tmp_path / "c.db"
    seen: dict[str, int] = {}

    def progress(done: int, total: int, origin: str) -> None:
        if origin:
            seen[Path(origin).name] = visible_articles(db)

    with Corpus(db) as corpus:
        report = ingest(corpus, [str(folder)], progress=progress, workers=2)
    assert report.new == 6 and report.ok
    assert seen["a003.txt"] == 3  # a000-a002 committed while a003 was still being read
