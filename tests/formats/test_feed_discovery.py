"""Feed autodiscovery: the feeds a web page links in its <head>, and `add_feed`."""

from __future__ import annotations

from pathlib import Path

import pytest
from quoth.corpus.feeds import add_feed, ingest_url, list_feeds, refresh
from quoth.corpus.fetch import FetchError, FetchResult
from quoth.corpus.readers.errors import ReadError
from quoth.corpus.readers.html import FeedLink, feed_links
from quoth.corpus.store import Corpus

FIXTURES = Path(__file__).parent / "fixtures"
RSS = (FIXTURES / "feeds" / "rss2.xml").read_bytes()


def link(kind: str, href: str, title: str = "", rel: str = "alternate") -> str:
    return f'<link rel="{rel}" type="{kind}" href="{href}" title="{title}">'


def test_relative_links_resolve_against_the_page_and_base_href() -> None:
    html = (
        "<html><head>"
        + link("application/rss+xml", "feed.xml", "News")
        + link("application/atom+xml", "//cdn.example/atom", "Atom")
        + link("application/feed+json; charset=utf-8", "/feed.json", "JSON")
        + "</head><body></body></html>"
    )
    assert feed_links(html, "https://site.example/news/today") == [
        FeedLink("https://site.example/news/feed.xml", "News", "RSS"),
        FeedLink("https://cdn.example/atom", "Atom", "Atom"),
        FeedLink("https://site.example/feed.json", "JSON", "JSON Feed"),
    ]
    with_base = '<head><base href="/en/">' + link("application/rss+xml", "rss") + "</head>"
    assert [f.url for f in feed_links(with_base, "https://site.example/a/b")] == [
        "https://site.example/en/rss"
    ]


def test_only_feed_links_count() -> None:
    html = (
        "<head>"
        + link("application/json", "/wp-json/wp/v2/posts/7")  # REST API
        + link("text/html", "/en/", rel="alternate")  # a translation
        + link("application/rss+xml", "/feed", rel="stylesheet")
        + link("application/rss+xml", "javascript:alert(1)")
        + link("application/rss+xml", "http://[::1")  # malformed
        + link("application/rss+xml", "")
        + link("application/rss+xml", "/a")
        + link("application/rss+xml", "/a")  # twice
        + "</head>"
    )
    assert [f.url for f in feed_links(html, "http://x.example/")] == ["http://x.example/a"]


def test_a_page_without_head_or_with_garbage_gives_no_links() -> None:
    assert feed_links("", "http://x.example/") == []
    garbage = "<link rel=alternate type=application/rss+xml href=/f><<<>"
    assert feed_links(garbage, "http://x.example/") == [FeedLink("http://x.example/f", None, "RSS")]


class FakeWeb:
    def __init__(self, pages: dict[str, tuple[bytes, str]]) -> None:
        self.pages = pages

    def __call__(self, url: str, **_: object) -> FetchResult:
        if url not in self.pages:
            raise FetchError(f"{url}: HTTP 404 Not Found")
        body, kind = self.pages[url]
        return FetchResult(url, 200, kind, body, None, None, url=url)


@pytest.fixture
def corpus(tmp_path: Path):
    with Corpus.open(tmp_path / "c.db") as opened:
        yield opened


def home(*links: str) -> tuple[bytes, str]:
    return (
        f"<html><head>{''.join(links)}</head><body><p>Hi</p></body></html>".encode(),
        "text/html",
    )


def test_a_wordpress_home_subscribes_to_the_posts_not_the_comments(corpus: Corpus) -> None:
    web = FakeWeb(
        {
            "https://w.example/": home(
                link("application/rss+xml", "/feed/", "Blog » Feed"),
                link("application/rss+xml", "/comments/feed/", "Blog » Comments Feed"),
            ),
            "https://w.example/feed/": (RSS, "application/rss+xml"),
        }
    )
    outcome = add_feed(corpus.conn, "https://w.example/", fetch_fn=web)
    assert outcome.discovered and not outcome.failures and not outcome.choices
    assert [url for url, _ in outcome.subscribed] == ["https://w.example/feed/"]
    assert [f.url for f in list_feeds(corpus.conn)] == ["https://w.example/feed/"]
    assert list_feeds(corpus.conn)[0].etag is None  # nothing ingested: refresh reads it all


