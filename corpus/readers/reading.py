"""The two entry points: read a path, or read a stream (stdin)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..model import Article
from .document import Document
from .errors import ReadError, RecordError
from .registry import Reader, choose_reader


def read_path(path: Path | str) -> Iterator[Article | RecordError]:
    """Articles (and bad records) from one file, read lazily.

    Raises ReadError when the file cannot be read at all: missing, a directory, a dangling
    symlink, unreadable, empty, binary, or (midway) a truncated .gz; whatever was yielded
    before stays valid. Nothing happens before the first item is asked for, so a caller
    only needs to guard its loop.
    """
    path = Path(path)
    _check_path(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed when the items are done
    except PermissionError as exc:
        raise ReadError("permission denied") from exc
    except IsADirectoryError as exc:
        raise ReadError("is a directory") from exc
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from exc
    yield from _read(handle, str(path), path.name)


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> Iterator[Article | RecordError]:
    """Articles (and bad records) from a binary stream, read lazily like read_path.

    `name` is the origin; its suffix, if any, picks the format ("dump.jsonl.gz"),
    otherwise the content does.
    """
    yield from _read(stream, name, name)


def _check_path(path: Path) -> None:
    try:
        if path.is_symlink() and not path.exists():
            raise ReadError(f"dangling symlink (its target {os.readlink(path)} does not exist)")
        if path.is_dir():
            raise ReadError("is a directory")
        if not path.exists():
            raise ReadError("no such file")
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from exc


def _read(stream: BinaryIO, origin: str, name: str) -> Iterator[Article | RecordError]:
    try:
        doc = Document(origin, name, stream)
        reader = choose_reader(doc)
    except ReadError:
        _close_quietly(stream)
        raise
    except Exception as exc:
        _close_quietly(stream)
        raise ReadError(f"cannot read: {_describe(exc)}") from exc
    return _guarded(doc, reader)


def _guarded(doc: Document, reader: Reader) -> Iterator[Article | RecordError]:
    """Run a reader so that whatever goes wrong comes out as a ReadError, and close the input."""
    try:
        yield from reader.read(doc)
    except ReadError:
        raise
    except RecursionError as exc:
        raise ReadError("nested too deeply to read") from exc
    except MemoryError as exc:
        raise ReadError("too large to read in memory") from exc
    except Exception as exc:
        raise ReadError(f"unexpected error in the {reader.name} reader: {_describe(exc)}") from exc
    finally:
        doc.close()


def _close_quietly(stream: BinaryIO) -> None:
    with contextlib.suppress(Exception):  # the original error matters more
        stream.close()


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"
