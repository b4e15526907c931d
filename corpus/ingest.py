"""Ingest: inputs on the command line → articles with quotes → the corpus.

Each input file is read, extracted and stored whole or not at all (a savepoint
of its own inside a transaction shared with its neighbours), so a failure (or a
kill) never leaves half a file behind, and one bad file never stops the others.
"""

from __future__ import annotations

import glob
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import BinaryIO

from .model import Article
from .parallel import ExtractionWorkers, split_by_size, with_quotes
from .readers import ReadError, RecordError, is_supported_name, read_path, read_stream
from .store import AddResult, Corpus, CorpusWriter

STDIN = "-"
_GLOB_CHARS = set("*?[")
# A redraw per file would be thousands of writes to the terminal (over SSH, too) for a
# folder of small files; a few a second read the same.
PROGRESS_EVERY_SECONDS = 0.1


@dataclass
class IngestReport:
    """What happened to a whole run; `failures` are one-line `origin: reason`."""

    inputs: int = 0
    new: int = 0
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        text = f"{self.new} new, {self.duplicates} already in the corpus"
        text += f" ({self.inputs} input{'s' if self.inputs != 1 else ''} read"
        if self.failures:
            text += f", {len(self.failures)} failed"
        return text + ")"


@dataclass(frozen=True)
class Input:
    """One thing to read: a file path, a URL, or standard input."""

    origin: str
    path: Path | None = None
    url: str | None = None


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


Progress = Callable[[int, int, str], None]  # (done, total, current origin)


def expand_inputs(args: Iterable[str], report: IngestReport) -> list[Input]:
    """Files, directories (recursively), globs and `-`, in a stable order."""
    inputs: list[Input] = []
    seen: set[Path] = set()
    for arg in args:
        if arg == STDIN:
            inputs.append(Input("<stdin>"))
            continue
        if is_url(arg):
            inputs.append(Input(arg, url=arg))
            continue
        for path, resolved in _expand_one(arg, report):
            if resolved not in seen:
                seen.add(resolved)
                inputs.append(Input(str(path), path))
    return inputs


def _expand_one(arg: str, report: IngestReport) -> Iterator[tuple[Path, Path]]:
    """(path, its resolved form, to tell the same file named twice)."""
    path = Path(arg).expanduser()
    if path.is_dir():
        yield from _walk(path, path.resolve(), report)
    elif path.exists() or path.is_symlink():
        yield path, _resolved(path)  # a dangling symlink is reported by the reader
    elif _GLOB_CHARS & set(arg):
        matches = sorted(glob.glob(str(path), recursive=True))
        if not matches:
            report.failures.append(f"{arg}: no file matches this pattern")
        for match in matches:
            if Path(match).is_dir():
                yield from _expand_one(match, report)
            elif _is_regular_or_dangling(Path(match), report):
                yield Path(match), _resolved(Path(match))
    else:
        report.failures.append(f"{arg}: no such file or directory")


def _resolved(path: Path) -> Path:
    return path.resolve() if path.exists() else path


