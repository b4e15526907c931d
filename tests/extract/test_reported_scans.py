"""The shortcut scans of reported.py and mentions.py find what a plain scan finds.

They skip words that cannot matter (most of a clause, most of a phrase); these
tests compare them with the one-token-at-a-time reading on seeded random text
made of the words they look for and words they pass over.
"""

from __future__ import annotations

import random

from quoth.corpus.extract.mentions import _iter_segments, _segments
from quoth.corpus.extract.reported import (
    _TAIL_STOP_MARKS,
    _first_comma,
    _tail_stop_candidates,
)
from quoth.corpus.extract.text import Token, tokenise

WORDS = [",", "as", "and", "but", "—", "–", "-", "the", "said", "Senate", "bill", ".", "that"]


def random_tokens(rng: random.Random, length: int) -> list[Token]:
    text = " ".join(rng.choice(WORDS) for _ in range(length))
    return tokenise(text, 0, len(text))


def ranges(rng: random.Random, count: int):
    for _ in range(count):
        tokens = random_tokens(rng, rng.randint(1, 30))
        first = rng.randrange(len(tokens))
        last = rng.randint(first - 1, len(tokens) - 1)  # an empty range now and then
        yield tokens, first, last


def test_tail_stop_candidates_are_every_place_a_clause_may_stop():
    rng = random.Random(3)
    for tokens, first, last in ranges(rng, 2000):
        expected = [
            index
            for index in range(first + 1, last + 1)
            if tokens[index - 1].text == "," or tokens[index].lower in _TAIL_STOP_MARKS - {","}
        ]
        assert list(_tail_stop_candidates(tokens, first, last)) == expected


def test_first_comma_is_the_leftmost_in_range():
    rng = random.Random(5)
    for tokens, first, last in ranges(rng, 2000):
        commas = [i for i in range(first, last + 1) if tokens[i].text == ","]
        assert _first_comma(tokens, first, last) == (commas[0] if commas else None)


def test_segments_split_at_every_comma():
    rng = random.Random(7)
    for tokens, first, last in ranges(rng, 2000):
        if last < first:
            continue
        assert _segments(tokens, first, last) == list(_iter_segments(tokens, first, last))
