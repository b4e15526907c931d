"""Feed subscriptions: remember feed URLs, and refresh them all (from cron, say).

`add_feed` subscribes to a feed URL, or to the feed a site's homepage links in its
<head> (feed autodiscovery).

Subscriptions live in the corpus's `feeds` table (see schema.py). `refresh` fetches each
feed with its stored ETag / Last-Modified, skips the unchanged ones (HTTP 304), reads the
rest with the feed reader and hands the items to the caller's `ingest_fn`, which stores
them and says how many were new. A feed that fails is one line in the summary, and the
run goes on with the next.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Literal

from .fetch import FetchError, FetchResult, body_as_utf8, check_url, fetch, read_fetched
from .model import Article
from .readers.errors import ReadError, RecordError
from .readers.html import FeedLink, feed_links, front_page_feeds

IngestFn = Callable[[str, list[Article]], tuple[int, int]]  # (origin, articles) -> (new, dup)
FetchFn = Callable[..., FetchResult]
Progress = Callable[[str], None]


@dataclass
class Feed:
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    added_at: str
    last_checked: str | None
    last_status: str | None


@dataclass
class RefreshSummary:
    feeds: int = 0
    unchanged: int = 0  # answered 304, or nothing new
    failed: int = 0
    new: int = 0
    duplicates: int = 0
    skipped_items: int = 0  # items without text, or unreadable
    failures: list[str] = field(default_factory=list)  # one line per failed feed

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def line(self) -> str:
        """The one-line summary `quoth refresh` prints."""
        parts = [
            f"{self.feeds} feed{'s' if self.feeds != 1 else ''}",
            f"{self.new} new article{'s' if self.new != 1 else ''}",
            f"{self.duplicates} already stored",
            f"{self.unchanged} unchanged",
            f"{self.failed} failed",
        ]
        if self.skipped_items:
            parts.append(f"{self.skipped_items} items skipped")
        return "refreshed " + ", ".join(parts)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- subscriptions ------------------------------------------------------------------------


def subscribe(conn: sqlite3.Connection, url: str, title: str | None = None) -> bool:
    """Remember a feed. True when it is new; an existing one only gets its title filled in."""
    check_url(url)
    cursor = conn.execute(
        "INSERT OR IGNORE INTO feeds (url, title, added_at) VALUES (?, ?, ?)",
        (url, title, _now()),
    )
    if cursor.rowcount == 0 and title:
        conn.execute("UPDATE feeds SET title = ? WHERE url = ? AND title IS NULL", (title, url))
    return cursor.rowcount > 0


def unsubscribe(conn: sqlite3.Connection, url: str) -> bool:
    """Forget a feed (its articles stay). False when there was no such subscription."""
    return conn.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0


def list_feeds(conn: sqlite3.Connection) -> list[Feed]:
    rows = conn.execute(
        "SELECT url, title, etag, last_modified, added_at, last_checked, last_status "
        "FROM feeds ORDER BY added_at, url"
    ).fetchall()
    return [Feed(*row) for row in rows]


def _record(
    conn: sqlite3.Connection,
    url: str,
    status: str,
    *,
    result: FetchResult | None = None,
    title: str | None = None,
) -> None:
    if result is not None and not result.not_modified:
        conn.execute(
            "UPDATE feeds SET etag = ?, last_modified = ? WHERE url = ?",
            (result.etag, result.last_modified, url),
        )
    if title:
        conn.execute("UPDATE feeds SET title = ? WHERE url = ? AND title IS NULL", (title, url))
    conn.execute(
        "UPDATE feeds SET last_checked = ?, last_status = ? WHERE url = ?", (_now(), status, url)
    )


# --- reading what came back ---------------------------------------------------------------

# The start of a feed, whatever the server calls it: servers label feeds text/html or
# text/plain often enough, and the file name then picks the wrong reader.
_XML_FEED_START = re.compile(
    rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)
_JSON_FEED_START = re.compile(
    rb'^\s*\{.{0,2000}?"version"\s*:\s*"https?://jsonfeed\.org/version', re.DOTALL
)
_SNIFF_BYTES = 4096


def _read(result: FetchResult) -> tuple[str, Iterator[Article | RecordError]]:
    """read_fetched, but a body that is plainly a feed is read as one, whatever its type."""
    head = result.body[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    feed_type = None
    if _XML_FEED_START.match(head):
        feed_type = "application/rss+xml"
    elif _JSON_FEED_START.match(head):
        feed_type = "application/feed+json"
    if feed_type and result.content_type.split(";")[0].strip().lower() != feed_type:
        charset = f"; charset={result.charset}" if result.charset else ""
        result = dataclasses.replace(result, content_type=feed_type + charset)
    return read_fetched(result)


# --- one URL (quoth ingest https://...) -----------------------------------------------------


@dataclass
class UrlIngest:
    url: str
    reader: str  # "html", "feed", ...
    new: int = 0
    duplicates: int = 0
    skipped: list[str] = field(default_factory=list)  # one line per unreadable item
    subscribed: bool = False  # a feed seen for the first time

    @property
    def is_feed(self) -> bool:
        return self.reader == "feed"


def ingest_url(
    conn: sqlite3.Connection,
    url: str,
    ingest_fn: IngestFn,
    *,
    fetch_fn: FetchFn = fetch,
    timeout: float = 20.0,
) -> UrlIngest:
    """Fetch a page or a feed and ingest it; a feed is also remembered as a subscription.

    Raises FetchError or ReadError (one-line messages) when nothing could be read."""
    result = fetch_fn(url, timeout=timeout)
    reader, items = _read(result)
    if reader == "html":
        _refuse_front_page(url, result)
    report = UrlIngest(url, reader)
    articles: list[Article] = []
    for item in items:
        if isinstance(item, RecordError):
            report.skipped.append(str(item))
        else:
            articles.append(item)
    report.new, report.duplicates = ingest_fn(url, articles)
    if report.is_feed:
        title = next((a.source for a in articles if a.source), None)
        report.subscribed = subscribe(conn, url, title)
        _record(
            conn, url, f"ok: {report.new} new, {report.duplicates} already stored", result=result
        )
    return report


def _refuse_front_page(url: str, result: FetchResult) -> None:
    """A site's front page that links feeds is not stored as an article (it would be the
    site's name over a list of teasers): the error says which feed to take instead."""
    html = body_as_utf8(result).decode("utf-8", "replace")
    feeds = _article_feeds(front_page_feeds(html, result.url_final))
    if len(feeds) == 1:
        raise ReadError(
            f"{url}: a site's front page, not an article; its feed has the stories: "
            f"quoth ingest {feeds[0].url}"
        )
    if feeds:
        raise ReadError(
            f"{url}: a site's front page, not an article; it links {len(feeds)} feeds: "
            f"quoth feeds add {url} lists them"
        )


