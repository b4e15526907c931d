"""Re-extraction: the quotes and speakers of stored articles found again by this
quoth's extractor, after an upgrade improved it (`quoth reextract`).

Articles are extracted (in worker processes for a big run) and written back in
batches, each batch in one transaction: an interrupted run leaves every article
with either its old extraction or its new one, never half of each. The speaker
index is recomputed from the per-article speakers at the end.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .extractor_version import EXTRACTOR_VERSION
from .model import Article
from .parallel import ExtractionWorkers
from .store import Corpus

# Articles written back per transaction: few commits are fast (the full-text index
# flushes once per commit), and a batch is over in well under a second of writing.
BATCH_ARTICLES = 500
READ_CHUNK = 256  # articles read from the corpus per query
# Below this many articles a run is over before worker processes would have started.
PARALLEL_MIN_ARTICLES = 200
PROGRESS_EVERY_SECONDS = 0.1

Progress = Callable[[int, int, str], None]  # (done, total, current title)


@dataclass
class ReextractReport:
    total: int = 0  # articles asked for
    articles: int = 0  # re-extracted and committed
    quotes_before: int = 0
    quotes_after: int = 0
    interrupted: bool = False
    failures: list[str] = field(default_factory=list)  # ExtractionWorkers reports here
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        noun = "article" if self.articles == 1 else "articles"
        return (
            f"{self.articles} {noun} re-extracted: {self.quotes_after} quotes "
            f"(was {self.quotes_before})"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "total": self.total,
            "quotes": self.quotes_after,
            "quotes_before": self.quotes_before,
            "interrupted": self.interrupted,
            "extractor_version": EXTRACTOR_VERSION,
        }


def stale_ids(corpus: Corpus) -> list[int]:
    """Articles whose quotes an older extractor found."""
    return corpus.article_ids(older_than=EXTRACTOR_VERSION)


def stale_count(corpus: Corpus) -> int:
    return corpus.stale_count(EXTRACTOR_VERSION)


def reextract(
    corpus: Corpus,
    ids: list[int],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> ReextractReport:
    """Extract the articles with these ids again and store what is found in place of
    what was. Ctrl-C stops after the last whole batch: `report.interrupted` is set,
    the batches committed stay, and the speaker index counts are right (by delta)."""
    report = ReextractReport(total=len(ids))
    show = _throttled(progress) if progress else None
    try:
        with ExtractionWorkers(_processes(len(ids), workers)) as pool, corpus.writer() as writer:
            extracted = pool.extract_stream(_stored_articles(corpus, ids), report)
            for batch in _batches(extracted, report, show):
                before = writer.replace_extractions(batch)
                writer.commit()
                report.articles += len(batch)
                report.quotes_before += before
                report.quotes_after += sum(len(article.quotes) for article in batch)
        corpus.rebuild_speaker_index()
    except KeyboardInterrupt:
        report.interrupted = True
    if show:
        show(report.articles, report.total, "")
    return report


def _processes(articles: int, workers: int | None) -> int:
    if workers is not None:
        return max(1, workers)
    return (os.cpu_count() or 1) if articles >= PARALLEL_MIN_ARTICLES else 1


def _stored_articles(corpus: Corpus, ids: list[int]) -> Iterator[Article]:
    """The articles, a chunk at a time (a read each, fully fetched, so no read
    snapshot stays open while this connection writes)."""
    for start in range(0, len(ids), READ_CHUNK):
        yield from corpus.articles_by_id(ids[start : start + READ_CHUNK])


def _batches(
    articles: Iterator[Article], report: ReextractReport, show: Progress | None
) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if show:
            show(report.articles + len(batch), report.total, article.title or article.origin)
        if len(batch) >= BATCH_ARTICLES:
            yield batch
            batch = []
    if batch:
        yield batch


def _throttled(progress: Progress) -> Progress:
    """`progress` at most every PROGRESS_EVERY_SECONDS, and always for the last article."""
    last_call = -PROGRESS_EVERY_SECONDS

    def call(done: int, total: int, current: str) -> None:
        nonlocal last_call
        now = time.monotonic()
        if done >= total or now - last_call >= PROGRESS_EVERY_SECONDS:
            last_call = now
            progress(done, total, current)

    return call
