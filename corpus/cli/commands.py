"""What each CLI command does. Exit codes: 0 ok, 1 some input failed, 2 usage."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Article
from ..readers import ReadError, RecordError, read_path
from ..speaker_match import match_speakers
from ..store import Corpus, StoredQuote
from .output import ProgressBar, emit, emit_json, emit_row, error

if TYPE_CHECKING:
    # Fetching pulls in urllib and ssl, and ingesting the extractor: they are loaded
    # only by the commands that fetch or extract, so that `quoth stats` starts fast.
    from ..feeds import FeedAdd
    from ..ingest import IngestReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as the shell reports a Ctrl-C


def cmd_ingest(corpus: Corpus, args: argparse.Namespace) -> int:
    from ..ingest import ingest

    # Said before reading anything, not after the first good file.
    if _refused_read_only(corpus, "ingested"):
        return EXIT_FAILED
    bar = ProgressBar()
    report = ingest(corpus, args.paths, progress=bar)
    bar.finish()
    for line in report.failures + report.warnings:
        error(line)
    if args.json:
        emit_json(_report_dict(report))
    else:
        emit(report.summary())
    return EXIT_OK if report.ok else EXIT_FAILED


def _refused_read_only(corpus: Corpus, undone: str) -> bool:
    """Say so, once, when a command that writes meets a corpus it may not write."""
    if corpus.readonly:
        error(
            f"quoth: {corpus.path}: the corpus is read-only here (no write permission); "
            f"nothing was {undone}"
        )
    return corpus.readonly


def _report_dict(report: IngestReport) -> dict[str, object]:
    return {
        "inputs": report.inputs,
        "new": report.new,
        "duplicates": report.duplicates,
        "failed": len(report.failures),
        "failures": report.failures,
    }


def cmd_search(corpus: Corpus, args: argparse.Namespace) -> int:
    from ..search import SearchEngine

    results = SearchEngine(corpus).search(" ".join(args.query), limit=max(args.limit, 0))
    for hit in results.hits:
        row = {
            "id": hit.id,
            "title": hit.title,
            "date": hit.date,
            "source": hit.source,
            "score": round(hit.score, 3),
        }
        if args.json:
            emit_json(row)
        else:
            emit_row(str(hit.id), hit.date or "-", hit.source or "-", hit.title)
    if not args.json and not results.hits:
        error("no articles match")
    return EXIT_OK


def cmd_show(corpus: Corpus, args: argparse.Namespace) -> int:
    article = corpus.get_article(args.id)
    if article is None:
        error(f"no article with id {args.id}")
        return EXIT_FAILED
    if args.json:
        emit_json(_article_dict(article))
    else:
        emit(format_article(article))
    return EXIT_OK


def _article_dict(article: Article) -> dict[str, object]:
    data = article.to_dict()
    data["quotes"] = [q.to_dict() for q in article.quotes]
    data["speakers"] = [s.to_dict() for s in article.speakers]
    return data


def format_article(article: Article) -> str:
    """The article as plain text: headline, metadata line, caption, body, quotes."""
    meta = " · ".join(
        part for part in (article.date, article.source, article.dateline, article.byline) if part
    )
    lines = [article.title, meta] if meta else [article.title]
    if article.caption:
        credit = f" — {article.credit}" if article.credit else ""
        lines.append(f"[Photo] {article.caption}{credit}")
    lines += ["", *_join_paragraphs(article.paragraphs)]
    if article.quotes:
        lines += ["", f"Quotes ({len(article.quotes)}):"]
        lines += [_quote_line(q.text, q.speaker, q.kind) for q in article.quotes]
    return "\n".join(lines)


def _join_paragraphs(paragraphs: list[str]) -> Iterator[str]:
    for index, paragraph in enumerate(paragraphs):
        if index:
            yield ""
        yield paragraph


def _quote_line(text: str, speaker: str | None, kind: str) -> str:
    return f"  - {speaker or 'unattributed'} ({kind}): {text}"


def cmd_quotes(corpus: Corpus, args: argparse.Namespace) -> int:
    speaker_ids = None
    if args.speaker:
        matches = match_speakers(args.speaker, corpus.speakers())
        if not matches:
            error(f"no speaker matches {args.speaker!r}")
            return EXIT_FAILED
        speaker_ids = [s.id for s in matches]
    for stored in corpus.quotes(speaker_ids=speaker_ids, article_id=args.article):
        _emit_quote(stored, args.json)
    return EXIT_OK


def _emit_quote(stored: StoredQuote, as_json: bool) -> None:
    quote = stored.quote
    if as_json:
        emit_json({"article_id": stored.article_id, **quote.to_dict()})
    else:
        emit_row(str(stored.article_id), quote.kind, quote.speaker or "-", quote.text)


def cmd_speakers(corpus: Corpus, args: argparse.Namespace) -> int:
    for speaker in corpus.speakers():
        if args.json:
            emit_json(speaker.to_dict())
        else:
            titles = "; ".join(speaker.titles)
            emit_row(str(speaker.quotes), speaker.kind, speaker.name, titles)
    return EXIT_OK


def cmd_stats(corpus: Corpus, args: argparse.Namespace) -> int:
    from ..extractor_version import EXTRACTOR_VERSION  # the number, not the extractor (45 ms)

    stats = corpus.stats()
    stale = corpus.stale_count(EXTRACTOR_VERSION)
    if args.json:
        emit_json({**stats, "stale_articles": stale})
        return EXIT_OK
    line = ", ".join(f"{value} {name}" for name, value in stats.items())
    if stale:
        line += f" ({stale} extracted by an older quoth: quoth reextract --stale)"
    emit(line)
    return EXIT_OK


def cmd_reextract(corpus: Corpus, args: argparse.Namespace) -> int:
    """Extract stored articles again; Ctrl-C keeps the batches done and exits 130."""
    from ..reextract import reextract, stale_ids

    if _refused_read_only(corpus, "re-extracted"):
        return EXIT_FAILED
    ids = stale_ids(corpus) if args.stale else corpus.article_ids()
    query = " ".join(args.query).strip()
    if query:
        from ..search import SearchEngine

        matching = {hit.id for hit in SearchEngine(corpus).search(query, limit=1_000_000).hits}
        ids = [article_id for article_id in ids if article_id in matching]
    bar = ProgressBar()
    report = reextract(corpus, ids, progress=bar)
    bar.finish()
    for line in report.failures + report.warnings:
        error(line)
    if report.interrupted:
        error(
            f"quoth: interrupted; {report.articles} of {report.total} articles re-extracted "
            "(the others keep their old quotes)"
        )
        return EXIT_INTERRUPTED
    if args.json:
        emit_json(report.to_dict())
    else:
        emit(report.summary())
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    """Parse and extract without a corpus: one JSON object per article."""
    from ..parallel import with_quotes

    failed = False
    for path in args.paths:
        try:
            for record in read_path(Path(path)):
                if isinstance(record, RecordError):
                    error(f"{record.origin}:{record.line or ''}: {record.reason}")
                    failed = True
                    continue
                article, warning = with_quotes(record)
                if warning:
                    error(warning)
                emit_json(_extract_dict(path, article))
        except ReadError as exc:
            error(f"{path}: {exc}")
            failed = True
        except OSError as exc:
            error(f"{path}: {exc.strerror or exc}")
            failed = True
    return EXIT_FAILED if failed else EXIT_OK


def _extract_dict(path: str, article: Article) -> dict[str, object]:
    fields = ("title", "date", "dateline", "byline", "source", "caption", "credit", "url", "body")
    data: dict[str, object] = {"path": article.origin or path}
    data.update({name: getattr(article, name) for name in fields})
    data["quotes"] = [q.to_dict() for q in article.quotes]
    data["speakers"] = [s.to_dict() for s in article.speakers]
    return data


def cmd_export(corpus: Corpus, args: argparse.Namespace) -> int:
    import sys

    from ..export import export

    query = " ".join(args.query).strip()
    if query:
        from ..search import SearchEngine

        results = SearchEngine(corpus).search(query, limit=1_000_000)
        ids: list[int] = [hit.id for hit in results.hits]
    else:
        ids = [summary.id for summary in corpus.summaries()]
    if args.output:
        if _is_corpus_file(Path(args.output), corpus.path):
            error(f"quoth export: {args.output} is the corpus itself; refusing to overwrite it")
            return EXIT_FAILED
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = export(corpus, ids, out, fmt=args.format, quotes=args.quotes)
        except OSError as exc:
            error(f"quoth export: {args.output}: {exc.strerror or exc}")
            return EXIT_FAILED
        error(f"{count} {'quotes' if args.quotes else 'articles'} written to {args.output}")
    else:
        export(corpus, ids, sys.stdout, fmt=args.format, quotes=args.quotes)
    return EXIT_OK


def _is_corpus_file(output: Path, corpus_path: Path) -> bool:
    """`-o` naming the corpus (or its WAL files) would truncate it while it is open."""
    target = output.expanduser().resolve()
    corpus = corpus_path.expanduser().resolve()
    return target in {corpus, Path(f"{corpus}-wal"), Path(f"{corpus}-shm")}


def cmd_config(config: Config, db_path: Path) -> int:
    from ..config import config_path

    path = config_path()
    emit(f"# settings file: {path}{'' if path.exists() else ' (not present: defaults)'}")
    emit(f"# corpus in use: {db_path}")
    emit(config.as_toml())
    return EXIT_OK


def cmd_feeds(corpus: Corpus, args: argparse.Namespace) -> int:
    from ..feeds import list_feeds, unsubscribe

    action = getattr(args, "feeds_action", None) or "list"
    if action == "add":
        return _add_feeds(corpus, args)
    if action == "remove":
        status = EXIT_OK
        for url in args.urls:
            if unsubscribe(corpus.conn, url):
                emit(f"unsubscribed {url}")
            else:
                error(f"not subscribed: {url}")
                status = EXIT_FAILED
        return status
    for feed in list_feeds(corpus.conn):
        if args.json:
            emit_json(dataclasses.asdict(feed))
        else:
            emit_row(
                feed.url, feed.title or "-", feed.last_checked or "never", feed.last_status or "-"
            )
    return EXIT_OK


def _add_feeds(corpus: Corpus, args: argparse.Namespace) -> int:
    """Subscribe to each URL: a feed, or a homepage whose <head> links one."""
    from ..feeds import add_feed
    from ..fetch import FetchError

    if _refused_read_only(corpus, "added"):
        return EXIT_FAILED
    status = EXIT_OK
    for url in args.urls:
        try:
            outcome = add_feed(corpus.conn, url, timeout=args.timeout, take_all=args.all)
        except (FetchError, ReadError) as exc:
            message = str(exc)
            error(message if message.startswith(url) else f"{url}: {message}")
            status = EXIT_FAILED
            continue
        if not _report_feed_add(outcome, args.json):
            status = EXIT_FAILED
    return status


def _report_feed_add(outcome: FeedAdd, as_json: bool) -> bool:
    """Print what `feeds add` did for one URL; False when it subscribed to nothing new
    or old (several feeds to choose from, or the feeds it found failed)."""
    found_on = f" (found on {outcome.url})" if outcome.discovered else ""
    for link in outcome.choices:
        if as_json:
            emit_json(
                {
                    "url": link.url,
                    "title": link.title,
                    "kind": link.kind,
                    "status": "choice",
                    "page": outcome.url,
                }
            )
        else:
            emit_row(link.url, link.title or "-", link.kind)
    if outcome.choices:
        error(
            f"{outcome.url}: the page links {len(outcome.choices)} feeds (listed above); "
            "run quoth feeds add with one of them, or add --all"
        )
        return False
    for url, title in outcome.subscribed:
        if as_json:
            emit_json({"url": url, "title": title, "status": "subscribed", "page": outcome.url})
        else:
            name = f" \u2014 {title}" if title else ""
            emit(f"subscribed {url}{name}{found_on}; quoth refresh fetches its articles")
    for url in outcome.already:
        if as_json:
            emit_json({"url": url, "title": None, "status": "already", "page": outcome.url})
        else:
            emit(f"already subscribed: {url}{found_on}")
    for line in outcome.failures:
        error(line)
    return not outcome.failures and bool(outcome.subscribed or outcome.already)


def cmd_refresh(corpus: Corpus, args: argparse.Namespace) -> int:
    """Fetch every subscription; quiet but for one summary line, so it suits cron."""
    from ..feeds import refresh
    from ..ingest import IngestReport, store_extracted

    report = IngestReport()

    def store(_origin: str, articles: list[Article]) -> tuple[int, int]:
        result = store_extracted(corpus, articles, report)
        return result.new, result.duplicates

    summary = refresh(corpus.conn, store, timeout=args.timeout)
    for line in summary.failures + report.warnings:
        error(line)
    if args.json:
        emit_json({**dataclasses.asdict(summary), "ok": summary.ok})
    else:
        emit(summary.line())
    return EXIT_OK if summary.ok else EXIT_FAILED
