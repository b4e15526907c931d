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
from quoth.tui.messages import ArticleLoaded, SearchFinished
from quoth.tui.screens.main import MainScreen


async def test_first_frame_comes_before_the_corpus_is_read(
    corpus_path: Path, ui: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = threading.Event()  # the listing has been asked for...
    release = threading.Event()  # ...and is held back until the test lets it go
    real_listing = CorpusAccess.listing

    def slow_listing(self: CorpusAccess) -> list[ArticleSummary]:
        reading.set()
        release.wait(30)
        return real_listing(self)

    monkeypatch.setattr(CorpusAccess, "listing", slow_listing)
    app = QuothApp(corpus_path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            # The main screen asks for the corpus only once it has been drawn.
            await ui.wait_until(pilot, reading.is_set)
            assert isinstance(app.screen, MainScreen)
            assert app.corpus_total is None
            assert app.article_list.message.startswith("Loading")
            await pilot.press("j", "slash", "a")  # keys work while the corpus loads
            await ui.wait_until(pilot, lambda: app.search_bar.value == "a")
            assert app.corpus_total is None  # still loading: nothing waited for it
            release.set()
            await ui.wait_until(pilot, lambda: app.corpus_total == 6)
    finally:
        release.set()  # a failed test must not leave the worker waiting


async def test_a_stale_search_never_overwrites_a_newer_one(
    corpus_path: Path, ui: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def summary(title: str) -> ArticleSummary:
        return ArticleSummary(id=len(title), title=title, date=None, source=None, quote_count=0)

    real_search = CorpusAccess.search
    answered: list[str] = []  # queries whose search returned (in the worker thread)

    def search(self: CorpusAccess, query: str, limit: int, is_stale=None) -> SearchOutcome:  # noqa: ANN001
        if not query:
            return real_search(self, query, limit, is_stale)
        # The first keystroke's search is the slowest: it finishes last.
        time.sleep(0.4 if query == "s" else 0.01)
        answered.append(query)
        return SearchOutcome([summary(f"results for {query}")], 1)

    monkeypatch.setattr(CorpusAccess, "search", search)
    app = _RecordingApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        shown: list[str] = []
        real_set_rows = app.article_list.set_rows

        def spy(rows, **kwargs):  # noqa: ANN001, ANN003
            shown.extend(row.title for row in rows)
            real_set_rows(rows, **kwargs)

        app.article_list.set_rows = spy  # type: ignore[method-assign]
        await pilot.press("slash", "s", "t")
        # However the two searches interleave (the first may even be skipped as
        # stale), wait until every answer that came back has reached the app.
        await ui.wait_until(
            pilot, lambda: "st" in app.finished and sorted(app.finished) == sorted(answered)
        )
        await pilot.pause()
        assert [row.title for row in app.article_list.rows] == ["results for st"]
        assert "results for s" not in shown


async def test_an_article_loaded_while_the_app_closes_is_dropped(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    # A worker may finish loading an article after the main screen's widgets are gone
    # (the user quit meanwhile): its answer must not raise in the closing app.
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        shown = app.current_article
        await app.main_screen.remove_children()
        app.on_article_loaded(ArticleLoaded(app._article_generation, 1, None))
        assert app.current_article is shown


class _RecordingApp(QuothApp):
    """Notes the query of every search answer the app receives, stale or not."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(db_path)
        self.finished: list[str] = []

    def on_search_finished(self, message: SearchFinished) -> None:
        # Textual then calls the app's own handler too (each class in the MRO).
        if message.query:
            self.finished.append(message.query)
