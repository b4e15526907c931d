"""The feed reader: RSS 0.91/1.0/2.0, Atom, JSON Feed, and hostile XML."""

from __future__ import annotations

import bz2
import gzip
import lzma
import time
from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import ReadError, RecordError, read_path
from quoth.corpus.readers.feed import articles_from_feed_bytes, looks_like_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def read_all(path: Path) -> tuple[list[Article], list[RecordError]]:
    items = list(read_path(path))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, RecordError)],
    )


def test_rss2_content_encoded_cdata_and_escaped_html() -> None:
    articles, errors = read_all(FEEDS / "rss2.xml")
    first, second = articles
    assert first.format == "feed"
    assert first.title == "Council approves harbour dredging plan"
    assert first.byline == "Hannah Okafor"
    assert first.source == "Westbay Courier – News"
    assert first.date == "2024-05-14T18:32:07+00:00"
    assert first.url == "https://westbaycourier.example/2024/05/14/dredging/"
    # content:encoded wins over the teaser description; scripts are dropped
    assert first.paragraphs == [
        "Westbay council voted 7-4 on Tuesday night to press ahead with a £3.2 million plan "
        "to dredge the inner harbour.",
        "“We cannot keep telling boat owners that the harbour is open for business,” said "
        "councillor Peter Lindqvist.",
        "Work is expected to begin in November.",
    ]
    assert second.title == "Lifeboat open day returns & draws crowds"
    assert second.byline == "Tom Rudd"
    assert second.date is None  # no pubDate: unknown, not invented
    assert second.paragraphs[1] == '"It was our busiest day in years," said coxswain Ella Marsh.'
    [title_only] = errors
    assert "no text" in title_only.reason and "Photo gallery" in title_only.reason


def test_atom_html_and_xhtml_content_and_several_authors() -> None:
    articles, errors = read_all(FEEDS / "atom.xml")
    assert not errors
    fare, bridge = articles
    assert fare.title == "Transit agency delays fare increase after rider backlash"
    assert fare.byline == "Marcus Webb and Jenna Ruiz"
    assert fare.date == "2024-03-05T22:14:00+00:00"
    assert fare.paragraphs[1] == "“We heard you,” board chair Linda Castellanos told the crowd."
    assert bridge.date == "2024-03-01T15:00:00-05:00"
    assert bridge.paragraphs == [
        "The eastbound lanes will reopen after inspections are complete, officials said.",
        "Detours remain in place.",
    ]


def test_rss1_rdf_with_dublin_core() -> None:
    [article], _ = read_all(FEEDS / "rss1.rdf")
    assert (article.title, article.byline, article.date, article.source) == (
        "Drought relief payments extended to dairy farmers",
        "Ellen Maitland",
        "2006-03-09",
        "Valley Gazette",
    )


def test_rss091_in_latin1() -> None:
    [article], _ = read_all(FEEDS / "rss091.xml")
    assert article.title == "Café owners protest new licence fees"
    assert "40 cafés" in article.body


def test_json_feed() -> None:
    articles, errors = read_all(FEEDS / "feed.json")
    coral, plain = articles
    assert coral.byline == "Leilani Kahale"
    assert coral.url == "https://coastalwire.example/coral"
    assert coral.paragraphs[1] == '"The lagoons surprised us," said Dr Mele Fonua.'
    assert plain.byline == "Newsroom"  # the feed's author when the item names none
    assert plain.paragraphs == [
        "First paragraph of plain text.",
        "Second paragraph, said the editor.",
    ]
    assert [e.reason for e in errors] == [
        'feed item 3 "Headline only" has no text (title only)',
        "feed item 4 is not an object",
    ]


def test_billion_laughs_is_harmless_and_fast() -> None:
    start = time.monotonic()
    [article], _ = read_all(FEEDS / "billion_laughs.xml")
    assert time.monotonic() - start < 5
    assert "lol" not in article.body and "lol" not in article.title
    assert len(article.body) < 200


