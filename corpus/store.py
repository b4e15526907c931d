"""The corpus: articles, quotes and speakers in one SQLite file.

Connections run in autocommit mode and every write goes through an explicit
transaction: `schema.transaction`, or a CorpusWriter, which stores many input
files per transaction, each in a savepoint, so each is stored whole or not at all.
WAL mode lets the reader keep searching while an ingest writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .extractor_version import EXTRACTOR_VERSION
from .model import Article, Quote, Speaker
from .schema import (
    SCHEMA_VERSION,
    SchemaError,
    begin_immediate,
    check_compatible,
    is_busy,
    migrate,
    transaction,
)
from .speaker_index import SpeakerIndexWriter, merge_lists

BUSY_TIMEOUT_MS = 10_000
# A writer waits this long for the write lock: another ingest may hold it for the
# whole of one large streamed file.
WRITE_WAIT_SECONDS = 600.0
FLAG_WAIT_SECONDS = 60.0  # marking read/starred, from a TUI worker thread
# A write transaction stays open across input files (each in a savepoint of its own)
# until it holds this many articles or is this old. Few commits make ingest fast;
# the limits keep the wait short for a reader marking an article read, or another ingest.
COMMIT_EVERY_ARTICLES = 1000
COMMIT_EVERY_SECONDS = 0.5


class CorpusError(Exception):
    """The corpus file cannot be opened or written; str() is a one-line reason."""

    @classmethod
    def from_sqlite(cls, path: Path, exc: sqlite3.Error) -> CorpusError:
        return cls(f"{path}: {_describe(exc)}")


def default_db_path() -> Path:
    """`QUOTH_DB`, else corpus.db in the platform's user data directory."""
    override = os.environ.get("QUOTH_DB")
    if override:
        return Path(override).expanduser()
    import platformdirs  # deferred: only needed when no path is given

    return platformdirs.user_data_path("quoth") / "corpus.db"


@dataclass(frozen=True)
class AddResult:
    new: int
    duplicates: int


@dataclass(frozen=True)
class ArticleSummary:
    """What a list row needs; cheap to load for the whole corpus."""

    id: int
    title: str
    date: str | None
    source: str | None
    quote_count: int


@dataclass(frozen=True)
class IndexedSpeaker:
    """A row of the corpus-wide speaker index."""

    id: int
    name: str
    kind: str
    titles: list[str]
    aliases: list[str]
    anonymous: bool
    quotes: int
    articles: int

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "titles": self.titles,
            "aliases": self.aliases,
            "anonymous": self.anonymous,
            "quotes": self.quotes,
            "articles": self.articles,
        }


@dataclass(frozen=True)
class StoredQuote:
    article_id: int
    quote: Quote


_ARTICLE_COLUMNS = (
    "id, content_hash, origin, format, title, date, dateline, byline, source, "
    "caption, credit, url, body, ingested_at"
)


