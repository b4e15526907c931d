"""cues._match_tail finds the same tail as the generic _match_phrase."""

from __future__ import annotations

import itertools

from quoth.corpus.extract.cues import _match_phrase, _match_tail
from quoth.corpus.extract.lexicon import load
from quoth.corpus.extract.text import new_token


def _tokens(words: list[str]) -> list:
    tokens = []
    start = 0
    for word in words:
        tokens.append(new_token(word, start, start + len(word), word.lower()))
        start += len(word) + 1
    return tokens


def test_match_tail_agrees_with_match_phrase() -> None:
    tails = load().cue_tails
    phrases = [phrase for group in tails.values() for phrase in group]
    words = sorted({word for phrase in phrases for word in phrase}) + ["Statement", "."]
    cases = [list(phrase) for phrase in phrases]
    cases += [list(phrase[:cut]) for phrase in phrases for cut in range(1, len(phrase))]
    cases += [list(phrase) + [extra] for phrase in phrases for extra in ("on", "x", ".")]
    cases += [list(pair) for pair in itertools.product(words, repeat=2)]
    for case in cases:
        for offset in (0, 1):
            tokens = _tokens(["said"] * offset + case)
            assert _match_tail(tokens, offset) == _match_phrase(tokens, offset, tails), case
