"""The quoth reader: a Textual app over one corpus file.

The app wires widgets to workers. Everything that touches the corpus runs in a
thread worker and posts a message back; each request carries a generation
number, so an answer that arrives after a newer request is dropped.
"""

from __future__ import annotations

import shlex
import time
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from .corpus_access import CorpusAccess
from .focus import focus_now
from .messages import (
    ArticleChosen,
    ArticleHighlighted,
    ArticleLoaded,
    CorpusGrew,
    CorpusOpened,
    DemoRequested,
    ListEndReached,
    QueryChanged,
    QuerySubmitted,
    QuoteSelected,
    QuoteShown,
    SearchCancelled,
    SearchFinished,
    SpeakerSearchRequested,
)
from .reader_extras import EXTRA_BINDINGS, ReaderExtras
from .screens.main import MainScreen
from .widgets.article_list import ArticleList
from .widgets.reader import Reader
from .widgets.search_bar import SearchBar

if TYPE_CHECKING:  # imported where used, after the first frame
    from textual.timer import Timer

    from .article_text import RenderedArticle
    from .corpus_access import ListRow
    from .widgets.quotes_panel import QuotesPanel

# Typing faster than this coalesces into one search; short enough not to be felt.
SEARCH_DEBOUNCE_SECONDS = 0.0
# Holding j through the list should not load every article it passes.
ARTICLE_DEBOUNCE_SECONDS = 0.03
SEARCH_LIMIT = 200

DemoOpener = Callable[[], Path]


