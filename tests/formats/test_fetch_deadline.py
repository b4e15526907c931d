"""fetch's overall deadline covers the whole request, not only the body.

A server that drips a byte at a time, each within the socket timeout, must still end in a
one-line FetchError soon after the deadline. All servers here are local (127.0.0.1).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from quoth.corpus.fetch import FetchError, fetch

DRIP_SECONDS = 0.2


def _drip(connection: socket.socket, head: bytes, drip: bytes, stop: threading.Event) -> None:
    with connection:
        connection.recv(65536)  # the request; its content does not matter here
        try:
            connection.sendall(head)
            for byte in drip:
                if stop.wait(DRIP_SECONDS):
                    return
                connection.sendall(bytes([byte]))
        except OSError:
            return  # the client hung up: what the deadline is for


def _serve(head: bytes, drip: bytes) -> Iterator[str]:
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def accept() -> None:
        with listener:
            while not stop.is_set():
                try:
                    connection, _ = listener.accept()
                except TimeoutError:
                    continue  # look at `stop` again
                except OSError:
                    return
                answer = threading.Thread(target=_drip, args=(connection, head, drip, stop))
                answer.daemon = True
                answer.start()

    listener.settimeout(0.2)
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/page.html"
    stop.set()
    thread.join(timeout=5)


@pytest.fixture
def header_drip() -> Iterator[str]:
    yield from _serve(b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 10_000 + b"\r\n\r\n")


@pytest.fixture
def body_drip() -> Iterator[str]:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10000\r\n\r\n"
    yield from _serve(head, b"b" * 10_000)


def _fails_in_time(url: str, **limits: float) -> str:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(url, **limits)
    elapsed = time.monotonic() - started
    assert elapsed < 5, f"took {elapsed:.1f} s"
    message = str(caught.value)
    assert "\n" not in message and message.startswith(url)
    return message


def test_headers_dripped_within_each_timeout_still_end_at_the_deadline(header_drip: str) -> None:
    message = _fails_in_time(header_drip, timeout=1, total=1.5)
    assert "timed out after 1.5 s" in message


def test_a_body_cut_by_the_deadline_is_an_error_not_a_short_page(body_drip: str) -> None:
    message = _fails_in_time(body_drip, timeout=1, total=1.5)
    assert "timed out" in message


def test_a_quick_answer_is_untouched_by_the_deadline() -> None:
    body = b"The mayor said the bridge would open."
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(body)
    server = _serve(head + body, b"")
    url = next(server)
    try:
        result = fetch(url, timeout=2, total=2)
    finally:
        next(server, None)
    assert result.body == body and result.status == 200
