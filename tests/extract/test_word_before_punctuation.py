"""_word_before's shortcut for a word and the punctuation after it ("said." "Yes,")
reads the word _last_word reads, over text dense with punctuation and spaces."""

from __future__ import annotations

import random

from quoth.corpus.extract.spans import _last_word, _word_before

_PUNCTUATED = "ab Zé9²_-'’ \t\n.,;:!?—“”\"…"


def test_a_word_before_its_punctuation_is_the_last_word_of_its_window() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(_PUNCTUATED) for _ in range(rng.randint(0, 50)))
        stop = rng.randint(0, len(text))
        first = max(0, stop - rng.randint(0, 40))
        assert _word_before(text, first, stop) == _last_word(text[first:stop]), (text, first)


def test_common_forms() -> None:
    for before, word in [
        ('"Yes," he said. ', "said"),
        ("she added, ", "added"),
        ("Why? ", "Why"),
        ("No!! ", "No"),
        ("the U.S. ", "S"),
        ("so-called ", "so-called"),
    ]:
        assert _word_before(before, 0, len(before)) == word == _last_word(before)
