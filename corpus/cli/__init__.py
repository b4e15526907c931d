"""The `quoth` command line. The reader (TUI) is injected by __main__, so this
package stays headless."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..config import Config, load_config
from ..store import Corpus, CorpusError, default_db_path
from . import commands
from .output import emit_row, error
from .parser import build_parser, query_words_last

OpenReader = Callable[[Path, bool, bool], int]  # (db path, demo?, mouse?) -> exit code
Serve = Callable[[Path, str, int], int]  # (db path, host, port) -> exit code

_CORPUS_COMMANDS = {
    "ingest": commands.cmd_ingest,
    "search": commands.cmd_search,
    "show": commands.cmd_show,
    "quotes": commands.cmd_quotes,
    "speakers": commands.cmd_speakers,
    "stats": commands.cmd_stats,
    "export": commands.cmd_export,
    "feeds": commands.cmd_feeds,
    "refresh": commands.cmd_refresh,
    "reextract": commands.cmd_reextract,
}


def run(
    argv: Sequence[str] | None = None,
    *,
    open_reader: OpenReader | None = None,
    serve: Serve | None = None,
) -> int:
    parser = build_parser()
    try:
        args = _parse(parser, argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    config, problems = load_config()
    for problem in problems:
        error(problem)
    db_path = resolve_db_path(getattr(args, "db", None), config)
    mouse = not args.no_mouse
    try:
        if args.command == "extract":
            return commands.cmd_extract(args)
        if args.command == "config":
            return commands.cmd_config(config, db_path)
        if args.command == "serve":
            return _serve(serve, db_path, args.host, args.port)
        if args.command == "demo":
            return _demo(args, open_reader, mouse)
        if args.command is None:
            return _open(open_reader, db_path, demo=False, mouse=mouse)
        with Corpus.open(db_path) as corpus:
            return _CORPUS_COMMANDS[args.command](corpus, args)
    except CorpusError as exc:
        error(f"quoth: {exc}")
        return commands.EXIT_FAILED
    except sqlite3.Error as exc:  # a damaged page found mid-command: say so, no traceback
        error(f"quoth: {CorpusError.from_sqlite(db_path, exc)}")
        return commands.EXIT_FAILED
    except KeyboardInterrupt:
        error("quoth: interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # `quoth search x | head`: the reader left; not an error
        return commands.EXIT_OK


def _demo(args: argparse.Namespace, open_reader: OpenReader | None, mouse: bool) -> int:
    from ..demo_corpus import build_demo

    path, report = build_demo()
    if report is not None and not report.ok:
        for line in report.failures:
            error(f"demo: {line}")
    if args.list or open_reader is None:
        with Corpus(path, readonly=True) as corpus:
            for summary in corpus.summaries():
                emit_row(
                    str(summary.id),
                    summary.date or "-",
                    summary.source or "-",
                    f"{summary.quote_count:>3}q",
                    summary.title,
                )
        return commands.EXIT_OK
    return _open(open_reader, path, demo=True, mouse=mouse)


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    return parser.parse_args(query_words_last(list(sys.argv[1:] if argv is None else argv)))


def resolve_db_path(flag: str | None, config: Config) -> Path:
    """--db, then $QUOTH_DB, then the config file's corpus, then the default."""
    if flag:
        return Path(flag).expanduser()
    if config.corpus and not os.environ.get("QUOTH_DB"):
        return Path(config.corpus).expanduser()
    return default_db_path()


def _serve(serve: Serve | None, path: Path, host: str, port: int) -> int:
    if serve is None:
        error("quoth: serving is not available in this build")
        return commands.EXIT_FAILED
    return serve(path, host, port)


def _open(open_reader: OpenReader | None, path: Path, *, demo: bool, mouse: bool) -> int:
    if open_reader is None:
        error("quoth: the reader is not available in this build")
        return commands.EXIT_FAILED
    return open_reader(path, demo, mouse)
