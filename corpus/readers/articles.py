"""Metadata found by any reader, and the one way every reader turns it into an Article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from ..model import Article, paragraphs_to_body
from .titles import derive_title

_WHITESPACE = re.compile(r"\s+")


@dataclass
class Metadata:
    """What a reader learnt about an article besides its body. None means unknown."""

    title: str | None = None
    date: str | None = None
    dateline: str | None = None
    byline: str | None = None
    source: str | None = None
    caption: str | None = None
    credit: str | None = None
    url: str | None = None


def clean_field(value: object) -> str | None:
    """One line of text, or None for nothing."""
    if value is None:
        return None
    text = _WHITESPACE.sub(" ", str(value).replace("\x00", "")).strip()
    return text or None


def build_article(
    paragraphs: list[str], meta: Metadata, origin: str, reader: str
) -> Article | None:
    """The Article for these paragraphs, or None when there is no text at all.

    The title is never empty: the headline, else one derived from the lead, else the file name.
    """
    body = paragraphs_to_body([paragraph.replace("\x00", "") for paragraph in paragraphs])
    if not body:
        return None
    title = clean_field(meta.title) or derive_title(body.split("\n\n")) or _name_title(origin)
    return Article(
        body=body,
        title=title,
        origin=origin,
        format=reader,
        date=clean_field(meta.date),
        dateline=clean_field(meta.dateline),
        byline=clean_field(meta.byline),
        source=clean_field(meta.source),
        caption=clean_field(meta.caption),
        credit=clean_field(meta.credit),
        url=clean_field(meta.url),
    )


def _name_title(origin: str) -> str:
    stem = PurePath(origin.split("#")[0]).name.split(".")[0]
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"
