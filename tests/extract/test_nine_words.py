"""attribution._title_or_scare spares asking spans.is_title_or_scare about a quote
of more than eight words: its _NINE_WORDS must match exactly where spans' _WORD
finds nine words or more, since is_title_or_scare says no to every such quote."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from quoth.corpus.extract import spans as spans_module
from quoth.corpus.extract.attribution import _NINE_WORDS, _title_or_scare
from quoth.corpus.extract.marks import mark_codes
from quoth.corpus.extract.spans import is_title_or_scare, pair_codes
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.model import paragraphs_to_body

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "bench"))
from bench_extract import make_article, make_hostile_article  # noqa: E402

# Words joined by what _WORD takes inside a word (' ’ - _) and what it does not.
PIECES = ["a", "b2", "É", "x_y", "_z", "it's", "o’neil", "-", "—", "'", "’", "_", "U.S.", "1,000"]
GAPS = [" ", "", ",", ".", "  ", "\n", "_", "-", "'", " — ", "…", "“", "(", "\u00a0"]


def _texts() -> list[str]:
    rng = random.Random(5)
    texts = []
    for _ in range(4000):
        count = rng.randint(1, 14)
        texts.append("".join(rng.choice(PIECES) + rng.choice(GAPS) for _ in range(count)))
    return texts


def _findall_nine(text: str) -> bool:
    return len(spans_module._WORD.findall(text)) > 8


def test_nine_words_reads_words_as_spans_does() -> None:
    assert "[^\\W_][\\w'’\\-]*" in _NINE_WORDS.pattern
    assert spans_module._WORD.pattern == "[^\\W_][\\w'’\\-]*"


def test_nine_words_matches_where_word_finds_nine() -> None:
    for text in _texts():
        padded = "«" + text + "»"
        assert (_NINE_WORDS.match(padded, 1, len(padded) - 1) is not None) == _findall_nine(text), (
            text
        )


def test_title_or_scare_agrees_on_every_quote() -> None:
    split = re.compile(r"\n\s*\n")
    bodies = [
        paragraphs_to_body(split.split(path.read_text(encoding="utf-8")))
        for path in sorted((TESTS / "gold").glob("**/articles/*.txt"))
    ]
    rng = random.Random(3)
    bodies += [make_article(rng) for _ in range(40)] + [make_hostile_article(60_000, 8_000)]
    told = 0
    for body in bodies:
        paras = paragraphs(body)
        for span in pair_codes(body, mark_codes(body), paras):
            start = paras[span.paragraph].start
            assert _title_or_scare(body, span, start) == is_title_or_scare(body, span, start)
            told += _NINE_WORDS.match(body, span.start, span.end) is not None
    assert told > 1000  # the quotes told without asking is_title_or_scare
