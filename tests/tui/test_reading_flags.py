"""u and s on a list filtered by reading state: the list follows the change."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from quoth.corpus.store import Corpus
from quoth.tui.app import QuothApp, nearest_kept


def _ids(app: QuothApp) -> list[int]:
    return [row.id for row in app.article_list.rows]


async def _writes_done(pilot: object, app: QuothApp, ui: SimpleNamespace) -> None:
    await ui.wait_until(
        pilot,
        lambda: not [w for w in app.workers if w.group == "reading-state-write" and w.is_running],
    )


async def test_marking_read_in_an_unread_list_moves_on_to_the_next_row(
    many_corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(many_corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.wait_until(pilot, lambda: app.reading_marks is not None)
        await ui.type_query(pilot, app, "is:unread")
        await pilot.press("enter")  # to the list
        app.article_list.move_cursor(50)
        await ui.wait_for_article(pilot, app)
        before = _ids(app)
        scroll_before = app.article_list.scroll_y
        await pilot.press("u")
        await ui.wait_until(pilot, lambda: before[50] not in _ids(app))
        await ui.wait_for_article(pilot, app)
        # Nothing else moved; one more match fills the page of 200.
        assert _ids(app)[:199] == before[:50] + before[51:]
        assert app.article_list.cursor == 50
        assert app.article_list.current_id == before[51]
        assert app.reader.article_id == before[51]
        assert app.article_list.scroll_y == scroll_before  # the rows on screen stay put
        assert app.article_list.border_title == "Matches · 200 of 259"


async def test_unstarring_the_last_starred_row_moves_up(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    with Corpus.open(corpus_path) as corpus:
        titles = {summary.title: summary.id for summary in corpus.summaries()}
        for title in ("Rail strike talks resume", "Hospital waiting lists grow"):
            corpus.set_starred(titles[title], True)
    app = QuothApp(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "is:starred")
        assert len(_ids(app)) == 2
        await pilot.press("enter", "G")
        await ui.wait_for_article(pilot, app)
        first, last = _ids(app)
        await pilot.press("s")
        await ui.wait_until(pilot, lambda: _ids(app) == [first])
        await ui.wait_for_article(pilot, app)
        assert app.article_list.current_id == first
        await pilot.press("s")  # unstar that one too: nothing is left
        await ui.wait_until(pilot, lambda: _ids(app) == [])
        assert app.article_list.border_title == "Matches · 0"


async def test_lists_not_filtered_by_flags_are_not_searched_again(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "talks")
        await pilot.press("enter")
        generation = app._search_generation
        await pilot.press("u", "s")
        await _writes_done(pilot, app, ui)
        await pilot.pause()
        assert app._search_generation == generation
        assert app.reading_marks.is_starred(app.article_list.current_id)


async def test_opening_an_unread_article_keeps_it_listed_while_it_is_read(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "is:unread")
        await pilot.press("enter")
        opened = app.article_list.current_id
        await pilot.press("enter")  # opens it: read now, but it is being read
        await _writes_done(pilot, app, ui)
        await pilot.pause()
        assert not app.reading_marks.is_unread(opened)
        assert opened in _ids(app) and app.reader.article_id == opened


def test_nearest_kept_prefers_the_row_itself_then_below_then_above() -> None:
    rows = [SimpleNamespace(id=n) for n in range(5)]
    assert nearest_kept(rows, 2, rows) == 2
    assert nearest_kept(rows, 2, [rows[0], rows[1], rows[4]]) == 4
    assert nearest_kept(rows, 4, rows[:2]) == 1
    assert nearest_kept(rows, 0, []) is None
