"""The gold set is well-formed, whatever the extractor does."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "articles"
GOLD_PATHS = sorted(GOLD_DIR.glob("*.gold.json"))


def load_score_module():
    """score.py is a script, not a package module: load it by path."""
    spec = importlib.util.spec_from_file_location("gold_score", GOLD_DIR.parent / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up by name
    spec.loader.exec_module(module)
    return module


score = load_score_module()


def slug_of(path: Path) -> str:
    return path.name[: -len(".gold.json")]


def test_there_are_enough_articles():
    assert len(GOLD_PATHS) >= 40
    assert {path.name[: -len(".txt")] for path in GOLD_DIR.glob("*.txt")} == {
        slug_of(path) for path in GOLD_PATHS
    }


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=slug_of)
def test_gold_file_is_consistent_with_its_body(gold_path: Path, gold_check):  # noqa: ANN001
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = GOLD_DIR / f"{slug_of(gold_path)}.txt"
    raw = text_path.read_text(encoding="utf-8")
    body = score.read_body(text_path)
    assert raw.strip() == body, "article file must already be in paragraphs_to_body form"
    assert 1500 <= len(body) <= 5000
    gold_check(gold, body, score.locate)


def test_overlap_is_intersection_over_union():
    assert score.overlap(0, 10, 0, 10) == 1.0
    assert score.overlap(0, 10, 5, 15) == pytest.approx(5 / 15)
    assert score.overlap(0, 10, 10, 20) == 0.0


def make_gold(start: int, end: int, speaker: str = "Matthew Miller") -> object:
    return score.GoldQuote(
        kind="direct",
        text="x" * (end - start),
        start=start,
        end=end,
        speaker=speaker,
        anonymous=False,
        speaker_names={score.normalise_name(speaker), "miller's office"},
    )


def test_matching_is_one_to_one_and_prefers_the_best_overlap():
    gold = [make_gold(0, 10), make_gold(20, 30)]
    found = [
        score.Found("direct", "", 1, 10, None, False),
        score.Found("direct", "", 0, 10, None, False),
        score.Found("direct", "", 21, 29, None, False),
        score.Found("direct", "", 50, 60, None, False),
    ]
    assert score.match(gold, found) == [(0, 1), (1, 2)]


def test_speaker_comparison_accepts_aliases_and_whole_word_suffixes():
    gold = make_gold(0, 10)
    assert score.speaker_matches(gold, "Miller")
    assert score.speaker_matches(gold, "the Miller's Office")
    assert score.speaker_matches(gold, "US spokesperson Matthew Miller")
    assert not score.speaker_matches(gold, "Iller")
    assert not score.speaker_matches(gold, None)


def test_scorer_runs_over_the_gold_set_with_a_perfect_fake_extractor(
    gold_scores_perfectly,  # noqa: ANN001
):
    """Feeding the gold back as the extraction must score 100% everywhere."""
    gold_scores_perfectly(score, GOLD_DIR, len(GOLD_PATHS))


def test_a_crashing_extractor_is_reported_not_raised():
    def broken(body: str) -> object:
        raise RuntimeError("boom")

    summary = score.score_gold_set(GOLD_DIR, extractor=broken)
    assert summary["overall"]["recall"] == 0.0
    assert len(summary["errors"]) == summary["articles"]


def test_seed_conversion_keeps_must_and_should():
    expected = {
        "must": [{"kind": "direct", "text": "a", "speaker": "X"}],
        "should": [{"kind": "reported", "text": "b", "speaker": "Y"}],
        "speakers": [{"name": "X", "kind": "person"}],
    }
    gold = score.seed_as_gold(expected)
    assert [q["text"] for q in gold["quotes"]] == ["a", "b"]
    assert all(q["anonymous"] is False for q in gold["quotes"])


def test_seed_sample_scores_when_present():
    if not score.SEED_DIR.is_dir():
        pytest.skip("shared seed sample not present")
    items = list(score.load_seed(score.SEED_DIR))
    for _, body, gold in items:
        assert score.gold_quotes(body, gold), "seed gold texts must be found in the body"
