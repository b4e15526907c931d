"""A small hand-written corpus for the TUI tests (no extractor, no demo files)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from quoth.corpus.model import Article, Quote, Speaker
from quoth.corpus.store import Corpus
from quoth.tui.app import QuothApp
from textual.pilot import Pilot

FILLER = (
    "The council met for three hours on Tuesday evening and heard from residents, "
    "engineers and the harbour authority before the vote was called."
)


def _quote(body: str, text: str, speaker: str | None, kind: str = "direct",
           mention: str | None = None) -> Quote:
    start = body.index(text)
    quote = Quote(text=text, start=start, end=start + len(text), kind=kind,  # type: ignore[arg-type]
                  speaker=speaker, cue="said")
    if mention:
        at = body.index(mention, start + len(text))
        quote.mention, quote.mention_start, quote.mention_end = mention, at, at + len(mention)
    return quote


def bridge_article() -> Article:
    paragraphs = [
        "NORVANE — The harbour bridge will be rebuilt by 2027, the council decided on Tuesday.",
        '"We cannot wait another winter," said Mayor Elena Kurilla, who backed the plan.',
        *[FILLER] * 6,
        '"The money is there and the designs are ready," said Tomas Berg, the city engineer.',
        *[FILLER] * 6,
        "Residents were divided. "
        '"It is about time," said Kurilla, adding that work would start in spring.',
    ]
    body = "\n\n".join(paragraphs)
    quotes = [
        _quote(body, '"We cannot wait another winter,"', "Elena Kurilla",
               mention="Mayor Elena Kurilla"),
        _quote(body, '"The money is there and the designs are ready,"', "Tomas Berg",
               mention="Tomas Berg"),
        _quote(body, '"It is about time,"', "Elena Kurilla", mention="Kurilla"),
    ]
    return Article(
        body=body, title="Harbour bridge vote: council backs rebuild", date="2024-03-05",
        source="Norvane Courier", dateline="NORVANE", byline="By Ada Lind",
        caption="The old harbour bridge at dusk.", credit="Photo: J. Amsel",
        origin="fixture://bridge", format="text", quotes=quotes,
        speakers=[
            Speaker("Elena Kurilla", titles=["Mayor"], quotes=2),
            Speaker("Tomas Berg", titles=["city engineer"], quotes=1),
        ],
    )


def markup_article() -> Article:
    body = (
        "Some pages contain [bold]markup[/bold] and [@click=app.quit]links[/] that must "
        "stay text.\n\nA bell \x07 and an escape \x1b[2J must not reach the terminal."
    )
    return Article(body=body, title="Markup [bold]stays[/bold] literal", date="2023-01-10",
                   source="[red]Wire[/red]", origin="fixture://markup", format="text")


def simple_article(title: str, date: str, source: str, speaker: str, said: str) -> Article:
    body = f'Officials met on {date}.\n\n"{said}," said {speaker}.\n\nTalks continue next week.'
    quote = _quote(body, f'"{said},"', speaker, mention=speaker)
    return Article(body=body, title=title, date=date, source=source,
                   origin=f"fixture://{title}", format="text", quotes=[quote],
                   speakers=[Speaker(speaker, quotes=1)])


def sample_articles() -> list[Article]:
    return [
        bridge_article(),
        markup_article(),
        simple_article("Rail strike talks resume", "2024-08-14", "Metro Daily",
                       "Ines Okafor", "We are ready to talk"),
        simple_article("Flood defence funding approved", "2025-01-22", "Coastal Times",
                       "Tomas Berg", "The walls go up this year"),
        simple_article("Hospital waiting lists grow", "2024-11-08", "Metro Daily",
                       "Ruth Mensah", "Nobody should wait a year"),
        simple_article("Trade talks stall in Geneva", "2024-05-30", "Wire Service",
                       "Paul Ferrand", "There is no deal yet"),
    ]


def build_corpus(path: Path, articles: list[Article]) -> Path:
    with Corpus(path) as corpus:
        corpus.add_articles(articles)
    return path


@pytest.fixture
def corpus_path(tmp_path: Path) -> Path:
    return build_corpus(tmp_path / "corpus.db", sample_articles())


MANY = 260  # more than one page of search results (the reader asks for 200)


@pytest.fixture
def many_corpus_path(tmp_path: Path) -> Path:
    articles = [
        simple_article(f"Council report number {n}", f"2024-01-{1 + n % 28:02d}",
                       "Metro Daily", "Ines Okafor", f"Item {n} is on the agenda")
        for n in range(MANY)
    ]
    return build_corpus(tmp_path / "many.db", articles)


@pytest.fixture
def empty_corpus_path(tmp_path: Path) -> Path:
    return build_corpus(tmp_path / "empty.db", [])


# -- waiting for the app (tests import nothing from here: they get `ui`) --


async def wait_until(pilot: Pilot, condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Pause until `condition()` holds; fail the test if it never does."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.02)


def search_settled(app: QuothApp) -> bool:
    workers = [w for w in app.workers if w.group in ("search", "load") and w.is_running]
    return not workers and app._shown_generation == app._search_generation


async def wait_for_article(pilot: Pilot, app: QuothApp) -> None:
    """Until the listing is shown and the reader shows the list's current article."""
    await wait_until(pilot, lambda: app.corpus_total is not None)
    await wait_until(
        pilot,
        lambda: search_settled(app)
        and app.reader.article_id == app.article_list.current_id
        and app.side_panel.rendered is app.reader.rendered,
    )
    await pilot.pause()


async def type_query(pilot: Pilot, app: QuothApp, query: str) -> None:
    await pilot.press("slash", *query)
    await wait_until(pilot, lambda: search_settled(app) and app.query_text == query)
    await wait_for_article(pilot, app)


@pytest.fixture
def ui() -> SimpleNamespace:
    """The waiting helpers, as a fixture (tests/ has no packages to import from)."""
    return SimpleNamespace(wait_until=wait_until, wait_for_article=wait_for_article,
                           type_query=type_query, search_settled=search_settled)
