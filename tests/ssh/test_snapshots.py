"""80x24 snapshots as seen over SSH: without colour (NO_COLOR) and in 16 ANSI colours.

Update after an intended change with:  pytest tests/ssh --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from quoth.corpus.config import Config
from textual.pilot import Pilot

SIZE = (80, 24)


def _settle(ui: SimpleNamespace, query: str, quote: bool):
    async def settle(pilot: Pilot) -> None:
        app = pilot.app
        await ui.wait_for_article(pilot, app)
        await ui.wait_for_marks(pilot, app)
        if query:
            await pilot.press("slash", *query, "enter")
            await ui.wait_until(pilot, lambda: ui.settled(app) and app.query_text == query)
            await ui.wait_for_article(pilot, app)
        if quote:
            await pilot.press("l", "n")
            await ui.wait_until(pilot, lambda: app.reader.is_flashing)
            await ui.wait_until(pilot, lambda: not app.reader.is_flashing)
        await pilot.pause()

    return settle


@pytest.mark.parametrize("quote", [False, True], ids=["list", "quote"])
def test_no_color(
    snap_compare,
    corpus_path: Path,
    ui: SimpleNamespace,
    monkeypatch: pytest.MonkeyPatch,
    quote: bool,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ui.app_class()(corpus_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle(ui, "ferry", quote))


@pytest.mark.parametrize("quote", [False, True], ids=["list", "quote"])
def test_sixteen_colours(
    snap_compare,
    corpus_path: Path,
    ui: SimpleNamespace,
    monkeypatch: pytest.MonkeyPatch,
    quote: bool,
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    app = ui.app_class()(corpus_path)
    app.configure(Config())  # no theme chosen: a 16-colour TERM gets the ANSI theme
    assert app.theme == "ansi-dark"
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle(ui, "ferry", quote))


def test_console_at_80x24(
    snap_compare, corpus_path: Path, ui: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "linux")
    app = ui.app_class()(corpus_path)
    app.configure(Config())
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle(ui, "", False))
