"""The command-line grammar: every command, its options and its help."""

from __future__ import annotations

import argparse

from ... import __version__

EXAMPLES = """\
examples:
  quoth ingest ~/articles 'dumps/*.jsonl' -     read files, folders, globs, stdin
  quoth                                          open the reader on your corpus
  quoth demo                                     open the reader on the sample corpus
  quoth search 'speaker:miller after:2023' --json
  quoth quotes --speaker "Matthew Miller"
  quoth ingest https://example.org/feed.xml     subscribe; then `quoth refresh` from cron
  quoth feeds add https://example.org/          subscribe to the feed a homepage links
"""


def _common() -> argparse.ArgumentParser:
    """Options every command takes, before or after the command name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="corpus file to use (default: $QUOTH_DB, else the user data directory)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="quoth",
        description="A terminal reader for news articles that shows who said what.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"quoth {__version__}")
    parser.add_argument(
        "--no-mouse", action="store_true", help="leave the mouse to the terminal (text selection)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.add_argument("--version", action="version", version=f"quoth {__version__}")
        return sub

    demo = command("demo", "open the reader on the bundled sample corpus (yours is untouched)")
    demo.add_argument("--list", action="store_true", help="list the demo articles instead")
    demo.add_argument("--no-mouse", action="store_true", help=argparse.SUPPRESS)

    ingest = command("ingest", "read files, folders, globs or - (stdin) into the corpus")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")

    search = command("search", "search the corpus with the query language")
    search.add_argument("query", nargs="*", help="e.g. kurilla speaker:miller after:2023-01")
    search.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    search.add_argument("--json", action="store_true", help="JSON Lines output")

    show = command("show", "print one article with its quotes")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="all fields as one JSON object")

    quotes = command("quotes", "list quotes, by speaker or article")
    quotes.add_argument("--speaker", metavar="NAME", help="canonical name or alias (fuzzy)")
    quotes.add_argument("--article", metavar="ID", type=int)
    quotes.add_argument("--json", action="store_true", help="JSON Lines output")

    speakers = command("speakers", "list the corpus-wide speaker index")
    speakers.add_argument("--json", action="store_true", help="JSON Lines output")

    stats = command("stats", "count articles, quotes and speakers")
    stats.add_argument("--json", action="store_true", help="JSON output")

    reextract = command(
        "reextract",
        "extract the stored articles' quotes again with this quoth's extractor (after an upgrade)",
    )
    reextract.add_argument("query", nargs="*", help="only articles matching this query")
    reextract.add_argument(
        "--stale",
        action="store_true",
        help="only articles an older extractor did (see quoth stats)",
    )
    reextract.add_argument("--json", action="store_true", help="print the summary as JSON")

    extract = command("extract", "parse and extract files without storing them")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--json", action="store_true", help="JSON Lines output (the default)")

    export = command("export", "export articles or quotes as JSON Lines or CSV")
    export.add_argument("query", nargs="*", help="restrict to a query (default: everything)")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("--quotes", action="store_true", help="one row per quote")
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    feeds = command(
        "feeds", "list feed subscriptions, add one (a site's homepage will do), or remove one"
    )
    feeds.add_argument("--json", action="store_true", help="JSON Lines output")
    # Sub-commands rather than an action word, so options may follow the URLs.
    actions = feeds.add_subparsers(dest="feeds_action", metavar="{list,add,remove}")
    listing = actions.add_parser("list", help="list subscriptions (the default)", parents=[common])
    listing.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="JSON Lines output"
    )
    adding = actions.add_parser(
        "add",
        parents=[common],
        help="subscribe to a feed, or to the feeds a web page links",
        description="Subscribe to a feed URL, or give a site's homepage: the feeds its "
        "<head> links are found. Nothing is fetched beyond that; "
        "quoth refresh fetches the articles.",
    )
    adding.add_argument("urls", nargs="+", metavar="URL")
    adding.add_argument(
        "--all",
        action="store_true",
        help="subscribe to every feed a page links (else several are listed)",
    )
    adding.add_argument("--timeout", type=float, default=20.0, help="seconds per URL")
    adding.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="JSON Lines output"
    )
    removing = actions.add_parser("remove", parents=[common], help="forget a subscription")
    removing.add_argument("urls", nargs="+", metavar="URL")

    refresh = command("refresh", "fetch every subscribed feed and ingest its new items")
    refresh.add_argument("--json", action="store_true", help="print the summary as JSON")
    refresh.add_argument("--timeout", type=float, default=20.0, help="seconds per feed")

    command("config", "print where the settings file is and the settings in effect")

    serve = command("serve", "serve the reader to a browser (pip install 'quoth[serve]')")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    serve.add_argument("--port", type=int, default=8000)
    return parser


# Options (and how many values they take) of the commands whose positionals are a query.
_COMMON_OPTIONS = {"--db": 1, "-h": 0, "--help": 0, "--version": 0}
_QUERY_COMMAND_OPTIONS = {
    "search": {"--limit": 1, "--json": 0},
    "export": {"--format": 1, "--quotes": 0, "--output": 1, "-o": 1},
    "reextract": {"--stale": 0, "--json": 0},
}


def query_words_last(argv: list[str]) -> list[str]:
    """In `quoth search -harbour bridge`, `-harbour` is an excluded word, not an
    option: move the query words of search/export behind `--` so argparse agrees."""
    position = _command_position(argv)
    if position is None or argv[position] not in _QUERY_COMMAND_OPTIONS:
        return argv
    known = {**_COMMON_OPTIONS, **_QUERY_COMMAND_OPTIONS[argv[position]]}
    options: list[str] = []
    words: list[str] = []
    rest = iter(argv[position + 1 :])
    for token in rest:
        if token == "--":
            words.extend(rest)
            break
        name = token.split("=", 1)[0]
        if name in known or token.startswith("--"):  # a mistyped --option stays an error
            options.append(token)
            if "=" not in token:
                options.extend(next(rest, "") for _ in range(known.get(name, 0)))
        else:
            words.append(token)
    return [*argv[: position + 1], *options, "--", *words]


def _command_position(argv: list[str]) -> int | None:
    index = 0
    while index < len(argv):
        token = argv[index]
        if not token.startswith("-"):
            return index
        index += 2 if token == "--db" else 1
    return None
