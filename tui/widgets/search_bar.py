"""The search bar: an Input that speaks in QueryChanged / QuerySubmitted messages."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.widgets import Input

from ..key_order import run_own_binding
from ..messages import QueryChanged, QuerySubmitted, SearchCancelled

PLACEHOLDER = '/ search   words  "a phrase"  -not  speaker:NAME  source:NAME  after:2024'


class SearchBar(Input):
    """Search as you type; Enter (or down) goes to the results, Esc clears and leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Clear search", id="quoth.search.clear"),
        Binding("down", "submit_query", "To results", show=False, id="quoth.search.to_results"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)
        self._left = False  # Esc or ↓ sent the focus on; cleared when it comes back

    def on_focus(self) -> None:
        self._left = False

    @on(Input.Changed)
    def _announce_change(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(QueryChanged(event.value))

    @on(Input.Submitted)
    def _announce_submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(QuerySubmitted(event.value))

    async def _on_key(self, event: events.Key) -> None:
        if self._left and self.screen.focused is not self:  # (has_focus lags a turn)
            # Routed here in the same read as the Esc or ↓ that moved the focus on:
            # handed back to the app, which sends it where the focus is now.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        # Textual runs a key's binding only once the key has bubbled up to the app,
        # and by then the keys behind it in the same read (a slow SSH link, a fast
        # typist, a paste) have been typed: "ab⌫c" gave "ab". The bar's own keys
        # (backspace, ctrl+u, arrows...) run here instead, in the order they came.
        if not event.is_printable and await run_own_binding(self, event.key):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)

    async def action_submit_query(self) -> None:
        """↓: to the results, as Enter (the app's submit_search) does."""
        self._left = True
        if not await self.app.run_action("app.submit_search"):
            self._leave()  # no such action (the bar outside the reader app)
            self.post_message(QuerySubmitted(self.value))

    def action_cancel(self) -> None:
        self.value = ""  # posts Input.Changed, so the full list comes back
        self._leave()
        self.post_message(SearchCancelled())

    def _leave(self) -> None:
        """Focus on to the results now, so that the next key already goes there."""
        self._left = True
        show_list = getattr(self.screen, "show_list", None)
        if callable(show_list):
            show_list()
