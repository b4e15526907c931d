"""While the reader is open, another process ingests: the reader offers the news."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from quoth.corpus.model import Article
from quoth.corpus.store import Corpus
from quoth.tui.app import QuothApp


async def test_new_articles_are_announced_and_ctrl_r_shows_them(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    app.WATCH_SECONDS = 0.1
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        before = app.corpus_total
        assert before
        with Corpus(corpus_path) as writer:  # as `quoth ingest` would, from outside
            writer.add_articles(
                [
                    Article(
                        body="A late story about the ferry strike.",
                        title="Ferry strike called off",
                        date="2030-01-01",
                    )
                ]
            )
        await ui.wait_until(
            pilot, lambda: any("new article" in str(n.message) for n in app._notifications)
        )
        await pilot.press("ctrl+r")
        await ui.wait_until(pilot, lambda: app.corpus_total == before + 1)
        await ui.wait_until(
            pilot, lambda: app.article_list.rows[0].title == "Ferry strike called off"
        )


async def test_after_ctrl_r_the_cursor_is_on_the_new_article_even_undated(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        before = app.corpus_total
        with Corpus(corpus_path) as writer:  # no date: listed after every dated article
            writer.add_articles([Article(body="Nobody dated this one.", title="Undated note")])
        await pilot.press("ctrl+r")
        await ui.wait_until(pilot, lambda: app.corpus_total == before + 1)
        await ui.wait_for_article(pilot, app)
        rows = app.article_list.rows
        assert rows[-1].title == "Undated note"
        assert app.article_list.cursor == len(rows) - 1
        assert app.reader.rendered is not None
        assert app.reader.rendered.article.title == "Undated note"
