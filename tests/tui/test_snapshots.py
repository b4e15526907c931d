"""SVG snapshots of the main, help and welcome screens at 80x24 and 160x48.

Update after an intended change with:  pytest tests/tui --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from quoth.tui.app import QuothApp
from quoth.tui.screens.welcome import WelcomeScreen
from textual.pilot import Pilot

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, corpus_path: Path, ui: SimpleNamespace, size) -> None:
    async def settle(pilot: Pilot) -> None:
        await ui.wait_for_article(pilot, pilot.app)
        await ui.type_query(pilot, pilot.app, "bridge")
        await pilot.press("enter")
        await ui.wait_for_article(pilot, pilot.app)

    assert snap_compare(QuothApp(corpus_path), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_listing(snap_compare, corpus_path: Path, ui: SimpleNamespace, size) -> None:
    async def settle(pilot: Pilot) -> None:
        await ui.wait_for_article(pilot, pilot.app)

    assert snap_compare(QuothApp(corpus_path), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, corpus_path: Path, ui: SimpleNamespace, size) -> None:
    async def settle(pilot: Pilot) -> None:
        await ui.wait_for_article(pilot, pilot.app)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(QuothApp(corpus_path), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_welcome_screen(
    snap_compare,
    empty_corpus_path: Path,
    ui: SimpleNamespace,
    size,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", str(empty_corpus_path.parent))  # the label reads ~/empty.db

    async def settle(pilot: Pilot) -> None:
        await ui.wait_until(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, WelcomeScreen)
                and bool(pilot.app.screen.query("#welcome-text"))
            ),
        )
        await pilot.pause()

    app = QuothApp(empty_corpus_path, open_demo=lambda: empty_corpus_path)
    assert snap_compare(app, terminal_size=size, run_before=settle)
