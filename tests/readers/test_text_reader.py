"""Plain-text files: each common layout, end to end through read_path."""

from __future__ import annotations

import io
from pathlib import Path

from quoth.corpus.model import Article, paragraphs_to_body
from quoth.corpus.readers import RecordError, read_path, read_stream


def read_all(path: Path) -> list[Article | RecordError]:
    return list(read_path(path))


def read_bytes(data: bytes, name: str = "<stdin>") -> list[Article | RecordError]:
    return list(read_stream(io.BytesIO(data), name))


def only_article(items: list[Article | RecordError]) -> Article:
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def test_scraped_dump_layout(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "scraped-dump-caption.txt"))
    assert article.date == "2024-01-15"
    assert article.caption == (
        "Firefighters battle a blaze at a garment factory in Korangi, Karachi, on January 14, 2024."
    )
    assert article.credit == "AFP"
    assert article.dateline == "KARACHI"
    assert article.title.startswith("Firefighters brought a blaze at a garment factory")
    assert "date" not in article.title.lower().split()[0]
    assert article.body.startswith("KARACHI: Firefighters brought")
    assert "— AFP" not in article.body


def test_headline_byline_and_agency_dateline(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "headline-byline-agency.txt"))
    assert article.title == "Port workers walk out over pay offer"
    assert article.byline == "Maria Lopez and Tom Becker"
    assert article.source == "Reuters"
    assert article.dateline == "LONDON"
    assert article.body.startswith("LONDON (Reuters) - Thousands")
    assert len(article.paragraphs) == 3


def test_ap_dateline_with_published_and_updated_lines(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "ap-dateline-published.txt"))
    assert article.title == "Senate passes water bill after late-night session"
    assert article.byline == "JANE WHITFIELD"
    assert article.date in ("2024-03-05T10:30:00-05:00", "2024-03-05T10:30:00")
    assert article.source == "AP"
    assert article.dateline == "WASHINGTON"
    assert "“This is a good day" in article.body  # curly quotes kept


def test_qualified_agency_dateline(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "afp-karachi-qualified.txt"))
    assert article.dateline == "KARACHI, Pakistan"
    assert article.source == "AFP"
    assert article.title == "Monsoon rains flood city streets"


def test_hard_wrapped_text(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "hard-wrapped.txt"))
    assert article.byline == "Ellen Park"
    assert article.date == "2024-03-05"
    assert article.dateline == "NEW YORK"
    assert len(article.paragraphs) == 3
    assert "branches on Sundays" in article.paragraphs[0]


def test_one_line_paragraphs_without_blank_lines(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "one-line-paragraphs.txt"))
    assert article.title == "Council approves new cycle lanes"
    assert article.date == "2023-11-02"
    assert len(article.paragraphs) == 3


def test_no_header_title_from_lead(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "no-header-lead-only.txt"))
    assert article.title == "The central bank left interest rates unchanged on Thursday"
    assert article.date is None


def test_photo_caption_with_parenthesised_credit(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "photo-caption-paren.txt"))
    assert article.caption == "Volunteers clean up the beach after the storm"
    assert article.credit == "Harbour Gazette/Lee Chan"
    assert article.dateline == "BRIGHTON"
    assert article.title.startswith("Hundreds of volunteers")


def test_key_value_header(fixtures: Path) -> None:
    article = only_article(read_all(fixtures / "key-value-header.txt"))
    assert article.title == "Museum reopens after two-year restoration"
    assert article.byline == "Claire Dubois"
    assert article.source == "The Riverside Times"
    assert article.url == "https://example.org/news/museum-reopens"
    assert article.date == "2022-09-17"


def test_bodies_are_built_with_paragraphs_to_body(fixtures: Path) -> None:
    for path in sorted(fixtures.glob("*.txt")):
        article = only_article(read_all(path))
        assert article.body == paragraphs_to_body(article.paragraphs)
        assert article.title and article.format == "text"


def test_long_lead_gives_a_shortened_title(tmp_path: Path) -> None:
    lead = (
        "In a long meeting with the regional transport commissioner on Monday, the mayors of "
        "four coastal towns discussed the future of the ferry service and its funding."
    )
    path = tmp_path / "long.txt"
    path.write_text(lead + "\n", encoding="utf-8")
    article = only_article(read_all(path))
    assert article.title.endswith("…")
    assert len(article.title) <= 101
    assert lead.startswith(article.title[:-1])
    assert article.title.split()[-1].rstrip("…") not in ("the", "of", "and")
