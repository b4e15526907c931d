"""Plain text: one article per file, its header read by `layout`."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article
from .articles import build_article
from .document import Document
from .errors import ReadError, RecordError
from .layout import parse_text
from .registry import Reader, register

NAME = "text"


def read_text(doc: Document) -> Iterator[Article | RecordError]:
    layout = parse_text(doc.text())
    article = build_article(layout.paragraphs, layout.meta, doc.origin, NAME)
    if article is None:
        raise ReadError("no article text (only blank or header lines)")
    yield article


def looks_like_text(head: str) -> bool:
    """Anything decodable is text; this reader is the fallback, so it never claims by content."""
    return False


READER = register(Reader(NAME, (".txt", ".text"), looks_like_text, read_text))
