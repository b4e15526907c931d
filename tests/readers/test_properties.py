"""Property tests: whatever bytes come in, readers give Articles/RecordErrors or a ReadError."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quoth.corpus.model import Article, paragraphs_to_body
from quoth.corpus.readers import ReadError, RecordError, read_stream

NAMES = ["<stdin>", "a.txt", "a.md", "a.json", "a.jsonl", "a.txt.gz", "a.jsonl.bz2", "a.ndjson"]
# QUOTH_FUZZ_EXAMPLES=5000 pytest tests/readers/test_properties.py for a longer hunt.
SETTINGS = settings(
    max_examples=int(os.environ.get("QUOTH_FUZZ_EXAMPLES", "300")),
    deadline=None,
    database=None,  # never write an example database into the repository
    suppress_health_check=[HealthCheck.too_slow],
)


def read_safely(data: bytes, name: str) -> list[Article | RecordError]:
    try:
        items = list(read_stream(io.BytesIO(data), name))
    except ReadError as exc:
        message = str(exc)
        assert message and "\n" not in message
        assert "unexpected error" not in message, message  # a reader bug, not bad input
        return []
    for item in items:
        assert isinstance(item, (Article, RecordError))
        if isinstance(item, Article):
            assert item.title.strip()
            assert item.body == paragraphs_to_body(item.paragraphs)
            assert item.origin.startswith(name)
    return items


@SETTINGS
@given(st.binary(max_size=4000), st.sampled_from(NAMES))
def test_any_bytes(data: bytes, name: str) -> None:
    read_safely(data, name)


@SETTINGS
@given(st.text(max_size=3000), st.sampled_from(NAMES))
def test_any_text(text: str, name: str) -> None:
    read_safely(text.encode("utf-8", errors="surrogatepass"), name)


_news_line = st.sampled_from(
    [
        " date 2023-07-24 ", "By Jane Doe", "By Jane Doe, Reuters", "Published: March 5, 2024",
        "Updated: 5 March 2024 10:30 GMT", "LONDON (Reuters) - ", "RAWALPINDI: ", "NEW YORK — ",
        "— ISPR", "(Photo: AFP)", "Title: x", "---", "# Heading", "title: y", "“Quote,” he said.",
        "", "\n", "Headline without period", "A sentence ends here.", "{", "}", "[", "]", '"',
    ]
)  # fmt: skip


@SETTINGS
@given(st.lists(st.one_of(_news_line, st.text(max_size=40)), max_size=30), st.sampled_from(NAMES))
def test_newsroom_shaped_text(lines: list[str], name: str) -> None:
    read_safely("\n".join(lines).encode("utf-8", errors="surrogatepass"), name)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(["title", "text", "body", "author", "date", "source", "url", "items",
                         "content", "authors", "publishedAt", "x"]),
        children,
        max_size=5,
    ),
    max_leaves=20,
)  # fmt: skip


@SETTINGS
@given(st.lists(_json_values, max_size=6), st.sampled_from(["a.json", "a.jsonl", "<stdin>"]))
def test_any_json_records(values: list[object], name: str) -> None:
    as_lines = "\n".join(json.dumps(value) for value in values).encode()
    read_safely(as_lines, name)
    read_safely(json.dumps(values).encode(), name)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["gz", "bz2"]), st.integers(0, 100))
def test_compressed_and_truncated(data: bytes, kind: str, cut: int) -> None:
    compress = gzip.compress if kind == "gz" else bz2.compress
    packed = compress(data)
    read_safely(packed, "a.txt.gz")
    read_safely(packed[: len(packed) * cut // 100], "a.jsonl.gz")
