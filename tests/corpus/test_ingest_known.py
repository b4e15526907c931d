"""Ingesting a folder again: workers skip extracting what the corpus already holds,
and the store still decides what is new."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from quoth.corpus import parallel
from quoth.corpus.ingest import ingest
from quoth.corpus.store import Corpus


def write_folder(folder: Path, first: int, count: int) -> None:
    folder.mkdir(exist_ok=True)
    for number in range(first, first + count):
        (folder / f"a{number:03d}.txt").write_text(
            f'Story {number}\n\n"Bridge {number} opens in May," said Ana Ruiz, the mayor.\n\n'
            f"Officials said bridge {number} had cost twice the estimate.\n",
            encoding="utf-8",
        )


def quotes(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT a.title, q.text, q.kind, q.speaker FROM quotes q "
            "JOIN articles a ON a.id = q.article_id ORDER BY a.title, q.start"
        ).fetchall()


def test_a_folder_read_again_adds_only_its_new_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_folder(folder, 0, 12)
    with Corpus(tmp_path / "c.db") as corpus:
        first = ingest(corpus, [str(folder)], workers=2)
        write_folder(folder, 12, 4)
        again = ingest(corpus, [str(folder)], workers=2)
    assert (first.new, first.duplicates) == (12, 0)
    assert (again.new, again.duplicates) == (4, 12)
    with Corpus(tmp_path / "clean.db") as clean:
        ingest(clean, [str(folder)], workers=1)
    assert quotes(tmp_path / "c.db") == quotes(tmp_path / "clean.db")
    assert len(quotes(tmp_path / "c.db")) == 32


def test_an_article_the_worker_thought_known_is_extracted_if_not_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store has the last word: as if the worker had looked at a corpus that lost
    the article before the store got to it."""
    folder = tmp_path / "in"
    write_folder(folder, 0, 6)
    with Corpus(tmp_path / "c.db") as corpus:
        ingest(corpus, [str(folder / "a000.txt")], workers=1)  # the corpus is not empty
        monkeypatch.setattr(parallel.KnownBodies, "has", lambda self, content_hash: True)
        report = ingest(corpus, [str(folder)], workers=2)
    assert (report.new, report.duplicates) == (5, 1)
    with Corpus(tmp_path / "clean.db") as clean:
        ingest(clean, [str(folder)], workers=1)
    assert quotes(tmp_path / "c.db") == quotes(tmp_path / "clean.db")
