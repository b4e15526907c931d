"""A lone UTF-16 surrogate escape in JSON costs nothing: it becomes U+FFFD, the record is kept."""

from __future__ import annotations

from io import BytesIO

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import read_stream
from quoth.corpus.readers.json_values import loads, raw_decode


def _articles(data: bytes, name: str) -> list[Article]:
    items = list(read_stream(BytesIO(data), name))
    assert all(isinstance(item, Article) for item in items), items
    return items  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b'{"title":"ok","text":"fine."}\n{"title":"b","text":"x \\ud800"}\n', "a.jsonl"),
        (b'[{"title":"ok","text":"fine."},{"title":"b","text":"x \\ud800"}]', "a.json"),
        (b'{"title":"ok","text":"fine."} {"title":"b","text":"x \\ud800"}', "a.json"),
    ],
)
def test_lone_surrogate_in_json_articles_becomes_replacement_char(data: bytes, name: str) -> None:
    articles = _articles(data, name)
    assert [article.body for article in articles] == ["fine.", "x \ufffd"]


def test_lone_surrogate_in_json_feed_item() -> None:
    feed = (
        b'{"version":"https://jsonfeed.org/version/1","title":"F \\udc00",'
        b'"items":[{"title":"T \\ud83d","content_text":"The mayor \\ud83d said."}]}'
    )
    (article,) = _articles(feed, "feed.json")
    assert (article.title, article.body) == ("T \ufffd", "The mayor \ufffd said.")


def test_pairs_and_escaped_backslashes_are_untouched() -> None:
    assert loads('"\\ud83d\\ude00 \\\\ud800"') == "\U0001f600 \\ud800"


def test_surrogates_are_replaced_in_keys_and_nested_values() -> None:
    text = '{"\\ud800k": [["\\udfff"], {"v": "\\uDBFF"}]}'
    assert loads(text) == {"\ufffdk": [["\ufffd"], {"v": "\ufffd"}]}
    value, end = raw_decode("  " + text + " tail", 2)
    assert value == {"\ufffdk": [["\ufffd"], {"v": "\ufffd"}]} and end == len(text) + 2


def test_deeply_nested_value_is_repaired_without_recursion() -> None:
    depth = 900
    value = loads("[" * depth + '"\\ud800"' + "]" * depth)
    for _ in range(depth):
        (value,) = value  # type: ignore[misc]
    assert value == "\ufffd"