class Corpus:
    """An open corpus file. Not thread-safe: open one per thread."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.conn = _connect(self.path, readonly=readonly)
        try:
            self._prepare()
        except (sqlite3.DatabaseError, SchemaError) as exc:
            self.conn.close()
            raise CorpusError(f"{self.path}: {_describe(exc)}") from exc

    @classmethod
    def open(cls, path: Path | str | None = None) -> Corpus:
        """Open for writing when we may, else read-only (a shared corpus)."""
        target = Path(path) if path is not None else default_db_path()
        if target.exists() and not os.access(target, os.W_OK):
            return cls(target, readonly=True)
        return cls(target)

    def _prepare(self) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        version = check_compatible(self.conn)
        if self.readonly:
            if version < SCHEMA_VERSION:
                raise SchemaError(
                    "not a quoth corpus"
                    if version == 0
                    else "the corpus needs an upgrade, which a read-only file cannot take"
                )
            return
        _until_not_busy(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
        self.conn.execute("PRAGMA synchronous = NORMAL")
        _until_not_busy(lambda: migrate(self.conn))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store articles (with their quotes and speakers) in one transaction."""
        with self.writer() as writer:
            return writer.add_file(articles)

    def writer(self) -> CorpusWriter:
        """A writer that stores many input files in few transactions (see CorpusWriter)."""
        self._require_writable()
        return CorpusWriter(self)

    # -- reading state -----------------------------------------------------

    def set_read(self, article_id: int, read: bool = True) -> None:
        self._set_flag("is_read", article_id, read)

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        self._set_flag("starred", article_id, starred)

    def _set_flag(self, column: str, article_id: int, value: bool) -> None:
        self._require_writable()
        try:  # an ingest may hold the write lock for a while: wait for it, then say why not
            with transaction(self.conn, wait_seconds=FLAG_WAIT_SECONDS):
                self.conn.execute(
                    f"UPDATE articles SET {column} = ? WHERE id = ?", (int(value), article_id)
                )
        except sqlite3.Error as exc:
            raise CorpusError.from_sqlite(self.path, exc) from exc

    def reading_state(self, article_id: int) -> tuple[bool, bool]:
        """(read, starred) for one article; (False, False) if it is gone."""
        row = self.conn.execute(
            "SELECT is_read, starred FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (bool(row[0]), bool(row[1])) if row else (False, False)

    def unread_ids(self) -> set[int]:
        rows = self.conn.execute("SELECT id FROM articles WHERE is_read = 0")
        return {row[0] for row in rows}

    def _require_writable(self) -> None:
        if self.readonly:
            raise CorpusError(f"{self.path}: the corpus is read-only here (no write permission)")

    # -- reading -----------------------------------------------------------

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def stats(self) -> dict[str, int]:
        count = self.conn.execute
        return {
            "articles": self.article_count(),
            "quotes": int(count("SELECT count(*) FROM quotes").fetchone()[0]),
            "speakers": int(count("SELECT count(*) FROM speakers").fetchone()[0]),
        }

    def get_article(self, article_id: int) -> Article | None:
        row = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        article = _article_from_row(row)
        article.quotes = [sq.quote for sq in self.quotes(article_id=article_id)]
        article.speakers = self._article_speakers(article_id)
        return article

    def _article_speakers(self, article_id: int) -> list[Speaker]:
        rows = self.conn.execute(
            "SELECT name, kind, titles, aliases, quotes, anonymous FROM article_speakers "
            "WHERE article_id = ? ORDER BY quotes DESC, name",
            (article_id,),
        )
        return [
            Speaker(name, kind, json.loads(titles), json.loads(aliases), quotes, bool(anon))
            for name, kind, titles, aliases, quotes, anon in rows
        ]

    def quotes(
        self, *, speaker_ids: Iterable[int] | None = None, article_id: int | None = None
    ) -> list[StoredQuote]:
        clauses: list[str] = []
        params: list[object] = []
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        if speaker_ids is not None:
            ids = list(speaker_ids)
            clauses.append(f"speaker_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.conn.execute(
            'SELECT article_id, text, start, "end", kind, speaker, mention, mention_start, '
            f"mention_end, cue, anonymous FROM quotes {where} ORDER BY article_id, start",
            params,
        )
        return [StoredQuote(row[0], Quote(*row[1:10], anonymous=bool(row[10]))) for row in rows]

    def speakers(self) -> list[IndexedSpeaker]:
        rows = self.conn.execute(
            "SELECT id, name, kind, titles, aliases, anonymous, quote_count, article_count "
            "FROM speakers ORDER BY quote_count DESC, name"
        )
        return [
            IndexedSpeaker(i, n, k, json.loads(t), json.loads(a), bool(an), q, ac)
            for i, n, k, t, a, an, q, ac in rows
        ]

    def summaries(self) -> list[ArticleSummary]:
        """Every article's list row, newest first."""
        rows = self.conn.execute(
            "SELECT id, title, date, source, quote_count FROM articles "
            "ORDER BY date IS NULL, date DESC, id DESC"
        )
        return [ArticleSummary(*row) for row in rows]

    def iter_articles(self) -> Iterator[Article]:
        rows = self.conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id")
        for row in rows:
            yield _article_from_row(row)

    # -- re-extraction (quoth reextract) -------------------------------------

    def stale_count(self, extractor_version: int) -> int:
        """Articles whose stored quotes an older extractor found (0: before it was recorded)."""
        row = self.conn.execute(
            "SELECT count(*) FROM articles WHERE extractor_version < ?", (extractor_version,)
        ).fetchone()
        return int(row[0])

    def article_ids(self, *, older_than: int | None = None) -> list[int]:
        """Every article id in order; only the stale ones when `older_than` is given."""
        if older_than is None:
            rows = self.conn.execute("SELECT id FROM articles ORDER BY id")
        else:
            rows = self.conn.execute(
                "SELECT id FROM articles WHERE extractor_version < ? ORDER BY id", (older_than,)
            )
        return [row[0] for row in rows]

    def articles_by_id(self, ids: list[int]) -> list[Article]:
        """The stored articles (without quotes) with these ids, in id order."""
        rows = self.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles "
            "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps(ids),),
        )
        return [_article_from_row(row) for row in rows]

    def rebuild_speaker_index(self) -> None:
        """Every speaker index row recomputed from the per-article speakers, as a fresh
        ingest in article order would have written it (name, merged titles and aliases,
        counts); rows no article names any more are removed."""
        self._require_writable()
        with transaction(self.conn, wait_seconds=WRITE_WAIT_SECONDS):
            rebuilt = self._speaker_rows_from_articles()
            current = self.conn.execute(
                "SELECT id, name, kind, titles, aliases, anonymous, quote_count, article_count "
                "FROM speakers"
            )
            changed = [
                (*rebuilt[row[0]][1:], row[0])
                for row in current
                if row[0] in rebuilt and tuple(rebuilt[row[0]]) != row
            ]
            self.conn.executemany(
                "UPDATE speakers SET name = ?, kind = ?, titles = ?, aliases = ?, anonymous = ?, "
                "quote_count = ?, article_count = ? WHERE id = ?",
                changed,
            )
            self.conn.execute(
                "DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM article_speakers) "
                "AND id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)"
            )

    def _speaker_rows_from_articles(self) -> dict[int, tuple]:
        """speaker id -> the index row (id, name, kind, titles, aliases, anonymous,
        quote_count, article_count) its article rows add up to."""
        lists: dict[str, list[str]] = {}  # the same few JSON lists recur: parse each once
        merged: dict[int, list] = {}
        rows = self.conn.execute(
            "SELECT speaker_id, name, kind, titles, aliases, anonymous, quotes "
            "FROM article_speakers ORDER BY article_id, speaker_id"
        )
        for speaker_id, name, kind, titles, aliases, anonymous, quotes in rows:
            titles_list = lists.get(titles) or lists.setdefault(titles, json.loads(titles))
            aliases_list = lists.get(aliases) or lists.setdefault(aliases, json.loads(aliases))
            entry = merged.get(speaker_id)
            if entry is None:
                merged[speaker_id] = [name, kind, titles_list, aliases_list, anonymous, quotes, 1]
                continue
            entry[2] = merge_lists(entry[2], titles_list)
            entry[3] = merge_lists(entry[3], aliases_list)
            entry[5] += quotes
            entry[6] += 1
        return {
            speaker_id: (speaker_id, name, kind, json.dumps(titles), json.dumps(aliases),
                         anonymous, quotes, articles)
            for speaker_id, (name, kind, titles, aliases, anonymous, quotes, articles)
            in merged.items()
        }  # fmt: skip


