"""Which reader reads which input.

A reader is one small module per format (text.py, markdown.py, jsonl.py, html.py,
feed.py...). Each module builds a `Reader` and calls `register()` at import time:

    from .registry import Reader, register

    def read_myformat(doc: Document) -> Iterator[Article | RecordError]: ...
    def looks_like_myformat(head: str) -> bool: ...

    register(Reader("myformat", (".my", ".myf"), looks_like_myformat, read_myformat))

Adding a format is therefore one new module plus ONE line: its module name in
`BUILTIN_READERS` below (modules not written yet are skipped, so the list may run ahead).

Choosing a reader for a `Document`:
1. by suffix of the (decompressed) name: `a.md`, `dump.jsonl.gz` -> ".jsonl";
   when several readers claim the suffix (".json": JSON articles and JSON Feed), the
   highest-priority one whose sniff accepts the head wins, else the first registered;
2. otherwise by sniffing the head, highest priority first;
3. otherwise plain text.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import Article
from .document import COMPRESSION_SUFFIXES, Document, strip_compression_suffix
from .errors import RecordError

# Reader modules, in registration order. The order only breaks ties (see module docstring).
BUILTIN_READERS = ("text", "markdown", "jsonl", "html", "feed")
FALLBACK_READER = "text"

SniffFunction = Callable[[str], bool]
ReadFunction = Callable[[Document], Iterator["Article | RecordError"]]


@dataclass(frozen=True)
class Reader:
    """One input format: its name, the file suffixes it claims, how to spot it, how to read it."""

    name: str
    suffixes: tuple[str, ...]
    sniff: SniffFunction | None
    read: ReadFunction
    priority: int = 0  # sniffing order, highest first: specific formats above generic ones


_readers: dict[str, Reader] = {}
_sorted: list[Reader] = []  # readers() in order, until the next register()
_loaded = False


def register(reader: Reader) -> Reader:
    """Add (or replace, by name) a reader. Returns it, so it can be used as a module constant."""
    _readers[reader.name] = reader
    _sorted.clear()
    return reader


def readers() -> list[Reader]:
    """All registered readers: built-in ones in BUILTIN_READERS order (whatever order their
    modules happened to be imported in), then others in registration order."""
    _load_builtin_readers()
    if not _sorted:  # sorted once per registration, not once per file read
        registered = list(_readers.values())
        _sorted.extend(
            sorted(registered, key=lambda reader: (_builtin_rank(reader), registered.index(reader)))
        )
    return list(_sorted)


def _builtin_rank(reader: Reader) -> int:
    module = reader.read.__module__.rsplit(".", 1)[-1]
    return BUILTIN_READERS.index(module) if module in BUILTIN_READERS else len(BUILTIN_READERS)


def get_reader(name: str) -> Reader:
    _load_builtin_readers()
    return _readers[name]


def supported_suffixes() -> tuple[str, ...]:
    """Every suffix some reader claims, plus the compression suffixes (for directory walks)."""
    suffixes = {suffix for reader in readers() for suffix in reader.suffixes}
    return tuple(sorted(suffixes | set(COMPRESSION_SUFFIXES)))


def is_supported_name(name: str) -> bool:
    """Whether a directory walk should pick this file up: `a.txt`, `b.jsonl.gz`, not `c.tar.gz`."""
    inner = strip_compression_suffix(name).lower()
    return any(inner.endswith(suffix) for reader in readers() for suffix in reader.suffixes)


def choose_reader(doc: Document) -> Reader:
    """The reader for this document: by suffix, then by content, then plain text."""
    registered = readers()
    name = doc.name.lower()
    by_suffix = [r for r in registered if any(name.endswith(s) for s in r.suffixes)]
    if len(by_suffix) == 1:
        return by_suffix[0]
    head = doc.head()
    if by_suffix:
        return _first_sniffing(by_suffix, head) or by_suffix[0]
    return _first_sniffing(registered, head) or _readers[FALLBACK_READER]


def _first_sniffing(candidates: list[Reader], head: str) -> Reader | None:
    for reader in sorted(candidates, key=lambda r: -r.priority):  # stable: ties keep order
        if reader.sniff is not None and _sniffs(reader.sniff, head):
            return reader
    return None


def _sniffs(sniff: SniffFunction, head: str) -> bool:
    try:
        return bool(sniff(head))
    except Exception:  # a sniffer bug must not stop reading: that format simply does not claim it
        return False


def _load_builtin_readers() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in BUILTIN_READERS:
        qualified = f"{__package__}.{module}"
        try:
            importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name != qualified:  # the module exists but something it needs is missing
                raise
