"""Every key binding of the TUI, grouped by where it works.

The help screen is generated from this, so it cannot drift from the code;
keymap overrides (Binding ids) are applied so it shows the keys in force.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType

from .screens.main import MainScreen
from .screens.welcome import WelcomeScreen
from .widgets.article_list import ArticleList
from .widgets.quotes_panel import PanelList, QuoteList, QuotesPanel, SpeakerList
from .widgets.reader import Reader
from .widgets.search_bar import SearchBar

SUBMIT_ID = "quoth.search.submit"  # Enter in the search bar: an app binding (app.py)


@dataclass(frozen=True)
class KeyRow:
    keys: tuple[str, ...]
    description: str
    binding_id: str


@dataclass(frozen=True)
class KeySection:
    title: str
    rows: tuple[KeyRow, ...]


def binding_sections(
    app_bindings: Iterable[BindingType],
    keymap: Mapping[str, str] | None = None,
    palette_key: str = "ctrl+p",
) -> list[KeySection]:
    """All bindings as (section, keys, description), with `keymap` overrides applied."""
    palette = Binding(palette_key, "command_palette", "Command palette", id="quoth.palette")
    # The app has a palette binding of its own (so the config can move it): one row.
    # Its Enter works in the search bar only (an app binding for the sake of speed).
    anywhere = [b for b in app_bindings if getattr(b, "id", None) not in (palette.id, SUBMIT_ID)]
    submit = [b for b in app_bindings if getattr(b, "id", None) == SUBMIT_ID]
    groups: list[tuple[str, list[BindingType]]] = [
        ("Anywhere", [*anywhere, palette, *MainScreen.BINDINGS]),
        ("Search bar", [*submit, *SearchBar.BINDINGS]),
        ("Article list", list(ArticleList.BINDINGS)),
        ("Reader", list(Reader.BINDINGS)),
        (
            "Side panel",
            [
                *QuotesPanel.BINDINGS,
                *QuoteList.BINDINGS,
                *SpeakerList.BINDINGS,
                *PanelList.BINDINGS,
            ],
        ),
        ("Welcome screen", list(WelcomeScreen.BINDINGS)),
    ]
    keymap = keymap or {}
    return [
        KeySection(title, tuple(_row(b, keymap) for b in bindings if isinstance(b, Binding)))
        for title, bindings in groups
    ]


def _row(binding: Binding, keymap: Mapping[str, str]) -> KeyRow:
    keys = keymap.get(binding.id or "", binding.key)
    return KeyRow(
        keys=tuple(k.strip() for k in keys.split(",") if k.strip()),
        description=binding.description or binding.action,
        binding_id=binding.id or "",
    )
