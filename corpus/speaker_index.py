"""Writing the corpus-wide speaker index, one write transaction at a time.

A folder of small files names the same few people again and again. Reading
and rewriting their index row for every article was most of the cost of
storing one, so a transaction keeps the rows it touches in memory and writes
each one once, just before it commits. Input files are stored in savepoints
of their own: a file that fails takes back only its own changes here too.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .model import Speaker
from .speaker_keys import speaker_key

MEMO_ENTRIES = 20_000  # per memo: names and title lists seen recently


@dataclass(frozen=True)
class _Row:
    """A speaker index row as this transaction sees it; the counts are what it adds."""

    id: int
    titles: list[str]
    aliases: list[str]
    added_quotes: int = 0
    added_articles: int = 0
    changed: bool = False


class SpeakerIndexWriter:
    """Only valid inside one write transaction: it holds the write lock, so no other
    connection can change a row it has read. `flush` before COMMIT, `forget` after."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._rows: dict[str, _Row] = {}  # stored files' view
        self._file_rows: dict[str, _Row] = {}  # the current file's changes on top
        self._keys: dict[tuple[str, str, str, bool], str] = {}
        self._json: dict[tuple[str, ...], str] = {}

    def json_list(self, items: list[str]) -> str:
        """json.dumps of a titles or aliases list, memoised: the same few lists recur."""
        memo = tuple(items)
        text = self._json.get(memo)
        if text is None:
            if len(self._json) >= MEMO_ENTRIES:
                self._json.clear()  # a huge ingest meets ever more lists: stay bounded
            text = self._json[memo] = json.dumps(items)
        return text

    def upsert(self, speaker: Speaker, *, new_article: bool = True) -> int:
        """The index row id for this speaker, counting its quotes and, when
        `new_article`, one more article (not for a second name of one article's
        speaker that folds into the same row: "the Ministry" and "The ministry")."""
        key = self._key(speaker)
        row = self._file_rows.get(key) or self._rows.get(key) or self._load(key)
        if row is None:
            row = _Row(self._insert(key, speaker), list(speaker.titles), list(speaker.aliases))
        else:
            row = _Row(
                row.id,
                merge_lists(row.titles, speaker.titles),
                merge_lists(row.aliases, speaker.aliases),
                row.added_quotes + speaker.quotes,
                row.added_articles + (1 if new_article else 0),
                changed=True,
            )
        self._file_rows[key] = row
        return row.id

    def keep_file(self) -> None:
        """The current file was stored: its changes join the transaction's."""
        self._rows.update(self._file_rows)
        self._file_rows.clear()

    def drop_file(self) -> None:
        """The current file was rolled back (its new rows with it)."""
        self._file_rows.clear()

    def flush(self) -> None:
        """Write every changed row once; call inside the transaction, before COMMIT."""
        self.keep_file()
        self.conn.executemany(
            "UPDATE speakers SET titles = ?, aliases = ?, quote_count = quote_count + ?, "
            "article_count = article_count + ? WHERE id = ?",
            [
                (json.dumps(r.titles), json.dumps(r.aliases), r.added_quotes,
                 r.added_articles, r.id)
                for r in self._rows.values()
                if r.changed
            ],
        )  # fmt: skip
        self.forget()

    def forget(self) -> None:
        """The transaction ended: another connection may change the index now."""
        self._rows.clear()
        self._file_rows.clear()

    def key(self, speaker: Speaker) -> str:
        """The index key a speaker files under (two names may share one)."""
        return self._key(speaker)

    def _key(self, speaker: Speaker) -> str:
        """speaker_key, memoised: folding names is slow and they repeat."""
        first_title = speaker.titles[0] if speaker.titles else ""
        memo = (speaker.name, speaker.kind, first_title, speaker.anonymous)
        key = self._keys.get(memo)
        if key is None:
            if len(self._keys) >= MEMO_ENTRIES:
                self._keys.clear()  # a huge ingest meets ever more names: stay bounded
            key = self._keys[memo] = speaker_key(speaker)
        return key

    def _load(self, key: str) -> _Row | None:
        found = self.conn.execute(
            "SELECT id, titles, aliases FROM speakers WHERE key = ?", (key,)
        ).fetchone()
        if found is None:
            return None
        return _Row(int(found[0]), json.loads(found[1]), json.loads(found[2]))

    def _insert(self, key: str, speaker: Speaker) -> int:
        cursor = self.conn.execute(
            "INSERT INTO speakers (key, name, kind, titles, aliases, anonymous, quote_count, "
            "article_count) VALUES (?,?,?,?,?,?,?,1)",
            (
                key, speaker.name, speaker.kind, json.dumps(speaker.titles),
                json.dumps(speaker.aliases), int(speaker.anonymous), speaker.quotes,
            ),
        )  # fmt: skip
        return int(cursor.lastrowid or 0)


def merge_lists(existing: list[str], extra: list[str]) -> list[str]:
    """`existing` then the new items of `extra`, compared without case."""
    if not extra:
        return existing  # the common case; rows are never changed in place
    seen = {item.casefold() for item in existing}
    merged = list(existing)
    for item in extra:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            merged.append(item)
    return merged
