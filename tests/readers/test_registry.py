"""The reader registry: choosing by suffix, by content, and adding a format."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import Reader, RecordError, read_stream, register
from quoth.corpus.readers import registry as registry_module
from quoth.corpus.readers.document import Document
from quoth.corpus.readers.registry import choose_reader, readers


def doc(data: bytes, name: str) -> Document:
    return Document(name, name, io.BytesIO(data))


@pytest.mark.parametrize(
    ("name", "data", "reader"),
    [
        ("a.txt", b"# looks like markdown but the suffix says text\n", "text"),
        ("a.md", b"plain words\n", "markdown"),
        ("a.markdown", b"plain words\n", "markdown"),
        ("a.json", b'{"text": "x"}', "json"),
        ("a.ndjson", b'{"text": "x"}\n', "json"),
        ("a.jsonl.gz", b'{"text": "x"}\n', "json"),
        ("<stdin>", b'  [{"text": "x"}]', "json"),
        ("<stdin>", b'{"text": "x"}\n{"text": "y"}\n', "json"),
        ("<stdin>", b"---\ntitle: T\n---\nBody\n", "markdown"),
        ("<stdin>", b"# Heading\n\nBody\n", "markdown"),
        ("<stdin>", b"Just words.\n", "text"),
        ("notes.unknown", b"Just words.\n", "text"),
        ("<stdin>", b"---\n\nA rule, then text.\n", "text"),
        ("<stdin>", b"{braces} start this prose line.\n", "text"),
        ("<stdin>", b"[Updated] The council met.\n", "text"),
        ("<stdin>", b"[\n  1, 2]", "json"),
    ],
)
def test_choose_reader(name: str, data: bytes, reader: str) -> None:
    assert choose_reader(doc(data, name)).name == reader


def test_builtin_readers_are_registered() -> None:
    names = {reader.name for reader in readers()}
    assert {"text", "markdown", "json"} <= names


def test_adding_a_format_is_one_registration(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "_readers", dict(registry_module._readers))

    def read_shout(document: Document) -> Iterator[Article | RecordError]:
        yield Article(
            body=document.text().strip(), title="Shout", origin=document.origin, format="shout"
        )

    register(Reader("shout", (".shout",), lambda head: head.startswith("!!"), read_shout, 5))
    [article] = list(read_stream(io.BytesIO(b"HELLO"), "x.shout"))
    assert isinstance(article, Article) and article.format == "shout"
    [sniffed] = list(read_stream(io.BytesIO(b"!! hello")))
    assert isinstance(sniffed, Article) and sniffed.format == "shout"


def test_shared_suffix_goes_to_the_reader_whose_sniff_accepts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry_module, "_readers", dict(registry_module._readers))

    def read_feed(document: Document) -> Iterator[Article | RecordError]:
        yield Article(body="feed item", title="Item", origin=document.origin, format="feedish")

    register(Reader("feedish", (".json",), lambda head: "x-feedish" in head, read_feed, 100))
    feed = b'{"version": "x-feedish", "items": []}'
    assert choose_reader(doc(feed, "f.json")).name == "feedish"
    assert choose_reader(doc(b'{"text": "x"}', "a.json")).name == "json"


def test_a_crashing_sniffer_does_not_stop_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "_readers", dict(registry_module._readers))

    def boom(head: str) -> bool:
        raise ValueError("sniffer bug")

    register(Reader("broken", (".broken",), boom, lambda d: iter(()), 99))
    assert choose_reader(doc(b"Just words.\n", "<stdin>")).name == "text"


def test_order_does_not_depend_on_import_order(monkeypatch: pytest.MonkeyPatch) -> None:
    shuffled = dict(reversed(list(registry_module._readers.items())))
    monkeypatch.setattr(registry_module, "_readers", shuffled)
    names = [reader.name for reader in readers()]
    assert names.index("text") < names.index("markdown") < names.index("json")
    assert choose_reader(doc(b"42", "x.json")).name == "json"
