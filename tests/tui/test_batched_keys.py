"""Over a slow link keystrokes arrive in one read: "/bridge" must still search."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from quoth.tui.app import QuothApp
from quoth.tui.screens.help import HelpScreen
from textual import events


async def test_keys_arriving_with_the_slash_go_to_the_search_bar(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        app.article_list.focus()
        await pilot.pause()
        # Post every key before any is handled, as the driver does for one read.
        for character in "/bridge":
            key = "slash" if character == "/" else character
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert app.search_bar.value == "bridge"
        app.post_message(events.Key("slash", "/"))
        await pilot.pause()
        assert app.search_bar.value == "bridge/"  # in the bar, "/" is typed


def _post_keys(app: QuothApp, keys: list[str]) -> None:
    """Every key posted before any is handled, as the driver does for one read."""
    names = {"/": "slash", "⌫": "backspace", "?": "question_mark"}
    for key in keys:
        name = names.get(key, key)
        character = key if len(key) == 1 and key != "⌫" else None
        app.post_message(events.Key(name, character))


@pytest.mark.parametrize(
    ("keys", "typed"),
    [
        (["/", "a", "b", "⌫", "c"], "ac"),
        (["h", "/", "a", "b", "⌫", "c"], "ac"),  # h (pane left, from the list) keeps no focus
        (["/", "a", "b", "left", "c"], "acb"),
        (["/", "a", "b", "ctrl+w", "c"], "c"),
        (["/", "a", "b", "ctrl+u", "c", "d"], "cd"),
    ],
)
async def test_editing_keys_in_one_read_apply_in_order(
    corpus_path: Path, ui: SimpleNamespace, keys: list[str], typed: str
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        _post_keys(app, keys)
        await ui.wait_until(pilot, lambda: app.search_bar.value == typed)
        await pilot.pause()
        assert app.search_bar.value == typed


async def test_the_bar_keys_follow_the_keymap(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = QuothApp(corpus_path)
    app.set_keymap({"quoth.search.clear": "ctrl+g"})
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        _post_keys(app, ["/", "a", "ctrl+g", "z"])
        await ui.wait_until(pilot, lambda: app.main_screen.has_class("-zoomed"))
        assert app.search_bar.value == ""  # cleared, and "z" zoomed the reader


async def test_keys_after_enter_in_the_same_read_go_to_the_results(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        _post_keys(app, ["/", *"talks", "enter", "j"])
        await ui.wait_until(pilot, lambda: app.query_text == "talks" and ui.settled(app))
        await pilot.pause()
        assert app.search_bar.value == "talks"
        assert app.focused is app.article_list
        await ui.wait_for_article(pilot, app)
        assert len(app.article_list.rows) > 1


async def test_enter_elsewhere_is_the_focused_widgets_own(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("enter")  # in the list: opens the article
        assert app.focused is app.reader


async def test_rows_moved_through_right_after_enter_count_from_the_first_result(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        _post_keys(app, ["/", *"talks", "enter", "j", "j"])
        await ui.wait_until(
            pilot,
            lambda: (
                app.query_text == "talks" and ui.settled(app) and not app._go_to_results_when_ready
            ),
        )
        await pilot.pause()
        assert app.search_bar.value == "talks"
        assert app.article_list.cursor == 2


@pytest.mark.parametrize("leave", ["escape", "down"])
async def test_keys_after_leaving_the_bar_in_the_same_read_go_to_the_list(
    corpus_path: Path, ui: SimpleNamespace, leave: str
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        _post_keys(app, ["/", "a", leave, "j"])
        await ui.wait_until(pilot, lambda: app.article_list.cursor == 1)
        await pilot.pause()
        assert app.focused is app.article_list
        assert app.search_bar.value == ("" if leave == "escape" else "a")


async def test_list_keys_before_a_slash_in_the_same_read_still_move_the_list(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        _post_keys(app, ["j", "j", "/", "x"])  # "/" moves the focus as it arrives
        await ui.wait_until(pilot, lambda: app.search_bar.value == "x" and ui.settled(app))
        assert app.query_text == "x"  # and the j's were not typed into the bar
        await ui.wait_for_article(pilot, app)


async def test_keys_after_a_pane_change_in_the_same_read_go_to_the_new_pane(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.type_query(pilot, app, "bridge")  # a long article
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: app.reader.max_scroll_y > 5)
        _post_keys(app, ["l", "j", "j", "j"])
        await ui.wait_until(pilot, lambda: app.reader.scroll_y == 3)
        assert app.focused is app.reader and app.article_list.cursor == 0


async def test_keys_after_help_opens_in_the_same_read_scroll_the_help(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.wait_for_article(pilot, app)
        _post_keys(app, ["?", "j", "j"])
        await ui.wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, HelpScreen)
                and app.screen.query_one("#help-body").scroll_y == 2
            ),
        )
        assert app.article_list.cursor == 0


@pytest.mark.parametrize("keys", [["z", "/", "a"], ["j", "z", "/", "a"]])
async def test_a_key_before_the_slash_in_the_same_read_acts_first(
    corpus_path: Path, ui: SimpleNamespace, keys: list[str]
) -> None:
    """ "z/" zooms, then "/" leaves the zoom for the search bar: the bar ends visible."""
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        app.article_list.focus()
        await pilot.pause()
        _post_keys(app, keys)
        await ui.wait_until(pilot, lambda: app.search_bar.value == "a")
        await pilot.pause()
        assert app.focused is app.search_bar
        assert not app.main_screen.has_class("-zoomed")


async def test_the_palettes_zoom_works_from_the_search_bar(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    """Only a late "z" is ignored in the bar: the palette's "Zoom reader" still zooms."""
    app = QuothApp(corpus_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        _post_keys(app, ["/"])
        await ui.wait_until(pilot, lambda: app.focused is app.search_bar)
        zoom = next(c for c in app.get_system_commands(app.screen) if c.title == "Zoom reader")
        zoom.callback()
        await pilot.pause()
        assert app.main_screen.has_class("-zoomed")
