"""The reader's SSH-friendly extras, as a mixin for QuothApp.

Copy over OSC 52 (`y`, `Y`), the article in $PAGER / $EDITOR (`o`, `e`), read
and starred flags (`u`, `s`, opening marks read), sorting and export from the
palette, the user's config (theme, keymap, layout, animations) and the last
query and selection remembered between runs.

Kept apart from app.py so that the app's data flow stays readable. It uses
the app's attributes (db_path, access, current_article, reader, article_list,
query_text, search_for, search_again, on_query_changed, _show_rows,
_search_generation); the app calls restore_session() as it starts loading the
corpus, load_reading_marks() in its loading worker and search_limit() before
each search; the list draws the marks through its row_marker hook; arrange_listing()
and arrange_results() put rows in the chosen order before the app shows them.
(Textual calls a message handler of every class in the MRO, the app's first,
so order-sensitive steps are hooks the app calls, not handlers here.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .messages import (
    ArticleChosen,
    ArticleHighlighted,
    CorpusOpened,
    QueryChanged,
    SearchFinished,
)
from .reading_state import ReadingMarks, ReadingStateStore, list_marker
from .sorting import DATE, RELEVANCE, describe, fetch_limit, sort_rows
from .terminal import NO_COLOR_CSS

if TYPE_CHECKING:  # the rest is imported where used: none of it is needed for the first frame
    from ..corpus.config import Config
    from ..corpus.model import Article, Quote

NOTIFY_PREVIEW_CHARS = 60

PALETTE_ID = "quoth.palette"
EXTRA_BINDINGS: list[Binding] = [
    Binding("y", "copy_quote", "Copy quote", id="quoth.copy.quote"),
    Binding("Y", "copy_link", "Copy link or origin", show=False, id="quoth.copy.link"),
    Binding("o", "open_pager", "Open in $PAGER", show=False, id="quoth.open.pager"),
    Binding("e", "open_editor", "Open in $EDITOR", show=False, id="quoth.open.editor"),
    Binding("u", "toggle_read", "Toggle read", show=False, id="quoth.mark.read"),
    Binding("s", "toggle_star", "Toggle star", show=False, id="quoth.mark.star"),
    # Textual adds its own palette binding without an id unless the app has one:
    # this one gives the config's [keys] a name for it.
    Binding(
        "ctrl+p",
        "command_palette",
        "palette",
        show=False,
        priority=True,
        id=PALETTE_ID,
        tooltip="Open the command palette",
    ),
]

_EXTRA_ACTIONS = frozenset(b.action for b in EXTRA_BINDINGS if b.id != PALETTE_ID)


class ReaderExtras:
    """Mixed into QuothApp (before App in the bases)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        app: Any = self
        # Off unless the config asks: over a slow link every frame counts.
        app.animation_level = "none"
        # Inert unless NO_COLOR is set; configure() adds the config's own rules.
        app.CSS = NO_COLOR_CSS
        self.reading_marks: ReadingMarks | None = None
        self.sort_order = RELEVANCE
        self.state_file: Path | None = None
        self.setting_problems: list[str] = []
        self.side_panel_at_start: bool | None = None  # None: the width decides
        self._restore: Any = None  # a SessionState, until its selection is put back
        self._selected_id: int | None = None
        self._engine_rows: list[Any] = []
        self._reading_store: ReadingStateStore | None = None

    # -- settings --------------------------------------------------------------

    def configure(
        self, config: Config, problems: Iterable[str] = (), *, state_file: Path | None = None
    ) -> None:
        """Apply the user's config (before run()); remember state in `state_file`."""
        from .settings import app_settings
        from .state import load_state

        app: Any = self
        settings = app_settings(
            config, themes=app.available_themes, binding_ids=self._binding_ids_for(config)
        )
        app.theme = settings.theme
        app.animation_level = settings.animation_level
        app.CSS = settings.css  # read when the app starts, after quoth.tcss
        app.set_keymap(settings.keymap)
        if PALETTE_ID in settings.keymap:  # the footer and help find the palette by this key
            app.COMMAND_PALETTE_BINDING = settings.keymap[PALETTE_ID].split(",")[0]
        self.side_panel_at_start = settings.side_panel
        self.setting_problems = [*problems, *settings.problems]
        self.state_file = state_file
        if state_file is not None:
            self._restore = load_state(app.db_path, state_file)
            self.sort_order = self._restore.sort

    def _binding_ids_for(self, config: Config) -> set[str]:
        """Every binding id, to check the config's [keys] table against.

        Listing them imports every widget (the side panel is the heaviest): a
        cost for the first frame that only a config with a [keys] table pays.
        """
        if not config.keys:
            return set()
        from .keys import binding_sections
        from .settings import binding_ids

        app: Any = self
        return binding_ids(binding_sections(app.BINDINGS))

    def on_mount(self) -> None:
        app: Any = self
        for problem in self.setting_problems:
            app.notify(problem, title="quoth config", severity="warning", timeout=12, markup=False)

    def restore_session(self) -> None:
        """Called by the app as it starts loading the corpus: put back the last query."""
        app: Any = self
        restore = self._restore
        if restore is not None and restore.query.strip():
            app.search_for(restore.query)

    # -- remembering the session -------------------------------------------

    def on_article_highlighted(self, message: ArticleHighlighted) -> None:
        self._selected_id = message.article_id

    def on_unmount(self) -> None:
        app: Any = self
        if self.state_file is not None:
            from .state import SessionState, save_state

            state = SessionState(app.query_text, self._selected_id, self.sort_order)
            save_state(app.db_path, state, self.state_file)
        if self._reading_store is not None:
            self._reading_store.close()

    def _restore_selection(self) -> None:
        """Once the remembered query's results are in, put the cursor back on its article."""
        restore, self._restore = self._restore, None
        if restore is None or restore.article_id is None:
            return
        app: Any = self
        articles = app.article_list
        for index, row in enumerate(articles.rows):
            if row.id == restore.article_id:
                articles.move_cursor(index)
                return

    def _restore_due(self, query: str) -> bool:
        app: Any = self
        return (
            self._restore is not None and query == self._restore.query and app.query_text == query
        )

    # -- sorting -----------------------------------------------------------------

    def arrange_listing(self, message: CorpusOpened) -> None:
        """Called by the app before it shows the listing: rows in the chosen order."""
        app: Any = self
        self._engine_rows = list(message.rows)
        message.rows = sort_rows(message.rows, self.sort_order)
        with contextlib.suppress(LookupError):  # • unread, ★ starred, before each title
            app.article_list.row_marker = self._row_marker
        if not message.error and self._restore_due(""):
            self.call_next(self._restore_selection)  # type: ignore[attr-defined]

    def arrange_results(self, message: SearchFinished) -> None:
        """Called by the app before it shows the newest search's results."""
        self._engine_rows = list(message.rows)
        message.rows = sort_rows(message.rows, self.sort_order)
        if not message.error and self._restore_due(message.query):
            self.call_next(self._restore_selection)  # type: ignore[attr-defined]

    def search_limit(self, shown_limit: int) -> int:
        return fetch_limit(self.sort_order, shown_limit)

    def set_sort_order(self, order: str) -> None:
        app: Any = self
        self.sort_order = order
        app.notify(f"Sorted {describe(order)}", timeout=2)
        if app.query_text.strip():
            # Date order needs more rows to find the newest matches; the answer
            # comes back through on_search_finished, which sorts it.
            app.on_query_changed(QueryChanged(app.query_text))
            return
        if app.corpus_total:
            app._show_rows(sort_rows(self._engine_rows, order), app.corpus_total)

    # -- reading state -------------------------------------------------------

    def load_reading_marks(self) -> None:
        """Read every flag; called by the app's loading worker, in its thread, so that
        the marks are there before the list is first drawn."""
        app: Any = self
        store = self._reading_store
        if store is None or store.db_path != app.db_path:  # a new corpus (the demo)
            if store is not None:
                store.close()
            store = self._reading_store = ReadingStateStore(app.db_path)
        try:
            self.reading_marks = store.load()
        except Exception:  # noqa: BLE001 - no flags is better than no reader
            self.reading_marks = None

    def _row_marker(self, article_id: int) -> str:
        return list_marker(self.reading_marks, article_id)

    def _refresh_list(self) -> None:
        app: Any = self
        with contextlib.suppress(LookupError):
            app.article_list.refresh()

    def on_article_chosen(self, message: ArticleChosen) -> None:
        """Enter on a row opens the article: it is read now."""
        self._mark_read(message.article_id)

    def _mark_read(self, article_id: int | None) -> None:
        if article_id is not None and self._is_unread(article_id):
            self._mark(article_id, read=True)

    def _is_unread(self, article_id: int) -> bool:
        return self.reading_marks is not None and self.reading_marks.is_unread(article_id)

    def action_toggle_read(self) -> None:
        article_id = self._current_id()
        if article_id is None or self.reading_marks is None:
            return
        read = self.reading_marks.is_unread(article_id)
        self._mark(article_id, read=read, list_follows=True)
        self._say("Marked read" if read else "Marked unread")

    def action_toggle_star(self) -> None:
        article_id = self._current_id()
        if article_id is None or self.reading_marks is None:
            return
        starred = not self.reading_marks.is_starred(article_id)
        self.reading_marks.set_starred(article_id, starred)
        self._refresh_list()
        self._write_flag(article_id, "starred", starred, list_follows=True)
        self._say("Starred" if starred else "Unstarred")

    def _mark(self, article_id: int, *, read: bool, list_follows: bool = False) -> None:
        if self.reading_marks is None:
            return
        self.reading_marks.set_read(article_id, read)
        self._refresh_list()
        self._write_flag(article_id, "read", read, list_follows=list_follows)

    @work(thread=True, group="reading-state-write", exit_on_error=False)
    def _write_flag(
        self, article_id: int, flag: str, value: bool, *, list_follows: bool = False
    ) -> None:
        """Store one flag; with `list_follows`, a list filtered on flags is then run again.

        (Only for u and s: opening an article marks it read too, but the list must
        not pull the article being read out from under the reader.)
        """
        app: Any = self
        store = self._reading_store or ReadingStateStore(app.db_path)
        self._reading_store = store
        try:
            if flag == "read":
                store.set_read(article_id, value)
            else:
                store.set_starred(article_id, value)
        except Exception as exc:  # noqa: BLE001 - a read-only corpus: say so once per change
            app.call_from_thread(
                app.notify, f"Not saved: {exc}", severity="warning", timeout=4, markup=False
            )
            return
        if list_follows:
            # After the write: the search reads the flags from the corpus.
            app.call_from_thread(self._search_again_if_flags_matter)

    def _search_again_if_flags_matter(self) -> None:
        """The list shows `is:unread`, `is:starred`...: a changed flag may change it."""
        from ..corpus.query import parse_query

        app: Any = self
        if parse_query(app.query_text).reads_state and app.main_screen_mounted():
            app.search_again()  # (not while quitting: the list is gone)

    def _current_id(self) -> int | None:
        app: Any = self
        if not self._on_main_screen():
            return None
        return app.article_list.current_id

    # -- copy --------------------------------------------------------------------

    def action_copy_quote(self) -> None:
        article = self._current_article()
        if article is None:
            return
        quote = self._selected_quote(article)
        if quote is None:
            self._say("This article has no quotes")
            return
        from .clipboard import quote_citation

        citation = quote_citation(quote, article)
        app: Any = self
        app.copy_to_clipboard(citation)
        self._say(f"Copied {_preview(citation)}")

    def action_copy_link(self) -> None:
        article = self._current_article()
        if article is None:
            return
        from .clipboard import article_address

        address = article_address(article)
        if address is None:
            self._say("This article has no URL or origin")
            return
        app: Any = self
        app.copy_to_clipboard(address)
        self._say(f"Copied {_preview(address)}")

    def _selected_quote(self, article: Article) -> Quote | None:
        """The quote the reader is on (n / N, or chosen in the panel), else the first."""
        if not article.quotes:
            return None
        app: Any = self
        index = app.reader.current_quote
        if index is None:
            index = self._panel_quote_index()
        if index is None or not 0 <= index < len(article.quotes):
            index = 0
        return article.quotes[index]

    def _panel_quote_index(self) -> int | None:
        """The quote highlighted in the side panel, when the panel has the focus."""
        app: Any = self
        focused = app.focused
        if focused is None or focused.id != "quote-list":
            return None
        option = focused.highlighted_option
        return int(option.id) if option is not None and option.id is not None else None

    # -- pager and editor ----------------------------------------------------

    def action_open_pager(self) -> None:
        from .external import pager_command, pager_width

        app: Any = self
        self._open_externally(pager_command(), width=pager_width(app.size.width))

    def action_open_editor(self) -> None:
        from .external import editor_command

        self._open_externally(editor_command())  # unfolded: the editor's lines are the user's

    def _open_externally(self, command: list[str], width: int | None = None) -> None:
        article = self._current_article()
        if article is None:
            return
        from .external import open_in_program

        app: Any = self
        outcome = open_in_program(article, command, app.suspend, width)
        if outcome.ok:
            self._mark_read(article.id)
        else:
            app.notify(outcome.message, severity="warning", timeout=5, markup=False)

    # -- export ----------------------------------------------------------------

    def export_current_results(self, fmt: str = "jsonl", quotes: bool = False) -> None:
        app: Any = self
        self._say("Exporting…")
        self._export(app.query_text, fmt, quotes)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, query: str, fmt: str, quotes: bool) -> None:
        from .export_command import export_results

        app: Any = self
        try:
            ids = self._result_ids(query)
            path, written = export_results(app.db_path, ids, fmt=fmt, quotes=quotes)
        except Exception as exc:  # noqa: BLE001 - a full disk must not end the session
            app.call_from_thread(
                app.notify, f"Export failed: {exc}", severity="error", markup=False
            )
            return
        what = "quote" if quotes else "article"
        app.call_from_thread(
            app.notify,
            f"Exported {written} {what}{'s' if written != 1 else ''} to {path}",
            title="Export",
            timeout=10,
            markup=False,
        )

    def _result_ids(self, query: str) -> list[int]:
        """Every match of `query` (not just the rows shown), in the chosen order."""
        app: Any = self
        if not query.strip():
            rows = app.access.listing()
        else:
            # The engine's total is exact up to the limit asked for: widen until it all fits.
            limit = max(app.access.search(query, 1).total, 1)
            while True:
                outcome = app.access.search(query, limit)
                rows = outcome.rows
                if len(rows) < limit or len(rows) >= outcome.total:
                    break
                limit = max(limit * 2, outcome.total)
        return [row.id for row in sort_rows(rows, self.sort_order)]

    # -- palette -------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)  # type: ignore[misc]
        if not self._on_main_screen(screen):
            return
        yield SystemCommand("Sort by date", "Newest first", lambda: self.set_sort_order(DATE))
        yield SystemCommand(
            "Sort by relevance",
            "Best match first (the default)",
            lambda: self.set_sort_order(RELEVANCE),
        )
        yield SystemCommand(
            "Export results (JSON Lines)",
            "Every current match to quoth-export-….jsonl",
            lambda: self.export_current_results("jsonl"),
        )
        yield SystemCommand(
            "Export results (CSV)",
            "Every current match to quoth-export-….csv",
            lambda: self.export_current_results("csv"),
        )
        yield SystemCommand(
            "Export quotes of results (CSV)",
            "The quotes of every current match to quoth-quotes-….csv",
            lambda: self.export_current_results("csv", quotes=True),
        )
        yield SystemCommand(
            "Copy quote", "The selected quote, as a citation (y)", self.action_copy_quote
        )
        yield SystemCommand("Copy link", "The article's URL or origin (Y)", self.action_copy_link)
        yield SystemCommand(
            "Open in pager", "The article as plain text in $PAGER (o)", self.action_open_pager
        )
        yield SystemCommand(
            "Open in editor", "The article as plain text in $EDITOR (e)", self.action_open_editor
        )
        yield SystemCommand(
            "Toggle read", "Mark the article read or unread (u)", self.action_toggle_read
        )
        yield SystemCommand(
            "Toggle star", "Star or unstar the article (s)", self.action_toggle_star
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The extras' keys work (and show in the footer) on the main screen only."""
        if action in _EXTRA_ACTIONS and not self._on_main_screen():
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    # -- helpers -----------------------------------------------------------------

    def _on_main_screen(self, screen: Screen | None = None) -> bool:
        from .screens.main import MainScreen

        app: Any = self
        return isinstance(screen or app.screen, MainScreen)

    def _current_article(self) -> Article | None:
        app: Any = self
        rendered = app.current_article
        if not self._on_main_screen() or rendered is None:
            return None
        return rendered.article

    def _say(self, text: str) -> None:
        app: Any = self
        app.notify(text, timeout=3, markup=False)


def _preview(text: str) -> str:
    return text if len(text) <= NOTIFY_PREVIEW_CHARS else text[: NOTIFY_PREVIEW_CHARS - 1] + "…"
