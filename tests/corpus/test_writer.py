"""CorpusWriter: many input files in one transaction, each file whole or not at all."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from quoth.corpus import speaker_index, store
from quoth.corpus.model import Article, Quote, Speaker
from quoth.corpus.store import Corpus


def article(number: int, speaker: str, title: str = "", role: str = "mayor") -> Article:
    body = f'Story {number} word{number}: "we will build it," {speaker} said.'
    start = body.index("we will")
    return Article(
        body=body,
        title=title or f"Story {number}",
        quotes=[Quote("we will build it,", start, start + 17, speaker=speaker)],
        speakers=[Speaker(speaker, titles=[role], aliases=[speaker.split()[-1]], quotes=1)],
    )


def failing_midway(*articles: Article) -> Iterator[Article]:
    yield from articles
    raise ValueError("the reader broke")


def contents(path: Path, *, check_fts: bool = True) -> dict[str, object]:
    """What another connection sees: article titles, the speaker index, the FTS rows.
    (The FTS check takes the write lock, so not while a writer holds it.)"""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        if check_fts:
            conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        return {
            "titles": sorted(r[0] for r in conn.execute("SELECT title FROM articles")),
            "speakers": sorted(conn.execute(
                "SELECT name, titles, aliases, quote_count, article_count FROM speakers")),
            "article_speakers": conn.execute("SELECT count(*) FROM article_speakers").fetchone(),
            "quotes": conn.execute("SELECT count(*) FROM quotes").fetchone()[0],
            "fts": sorted(r[0] for r in conn.execute(
                "SELECT title FROM articles WHERE id IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'build')")),
        }  # fmt: skip


def test_a_failing_file_takes_back_only_itself(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.db") as corpus, corpus.writer() as writer:
        writer.add_file([article(1, "Ana Ruiz")])
        with pytest.raises(ValueError):
            # Ana's row gains a role and counts, and Jon is new: both must be undone.
            writer.add_file(failing_midway(article(2, "Ana Ruiz", role="senator"),
                                           article(3, "Jon Hale")))  # fmt: skip
        writer.add_file([article(4, "Ana Ruiz"), article(5, "Mira Tanaka")])
    got = contents(tmp_path / "c.db")
    assert got["titles"] == ["Story 1", "Story 4", "Story 5"]
    assert got["fts"] == got["titles"]
    assert got["quotes"] == 3 and got["article_speakers"] == (3,)
    assert got["speakers"] == [
        ("Ana Ruiz", '["mayor"]', '["Ruiz"]', 2, 2),
        ("Mira Tanaka", '["mayor"]', '["Tanaka"]', 1, 1),
    ]


@pytest.mark.parametrize("memo_entries", [speaker_index.MEMO_ENTRIES, 1])
def test_one_writer_stores_what_one_transaction_per_file_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memo_entries: int
) -> None:
    monkeypatch.setattr(speaker_index, "MEMO_ENTRIES", memo_entries)  # 1: memos always cleared
    files = [
        [article(1, "Ana Ruiz"), article(2, "Ana Ruiz", role="senator")],
        [article(3, "Jon Hale"), article(1, "Ana Ruiz", title="Same body again")],
        [article(4, "Ana Ruiz", role="governor"), article(5, "Hale", role="chair")],
    ]
    results = []
    with Corpus(tmp_path / "one.db") as corpus, corpus.writer() as writer:
        results = [writer.add_file(articles) for articles in files]
    with Corpus(tmp_path / "each.db") as corpus:
        expected = [corpus.add_articles(articles) for articles in files]
    assert results == expected
    assert [(r.new, r.duplicates) for r in results] == [(2, 0), (1, 1), (2, 0)]
    assert contents(tmp_path / "one.db") == contents(tmp_path / "each.db")


def test_ctrl_c_keeps_the_files_stored_before_it(tmp_path: Path) -> None:
    def interrupted() -> Iterator[Article]:
        yield article(2, "Jon Hale")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), Corpus(tmp_path / "c.db") as corpus, \
            corpus.writer() as writer:  # fmt: skip
        writer.add_file([article(1, "Ana Ruiz")])
        writer.add_file(interrupted())
    assert contents(tmp_path / "c.db")["titles"] == ["Story 1"]


def test_other_connections_see_articles_before_the_run_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "COMMIT_EVERY_ARTICLES", 2)
    with Corpus(tmp_path / "c.db") as corpus, corpus.writer() as writer:
        for number in range(1, 6):
            writer.add_file([article(number, "Ana Ruiz")])
        seen = contents(tmp_path / "c.db", check_fts=False)
        assert seen["titles"] == seen["fts"] == ["Story 1", "Story 2", "Story 3", "Story 4"]
        assert seen["speakers"] == [("Ana Ruiz", '["mayor"]', '["Ruiz"]', 4, 4)]
        writer.commit()
        assert len(contents(tmp_path / "c.db", check_fts=False)["fts"]) == 5


def test_a_speaker_new_in_a_failed_file_is_new_again_later(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.db") as corpus, corpus.writer() as writer:
        with pytest.raises(ValueError):
            writer.add_file(failing_midway(article(1, "Jon Hale")))
        writer.add_file([article(2, "Jon Hale"), article(3, "Jon Hale")])
    assert contents(tmp_path / "c.db")["speakers"] == [("Jon Hale", '["mayor"]', '["Hale"]', 2, 2)]
