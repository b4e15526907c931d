"""quoth reextract: stored articles get this extractor's quotes and speakers, in
batches that are each whole or not at all; the speaker index ends up exact."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from quoth.corpus import parallel, reextract, store
from quoth.corpus.extract import EXTRACTOR_VERSION, extract
from quoth.corpus.ingest import ingest
from quoth.corpus.model import Extraction, Speaker
from quoth.corpus.schema import MIGRATIONS, SCHEMA_VERSION, _statements, transaction
from quoth.corpus.store import Corpus

GHOST = Speaker("Olga Oldextractor", titles=["spokeswoman"], quotes=1)


def old_extract(body: str) -> Extraction:
    """An 'older extractor': half the quotes, and a speaker who said nothing."""
    found = extract(body)
    kept = found.quotes[: len(found.quotes) // 2]
    said = {quote.speaker for quote in kept}
    speakers = [s for s in found.speakers if s.name in said]
    return Extraction(quotes=kept, speakers=[*speakers, GHOST])


@pytest.fixture(scope="module")
def article_files() -> list[str]:
    from quoth.corpus.demo_corpus import demo_files

    return [str(path) for path in demo_files()]


def build(path: Path, files: list[str], monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    """A corpus of `files`; with `monkeypatch`, as the older extractor stored it."""
    with contextlib.ExitStack() as stack:
        if monkeypatch is not None:
            patch = stack.enter_context(monkeypatch.context())
            patch.setattr(parallel, "extract", old_extract)
        with Corpus(path) as corpus:
            report = ingest(corpus, files, workers=1)
            assert report.new > 20, report.failures
            if monkeypatch is not None:
                corpus.conn.execute("UPDATE articles SET extractor_version = 1")


@pytest.fixture
def stale(tmp_path: Path, article_files: list[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "stale.db"
    build(path, article_files, monkeypatch)
    return path


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory, article_files: list[str]) -> Path:
    path = tmp_path_factory.mktemp("fresh") / "fresh.db"
    build(path, article_files)
    return path


def quotes_by_article(path: Path) -> dict[str, list[tuple]]:
    """content hash -> its quotes (with the speaker row's key), as stored."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            'SELECT a.content_hash, q.start, q."end", q.kind, q.text, q.speaker, s.key, '
            "q.mention, q.cue FROM quotes q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY a.content_hash, q.start, q.id"
        ).fetchall()
    found: dict[str, list[tuple]] = {}
    for content_hash, *quote in rows:
        found.setdefault(content_hash, []).append(tuple(quote))
    return found


def article_rows(path: Path) -> dict[str, tuple]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT content_hash, quote_text, quote_count, extractor_version FROM articles"
        ).fetchall()
        speakers = conn.execute(
            "SELECT a.content_hash, s.key, x.name, x.titles, x.aliases, x.quotes "
            "FROM article_speakers x JOIN articles a ON a.id = x.article_id "
            "JOIN speakers s ON s.id = x.speaker_id ORDER BY s.key"
        ).fetchall()
    by_article: dict[str, list[tuple]] = {}
    for content_hash, *speaker in speakers:
        by_article.setdefault(content_hash, []).append(tuple(speaker))
    return {row[0]: (*row[1:], by_article.get(row[0], [])) for row in rows}


