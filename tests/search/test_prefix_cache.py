"""The prefix cache: typing a query keystroke by keystroke must give exactly
what a cold engine gives for each intermediate query."""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from quoth.corpus import search as search_module
from quoth.corpus.search import SearchEngine, SearchResults
from quoth.corpus.store import Corpus

GENERATOR = Path(__file__).parents[1] / "bench" / "generate_corpus.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_corpus", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    path = _generator().ensure_corpus(
        tmp_path_factory.mktemp("cache") / "corpus.db", 600, quiet=True
    )
    with Corpus(path) as opened:
        yield opened


def _typed(query: str) -> list[str]:
    """Every intermediate state of the search bar while typing `query`."""
    return [query[:end] for end in range(1, len(query) + 1)]


def _queries(corpus: Corpus) -> list[str]:
    rng = random.Random(7)
    rows = corpus.conn.execute("SELECT title, source FROM articles ORDER BY id").fetchall()
    speakers = [row[0] for row in corpus.conn.execute("SELECT name FROM speakers ORDER BY id")]
    queries = []
    for title, source in rng.sample(rows, 6):
        words = [w for w in title.lower().split() if len(w) > 3]
        first, second = (words + ["border", "talks"])[:2]
        typo = first[:2] + first[3:] if len(first) > 5 else first
        queries += [
            f"{first} {second}",
            f"{typo} source:{source.split()[-1].lower()}",
            f'{second} speaker:"{rng.choice(speakers)}" -the',
            f'"{first} {second}" date:2020 kind:direct',
        ]
    return queries


def _same(warm: SearchResults, cold: SearchResults) -> bool:
    return warm.total == cold.total and warm.hits == cold.hits


def test_typing_with_the_cache_equals_cold_queries(corpus: Corpus) -> None:
    warm = SearchEngine(corpus)
    states = [state for query in _queries(corpus) for state in _typed(query)]
    for state in states:
        cold = SearchEngine(corpus).search(state)
        assert _same(warm.search(state), cold), state
    assert warm._cache_uses > 0  # the cache really answered some of them


def test_deleting_and_changing_words_never_reuses_stale_results(corpus: Corpus) -> None:
    warm = SearchEngine(corpus)
    title = corpus.conn.execute("SELECT title FROM articles WHERE id = 5").fetchone()[0]
    word = title.split()[0].lower()
    sequence = [word, word + " x", word, word[:-1], word + " -" + word, "speaker:a", "x", ""]
    sequence += [f"{word} source:dawn", f"{word} source:reuters", f"{word} date:2020 date:2021"]
    for state in sequence:
        assert _same(warm.search(state), SearchEngine(corpus).search(state)), state


def test_read_state_is_never_cached(corpus: Corpus) -> None:
    warm = SearchEngine(corpus)
    before = warm.search("the is:unread", limit=5000)
    corpus.conn.execute("UPDATE articles SET is_read = 1 WHERE id = ?", (before.hits[0].id,))
    try:
        after = warm.search("the is:unread source:reuters", limit=5000)
        assert before.hits[0].id not in {hit.id for hit in after.hits}
    finally:
        corpus.conn.execute("UPDATE articles SET is_read = 0")


@pytest.mark.parametrize(
    ("join_limit", "few_rows", "newest"),
    [(10**9, 0, 2000), (0, 10**9, 2000), (50, 100, 2000), (0, 0, 1), (0, 10**9, 1)],
)
def test_every_evaluation_strategy_gives_the_same_answer(
    corpus: Corpus,
    monkeypatch: pytest.MonkeyPatch,
    join_limit: int,
    few_rows: int,
    newest: int,
) -> None:
    """Sorting by a join, by a ranking of the newest articles or by the full
    ranking, counting in the sorting pass or in a second one, lazily or after
    load(): one answer."""
    reference = SearchEngine(corpus)
    reference.load()
    queries = [q for query in _queries(corpus)[:8] for q in (query, query.split()[0])]
    queries += ["the", "said date:2020", "the after:2024", "the before:2016", '"of the"']
    expected = [reference.search(q, limit=limit) for q in queries for limit in (5, 200)]
    monkeypatch.setattr(search_module, "JOIN_LIMIT", join_limit)
    monkeypatch.setattr(search_module, "FEW_ROWS", few_rows)
    monkeypatch.setattr(search_module, "NEWEST_RANKED", newest)
    for query, limit, want in zip(
        [q for q in queries for _ in (5, 200)], [5, 200] * len(queries), expected, strict=True
    ):
        assert _same(SearchEngine(corpus).search(query, limit=limit), want), (query, limit)
