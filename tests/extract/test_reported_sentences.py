"""ParagraphView.sentence_around finds a word's sentence on its own in a paragraph
without quotes; it must give the bounds the full sentence bounds give, for every word."""

from __future__ import annotations

import random
from pathlib import Path

from quoth.corpus.extract.marks import find_marks
from quoth.corpus.extract.spans import pair_marks
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.extract.views import ParagraphView, build_views

GOLD = Path(__file__).resolve().parents[1] / "gold"

# Sentence ends and the look-alikes views must tell from them: abbreviations,
# initials, decimals, domains, a lower-case word after a period, ?! and ellipses.
PIECES = [
    "The", "senator", "said", "Sen.", "Jane", "Q.", "Doe", "Mass.", "U.S.", "No.", "2",
    "Rs5.4", "example.com", "it", "was", "over", ".", ".", "?", "!", "...", ",", "—",
    "he", "she", "told", "reporters", "On", "Monday", "etc.", "vs.", "3.5%", "Zoom", "in", ":",
]  # fmt: skip


def views_of(body: str) -> list[ParagraphView]:
    paras = paragraphs(body)
    return build_views(body, paras, pair_marks(body, find_marks(body), paras))


def assert_views_agree(body: str) -> int:
    """Compare every word of every paragraph; return how many quote-free words were.

    sentence_around is asked of views whose full bounds were never built (asking for
    them first would let it read them instead of finding the sentence on its own)."""
    compared = 0
    for view, full in zip(views_of(body), views_of(body), strict=True):
        for index in range(len(view.tokens)):
            expected = (full.sentence_start[index], full.sentence_last[index])
            assert view.sentence_around(index) == expected, (body, index)
            compared += not view.slots
        if not view.slots:
            assert view._bounds is None  # the local reading was the one compared
    return compared


def test_sentences_of_random_text_match_the_views():
    rng = random.Random(11)
    compared = 0
    for _ in range(1500):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 40))]
        compared += assert_views_agree(" ".join(words))
    assert compared > 10_000


def test_long_sentences_match_the_views():
    # Long sentences with few full stops: the nearest stops may lie far either way.
    rng = random.Random(13)
    words_only = [piece for piece in PIECES if piece not in {".", "?", "!", "..."}]
    for _ in range(300):
        words = [
            rng.choice(PIECES) if rng.random() < 0.02 else rng.choice(words_only)
            for _ in range(rng.randint(40, 160))
        ]
        assert_views_agree(" ".join(words))


def test_sentences_of_the_gold_articles_match_the_views():
    compared = 0
    for path in sorted(GOLD.glob("*/*.txt")):
        compared += assert_views_agree(path.read_text(encoding="utf-8"))
    assert compared > 5_000  # quote-free words: there are some 7,000
