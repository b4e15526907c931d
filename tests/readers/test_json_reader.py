"""JSON Lines, JSON arrays and single objects: fields by common names, bad records reported."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import ReadError, RecordError, read_path, read_stream
from quoth.corpus.readers.article_fields import describe_json


def read_bytes(data: bytes, name: str = "<stdin>") -> list[Article | RecordError]:
    return list(read_stream(io.BytesIO(data), name))


def articles_of(items: list[Article | RecordError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors_of(items: list[Article | RecordError]) -> list[RecordError]:
    return [item for item in items if isinstance(item, RecordError)]


def test_jsonl_keeps_good_lines_and_reports_bad_ones_with_line_numbers(fixtures: Path) -> None:
    items = list(read_path(fixtures / "mixed.jsonl"))
    articles = articles_of(items)
    assert [a.title for a in articles] == ["Bridge vote delayed", "Third"]
    assert [(e.line, e.reason.split(" (")[0]) for e in errors_of(items)] == [
        (2, "invalid JSON"),
        (5, "not an article: a number"),
        (6, "not an article: an object without a text field"),
    ]
    assert all(e.origin.endswith("mixed.jsonl") for e in errors_of(items))


def test_jsonl_fields_by_common_names(fixtures: Path) -> None:
    first, third = articles_of(list(read_path(fixtures / "mixed.jsonl")))
    assert first.format == "json"
    assert first.origin.endswith("mixed.jsonl#1")
    assert first.date == "2024-03-05"
    assert first.byline == "Jane Doe"
    assert first.source == "Harbour Gazette"
    assert first.url == "https://example.org/bridge"
    assert first.dateline == "PORTSMOUTH"
    assert first.paragraphs == [
        "PORTSMOUTH: The council delayed its vote on Tuesday.",
        '"We need more time," the leader said.',
    ]
    # HTML bodies become paragraphs; a Unix timestamp becomes a UTC datetime.
    assert third.paragraphs == ["LONDON (Reuters) - Markets rose.", 'Traders said "calm" returned.']
    assert third.source == "Reuters"
    assert third.date == "2024-03-05T10:30:00+00:00"


def test_json_array_of_objects(fixtures: Path) -> None:
    first, second = articles_of(list(read_path(fixtures / "array.json")))
    assert first.byline == "Ana Souza, Ben Clarke and Chen Li"
    assert first.date == "2024-02-01T09:00:00+00:00"
    assert first.source == "Example Wire"
    assert first.origin.endswith("array.json#1")
    assert second.paragraphs == ["First paragraph.", "Second paragraph."]
    assert second.date == "2024-02-01T10:00:00+00:00"
    assert second.url == "https://example.org/2"


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"headline": "H", "articleBody": "x"}, "title", "H"),
        ({"title": {"rendered": "Vote &amp; <em>delay</em>"}, "content": {"rendered": "<p>x</p>"}},
         "title", "Vote & delay"),
        ({"text": "x", "authors": [{"name": "A"}, {"name": "B"}]}, "byline", "A and B"),
        ({"text": "x", "byline": "By the desk"}, "byline", "By the desk"),
        ({"text": "x", "source": {"id": None, "name": "BBC"}}, "source", "BBC"),
        ({"text": "x", "site_name": "Gazette"}, "source", "Gazette"),
        ({"text": "x", "publishedAt": "2024-03-05T10:00:00Z"}, "date", "2024-03-05T10:00:00+00:00"),
        ({"text": "x", "date": {"$date": "2024-03-05"}}, "date", "2024-03-05"),
        ({"text": "x", "timestamp": 1709634600000}, "date", "2024-03-05T10:30:00+00:00"),
        ({"text": "x", "dateModified": "2024-03-06"}, "date", "2024-03-06"),
        ({"text": "x", "date": "05/03/2024"}, "date", None),
        ({"text": "x", "link": "https://e.org/a"}, "url", "https://e.org/a"),
        ({"Body": "Case does not matter."}, "body", "Case does not matter."),
        ({"description": "Only a summary."}, "body", "Only a summary."),
        ({"content": "The minister said… [+2345 chars]"}, "body", "The minister said"),
    ],
)  # fmt: skip
def test_field_names_and_shapes(record: dict[str, object], field: str, expected: str) -> None:
    [article] = read_bytes(json.dumps(record).encode(), "one.json")
    assert isinstance(article, Article)
    assert getattr(article, field) == expected
    assert article.title  # never empty


def test_single_pretty_printed_object() -> None:
    data = b'{\n  "title": "Solo",\n  "body": "One story."\n}\n'
    [article] = read_bytes(data, "solo.json")
    assert isinstance(article, Article)
    assert article.origin == "solo.json"
    assert article.title == "Solo"


def test_single_line_object_keeps_a_plain_origin() -> None:
    [article] = read_bytes(b'{"title": "Solo", "body": "One story."}', "solo.json")
    assert isinstance(article, Article)
    assert article.origin == "solo.json"


def test_wrapper_object_with_a_list_of_articles() -> None:
    data = json.dumps(
        {"status": "ok", "articles": [{"title": "A", "content": "a."}, {"title": "B"}]}
    ).encode()
    items = read_bytes(data, "news.json")
    assert [a.title for a in articles_of(items)] == ["A"]
    assert articles_of(items)[0].origin == "news.json#1"
    [error] = errors_of(items)
    assert "item 2" in error.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"42", "a number"),
        (b"[1, 2, 3]", "not an article: a number"),
        (b'"just a string"', "a string"),
        (b"[]", "empty JSON array"),
        (b'{"title": "no text"}', "without a text field"),
        (b"null", "null"),
    ],
)
def test_json_that_is_not_an_article_is_a_read_error(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_bytes(data, "x.json")


def test_a_list_of_numbers_is_one_clear_error_not_a_flood() -> None:
    with pytest.raises(ReadError) as caught:
        read_bytes(json.dumps(list(range(5000))).encode(), "numbers.json")
    assert "5000 records, none an article" in str(caught.value)


def test_truncated_array_keeps_earlier_records_then_fails() -> None:
    stream = read_stream(io.BytesIO(b'[{"title": "A", "body": "a."}, {"title": "B", "bo'), "t.json")
    first = next(stream)
    assert isinstance(first, Article)
    with pytest.raises(ReadError, match="invalid JSON"):
        next(stream)


def test_array_elements_are_streamed_with_line_numbers() -> None:
    records = [{"title": f"T{i}", "body": f"Body {i}."} if i != 3 else 7 for i in range(6)]
    data = ("[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]").encode()
    items = read_bytes(data, "big.json")
    assert len(articles_of(items)) == 5
    [error] = errors_of(items)
    assert error.line == 5  # element 4 sits on line 5


def test_large_array_spanning_many_chunks() -> None:
    body = "word " * 5000
    records = [{"title": f"T{i}", "body": body + str(i)} for i in range(40)]
    items = read_bytes(json.dumps(records).encode(), "large.json")
    assert len(articles_of(items)) == 40
    assert articles_of(items)[-1].body.endswith("39")


def test_jsonl_is_sniffed_without_a_suffix() -> None:
    data = b'{"title": "A", "text": "a."}\n{"title": "B", "text": "b."}\n'
    items = read_bytes(data)
    assert [a.title for a in articles_of(items)] == ["A", "B"]
    assert articles_of(items)[1].origin == "<stdin>#2"


def test_deeply_nested_line_is_a_record_error() -> None:
    data = b'{"title": "A", "text": "a."}\n' + b"[" * 100_000 + b"\n"
    items = read_bytes(data, "deep.jsonl")
    assert len(articles_of(items)) == 1
    assert len(errors_of(items)) == 1


def test_describe_json() -> None:
    assert describe_json([1, 2]) == "a list of 2 numbers"
    assert describe_json([1, "a"]) == "a list of 2 mixed values"
    assert describe_json({"a": 1}) == "an object"
    assert describe_json(True) == "a boolean"


def test_many_bad_lines_before_the_first_article_are_summarised() -> None:
    data = b"not json\n" * 150 + b'{"title": "A", "text": "a."}\n'
    items = read_bytes(data, "dump.jsonl")
    errors = errors_of(items)
    assert len(articles_of(items)) == 1
    assert len(errors) == 101
    assert errors[0].line == 1
    assert "50 more bad records" in errors[-1].reason


def test_escaped_nul_characters_in_json_are_removed() -> None:
    [article] = read_bytes(b'{"title": "A\\u0000B", "text": "x\\u0000y z."}', "nul.json")
    assert isinstance(article, Article)
    assert article.title == "AB"
    assert article.body == "xy z."
