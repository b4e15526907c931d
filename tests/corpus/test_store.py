"""The corpus file: dedupe, transactions, migrations, refusing what is not ours."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from quoth.corpus.model import Article, Quote, Speaker
from quoth.corpus.schema import MIGRATIONS, SCHEMA_VERSION, _statements, transaction
from quoth.corpus.store import Corpus, CorpusError


def make_article(body: str, title: str = "A title", speaker: str = "Ada Lovelace") -> Article:
    quote_text = body.split('"')[1] if '"' in body else body[:5]
    start = body.index(quote_text)
    return Article(
        body=body,
        title=title,
        date="2024-03-05",
        source="The Test Post",
        quotes=[Quote(quote_text, start, start + len(quote_text), speaker=speaker)],
        speakers=[Speaker(speaker, titles=["engineer"], quotes=1)],
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Corpus]:
    with Corpus(tmp_path / "corpus.db") as opened:
        yield opened


def test_new_corpus_is_at_current_schema_in_wal_mode(corpus: Corpus) -> None:
    assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert corpus.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_round_trip_keeps_metadata_quotes_and_speakers(corpus: Corpus) -> None:
    corpus.add_articles([make_article('She said "engines compute" today.')])
    (summary,) = corpus.summaries()
    stored = corpus.get_article(summary.id)
    assert stored is not None
    assert stored.title == "A title" and stored.source == "The Test Post"
    assert [q.text for q in stored.quotes] == ["engines compute"]
    assert stored.quotes[0].speaker == "Ada Lovelace"
    assert [s.name for s in stored.speakers] == ["Ada Lovelace"]
    assert summary.quote_count == 1


def test_duplicates_by_normalised_body_are_counted_not_stored(corpus: Corpus) -> None:
    first = corpus.add_articles([make_article('He said "yes" loudly.')])
    again = corpus.add_articles(
        [make_article('He said  "yes"\nloudly.'), make_article('He said "no" loudly.')]
    )
    assert (first.new, first.duplicates) == (1, 0)
    assert (again.new, again.duplicates) == (1, 1)
    assert corpus.stats()["articles"] == 2


def test_a_failure_midway_stores_nothing_from_that_file(corpus: Corpus) -> None:
    def articles() -> Iterator[Article]:
        yield make_article('One said "a" here.')
        raise ValueError("the reader broke")

    with pytest.raises(ValueError):
        corpus.add_articles(articles())
    assert corpus.stats() == {"articles": 0, "quotes": 0, "speakers": 0}


def test_speaker_index_merges_full_names_across_articles(corpus: Corpus) -> None:
    corpus.add_articles([make_article('A said "x1" there.'), make_article('B said "x2" there.')])
    (speaker,) = corpus.speakers()
    assert (speaker.name, speaker.quotes, speaker.articles) == ("Ada Lovelace", 2, 2)


def test_bare_surnames_in_different_roles_stay_apart(corpus: Corpus) -> None:
    senator = make_article('A said "x1" there.', speaker="Miller")
    senator.speakers = [Speaker("Miller", titles=["senator"], quotes=1)]
    spokesman = make_article('B said "x2" there.', speaker="Miller")
    spokesman.speakers = [Speaker("Miller", titles=["spokesman"], quotes=1)]
    corpus.add_articles([senator, spokesman])
    assert len(corpus.speakers()) == 2


def test_fts_index_finds_title_body_and_quote_words(corpus: Corpus) -> None:
    corpus.add_articles([make_article('Officials said "turbines spin" at dawn.', title="Wind")])
    for word in ("wind", "officials", "turbines"):
        rows = corpus.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (word,)
        ).fetchall()
        assert rows, word


def _make_v1_database(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    with transaction(conn):
        for statement in _statements(MIGRATIONS[0]):
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO articles (content_hash, title, body, ingested_at) "
            "VALUES ('h1', 'Old article', 'Body from v1', '2023-01-01')"
        )
    conn.close()


def test_an_older_schema_migrates_forward_keeping_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _make_v1_database(path)
    with Corpus(path) as corpus:
        assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [s.title for s in corpus.summaries()] == ["Old article"]
        read_flag = corpus.conn.execute("SELECT is_read FROM articles").fetchone()[0]
        assert read_flag == 0


def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(CorpusError, match="newer"):
        Corpus(path)


def test_a_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="not a quoth corpus"):
        Corpus(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="not an SQLite database"):
        Corpus(path)
    assert path.read_bytes() == before


def test_read_only_corpus_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with Corpus(path) as corpus:
        corpus.add_articles([make_article('X said "shared" here.')])
    with Corpus(path, readonly=True) as shared:
        assert shared.stats()["articles"] == 1
        with pytest.raises(CorpusError, match="read-only"):
            shared.add_articles([make_article('Y said "more" here.')])


def test_read_and_starred_state_persist_across_connections(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    with Corpus(path) as corpus:
        corpus.add_articles(
            [make_article('A said "one" here.'), make_article('B said "two" here.')]
        )
        first, second = (s.id for s in corpus.summaries())
        corpus.set_read(first)
        corpus.set_starred(second)
    with Corpus(path) as reopened:
        assert reopened.reading_state(first) == (True, False)
        assert reopened.reading_state(second) == (False, True)
        assert reopened.unread_ids() == {second}
        reopened.set_read(first, False)
        assert reopened.reading_state(first) == (False, False)
