"""Over a slow link keystrokes arrive in one read: "/bridge" must still search."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from quoth.tui.app import QuothApp
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