def test_external_entities_are_never_fetched_or_read() -> None:
    [article], _ = read_all(FEEDS / "external_entity.xml")
    assert "root:" not in article.body
    assert article.body == "Leak: and end of the item text."


def test_entity_bomb_inside_a_badly_formed_feed_is_harmless_too() -> None:
    bomb = (FEEDS / "billion_laughs.xml").read_bytes().replace(b"</channel>", b"")
    start = time.monotonic()
    items = list(articles_from_feed_bytes(bomb, "https://x.example/feed"))
    assert time.monotonic() - start < 5
    assert all(len(i.body) < 200 for i in items if isinstance(i, Article))


@pytest.mark.parametrize(
    ("suffix", "compress"), [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)]
)
def test_compressed_feeds(tmp_path: Path, suffix: str, compress) -> None:
    path = tmp_path / f"feed.xml{suffix}"
    path.write_bytes(compress((FEEDS / "atom.xml").read_bytes()))
    articles, _ = read_all(path)
    assert len(articles) == 2


def test_xml_that_is_not_a_feed_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><config><value>1</value></config>")
    with pytest.raises(ReadError, match="not an RSS or Atom feed"):
        list(read_path(path))


def test_feeds_are_sniffed_without_a_telling_suffix(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes((FEEDS / "rss2.xml").read_bytes())
    articles, _ = read_all(path)
    assert {a.format for a in articles} == {"feed"}


def test_sniffing() -> None:
    assert looks_like_feed('<?xml version="1.0"?>\n<rss version="2.0">')
    assert looks_like_feed(
        '<?xml version="1.0"?><!-- hi --><feed xmlns="http://www.w3.org/2005/Atom">'
    )
    assert looks_like_feed("<rdf:RDF xmlns:rdf='x'>")
    assert looks_like_feed('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "b">]>\n<rss>')
    assert looks_like_feed('{"version": "https://jsonfeed.org/version/1.1", "items": []}')
    assert not looks_like_feed('{"title": "An article", "body": "Text"}')
    assert not looks_like_feed("<!DOCTYPE html><html><head>")
    assert not looks_like_feed("Just text.")


def test_json_articles_still_go_to_the_json_reader(tmp_path: Path) -> None:
    path = tmp_path / "article.json"
    path.write_text('{"title": "A title", "body": "Body text of the article, said someone."}')
    items = list(read_path(path))
    assert all(getattr(i, "format", "") != "feed" for i in items)


def test_plain_json_given_to_the_feed_reader_goes_to_the_json_reader() -> None:
    import io

    from quoth.corpus.readers.document import Document
    from quoth.corpus.readers.feed import read_feed

    data = b'{"title": "A title", "body": "Body text of the article, said someone."}'
    [article] = list(read_feed(Document("a.json", "a.json", io.BytesIO(data))))
    assert article.format == "json"
    with pytest.raises(ReadError, match="a number"):
        list(read_feed(Document("n.json", "n.json", io.BytesIO(b"42"))))


def test_blog_engine_footers_are_not_story_text() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>
    <item><title>Harbour news</title><description><![CDATA[<p>The harbour reopened on Monday,
    the master said. [&#8230;]</p><p>The post <a href="https://b.example/h">Harbour news</a>
    appeared first on <a href="https://b.example">Blog</a>.</p>]]></description></item>
    </channel></rss>"""
    [article] = list(articles_from_feed_bytes(feed, "https://b.example/feed"))
    assert article.body == "The harbour reopened on Monday, the master said."


def test_feed_in_a_declared_cyrillic_encoding() -> None:
    text = "Правительство объявило о новом плане, сказал министр."
    feed = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel>'
        f"<title>Новости</title><item><title>План</title><description>{text}</description>"
        "</item></channel></rss>"
    ).encode("cp1251")
    [article] = list(articles_from_feed_bytes(feed, "https://ru.example/rss"))
    assert (article.source, article.title, article.body) == ("Новости", "План", text)
