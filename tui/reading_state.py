"""Read and starred flags: kept in the corpus (shared with the CLI), mirrored in memory.

The list needs to know, for every row it draws, whether the article is
unread or starred; asking SQLite per row would be far too slow, so the sets
are loaded once and updated as the user changes them. Writes go to the
corpus at once, from a worker thread, through one connection of our own
(behind a lock, as the store's connections are not safe to share unguarded).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..corpus.store import Corpus

UNREAD_MARK = "•"
# The Linux console's fonts have the bullet but rarely the star.
STAR_MARK = "*" if os.environ.get("TERM") == "linux" else "★"


@dataclass
class ReadingMarks:
    """What the list shows: which articles are unread and which are starred."""

    unread: set[int] = field(default_factory=set)
    starred: set[int] = field(default_factory=set)

    def is_unread(self, article_id: int) -> bool:
        return article_id in self.unread

    def is_starred(self, article_id: int) -> bool:
        return article_id in self.starred

    def set_read(self, article_id: int, read: bool) -> None:
        (self.unread.discard if read else self.unread.add)(article_id)

    def set_starred(self, article_id: int, starred: bool) -> None:
        (self.starred.add if starred else self.starred.discard)(article_id)


class ReadingStateStore:
    """The corpus side: load every flag once, then write changes one by one."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = threading.Lock()
        self._corpus: Corpus | None = None

    def load(self) -> ReadingMarks:
        with self._lock:
            corpus = self._open()
            return ReadingMarks(unread=corpus.unread_ids(), starred=_starred_ids(corpus))

    def set_read(self, article_id: int, read: bool) -> None:
        """Raises CorpusError when the corpus is read-only here."""
        with self._lock:
            self._open().set_read(article_id, read)

    def set_starred(self, article_id: int, starred: bool) -> None:
        with self._lock:
            self._open().set_starred(article_id, starred)

    def close(self) -> None:
        with self._lock:
            if self._corpus is not None:
                self._corpus.close()
                self._corpus = None

    def _open(self) -> Corpus:
        if self._corpus is None:
            from ..corpus.store import Corpus

            self._corpus = Corpus.open(self.db_path)
        return self._corpus


def _starred_ids(corpus: Corpus) -> set[int]:
    # The store offers unread_ids() but no starred_ids() yet; use it once it does.
    starred_ids = getattr(corpus, "starred_ids", None)
    if callable(starred_ids):
        return set(starred_ids())
    return {row[0] for row in corpus.conn.execute("SELECT id FROM articles WHERE starred = 1")}


def list_marker(marks: ReadingMarks | None, article_id: int) -> str:
    """One cell before the title: ★ starred, • unread, blank otherwise."""
    if marks is None:
        return " "
    if marks.is_starred(article_id):
        return STAR_MARK
    return UNREAD_MARK if marks.is_unread(article_id) else " "