def _walk(directory: Path, real: Path, report: IngestReport) -> Iterator[tuple[Path, Path]]:
    """What os.walk would give (names sorted, hidden ones skipped, symlinked directories
    not followed, unreadable ones passed over), from directory entries: most files then
    need no stat of their own, and `real` (the resolved directory) resolves them."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    subdirectories = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if _is_dir(entry):
            if not entry.is_symlink():
                subdirectories.append(entry.name)
        elif is_supported_name(entry.name):
            path = directory / entry.name
            if _is_plain_file(entry):
                yield path, real / entry.name
            elif _is_regular_or_dangling(path, report):  # a symlink, a pipe...
                yield path, _resolved(path)
    for name in subdirectories:
        yield from _walk(directory / name, real / name, report)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False  # as os.walk does: listed with the files


def _is_plain_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _is_regular_or_dangling(path: Path, report: IngestReport) -> bool:
    """A named pipe found by a walk or a glob would block the run forever on open, so it
    is reported and skipped; one named on the command line (`<(zcat x)`) is still read."""
    try:
        if not path.exists() or path.is_file():
            return True  # a dangling symlink is reported by the reader
    except OSError:
        return True  # the reader says what is wrong
    report.failures.append(f"{path}: not a regular file (a named pipe, socket or device); skipped")
    return False


def ingest(
    corpus: Corpus,
    args: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Read, extract and store every input; extraction runs on all cores when
    the run is big enough to pay for starting worker processes."""
    report = IngestReport()
    small_file_progress = _throttled(progress) if progress else None
    inputs = expand_inputs(args, report)
    whole, streamed = split_by_size(inputs)
    done = 0
    # A corpus that holds articles already: workers skip extracting those (a folder read
    # again is mostly duplicates).
    known = corpus.path if corpus.article_count() else None
    with ExtractionWorkers.for_run(inputs, workers, known) as pool, corpus.writer() as writer:
        # Before waiting for the workers, commit: the write lock is free while we wait, so
        # the reader marking an article read, or another ingest, need not wait for us.
        results = pool.read_files([i.path for i in whole], on_wait=writer.commit)
        for item, result in zip(whole, results, strict=True):
            _report_progress(small_file_progress, done, len(inputs), item.origin)
            _store(writer, item, report, partial(result.replay, report, writer.is_stored))
            done += 1
        for item in streamed:
            _report_progress(progress, done, len(inputs), item.origin)
            if item.url is not None:
                writer.commit()  # a page or feed is stored in transactions of its own
                _ingest_url(corpus, item.url, report)
                done += 1
                continue
            records = _records(item, stdin)
            stream = partial(pool.extract_stream, records, report, writer.is_stored)
            _store(writer, item, report, stream)
            done += 1
    _report_progress(progress, done, len(inputs), "")
    return report


def store_extracted(corpus: Corpus, articles: Iterable[Article], report: IngestReport) -> AddResult:
    """Extract and store articles that came from elsewhere (a URL, a feed)."""

    def extracted() -> Iterator[Article]:
        for article in articles:
            article, warning = with_quotes(article)
            if warning:
                report.warnings.append(warning)
            yield article

    return corpus.add_articles(extracted())


def _ingest_url(corpus: Corpus, url: str, report: IngestReport) -> None:
    """A page or a feed; a feed is also remembered as a subscription."""
    from .feeds import ingest_url
    from .fetch import FetchError

    report.inputs += 1

    def store(_origin: str, articles: list[Article]) -> tuple[int, int]:
        result = store_extracted(corpus, articles, report)
        return result.new, result.duplicates

    try:
        outcome = ingest_url(corpus.conn, url, store)
    except (FetchError, ReadError) as exc:
        message = str(exc)
        report.failures.append(message if message.startswith(url) else f"{url}: {message}")
        return
    report.failures.extend(outcome.skipped)
    report.new += outcome.new
    report.duplicates += outcome.duplicates
    if outcome.subscribed:
        report.warnings.append(f"{url}: subscribed (quoth refresh fetches it again)")


def _report_progress(progress: Progress | None, done: int, total: int, origin: str) -> None:
    if progress:
        progress(done, total, origin)


def _throttled(progress: Progress) -> Progress:
    """`progress`, called at most every PROGRESS_EVERY_SECONDS (and for the first and
    last input): for small files, each over in a moment. A large one is always shown."""
    last_call = -PROGRESS_EVERY_SECONDS

    def call(done: int, total: int, origin: str) -> None:
        nonlocal last_call
        now = time.monotonic()
        if done == 0 or done == total or now - last_call >= PROGRESS_EVERY_SECONDS:
            last_call = now
            progress(done, total, origin)

    return call


def _store(
    writer: CorpusWriter,
    item: Input,
    report: IngestReport,
    articles: Callable[[], Iterator[Article]],
) -> None:
    """One input, all or nothing: a reader failure midway stores nothing of it."""
    report.inputs += 1
    try:
        result = writer.add_file(articles())
    except ReadError as exc:
        report.failures.append(f"{item.origin}: {exc}")
        return
    except OSError as exc:
        report.failures.append(f"{item.origin}: {exc.strerror or exc}")
        return
    report.new += result.new
    report.duplicates += result.duplicates


def _records(item: Input, stdin: BinaryIO | None) -> Iterator[Article | RecordError]:
    if item.path is not None:
        return read_path(item.path)
    return read_stream(stdin or sys.stdin.buffer, item.origin)