def test_only_comment_feeds_are_still_feeds(corpus: Corpus) -> None:
    web = FakeWeb(
        {
            "https://w.example/": home(link("application/rss+xml", "/comments/feed/", "Comments")),
            "https://w.example/comments/feed/": (RSS, "application/rss+xml"),
        }
    )
    outcome = add_feed(corpus.conn, "https://w.example/", fetch_fn=web)
    assert [url for url, _ in outcome.subscribed] == ["https://w.example/comments/feed/"]


def test_a_linked_page_that_is_no_feed_is_a_failure_line(corpus: Corpus) -> None:
    web = FakeWeb(
        {
            "https://w.example/": home(link("application/rss+xml", "/rss")),
            "https://w.example/rss": home(),  # the CMS now answers with a page
        }
    )
    outcome = add_feed(corpus.conn, "https://w.example/", fetch_fn=web)
    assert outcome.failures == [
        "https://w.example/rss: linked as a feed but not one (read as html)"
    ]
    assert list_feeds(corpus.conn) == []


def test_neither_page_nor_feed_raises_one_line(corpus: Corpus) -> None:
    web = FakeWeb({"https://w.example/data": (b'{"a": 1}', "application/json")})
    with pytest.raises(ReadError) as caught:
        add_feed(corpus.conn, "https://w.example/data", fetch_fn=web)
    assert "\n" not in str(caught.value)
    with pytest.raises(FetchError):
        add_feed(corpus.conn, "file:///etc/passwd", fetch_fn=web)


STORY = (
    "<h1>Harbour plan approved</h1><p>The harbour plan was approved on Monday after a "
    "long debate in the council chamber, officials said, with work to start in May.</p>"
)


def front_page(head: str = "") -> tuple[bytes, str]:
    feeds = link("application/rss+xml", "/feed/", "Site » Feed") + link(
        "application/rss+xml", "/comments/feed/", "Site » Comments Feed"
    )
    return (f"<html><head>{feeds}{head}</head><body>{STORY}</body></html>".encode(), "text/html")


def stored(_origin: str, articles: list) -> tuple[int, int]:
    return len(articles), 0


@pytest.mark.parametrize("url", ["https://w.example/", "https://w.example/index.php"])
def test_ingesting_a_front_page_points_to_its_feed(corpus: Corpus, url: str) -> None:
    web = FakeWeb({url: front_page()})
    with pytest.raises(ReadError) as caught:
        ingest_url(corpus.conn, url, stored, fetch_fn=web)
    assert str(caught.value) == (
        f"{url}: a site's front page, not an article; its feed has "
        "the stories: quoth ingest https://w.example/feed/"
    )
    assert list_feeds(corpus.conn) == []


@pytest.mark.parametrize(
    ("url", "head"),
    [
        ("https://w.example/2024/05/harbour-plan/", ""),  # an article page links feeds too
        ("https://w.example/", '<meta property="og:type" content="article">'),
        (
            "https://w.example/",
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Harbour plan approved"}</script>',
        ),
    ],
)
def test_articles_that_link_feeds_are_ingested(corpus: Corpus, url: str, head: str) -> None:
    web = FakeWeb({url: front_page(head)})
    assert ingest_url(corpus.conn, url, stored, fetch_fn=web).new == 1


@pytest.mark.parametrize("served_as", ["text/html; charset=utf-8", "text/plain"])
def test_a_feed_served_under_the_wrong_type_is_still_a_feed(corpus: Corpus, served_as: str) -> None:
    web = FakeWeb(
        {
            "https://w.example/": home(link("application/rss+xml", "/rss")),
            "https://w.example/rss": (RSS, served_as),
        }
    )
    outcome = add_feed(corpus.conn, "https://w.example/", fetch_fn=web)
    assert [url for url, _ in outcome.subscribed] == ["https://w.example/rss"]
    summary = refresh(corpus.conn, stored, fetch_fn=web)
    assert summary.ok and summary.new == 2, summary.failures  # (and one item without text)
    ingested = ingest_url(corpus.conn, "https://w.example/rss", stored, fetch_fn=web)
    assert ingested.is_feed and ingested.new == 2


@pytest.mark.parametrize(
    ("title", "href", "comments"),
    [
        ("Blog » Comments Feed", "/feed/", True),
        ("Blog » Kommentar-Feed", "/x", True),
        ("Blog » Flux des commentaires", "/x", True),
        ("Blog", "/comments/feed/", True),
        ("Comment is free", "/commentisfree/rss", False),
        ("Blog » Feed", "/feed/", False),
    ],
)
def test_comment_feeds_are_told_apart(title: str, href: str, comments: bool) -> None:
    assert FeedLink(f"https://w.example{href}", title, "RSS").is_comments_feed is comments
