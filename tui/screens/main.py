"""The main screen: search bar, article list, reader, side panel, footer.

It owns the layout and moving between panes; the app owns the data flow.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ..focus import focus_now
from ..widgets.article_list import ArticleList
from ..widgets.reader import Reader
from ..widgets.search_bar import SearchBar

# Below this width the side panel starts hidden (it is still one key away).
PANEL_HIDDEN_BELOW = 120
# Below this width an open side panel takes the article list's place, so the
# reading pane keeps a readable measure (at 80 columns: about 50).
NARROW_BELOW = 100


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="quoth.pane.next"),
        Binding(
            "shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="quoth.pane.previous"
        ),
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
            yield PanelSlot()
        yield Footer()

    def __init__(self, width: int, *, panel: bool | None = None) -> None:
        """`panel=False` starts with the side panel hidden; otherwise the width decides."""
        # Layout classes are chosen before the first mount: changing a class on a
        # mounted screen restyles every widget, which costs the first frame ~50 ms.
        narrow = width < NARROW_BELOW
        classes = ["-narrow"] if narrow else []
        if panel is False or width < PANEL_HIDDEN_BELOW:
            classes.append("-no-panel")
        # Until the user opens or closes the panel (b), it follows the window's width.
        self._panel_follows_width = panel is not False
        super().__init__(classes=" ".join(classes))

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()
        # The corpus is read after this screen's first frame, not before it.
        self.call_after_refresh(self._first_frame_done)

    def _first_frame_done(self) -> None:
        start_loading = getattr(self.app, "start_loading", None)
        if start_loading is not None:
            start_loading()

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        rearrange = False
        if self.has_class("-narrow") != (width < NARROW_BELOW):
            self.set_class(width < NARROW_BELOW, "-narrow")
            rearrange = True
        hidden = width < PANEL_HIDDEN_BELOW
        if self._panel_follows_width and self.has_class("-no-panel") != hidden:
            # A window widened past the panel's width shows it, as a wide start would.
            self.set_class(hidden, "-no-panel")
            rearrange = True
        if rearrange:
            self._arrange()

    def _arrange(self) -> None:
        panel_open = not self.has_class("-no-panel")
        self.set_class(panel_open and self.has_class("-narrow"), "-panel-over-list")
        # Styles from the new classes apply on the next refresh; check focus then.
        self.call_after_refresh(self._keep_focus_visible)

    def build_side_panel(self) -> None:
        """Put the real side panel in place (once; later calls do nothing)."""
        for slot in self.query(PanelSlot):
            self.run_worker(slot.swap_in_panel(), group="panel", exclusive=True)

    # -- panes -----------------------------------------------------------------

    def panes(self) -> list[Widget]:
        """The focusable panes, left to right, that are on screen now."""
        panes: list[Widget] = [self.query_one(ArticleList), self.query_one(Reader)]
        panes += [panel.active_list() for panel in self.query("QuotesPanel")]  # type: ignore[attr-defined]
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
        focus_now(panes[target])

    def action_cycle_pane(self, step: int) -> None:
        """tab / shift+tab: the search bar and the panes, round and round."""
        ring: list[Widget] = [self.query_one(SearchBar), *self.panes()]
        focused = self.focused
        current = next((i for i, w in enumerate(ring) if w is focused), -1)
        focus_now(ring[(current + step) % len(ring)])

    def action_toggle_panel(self) -> None:
        self._panel_follows_width = False  # the user's choice stands from now on
        self.remove_class("-zoomed")
        focused = self.focused
        if (
            not self.has_class("-no-panel")
            and focused is not None
            and any(
                panel is focused or panel in focused.ancestors
                for panel in self.query("QuotesPanel")
            )
        ):
            # Closing the pane that has the focus: Textual would drop the focus
            # altogether (no key would work until tab); the reader takes it.
            focus_now(self.query_one(Reader))
        self.toggle_class("-no-panel")
        self._arrange()
        if not self.has_class("-no-panel"):
            for panel in self.query("QuotesPanel"):
                focus_now(panel.active_list())  # type: ignore[attr-defined]

    def show_list(self) -> None:
        """Make the article list visible (unzoom; on a narrow screen, close the panel)."""
        self.remove_class("-zoomed")
        if self.has_class("-panel-over-list"):
            self._panel_follows_width = False
            self.add_class("-no-panel")
            self.remove_class("-panel-over-list")
        focus_now(self.query_one(ArticleList))

    def action_toggle_zoom(self) -> None:
        if isinstance(self.focused, SearchBar):
            # Only a "z" typed before "/" in the same read gets here (in the bar, "z"
            # is text): "/" has moved to the bar already and leaves the zoom when it
            # acts, so in typing order the two cancel out; zooming now would hide the
            # bar being typed in.
            return
        self.toggle_zoom()

    def toggle_zoom(self) -> None:
        """The reading pane takes the whole screen, or gives it back."""
        self.toggle_class("-zoomed")
        if self.has_class("-zoomed"):
            focus_now(self.query_one(Reader))
        self.call_after_refresh(self._keep_focus_visible)

    def _keep_focus_visible(self) -> None:
        focused = self.focused
        if focused is None or (focused.is_attached and not _is_shown(focused)):
            focus_now(self.query_one(Reader))


class PanelSlot(Widget):
    """Holds the side panel's place until the corpus has been read.

    The panel (tabs, two option lists) is the heaviest pane to import, style
    and lay out, it has nothing to show before an article, and on small
    terminals it starts hidden: building it later gets the first frame out
    sooner (measured in tests/bench/bench_tui.py).
    """

    DEFAULT_CSS = "PanelSlot { display: none; }"

    async def swap_in_panel(self) -> None:
        from ..widgets.quotes_panel import QuotesPanel

        parent = self.parent
        if isinstance(parent, Widget):
            await parent.mount(QuotesPanel(id="side"), after=self)
            await self.remove()


def _is_shown(widget: Widget) -> bool:
    """Displayed, and so are all its ancestors (CSS classes hide whole panes)."""
    node: Widget | None = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent if isinstance(node.parent, Widget) else None
    return True
