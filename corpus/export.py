"""Export articles or quotes as JSON Lines or CSV, for spreadsheets and scripts."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO

from .store import Corpus
from .terminal_safety import json_line, printable

ARTICLE_FIELDS = (
    "id",
    "title",
    "date",
    "source",
    "byline",
    "dateline",
    "url",
    "origin",
    "format",
    "quote_count",
    "body",
)
QUOTE_FIELDS = (
    "article_id",
    "article_title",
    "date",
    "source",
    "kind",
    "speaker",
    "text",
    "mention",
    "cue",
    "start",
    "end",
    "anonymous",
)


def article_rows(corpus: Corpus, ids: Iterable[int]) -> Iterator[dict[str, object]]:
    for article_id in ids:
        article = corpus.get_article(article_id)
        if article is None:
            continue
        row = {name: getattr(article, name, None) for name in ARTICLE_FIELDS}
        row["quote_count"] = len(article.quotes)
        yield row


def quote_rows(corpus: Corpus, ids: Iterable[int]) -> Iterator[dict[str, object]]:
    for article_id in ids:
        article = corpus.get_article(article_id)
        if article is None:
            continue
        for quote in article.quotes:
            yield {
                "article_id": article_id,
                "article_title": article.title,
                "date": article.date,
                "source": article.source,
                **quote.to_dict(),
            }


def write_rows(
    rows: Iterable[dict[str, object]], fields: tuple[str, ...], fmt: str, out: TextIO
) -> int:
    """Write rows in `fmt` (jsonl or csv); return how many were written."""
    count = 0
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for row in rows:
        if writer:
            writer.writerow({name: _csv_cell(value) for name, value in row.items()})
        else:
            out.write(json_line({name: row.get(name) for name in fields}) + "\n")
        count += 1
    return count


def _csv_cell(value: object) -> object:
    """CSV goes to terminals too (`quoth export --format csv | less`): text made printable,
    as JSON Lines escape it."""
    return printable(value) if isinstance(value, str) else value


def export(
    corpus: Corpus, ids: Iterable[int], out: TextIO, *, fmt: str = "jsonl", quotes: bool = False
) -> int:
    if quotes:
        return write_rows(quote_rows(corpus, ids), QUOTE_FIELDS, fmt, out)
    return write_rows(article_rows(corpus, ids), ARTICLE_FIELDS, fmt, out)