class QuothApp(ReaderExtras, App[int]):
    # Absolute, so subclasses defined elsewhere (tests, benches) find it too.
    CSS_PATH = Path(__file__).with_name("quoth.tcss")
    TITLE = "quoth"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: over a slow link "/marsh" arrives in one read, and the App has
        # forwarded "marsh" to the list before the list has passed "/" back up. As a
        # priority binding, focus moves before the next key is routed.
        Binding("slash", "focus_search", "Search", id="quoth.search", priority=True),
        # Priority for the same reason: "marsh⏎jj" in one read must move in the
        # list, not type "jj" into the bar. Active in the search bar only.
        Binding(
            "enter",
            "submit_search",
            "To results",
            id="quoth.search.submit",
            show=False,
            priority=True,
        ),
        Binding("question_mark", "help", "Help", id="quoth.help"),
        Binding("q", "quit", "Quit", id="quoth.quit"),
        *EXTRA_BINDINGS,  # copy, pager/editor, read/star, palette (reader_extras.py)
        Binding("ctrl+r", "reload", "Reload", id="quoth.reload", show=False),
    ]
    # How often to look for articles another process ingested.
    WATCH_SECONDS: ClassVar[float] = 3.0

    def __init__(
        self, db_path: Path, *, demo: bool = False, open_demo: DemoOpener | None = None
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.demo = demo
        self.open_demo = open_demo
        self.access = CorpusAccess(self.db_path)
        self.corpus_total: int | None = None  # None until the listing is loaded
        self._announced_total = 0  # the corpus size last announced as new
        self._newest_id = 0  # the highest article id in the listing
        self._ingest_hint = "quoth ingest PATH"  # how to fill this corpus (welcome screen)
        self._new_after: int | None = None  # set by a reload: show what came after it
        self._watch_timer: Timer | None = None
        self.current_article: RenderedArticle | None = None
        # False: start with the side panel hidden; True/None: decided by the width.
        self.side_panel_at_start: bool | None = None
        self.query_text = ""
        self.last_search_ms: float | None = None
        self._search_generation = 0
        self._shown_generation = 0
        self._article_generation = 0
        self._go_to_results_when_ready = False
        self._cursor_at_submit = 0
        self._more_available = False
        # A search run again on changed data (read/star flags): its answer keeps
        # the cursor near where it was instead of on the same article or the top.
        self._stay_near_generation = -1
        if demo:
            self.sub_title = "demo corpus"

    # -- start-up --------------------------------------------------------------

    def on_mount(self) -> None:
        # Pushed rather than made the default screen: measured, this reaches the
        # first frame sooner (tests/bench/bench_tui.py).
        self.push_screen(MainScreen(self.size.width, panel=self.side_panel_at_start))

    def start_loading(self) -> None:
        """Called by the main screen once it has been drawn: read the corpus now."""
        if self.corpus_total is None:
            self.restore_session()  # the last query, from the state file
            self._load_corpus()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load_corpus(self) -> None:
        from ..corpus.store import CorpusError

        try:
            rows = self.access.listing()
        except CorpusError as exc:  # not a corpus, unreadable...: say so on the way out
            self.call_from_thread(self.exit, None, 1, f"quoth: {exc}")
            return
        except Exception as exc:  # noqa: BLE001 - shown in the list, never raised
            self.post_message(CorpusOpened([], 0, error=str(exc)))
            return
        self.load_reading_marks()  # read/starred marks, before the list is drawn
        if not rows:  # the welcome screen's advice (slow to work out: the CLI's imports)
            self._ingest_hint = ingest_command(self.db_path)
        newest = max((row.id for row in rows), default=0)
        self.post_message(CorpusOpened(rows, len(rows), newest_id=newest))
        if rows:
            self.access.prepare_search()

    def on_corpus_opened(self, message: CorpusOpened) -> None:
        self.arrange_listing(message)  # sort order, read marks (reader_extras.py)
        if message.error:
            self.corpus_total = 0
            self.article_list.set_rows([], message=f"Cannot read the corpus: {message.error}")
            return
        self.corpus_total = message.total
        self._announced_total = message.total
        if self._watch_timer is None:
            self._watch_timer = self.set_interval(self.WATCH_SECONDS, self._watch_corpus)
        self.main_screen.build_side_panel()
        if message.total == 0:
            from .screens.welcome import WelcomeScreen  # deferred: keeps start-up lean

            self.push_screen(
                WelcomeScreen(
                    corpus_label=_home_relative(self.db_path),
                    demo_available=self.open_demo is not None,
                    ingest_command=self._ingest_hint,
                )
            )
            return
        new_after, self._new_after = self._new_after, None
        self._newest_id = message.newest_id
        if self.query_text.strip():
            self.on_query_changed(QueryChanged(self.query_text))  # again, on the new data
        else:
            self._show_rows(message.rows, message.total)
            if new_after is not None and message.newest_id > new_after:
                self._go_to_first_new(new_after)

    def _go_to_first_new(self, seen_up_to: int) -> None:
        """After ctrl+r: the cursor on the first article added since (undated ones
        are listed last, where "ctrl+r shows them" would not show them)."""
        rows = self.article_list.rows
        first = next((i for i in range(len(rows)) if rows[i].id > seen_up_to), None)
        if first is not None:
            self.article_list.move_cursor(first)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _watch_corpus(self) -> None:
        try:
            total = self.access.article_count()
        except Exception:  # noqa: BLE001 - a busy or vanished file: look again next tick
            return
        self.post_message(CorpusGrew(total))

    def on_corpus_grew(self, message: CorpusGrew) -> None:
        known = self.corpus_total or 0
        if message.total <= known or message.total == self._announced_total:
            return
        self._announced_total = message.total
        new = message.total - known
        self.notify(
            f"{new} new article{'s' if new != 1 else ''} in the corpus: ctrl+r shows them",
            title="Corpus updated",
            timeout=15,
        )

    def action_reload(self) -> None:
        self.reload_corpus()

    # -- widgets -----------------------------------------------------------------

    @property
    def main_screen(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("main screen not mounted")

    def main_screen_mounted(self) -> bool:
        """The main screen and its list are there (not so while the app closes)."""
        return any(
            isinstance(screen, MainScreen) and bool(screen.query(ArticleList))
            for screen in self.screen_stack
        )

    @property
    def article_list(self) -> ArticleList:
        return self.main_screen.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.main_screen.query_one(Reader)

    @property
    def side_panel(self) -> QuotesPanel:
        return self.main_screen.query_one("#side")  # type: ignore[return-value]

    def _show_in_panel(self, rendered: RenderedArticle | None) -> None:
        # The panel is mounted lazily (after the first frame); it picks up
        # `current_article` itself when it arrives.
        for panel in self.main_screen.query("QuotesPanel"):
            panel.show(rendered)

    @property
    def search_bar(self) -> SearchBar:
        return self.main_screen.query_one(SearchBar)

    # -- searching -------------------------------------------------------------

    def on_query_changed(self, message: QueryChanged) -> None:
        self.query_text = message.query
        self._search_generation += 1
        self._search(self._search_generation, message.query, self.search_limit(SEARCH_LIMIT))

    def search_again(self) -> None:
        """The same query once more (the data under it changed), in the search worker.

        As many rows as are shown are asked for, and the answer leaves the
        cursor on the same article, else on the one that came next.
        """
        self._search_generation += 1
        self._stay_near_generation = self._search_generation
        limit = max(SEARCH_LIMIT, len(self.article_list.rows))
        self._search(self._search_generation, self.query_text, self.search_limit(limit))

    def on_list_end_reached(self, message: ListEndReached) -> None:
        """At the last of 200 matches, fetch more (the cursor stays where it is)."""
        if self._more_available and self._shown_generation == self._search_generation:
            self._more_available = False
            self._search_generation += 1
            self._search(self._search_generation, self.query_text, message.shown * 4)

    def _is_stale(self, generation: int) -> bool:
        return generation != self._search_generation

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, generation: int, query: str, limit: int) -> None:
        time.sleep(SEARCH_DEBOUNCE_SECONDS)
        if self._is_stale(generation):
            return
        started = time.perf_counter()
        try:
            outcome = self.access.search(query, limit, is_stale=lambda: self._is_stale(generation))
        except Exception as exc:  # noqa: BLE001 - a bad query must never crash the reader
            self.post_message(SearchFinished(generation, query, [], 0, 0.0, error=str(exc)))
            return
        if outcome.total < 0:
            return
        elapsed = (time.perf_counter() - started) * 1000
        self.post_message(SearchFinished(generation, query, outcome.rows, outcome.total, elapsed))

    def on_search_finished(self, message: SearchFinished) -> None:
        if message.generation != self._search_generation:
            return  # a newer search is on its way; never show an older answer
        self.arrange_results(message)  # sort order (reader_extras.py)
        self._shown_generation = message.generation
        self.last_search_ms = message.elapsed_ms
        if message.error:
            self.article_list.set_rows([], message=f"Search failed: {message.error}")
            return
        if self.corpus_total is None and not message.query.strip():
            return  # the listing is still loading; CorpusOpened will fill the list
        if not self.main_screen_mounted():
            return  # the app is closing
        going = self._go_to_results_when_ready
        # Rows moved through since Enter, while these results were on their way
        # ("marsh⏎jj" in one read): counted from the first result.
        moved = self.article_list.cursor - self._cursor_at_submit if going else 0
        self._show_rows(
            message.rows, message.total, stay_near=message.generation == self._stay_near_generation
        )
        if going:
            self._go_to_results(max(0, moved))

    def _show_rows(
        self,
        rows: list,
        total: int,  # type: ignore[type-arg]
        *,
        stay_near: bool = False,
    ) -> None:
        self._more_available = len(rows) < total
        article_list = self.article_list
        if stay_near:
            keep = nearest_kept(article_list.rows, article_list.cursor, rows)
            article_list.set_rows(rows, keep_id=keep, keep_scroll=True)
        else:
            article_list.set_rows(rows, keep_id=article_list.current_id)
        article_list.border_title = self._list_title(len(rows), total)

    def _list_title(self, shown: int, total: int) -> str:
        if not self.query_text.strip():
            return f"Articles · {total:,}"
        if shown < total:
            return f"Matches · {shown:,} of {total:,}"
        return f"Matches · {total:,}"

    def on_query_submitted(self, message: QuerySubmitted) -> None:
        if self._shown_generation == self._search_generation:
            self._go_to_results()
        else:
            self._go_to_results_when_ready = True
            self._cursor_at_submit = self.article_list.cursor

    def _go_to_results(self, row: int = 0) -> None:
        self._go_to_results_when_ready = False
        self.article_list.move_cursor(row)
        if self.focused is None or self.focused is self.search_bar:
            self.main_screen.show_list()  # else the user has moved on already

    def on_search_cancelled(self, message: SearchCancelled) -> None:
        # The bar has sent the focus on already; keys since may have moved it again.
        if self.main_screen_mounted() and self.focused in (None, self.search_bar):
            self.main_screen.show_list()

    def on_speaker_search_requested(self, message: SpeakerSearchRequested) -> None:
        name = message.name.replace('"', " ")
        self.search_for(f'speaker:"{name}"')
        self.main_screen.show_list()

    def search_for(self, query: str) -> None:
        """Put `query` in the bar and run it (as if typed)."""
        self.main_screen.remove_class("-zoomed")
        self.search_bar.value = query  # posts Input.Changed -> QueryChanged

    # -- reading ---------------------------------------------------------------

    def on_article_highlighted(self, message: ArticleHighlighted) -> None:
        self._article_generation += 1
        if message.article_id is None:
            self.current_article = None
            self.reader.show(None)
            self._show_in_panel(None)
            return
        self._load_article(self._article_generation, message.article_id)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, generation: int, article_id: int) -> None:
        time.sleep(ARTICLE_DEBOUNCE_SECONDS)
        if generation != self._article_generation:
            return
        from .article_text import render_article

        try:
            article = self.access.article(article_id)
            rendered = render_article(article) if article is not None else None
        except Exception as exc:  # noqa: BLE001 - one broken article must not end the session
            self.call_from_thread(self.notify, f"Cannot open article: {exc}", severity="error")
            rendered = None
        self.post_message(ArticleLoaded(generation, article_id, rendered))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        if message.generation != self._article_generation:
            return
        if not self.main_screen_mounted():
            return  # the app is closing: the worker finished after the reader went
        self.current_article = message.rendered
        self.reader.show(message.rendered)
        self._show_in_panel(message.rendered)

    def on_article_chosen(self, message: ArticleChosen) -> None:
        focus_now(self.reader)

    def on_quote_selected(self, message: QuoteSelected) -> None:
        self.reader.go_to_quote(message.index, flash=message.flash)

    def on_quote_shown(self, message: QuoteShown) -> None:
        for panel in self.main_screen.query("QuotesPanel"):
            panel.follow_quote(message.index)  # type: ignore[attr-defined]

    # -- demo ------------------------------------------------------------------

    def on_demo_requested(self, message: DemoRequested) -> None:
        if self.open_demo is not None:
            self.notify("Preparing the demo corpus…", timeout=3)
            self._switch_to_demo()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _switch_to_demo(self) -> None:
        assert self.open_demo is not None
        try:
            path = self.open_demo()
        except Exception as exc:  # noqa: BLE001
            self.call_from_thread(self.notify, f"Demo unavailable: {exc}", severity="error")
            return
        self.call_from_thread(self._reopen, path, demo=True)

    def reload_corpus(self) -> None:
        """Read the same corpus file again (another process may have ingested)."""
        self._new_after = self._newest_id
        self._reopen(self.db_path)

    def _reopen(self, path: Path, *, demo: bool | None = None) -> None:
        """Start again on the corpus at `path` (the demo, or the same file reloaded)."""
        self.access.close()
        self.db_path = Path(path)
        self.access = CorpusAccess(self.db_path)
        if demo is not None:
            self.demo = demo
            self.sub_title = "demo corpus" if demo else ""
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        self.corpus_total = None
        self._load_corpus()

    # -- actions ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Search belongs to the main screen; elsewhere the key is off (and out of the footer).
        if action == "focus_search":
            # In the bar itself "/" is just a character of the query.
            return isinstance(self.screen, MainScreen) and self.focused is not self.search_bar
        if action == "submit_search":  # elsewhere Enter is the focused widget's own
            return isinstance(self.screen, MainScreen) and self.focused is self.search_bar
        return super().check_action(action, parameters)  # the extras: main screen only

    def action_focus_search(self) -> None:
        if isinstance(self.screen, MainScreen):
            self.screen.remove_class("-zoomed")
            focus_now(self.search_bar)

    def action_submit_search(self) -> None:
        """Enter in the search bar: the list takes the keys from now on; the first
        result is selected now, or as soon as the results are in."""
        self.main_screen.show_list()
        self._cursor_at_submit = self.article_list.cursor
        # Keys typed before Enter may still be on their way through the bar; decide
        # once it has read them (a callback queued behind them).
        self.search_bar.call_later(self._submit_when_typed)

    def _submit_when_typed(self) -> None:
        if (
            self.search_bar.value == self.query_text
            and self._shown_generation == self._search_generation
        ):
            self._go_to_results(max(0, self.article_list.cursor - self._cursor_at_submit))
        else:
            self._go_to_results_when_ready = True

    def action_help(self) -> None:
        # Deferred imports: nothing here is needed for the first frame.
        from .keys import binding_sections
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        sections = binding_sections(self.BINDINGS, self._keymap, self.COMMAND_PALETTE_BINDING)
        keys = {key for section in sections for row in section.rows for key in row.keys}
        display = {key: self.get_key_display(Binding(key, "")) for key in keys}
        self.push_screen(HelpScreen(sections, display))

    def _main_action(self, action: Callable[[], object]) -> Callable[[], None]:
        """A palette callback that runs `action` on the main screen."""

        def run() -> None:
            if isinstance(self.screen, MainScreen):
                action()

        return run

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        on_main = isinstance(screen, MainScreen)
        for command in super().get_system_commands(screen):
            # Textual's own "Keys" (a panel that squeezes the reader at 80 columns)
            # would sit beside ours under the same name; ours lists every binding.
            if on_main and command.callback == self.action_show_help_panel:
                continue
            yield command
        if not on_main:
            return
        yield SystemCommand("Search", "Focus the search bar (/)", self.action_focus_search)
        yield SystemCommand(
            "Clear search", "Show every article, newest first", lambda: self.search_for("")
        )
        yield SystemCommand(
            "Toggle side panel", "Show or hide quotes and speakers (b)", screen.action_toggle_panel
        )
        yield SystemCommand(
            "Zoom reader", "The reading pane takes the whole screen (z)", screen.toggle_zoom
        )
        yield SystemCommand(
            "Next quote",
            "Jump to the next quote (n)",
            self._main_action(self.reader.action_next_quote),
        )
        yield SystemCommand(
            "Previous quote",
            "Jump to the previous quote (N)",
            self._main_action(self.reader.action_previous_quote),
        )
        yield SystemCommand(
            "Speaker's articles",
            "Search every article quoting the highlighted speaker (a)",
            self._main_action(lambda: self.side_panel.action_search_speaker()),
        )
        yield SystemCommand("Keys", "Every key binding (?)", self.action_help)
        yield SystemCommand(
            "Reload corpus", "Read the corpus again (after an ingest elsewhere)", self.reload_corpus
        )

    def on_unmount(self) -> None:
        self.access.close()


