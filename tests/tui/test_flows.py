"""Pilot tests for the reader's main flows, on a small hand-written corpus."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from quoth.corpus.model import Article
from quoth.corpus.store import Corpus
from quoth.tui.app import QuothApp
from quoth.tui.keys import binding_sections
from quoth.tui.screens.help import HelpScreen
from quoth.tui.screens.welcome import WelcomeScreen
from quoth.tui.sorting import DATE
from quoth.tui.widgets.quotes_panel import QuoteList, SpeakerList
from textual import events
from textual.widgets import Static

WIDE = (160, 48)


def titles(app: QuothApp) -> list[str]:
    return [row.title for row in app.article_list.rows]


async def test_listing_newest_first(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        dates = [row.date for row in app.article_list.rows]
        assert len(dates) == 6
        assert dates == sorted(dates, reverse=True)
        assert app.reader.article_id == app.article_list.rows[0].id


async def test_typing_a_query_narrows_the_list(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")
        assert titles(app) == ["Harbour bridge vote: council backs rebuild"]
        assert app.search_bar.has_focus
        await pilot.press("enter")
        assert app.article_list.has_focus
        assert app.reader.rendered is not None
        assert app.reader.rendered.article.title.startswith("Harbour bridge")


async def test_escape_clears_the_search_and_returns(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "rail")
        assert len(titles(app)) == 1
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: len(titles(app)) == 6)
        assert app.search_bar.value == ""
        assert app.article_list.has_focus


async def test_selection_survives_a_new_search(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("j", "j")  # the third article: Rail strike talks resume
        await ui.wait_for_article(pilot, app)
        chosen = app.article_list.current_id
        await ui.type_query(pilot, app, "talks")
        assert "Rail strike talks resume" in titles(app)
        assert len(titles(app)) >= 2
        assert app.article_list.current_id == chosen


async def test_moving_the_cursor_opens_the_article(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        first = app.reader.article_id
        await pilot.press("j")
        await ui.wait_for_article(pilot, app)
        assert app.reader.article_id != first
        await pilot.press("G")
        await ui.wait_for_article(pilot, app)
        assert app.article_list.cursor == 5
        await pilot.press("enter")
        assert app.reader.has_focus
        await pilot.press("g")
        await ui.wait_for_article(pilot, app)  # g in the reader scrolls; the list stays
        assert app.article_list.cursor == 5


async def test_selecting_a_quote_scrolls_the_reader(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")
        await pilot.press("enter", "l", "l")
        quotes = app.side_panel.query_one(QuoteList)
        assert quotes.has_focus
        assert quotes.option_count == 3
        assert app.reader.scroll_y == 0
        await pilot.press("G", "enter")
        await ui.wait_until(pilot, lambda: app.reader.scroll_y > 0)
        assert app.reader.current_quote == 2
        assert app.reader.is_flashing


async def test_n_walks_the_quotes(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")
        await pilot.press("enter", "enter")
        assert app.reader.has_focus
        await pilot.press("n", "n")
        assert app.reader.current_quote == 1
        await pilot.press("N", "N")
        assert app.reader.current_quote == 2  # wraps round to the last quote


async def test_speaker_filters_the_quotes(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")
        await pilot.press("enter", "l", "l", "t")
        speakers = app.side_panel.query_one(SpeakerList)
        assert speakers.has_focus
        await pilot.press("j", "j", "enter")  # from All speakers, past Elena Kurilla
        quotes = app.side_panel.query_one(QuoteList)
        assert quotes.has_focus
        assert app.side_panel.speaker_filter == "Tomas Berg"
        assert quotes.option_count == 1
        await pilot.press("x")
        assert quotes.option_count == 3


async def test_speaker_search_runs_corpus_wide(corpus_path: Path, ui: SimpleNamespace) -> None:
    pytest.importorskip("quoth.corpus.search")  # speaker: needs the real engine
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")
        await pilot.press("enter", "l", "l", "t", "j", "j", "a")
        assert app.search_bar.value == 'speaker:"Tomas Berg"'
        await ui.wait_until(pilot, lambda: app.query_text == 'speaker:"Tomas Berg"')
        await ui.wait_for_article(pilot, app)
        assert sorted(titles(app)) == [
            "Flood defence funding approved",
            "Harbour bridge vote: council backs rebuild",
        ]


async def test_help_lists_every_binding(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {row.binding_id for s in app.screen.sections for row in s.rows}
        for binding in [*app.BINDINGS, *app.main_screen.BINDINGS, *app.reader.BINDINGS]:
            assert binding.id in described
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_binding_has_an_id(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        sections = binding_sections(app.BINDINGS)
        ids = [row.binding_id for s in sections for row in s.rows]
        assert all(i.startswith("quoth.") for i in ids)


async def test_q_quits_but_types_in_the_search_bar(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("slash", "q")
        assert app.search_bar.value == "q"
        assert app.is_running
        await pilot.press("escape", "q")
        await ui.wait_until(pilot, lambda: not app.is_running)
    assert app.return_code == 0


async def test_markup_in_articles_is_shown_literally(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "markup")
        await pilot.press("enter")
        headline = app.reader.query_one("#headline", Static)
        assert str(headline.content) == "Markup [bold]stays[/bold] literal"
        body = " ".join(p.plain for p in app.reader.rendered.blocks)
        assert "[@click=app.quit]links[/]" in body
        assert "\x1b" not in body and "\x07" not in body
        assert app.is_running  # nothing in the article acted as a link or markup


async def test_empty_corpus_shows_the_welcome(empty_corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(empty_corpus_path, open_demo=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, WelcomeScreen) and bool(app.screen.query("#welcome-text"))
            ),
        )
        text = str(app.screen.query_one("#welcome-text", Static).content)
        # Not the default corpus: the advice names it, or the articles would go elsewhere.
        assert f"quoth --db {empty_corpus_path} ingest PATH" in text
        assert "quoth demo" in text


async def test_the_welcome_for_the_default_corpus_needs_no_db(
    empty_corpus_path: Path, ui: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTH_DB", str(empty_corpus_path))
    app = QuothApp(empty_corpus_path, open_demo=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, WelcomeScreen) and bool(app.screen.query("#welcome-text"))
            ),
        )
        text = str(app.screen.query_one("#welcome-text", Static).content)
        assert "quoth ingest PATH" in text and "--db" not in text


async def test_welcome_opens_the_demo(
    empty_corpus_path: Path, corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(empty_corpus_path, open_demo=lambda: corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await pilot.press("d")
        await ui.wait_until(pilot, lambda: app.corpus_total == 6)
        await ui.wait_for_article(pilot, app)
        assert app.db_path == corpus_path
        assert len(titles(app)) == 6


async def test_panel_toggle_and_zoom_at_80x24(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        assert not app.side_panel.display or app.main_screen.has_class("-no-panel")
        await pilot.press("b")
        assert not app.main_screen.has_class("-no-panel")
        await pilot.press("z")
        assert app.main_screen.has_class("-zoomed")
        assert app.reader.has_focus
        await pilot.pause()
        assert app.reader.size.width >= 76
        await pilot.press("z")
        assert not app.main_screen.has_class("-zoomed")


async def test_a_file_that_is_not_a_corpus_exits_with_a_message(
    tmp_path: Path, ui: SimpleNamespace
) -> None:
    not_a_corpus = tmp_path / "notes.db"
    not_a_corpus.write_bytes(b"these are my notes, not an SQLite file\n" * 200)
    app = QuothApp(not_a_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_until(pilot, lambda: not app.is_running)
    assert app.return_code == 1
    assert not_a_corpus.read_bytes().startswith(b"these are my notes")


async def test_n_moves_the_panel_with_the_reader(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")
        await pilot.press("enter", "enter", "n", "n")
        quotes = app.side_panel.query_one(QuoteList)
        assert quotes.highlighted_option is not None
        assert quotes.highlighted_option.id == "1"
        assert app.reader.border_title == "quote 2 of 3"


async def test_more_matches_load_at_the_end_of_the_list(
    many_corpus_path: Path, ui: SimpleNamespace
) -> None:
    pytest.importorskip("quoth.corpus.search")
    app = QuothApp(many_corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "council")
        first_batch = len(titles(app))
        assert first_batch < 260
        await pilot.press("enter", "G")
        await ui.wait_until(pilot, lambda: len(titles(app)) == 260)
        assert app.article_list.cursor == first_batch - 1


async def test_keymap_overrides_by_binding_id(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    app.set_keymap({"quoth.quit": "x", "quoth.list.down": "ctrl+n"})
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("ctrl+n")
        assert app.article_list.cursor == 1
        await pilot.press("question_mark")
        keys = {row.binding_id: row.keys for s in app.screen.sections for row in s.rows}
        assert keys["quoth.quit"] == ("x",)
        await pilot.press("escape", "q")
        assert app.is_running
        await pilot.press("x")
        await ui.wait_until(pilot, lambda: not app.is_running)


async def test_no_color_cursor_stays_visible(
    corpus_path: Path, ui: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        cursor = app.article_list.get_component_rich_style("article-list--cursor")
        assert cursor.reverse


async def test_reload_picks_up_articles_added_elsewhere(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "ferry")
        assert titles(app) == []
        with Corpus(corpus_path) as corpus:
            corpus.add_articles(
                [
                    Article(
                        body="The night ferry was cancelled again.",
                        title="Ferry cancelled",
                        date="2025-02-01",
                    )
                ]
            )
        app.reload_corpus()
        await ui.wait_until(pilot, lambda: titles(app) == ["Ferry cancelled"])
        assert app.corpus_total == 7


async def test_speaker_search_from_the_panel_at_80x24_shows_the_list(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")
        await pilot.press("enter", "b")  # on a narrow screen the panel covers the list
        await pilot.pause()
        assert not app.article_list.display
        await pilot.press("j", "a")
        assert app.search_bar.value == 'speaker:"Tomas Berg"'
        await pilot.pause()
        assert app.article_list.display
        assert app.article_list.has_focus


async def test_rows_can_carry_a_marker(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        first = app.article_list.rows[0].id
        app.article_list.row_marker = lambda article_id: "•" if article_id == first else None
        assert app.article_list.render_line(0).text.startswith("•")
        assert app.article_list.render_line(2).text.startswith(" ")


async def test_date_order_holds_for_searches_typed_after_choosing_it(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=WIDE) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "talks")
        relevance = titles(app)
        assert relevance[:2] == ["Rail strike talks resume", "Trade talks stall in Geneva"]
        await pilot.press("enter")
        app.set_sort_order(DATE)  # as the palette's "Sort by date" does
        await ui.wait_until(pilot, lambda: ui.settled(app) and titles(app) != relevance)
        dates = [row.date for row in app.article_list.rows]
        assert sorted(titles(app)) == sorted(relevance)
        assert dates == sorted(dates, reverse=True)
        app.search_for("talk")  # a new search keeps the order
        await ui.wait_until(pilot, lambda: ui.settled(app) and app.query_text == "talk")
        dates = [row.date for row in app.article_list.rows]
        assert len(dates) > 1 and dates == sorted(dates, reverse=True)


async def test_help_scrolls_by_every_key_even_when_keys_come_together(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("question_mark")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        body = app.screen.query_one("#help-body")
        await ui.wait_until(pilot, lambda: body.max_scroll_y > 10)
        for _ in range(5):  # as one read over SSH delivers a held-down key
            app.post_message(events.Key("j", "j"))
        await ui.wait_until(pilot, lambda: body.scroll_y == 5)
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("space")
        assert body.scroll_y > 10


async def test_half_pages_in_the_reader_add_up_when_keys_come_together(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")
        await pilot.press("enter", "enter")  # the long article, in the reader
        await ui.wait_until(pilot, lambda: app.reader.has_focus and app.reader.max_scroll_y > 20)
        step = app.reader.scrollable_content_region.height // 2
        for _ in range(2):
            app.post_message(events.Key("ctrl+d", None))
        await ui.wait_until(pilot, lambda: app.reader.scroll_y == 2 * step)


async def test_the_palette_offers_one_keys_command_and_it_is_ours(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        keys = [c for c in app.get_system_commands(app.screen) if c.title == "Keys"]
        assert [c.callback for c in keys] == [app.action_help]
        assert "Theme" in {c.title for c in app.get_system_commands(app.screen)}


@pytest.mark.parametrize("size", [(80, 24), WIDE], ids=["80x24", "wide"])
async def test_closing_the_panel_from_inside_it_leaves_the_focus_in_the_reader(
    corpus_path: Path, ui: SimpleNamespace, size: tuple[int, int]
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=size) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")  # a long article
        await pilot.press("enter")
        if app.main_screen.has_class("-no-panel"):
            await pilot.press("b")
        await ui.wait_until(pilot, lambda: bool(app.main_screen.query(QuoteList)))
        app.main_screen.query_one(QuoteList).focus()
        await ui.wait_until(pilot, lambda: isinstance(app.focused, QuoteList))
        await pilot.press("b")
        await pilot.pause()
        assert app.main_screen.has_class("-no-panel")
        assert app.focused is app.reader
        await pilot.press("j")  # keys still work
        await ui.wait_until(pilot, lambda: app.reader.scroll_y > 0)
