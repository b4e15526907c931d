"""The reader never waits on the corpus: first frame before loading, stale searches dropped."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from quoth.corpus.store import ArticleSummary
from quoth.tui.app import QuothApp
from quoth.tui.corpus_access import CorpusAccess, SearchOutcome
from quoth.tui.screens.main import MainScreen


async def test_first_frame_comes_before_the_corpus_is_read(
    corpus_path: Path, ui: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_listing = CorpusAccess.listing

    def slow_listing(self: CorpusAccess) -> list[ArticleSummary]:
        release.wait(10)
        return real_listing(self)

    monkeypatch.setattr(CorpusAccess, "listing", slow_listing)
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, MainScreen)
        assert app.corpus_total is None
        assert app.article_list.message.startswith("Loading")
        await pilot.press("j", "slash", "a")  # keys work while the corpus loads
        assert app.search_bar.value == "a"
        release.set()
        await ui.wait_until(pilot, lambda: app.corpus_total == 6)


async def test_a_stale_search_never_overwrites_a_newer_one(
    corpus_path: Path, ui: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def summary(title: str) -> ArticleSummary:
        return ArticleSummary(id=len(title), title=title, date=None, source=None, quote_count=0)

    real_search = CorpusAccess.search

    def search(self: CorpusAccess, query: str, limit: int, is_stale=None) -> SearchOutcome:  # noqa: ANN001
        if not query:
            return real_search(self, query, limit, is_stale)
        # The first keystroke's search is the slowest: it finishes last.
        time.sleep(0.4 if query == "s" else 0.01)
        return SearchOutcome([summary(f"results for {query}")], 1)

    monkeypatch.setattr(CorpusAccess, "search", search)
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        shown: list[str] = []
        real_set_rows = app.article_list.set_rows

        def spy(rows, **kwargs):  # noqa: ANN001, ANN003
            shown.extend(row.title for row in rows)
            real_set_rows(rows, **kwargs)

        app.article_list.set_rows = spy  # type: ignore[method-assign]
        await pilot.press("slash", "s", "t")
        await pilot.pause(0.8)
        assert [row.title for row in app.article_list.rows] == ["results for st"]
        assert "results for s" not in shown
