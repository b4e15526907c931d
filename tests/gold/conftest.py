"""What every gold file must hold, whichever set it belongs to (dev or held out)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

QUOTE_KINDS = {"direct", "partial", "reported"}
SPEAKER_KINDS = {"person", "organisation", "group"}
QUOTE_KEYS = {"kind", "text", "speaker", "mention", "cue", "anonymous"}

GoldCheck = Callable[[dict[str, Any], str, Callable[[str, str, int], int]], None]


def check_gold(gold: dict[str, Any], body: str, locate: Callable[[str, str, int], int]) -> None:
    """The gold's speakers and quotes are well formed and every quote sits in `body`
    (`locate` is score.locate: where the text's nth occurrence starts)."""
    assert isinstance(gold.get("style"), str) and gold["style"]

    speakers = {speaker["name"]: speaker for speaker in gold["speakers"]}
    assert len(speakers) == len(gold["speakers"]), "speaker names must be unique"
    for speaker in gold["speakers"]:
        assert speaker["kind"] in SPEAKER_KINDS
        assert isinstance(speaker.get("titles", []), list)
        assert isinstance(speaker.get("aliases", []), list)
        assert isinstance(speaker.get("anonymous", False), bool)

    assert gold["quotes"], "every article has at least one attributed quote"
    spans = []
    for quote in gold["quotes"]:
        assert set(quote) >= QUOTE_KEYS, quote
        assert quote["kind"] in QUOTE_KINDS
        assert quote["speaker"] in speakers, quote["speaker"]
        assert quote["text"].strip() == quote["text"] and quote["text"]
        occurrence = quote.get("occurrence", 1)
        assert body.count(quote["text"]) >= occurrence, quote["text"]
        if body.count(quote["text"]) > 1:
            assert "occurrence" in quote, f"ambiguous text needs occurrence: {quote['text']}"
        if quote["mention"]:
            assert quote["mention"] in body
        start = locate(body, quote["text"], occurrence)
        assert start >= 0, quote["text"]
        spans.append((start, start + len(quote["text"])))
    assert len(set(spans)) == len(spans), "two gold quotes with the same span"


@pytest.fixture
def gold_check() -> GoldCheck:
    return check_gold


def check_scores_perfectly(score: ModuleType, articles: Path, count: int) -> None:
    """Feeding a set's gold back as the extraction scores 100% everywhere (`score` is
    tests/gold/score.py, loaded by the caller)."""
    by_body = {body: gold for _, body, gold in score.load_gold_dir(articles)}

    def fake_extract(body: str) -> SimpleNamespace:
        quotes = [
            SimpleNamespace(
                kind=item.kind,
                text=item.text,
                start=item.start,
                end=item.end,
                speaker=item.speaker,
                anonymous=item.anonymous,
            )
            for item in score.gold_quotes(body, by_body[body])
        ]
        return SimpleNamespace(quotes=quotes, speakers=[])

    summary = score.score_gold_set(articles, extractor=fake_extract)
    assert summary["articles"] == count
    for kind in ("direct", "partial", "reported", "overall"):
        assert summary[kind]["recall"] == 1.0
        assert summary[kind]["precision"] == 1.0
        assert summary[kind]["speaker_accuracy"] == 1.0


@pytest.fixture
def gold_scores_perfectly() -> Callable[[ModuleType, Path, int], None]:
    return check_scores_perfectly
