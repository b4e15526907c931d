"""Streamed input (stdin, large files): articles go to the workers in batches and only
their quotes and speakers come back; the result is what one process stores."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from quoth.corpus import parallel
from quoth.corpus.ingest import ingest
from quoth.corpus.store import Corpus


def dump(count: int) -> bytes:
    lines = []
    for number in range(count):
        body = (f'"The bridge number {number} opens in May," said Ana Ruiz, the mayor.\n\n'
                f"Officials said the cost of bridge {number} had doubled.")  # fmt: skip
        lines.append(json.dumps({"title": f"Bridge {number}", "text": body}))
    lines.insert(3, "{not json")
    return ("\n".join(lines) + "\n").encode("utf-8")


def stored(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT a.title, q.text, q.kind, q.speaker, q.start, q.end FROM quotes q "
            "JOIN articles a ON a.id = q.article_id ORDER BY a.id, q.start"
        ).fetchall()


def test_workers_store_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "BATCH_SIZE", 4)  # several batches in flight
    reports = {}
    for workers in (1, 2):
        with Corpus(tmp_path / f"w{workers}.db") as corpus:
            stdin = io.BytesIO(dump(21))
            reports[workers] = ingest(corpus, ["-"], stdin=stdin, workers=workers)
    assert reports[1] == reports[2]
    assert reports[2].new == 21 and len(reports[2].failures) == 1  # the broken line
    with_workers = stored(tmp_path / "w2.db")
    assert with_workers == stored(tmp_path / "w1.db")
    assert len(with_workers) == 42 and with_workers[-1][0] == "Bridge 20"
    assert {row[3] for row in with_workers if row[2] == "direct"} == {"Ana Ruiz"}


@pytest.mark.parametrize("worker_says_known", [False, True])
def test_a_stream_read_again_adds_only_its_new_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker_says_known: bool
) -> None:
    """Workers skip extracting what the corpus holds; the store decides what is new
    (even when a worker took a new article for a stored one)."""
    monkeypatch.setattr(parallel, "BATCH_SIZE", 4)
    if worker_says_known:
        monkeypatch.setattr(parallel.KnownBodies, "has", lambda self, content_hash: True)
    with Corpus(tmp_path / "c.db") as corpus:
        first = ingest(corpus, ["-"], stdin=io.BytesIO(dump(18)), workers=2)
        again = ingest(corpus, ["-"], stdin=io.BytesIO(dump(21)), workers=2)
    assert (first.new, again.new, again.duplicates) == (18, 3, 18)
    with Corpus(tmp_path / "clean.db") as clean:
        ingest(clean, ["-"], stdin=io.BytesIO(dump(21)), workers=1)
    assert stored(tmp_path / "c.db") == stored(tmp_path / "clean.db")