# --- quoth feeds add URL ------------------------------------------------------------------------


@dataclass
class FeedAdd:
    """What `quoth feeds add URL` did: subscribed to feeds, or found several to pick from."""

    url: str
    subscribed: list[tuple[str, str | None]] = field(default_factory=list)  # (feed, title)
    already: list[str] = field(default_factory=list)  # feeds subscribed before
    failures: list[str] = field(default_factory=list)  # one line per feed that did not work
    choices: list[FeedLink] = field(default_factory=list)  # several feeds; nothing done
    discovered: bool = False  # URL was a web page that links its feeds


def add_feed(
    conn: sqlite3.Connection,
    url: str,
    *,
    fetch_fn: FetchFn = fetch,
    timeout: float = 20.0,
    take_all: bool = False,
) -> FeedAdd:
    """Subscribe to a feed URL, or to the feed a web page links in its <head>.

    A page linking several feeds (comment feeds aside) subscribes to none unless
    `take_all`: the caller lists `choices` for the user to pick from. Nothing is ingested
    here; `quoth refresh` fetches the articles. Raises FetchError or ReadError (one line)
    when the URL gives neither a feed nor a page with feed links."""
    check_url(url)
    result = fetch_fn(url, timeout=timeout)
    reader, items = _read(result)
    outcome = FeedAdd(url)
    if reader == "feed":
        _subscribe_checked(conn, url, _feed_title(items), outcome)
        return outcome
    if reader != "html":
        raise ReadError(f"{url}: neither a feed nor a web page linking one (read as {reader})")
    html = body_as_utf8(result).decode("utf-8", "replace")
    links = _article_feeds(feed_links(html, result.url_final))
    if not links:
        raise ReadError(f"{url}: no feed found (the page links no RSS, Atom or JSON Feed)")
    outcome.discovered = True
    if len(links) > 1 and not take_all:
        outcome.choices = links
        return outcome
    for link in links:
        title = _checked_feed_title(link.url, fetch_fn, timeout, outcome)
        if title is not False:
            _subscribe_checked(conn, link.url, title or link.title, outcome)
    return outcome