class CorpusWriter:
    """Stores input files in shared write transactions, each file in a SAVEPOINT of
    its own: a file that fails takes back only itself, and the files before it stay.

    Committing once per file cost more than storing the file: SQLite writes the
    touched pages again and the full-text index flushes a new segment every time.
    So a transaction lasts for many files (see COMMIT_EVERY_*; a caller about to wait
    for something should `commit` first), the full-text rows of its articles
    are written in one statement before COMMIT, and the speaker index rows once each.
    A `kill -9` loses the files of the open transaction whole; the next run adds them.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.conn = corpus.conn
        self._speakers = SpeakerIndexWriter(self.conn)
        self._extractor_version = EXTRACTOR_VERSION  # stored with every article's quotes
        self._began: float | None = None  # monotonic time of BEGIN; None outside one
        self._now = ""
        # Articles above this id are the open transaction's: it holds the write lock.
        self._last_id_before = 0
        self._stored = 0  # articles stored in the open transaction

    def __enter__(self) -> CorpusWriter:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        """Commit the files stored whole, also on Ctrl-C or an error in a later file
        (that file already took itself back)."""
        if exc_type is None:
            self.commit()
            return
        with contextlib.suppress(CorpusError):  # the error on its way out says what went wrong
            self.commit()

    def add_file(self, articles: Iterable[Article]) -> AddResult:
        """One input file's articles, all or none of them; an exception from the
        iterable (a reader failing midway) stores nothing of it and is raised again."""
        try:
            self._begin()
            result = self._store_file(articles)
        except sqlite3.Error as exc:  # locked too long, disk full, a damaged file
            raise self._write_error(exc) from exc
        if self._stored >= COMMIT_EVERY_ARTICLES or self._age() >= COMMIT_EVERY_SECONDS:
            self.commit()
        return result

    def commit(self) -> None:
        """Make everything stored so far durable and visible to other connections."""
        if self._began is None:
            return
        try:
            # One statement for them all: FTS5 flushes what it holds at every statement
            # that could need a rollback, so a statement per article costs three times more.
            self.conn.execute(
                "INSERT INTO articles_fts (rowid, title, body, quote_text) "
                "SELECT id, title, body, quote_text FROM articles WHERE id > ?",
                (self._last_id_before,),
            )
            self._speakers.flush()
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._write_error(exc) from exc
        finally:
            self._end()

    def is_stored(self, content_hash: str) -> bool:
        """Whether the corpus holds an article with this body (this writer's too)."""
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    def _begin(self) -> None:
        if self._began is None:
            begin_immediate(self.conn, WRITE_WAIT_SECONDS)
            self._began = time.monotonic()
            self._now = _now()
            last = self.conn.execute("SELECT max(id) FROM articles").fetchone()[0]
            self._last_id_before = int(last or 0)

    def _age(self) -> float:
        return time.monotonic() - self._began if self._began is not None else 0.0

    def _end(self) -> None:
        """After COMMIT or a lost transaction: nothing of it is pending here."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self._began = None
        self._stored = 0
        self._speakers.forget()

    def _store_file(self, articles: Iterable[Article]) -> AddResult:
        self.conn.execute("SAVEPOINT input_file")
        new = duplicates = 0
        try:
            for article in articles:
                if self._insert_article(article):
                    new += 1
                else:
                    duplicates += 1
        except BaseException:
            self._take_back_file()
            raise
        self.conn.execute("RELEASE input_file")
        self._speakers.keep_file()
        self._stored += new
        return AddResult(new, duplicates)

    def _take_back_file(self) -> None:
        self._speakers.drop_file()
        if not self.conn.in_transaction:  # SQLite rolled it all back (disk full, I/O error)
            self._end()
            return
        self.conn.execute("ROLLBACK TO input_file")
        self.conn.execute("RELEASE input_file")

    def _write_error(self, exc: sqlite3.Error) -> CorpusError:
        if not self.conn.in_transaction:
            self._end()
        reason = _describe(exc)
        return CorpusError(f"{self.corpus.path}: cannot write to the corpus ({reason})")

    def _insert_article(self, article: Article) -> bool:
        quote_text = "\n".join(q.text for q in article.quotes)
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO articles (content_hash, origin, format, title, date, "
            "dateline, byline, source, caption, credit, url, body, quote_text, quote_count, "
            "ingested_at, extractor_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.content_hash, article.origin, article.format, article.title,
                article.date, article.dateline, article.byline, article.source,
                article.caption, article.credit, article.url, article.body, quote_text,
                len(article.quotes), article.ingested_at or self._now, self._extractor_version,
            ),
        )  # fmt: skip
        if cursor.rowcount == 0:
            return False  # the same body is already in the corpus
        article_id = int(cursor.lastrowid or 0)
        article.id = article_id
        speaker_ids = self._index_speakers(article_id, article.speakers)
        self._insert_quotes(article_id, article.quotes, speaker_ids)
        return True

    def _insert_quotes(
        self, article_id: int, quotes: list[Quote], speaker_ids: dict[str, int]
    ) -> None:
        self.conn.executemany(
            'INSERT INTO quotes (article_id, start, "end", kind, text, speaker, speaker_id, '
            "mention, mention_start, mention_end, cue, anonymous) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article_id, q.start, q.end, q.kind, q.text, q.speaker,
                    speaker_ids.get(q.speaker or ""), q.mention, q.mention_start,
                    q.mention_end, q.cue, int(q.anonymous),
                )
                for q in quotes
            ],
        )  # fmt: skip

    def _index_speakers(self, article_id: int, speakers: list[Speaker]) -> dict[str, int]:
        ids: dict[str, int] = {}
        rows = []
        keys: set[str] = set()
        for speaker in speakers:
            key = self._speakers.key(speaker)
            folded = key in keys  # a second name of one speaker ("the Ministry", "The ministry")
            keys.add(key)
            speaker_id = self._speakers.upsert(speaker, new_article=not folded)
            ids[speaker.name] = speaker_id  # its quotes point at the row, folded or not
            if folded:
                continue  # one article_speakers row for both names
            rows.append((
                article_id, speaker_id, speaker.name, speaker.kind,
                self._speakers.json_list(speaker.titles),
                self._speakers.json_list(speaker.aliases), int(speaker.anonymous), speaker.quotes,
            ))  # fmt: skip
        self.conn.executemany(
            "INSERT OR IGNORE INTO article_speakers (article_id, speaker_id, name, kind, "
            "titles, aliases, anonymous, quotes) VALUES (?,?,?,?,?,?,?,?)",
            rows,
        )
        return ids

    # -- re-extraction (quoth reextract) -------------------------------------

    def replace_extractions(self, articles: list[Article]) -> int:
        """Give stored articles (by id) the quotes and speakers now on them, all of the
        batch or none of it (a savepoint, as add_file); return how many quotes they held.
        Speaker index counts move by what each article takes away and adds, so they
        stay right at every commit; `Corpus.rebuild_speaker_index` makes them exact."""
        try:
            self._begin()
            # Rows earlier files of this transaction changed are written first: the
            # savepoint then holds only this batch's changes (flush forgets them all).
            self._speakers.flush()
            self.conn.execute("SAVEPOINT input_file")
            try:
                before = self._replace_batch(articles)
            except BaseException:
                self._take_back_file()
                raise
            self.conn.execute("RELEASE input_file")
        except sqlite3.Error as exc:
            raise self._write_error(exc) from exc
        self._stored += len(articles)
        return before

    def _replace_batch(self, articles: list[Article]) -> int:
        old = {
            row[0]: (row[1], row[2])
            for row in self.conn.execute(
                "SELECT id, quote_text, quote_count FROM articles "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([a.id for a in articles]),),
            )
        }
        present = [a for a in articles if a.id in old]  # another process may have removed one
        # The full-text row is written again only where the quote text changed.
        changed = json.dumps([a.id for a in present if _quote_text(a) != old[a.id][0]])
        self.conn.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, body, quote_text) "
            "SELECT 'delete', id, title, body, quote_text FROM articles "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (changed,),
        )
        touched: set[int] = set()
        for article in present:
            touched |= self._replace_one(article)
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, body, quote_text) "
            "SELECT id, title, body, quote_text FROM articles "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (changed,),
        )
        self._speakers.flush()
        # Speakers the new extraction no longer names anywhere leave the index.
        self.conn.execute(
            "DELETE FROM speakers WHERE id IN (SELECT value FROM json_each(?)) "
            "AND NOT EXISTS (SELECT 1 FROM article_speakers WHERE speaker_id = speakers.id) "
            "AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id)",
            (json.dumps(sorted(touched)),),
        )
        return sum(count for _text, count in old.values())

    def _replace_one(self, article: Article) -> set[int]:
        """Swap one article's quotes and speakers; the speaker ids it touched."""
        article_id = article.id
        previous = self.conn.execute(
            "SELECT speaker_id, quotes FROM article_speakers WHERE article_id = ?", (article_id,)
        ).fetchall()
        self.conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM article_speakers WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "UPDATE speakers SET quote_count = quote_count - ?, "
            "article_count = article_count - 1 WHERE id = ?",
            [(quotes, speaker_id) for speaker_id, quotes in previous],
        )
        speaker_ids = self._index_speakers(article_id, article.speakers)
        self._insert_quotes(article_id, article.quotes, speaker_ids)
        self.conn.execute(
            "UPDATE articles SET quote_text = ?, quote_count = ?, extractor_version = ? "
            "WHERE id = ?",
            (_quote_text(article), len(article.quotes), self._extractor_version, article_id),
        )
        return {speaker_id for speaker_id, _quotes in previous} | set(speaker_ids.values())


