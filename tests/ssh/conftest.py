"""Fixtures for the ssh-ux tests: a small corpus, the app, waiting helpers."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from quoth.corpus.model import Article, Quote, Speaker
from quoth.corpus.store import Corpus
from quoth.tui.app import QuothApp
from textual.pilot import Pilot


def _quote(body: str, text: str, speaker: str | None, mention: str | None = None) -> Quote:
    start = body.index(text)
    quote = Quote(text=text, start=start, end=start + len(text), speaker=speaker, cue="said")
    if mention:
        at = body.index(mention, start + len(text))
        quote.mention, quote.mention_start, quote.mention_end = mention, at, at + len(mention)
    return quote


def ferry_article() -> Article:
    body = (
        "PORT ELLIS — The island ferry will run twice a day from June, the operator said.\n\n"
        '"Two sailings a day is what the island asked for," said Marta Quist, who runs '
        "the ferry company.\n\n"
        "Passengers have complained for years about the single crossing.\n\n"
        '"We will watch the numbers closely," Quist added.'
    )
    return Article(
        body=body, title="Island ferry doubles its sailings", date="2024-05-02T09:30:00",
        source="Ellis Gazette", byline="By Noor Haddad", url="https://example.org/ferry",
        origin="/srv/news/ferry.html", format="html",
        quotes=[
            _quote(body, '"Two sailings a day is what the island asked for,"', "Marta Quist",
                   mention="Marta Quist"),
            _quote(body, '"We will watch the numbers closely,"', "Marta Quist",
                   mention="Quist"),
        ],
        speakers=[Speaker("Marta Quist", titles=["operator"], quotes=2)],
    )


def market_article() -> Article:
    body = (
        "The covered market reopens on Saturday after repairs.\n\n"
        '"Stallholders are ready," said Ivo Brandt, the market manager.'
    )
    return Article(
        body=body, title="Covered market reopens", date="2023-11-18", source="Town Crier",
        origin="feeds/towncrier.xml", format="feed",
        quotes=[_quote(body, '"Stallholders are ready,"', "Ivo Brandt", mention="Ivo Brandt")],
        speakers=[Speaker("Ivo Brandt", quotes=1)],
    )


def library_article() -> Article:
    body = "The library extends its opening hours in winter.\n\nNo one was quoted."
    return Article(body=body, title="Library opens later in winter", date="2025-01-09",
                   source="Town Crier", origin="notes/library.txt", format="text")


def build_corpus(path: Path, articles: list[Article]) -> Path:
    with Corpus(path) as corpus:
        corpus.add_articles(articles)
    return path


@pytest.fixture
def corpus_path(tmp_path: Path) -> Path:
    return build_corpus(tmp_path / "corpus.db", [ferry_article(), market_article(),
                                                 library_article()])


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the real user's config and state."""
    monkeypatch.setenv("QUOTH_STATE", str(tmp_path / "state" / "state.json"))
    monkeypatch.setenv("QUOTH_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    # The terminal quoth is most often reached through: SSH into a 256-colour terminal.
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("COLORTERM", raising=False)


def app_class() -> type[QuothApp]:
    return QuothApp


# -- waiting -------------------------------------------------------------------


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.02)


def settled(app: Any) -> bool:
    busy = [w for w in app.workers if w.group in ("search", "load", "article") and w.is_running]
    return not busy and app._shown_generation == app._search_generation


async def wait_for_article(pilot: Pilot, app: Any) -> None:
    await wait_until(pilot, lambda: app.corpus_total is not None)
    await wait_until(pilot, lambda: settled(app)
                     and app.reader.article_id == app.article_list.current_id)
    await pilot.pause()


async def wait_for_marks(pilot: Pilot, app: Any) -> None:
    await wait_until(pilot, lambda: app.reading_marks is not None)


@pytest.fixture
def ui() -> SimpleNamespace:
    return SimpleNamespace(app_class=app_class, wait_until=wait_until,
                           wait_for_article=wait_for_article, wait_for_marks=wait_for_marks,
                           settled=settled)
