"""Turn an Article into the rich Text the reading pane shows.

Pure Rich, no widgets: it runs in a worker thread so that a long article is
laid out off the UI thread. Quotes are coloured by speaker, mentions of the
speaker are marked, and every quote remembers which paragraph it sits in so
the reader can scroll to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from ..corpus.model import PARAGRAPH_BREAK, Article, Quote
from .safe_text import clean_keep_length, clean_line

# Distinct on dark and light backgrounds; assigned in speaker order within an
# article so two speakers of one article never share a colour (up to eight).
SPEAKER_COLOURS = (
    "#e5b567", "#6cb6ff", "#d38aea", "#8fd16a", "#ff7b72", "#56d4dd", "#f0a35e", "#b4a7ff",
)
UNATTRIBUTED_COLOUR = "#9aa0a6"

HEADLINE_STYLE = Style(bold=True)
META_STYLE = Style(dim=True)
CAPTION_STYLE = Style(italic=True, dim=True)
# Italic keeps quotes distinct when colour is off (NO_COLOR, monochrome terminals).
QUOTE_BASE = Style(italic=True)
MENTION_BASE = Style(bold=True, underline=True)
FLASH_STYLE = Style(reverse=True)


@dataclass(frozen=True)
class QuotePlace:
    """Where quote number `index` sits: its paragraph and how far into it (0..1)."""

    index: int
    paragraph: int
    fraction: float
    spans: tuple[tuple[int, int, int], ...]  # (paragraph, start, end) in paragraph coordinates


@dataclass
class RenderedArticle:
    article: Article
    headline: Text
    meta: Text
    caption: Text | None
    paragraphs: list[Text]
    places: list[QuotePlace] = field(default_factory=list)
    colours: dict[str, str] = field(default_factory=dict)

    def flashed(self, paragraph: int, quote_index: int) -> Text:
        """Paragraph `paragraph` with quote `quote_index` shown in reverse video."""
        text = self.paragraphs[paragraph].copy()
        for para, start, end in self.places[quote_index].spans:
            if para == paragraph:
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
    body = clean_keep_length(article.body)
    bounds = _paragraph_bounds(body)
    paragraphs = [Text(body[start:end]) for start, end in bounds]
    places: list[QuotePlace] = []
    for index, quote in enumerate(article.quotes):
        colour = quote_colour(quote, colours)
        spans = _spans_in_paragraphs(bounds, quote.start, quote.end)
        for para, start, end in spans:
            paragraphs[para].stylize(QUOTE_BASE + Style(color=colour), start, end)
        mention = _spans_in_paragraphs(bounds, quote.mention_start, quote.mention_end)
        for para, start, end in mention:
            paragraphs[para].stylize(MENTION_BASE + Style(color=colour), start, end)
        places.append(_place(index, spans, bounds))
    return RenderedArticle(
        article=article,
        headline=Text(clean_line(article.title) or "(untitled)", style=HEADLINE_STYLE),
        meta=Text(meta_line(article), style=META_STYLE),
        caption=_caption(article),
        paragraphs=paragraphs,
        places=places,
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


def _place(
    index: int, spans: tuple[tuple[int, int, int], ...], bounds: list[tuple[int, int]]
) -> QuotePlace:
    if not spans:
        return QuotePlace(index, 0, 0.0, ())
    para, start, _ = spans[0]
    length = max(1, bounds[para][1] - bounds[para][0])
    return QuotePlace(index, para, start / length, spans)
