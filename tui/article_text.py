"""Turn an Article into the rich Text the reading pane shows.

Pure Rich, no widgets: it runs in a worker thread so that a long article is
laid out off the UI thread. Quotes are coloured by speaker, mentions of the
speaker are marked, and every quote remembers where it sits so the reader can
scroll to it.

The body is cut into blocks of whole paragraphs, one widget each: one
paragraph a block for ordinary articles, more for very long ones, so that a
3,000-paragraph article still means about a hundred widgets, not thousands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from ..corpus.model import PARAGRAPH_BREAK, Article, Quote
from .safe_text import clean_keep_length, clean_line
from .terminal import highlight_styles

# Distinct on dark and light backgrounds; assigned in speaker order within an
# article so two speakers of one article never share a colour (up to eight).
SPEAKER_COLOURS = (
    "#e5b567",
    "#6cb6ff",
    "#d38aea",
    "#8fd16a",
    "#ff7b72",
    "#56d4dd",
    "#f0a35e",
    "#b4a7ff",
)
UNATTRIBUTED_COLOUR = "#9aa0a6"

HEADLINE_STYLE = Style(bold=True)
META_STYLE = Style(dim=True)
CAPTION_STYLE = Style(italic=True, dim=True)
# Quotes and speaker mentions: styles from terminal.highlight_styles (NO_COLOR-aware).
FLASH_STYLE = Style(reverse=True)
MAX_BLOCKS = 100


@dataclass(frozen=True)
class QuotePlace:
    """Where quote number `index` starts (block, character offset) and all its pieces."""

    index: int
    block: int
    offset: int
    spans: tuple[tuple[int, int, int], ...]  # (block, start, end) in block coordinates


@dataclass
class RenderedArticle:
    article: Article
    headline: Text
    meta: Text
    caption: Text | None
    blocks: list[Text]
    places: list[QuotePlace] = field(default_factory=list)
    colours: dict[str, str] = field(default_factory=dict)

    def flashed(self, block: int, quote_index: int) -> Text:
        """Block `block` with quote `quote_index` shown in reverse video."""
        text = self.blocks[block].copy()
        for where, start, end in self.places[quote_index].spans:
            if where == block:
                text.stylize(FLASH_STYLE, start, end)
        return text


def speaker_colours(article: Article) -> dict[str, str]:
    names: list[str] = [s.name for s in article.speakers]
    names += [q.speaker for q in article.quotes if q.speaker and q.speaker not in names]
    return {name: SPEAKER_COLOURS[i % len(SPEAKER_COLOURS)] for i, name in enumerate(names)}


def quote_colour(quote: Quote, colours: dict[str, str]) -> str:
    return colours.get(quote.speaker or "", UNATTRIBUTED_COLOUR)


def render_article(article: Article) -> RenderedArticle:
    colours = speaker_colours(article)
    quote_base, mention_base = highlight_styles()  # NO_COLOR: bold and reverse
    body = clean_keep_length(article.body)
    bounds = _paragraph_bounds(body)
    paragraphs = [Text(body[start:end]) for start, end in bounds]
    places: list[tuple[tuple[int, int, int], ...]] = []
    for quote in article.quotes:
        colour = quote_colour(quote, colours)
        spans = _spans_in_paragraphs(bounds, quote.start, quote.end)
        for para, start, end in spans:
            paragraphs[para].stylize(quote_base + Style(color=colour), start, end)
        mention = _spans_in_paragraphs(bounds, quote.mention_start, quote.mention_end)
        for para, start, end in mention:
            paragraphs[para].stylize(mention_base + Style(color=colour), start, end)
        places.append(spans)
    blocks, block_of = _blocks(paragraphs)
    return RenderedArticle(
        article=article,
        headline=Text(clean_line(article.title) or "(untitled)", style=HEADLINE_STYLE),
        meta=Text(meta_line(article), style=META_STYLE),
        caption=_caption(article),
        blocks=blocks,
        places=[_place(index, spans, block_of) for index, spans in enumerate(places)],
        colours=colours,
    )


def meta_line(article: Article) -> str:
    """date · source · dateline · byline, skipping what is missing."""
    parts = [(article.date or "")[:10], article.source, article.dateline, article.byline]
    return " · ".join(clean_line(p) for p in parts if p and clean_line(p))


def _caption(article: Article) -> Text | None:
    caption = clean_line(article.caption)
    credit = clean_line(article.credit)
    if not caption and not credit:
        return None
    text = Text(caption, style=CAPTION_STYLE)
    if credit:
        text.append(f"{' — ' if caption else ''}{credit}", style=META_STYLE)
    return text


def _paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, as offsets into `body`."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for chunk in body.split(PARAGRAPH_BREAK):
        end = start + len(chunk)
        if chunk.strip():
            bounds.append((start, end))
        start = end + len(PARAGRAPH_BREAK)
    return bounds


def _spans_in_paragraphs(
    bounds: list[tuple[int, int]], start: int | None, end: int | None
) -> tuple[tuple[int, int, int], ...]:
    """The pieces of body range [start, end) in paragraph coordinates; bad offsets give ()."""
    if start is None or end is None or end <= start or start < 0:
        return ()
    spans = []
    for para, (p_start, p_end) in enumerate(bounds):
        lo, hi = max(start, p_start), min(end, p_end)
        if lo < hi:
            spans.append((para, lo - p_start, hi - p_start))
    return tuple(spans)


def _blocks(paragraphs: list[Text]) -> tuple[list[Text], list[tuple[int, int]]]:
    """Paragraphs joined into at most MAX_BLOCKS blocks; and for each paragraph,
    (its block, its offset in that block)."""
    per_block = max(1, math.ceil(len(paragraphs) / MAX_BLOCKS))
    blocks: list[Text] = []
    block_of: list[tuple[int, int]] = []
    for first in range(0, len(paragraphs), per_block):
        chunk = paragraphs[first : first + per_block]
        offset = 0
        for text in chunk:
            block_of.append((len(blocks), offset))
            offset += len(text) + len(PARAGRAPH_BREAK)
        blocks.append(Text(PARAGRAPH_BREAK).join(chunk))
    return blocks, block_of


def _place(
    index: int, spans: tuple[tuple[int, int, int], ...], block_of: list[tuple[int, int]]
) -> QuotePlace:
    """A quote's paragraph spans, moved into block coordinates."""
    moved = []
    for para, start, end in spans:
        block, shift = block_of[para]
        moved.append((block, start + shift, end + shift))
    if not moved:
        return QuotePlace(index, 0, 0, ())
    return QuotePlace(index, moved[0][0], moved[0][1], tuple(moved))
