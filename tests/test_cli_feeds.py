"""URLs and feeds through the CLI, against a local server (never the internet)."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ITEM = """<item><title>{title}</title><link>http://example.test/{slug}</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>{title}: the council met on Tuesday.</p>
<p>"We will build it," said Mayor Grace Whitfield, the council's leader.</p>]]>
</description></item>"""


def feed(*titles: str) -> bytes:
    items = "".join(ITEM.format(title=t, slug=t.lower().replace(" ", "-")) for t in titles)
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette</title>'
        f"{items}</channel></rss>"
    ).encode()


class Site:
    """A tiny HTTP server whose pages the test can change between requests."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, str]] = {}
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                body, kind = site.pages.get(self.path, (b"", ""))
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", kind or "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def site() -> Iterator[Site]:
    running = Site()
    yield running
    running.server.shutdown()


def quoth(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUOTH_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "quoth", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_feed_url_subscribes_and_refresh_adds_only_new_items(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site.pages["/feed.xml"] = (feed("Bridge vote", "Park plan"), "application/rss+xml")
    first = quoth("ingest", f"{site.base}/feed.xml", db=db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("2 new")

    listed = [json.loads(line) for line in quoth("feeds", "--json", db=db).stdout.splitlines()]
    assert [f["url"] for f in listed] == [f"{site.base}/feed.xml"]

    site.pages["/feed.xml"] = (feed("Bridge vote", "Park plan", "Rail deal"), "application/rss+xml")
    refreshed = quoth("refresh", db=db)
    assert refreshed.returncode == 0, refreshed.stderr
    assert "1 new article" in refreshed.stdout and "2 already stored" in refreshed.stdout
    quotes = quoth("quotes", "--json", db=db).stdout
    assert "Grace Whitfield" in quotes

    assert quoth("feeds", "remove", f"{site.base}/feed.xml", db=db).returncode == 0
    assert quoth("feeds", db=db).stdout == ""


def test_a_dead_url_is_one_line_and_the_rest_goes_on(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    page = (
        "<html><head><title>Harbour plan | Gazette</title></head><body><article>"
        "<h1>Harbour plan</h1><p>The harbour plan was approved on Monday after a long "
        "debate in the council chamber, officials said.</p></article></body></html>"
    )
    site.pages["/story.html"] = (page.encode(), "text/html; charset=utf-8")
    result = quoth("ingest", f"{site.base}/missing.html", f"{site.base}/story.html", db=db)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "404" in result.stderr
    assert result.stdout.startswith("1 new")
    assert quoth("feeds", db=db).stdout == ""  # a page is not a subscription


def homepage(*links: tuple[str, str, str]) -> bytes:
    """A site's front page whose <head> links feeds: (type, href, title) each."""
    head = "".join(
        f'<link rel="alternate" type="{kind}" href="{href}" title="{title}">'
        for kind, href, title in links
    )
    return (
        f"<!doctype html><html><head><title>Test Gazette</title>{head}</head><body>"
        "<h1>Test Gazette</h1><ul><li><a href='/a'>Bridge vote</a></li></ul>"
        "</body></html>"
    ).encode()


def subscriptions(db: Path) -> list[str]:
    return [json.loads(line)["url"] for line in quoth("feeds", "--json", db=db).stdout.splitlines()]


def test_feeds_add_on_a_homepage_subscribes_to_the_feed_it_links(
    site: Site, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    site.pages["/news/"] = (
        homepage(
            ("application/rss+xml", "feed.xml", "Test Gazette"),  # relative to /news/
            ("application/rss+xml", "/news/comments/feed/", "Test Gazette » Comments Feed"),
        ),
        "text/html; charset=utf-8",
    )
    site.pages["/news/feed.xml"] = (feed("Bridge vote"), "application/rss+xml")
    added = quoth("feeds", "add", f"{site.base}/news/", db=db)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"subscribed {site.base}/news/feed.xml")
    assert "found on" in added.stdout and added.stderr == ""
    assert subscriptions(db) == [f"{site.base}/news/feed.xml"]  # not the comments feed

    again = quoth("feeds", "add", f"{site.base}/news/", db=db)
    assert again.returncode == 0 and again.stdout.startswith("already subscribed")
    refreshed = quoth("refresh", db=db)
    assert "1 new article" in refreshed.stdout, refreshed.stdout


def test_feeds_add_lists_several_feeds_and_subscribes_none_unless_all(
    site: Site, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    site.pages["/"] = (
        homepage(
            ("application/rss+xml", "/rss/news.xml", "News"),
            ("application/atom+xml", f"{site.base}/atom/sport", "Sport"),
            ("application/json", "/wp-json/wp/v2/pages/2", "JSON"),  # an API, not a feed
        ),
        "text/html",
    )
    site.pages["/rss/news.xml"] = (feed("Bridge vote"), "application/rss+xml")
    site.pages["/atom/sport"] = (feed("Cup final"), "application/rss+xml")
    listed = quoth("feeds", "add", f"{site.base}/", db=db)
    assert listed.returncode == 1
    assert [row.split("\t")[:2] for row in listed.stdout.splitlines()] == [
        [f"{site.base}/rss/news.xml", "News"],
        [f"{site.base}/atom/sport", "Sport"],
    ]
    assert listed.stderr.count("\n") == 1 and "2 feeds" in listed.stderr
    assert subscriptions(db) == []
    as_json = quoth("feeds", "add", f"{site.base}/", "--json", db=db)
    assert [json.loads(row)["status"] for row in as_json.stdout.splitlines()] == ["choice"] * 2

    both = quoth("feeds", "add", "--all", f"{site.base}/", db=db)
    assert both.returncode == 0, both.stderr
    assert sorted(subscriptions(db)) == [f"{site.base}/atom/sport", f"{site.base}/rss/news.xml"]


def test_feeds_add_fails_in_one_line_per_url_and_goes_on(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    site.pages["/plain/"] = (homepage(), "text/html")
    site.pages["/stale/"] = (homepage(("application/rss+xml", "/gone.xml", "Old")), "text/html")
    site.pages["/feed.xml"] = (feed("Park plan"), "application/rss+xml")
    result = quoth(
        "feeds",
        "add",
        f"{site.base}/plain/",
        f"{site.base}/stale/",
        "ftp://example.test/",
        f"{site.base}/feed.xml",
        db=db,
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr
    assert lines[0] == (
        f"{site.base}/plain/: no feed found (the page links no RSS, Atom or JSON Feed)"
    )
    assert lines[1].startswith(f"{site.base}/gone.xml: ") and "404" in lines[1]
    assert lines[2].startswith("ftp://example.test/: ")
    assert "Traceback" not in result.stderr
    assert subscriptions(db) == [f"{site.base}/feed.xml"]  # a feed URL is taken as it is
    assert "Test Gazette" in result.stdout


def test_ingest_of_a_front_page_names_the_feed_to_ingest_instead(
    site: Site, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    site.pages["/"] = (homepage(("application/rss+xml", "/feed.xml", "Test Gazette")), "text/html")
    site.pages["/feed.xml"] = (feed("Bridge vote", "Park plan"), "application/rss+xml")
    refused = quoth("ingest", f"{site.base}/", db=db)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"{site.base}/: a site's front page, not an article; its feed "
        f"has the stories: quoth ingest {site.base}/feed.xml\n"
    )
    suggested = refused.stderr.rsplit(": quoth ", 1)[1].split()
    followed = quoth(*suggested, db=db)
    assert followed.returncode == 0 and followed.stdout.startswith("2 new"), followed.stderr
