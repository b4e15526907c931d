"""Fixtures for the ssh-ux tests: a small corpus, the app, private config and state.

The quote maker, the corpus writer and the waiting helpers come from tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from quoth.corpus.model import Article, Quote, Speaker
from quoth.tui.app import QuothApp

QuoteMaker = Callable[..., Quote]
CorpusWriter = Callable[[Path, list[Article]], Path]


def ferry_article(quote: QuoteMaker) -> Article:
    body = (
        "PORT ELLIS — The island ferry will run twice a day from June, the operator said.\n\n"
        '"Two sailings a day is what the island asked for," said Marta Quist, who runs '
        "the ferry company.\n\n"
        "Passengers have complained for years about the single crossing.\n\n"
        '"We will watch the numbers closely," Quist added.'
    )
    return Article(
        body=body,
        title="Island ferry doubles its sailings",
        date="2024-05-02T09:30:00",
        source="Ellis Gazette",
        byline="By Noor Haddad",
        url="https://example.org/ferry",
        origin="/srv/news/ferry.html",
        format="html",
        quotes=[
            quote(
                body,
                '"Two sailings a day is what the island asked for,"',
                "Marta Quist",
                mention="Marta Quist",
            ),
            quote(body, '"We will watch the numbers closely,"', "Marta Quist", mention="Quist"),
        ],
        speakers=[Speaker("Marta Quist", titles=["operator"], quotes=2)],
    )


def market_article(quote: QuoteMaker) -> Article:
    body = (
        "The covered market reopens on Saturday after repairs.\n\n"
        '"Stallholders are ready," said Ivo Brandt, the market manager.'
    )
    return Article(
        body=body,
        title="Covered market reopens",
        date="2023-11-18",
        source="Town Crier",
        origin="feeds/towncrier.xml",
        format="feed",
        quotes=[quote(body, '"Stallholders are ready,"', "Ivo Brandt", mention="Ivo Brandt")],
        speakers=[Speaker("Ivo Brandt", quotes=1)],
    )


def library_article() -> Article:
    body = "The library extends its opening hours in winter.\n\nNo one was quoted."
    return Article(
        body=body,
        title="Library opens later in winter",
        date="2025-01-09",
        source="Town Crier",
        origin="notes/library.txt",
        format="text",
    )


@pytest.fixture
def corpus_path(tmp_path: Path, make_quote: QuoteMaker, write_corpus: CorpusWriter) -> Path:
    return write_corpus(
        tmp_path / "corpus.db",
        [ferry_article(make_quote), market_article(make_quote), library_article()],
    )


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


@pytest.fixture
def ui(pilot_waits: SimpleNamespace) -> SimpleNamespace:
    """The waiting helpers (tests/conftest.py) and the app class under test."""
    return SimpleNamespace(**vars(pilot_waits), app_class=app_class)
