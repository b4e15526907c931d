"""The side panel follows the window's width until the user opens or closes it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from quoth.tui.app import QuothApp


async def test_widening_shows_the_panel_and_b_makes_it_stick(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = QuothApp(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        screen = app.main_screen
        assert screen.has_class("-no-panel")
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert not screen.has_class("-no-panel")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert screen.has_class("-no-panel")
        await pilot.press("b")  # the user opens it: from now on it stays as they left it
        await pilot.pause()
        assert not screen.has_class("-no-panel")
        await pilot.resize_terminal(110, 30)
        await pilot.pause()
        assert not screen.has_class("-no-panel")
