"""Fetching one URL with urllib: the only network access quoth makes, and only when asked.

`fetch(url)` gets a page or a feed politely and safely: http and https only, an honest
User-Agent, gzip, at most 5 redirects, a timeout, a size cap checked on the wire and
again after decompression, and conditional requests (ETag / If-Modified-Since) so an
unchanged feed costs one short 304. Every failure is a `FetchError` whose message is
one line naming the URL and the reason ("https://x: timed out after 20 s").

`read_fetched(result)` turns what came back into Articles with the usual readers.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import socket
import ssl
import threading
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from .. import __version__
from .model import Article
from .readers.document import Document
from .readers.errors import ReadError, RecordError
from .readers.registry import choose_reader

USER_AGENT = f"quoth/{__version__} (+https://github.com/quoth)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 1 << 16
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/feed+json,application/json;q=0.9,application/xml;q=0.9,*/*;q=0.5"
)


class FetchError(Exception):
    """A URL could not be fetched. `str()` is one line: 'URL: reason'."""


@dataclass
class FetchResult:
    url_final: str  # after redirects
    status: int
    content_type: str
    body: bytes  # decompressed
    etag: str | None
    last_modified: str | None
    not_modified: bool = False
    url: str = ""  # as requested

    @property
    def charset(self) -> str | None:
        message = Message()
        message["content-type"] = self.content_type or "application/octet-stream"
        return message.get_content_charset()


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise urllib.error.HTTPError(
                newurl, code, "redirect to a non-web URL refused", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Watchdog:
    """Ends a request at its deadline, whatever stage it is in (connecting, TLS, headers, body).

    The socket timeout only bounds each wait, so a server dripping one byte per wait would
    never time out. At the deadline the watchdog shuts down every socket the request
    opened; the blocked read then returns, and `fired` tells the caller why.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _shut_down(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut_down(sock)

    def connection_class(self, base: type[http.client.HTTPConnection]) -> type:
        """`base` with every socket it opens tracked by this watchdog."""
        watchdog = self

        class Watched(base):  # type: ignore[valid-type, misc]
            def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
                super().__init__(*args, **kwargs)
                self._create_connection = watchdog.tracking(self._create_connection)

        return Watched

    def tracking(self, create):  # type: ignore[no-untyped-def]
        def create_and_track(*args, **kwargs):  # type: ignore[no-untyped-def]
            sock = create(*args, **kwargs)
            self.track(sock)
            return sock

        return create_and_track


def _shut_down(sock: socket.socket) -> None:
    # socket.socket.shutdown even for a TLS socket: end the connection, not the TLS session.
    with contextlib.suppress(OSError):  # closed already: the request is over
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watched:
    """Mixed into urllib's HTTP and HTTPS handlers: every connection they open
    is registered with the watchdog."""

    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def do_open(self, http_class, req, **http_conn_args):  # type: ignore[no-untyped-def]
        watched = self._watchdog.connection_class(http_class)
        return super().do_open(watched, req, **http_conn_args)  # type: ignore[misc]


class _WatchedHTTPHandler(_Watched, urllib.request.HTTPHandler):
    pass


class _WatchedHTTPSHandler(_Watched, urllib.request.HTTPSHandler):
    pass


def _opener(watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    # Only what web fetching needs: no file:// or ftp:// handlers, so no redirect can reach them.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _WatchedHTTPHandler(watchdog),
        _WatchedHTTPSHandler(watchdog),
        urllib.request.HTTPDefaultErrorHandler(),
        _LimitedRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched")


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    etag: str | None = None,
    last_modified: str | None = None,
    total: float | None = None,
) -> FetchResult:
    """GET `url`. A 304 answer to a conditional request comes back with not_modified=True.

    `timeout` bounds each wait on the network; `total` bounds the whole request, from
    connecting to the last body byte (default: five timeouts, at least a minute more than one).
    """
    check_url(url)
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    total = max(5 * timeout, timeout + 60) if total is None else total
    timed_out = FetchError(f"{url}: timed out after {total:g} s in all")
    with _Watchdog(total) as watchdog:
        try:
            result = _get(request, url, timeout, max_bytes, watchdog)
        except FetchError:
            if watchdog.fired:
                raise timed_out from None
            raise
    if watchdog.fired:  # a body cut short by the watchdog can look complete
        raise timed_out
    return result


def _get(
    request: urllib.request.Request, url: str, timeout: float, max_bytes: int, watchdog: _Watchdog
) -> FetchResult:
    etag = request.get_header("If-none-match")
    last_modified = request.get_header("If-modified-since")
    try:
        response = _opener(watchdog).open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return FetchResult(
                exc.url or url, 304, "", b"", etag, last_modified, not_modified=True, url=url
            )
        reason = f" {exc.reason}" if exc.reason and str(exc.reason) != str(exc.code) else ""
        raise FetchError(f"{url}: HTTP {exc.code}{reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: {_reason(exc.reason, timeout)}") from None
    except TimeoutError as exc:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise FetchError(f"{url}: {_reason(exc, timeout)}") from None
    with response:
        body = _read_body(response, url, timeout, max_bytes)
        info = response.headers
        return FetchResult(
            url_final=response.geturl(),
            status=response.status,
            content_type=info.get("Content-Type", ""),
            body=body,
            etag=info.get("ETag"),
            last_modified=info.get("Last-Modified"),
            url=url,
        )


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({reason.reason or reason})"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower() if reason.strerror[:1].isupper() else reason.strerror
    text = " ".join(str(reason).split())
    return text or type(reason).__name__


def _read_body(response, url: str, timeout: float, max_bytes: int) -> bytes:  # type: ignore[no-untyped-def]
    too_large = FetchError(f"{url}: too large (> {_size(max_bytes)})")
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    gzipped = response.headers.get("Content-Encoding", "").lower() in ("gzip", "x-gzip")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            data = response.read(CHUNK)
            if not data:
                break
            if inflater is not None:
                # max_length keeps a gzip bomb from inflating past the cap in one call.
                data = inflater.decompress(data, max_bytes + 1 - size)
                if inflater.unconsumed_tail:
                    raise too_large
            size += len(data)
            if size > max_bytes:
                raise too_large
            parts.append(data)
        if inflater is not None:
            tail = inflater.flush()
            size += len(tail)
            if size > max_bytes:
                raise too_large
            parts.append(tail)
    except TimeoutError as exc:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from exc
    except zlib.error as exc:
        raise FetchError(f"{url}: corrupt gzip data ({exc})") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(
            f"{url}: connection lost while reading ({_reason(exc, timeout)})"
        ) from None
    return b"".join(parts)


# --- from fetched bytes to articles ------------------------------------------------------------

_SUFFIX_BY_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/rdf+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/feed+json": ".json",
    "application/json": ".json",
    "text/plain": ".txt",
    "text/markdown": ".md",
}


