"""The search bar: an Input that speaks in QueryChanged / QuerySubmitted messages."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import Input

from ..messages import QueryChanged, QuerySubmitted, SearchCancelled

PLACEHOLDER = "/ search   words  \"a phrase\"  -not  speaker:NAME  source:NAME  after:2024"


class SearchBar(Input):
    """Search as you type; Enter (or down) goes to the results, Esc clears and leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Clear search", id="quoth.search.clear"),
        Binding("down", "submit_query", "To results", show=False, id="quoth.search.to_results"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)

    @on(Input.Changed)
    def _announce_change(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(QueryChanged(event.value))

    @on(Input.Submitted)
    def _announce_submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(QuerySubmitted(event.value))

    def action_submit_query(self) -> None:
        self.post_message(QuerySubmitted(self.value))

    def action_cancel(self) -> None:
        self.value = ""  # posts Input.Changed, so the full list comes back
        self.post_message(SearchCancelled())
