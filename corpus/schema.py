"""The SQLite schema and its forward migrations.

The version lives in `PRAGMA user_version`. Each migration moves the schema
one version forward and runs inside the caller's transaction, so a database
is either fully migrated or untouched.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    date TEXT,
    dateline TEXT,
    byline TEXT,
    source TEXT,
    caption TEXT,
    credit TEXT,
    url TEXT,
    body TEXT NOT NULL,
    quote_text TEXT NOT NULL DEFAULT '',
    quote_count INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_id INTEGER REFERENCES speakers(id),
    mention TEXT,
    mention_start INTEGER,
    mention_end INTEGER,
    cue TEXT,
    anonymous INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

-- The corpus-wide speaker index: one row per canonical speaker.
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    titles TEXT NOT NULL DEFAULT '[]',
    aliases TEXT NOT NULL DEFAULT '[]',
    anonymous INTEGER NOT NULL DEFAULT 0,
    quote_count INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0
);

-- Per-article canonical speakers, as the extractor named them there.
CREATE TABLE article_speakers (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    titles TEXT NOT NULL DEFAULT '[]',
    aliases TEXT NOT NULL DEFAULT '[]',
    anonymous INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, speaker_id)
);
CREATE INDEX article_speakers_speaker ON article_speakers(speaker_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, quote_text,
    content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
"""

# Version 2: reading state and feed subscriptions.
_V2 = """
ALTER TABLE articles ADD COLUMN is_read INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    added_at TEXT NOT NULL,
    last_checked TEXT,
    last_status TEXT
);
"""

# Version 3: indexes for the search filters (source:, kind:, is:read/unread/starred),
# which would otherwise read every article row.
_V3 = """
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_read ON articles(is_read) WHERE is_read = 1;
CREATE INDEX articles_starred ON articles(starred) WHERE starred = 1;
CREATE INDEX quotes_kind ON quotes(kind, article_id);
"""

# Version 4: which extractor (EXTRACTOR_VERSION) found each article's stored quotes, so a
# corpus ingested by an older quoth can tell its stale articles (quoth reextract).
# 0: stored before quoth recorded it, so unknown and stale. Indexed: stats counts them.
_V4 = """
ALTER TABLE articles ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_extractor_version ON articles(extractor_version);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
SCHEMA_VERSION = len(MIGRATIONS)


@contextmanager
def transaction(
    conn: sqlite3.Connection, *, wait_seconds: float = 0.0
) -> Iterator[sqlite3.Connection]:
    """One explicit write transaction (connections run with isolation_level=None).

    `wait_seconds`: how long to keep waiting for the write lock beyond the busy
    timeout, for writers that another long transaction may hold up (two ingests)."""
    begin_immediate(conn, wait_seconds)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite may already have rolled back (disk full, I/O error)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def begin_immediate(conn: sqlite3.Connection, wait_seconds: float = 0.0) -> None:
    """BEGIN IMMEDIATE, retried while another connection holds the write lock."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def is_busy(exc: sqlite3.Error) -> bool:
    """The database is locked by another connection (SQLITE_BUSY / SQLITE_LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED (named only from 3.11)
    return "locked" in str(exc) or "busy" in str(exc)


class SchemaError(Exception):
    """The database cannot be used by this version of quoth."""


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_compatible(conn: sqlite3.Connection) -> int:
    """Refuse a database we must not touch; return its schema version.

    Reads only, so a foreign or newer file is never modified."""
    version = current_version(conn)
    if version == 0 and _has_foreign_tables(conn):
        # Read again: another quoth may have created the corpus between the two reads
        # (each is its own read transaction); its tables and version commit together.
        version = current_version(conn)
        if version == 0:
            raise SchemaError("an SQLite database, but not a quoth corpus (refusing to touch it)")
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the corpus uses schema version {version}, newer than this quoth "
            f"understands ({SCHEMA_VERSION}); upgrade quoth to open it"
        )
    return version


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema forward to `target`; return the version it started at."""
    start = check_compatible(conn)
    if start >= target:
        return start
    with transaction(conn):
        # Re-read under the write lock: another process may have created or
        # migrated the corpus while we waited for it (two first ingests at once).
        start = check_compatible(conn)
        for version in range(start, target):
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return start


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    return bool(row[0])


def _statements(script: str) -> list[str]:
    """Split a migration into statements so they run in one explicit transaction
    (executescript would commit behind our back)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]
