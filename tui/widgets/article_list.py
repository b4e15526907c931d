"""The article list: a virtual list that draws only the rows on screen.

A ScrollView with the Line API: `render_line` builds the one line asked for,
so 100,000 rows cost no more to show or scroll than 20. Each article takes two
lines: the title (matched characters highlighted) and a dim line of date,
source and number of quotes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..corpus_access import ListRow
from ..key_order import KeysInOrder
from ..messages import ArticleChosen, ArticleHighlighted, ListEndReached
from ..safe_text import clean_keep_length, clean_line

ROW_HEIGHT = 2
ELLIPSIS = "…"


class ArticleList(KeysInOrder, ScrollView, can_focus=True):
    """Rows of articles with a cursor; posts ArticleHighlighted as the cursor moves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="quoth.list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="quoth.list.up"),
        Binding("home,g", "first", "First", show=False, id="quoth.list.first"),
        Binding("end,G", "last", "Last", show=False, id="quoth.list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="quoth.list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="quoth.list.page_up"),
        Binding(
            "ctrl+d", "half_page_down", "Half page down", show=False, id="quoth.list.half_down"
        ),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False, id="quoth.list.half_up"),
        Binding("enter", "choose", "Read", id="quoth.list.open"),
        # ScrollView binds left/right to sideways scrolling; here they change pane.
        Binding("left", "screen.step_pane(-1)", "Pane left", show=False, id="quoth.list.pane_left"),
        Binding(
            "right", "screen.step_pane(1)", "Pane right", show=False, id="quoth.list.pane_right"
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--marker",
        "article-list--match",
        "article-list--meta",
        "article-list--message",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: Sequence[ListRow] = ()
        self._cursor = 0
        self._last_posted: int | None = -1
        self.message = "Loading corpus…"
        # One character before each title (e.g. "•" for unread); None: a space.
        self.row_marker: Callable[[int], str | None] | None = None

    # -- data ----------------------------------------------------------------

    @property
    def rows(self) -> Sequence[ListRow]:
        return self._rows

    @property
    def cursor(self) -> int:
        return self._cursor

    @property
    def current_id(self) -> int | None:
        if 0 <= self._cursor < len(self._rows):
            return self._rows[self._cursor].id
        return None

    def set_rows(
        self,
        rows: Sequence[ListRow],
        *,
        keep_id: int | None = None,
        message: str = "No matching articles",
        keep_scroll: bool = False,
    ) -> None:
        """Show `rows`; the cursor stays on `keep_id` when it is still there.

        `keep_scroll` leaves the view where it is (scrolling only as far as the
        cursor needs): for the same list again, minus a row or two, so that the
        rows on screen do not jump.
        """
        self._rows = rows
        self.message = message
        self.virtual_size = Size(self.size.width, len(rows) * ROW_HEIGHT)
        index = _index_of(rows, keep_id) if keep_id is not None else None
        self._cursor = 0
        if not keep_scroll:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.move_cursor(index or 0)
        self.refresh()

    def move_cursor(self, index: int) -> None:
        if not self._rows:
            self._cursor = 0
            self._post_highlight()
            return
        index = max(0, min(index, len(self._rows) - 1))
        self._refresh_row(self._cursor)
        self._cursor = index
        self._refresh_row(index)
        self.scroll_to_region(
            Region(0, index * ROW_HEIGHT, max(1, self.size.width), ROW_HEIGHT),
            animate=False,
            immediate=True,
            force=True,
        )
        self._post_highlight()
        if index == len(self._rows) - 1:
            self.post_message(ListEndReached(len(self._rows)))

    def _post_highlight(self) -> None:
        current = self.current_id
        if current != self._last_posted:
            self._last_posted = current
            self.post_message(ArticleHighlighted(current))

    def _refresh_row(self, index: int) -> None:
        y = index * ROW_HEIGHT - int(self.scroll_y)
        self.refresh(Region(0, y, self.size.width, ROW_HEIGHT))

    # -- actions -------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._rows) - 1)

    def _rows_per_page(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT)

    def action_page_down(self) -> None:
        self.move_cursor(self._cursor + self._rows_per_page())

    def action_page_up(self) -> None:
        self.move_cursor(self._cursor - self._rows_per_page())

    def action_half_page_down(self) -> None:
        self.move_cursor(self._cursor + max(1, self._rows_per_page() // 2))

    def action_half_page_up(self) -> None:
        self.move_cursor(self._cursor - max(1, self._rows_per_page() // 2))

    def action_choose(self) -> None:
        current = self.current_id
        if current is not None:
            self.post_message(ArticleChosen(current))

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + int(self.scroll_y)) // ROW_HEIGHT
        if index < len(self._rows):
            self.move_cursor(index)
            if event.chain >= 2:
                self.action_choose()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows) * ROW_HEIGHT)

    # -- drawing -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + int(self.scroll_y)
        index, part = divmod(line, ROW_HEIGHT)
        if not self._rows:
            if line == 0:
                style = base + self.get_component_rich_style("article-list--message")
                return _fit([Segment(" " + self.message, style)], width, style)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        if index == self._cursor:
            base = base + self.get_component_rich_style("article-list--cursor")
        if part == 0:
            match = self.get_component_rich_style("article-list--match", partial=True)
            marker = (self.row_marker(row.id) if self.row_marker else None) or " "
            marker_style = base + self.get_component_rich_style(
                "article-list--marker", partial=True
            )
            segments = [Segment(marker[:1], marker_style), *_title_segments(row, base, match)]
            return _fit(segments, width, base)
        meta = base + self.get_component_rich_style("article-list--meta", partial=True)
        return _fit([Segment("  " + row_meta(row), meta)], width, base)


def row_meta(row: ListRow) -> str:
    """date · source · N quotes."""
    count = row.quote_count
    parts = [
        (row.date or "")[:10],
        clean_line(row.source),
        f"{count} quote{'s' if count != 1 else ''}" if count else "no quotes",
    ]
    return " · ".join(p for p in parts if p)


def _title_segments(row: ListRow, style: Style, match: Style) -> list[Segment]:
    """The title with matched spans in the match style; offsets survive cleaning."""
    title = clean_keep_length(row.title).replace("\n", " ") or "(untitled)"
    spans = getattr(row, "title_spans", ()) or ()
    segments = []
    position = 0
    for start, end in sorted(spans):
        start, end = max(start, position), min(end, len(title))
        if start >= end:
            continue
        segments.append(Segment(title[position:start], style))
        segments.append(Segment(title[start:end], style + match))
        position = end
    segments.append(Segment(title[position:], style))
    return segments


def _fit(segments: list[Segment], width: int, pad_style: Style) -> Strip:
    """Crop to `width` with an ellipsis, or pad with `pad_style`."""
    strip = Strip(segments)
    if strip.cell_length > width:
        cropped = list(strip.crop(0, max(0, width - 1)))
        last_style = cropped[-1].style if cropped else pad_style
        strip = Strip([*cropped, Segment(ELLIPSIS, last_style)])
    return strip.extend_cell_length(width, pad_style)


def _index_of(rows: Sequence[ListRow], article_id: int) -> int | None:
    for index, row in enumerate(rows):
        if row.id == article_id:
            return index
    return None
