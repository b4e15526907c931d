"""ParagraphView.capitals and .triggered, noted while tokenising, must be exactly the
tokens a scan of every token finds capitalised (Token.is_capitalised; names read them)
and, outside quotes, in Lexicon.noted_words (find_cues reads them), in order."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from quoth.corpus.extract.cues import find_cues
from quoth.corpus.extract.lexicon import load as load_lexicon
from quoth.corpus.extract.marks import find_marks
from quoth.corpus.extract.spans import pair_marks
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.extract.views import build_views

TESTS = Path(__file__).resolve().parents[1]

# Every path of the tokeniser: plain words, words with a mark before or after,
# abbreviations, initials, party tags, numbers, acronyms, symbols, non-ASCII
# capitals and title-case letters, and quotes that open and close or run across.
PIECES = [
    "The", "senator", "said", "Sen.", "Jane", "Q.", "Doe", "Mass.", "U.S.", "No.", "2",
    "Rs5.4", "example.com", "it", "was", "over", ".", "?", "!", "...", ",", "—", "&",
    "“We", "we”", "(Ann", "Ann)", "D-Ore.", "R-N.Y.", "McDonald", "iPhone", "'Tis",
    "«Le", "Élan", "ßtraße", "ǅemal", "Ωmega", "3.5%", "2,000", "closed-door",
    "Governor's", "O’Neil,", "x_Y", "_Z", "A", "a.", "Zoom", "in:", "“", "”", '"',
    "‘Yes’", "“Maya", "Castellano”", "\n\n", "\n\n", "“No", "(", ")", "[Ed", "AB-12",
    "said,", "Said", "“said", "told", "made", "clear.", "according", "to", "added:",
    "says”", "(said)", "asked?", "SAID", "warned", "pointed", "out", "re-said", "tells",
]  # fmt: skip


def assert_notes_match(body: str) -> int:
    paras = paragraphs(body)
    views = build_views(body, paras, pair_marks(body, find_marks(body), paras))
    triggers = load_lexicon().noted_words
    compared = 0
    for view in views:
        tokens, outside = view.tokens, view.outside
        expected = [i for i, token in enumerate(tokens) if token.is_capitalised()]
        assert view.capitals == expected, (body, tokens)
        expected = [i for i, token in enumerate(tokens) if outside[i] and token.lower in triggers]
        assert view.triggered == expected, (body, tokens)
        assert find_cues(tokens, outside, view.triggered) == find_cues(tokens, outside)
        compared += len(tokens)
    return compared


def test_notes_of_random_text_match_a_scan():
    rng = random.Random(17)
    compared = 0
    for _ in range(3000):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 60))]
        compared += assert_notes_match(rng.choice((" ", " ", "  ")).join(words))
    assert compared > 50_000


def test_notes_of_the_gold_articles_match_a_scan():
    compared = 0
    for path in sorted((TESTS / "gold").glob("**/*.txt")):
        compared += assert_notes_match(path.read_text(encoding="utf-8"))
    assert compared > 50_000


def test_notes_of_generated_articles_match_a_scan():
    sys.path.insert(0, str(TESTS / "bench"))
    try:
        from bench_extract import make_article, make_hostile_article
    finally:
        sys.path.remove(str(TESTS / "bench"))
    rng = random.Random(19)
    for _ in range(100):
        assert_notes_match(make_article(rng))
    assert_notes_match(make_hostile_article(200_000, 25_000))
