"""A corpus that cannot be read is an error, never an empty result ("no articles match")."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.search import SearchEngine
from quoth.corpus.store import Corpus, CorpusError


def _damaged_corpus(path: Path) -> Path:
    """A corpus whose header and schema are fine but whose middle pages are garbage."""
    body = "Story {}: the council met about the harbour bridge today. " + "Words. " * 80
    articles = [Article(body=body.format(n), title=f"Story {n}") for n in range(400)]
    with Corpus(path) as corpus:
        corpus.add_articles(articles)
    with contextlib.closing(sqlite3.connect(path)) as conn:  # one file, no WAL beside it
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    middle = len(data) // page // 2
    for number in range(middle, middle + 12):
        data[number * page + 8 : (number + 1) * page] = b"\xa5" * (page - 8)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("query", ["harbour", "council bridge", ""])
def test_damage_raises_a_one_line_corpus_error_naming_the_file(tmp_path: Path, query: str) -> None:
    db = _damaged_corpus(tmp_path / "damaged.db")
    with Corpus(db) as corpus, pytest.raises(CorpusError) as caught:
        SearchEngine(corpus).search(query)
    message = str(caught.value)
    assert str(db) in message and "damaged" in message and "\n" not in message


def test_an_unusable_connection_is_an_error_and_the_next_search_starts_afresh(
    tmp_path: Path,
) -> None:
    db = tmp_path / "c.db"
    with Corpus(db) as corpus:
        corpus.add_articles([Article(body="The harbour bridge opened today.", title="Bridge")])
        engine = SearchEngine(corpus)
        assert engine.search("harbour").total == 1
        saved, corpus.conn = corpus.conn, sqlite3.connect(":memory:")  # no tables at all
        with pytest.raises(CorpusError, match=str(db)):
            engine.search("harbour bridge")  # would narrow the previous query
        corpus.conn = saved
        engine.refresh()
        assert engine.search("harbour bridge").total == 1


def test_cli_search_on_a_damaged_corpus_fails_with_one_line(tmp_path: Path) -> None:
    db = _damaged_corpus(tmp_path / "damaged.db")
    env = {**os.environ, "QUOTH_DB": str(db), "NO_COLOR": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
    result = subprocess.run([sys.executable, "-m", "quoth", "search", "harbour"],
                            capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert str(db) in line and "damaged" in line
    assert "no articles match" not in result.stdout + result.stderr
