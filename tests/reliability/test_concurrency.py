"""Concurrent use: two ingests at once, readers during a write, a corpus we cannot write."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from quoth.corpus import store
from quoth.corpus.model import Article
from quoth.corpus.search import SearchEngine
from quoth.corpus.store import Corpus, CorpusError


def _write_articles(folder: Path, prefix: str, count: int, start: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(start, start + count):
        (folder / f"{prefix}{number:04d}.txt").write_text(
            f"Story {number}\n\nThe harbour board said story {number} was "
            f'"settled at last," said chair Ana Ruiz. ' + "Filler words for the body. " * 40,
            encoding="utf-8",
        )


def _hashes(db: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return sorted(row[0] for row in conn.execute("SELECT content_hash FROM articles"))


def test_two_ingests_at_once_both_finish(tmp_path: Path, quoth) -> None:
    """On a corpus that does not exist yet (both race to create the schema), with
    overlapping inputs (both try to store the same articles)."""
    first, second, both = tmp_path / "first", tmp_path / "second", tmp_path / "both"
    _write_articles(first, "f", 120)
    _write_articles(second, "s", 120, start=1000)
    _write_articles(both, "b", 60, start=2000)
    db = tmp_path / "shared.db"
    env = quoth.env(db)
    runs = [
        subprocess.Popen([sys.executable, "-m", "quoth", "ingest", str(first), str(both)],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
        subprocess.Popen([sys.executable, "-m", "quoth", "ingest", str(both), str(second)],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
    ]  # fmt: skip
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    assert len(_hashes(db)) == 300 == len(set(_hashes(db)))
    stored_new = sum(int(out.split()[0]) for out, _ in outputs)
    assert stored_new == 300  # each shared article counted new exactly once


def test_two_first_ingests_race_to_create_the_corpus(tmp_path: Path, quoth) -> None:
    """Both see an empty file and both want to create the schema: the second must notice
    the first did it (it used to fail with "table articles already exists")."""
    _write_articles(tmp_path / "in", "x", 2)
    for round_number in range(4):
        db = tmp_path / f"race{round_number}.db"
        runs = [
            subprocess.Popen([sys.executable, "-m", "quoth", "ingest", str(path)],
                             env=quoth.env(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
            for path in sorted((tmp_path / "in").iterdir())
        ]  # fmt: skip
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
        assert len(_hashes(db)) == 2


def test_a_writer_waits_past_the_busy_timeout(tmp_path: Path, monkeypatch) -> None:
    """Another ingest may hold the write lock longer than the busy timeout (one large
    streamed file): the second writer keeps waiting instead of failing."""
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        release = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
        release.start()
        try:
            result = corpus.add_articles([Article(body="The mayor said it would wait.",
                                                  title="Waited")])  # fmt: skip
        finally:
            release.join()
            holder.close()
        assert result.new == 1


def test_a_writer_gives_up_with_a_clear_message(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(store, "WRITE_WAIT_SECONDS", 0.3)
    db = tmp_path / "c.db"
    with (
        Corpus(db) as corpus,
        contextlib.closing(sqlite3.connect(db, isolation_level=None)) as holder,
    ):
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(CorpusError, match="another process is writing") as caught:
            corpus.add_articles([Article(body="Never stored here.", title="No")])
        holder.execute("ROLLBACK")
        assert "\n" not in str(caught.value)
        assert corpus.article_count() == 0
        corpus.add_articles([Article(body="Stored once the lock is free.", title="Yes")])
        assert corpus.article_count() == 1  # the connection is still usable


def test_a_reader_keeps_working_while_an_ingest_writes(tmp_path: Path, quoth) -> None:
    folder = tmp_path / "in"
    _write_articles(folder, "r", 400)
    db = tmp_path / "c.db"
    with Corpus(db):
        pass  # the schema exists before the reader opens, as with a user's corpus
    ingest = subprocess.Popen([sys.executable, "-m", "quoth", "ingest", str(folder)],
                              env=quoth.env(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)  # fmt: skip
    counts: list[int] = []
    queries_during_write = 0
    with Corpus(db) as reader:  # as the TUI opens it: writable, WAL
        engine = SearchEngine(reader)
        while ingest.poll() is None:
            counts.append(reader.article_count())
            engine.search("harbour", limit=5)
            reader.summaries()
            queries_during_write += 1
            time.sleep(0.02)
        _, err = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, err
        counts.append(reader.article_count())
        engine.refresh()  # the engine searches a snapshot until told the corpus changed
        assert len(engine.search("harbour", limit=1000).hits) == 400
    assert queries_during_write >= 3
    assert counts == sorted(counts) and counts[-1] == 400  # it saw the corpus grow


@pytest.fixture
def shared_corpus(tmp_path: Path) -> Path:
    db = tmp_path / "shared.db"
    with Corpus(db) as corpus:
        corpus.add_articles([Article(body='The mayor said "the bridge is safe" today.',
                                     title="Bridge safe")])  # fmt: skip
    return db


def test_a_corpus_we_cannot_write_opens_read_only(shared_corpus: Path, monkeypatch) -> None:
    """Root may write anything, so the user's lack of permission is simulated."""
    real_access = os.access

    def access(path, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and Path(path) == shared_corpus:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    with Corpus.open(shared_corpus) as corpus:
        assert corpus.readonly
        assert corpus.article_count() == 1
        assert [hit.title for hit in SearchEngine(corpus).search("bridge").hits] == ["Bridge safe"]
        with pytest.raises(CorpusError, match="read-only"):
            corpus.add_articles([Article(body="More text.", title="More")])


def test_cli_on_a_read_only_corpus(
    shared_corpus: Path, tmp_path: Path, quoth, read_only_cli: list[str]
) -> None:
    article = tmp_path / "new.txt"
    article.write_text(quoth.good_article, encoding="utf-8")
    before = shared_corpus.read_bytes()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [*read_only_cli, *args]
        return subprocess.run(command, text=True, capture_output=True,
                              env=quoth.env(shared_corpus), timeout=120)  # fmt: skip

    for args in (("stats",), ("search", "bridge"), ("show", "1"), ("export",)):
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout.strip()
    refused = run("ingest", str(article))
    quoth.no_traceback(refused)
    assert refused.returncode == 1
    (line,) = refused.stderr.splitlines()
    assert "read-only" in line and str(shared_corpus) in line
    assert shared_corpus.read_bytes() == before


def test_marking_read_waits_for_an_ingest_then_saves(tmp_path: Path, monkeypatch) -> None:
    """The reader marks an article read while an ingest holds the write lock."""
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        corpus.add_articles([Article(body="The mayor said it was read.", title="Read me")])
        (summary,) = corpus.summaries()
        holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.8, lambda: holder.execute("COMMIT"))
        release.start()
        try:
            corpus.set_read(summary.id)
        finally:
            release.join()
            holder.close()
        assert corpus.reading_state(summary.id) == (True, False)
