"""Extraction on every core: reading and extracting in worker processes while
the main process does the one thing only it may do, writing to SQLite.

Small files are read and extracted whole in a worker. Large files and stdin
are read here as a stream (a 2 GB dump never sits in memory) and their
articles are sent to the workers in batches, a bounded number at a time.
Small runs stay in one process: starting workers costs more than it saves.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from .extract import extract
from .model import Article, Quote, Speaker
from .readers import ReadError, RecordError, read_path

SMALL_FILE_BYTES = 4 * 1024 * 1024  # read whole in a worker below this
PARALLEL_MIN_BYTES = 256 * 1024  # below this a run is over before workers start
BATCH_SIZE = 64  # articles per task when a large file is streamed
# Small files go to the workers in groups of about TASK_BYTES, or MAX_FILES_PER_TASK
# files: a task per file costs more in inter-process traffic than reading and extracting
# it, and tasks of like size keep every worker busy (results are taken in order, so one
# big task at the head would idle the others).
TASK_BYTES = 256 * 1024
MAX_FILES_PER_TASK = 128

T = TypeVar("T")
R = TypeVar("R")


class Report(Protocol):
    failures: list[str]
    warnings: list[str]


class HasPath(Protocol):
    @property
    def path(self) -> Path | None: ...


def with_quotes(article: Article) -> tuple[Article, str | None]:
    """Run the extractor; a failure keeps the article, without quotes, and says why."""
    try:
        extraction = extract(article.body)
    except Exception as exc:  # noqa: BLE001 - an extractor bug must never lose the article
        return article, f"{article.origin}: quotes not extracted ({exc.__class__.__name__}: {exc})"
    article.quotes = extraction.quotes
    article.speakers = extraction.speakers
    return article, None


def record_error_line(error: RecordError) -> str:
    where = f"{error.origin}:{error.line}" if error.line else error.origin
    return f"{where}: {error.reason}"


@dataclass
class FileResult:
    """A whole file, read and extracted (in a worker), ready to store."""

    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failure: str | None = None
    # Positions of articles the corpus already held when the worker read them: not
    # extracted, as the store will count them as duplicates.
    known: set[int] = field(default_factory=set)

    def replay(
        self, report: Report, is_stored: Callable[[str], bool] | None = None
    ) -> Iterator[Article]:
        """The articles, to store; `is_stored(content_hash)` confirms, under the write
        lock, that a known one is still there (else it is extracted here after all)."""
        report.failures.extend(self.errors)
        report.warnings.extend(self.warnings)
        if self.failure is not None:
            raise ReadError(self.failure)
        for position, article in enumerate(self.articles):
            if position in self.known and not (is_stored and is_stored(article.content_hash)):
                article, warning = with_quotes(article)
                if warning:
                    report.warnings.append(warning)
            yield article


def read_file_whole(path: Path) -> FileResult:
    result = FileResult()
    try:
        for record in read_path(path):
            if isinstance(record, RecordError):
                result.errors.append(record_error_line(record))
                continue
            if _known_bodies is not None and _known_bodies.has(record.content_hash):
                result.known.add(len(result.articles))
                result.articles.append(record)
                continue
            article, warning = with_quotes(record)
            result.articles.append(article)
            if warning:
                result.warnings.append(warning)
    except ReadError as exc:
        result.failure = str(exc)
    except OSError as exc:
        result.failure = exc.strerror or str(exc)
    return result


def _read_files_whole(paths: list[Path]) -> list[FileResult]:
    return [read_file_whole(path) for path in paths]


# What extraction adds to an article: its quotes, its speakers, and a warning if it failed.
Found = tuple[list[Quote], list[Speaker], str | None]


def _extract_batch(articles: list[Article]) -> list[Found | None]:
    """Only what extraction adds travels back: the articles themselves are still in the
    main process (sending them back cost it a third more unpickling). None: the corpus
    holds that article already (see KnownBodies), so it was not extracted."""
    found: list[Found | None] = []
    for article in articles:
        if _known_bodies is not None and _known_bodies.has(article.content_hash):
            found.append(None)
            continue
        article, warning = with_quotes(article)
        found.append((article.quotes, article.speakers, warning))
    return found


def split_by_size(inputs: list[HasPath]) -> tuple[list, list]:
    """(inputs to read whole in a worker, inputs to stream here)."""
    whole, streamed = [], []
    for item in inputs:
        size = _size(item.path)
        (whole if size is not None and size <= SMALL_FILE_BYTES else streamed).append(item)
    return whole, streamed


def _size(path: Path | None) -> int | None:
    if path is None:
        return None
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader will say what is wrong with it


WORKER_DIED = "the extraction worker died on this file (out of memory?); nothing stored from it"


class ExtractionWorkers:
    """A process pool for extraction, or none; both behave the same.

    concurrent.futures, not multiprocessing.Pool: when a worker dies (the OOM
    killer, a crash in C code) it raises BrokenProcessPool instead of waiting
    forever, and the run goes on with a fresh pool."""

    def __init__(self, processes: int, corpus: Path | None = None) -> None:
        """`corpus`: workers skip extracting articles it already holds (see FileResult)."""
        self.processes = processes
        self.corpus = corpus
        self.pool: ProcessPoolExecutor | None = self._new_pool() if processes > 1 else None

    def _new_pool(self, processes: int | None = None) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            processes or self.processes,
            initializer=_start_worker,
            initargs=(os.getpid(), self.corpus),
        )

    def _restart(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    @classmethod
    def for_run(
        cls, inputs: list[HasPath], workers: int | None = None, corpus: Path | None = None
    ) -> ExtractionWorkers:
        if workers is None:
            total = sum(_size(i.path) or PARALLEL_MIN_BYTES for i in inputs)
            workers = (os.cpu_count() or 1) if total >= PARALLEL_MIN_BYTES else 1
        return cls(workers, corpus)

    def __enter__(self) -> ExtractionWorkers:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=exc_type is None, cancel_futures=True)

    def read_files(
        self, paths: list[Path], on_wait: Callable[[], object] | None = None
    ) -> Iterator[FileResult]:
        """Each file read and extracted, in order, a bounded number in flight.
        `on_wait` is called before waiting for a worker's result.

        Files travel in groups (see TASK_BYTES)."""
        if self.pool is None:
            yield from map(read_file_whole, paths)
            return
        groups = _tasks(paths)
        pending: deque[tuple[list[Path], Future[list[FileResult]]]] = deque()
        self._fill(pending, groups)
        while pending:
            group, future = pending.popleft()
            if on_wait is not None and not future.done():
                on_wait()
            try:
                yield from future.result()
            except BrokenProcessPool:
                suspects = [*group, *(path for later, _ in pending for path in later)]
                pending.clear()
                yield from self._one_at_a_time(suspects)
                self._restart()
            self._fill(pending, groups)

    def _fill(
        self,
        pending: deque[tuple[list[Path], Future[list[FileResult]]]],
        groups: Iterator[list[Path]],
    ) -> None:
        while len(pending) < 2 * self.processes:
            group = next(groups, None)
            if group is None:
                return
            pending.append((group, self._submit(_read_files_whole, group)))

    def _submit(self, function: Callable[[T], R], argument: T) -> Future[R]:
        """Submit; a pool a worker broke since the last call is replaced first."""
        assert self.pool is not None
        try:
            return self.pool.submit(function, argument)
        except BrokenProcessPool:
            self._restart()
            assert self.pool is not None
            return self.pool.submit(function, argument)

    def _one_at_a_time(self, paths: list[Path]) -> Iterator[FileResult]:
        """After a worker died: the files that were in flight, one at a time in a
        worker of their own, so only the file that kills it fails. The worker is
        replaced after each death, not for each file."""
        remaining = deque(paths)
        while remaining:
            with self._new_pool(1) as solo:
                while remaining:
                    try:
                        yield solo.submit(read_file_whole, remaining.popleft()).result()
                    except BrokenProcessPool:
                        yield FileResult(failure=WORKER_DIED)
                        break

    def extract_stream(
        self,
        records: Iterable[Article | RecordError],
        report: Report,
        is_stored: Callable[[str], bool] | None = None,
    ) -> Iterator[Article]:
        """Articles with quotes, in input order; record errors go to the report.
        `is_stored`: as for FileResult.replay."""
        articles = _articles_only(records, report)
        pairs = self._in_pool(articles, is_stored) if self.pool else map(with_quotes, articles)
        for article, warning in pairs:
            if warning:
                report.warnings.append(warning)
            yield article

    def _in_pool(
        self, articles: Iterator[Article], is_stored: Callable[[str], bool] | None
    ) -> Iterator[tuple[Article, str | None]]:
        assert self.pool is not None
        pending: deque[tuple[list[Article], Future[list[Found | None]]]] = deque()
        try:
            for batch in _batches(articles, BATCH_SIZE):
                pending.append((batch, self._submit(_extract_batch, batch)))
                if len(pending) >= 2 * self.processes:
                    yield from _with_found(*pending.popleft(), is_stored)
            while pending:
                yield from _with_found(*pending.popleft(), is_stored)
        except BrokenProcessPool:
            self._restart()
            raise ReadError(WORKER_DIED) from None


def _with_found(
    batch: list[Article],
    future: Future[list[Found | None]],
    is_stored: Callable[[str], bool] | None,
) -> Iterator[tuple[Article, str | None]]:
    for article, found in zip(batch, future.result(), strict=True):
        if found is not None:
            article.quotes, article.speakers, warning = found
            yield article, warning
        elif is_stored is not None and is_stored(article.content_hash):
            yield article, None  # a duplicate: the store counts it and stores nothing
        else:
            yield with_quotes(article)  # no longer in the corpus: extracted here after all


class KnownBodies:
    """The corpus, read-only, from a worker: is an article with this body in it?
    Ingesting a folder again is then mostly reading: each file's articles are looked
    up (an index probe) instead of extracted. Any trouble means "not known"."""

    def __init__(self, corpus: Path) -> None:
        self.uri = corpus.resolve().as_uri() + "?mode=ro"
        self.conn: sqlite3.Connection | None = None

    def has(self, content_hash: str) -> bool:
        try:
            if self.conn is None:
                self.conn = sqlite3.connect(self.uri, uri=True, timeout=1.0)
            # fetchall: a statement read to its end holds no read snapshot open, which
            # would keep the ingest's checkpoints from emptying the WAL.
            found = self.conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
            ).fetchall()
        except sqlite3.Error:
            return False
        return bool(found)


_known_bodies: KnownBodies | None = None  # set in each worker process


def _start_worker(parent_pid: int, corpus: Path | None) -> None:
    global _known_bodies
    _exit_with_parent(parent_pid)
    _known_bodies = KnownBodies(corpus) if corpus is not None else None


def _exit_with_parent(parent_pid: int) -> None:
    """A worker outlives a `kill -9` of the ingest otherwise, blocked forever on its
    queue and holding the terminal's pipes open. Ctrl-C is the parent's to handle:
    a worker that took it too would print its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="quoth-parent-watch").start()


def _articles_only(records: Iterable[Article | RecordError], report: Report) -> Iterator[Article]:
    for record in records:
        if isinstance(record, RecordError):
            report.failures.append(record_error_line(record))
        else:
            yield record


def _tasks(paths: list[Path]) -> Iterator[list[Path]]:
    group: list[Path] = []
    group_bytes = 0
    for path in paths:
        size = _size(path) or 0
        if group and (group_bytes + size > TASK_BYTES or len(group) >= MAX_FILES_PER_TASK):
            yield group
            group, group_bytes = [], 0
        group.append(path)
        group_bytes += size
    if group:
        yield group


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
