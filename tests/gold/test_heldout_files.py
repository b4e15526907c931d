"""The held-out gold sets (tests/gold/heldout, heldout3, ..., heldout21) are well-formed
and in step with their sources.

The held-out articles were written without looking at the extractor, to measure it
on text it was never tuned on; these tests only check the files, never the extractor.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

GOLD_ROOT = Path(__file__).resolve().parent
# Each held-out set -> the fewest articles it must hold. heldout3 was written blind,
# after the earlier held-out set had been looked at while tuning; heldout4 was written
# blind after heldout3 had been looked at; heldout5 was written blind (batch 5) without
# reading the extractor or any earlier set's articles; heldout6 (batch 6) likewise, to be
# scored once, on the session's final extractor; heldout7 (batch 7) was written blind the
# same way, to be scored once on the session's final extractor; heldout8 (batch 8) was
# written blind in session 4; heldout9 (batch 9) and heldout10 (batch 10) in session 5,
# each scored blind once and then tuned on; heldout11 (batch 11) in session 6, scored
# blind once on the session's starting extractor; heldout12 (batch 12) in session 6 too,
# scored blind once on the session's final extractor, read in session 7; heldout13
# (batch 13) in session 7, scored blind once on that session's extractor at 13:20, then
# read; heldout14 and heldout15 (batches 14 and 15) in session 7, to be scored once on
# its final extractor; heldout16 (batch 16) in session 8, scored once, then read;
# heldout17 (batch 17) in session 9, scored once (1f25e4c); heldout18 (batch 18) in
# session 10, scored once (f0af281); heldout19 (batch 19) in session 11, scored once
# (acd1015); heldout20 (batch 20) in session 12, scored once (e1a0a16), then read;
# heldout21 (batch 21) later in session 12, scored once (a956fb0).
HELDOUT_SETS = {
    "heldout": 20,
    "heldout3": 15,
    "heldout4": 15,
    "heldout5": 18,
    "heldout6": 18,
    "heldout7": 15,
    "heldout8": 15,
    "heldout9": 18,
    "heldout10": 16,
    "heldout11": 15,
    "heldout12": 15,
    "heldout13": 15,
    "heldout14": 15,
    "heldout15": 15,
    "heldout16": 15,
    "heldout17": 15,
    "heldout18": 15,
    "heldout19": 15,
    "heldout20": 15,
    "heldout21": 15,
}


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


def articles_of(set_name: str) -> Path:
    return GOLD_ROOT / set_name / "articles"


def sources_of(set_name: str) -> list[Path]:
    return sorted((GOLD_ROOT / set_name / "authoring").glob("*.ann"))


def gold_paths_of(set_name: str) -> list[Path]:
    return sorted(articles_of(set_name).glob("*.gold.json"))


ALL_SOURCES = [(name, path) for name in HELDOUT_SETS for path in sources_of(name)]
ALL_GOLD_PATHS = [(name, path) for name in HELDOUT_SETS for path in gold_paths_of(name)]


def case_id(case: tuple[str, Path]) -> str:
    set_name, path = case
    return f"{set_name}/{path.name.split('.')[0]}"


@pytest.mark.parametrize("set_name", sorted(HELDOUT_SETS))
def test_there_are_enough_heldout_articles_each_with_a_source(set_name: str):
    gold_paths = gold_paths_of(set_name)
    assert len(gold_paths) >= HELDOUT_SETS[set_name]
    slugs = {slug_of(path) for path in gold_paths}
    articles = articles_of(set_name)
    assert {path.name[: -len(".txt")] for path in articles.glob("*.txt")} == slugs
    assert {path.stem for path in sources_of(set_name)} == slugs


def test_heldout_slugs_do_not_reuse_slugs_of_any_other_set():
    seen = {slug_of(path) for path in (GOLD_ROOT / "articles").glob("*.gold.json")}
    for set_name in HELDOUT_SETS:
        slugs = {slug_of(path) for path in gold_paths_of(set_name)}
        assert not seen & slugs, set_name
        seen |= slugs


@pytest.mark.parametrize("case", ALL_SOURCES, ids=case_id)
def test_built_files_match_their_source(case: tuple[str, Path], tmp_path: Path):
    set_name, source = case
    build.build(source, tmp_path)
    for suffix in (".txt", ".gold.json"):
        built = (tmp_path / f"{source.stem}{suffix}").read_text(encoding="utf-8")
        committed = (articles_of(set_name) / f"{source.stem}{suffix}").read_text(encoding="utf-8")
        assert built == committed, f"rebuild {source.name}: build.py --dir tests/gold/{set_name}"


@pytest.mark.parametrize("case", ALL_GOLD_PATHS, ids=case_id)
def test_heldout_gold_file_is_consistent_with_its_body(case: tuple[str, Path], gold_check):  # noqa: ANN001
    set_name, gold_path = case
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = articles_of(set_name) / f"{slug_of(gold_path)}.txt"
    body = score.read_body(text_path)
    assert text_path.read_text(encoding="utf-8").strip() == body
    # News-story lengths: a short wire story to a long investigation (about 1,200 words).
    assert 2000 <= len(body) <= 8000
    gold_check(gold, body, score.locate)


@pytest.mark.parametrize("set_name", sorted(HELDOUT_SETS))
def test_heldout_set_scores_perfectly_against_itself(
    set_name: str,
    gold_scores_perfectly,  # noqa: ANN001
):
    gold_scores_perfectly(score, articles_of(set_name), len(gold_paths_of(set_name)))