def _quote_text(article: Article) -> str:
    """What the full-text index holds of an article's quotes."""
    return "\n".join(q.text for q in article.quotes)


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = f"file:{path}?mode=ro"
        try:
            return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise CorpusError(f"{path}: {_describe(exc)}") from exc
    if path.is_dir():
        raise CorpusError(f"{path}: is a directory, not a corpus file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise CorpusError(f"{path}: {_describe(exc)}") from exc


def _until_not_busy(step: Callable[[], object], seconds: float = 60.0) -> None:
    """Retry a setup step that another quoth opening the same corpus at the same moment
    may block beyond the busy timeout (creating the schema, switching to WAL)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    if "file is not a database" in text or "file is encrypted" in text:
        return "not an SQLite database (refusing to touch it)"
    if "malformed" in text:
        return f"the corpus file is damaged ({text}); restore it from a backup"
    if "locked" in text or "busy" in text:
        return f"another process is writing to the corpus ({text}); try again when it is done"
    return text or exc.__class__.__name__


def _article_from_row(row: tuple) -> Article:
    (
        article_id,
        content_hash,
        origin,
        fmt,
        title,
        date,
        dateline,
        byline,
        source,
        caption,
        credit,
        url,
        body,
        ingested_at,
    ) = row
    return Article(
        body=body,
        title=title,
        origin=origin,
        format=fmt,
        date=date,
        dateline=dateline,
        byline=byline,
        source=source,
        caption=caption,
        credit=credit,
        url=url,
        id=article_id,
        content_hash=content_hash,
        ingested_at=ingested_at,
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