def run_reader(
    db_path: Path, *, demo: bool = False, mouse: bool = True, open_demo: DemoOpener | None = None
) -> int:
    """Open the corpus at `db_path` in the reader; returns the exit code.

    `open_demo` builds the demo corpus and returns its path (default: the
    bundled demo); the welcome screen offers it with one key.
    """
    # The corpus is opened in a worker after the first frame; a bad file ends
    # the app there with a one-line message and exit code 1.
    from ..corpus.config import load_config
    from .state import state_path

    app = QuothApp(Path(db_path), demo=demo, open_demo=open_demo or _bundled_demo)
    config, problems = load_config()  # a bad file: defaults, and a message in the app
    app.configure(config, problems, state_file=state_path())
    result = app.run(mouse=mouse)
    return int(result or app.return_code or 0)


def nearest_kept(old: Sequence[ListRow], cursor: int, new: Sequence[ListRow]) -> int | None:
    """The article to keep the cursor on when `old` becomes `new`: the one under the
    cursor if it stayed, else the nearest that stayed below it, else above it."""
    kept = {row.id for row in new}
    below = (old[i].id for i in range(cursor, len(old)))
    above = (old[i].id for i in range(cursor - 1, -1, -1))
    return next((id_ for id_ in chain(below, above) if id_ in kept), None)


def ingest_command(db_path: Path) -> str:
    """How to fill this corpus from the shell: `--db` unless it is the one `quoth
    ingest` picks by itself (else the articles would go to another corpus)."""
    from ..corpus.cli import resolve_db_path
    from ..corpus.config import load_config

    if _same_file(db_path, resolve_db_path(None, load_config()[0])):
        return "quoth ingest PATH"
    label = _home_relative(db_path)
    if label.startswith("~/") and shlex.quote(label[2:]) == label[2:]:
        where = label  # the shell expands ~ when it is not quoted
    else:
        where = shlex.quote(str(db_path))
    return f"quoth --db {where} ingest PATH"


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.expanduser().resolve() == second.expanduser().resolve()
    except OSError:
        return False


def _home_relative(path: Path) -> str:
    """`~/...` when under the home directory: shorter, and the same on every machine."""
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except ValueError:
        return str(path)


def _bundled_demo() -> Path:
    from ..corpus.demo_corpus import build_demo

    path, _report = build_demo()
    return path
