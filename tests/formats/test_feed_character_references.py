"""A feed's character reference to a lone surrogate becomes U+FFFD, not a crash."""

from __future__ import annotations

import io

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import read_stream


@pytest.mark.parametrize("reference", ["&#xD800;", "&#57343;", "&#x110000;"])
def test_impossible_character_references_become_replacement_characters(reference: str) -> None:
    feed = (
        f"<rss><channel><item><title>Vote{reference}</title><description>The mayor said "
        f"{reference} the vote was fair and the count was final.</description></item>"
        "</channel></rss>"
    ).encode()
    [article] = list(read_stream(io.BytesIO(feed), "a.rss"))
    assert isinstance(article, Article)
    assert article.title == "Vote\ufffd"
    article.body.encode("utf-8")  # storable


def test_real_characters_by_reference_are_kept() -> None:
    feed = (
        b"<rss><channel><item><title>Caf&#xE9; &#128512;</title><description>The owner "
        b"said the caf&#233; would reopen on Monday after the repairs.</description>"
        b"</item></channel></rss>"
    )
    [article] = list(read_stream(io.BytesIO(feed), "a.rss"))
    assert article.title == "Caf\u00e9 \U0001f600"