def document_name(result: FetchResult) -> str:
    """A file-like name whose suffix tells the readers the format (from Content-Type,
    else from the URL path, else none so the content is sniffed)."""
    path_name = PurePosixPath(unquote(urlsplit(result.url_final).path)).name or "index"
    mime = result.content_type.split(";")[0].strip().lower()
    suffix = _SUFFIX_BY_TYPE.get(mime)
    if suffix is None or path_name.lower().endswith(suffix):
        return path_name
    return path_name + suffix


def body_as_utf8(result: FetchResult) -> bytes:
    """The body, transcoded to UTF-8 when the server declared another charset that fits.

    The document layer reads UTF-8 or cp1252 by itself; a charset from HTTP (say
    windows-1251 or Shift_JIS) would otherwise be lost."""
    charset = result.charset
    if not charset or charset.replace("_", "-").lower() in ("utf-8", "utf8"):
        return result.body
    try:
        result.body.decode("utf-8")
        return result.body  # valid UTF-8 already: the declaration is wrong or irrelevant
    except UnicodeDecodeError:
        pass
    try:
        return result.body.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return result.body


def read_fetched(result: FetchResult) -> tuple[str, Iterator[Article | RecordError]]:
    """(reader name, items) for a fetched page or feed. Raises ReadError when unreadable;
    the items iterator may raise ReadError too. A reader name of "feed" means subscribe."""
    origin = result.url or result.url_final
    doc = Document(origin, document_name(result), io.BytesIO(body_as_utf8(result)))
    reader = choose_reader(doc)
    return reader.name, _items(doc, reader.read, result.url_final)


def _items(doc: Document, read, page_url: str) -> Iterator[Article | RecordError]:  # type: ignore[no-untyped-def]
    try:
        for item in read(doc):
            if isinstance(item, Article) and item.url is None and item.format != "feed":
                item.url = page_url
            yield item
    except ReadError:
        raise
    except RecursionError as exc:
        raise ReadError("nested too deeply to read") from exc
    except Exception as exc:  # a reader bug must not end a whole refresh run
        raise ReadError(
            f"unexpected error reading {doc.origin}: {type(exc).__name__}: {exc}"
        ) from exc
    finally:
        doc.close()
