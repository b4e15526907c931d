"""The shared seed sample, read and extracted end to end: its "must" items are a
floor (skipped cleanly where ../shared/samples is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.parallel import with_quotes
from quoth.corpus.readers import read_path

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
SAMPLE = SAMPLES / "centcom-munir-2023-07-24.txt"
EXPECTED = SAMPLES / "centcom-munir-2023-07-24.expected.json"

pytestmark = pytest.mark.skipif(
    not (SAMPLE.is_file() and EXPECTED.is_file()), reason="../shared/samples is not present"
)


def _must_items() -> list[dict[str, str]]:
    if not EXPECTED.is_file():
        return []
    return json.loads(EXPECTED.read_text(encoding="utf-8"))["must"]


@pytest.fixture(scope="module")
def article() -> Article:
    [item] = list(read_path(SAMPLE))
    assert isinstance(item, Article)
    extracted, warning = with_quotes(item)
    assert warning is None
    return extracted


@pytest.mark.parametrize("must", _must_items(), ids=lambda m: m["text"][:30])
def test_must_quotes_are_found_with_their_speaker(article: Article, must: dict[str, str]) -> None:
    wanted = must["text"].rstrip(",. ")
    matches = [q for q in article.quotes if wanted in q.text or q.text.rstrip(",. ") in wanted]
    assert matches, f"missing: {must['text']}"
    quote = matches[0]
    assert quote.kind == must["kind"]
    assert quote.speaker == must["speaker"]
    assert article.body[quote.start : quote.end] == quote.text
