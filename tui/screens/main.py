"""The main screen: search bar, article list, reader, side panel, footer.

It owns the layout and moving between panes; the app owns the data flow.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ..widgets.article_list import ArticleList
from ..widgets.quotes_panel import QuotesPanel
from ..widgets.reader import Reader
from ..widgets.search_bar import SearchBar

# Below this width the side panel starts hidden (it is still one key away).
NARROW_WIDTH = 120


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="quoth.pane.next"),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False,
                id="quoth.pane.previous"),
        Binding("h", "step_pane(-1)", "Pane left", show=False, id="quoth.pane.left"),
        Binding("l", "step_pane(1)", "Pane right", show=False, id="quoth.pane.right"),
        Binding("b", "toggle_panel", "Panel", id="quoth.pane.toggle_panel"),
        Binding("z", "toggle_zoom", "Zoom", id="quoth.pane.zoom"),
    ]

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield Reader(id="reader")
            yield QuotesPanel(id="side")
        yield Footer()

    def on_mount(self) -> None:
        if self.app.size.width < NARROW_WIDTH:
            self.add_class("-no-panel")
        self.query_one(ArticleList).focus()

    # -- panes -----------------------------------------------------------------

    def panes(self) -> list[Widget]:
        """The focusable panes, left to right, that are on screen now."""
        panes: list[Widget] = [self.query_one(ArticleList), self.query_one(Reader)]
        panes.append(self.query_one(QuotesPanel).active_list())
        return [pane for pane in panes if _is_shown(pane)]

    def _current_pane(self, panes: list[Widget]) -> int | None:
        focused = self.focused
        for index, pane in enumerate(panes):
            if focused is not None and (focused is pane or pane in focused.ancestors):
                return index
        return None

    def action_step_pane(self, step: int) -> None:
        """h / l: one pane left or right, stopping at the edges."""
        panes = self.panes()
        current = self._current_pane(panes)
        target = 0 if current is None else max(0, min(len(panes) - 1, current + step))
        panes[target].focus()

    def action_cycle_pane(self, step: int) -> None:
        """tab / shift+tab: the search bar and the panes, round and round."""
        ring: list[Widget] = [self.query_one(SearchBar), *self.panes()]
        focused = self.focused
        current = next((i for i, w in enumerate(ring) if w is focused), -1)
        ring[(current + step) % len(ring)].focus()

    def action_toggle_panel(self) -> None:
        self.remove_class("-zoomed")
        self.toggle_class("-no-panel")
        self._keep_focus_visible()

    def action_toggle_zoom(self) -> None:
        self.toggle_class("-zoomed")
        if self.has_class("-zoomed"):
            self.query_one(Reader).focus()
        self._keep_focus_visible()

    def _keep_focus_visible(self) -> None:
        focused = self.focused
        if focused is not None and not _is_shown(focused):
            self.query_one(Reader).focus()


def _is_shown(widget: Widget) -> bool:
    """Displayed, and so are all its ancestors (CSS classes hide whole panes)."""
    node: Widget | None = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent if isinstance(node.parent, Widget) else None
    return True
