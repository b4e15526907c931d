"""The corpus-wide speaker index as ingest writes it."""

from __future__ import annotations

from pathlib import Path

from quoth.corpus.model import Article, Quote, Speaker
from quoth.corpus.store import Corpus


def test_two_names_of_one_speaker_in_an_article_count_one_article_and_link_every_quote(
    tmp_path: Path,
) -> None:
    body = '"We will," the Ministry said. "We did," The ministry said.'
    quotes = [
        Quote("We will,", 1, 9, "direct", "the Ministry"),
        Quote("We did,", 31, 38, "direct", "The ministry"),
    ]
    speakers = [
        Speaker("the Ministry", "organisation", quotes=1),
        Speaker("The ministry", "organisation", quotes=1),
    ]
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add_articles([Article(body=body, quotes=quotes, speakers=speakers)])
        rows = corpus.conn.execute("SELECT article_count, quote_count FROM speakers").fetchall()
        unlinked = corpus.conn.execute(
            "SELECT count(*) FROM quotes WHERE speaker_id IS NULL"
        ).fetchone()[0]
    assert rows == [(1, 2)]
    assert unlinked == 0