def speaker_index(path: Path) -> dict[str, tuple]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT key, name, kind, titles, aliases, anonymous, quote_count, article_count "
            "FROM speakers"
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def assert_consistent(path: Path) -> None:
    """Counts add up to the per-article rows, no orphan speakers, FTS in step."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        wrong = conn.execute(
            "SELECT s.key, s.quote_count, s.article_count, "
            "(SELECT coalesce(sum(quotes), 0) FROM article_speakers WHERE speaker_id = s.id), "
            "(SELECT count(*) FROM article_speakers WHERE speaker_id = s.id) FROM speakers s"
        ).fetchall()
        assert [row for row in wrong if row[1:3] != row[3:5]] == []
        assert [row for row in wrong if row[2] == 0] == []  # no speaker nobody names
        mismatched = conn.execute(
            "SELECT a.id FROM articles a WHERE a.quote_count != "
            "(SELECT count(*) FROM quotes WHERE article_id = a.id) OR a.quote_text != "
            "coalesce((SELECT group_concat(text, char(10)) FROM "
            "(SELECT text FROM quotes WHERE article_id = a.id ORDER BY id)), '')"
        ).fetchall()
        assert mismatched == []


def test_the_older_extraction_differs_from_this_one(stale: Path, fresh: Path) -> None:
    """The premise of the tests below: there is something to re-extract."""
    assert quotes_by_article(stale) != quotes_by_article(fresh)
    assert "person:olga oldextractor" in speaker_index(stale)
    with Corpus(stale) as corpus:
        assert reextract.stale_count(corpus) == corpus.article_count()
    with Corpus(fresh) as corpus:
        assert reextract.stale_count(corpus) == 0  # ingest records EXTRACTOR_VERSION


@pytest.mark.parametrize("workers", [1, 2])
def test_reextract_stores_what_a_fresh_ingest_would(stale: Path, fresh: Path, workers: int) -> None:
    with Corpus(stale) as corpus:
        before = corpus.stats()["quotes"]
        report = reextract.reextract(corpus, corpus.article_ids(), workers=workers)
        assert not report.interrupted
        assert report.articles == report.total == corpus.article_count()
        assert report.quotes_before == before
        assert report.quotes_after == corpus.stats()["quotes"] > before
        assert reextract.stale_count(corpus) == 0
    assert quotes_by_article(stale) == quotes_by_article(fresh)
    assert article_rows(stale) == article_rows(fresh)
    assert speaker_index(stale) == speaker_index(fresh)  # counts, names, titles, aliases
    assert "person:olga oldextractor" not in speaker_index(stale)
    assert_consistent(stale)


def test_full_text_search_finds_the_new_quotes(stale: Path, fresh: Path) -> None:
    def quote_words(path: Path) -> set[str]:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            text = " ".join(row[0] for row in conn.execute("SELECT quote_text FROM articles"))
        return {word.lower() for word in text.split() if word.isalpha() and len(word) > 6}

    def matches(path: Path, word: str) -> set[int]:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return {row[0] for row in conn.execute(
                "SELECT rowid FROM articles_fts WHERE quote_text MATCH ?", (word,))}  # fmt: skip

    new_words = sorted(quote_words(fresh) - quote_words(stale))[:20]
    assert new_words
    assert all(matches(stale, word) == set() for word in new_words)
    with Corpus(stale) as corpus:
        reextract.reextract(corpus, corpus.article_ids(), workers=1)
    for word in new_words:
        assert matches(stale, word) == matches(fresh, word) != set()


def test_reading_state_and_feeds_survive(stale: Path) -> None:
    with Corpus(stale) as corpus:
        corpus.set_read(1)
        corpus.set_starred(2)
        corpus.set_read(2)
        with transaction(corpus.conn):
            corpus.conn.execute(
                "INSERT INTO feeds (url, title, added_at) VALUES ('https://x.test/feed', 'X', 't')"
            )
        untouched = corpus.conn.execute(
            "SELECT id, title, body, date, source, ingested_at, is_read, starred FROM articles"
        ).fetchall()
        reextract.reextract(corpus, corpus.article_ids(), workers=1)
        assert corpus.reading_state(1) == (True, False)
        assert corpus.reading_state(2) == (True, True)
        assert corpus.unread_ids() == {i for i in corpus.article_ids() if i not in (1, 2)}
        assert corpus.conn.execute("SELECT url, title FROM feeds").fetchall() == [
            ("https://x.test/feed", "X")
        ]
        assert (
            corpus.conn.execute(
                "SELECT id, title, body, date, source, ingested_at, is_read, starred FROM articles"
            ).fetchall()
            == untouched
        )


def test_only_the_chosen_articles_change(stale: Path, fresh: Path) -> None:
    with Corpus(stale) as corpus:
        chosen = corpus.article_ids()[3:7]
        report = reextract.reextract(corpus, chosen, workers=1)
        assert report.articles == 4
        assert reextract.stale_count(corpus) == corpus.article_count() - 4
        assert reextract.stale_ids(corpus) == [i for i in corpus.article_ids() if i not in chosen]
        chosen_hashes = {
            row[0] for row in corpus.conn.execute(
                "SELECT content_hash FROM articles WHERE id IN (?,?,?,?)", chosen)
        }  # fmt: skip
    old, new, now = article_rows(fresh), quotes_by_article(fresh), quotes_by_article(stale)
    for content_hash in chosen_hashes:
        assert now.get(content_hash) == new.get(content_hash)
        assert article_rows(stale)[content_hash] == old[content_hash]
    assert_consistent(stale)


def test_an_interrupted_run_leaves_each_article_old_or_new(
    stale: Path, fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_quotes, new_quotes = quotes_by_article(stale), quotes_by_article(fresh)
    old_rows, new_rows = article_rows(stale), article_rows(fresh)
    monkeypatch.setattr(reextract, "BATCH_ARTICLES", 4)
    real_replace_one = store.CorpusWriter._replace_one
    calls = 0

    def replace_then_break(self: store.CorpusWriter, article):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 11:  # midway through the third batch
            raise KeyboardInterrupt
        return real_replace_one(self, article)

    monkeypatch.setattr(store.CorpusWriter, "_replace_one", replace_then_break)
    with Corpus(stale) as corpus:
        report = reextract.reextract(corpus, corpus.article_ids(), workers=1)
    assert report.interrupted and report.articles == 8
    quotes, rows = quotes_by_article(stale), article_rows(stale)
    renewed = {h for h in rows if rows[h][2] == EXTRACTOR_VERSION}
    assert len(renewed) == 8
    for content_hash, row in rows.items():
        expected_rows, expected_quotes = (
            (new_rows, new_quotes) if content_hash in renewed else (old_rows, old_quotes)
        )
        assert row == expected_rows[content_hash]
        assert quotes.get(content_hash) == expected_quotes.get(content_hash)
    assert_consistent(stale)

    monkeypatch.setattr(store.CorpusWriter, "_replace_one", real_replace_one)
    with Corpus(stale) as corpus:  # the next run does the rest
        report = reextract.reextract(corpus, reextract.stale_ids(corpus), workers=1)
        assert report.articles == corpus.article_count() - 8
    assert speaker_index(stale) == speaker_index(fresh)


def test_an_error_midway_keeps_the_batches_done_and_is_raised(
    stale: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reextract, "BATCH_ARTICLES", 5)
    real_replace_batch = store.CorpusWriter._replace_batch
    batches = 0

    def second_batch_fails(self: store.CorpusWriter, articles):  # type: ignore[no-untyped-def]
        nonlocal batches
        batches += 1
        result = real_replace_batch(self, articles)
        if batches == 2:  # after writing all of it: the savepoint must take it back
            raise sqlite3.OperationalError("disk I/O error")
        return result

    monkeypatch.setattr(store.CorpusWriter, "_replace_batch", second_batch_fails)
    with Corpus(stale) as corpus, pytest.raises(store.CorpusError, match="disk I/O"):
        reextract.reextract(corpus, corpus.article_ids(), workers=1)
    with Corpus(stale) as corpus:
        assert reextract.stale_count(corpus) == corpus.article_count() - 5
    assert_consistent(stale)


def test_a_rebuild_makes_drifted_counts_exact(stale: Path) -> None:
    with Corpus(stale) as corpus:
        with transaction(corpus.conn):
            corpus.conn.execute("UPDATE speakers SET quote_count = quote_count + 7, "
                                "article_count = article_count + 2")  # fmt: skip
            corpus.conn.execute("INSERT INTO speakers (key, name, kind) "
                                "VALUES ('person:nobody', 'Nobody', 'person')")  # fmt: skip
        corpus.rebuild_speaker_index()
    assert "person:nobody" not in speaker_index(stale)
    assert_consistent(stale)


def test_a_read_only_corpus_refuses(stale: Path) -> None:
    read_only = Corpus(stale, readonly=True)
    with read_only as corpus, pytest.raises(store.CorpusError, match="read-only"):
        reextract.reextract(corpus, corpus.article_ids(), workers=1)


def _make_v3_database(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    with transaction(conn):
        for migration in MIGRATIONS[:3]:
            for statement in _statements(migration):
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 3")
        conn.execute(
            "INSERT INTO articles (content_hash, title, body, ingested_at, is_read) VALUES "
            "('h1', 'Old article', '\"We will build the bridge this year,\" Mayor Tomas Ruiz "
            "said on Monday.', 't', 1)"
        )
        conn.execute(  # as every ingest writes it
            "INSERT INTO articles_fts (rowid, title, body, quote_text) "
            "SELECT id, title, body, quote_text FROM articles"
        )
    conn.close()


def test_a_v3_corpus_migrates_with_its_articles_marked_stale(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    _make_v3_database(path)
    with Corpus(path) as corpus:
        assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        assert corpus.conn.execute("SELECT extractor_version FROM articles").fetchall() == [(0,)]
        assert reextract.stale_ids(corpus) == [1]
        report = reextract.reextract(corpus, reextract.stale_ids(corpus), workers=1)
        assert (report.articles, report.quotes_before, report.quotes_after) == (1, 0, 1)
        assert reextract.stale_count(corpus) == 0
        assert corpus.reading_state(1) == (True, False)
        assert [s.name for s in corpus.speakers()] == ["Tomas Ruiz"]
    assert_consistent(path)
