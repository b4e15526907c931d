"""The held-out gold set (tests/gold/heldout) is well-formed and in step with its sources.

The held-out articles were written without looking at the extractor, to measure it
on text it was never tuned on; these tests only check the files, never the extractor.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

GOLD_ROOT = Path(__file__).resolve().parent
HELDOUT = GOLD_ROOT / "heldout"
ARTICLES = HELDOUT / "articles"
SOURCES = sorted((HELDOUT / "authoring").glob("*.ann"))
GOLD_PATHS = sorted(ARTICLES.glob("*.gold.json"))
QUOTE_KINDS = {"direct", "partial", "reported"}
SPEAKER_KINDS = {"person", "organisation", "group"}
QUOTE_KEYS = {"kind", "text", "speaker", "mention", "cue", "anonymous"}


def load_script(path: Path, name: str) -> ModuleType:
    """score.py and build.py are scripts, not package modules: load them by path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up by name
    spec.loader.exec_module(module)
    return module


score = load_script(GOLD_ROOT / "score.py", "heldout_gold_score")
build = load_script(GOLD_ROOT / "authoring" / "build.py", "heldout_gold_build")


def slug_of(path: Path) -> str:
    return path.name[: -len(".gold.json")]


def test_there_are_enough_heldout_articles_each_with_a_source():
    assert len(GOLD_PATHS) >= 20
    slugs = {slug_of(path) for path in GOLD_PATHS}
    assert {path.name[: -len(".txt")] for path in ARTICLES.glob("*.txt")} == slugs
    assert {path.stem for path in SOURCES} == slugs


def test_heldout_slugs_do_not_reuse_dev_slugs():
    dev = {slug_of(path) for path in (GOLD_ROOT / "articles").glob("*.gold.json")}
    assert not dev & {slug_of(path) for path in GOLD_PATHS}


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_built_files_match_their_source(source: Path, tmp_path: Path):
    build.build(source, tmp_path)
    for suffix in (".txt", ".gold.json"):
        built = (tmp_path / f"{source.stem}{suffix}").read_text(encoding="utf-8")
        committed = (ARTICLES / f"{source.stem}{suffix}").read_text(encoding="utf-8")
        assert built == committed, f"rebuild {source.name}: build.py --dir tests/gold/heldout"


@pytest.mark.parametrize("gold_path", GOLD_PATHS, ids=slug_of)
def test_heldout_gold_file_is_consistent_with_its_body(gold_path: Path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = ARTICLES / f"{slug_of(gold_path)}.txt"
    body = score.read_body(text_path)
    assert text_path.read_text(encoding="utf-8").strip() == body
    assert 2000 <= len(body) <= 6000
    assert isinstance(gold.get("style"), str) and gold["style"]

    speakers = {speaker["name"]: speaker for speaker in gold["speakers"]}
    assert len(speakers) == len(gold["speakers"]), "speaker names must be unique"
    for speaker in gold["speakers"]:
        assert speaker["kind"] in SPEAKER_KINDS
        assert isinstance(speaker.get("anonymous", False), bool)

    assert gold["quotes"]
    spans = []
    for quote in gold["quotes"]:
        assert set(quote) >= QUOTE_KEYS, quote
        assert quote["kind"] in QUOTE_KINDS
        assert quote["speaker"] in speakers, quote["speaker"]
        assert quote["text"].strip() == quote["text"] and quote["text"]
        if body.count(quote["text"]) > 1:
            assert "occurrence" in quote, f"ambiguous text needs occurrence: {quote['text']}"
        if quote["mention"]:
            assert quote["mention"] in body
        start = score.locate(body, quote["text"], quote.get("occurrence", 1))
        assert start >= 0, quote["text"]
        spans.append((start, start + len(quote["text"])))
    assert len(set(spans)) == len(spans), "two gold quotes with the same span"


def test_heldout_set_scores_perfectly_against_itself():
    by_body = {body: gold for _, body, gold in score.load_gold_dir(ARTICLES)}

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

    summary = score.score_gold_set(ARTICLES, extractor=fake_extract)
    assert summary["articles"] == len(GOLD_PATHS)
    for kind in ("direct", "partial", "reported", "overall"):
        assert summary[kind]["recall"] == 1.0
        assert summary[kind]["precision"] == 1.0
        assert summary[kind]["speaker_accuracy"] == 1.0
