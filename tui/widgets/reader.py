"""The reading pane: headline, meta line, caption, paragraphs, quotes in colour.

The article's Text is built off the UI thread (article_text.render_article);
this widget only places it. Paragraph widgets are reused between articles so
moving through the list does not churn the DOM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from ..key_order import KeysInOrder
from ..messages import QuoteShown

if TYPE_CHECKING:
    from ..article_text import RenderedArticle

FLASH_SECONDS = 0.9
EMPTY_HEADLINE = "No article selected"


class Paragraph(Static):
    """One block of the body: a paragraph (more than one in very long articles)."""


class Reader(KeysInOrder, VerticalScroll, can_focus=True):
    """Shows one article; n / N walk its quotes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Down", show=False, id="quoth.reader.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="quoth.reader.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="quoth.reader.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="quoth.reader.bottom"),
        Binding(
            "ctrl+d", "half_page(1)", "Half page down", show=False, id="quoth.reader.half_down"
        ),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="quoth.reader.half_up"),
        Binding(
            "space,pagedown", "page_down", "Page down", show=False, id="quoth.reader.page_down"
        ),
        Binding("pageup", "page_up", "Page up", show=False, id="quoth.reader.page_up"),
        # VerticalScroll binds left/right to sideways scrolling; here they change pane.
        Binding(
            "left", "screen.step_pane(-1)", "Pane left", show=False, id="quoth.reader.pane_left"
        ),
        Binding(
            "right", "screen.step_pane(1)", "Pane right", show=False, id="quoth.reader.pane_right"
        ),
        Binding("n", "next_quote", "Next quote", id="quoth.reader.next_quote"),
        Binding(
            "N", "previous_quote", "Previous quote", show=False, id="quoth.reader.previous_quote"
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rendered: RenderedArticle | None = None
        self.current_quote: int | None = None
        self._flash_timer: Timer | None = None
        self._flashed_paragraphs: list[int] = []

    def compose(self):  # type: ignore[override]
        yield Static(Text(EMPTY_HEADLINE), id="headline")
        yield Static(id="meta")
        yield Static(id="caption")

    @property
    def article_id(self) -> int | None:
        return self.rendered.article.id if self.rendered else None

    def show(self, rendered: RenderedArticle | None) -> None:
        """Place a rendered article (None: show the empty state)."""
        self._stop_flash()
        self.rendered = rendered
        self.current_quote = None
        headline = rendered.headline if rendered else Text(EMPTY_HEADLINE)
        self.query_one("#headline", Static).update(headline)
        self.query_one("#meta", Static).update(rendered.meta if rendered else "")
        caption = self.query_one("#caption", Static)
        caption.update(rendered.caption or "" if rendered else "")
        caption.display = bool(rendered and rendered.caption)
        self._place_paragraphs(rendered.blocks if rendered else [])
        self.scroll_home(animate=False, immediate=True)
        self._title_quotes()

    def _title_quotes(self) -> None:
        count = self.quote_count
        if not count:
            self.border_title = ""
        elif self.current_quote is None:
            self.border_title = f"{count} quote{'s' if count != 1 else ''} · n next"
        else:
            self.border_title = f"quote {self.current_quote + 1} of {count}"

    def _place_paragraphs(self, texts: list[Text]) -> None:
        existing = list(self.query(Paragraph))
        for widget, text in zip(existing, texts, strict=False):
            widget.update(text)
        for widget in existing[len(texts) :]:
            widget.remove()
        if len(texts) > len(existing):
            self.mount_all(Paragraph(text) for text in texts[len(existing) :])

    # -- quotes ----------------------------------------------------------------

    @property
    def quote_count(self) -> int:
        return len(self.rendered.places) if self.rendered else 0

    def action_next_quote(self) -> None:
        self._step_quote(+1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_quote(self, step: int) -> None:
        if not self.quote_count:
            self.notify("This article has no quotes", timeout=2)
            return
        if self.current_quote is None:
            target = 0 if step > 0 else self.quote_count - 1
        else:
            target = (self.current_quote + step) % self.quote_count
        self.go_to_quote(target)

    def go_to_quote(self, index: int, *, flash: bool = True) -> None:
        """Scroll quote `index` into view (a third of the way down) and flash it."""
        if not self.rendered or not 0 <= index < self.quote_count:
            return
        self.current_quote = index
        self._title_quotes()
        self.post_message(QuoteShown(index))
        place = self.rendered.places[index]
        paragraphs = list(self.query(Paragraph))
        if not place.spans or place.block >= len(paragraphs):
            return
        self.call_after_refresh(
            self._scroll_to_place, paragraphs[place.block], place.block, place.offset
        )
        if flash:
            self._flash(index)

    def _scroll_to_place(self, widget: Paragraph, block: int, offset: int) -> None:
        """Put the line holding `offset` of `block` a third of the way down the pane."""
        if self.rendered is None or block >= len(self.rendered.blocks):
            return
        line = 0
        if offset > 0 and widget.size.width > 0:
            before = self.rendered.blocks[block].divide([offset])[0]
            line = len(before.wrap(self.app.console, widget.size.width)) - 1
        target = widget.virtual_region.y + line
        self.scroll_to(
            y=max(0, target - self.scrollable_content_region.height // 3),
            animate=False,
            immediate=True,
        )

    def _flash(self, index: int) -> None:
        self._stop_flash()
        assert self.rendered is not None
        paragraphs = list(self.query(Paragraph))
        touched = sorted({para for para, _, _ in self.rendered.places[index].spans})
        for para in touched:
            paragraphs[para].update(self.rendered.flashed(para, index))
        self._flashed_paragraphs = touched
        self._flash_timer = self.set_timer(FLASH_SECONDS, self._stop_flash)

    def _stop_flash(self) -> None:
        if self._flash_timer is not None:
            self._flash_timer.stop()
            self._flash_timer = None
        if self.rendered is None:
            self._flashed_paragraphs = []
            return
        paragraphs = list(self.query(Paragraph))
        for para in self._flashed_paragraphs:
            if para < len(paragraphs) and para < len(self.rendered.blocks):
                paragraphs[para].update(self.rendered.blocks[para])
        self._flashed_paragraphs = []

    @property
    def is_flashing(self) -> bool:
        return bool(self._flashed_paragraphs)

    # -- scrolling -------------------------------------------------------------

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        # Immediate: a second ctrl+d in the same read moves on from the first.
        self.scroll_relative(y=direction * step, animate=False, immediate=True)

    # Textual's own line and page scrolls wait for the next refresh, so of several
    # j's in one read (a held key over SSH) only the first counted: these do not wait.

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False, immediate=True)

    def action_page_down(self) -> None:
        self.scroll_relative(y=self._page(), animate=False, immediate=True)

    def action_page_up(self) -> None:
        self.scroll_relative(y=-self._page(), animate=False, immediate=True)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)
