"""Messages the TUI's widgets and workers send each other.

Small dataclasses: a widget says what happened, the app decides what it means.
Workers post these from their threads (post_message is thread-safe).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # type names only: importing them would slow the first frame
    from .article_text import RenderedArticle
    from .corpus_access import ListRow


@dataclass
class ArticleHighlighted(Message):
    """The list cursor moved onto an article (None: the list is empty)."""

    article_id: int | None


@dataclass
class ArticleChosen(Message):
    """Enter (or a click) on a list row: open it for reading."""

    article_id: int


@dataclass
class QueryChanged(Message):
    """The search bar's text changed."""

    query: str


@dataclass
class QuerySubmitted(Message):
    """Enter in the search bar: go to the results."""

    query: str


@dataclass
class SearchCancelled(Message):
    """Esc in the search bar: clear it and go back."""


@dataclass
class CorpusGrew(Message):
    """Another process (`quoth ingest`, `quoth refresh`) added articles."""

    total: int


@dataclass
class CorpusOpened(Message):
    """The listing of every article is ready (posted by the loading worker)."""

    rows: list[ListRow]
    total: int
    error: str | None = None
    newest_id: int = 0  # the highest article id: what a reload counts as new


@dataclass
class SearchFinished(Message):
    """Results for the search numbered `generation`."""

    generation: int
    query: str
    rows: list[ListRow]
    total: int
    elapsed_ms: float
    error: str | None = None


@dataclass
class ArticleLoaded(Message):
    """An article, fully loaded, for the request numbered `generation`."""

    generation: int
    article_id: int
    rendered: RenderedArticle | None


@dataclass
class QuoteSelected(Message):
    """A quote was picked in the side panel; `flash` when chosen, not just passed over."""

    index: int
    flash: bool = True


@dataclass
class QuoteShown(Message):
    """The reader moved to quote `index` (n / N): the side panel follows."""

    index: int


@dataclass
class ListEndReached(Message):
    """The cursor reached the last row shown; there may be more results."""

    shown: int


@dataclass
class SpeakerSearchRequested(Message):
    """Search the whole corpus for articles quoting `name`."""

    name: str


@dataclass
class DemoRequested(Message):
    """The welcome screen asked for the demo corpus."""
