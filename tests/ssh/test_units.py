"""Unit tests of the ssh-ux building blocks: citations, commands, state, sorting, settings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from quoth.corpus.config import Config, Layout
from quoth.corpus.model import Article, Quote
from quoth.tui import terminal
from quoth.tui.clipboard import article_address, quote_citation
from quoth.tui.export_command import export_directory, export_file_name, free_path
from quoth.tui.external import (
    article_plain_text,
    editor_command,
    file_name_for,
    pager_command,
    pager_width,
)
from quoth.tui.reading_state import STAR_MARK, ReadingMarks, list_marker
from quoth.tui.settings import app_settings, checked_keymap, settings_css
from quoth.tui.sorting import DATE, RELEVANCE, fetch_limit, sort_rows
from quoth.tui.state import SessionState, load_state, save_state

# -- citations -------------------------------------------------------------------


def _article(**fields: object) -> Article:
    base: dict[str, object] = {
        "body": "x",
        "title": "T",
        "source": "Ellis Gazette",
        "date": "2024-05-02T09:30:00",
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


def test_citation_strips_the_quotes_own_marks_and_sentence_comma() -> None:
    quote = Quote(text='"Two sailings a day,"', start=0, end=1, speaker="Marta Quist")
    assert (
        quote_citation(quote, _article())
        == '"Two sailings a day" — Marta Quist, Ellis Gazette, 2024-05-02'
    )


def test_citation_keeps_question_marks_and_handles_curly_quotes() -> None:
    quote = Quote(text="“Why now?”", start=0, end=1, speaker="Ivo")
    assert quote_citation(quote, _article(source=None, date=None)) == '"Why now?" — Ivo'


def test_citation_of_unattributed_quote_and_control_characters() -> None:
    quote = Quote(text='"Bad\x1b]52;c;ZXZpbA==\x07 news"', start=0, end=1, speaker=None)
    citation = quote_citation(quote, _article())
    assert "\x1b" not in citation and "\x07" not in citation
    assert citation.startswith('"Bad^[]52;c;ZXZpbA==^G news" — unattributed, Ellis Gazette')


def test_article_address_prefers_url_then_origin() -> None:
    assert article_address(_article(url="https://x.test/a", origin="/a.html")) == "https://x.test/a"
    assert article_address(_article(url="", origin="/srv/a.html")) == "/srv/a.html"
    assert article_address(_article(url=None, origin="")) is None


# -- pager and editor ---------------------------------------------------------------


def test_pager_and_editor_commands_follow_the_environment() -> None:
    assert pager_command({}) == ["less"]
    assert pager_command({"PAGER": "less -R -S"}) == ["less", "-R", "-S"]
    assert pager_command({"PAGER": "'unbalanced"}) == ["less"]
    assert editor_command({}) == ["vi"]
    assert editor_command({"VISUAL": "nano"}) == ["nano"]
    assert editor_command({"EDITOR": "emacs -nw", "VISUAL": "code"}) == ["emacs", "-nw"]


def test_plain_text_shows_control_characters_and_markup_as_text() -> None:
    article = _article(title="[bold]Title[/bold]", body="First \x1b[2J para.\n\nSecond.")
    text = article_plain_text(article)
    assert "\x1b" not in text
    assert "[bold]Title[/bold]" in text and "^[[2J" in text and "Second." in text


def test_pager_text_is_folded_at_word_boundaries() -> None:
    words = " ".join(f"word{n}" for n in range(60))
    article = _article(title="Folded", body=f"{words}\n\nShort one.")
    unfolded = article_plain_text(article)
    folded = article_plain_text(article, width=pager_width(80))
    assert max(len(line) for line in folded.splitlines()) <= 79
    assert folded.split() == unfolded.split()  # the same words, none cut in two
    assert "Short one." in folded.splitlines()
    assert pager_width(300) == 100 and pager_width(10) == 20


def test_temporary_file_name_is_tame() -> None:
    name = file_name_for(_article(title="../../etc/passwd: a ? b", id=7))
    assert name.startswith("quoth-7-") and name.endswith(".txt")
    assert "/" not in name and ".." not in name.removesuffix(".txt")


# -- remembered state ---------------------------------------------------------------


def test_state_round_trip_per_corpus(tmp_path: Path) -> None:
    state_file = tmp_path / "state.json"
    save_state(tmp_path / "a.db", SessionState("ferry", 3, DATE), state_file)
    save_state(tmp_path / "b.db", SessionState("market", None), state_file)
    assert load_state(tmp_path / "a.db", state_file) == SessionState("ferry", 3, DATE)
    assert load_state(tmp_path / "b.db", state_file) == SessionState("market", None)
    assert load_state(tmp_path / "c.db", state_file) == SessionState()


@pytest.mark.parametrize("content", ["{not json", "[]", '{"x": 3}', "\udc80", ""])
def test_corrupt_state_file_means_nothing_remembered(tmp_path: Path, content: str) -> None:
    state_file = tmp_path / "state.json"
    state_file.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert load_state(tmp_path / "a.db", state_file) == SessionState()
    assert save_state(tmp_path / "a.db", SessionState("q", 1), state_file)
    assert load_state(tmp_path / "a.db", state_file) == SessionState("q", 1)


def test_bad_fields_are_dropped_one_by_one(tmp_path: Path) -> None:
    state_file = tmp_path / "state.json"
    key = str((tmp_path / "a.db").resolve())
    state_file.write_text(json.dumps({key: {"query": 5, "article_id": True, "sort": "date"}}))
    assert load_state(tmp_path / "a.db", state_file) == SessionState("", None, DATE)


def test_unwritable_state_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert not save_state(tmp_path / "a.db", SessionState("q"), blocker / "state.json")


# -- sorting ---------------------------------------------------------------------------


@dataclass
class Row:
    id: int
    date: str | None


def test_sort_by_date_is_newest_first_undated_last_and_stable() -> None:
    rows = [
        Row(1, "2023-01-01"),
        Row(2, None),
        Row(3, "2025-02-01"),
        Row(4, "2023-01-01"),
        Row(5, "2024-06-01T10:00"),
    ]
    assert [r.id for r in sort_rows(rows, DATE)] == [3, 5, 1, 4, 2]
    assert [r.id for r in sort_rows(rows, RELEVANCE)] == [1, 2, 3, 4, 5]
    assert fetch_limit(DATE, 200) > 200 and fetch_limit(RELEVANCE, 200) == 200


# -- reading marks -----------------------------------------------------------------------


def test_list_marker() -> None:
    marks = ReadingMarks(unread={1, 2}, starred={2})
    assert [list_marker(marks, i) for i in (1, 2, 3)] == ["•", STAR_MARK, " "]
    marks.set_read(1, True)
    marks.set_starred(2, False)
    assert [list_marker(marks, i) for i in (1, 2)] == [" ", "•"]
    assert list_marker(None, 1) == " "


# -- export file names -----------------------------------------------------------------


def test_export_names_and_directories(tmp_path: Path) -> None:
    now = datetime(2026, 11, 28, 1, 2, 3)
    assert export_file_name(now) == "quoth-export-20261128-010203.jsonl"
    assert export_file_name(now, "csv", quotes=True) == "quoth-quotes-20261128-010203.csv"
    taken = tmp_path / "quoth-export-20261128-010203.jsonl"
    taken.write_text("")
    assert free_path(tmp_path, taken.name).name == "quoth-export-20261128-010203-2.jsonl"
    missing = tmp_path / "missing"
    assert export_directory([missing, tmp_path]) == tmp_path


# -- settings and terminals ---------------------------------------------------------------

THEMES = {"textual-dark", "ansi-dark", "nord"}
IDS = {"quoth.quit", "quoth.search"}


def test_keymap_keeps_known_ids_and_reports_unknown_ones() -> None:
    problems: list[str] = []
    keymap = checked_keymap(
        {"quoth.quit": "q, ctrl+q", "quoth.nope": "x", "quoth.search": " "}, IDS, problems
    )
    assert keymap == {"quoth.quit": "q,ctrl+q"}
    assert any("quoth.nope" in p for p in problems)
    assert any("quoth.search" in p and "no keys" in p for p in problems)


def test_unknown_theme_falls_back_with_a_message() -> None:
    settings = app_settings(
        Config(theme="solarised-pink"),
        themes=THEMES,
        binding_ids=IDS,
        environ={"TERM": "xterm-256color"},
    )
    assert settings.theme == "textual-dark"
    assert any("solarised-pink" in p for p in settings.problems)


@pytest.mark.parametrize(
    ("environ", "theme"),
    [
        ({"TERM": "xterm-256color"}, "textual-dark"),
        ({"TERM": "screen-256color"}, "textual-dark"),
        ({"TERM": "tmux-256color"}, "textual-dark"),
        ({"TERM": "xterm"}, "ansi-dark"),
        ({"TERM": "linux"}, "ansi-dark"),
        ({"TERM": "xterm", "COLORTERM": "truecolor"}, "textual-dark"),
    ],
)
def test_default_theme_follows_the_terminal(environ: dict[str, str], theme: str) -> None:
    settings = app_settings(Config(), themes=THEMES, binding_ids=IDS, environ=environ)
    assert settings.theme == theme
    assert settings.problems == []


def test_chosen_theme_wins_over_the_terminal() -> None:
    settings = app_settings(
        Config(theme="nord"), themes=THEMES, binding_ids=IDS, environ={"TERM": "linux"}
    )
    assert settings.theme == "nord"


def test_colour_support_without_colorterm() -> None:
    assert terminal.colour_support({"TERM": "tmux-256color"}) == terminal.COLOURS_256
    assert terminal.colour_support({"TERM": "xterm"}) == terminal.COLOURS_16
    assert terminal.colour_support({"TERM": "xterm", "NO_COLOR": ""}) == terminal.NO_COLOURS
    assert terminal.colour_support({"TERM": "dumb"}) == terminal.NO_COLOURS


def test_animations_off_unless_asked() -> None:
    assert app_settings(Config(), themes=THEMES, binding_ids=IDS).animation_level == "none"
    on = app_settings(Config(animations=True), themes=THEMES, binding_ids=IDS)
    assert on.animation_level == "full"


def test_layout_widths_become_css_and_bad_ones_are_reported() -> None:
    problems: list[str] = []
    css = settings_css(
        Layout(side_panel=True, list_width=50, panel_width=3), problems, console=True
    )
    assert "ArticleList { width: 50; max-width: 50; }" in css
    assert f"QuotesPanel {{ width: {Layout.panel_width};" in css
    assert "border: solid" in css
    assert any("panel_width" in p for p in problems)


def test_no_color_styles_avoid_colour_and_italic() -> None:
    quote, mention = terminal.highlight_styles({"NO_COLOR": "1"})
    assert quote.bold and not quote.italic and mention.reverse
    quote, mention = terminal.highlight_styles({})
    assert quote.italic and mention.bold and mention.underline


def test_enter_in_the_search_bar_is_not_a_binding_to_move() -> None:
    problems: list[str] = []
    assert (
        checked_keymap({"quoth.search.submit": "tab"}, IDS | {"quoth.search.submit"}, problems)
        == {}
    )
    assert problems and "cannot be changed" in problems[0]
