"""The data every part of quoth shares: articles, quotes and speakers.

These are plain dataclasses with no behaviour beyond serialisation, so that
readers, the extractor, the store, the CLI and the TUI can all agree on them
without importing each other.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "reported"]
SpeakerKind = Literal["person", "organisation", "group"]

PARAGRAPH_BREAK = "\n\n"


# Slots: an article may hold tens of thousands of quotes, made and read far more often
# than they are serialised.
@dataclass(slots=True)
class Quote:
    """One attributed piece of speech, with offsets into the article body."""

    text: str
    start: int
    end: int
    kind: QuoteKind = "direct"
    speaker: str | None = None  # canonical name, or None when unattributed
    mention: str | None = None  # the words in this passage that name the speaker
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None  # the speech verb ("said", "told reporters")
    anonymous: bool = False  # "officials", "a senior official who asked not to be named"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Speaker:
    """A canonical speaker within one article (or, in the index, the corpus)."""

    name: str
    kind: SpeakerKind = "person"
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    quotes: int = 0
    anonymous: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Extraction:
    """What the extractor finds in one body."""

    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)


@dataclass
class Article:
    """One news article. `body` is the paragraphs joined by blank lines."""

    body: str
    title: str = ""
    origin: str = ""  # path or URL it came from
    format: str = ""  # reader name: text, markdown, json, html, feed...
    date: str | None = None  # ISO 8601 date or datetime
    dateline: str | None = None
    byline: str | None = None
    source: str | None = None  # publication or agency
    caption: str | None = None
    credit: str | None = None
    url: str | None = None
    id: int | None = None
    content_hash: str = ""
    ingested_at: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = body_hash(self.body)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split(PARAGRAPH_BREAK) if p.strip()]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["paragraphs"] = self.paragraphs
        return data


def normalise_for_hash(body: str) -> str:
    """Whitespace and case differences do not make a different article."""
    # split() and join() do what re.sub(r"\s+", " ") and strip() would (the same
    # whitespace characters), four times faster: every ingested article goes through here.
    return " ".join(body.split()).casefold()


def body_hash(body: str) -> str:
    return hashlib.sha256(normalise_for_hash(body).encode("utf-8")).hexdigest()


def paragraphs_to_body(paragraphs: list[str]) -> str:
    """Join paragraphs the way every reader must, so offsets mean the same everywhere."""
    cleaned = (" ".join(p.split()) for p in paragraphs)
    return PARAGRAPH_BREAK.join(p for p in cleaned if p)
