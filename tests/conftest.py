"""Fixtures shared by the reader's tests (tests/tui and tests/ssh).

tests/ has no packages and pytest imports with --import-mode=importlib, so one
conftest cannot import another: what both directories need is offered here as
fixtures. `make_quote` and `write_corpus` build small hand-written corpora;
`pilot_waits` holds the helpers that wait for the running app. Waiting is on
conditions, never on fixed sleeps, with a timeout generous enough for a loaded
machine (it costs nothing when the condition comes quickly).

Nothing here imports textual at module level: the CLI tests check that the
headless core never loads it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from quoth.corpus.model import Article, Quote
    from textual.pilot import Pilot

# Long enough for a busy two-core machine; a condition that holds returns at once.
WAIT_SECONDS = 20.0
POLL_SECONDS = 0.02
# Worker groups of the reader that change what the list and reader show.
BUSY_GROUPS = ("search", "load", "article")


def quote_in(
    body: str, text: str, speaker: str | None, kind: str = "direct", mention: str | None = None
) -> Quote:
    """A Quote at `text` in `body`, its speaker mentioned at `mention` after it."""
    from quoth.corpus.model import Quote

    start = body.index(text)
    quote = Quote(
        text=text,
        start=start,
        end=start + len(text),
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        cue="said",
    )
    if mention:
        at = body.index(mention, start + len(text))
        quote.mention, quote.mention_start, quote.mention_end = mention, at, at + len(mention)
    return quote


def build_corpus(path: Path, articles: list[Article]) -> Path:
    from quoth.corpus.store import Corpus

    with Corpus(path) as corpus:
        corpus.add_articles(articles)
    return path


@pytest.fixture
def make_quote() -> Callable[..., Quote]:
    return quote_in


@pytest.fixture
def write_corpus() -> Callable[[Path, list[Article]], Path]:
    return build_corpus


# -- waiting for the running app ---------------------------------------------------


async def wait_until(
    pilot: Pilot, condition: Callable[[], bool], timeout: float = WAIT_SECONDS
) -> None:
    """Pause until `condition()` holds; fail the test if it never does."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not reached in {timeout:.0f} s")
        await pilot.pause(POLL_SECONDS)


def settled(app: Any) -> bool:
    """No search, load or article worker running, and the newest search shown."""
    busy = [w for w in app.workers if w.group in BUSY_GROUPS and w.is_running]
    return not busy and app._shown_generation == app._search_generation


def showing_current_article(app: Any) -> bool:
    """The reader (and the side panel, once built) show the list's current article."""
    if app.reader.article_id != app.article_list.current_id:
        return False
    return all(
        panel.rendered is app.reader.rendered for panel in app.main_screen.query("QuotesPanel")
    )


async def wait_for_article(pilot: Pilot, app: Any) -> None:
    """Until the listing is in and the reader shows the list's current article."""
    await wait_until(pilot, lambda: app.corpus_total is not None)
    await wait_until(pilot, lambda: settled(app) and showing_current_article(app))
    await pilot.pause()


async def wait_for_marks(pilot: Pilot, app: Any) -> None:
    await wait_until(pilot, lambda: app.reading_marks is not None)


async def type_query(pilot: Pilot, app: Any, query: str) -> None:
    """Type `query` into the search bar, key by key, and wait for its results."""
    await pilot.press("slash", *query)
    await wait_until(pilot, lambda: settled(app) and app.query_text == query)
    await wait_for_article(pilot, app)


@pytest.fixture
def pilot_waits() -> SimpleNamespace:
    return SimpleNamespace(
        wait_until=wait_until,
        settled=settled,
        wait_for_article=wait_for_article,
        wait_for_marks=wait_for_marks,
        type_query=type_query,
    )


# Run quoth's CLI as a user who may not write $QUOTH_DB. Root may write anything, so
# the missing permission is simulated in the child process.
_READ_ONLY_CLI = """
import os, sys
db = os.environ["QUOTH_DB"]
real_access = os.access
def access(path, mode, *args, **kwargs):
    if mode & os.W_OK and os.path.abspath(path) == os.path.abspath(db):
        return False
    return real_access(path, mode, *args, **kwargs)
os.access = access
from quoth.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def read_only_cli() -> list[str]:
    """The command prefix (python -c SCRIPT) of a CLI that cannot write $QUOTH_DB."""
    import sys

    return [sys.executable, "-c", _READ_ONLY_CLI]
