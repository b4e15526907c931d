"""Pilot tests of the extras in the running app: copy, pager, reading state, sort, export,
config and the remembered session."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from quoth.corpus.config import Config, Layout, load_config
from quoth.corpus.store import Corpus
from quoth.tui.sorting import DATE
from textual.drivers.headless_driver import HeadlessDriver


def _capture_driver_writes(app: Any) -> list[str]:
    written: list[str] = []
    original = app._driver.write

    def write(data: str) -> None:
        written.append(data)
        original(data)

    app._driver.write = write
    return written


async def _select(pilot: Any, app: Any, ui: SimpleNamespace, title: str) -> None:
    rows = app.article_list.rows
    index = next(i for i, row in enumerate(rows) if row.title == title)
    app.article_list.move_cursor(index)
    await ui.wait_for_article(pilot, app)


# -- copy ------------------------------------------------------------------------------


async def test_y_copies_the_quote_as_a_citation_through_osc52(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await _select(pilot, app, ui, "Island ferry doubles its sailings")
        written = _capture_driver_writes(app)
        await pilot.press("l", "n", "n")  # into the reader, to the second quote
        await pilot.press("y")
        expected = '"We will watch the numbers closely" — Marta Quist, Ellis Gazette, 2024-05-02'
        assert app.clipboard == expected
        payload = base64.b64encode(expected.encode()).decode()
        assert f"\x1b]52;c;{payload}\a" in "".join(written)


async def test_shift_y_copies_the_url_else_the_origin(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await _select(pilot, app, ui, "Island ferry doubles its sailings")
        await pilot.press("Y")
        assert app.clipboard == "https://example.org/ferry"
        await _select(pilot, app, ui, "Covered market reopens")
        await pilot.press("Y")
        assert app.clipboard == "feeds/towncrier.xml"
        await pilot.press("y")  # no quote chosen yet: the first one
        assert app.clipboard.startswith('"Stallholders are ready" — Ivo Brandt')


# -- pager and editor --------------------------------------------------------------------


@pytest.fixture
def recording_program(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in for less/vi that copies the file it is given and records its arguments."""
    record = tmp_path / "record"
    script = tmp_path / "fake-pager"
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{record}.args"\n'
        'for last in "$@"; do :; done\n'
        f'cat "$last" > "{record}.text"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, record


