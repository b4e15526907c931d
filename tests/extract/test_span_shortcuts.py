"""The shortcuts spans.py takes around its regexes must find what the regexes find."""

from __future__ import annotations

import random

from quoth.corpus.extract.spans import _AFTER_A_WORD, _WORD

ALPHABET = "aZé ß,.;:!?'’-_1“”\"…()"


def test_a_lone_word_before_trailing_punctuation_is_what_the_word_regex_finds() -> None:
    rng = random.Random(8)
    checked = 0
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8)))
        word = text.rstrip(_AFTER_A_WORD)
        if word.isalpha():  # is_title_or_scare then takes [word] without the regex
            assert _WORD.findall(text) == [word], text
            checked += 1
    assert checked > 200
