"""A small hand-written corpus for the TUI tests (no extractor, no demo files).

The quote maker, the corpus writer and the waiting helpers come from tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from quoth.corpus.model import Article, Quote, Speaker

QuoteMaker = Callable[..., Quote]
CorpusWriter = Callable[[Path, list[Article]], Path]

FILLER = (
    "The council met for three hours on Tuesday evening and heard from residents, "
    "engineers and the harbour authority before the vote was called."
)


def bridge_article(quote: QuoteMaker) -> Article:
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
        quote(
            body, '"We cannot wait another winter,"', "Elena Kurilla", mention="Mayor Elena Kurilla"
        ),
        quote(
            body,
            '"The money is there and the designs are ready,"',
            "Tomas Berg",
            mention="Tomas Berg",
        ),
        quote(body, '"It is about time,"', "Elena Kurilla", mention="Kurilla"),
    ]
    return Article(
        body=body,
        title="Harbour bridge vote: council backs rebuild",
        date="2024-03-05",
        source="Norvane Courier",
        dateline="NORVANE",
        byline="By Ada Lind",
        caption="The old harbour bridge at dusk.",
        credit="Photo: J. Amsel",
        origin="fixture://bridge",
        format="text",
        quotes=quotes,
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
    return Article(
        body=body,
        title="Markup [bold]stays[/bold] literal",
        date="2023-01-10",
        source="[red]Wire[/red]",
        origin="fixture://markup",
        format="text",
    )


def simple_article(
    quote: QuoteMaker, title: str, date: str, source: str, speaker: str, said: str
) -> Article:
    body = f'Officials met on {date}.\n\n"{said}," said {speaker}.\n\nTalks continue next week.'
    return Article(
        body=body,
        title=title,
        date=date,
        source=source,
        origin=f"fixture://{title}",
        format="text",
        quotes=[quote(body, f'"{said},"', speaker, mention=speaker)],
        speakers=[Speaker(speaker, quotes=1)],
    )


def sample_articles(quote: QuoteMaker) -> list[Article]:
    return [
        bridge_article(quote),
        markup_article(),
        simple_article(
            quote,
            "Rail strike talks resume",
            "2024-08-14",
            "Metro Daily",
            "Ines Okafor",
            "We are ready to talk",
        ),
        simple_article(
            quote,
            "Flood defence funding approved",
            "2025-01-22",
            "Coastal Times",
            "Tomas Berg",
            "The walls go up this year",
        ),
        simple_article(
            quote,
            "Hospital waiting lists grow",
            "2024-11-08",
            "Metro Daily",
            "Ruth Mensah",
            "Nobody should wait a year",
        ),
        simple_article(
            quote,
            "Trade talks stall in Geneva",
            "2024-05-30",
            "Wire Service",
            "Paul Ferrand",
            "There is no deal yet",
        ),
    ]


@pytest.fixture
def corpus_path(tmp_path: Path, make_quote: QuoteMaker, write_corpus: CorpusWriter) -> Path:
    return write_corpus(tmp_path / "corpus.db", sample_articles(make_quote))


MANY = 260  # more than one page of search results (the reader asks for 200)


@pytest.fixture
def many_corpus_path(tmp_path: Path, make_quote: QuoteMaker, write_corpus: CorpusWriter) -> Path:
    articles = [
        simple_article(
            make_quote,
            f"Council report number {n}",
            f"2024-01-{1 + n % 28:02d}",
            "Metro Daily",
            "Ines Okafor",
            f"Item {n} is on the agenda",
        )
        for n in range(MANY)
    ]
    return write_corpus(tmp_path / "many.db", articles)


@pytest.fixture
def empty_corpus_path(tmp_path: Path, write_corpus: CorpusWriter) -> Path:
    return write_corpus(tmp_path / "empty.db", [])


@pytest.fixture
def ui(pilot_waits: SimpleNamespace) -> SimpleNamespace:
    """The waiting helpers (tests/conftest.py), as the tests here know them."""
    return pilot_waits