@pytest.fixture
def suspendable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The headless driver cannot hand a terminal over; let App.suspend run its real path."""
    monkeypatch.setattr(HeadlessDriver, "can_suspend", property(lambda self: True))
    monkeypatch.setattr(HeadlessDriver, "suspend_application_mode", lambda self: None)
    monkeypatch.setattr(HeadlessDriver, "resume_application_mode", lambda self: None)


@pytest.mark.parametrize(("key", "variable"), [("o", "PAGER"), ("e", "EDITOR")])
async def test_o_and_e_open_the_article_in_pager_and_editor(
    corpus_path: Path,
    ui: SimpleNamespace,
    recording_program: tuple[Path, Path],
    suspendable: None,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    variable: str,
) -> None:
    script, record = recording_program
    monkeypatch.setenv(variable, f"{script} --flag")
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await _select(pilot, app, ui, "Island ferry doubles its sailings")
        await pilot.press("l")  # into the reader
        reader_focused = app.focused
        await pilot.press(key)
        await pilot.pause()
        text = Path(f"{record}.text").read_text()
        assert text.startswith("Island ferry doubles its sailings\n")
        assert "Two sailings a day" in text and "Quotes (2):" in text
        args = Path(f"{record}.args").read_text().splitlines()
        assert args[0] == "--flag" and args[1].endswith(".txt")
        assert not os.path.exists(args[1])  # the temporary file is gone
        assert app.focused is reader_focused  # back where we were
        assert app.reader.article_id == app.article_list.current_id
        assert not app.reading_marks.is_unread(app.reader.article_id)  # opened: read


async def test_pager_without_a_terminal_to_hand_over_is_a_message(
    corpus_path: Path,
    ui: SimpleNamespace,
    recording_program: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    script, record = recording_program
    monkeypatch.setenv("PAGER", str(script))
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        assert not Path(f"{record}.text").exists()
        assert any("hand the terminal over" in n.message for n in app._notifications)


async def test_missing_pager_is_a_message(
    corpus_path: Path,
    ui: SimpleNamespace,
    suspendable: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PAGER", "/nonexistent/pager")
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        assert any("not found" in n.message for n in app._notifications)


# -- reading state ----------------------------------------------------------------------


def _flags(path: Path, title: str) -> tuple[bool, bool]:
    with Corpus(path, readonly=True) as corpus:
        article_id = next(s.id for s in corpus.summaries() if s.title == title)
        return corpus.reading_state(article_id)


async def _settle_writes(pilot: Any, app: Any, ui: SimpleNamespace) -> None:
    await ui.wait_until(
        pilot,
        lambda: not [w for w in app.workers if w.group == "reading-state-write" and w.is_running],
    )


async def test_read_and_star_survive_a_restart(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.wait_for_marks(pilot, app)
        await _select(pilot, app, ui, "Covered market reopens")
        assert app.reading_marks.is_unread(app.article_list.current_id)
        await pilot.press("enter")  # opening marks read
        await pilot.press("h")  # back to the list
        await _select(pilot, app, ui, "Island ferry doubles its sailings")
        await pilot.press("s")
        await _settle_writes(pilot, app, ui)
    assert _flags(corpus_path, "Covered market reopens") == (True, False)
    assert _flags(corpus_path, "Island ferry doubles its sailings") == (False, True)

    second = ui.app_class()(corpus_path)
    async with second.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, second)
        await ui.wait_for_marks(pilot, second)
        ids = {row.title: row.id for row in second.article_list.rows}
        marks = second.reading_marks
        assert not marks.is_unread(ids["Covered market reopens"])
        assert marks.is_starred(ids["Island ferry doubles its sailings"])
        await _select(pilot, second, ui, "Covered market reopens")
        await pilot.press("u")  # back to unread
        await _select(pilot, second, ui, "Island ferry doubles its sailings")
        await pilot.press("s")  # unstarred
        await _settle_writes(pilot, second, ui)
    assert _flags(corpus_path, "Covered market reopens") == (False, False)
    assert _flags(corpus_path, "Island ferry doubles its sailings") == (False, False)


async def test_read_only_corpus_keeps_marks_in_memory_and_says_so(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    corpus_path.chmod(0o444)
    if os.access(corpus_path, os.W_OK):  # running as root: permissions do not bite
        pytest.skip("cannot make the corpus read-only here")
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await ui.wait_for_marks(pilot, app)
        await pilot.press("s")
        await _settle_writes(pilot, app, ui)
        await pilot.pause()
        assert app.reading_marks.is_starred(app.article_list.current_id)
        assert any("Not saved" in n.message for n in app._notifications)


# -- sorting, export ---------------------------------------------------------------------


async def test_sort_by_date_from_the_palette(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("slash", *"source:town")
        await ui.wait_until(pilot, lambda: ui.settled(app) and app.query_text == "source:town")
        await pilot.press("enter")
        await pilot.press("ctrl+p", *"sort by date", "enter")
        await ui.wait_until(pilot, lambda: app.sort_order == DATE and ui.settled(app))
        await pilot.pause()
        dates = [row.date for row in app.article_list.rows]
        assert len(dates) == 2 and dates == sorted(dates, reverse=True)


async def test_export_from_the_palette_writes_every_match(
    corpus_path: Path, ui: SimpleNamespace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("slash", *"source:town")
        await ui.wait_until(pilot, lambda: ui.settled(app) and app.query_text == "source:town")
        await pilot.press("enter")
        await pilot.press("ctrl+p", *"export results json", "enter")
        await ui.wait_until(pilot, lambda: any(out.glob("quoth-export-*.jsonl")))
        await ui.wait_until(pilot, lambda: any("Exported" in n.message for n in app._notifications))
    [exported] = out.glob("quoth-export-*.jsonl")
    titles = [json.loads(line)["title"] for line in exported.read_text().splitlines()]
    assert sorted(titles) == ["Covered market reopens", "Library opens later in winter"]


# -- config ---------------------------------------------------------------------------------


async def test_keymap_override_by_binding_id(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = ui.app_class()(corpus_path)
    app.configure(Config(keys={"quoth.copy.link": "c", "quoth.quit": "ctrl+q"}))
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("c")
        assert app.clipboard  # the link of the first article
        await pilot.press("q")
        assert app.is_running  # q no longer quits
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_bad_config_starts_with_defaults_and_says_why(
    corpus_path: Path, ui: SimpleNamespace, tmp_path: Path
) -> None:
    config_file = tmp_path / "bad.toml"
    config_file.write_text(
        'theme = "no-such-theme"\n[layout]\nlist_width = "wide"\n[keys]\n"quoth.nothing" = "x"\n'
    )
    config, problems = load_config(config_file)
    app = ui.app_class()(corpus_path)
    app.configure(config, problems)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        messages = " ".join(n.message for n in app._notifications)
        assert "line 3" in messages and "list_width" in messages
        assert "no-such-theme" in messages and "quoth.nothing" in messages
        assert app.theme == "textual-dark"
        assert app.animation_level == "none"


async def test_unparsable_config_names_the_line(
    corpus_path: Path, ui: SimpleNamespace, tmp_path: Path
) -> None:
    config_file = tmp_path / "broken.toml"
    config_file.write_text('theme = "nord"\n[layout\n')
    config, problems = load_config(config_file)
    app = ui.app_class()(corpus_path)
    app.configure(config, problems)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        assert any("line 2" in n.message for n in app._notifications)


async def test_theme_and_layout_from_config(corpus_path: Path, ui: SimpleNamespace) -> None:
    app = ui.app_class()(corpus_path)
    app.configure(
        Config(
            theme="nord",
            animations=True,
            layout=Layout(side_panel=True, list_width=30, panel_width=34),
        )
    )
    async with app.run_test(size=(160, 40)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.pause()
        assert app.theme == "nord" and app.animation_level == "full"
        assert app.article_list.outer_size.width == 30
        assert app.side_panel.outer_size.width == 34


# -- remembered session ---------------------------------------------------------------------


async def test_last_query_and_selection_come_back(
    corpus_path: Path, ui: SimpleNamespace, tmp_path: Path
) -> None:
    state_file = tmp_path / "state.json"
    app = ui.app_class()(corpus_path)
    app.configure(Config(), state_file=state_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("slash", *"source:town")
        await ui.wait_until(pilot, lambda: ui.settled(app) and app.query_text == "source:town")
        await pilot.press("enter")
        await ui.wait_for_article(pilot, app)
        await pilot.press("j")
        await ui.wait_for_article(pilot, app)
        chosen = app.article_list.current_id
        assert app.article_list.cursor == 1
    second = ui.app_class()(corpus_path)
    second.configure(Config(), state_file=state_file)
    async with second.run_test(size=(100, 30)) as pilot:
        await ui.wait_until(pilot, lambda: second.query_text == "source:town")
        await ui.wait_for_article(pilot, second)
        await ui.wait_until(pilot, lambda: second.article_list.current_id == chosen)
        assert second.search_bar.value == "source:town"


async def test_palette_key_can_be_moved(corpus_path: Path, ui: SimpleNamespace) -> None:
    from textual.command import CommandPalette

    app = ui.app_class()(corpus_path)
    app.configure(Config(keys={"quoth.palette": "ctrl+k"}))
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("ctrl+k")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_extras_keys_are_off_outside_the_main_screen(
    corpus_path: Path, ui: SimpleNamespace
) -> None:
    app = ui.app_class()(corpus_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.wait_for_article(pilot, app)
        assert app.check_action("copy_quote", ()) is True
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.check_action("copy_quote", ()) is False
        assert app.check_action("toggle_star", ()) is False
        await pilot.press("y")
        assert app.clipboard == ""