def _article_feeds(links: list[FeedLink]) -> list[FeedLink]:
    """The page's feeds, without its comment feeds unless those are all there is."""
    articles = [link for link in links if not link.is_comments_feed]
    return articles or links


def _checked_feed_title(
    url: str, fetch_fn: FetchFn, timeout: float, outcome: FeedAdd
) -> str | None | Literal[False]:
    """The linked feed's title after reading it, or False (and a failure line) when it
    cannot be fetched or is no feed: pages keep links to feeds long gone."""
    try:
        result = fetch_fn(url, timeout=timeout)
        reader, items = _read(result)
        if reader != "feed":
            outcome.failures.append(f"{url}: linked as a feed but not one (read as {reader})")
            return False
        return _feed_title(items)
    except (FetchError, ReadError) as exc:
        message = str(exc)
        outcome.failures.append(message if message.startswith(url) else f"{url}: {message}")
        return False


def _feed_title(items: Iterator[Article | RecordError]) -> str | None:
    return next((i.source for i in items if isinstance(i, Article) and i.source), None)


def _subscribe_checked(
    conn: sqlite3.Connection, url: str, title: str | None, outcome: FeedAdd
) -> None:
    if subscribe(conn, url, title):
        outcome.subscribed.append((url, title))
    else:
        outcome.already.append(url)


# --- refreshing ---------------------------------------------------------------------------


def refresh(
    conn: sqlite3.Connection,
    ingest_fn: IngestFn,
    *,
    fetch_fn: FetchFn = fetch,
    timeout: float = 20.0,
    progress: Progress | None = None,
) -> RefreshSummary:
    """Fetch every subscription, ingest new items, record each feed's status."""
    summary = RefreshSummary()
    for feed in list_feeds(conn):
        summary.feeds += 1
        if progress is not None:
            progress(feed.url)
        status = _refresh_one(conn, feed, ingest_fn, fetch_fn, timeout, summary)
        if status is not None:
            summary.failed += 1
            summary.failures.append(f"{feed.url}: {status}")
            _record(conn, feed.url, f"failed: {status}")
    return summary


def _refresh_one(
    conn: sqlite3.Connection,
    feed: Feed,
    ingest_fn: IngestFn,
    fetch_fn: FetchFn,
    timeout: float,
    summary: RefreshSummary,
) -> str | None:
    """Refresh one feed; the failure reason, or None when it went well."""
    try:
        result = fetch_fn(
            feed.url, timeout=timeout, etag=feed.etag, last_modified=feed.last_modified
        )
    except FetchError as exc:
        return _without_url(str(exc), feed.url)
    if result.not_modified:
        summary.unchanged += 1
        _record(conn, feed.url, "not modified", result=result)
        return None
    try:
        reader, items = _read(result)
        if reader != "feed":
            return f"not a feed any more (read as {reader})"
        articles: list[Article] = []
        for item in items:
            if isinstance(item, RecordError):
                summary.skipped_items += 1
            else:
                articles.append(item)
    except ReadError as exc:
        return str(exc)
    try:
        new, duplicates = ingest_fn(feed.url, articles)
    except Exception as exc:  # the store's trouble with one feed must not stop the others
        return f"could not store its items ({type(exc).__name__}: {exc})"
    summary.new += new
    summary.duplicates += duplicates
    if new == 0:
        summary.unchanged += 1
    title = next((a.source for a in articles if a.source), None)
    # The validators are saved only now: a feed whose items were not stored is fetched again.
    _record(
        conn, feed.url, f"ok: {new} new, {duplicates} already stored", result=result, title=title
    )
    return None


def _without_url(message: str, url: str) -> str:
    prefix = f"{url}: "
    return message[len(prefix) :] if message.startswith(prefix) else message
