"""The shared seed sample: metadata as a careful reader takes it (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import read_path

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
SAMPLE = SAMPLES / "centcom-munir-2023-07-24.txt"
EXPECTED = SAMPLES / "centcom-munir-2023-07-24.expected.json"

pytestmark = pytest.mark.skipif(
    not (SAMPLE.is_file() and EXPECTED.is_file()), reason="../shared/samples is not present"
)


@pytest.fixture(scope="module")
def article() -> Article:
    [item] = list(read_path(SAMPLE))
    assert isinstance(item, Article)
    return item


@pytest.fixture(scope="module")
def expected() -> dict[str, str]:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))["metadata"]


@pytest.mark.parametrize("field", ["date", "dateline", "caption", "credit"])
def test_metadata_matches_the_careful_reader(
    article: Article, expected: dict[str, str], field: str
) -> None:
    assert getattr(article, field) == expected[field]


def test_title_is_derived_from_the_lead_not_the_header(article: Article) -> None:
    assert article.title
    assert not article.title.lower().startswith("date")
    assert "2023-07-24" not in article.title
    lead = article.paragraphs[0].split(":", 1)[1].strip()
    assert lead.startswith(article.title.rstrip("…"))


def test_body_starts_at_the_dateline_paragraph(article: Article) -> None:
    assert article.body.startswith("RAWALPINDI: In a meeting with Chief of Army Staff")
    assert "— ISPR" not in article.body
    assert article.body.endswith("ramping up efforts against militants.")
