"""The TUI's only doorway to the corpus, safe to call from worker threads.

sqlite3 connections must not be used by two threads at once, so there are two
connections, each behind its own lock: one for the search engine and one for
reading articles. A long search therefore never delays opening an article.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the store (sqlite3 and all) is imported by the worker that needs it
    from ..corpus.model import Article
    from ..corpus.store import ArticleSummary, Corpus


class ListRow(Protocol):
    """What the article list draws; both ArticleSummary and search Hits fit."""

    id: int
    title: str
    date: str | None
    source: str | None
    quote_count: int


@dataclass(frozen=True)
class SearchOutcome:
    rows: list[ListRow]
    total: int


class CorpusAccess:
    """Opens connections lazily, in whichever thread first needs them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._read_lock = threading.Lock()
        self._search_lock = threading.Lock()
        self._reader: Corpus | None = None
        self._searcher: Corpus | None = None
        self._engine: _Engine | None = None
        self._all_rows: list[ArticleSummary] = []

    # -- reading -----------------------------------------------------------

    def listing(self) -> list[ArticleSummary]:
        """Every article, newest first (the empty query); loaded once."""
        with self._read_lock:
            if not self._all_rows:
                self._all_rows = self._read_corpus().summaries()
            return self._all_rows

    def article_count(self) -> int:
        """Counted afresh: in WAL mode each statement sees the latest commit."""
        with self._read_lock:
            return self._read_corpus().article_count()

    def article(self, article_id: int) -> Article | None:
        with self._read_lock:
            return self._read_corpus().get_article(article_id)

    def _read_corpus(self) -> Corpus:
        if self._reader is None:
            from ..corpus.store import Corpus

            self._reader = Corpus.open(self.path)
        return self._reader

    # -- searching ---------------------------------------------------------

    def prepare_search(self) -> None:
        """Build the engine's in-memory arrays (slow at 100k: call from a worker)."""
        with self._search_lock:
            self._search_engine()

    def search(self, query: str, limit: int, is_stale: _StaleCheck | None = None) -> SearchOutcome:
        """Results for `query`; the empty query is the whole listing.

        `is_stale` is asked once the lock is ours, so that a queue of searches
        typed faster than they run collapses to the newest one.
        """
        if not query.strip():
            rows = self.listing()
            return SearchOutcome(list(rows), len(rows))
        with self._search_lock:
            if is_stale is not None and is_stale():
                return SearchOutcome([], -1)
            return self._search_engine().search(query, limit)

    def _search_engine(self) -> _Engine:
        if self._engine is None:
            from ..corpus.store import Corpus

            self._searcher = Corpus.open(self.path)
            self._engine = _FullEngine(self._searcher)
        return self._engine

    def close(self) -> None:
        for lock, corpus in ((self._read_lock, self._reader), (self._search_lock, self._searcher)):
            with lock:
                if corpus is not None:
                    corpus.close()
        self._reader = self._searcher = None
        self._engine = None


class _StaleCheck(Protocol):
    def __call__(self) -> bool: ...


class _Engine(Protocol):
    def search(self, query: str, limit: int) -> SearchOutcome: ...


class _FullEngine:
    """The corpus search engine (corpus/search.py), answering in list rows."""

    def __init__(self, corpus: Corpus) -> None:
        from ..corpus.search import SearchEngine

        self._engine = SearchEngine(corpus)
        self._engine.load()

    def search(self, query: str, limit: int) -> SearchOutcome:
        results = self._engine.search(query, limit=limit)
        return SearchOutcome(list(results.hits), results.total)
