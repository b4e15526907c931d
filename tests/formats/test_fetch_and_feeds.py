"""URL fetching and feed refresh against a local HTTP server (never the internet)."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from quoth.corpus.feeds import ingest_url, list_feeds, refresh, subscribe, unsubscribe
from quoth.corpus.fetch import USER_AGENT, FetchError, fetch, read_fetched
from quoth.corpus.model import Article
from quoth.corpus.store import Corpus

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "html" / "wordpress.html").read_bytes()
FEED = (FIXTURES / "feeds" / "rss2.xml").read_bytes()
ATOM = (FIXTURES / "feeds" / "atom.xml").read_bytes()


class Site:
    """What the test server serves, and what it saw."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.feed_etag = '"v1"'
        self.feed_body = FEED


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = getattr(
            self, "route_" + self.path.strip("/").replace(".", "_").replace("-", "_"), None
        )
        if route is None:
            self.send_error(404, "Not Found")
            return
        route()

    def send_body(self, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def route_page_html(self) -> None:
        self.send_body(PAGE, "text/html; charset=utf-8")

    def route_gzip_page(self) -> None:
        assert "gzip" in self.headers.get("Accept-Encoding", "")
        self.send_body(gzip.compress(PAGE), "text/html", Content_Encoding="gzip")

    def route_moved(self) -> None:
        self.redirect("/page.html")

    def route_loop(self) -> None:
        self.redirect("/loop")

    def route_to_file(self) -> None:
        self.redirect("file:///etc/passwd")

    def route_slow(self) -> None:
        time.sleep(2)
        self.send_body(b"late", "text/plain")

    def route_big(self) -> None:
        self.send_body(b"x" * 300_000, "text/plain")

    def route_big_unannounced(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(30):
            self.wfile.write(b"y" * 10_000)

    def route_gzip_bomb(self) -> None:
        self.send_body(gzip.compress(b"\0" * 5_000_000), "text/plain", Content_Encoding="gzip")

    def route_cyrillic(self) -> None:
        text = "<html><body><p>Министр заявил, что решение будет принято.</p></body></html>"
        self.send_body(text.encode("cp1251"), "text/html; charset=windows-1251")

    def route_feed_xml(self) -> None:
        if self.headers.get("If-None-Match") == self.site.feed_etag:
            self.send_response(304)
            self.send_header("ETag", self.site.feed_etag)
            self.end_headers()
            return
        self.send_body(self.site.feed_body, "application/rss+xml", ETag=self.site.feed_etag)

    def route_atom(self) -> None:
        stamp = "Wed, 06 Mar 2024 01:02:11 GMT"
        if self.headers.get("If-Modified-Since") == stamp:
            self.send_response(304)
            self.end_headers()
            return
        self.send_body(ATOM, "application/atom+xml", Last_Modified=stamp)

    def route_broken_feed(self) -> None:
        self.send_error(500, "Internal Server Error")


@pytest.fixture
def server() -> Iterator[tuple[str, Site]]:
    site = Site()
    handler = type("BoundHandler", (Handler,), {"site": site})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", site
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_a_page_with_an_honest_user_agent(server) -> None:
    base, site = server
    result = fetch(f"{base}/page.html")
    assert result.status == 200 and result.body == PAGE
    assert result.content_type.startswith("text/html")
    assert site.requests[0][1]["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("quoth/")


def test_gzip_is_asked_for_and_decompressed(server) -> None:
    base, _ = server
    assert fetch(f"{base}/gzip-page").body == PAGE


def test_redirects_are_followed_and_capped(server) -> None:
    base, _ = server
    result = fetch(f"{base}/moved")
    assert result.url_final == f"{base}/page.html"
    with pytest.raises(FetchError, match=r"^http://127\.0\.0\.1:\d+/loop: HTTP 30\d"):
        fetch(f"{base}/loop")


def test_redirect_to_a_local_file_is_refused(server) -> None:
    base, _ = server
    with pytest.raises(FetchError, match=r"HTTP 302 .*(not allowed|refused)"):
        fetch(f"{base}/to-file")


def test_http_errors_are_one_line(server) -> None:
    base, _ = server
    with pytest.raises(FetchError) as caught:
        fetch(f"{base}/nowhere")
    assert str(caught.value) == f"{base}/nowhere: HTTP 404 Not Found"


def test_timeout(server) -> None:
    base, _ = server
    with pytest.raises(FetchError, match=r"/slow: timed out after 0\.5 s$"):
        fetch(f"{base}/slow", timeout=0.5)


@pytest.mark.parametrize("path", ["/big", "/big-unannounced", "/gzip-bomb"])
def test_size_cap_on_the_wire_and_after_decompression(server, path: str) -> None:
    base, _ = server
    with pytest.raises(FetchError, match=r"too large \(> 100000 bytes\)$"):
        fetch(f"{base}{path}", max_bytes=100_000)


def test_only_web_urls(tmp_path: Path) -> None:
    for url in ("file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "http://"):
        with pytest.raises(FetchError, match="only http:// and https:// URLs"):
            fetch(url)


def test_connection_refused_is_one_line() -> None:
    with pytest.raises(FetchError) as caught:
        fetch("http://127.0.0.1:9/", timeout=2)
    assert "\n" not in str(caught.value) and str(caught.value).startswith("http://127.0.0.1:9/: ")


def test_fetched_page_becomes_an_html_article(server) -> None:
    base, _ = server
    reader, items = read_fetched(fetch(f"{base}/moved"))
    [article] = list(items)
    assert reader == "html"
    assert article.origin == f"{base}/moved"
    assert article.title == "Council approves harbour dredging plan despite objections"
    assert article.body.startswith("Westbay council voted 7-4")


def test_http_charset_is_honoured(server) -> None:
    base, _ = server
    _, items = read_fetched(fetch(f"{base}/cyrillic"))
    [article] = list(items)
    assert article.body == "Министр заявил, что решение будет принято."
    assert article.url == f"{base}/cyrillic"  # no canonical link: the fetched URL


def test_fetched_feed_is_recognised(server) -> None:
    base, _ = server
    reader, items = read_fetched(fetch(f"{base}/feed.xml"))
    assert reader == "feed"
    assert sum(isinstance(i, Article) for i in items) == 2


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Corpus]:
    with Corpus(tmp_path / "corpus.db") as opened:
        yield opened


def test_subscriptions(corpus: Corpus) -> None:
    assert subscribe(corpus.conn, "https://a.example/feed", "A")
    assert not subscribe(corpus.conn, "https://a.example/feed", "Other title")
    assert subscribe(corpus.conn, "https://b.example/rss")
    assert [(f.url, f.title) for f in list_feeds(corpus.conn)] == [
        ("https://a.example/feed", "A"),
        ("https://b.example/rss", None),
    ]
    assert unsubscribe(corpus.conn, "https://a.example/feed")
    assert not unsubscribe(corpus.conn, "https://a.example/feed")
    assert [f.url for f in list_feeds(corpus.conn)] == ["https://b.example/rss"]
    with pytest.raises(FetchError):
        subscribe(corpus.conn, "file:///etc/passwd")


def test_refresh_flow_with_etag_and_last_modified(server, corpus: Corpus) -> None:
    base, site = server
    stored: dict[str, Article] = {}

    def ingest(origin: str, articles: list[Article]) -> tuple[int, int]:
        new = [a for a in articles if a.content_hash not in stored]
        stored.update((a.content_hash, a) for a in new)
        return len(new), len(articles) - len(new)

    subscribe(corpus.conn, f"{base}/feed.xml")
    subscribe(corpus.conn, f"{base}/atom")
    subscribe(corpus.conn, f"{base}/broken-feed")
    subscribe(corpus.conn, "http://127.0.0.1:9/closed")

    first = refresh(corpus.conn, ingest, timeout=2)
    assert (first.feeds, first.new, first.failed, first.skipped_items) == (4, 4, 2, 1)
    assert first.failures[0] == f"{base}/broken-feed: HTTP 500 Internal Server Error"
    assert first.line().startswith("refreshed 4 feeds, 4 new articles")
    feeds = {f.url: f for f in list_feeds(corpus.conn)}
    assert feeds[f"{base}/feed.xml"].etag == '"v1"'
    assert feeds[f"{base}/feed.xml"].title == "Westbay Courier – News"
    assert feeds[f"{base}/atom"].last_modified == "Wed, 06 Mar 2024 01:02:11 GMT"
    assert feeds[f"{base}/broken-feed"].last_status.startswith("failed: HTTP 500")

    second = refresh(corpus.conn, ingest, timeout=2)
    assert (second.new, second.unchanged, second.failed) == (0, 2, 2)
    last_headers = dict(site.requests)  # the latest request for each path
    assert last_headers["/feed.xml"].get("if-none-match") == '"v1"'
    assert last_headers["/atom"].get("if-modified-since") == "Wed, 06 Mar 2024 01:02:11 GMT"

    site.feed_etag = '"v2"'  # the feed changed: only the new item is new
    site.feed_body = FEED.replace(
        b"<item>",
        b"<item><title>Fresh</title><description>A fresh item, said the editor.</description>"
        b"</item><item>",
        1,
    )
    third = refresh(corpus.conn, ingest, timeout=2)
    assert (third.new, third.duplicates) == (1, 2)


def _counting_ingest(stored: dict[str, Article]):  # type: ignore[no-untyped-def]
    def ingest(origin: str, articles: list[Article]) -> tuple[int, int]:
        new = [a for a in articles if a.content_hash not in stored]
        stored.update((a.content_hash, a) for a in new)
        return len(new), len(articles) - len(new)

    return ingest


def test_ingest_url_subscribes_to_feeds_only(server, corpus: Corpus) -> None:
    base, site = server
    stored: dict[str, Article] = {}
    page = ingest_url(corpus.conn, f"{base}/page.html", _counting_ingest(stored))
    assert (page.reader, page.new, page.subscribed) == ("html", 1, False)
    feed = ingest_url(corpus.conn, f"{base}/feed.xml", _counting_ingest(stored))
    assert (feed.is_feed, feed.new, feed.subscribed, len(feed.skipped)) == (True, 2, True, 1)
    [subscription] = list_feeds(corpus.conn)
    assert (subscription.url, subscription.etag) == (f"{base}/feed.xml", '"v1"')
    again = refresh(corpus.conn, _counting_ingest(stored), timeout=2)
    assert (again.unchanged, again.new) == (1, 0)
    assert dict(site.requests)["/feed.xml"].get("if-none-match") == '"v1"'
