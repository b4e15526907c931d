"""JSON articles: JSON Lines / NDJSON, a JSON array of objects, or a single object.

Everything streams: JSONL line by line, a JSON array element by element, so a 2 GB dump
never sits in memory. A bad line or element is a RecordError (with its line number) and
the good ones are kept; an input where nothing at all is an article is a ReadError.
Fields are taken by their common names (see `article_fields.py`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Article
from .article_fields import NotAnArticle, article_from_record
from .document import Document
from .errors import ReadError, RecordError
from .json_values import loads, raw_decode
from .registry import Reader, register

NAME = "json"
HELD_ERRORS = 100  # errors kept back until we know the input holds any article at all
_SPACE = re.compile(r"\s*")


@dataclass
class _Tally:
    """Bad records seen before the first good one are held: if no record is an article,
    the whole input is reported as one ReadError instead of a flood of record errors."""

    articles: int = 0
    errors: int = 0
    held: list[RecordError] = field(default_factory=list)

    def article(self, article: Article) -> Iterator[Article | RecordError]:
        self.articles += 1
        if self.held:
            yield from self.held
            unlisted = self.errors - len(self.held)
            if unlisted:
                reason = f"{unlisted} more bad records before the first article are not listed"
                yield RecordError(self.held[0].origin, reason)
            self.held.clear()
        yield article

    def error(self, error: RecordError) -> Iterator[RecordError]:
        self.errors += 1
        if self.articles:
            yield error
        elif len(self.held) < HELD_ERRORS:
            self.held.append(error)

    def finish(self, what: str) -> None:
        if self.articles:
            return
        if not self.errors:
            raise ReadError(f"no articles: {what}")
        first = self.held[0]
        where = f"line {first.line}: " if first.line is not None else ""
        count = f"{self.errors} records, none an article" if self.errors > 1 else "no article"
        raise ReadError(f"{count} ({where}{first.reason})")


def read_json(doc: Document) -> Iterator[Article | RecordError]:
    head = doc.head().lstrip()
    if head[:1] == "[":
        yield from _read_array(doc)
    elif doc.name.lower().endswith((".jsonl", ".ndjson")) or _looks_like_json_lines(head):
        yield from _read_lines(doc)
    else:
        yield from _read_values(doc)


def _read_lines(doc: Document) -> Iterator[Article | RecordError]:
    tally = _Tally()
    for number, line in doc.lines():
        if line is None:
            too_long = RecordError(doc.origin, "line too long to be one record", number)
            yield from tally.error(too_long)
            continue
        if not line.strip():
            continue
        try:
            value = loads(line)
        except json.JSONDecodeError as exc:
            reason = f"invalid JSON ({exc.msg} at column {exc.colno})"
            yield from tally.error(RecordError(doc.origin, reason, number))
            continue
        except RecursionError:
            yield from tally.error(RecordError(doc.origin, "JSON nested too deeply", number))
            continue
        yield from _records(value, f"{doc.origin}#{number}", number, doc, tally)
    tally.finish("the file has no JSON lines")


def _read_values(doc: Document) -> Iterator[Article | RecordError]:
    """One JSON value (a single object keeps the plain origin), or several in a row."""
    tally = _Tally()
    values = _stream_values(doc, inside_array=False)
    first = next(values, None)
    second = next(values, None)
    if first is not None and second is None:
        line, value = first
        yield from _records(value, doc.origin, line, doc, tally)
    else:
        for index, (line, value) in enumerate(_chain(first, second, values), start=1):
            yield from _records(value, f"{doc.origin}#{index}", line, doc, tally)
    tally.finish("no JSON values")


def _chain(
    first: tuple[int, object] | None,
    second: tuple[int, object] | None,
    rest: Iterator[tuple[int, object]],
) -> Iterator[tuple[int, object]]:
    for item in (first, second):
        if item is not None:
            yield item
    yield from rest


def _read_array(doc: Document) -> Iterator[Article | RecordError]:
    tally = _Tally()
    count = 0
    for index, (line, value) in enumerate(_stream_values(doc, inside_array=True), start=1):
        count = index
        yield from _records(value, f"{doc.origin}#{index}", line, doc, tally)
    if count == 0:
        raise ReadError("no articles: an empty JSON array")
    tally.finish(f"a JSON array of {count} items")


def _records(
    value: object, origin: str, line: int | None, doc: Document, tally: _Tally
) -> Iterator[Article | RecordError]:
    """The article(s) in one JSON value: an article object, or a wrapper holding a list of them."""
    try:
        articles = article_from_record(value, origin, NAME)
    except NotAnArticle as exc:
        yield from tally.error(RecordError(doc.origin, str(exc), line))
        return
    for article in articles:
        if isinstance(article, RecordError):
            yield from tally.error(article)
        else:
            yield from tally.article(article)


def _looks_like_json_lines(head: str) -> bool:
    """Two or more lines that each hold a whole JSON object."""
    lines = [line for line in head.split("\n") if line.strip()]
    if len(lines) < 2 or not lines[1].lstrip().startswith("{"):
        return False
    try:
        json.loads(lines[0])
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def _stream_values(doc: Document, inside_array: bool) -> Iterator[tuple[int, object]]:
    """(line, value) for each top-level value, or each element of a top-level array."""
    parser = _ValueStream(doc.chunks())
    if inside_array:
        parser.expect("[")
    while True:
        parser.skip_space()
        if inside_array:
            if parser.peek() == "]":
                parser.advance(1)
                parser.skip_space()
                if not parser.at_end():
                    raise parser.error("unexpected data after the JSON array")
                return
            if parser.emitted:
                parser.expect(",")
                parser.skip_space()
        elif parser.at_end():
            return
        line = parser.line
        yield line, parser.value()


class _ValueStream:
    """Incremental JSON reading over text chunks with json.JSONDecoder.raw_decode."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self._chunks = chunks
        self._buffer = ""
        self._position = 0
        self._lines_before = 1  # line number at the start of the buffer
        self._exhausted = False
        self.emitted = 0

    @property
    def line(self) -> int:
        return self._lines_before + self._buffer.count("\n", 0, self._position)

    def _fill(self, minimum: int = 1) -> bool:
        """Make at least `minimum` unread characters available; False at end of input."""
        while len(self._buffer) - self._position < minimum and not self._exhausted:
            chunk = next(self._chunks, None)
            if chunk is None:
                self._exhausted = True
                break
            self._compact()
            self._buffer += chunk
        return len(self._buffer) - self._position >= minimum

    def _compact(self) -> None:
        if self._position > 1 << 16:
            self._lines_before += self._buffer.count("\n", 0, self._position)
            self._buffer = self._buffer[self._position :]
            self._position = 0

    def at_end(self) -> bool:
        return not self._fill()

    def peek(self) -> str:
        return self._buffer[self._position] if self._fill() else ""

    def advance(self, count: int) -> None:
        self._position += count

    def skip_space(self) -> None:
        while self._fill():
            self._position = _SPACE.match(self._buffer, self._position).end()  # type: ignore[union-attr]
            if self._position < len(self._buffer):
                return

    def expect(self, char: str) -> None:
        self.skip_space()
        if self.peek() != char:
            found = self.peek() or "the end of the input"
            raise self.error(f"expected '{char}' but found {found!r}")
        self.advance(1)

    def value(self) -> object:
        wanted = 1 << 16
        while True:
            try:
                value, end = raw_decode(self._buffer, self._position)
            except json.JSONDecodeError as exc:
                if self._exhausted or not _may_continue(exc, len(self._buffer)):
                    raise self.error(f"invalid JSON ({exc.msg})") from exc
            else:
                # A number or literal that ends the buffer may continue in the next chunk.
                if end < len(self._buffer) or self._exhausted:
                    self._position = end
                    self.emitted += 1
                    return value
            wanted = max(wanted, 2 * (len(self._buffer) - self._position))
            self._fill(wanted)

    def error(self, message: str) -> ReadError:
        return ReadError(f"{message} at line {self.line}")


def _may_continue(exc: json.JSONDecodeError, buffered: int) -> bool:
    """Whether a decoding error may only mean that the value goes on past the buffer."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= buffered - 1


_JSON_START = re.compile(r'\s*(?:\{\s*(?:"|\})|\[\s*(?:[{\["\]\d-]|$))')


def looks_like_json(head: str) -> bool:
    """An object opening with a key, or an array opening with a value: not prose in braces."""
    return bool(_JSON_START.match(head))


READER = register(Reader(NAME, (".json", ".jsonl", ".ndjson"), looks_like_json, read_json))
