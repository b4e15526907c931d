"""subject_before keeps the subjects it read in the last paragraph: asked again, it gives
a mention equal to a fresh reading, of its own, unchanged by what a caller did to the
one it was given before."""

from __future__ import annotations

import random
from dataclasses import replace

from quoth.corpus.extract import mentions
from quoth.corpus.extract.mentions import subject_before
from quoth.corpus.extract.text import tokenise

_SENTENCES = [
    "Officials at the agency, speaking on condition of anonymity, said",
    "A senior official who asked not to be named said",
    "Rep. Grant Whitaker, R-Ind., who chairs the panel, said",
    "The spokesman, Ali Khan, told reporters",
    "Critics of the plan, including two former mayors, argued",
    "Economists at Halvorsen Bank wrote",
    "a nurse who said",
    "The ministry's spokeswoman added",
]


def _fresh(tokens, cue_first, floor, whole):  # noqa: ANN001, ANN202
    mentions._SUBJECTS_READ[0] = (None, {})
    return subject_before(tokens, cue_first, floor, whole)


def test_a_subject_asked_again_is_read_alike_and_is_its_own():
    for text in _SENTENCES:
        tokens = tokenise(text, 0, len(text))
        cue = len(tokens) - 1
        for floor in range(0, cue - 1):
            for whole in (False, True):
                first = _fresh(tokens, cue, floor, whole)  # read, and kept
                expected = replace(first) if first is not None else None
                again = subject_before(tokens, cue, floor, whole)
                assert again == expected, (text, floor, whole)
                if again is not None:
                    assert again is not first
                    assert again.appositives is not first.appositives
                    # Resolving may change whether the mention given is anonymous.
                    first.anonymous = not first.anonymous
                    assert subject_before(tokens, cue, floor, whole) == expected


def test_subjects_are_read_per_token_list():
    rng = random.Random(3)
    lists = [tokenise(text, 0, len(text)) for text in _SENTENCES]
    for _ in range(300):
        tokens = rng.choice(lists)
        cue = len(tokens) - 1
        floor = rng.randint(0, max(0, cue - 2))
        whole = rng.random() < 0.5
        got = subject_before(tokens, cue, floor, whole)
        assert got == _fresh(tokens, cue, floor, whole)


def test_a_long_paragraph_is_read_but_not_kept():
    filler = "word " * (mentions._SUBJECTS_KEPT_UP_TO + 10)
    text = filler + "Officials at the agency, speaking on condition of anonymity, said"
    tokens = tokenise(text, 0, len(text))
    cue = len(tokens) - 1
    floor = cue - 11
    mentions._SUBJECTS_READ[0] = (None, {})
    got = subject_before(tokens, cue, floor, False)
    assert got is not None and got.head == "group" and got.anonymous
    assert mentions._SUBJECTS_READ[0][0] is None  # its tokens are not held on to
    assert subject_before(tokens, cue, floor, False) == got
