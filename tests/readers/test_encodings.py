"""Decoding: BOMs, UTF-8, cp1252, Latin-1, UTF-16, NUL bytes, newlines."""

from __future__ import annotations

import codecs
import io

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import RecordError, read_stream
from quoth.corpus.readers.document import Document, detect_encoding

STORY = "Bridge vote delayed\n\n“We need more time,” the council leader said — again.\n"


def read_bytes(data: bytes, name: str = "story.txt") -> list[Article | RecordError]:
    return list(read_stream(io.BytesIO(data), name))


def body_of(data: bytes, name: str = "story.txt") -> str:
    [article] = read_bytes(data, name)
    assert isinstance(article, Article)
    return article.body


EXPECTED_BODY = "“We need more time,” the council leader said — again."


@pytest.mark.parametrize(
    "data",
    [
        STORY.encode("utf-8"),
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        STORY.encode("cp1252"),
        codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        STORY.encode("utf-16-le"),  # no BOM: recognised by its NUL pattern
        STORY.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be",
         "utf32le-bom"],
)  # fmt: skip
def test_encodings_keep_curly_quotes(data: bytes) -> None:
    assert body_of(data) == EXPECTED_BODY


def test_cp1252_smart_quote_bytes() -> None:
    data = b"Headline here\n\n\x93Quoted,\x94 she said. It\x92s fine.\n"
    assert body_of(data) == "“Quoted,” she said. It’s fine."


def test_latin1_text() -> None:
    data = "Café owners in Zürich said the façade was repaired.\n".encode("latin-1")
    assert body_of(data) == "Café owners in Zürich said the façade was repaired."


def test_stray_bad_byte_in_utf8_text_after_the_head() -> None:
    good = ("Déjà vu, said the mayor. " * 500).encode("utf-8")  # more than the 8 KB head
    data = good + b"\n\nThen \x93a quote\x94 in cp1252.\n"
    body = body_of(data)
    assert body.startswith("Déjà vu")
    assert body.endswith("Then “a quote” in cp1252.")


def test_nul_bytes_are_removed() -> None:
    data = b"The council\x00 met on Monday.\x00\n" + b"\x00" * 3000
    assert body_of(data) == "The council met on Monday."


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines_are_normalised(newline: str) -> None:
    text = f"First paragraph here.{newline}{newline}Second paragraph here.{newline}"
    [article] = read_bytes(text.encode())
    assert isinstance(article, Article)
    assert article.paragraphs == ["First paragraph here.", "Second paragraph here."]


def test_crlf_split_across_chunks() -> None:
    # A "\r\n" straddling the 8 KB head boundary must stay one newline.
    first = "a" * 8191 + "\r"
    doc = Document("x", "x.txt", io.BytesIO((first + "\nb").encode()))
    assert doc.text() == "a" * 8191 + "\nb"


def test_multibyte_character_split_across_chunks() -> None:
    text = "é" * 10000
    doc = Document("x", "x.txt", io.BytesIO(text.encode("utf-8")))
    assert doc.encoding == "utf-8"
    assert doc.text() == text


def test_detect_encoding() -> None:
    assert detect_encoding(codecs.BOM_UTF8 + b"x") == ("utf-8", 3)
    assert detect_encoding(b"plain ascii") == ("utf-8", 0)
    assert detect_encoding("é".encode()[:1]) == ("utf-8", 0)  # cut-off character
    assert detect_encoding(b"caf\xe9 au lait") == ("cp1252", 0)
