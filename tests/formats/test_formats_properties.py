"""Property tests: any input to the HTML and feed code ends in paragraphs or a ReadError."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quoth.corpus.model import Article
from quoth.corpus.readers.document import Document
from quoth.corpus.readers.errors import ReadError, RecordError
from quoth.corpus.readers.feed import read_feed
from quoth.corpus.readers.html import read_html
from quoth.corpus.readers.htmltext import extract_main_text, html_to_paragraphs

TAGS = ["p", "div", "a", "br", "script", "li", "ul", "article", "nav", "b", "table", "td"]
markup = st.lists(
    st.one_of(
        st.sampled_from([f"<{t}>" for t in TAGS] + [f"</{t}>" for t in TAGS]),
        st.sampled_from(["<!--", "-->", "<![CDATA[", "&amp;", "&#", "&lol;", "<", ">", '"', "="]),
        st.text(max_size=30),
    ),
    max_size=60,
).map("".join)

FEED_PIECES = [
    '<?xml version="1.0"?>',
    '<rss version="2.0">',
    "<channel>",
    "<item>",
    "</item>",
    "<title>",
    "</title>",
    "<description>",
    "</description>",
    "<![CDATA[<p>x</p>]]>",
    '<!DOCTYPE rss [<!ENTITY a "&b;&b;">]>',
    "&a;",
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "<entry>",
    "<content type='html'>",
]
feed_markup = st.lists(
    st.one_of(st.sampled_from(FEED_PIECES), st.text(max_size=20)), max_size=40
).map("".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(markup)
def test_html_text_functions_never_raise(html: str) -> None:
    for paragraph in extract_main_text(html) + html_to_paragraphs(html):
        assert paragraph == paragraph.strip() and paragraph


def _read(reader, data: bytes, name: str) -> None:  # type: ignore[no-untyped-def]
    try:
        doc = Document(name, name, io.BytesIO(data))
        items = list(reader(doc))
    except ReadError as exc:
        assert "\n" not in str(exc)
        return
    for item in items:
        assert isinstance(item, (Article, RecordError))
        if isinstance(item, Article):
            assert item.body.strip()


@SETTINGS
@given(st.one_of(st.binary(max_size=400), markup.map(lambda s: s.encode("utf-8"))))
def test_html_reader_on_any_bytes(data: bytes) -> None:
    _read(read_html, data, "page.html")


@SETTINGS
@given(st.one_of(st.binary(max_size=400), feed_markup.map(lambda s: s.encode("utf-8"))))
def test_feed_reader_on_any_bytes(data: bytes) -> None:
    _read(read_feed, data, "feed.xml")
