"""The help screen: every key binding, generated from the bindings themselves."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import KeySection


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="quoth.help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="quoth.help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="quoth.help.up"),
        Binding("ctrl+d,space", "page(1)", "Page down", show=False, id="quoth.help.page_down"),
        Binding("ctrl+u", "page(-1)", "Page up", show=False, id="quoth.help.page_up"),
        Binding("g,home", "ends(0)", "Top", show=False, id="quoth.help.top"),
        Binding("G,end", "ends(1)", "Bottom", show=False, id="quoth.help.bottom"),
    ]

    def __init__(self, sections: list[KeySection], key_display: dict[str, str]) -> None:
        super().__init__()
        self.sections = sections
        self.key_display = key_display

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "esc closes"
            yield Static(self._table(), id="help-table")

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("what")
        for number, section in enumerate(self.sections):
            if number:
                table.add_row("", "")
            table.add_row(Text(section.title, style="bold underline"), "")
            for row in section.rows:
                keys = "  ".join(self.key_display.get(key, key) for key in row.keys)
                table.add_row(Text(keys), Text(row.description))
        return table

    def action_scroll(self, step: int) -> None:
        # Immediate: keys that arrive together over a slow link each count.
        self._body().scroll_relative(y=step, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        body = self._body()
        step = max(1, body.scrollable_content_region.height - 1)
        body.scroll_relative(y=direction * step, animate=False, immediate=True)

    def action_ends(self, bottom: int) -> None:
        body = self._body()
        body.scroll_to(y=body.max_scroll_y if bottom else 0, animate=False, immediate=True)

    def _body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)
