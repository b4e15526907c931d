"""Numbers and dotted acronyms taken whole by one fullmatch cut as the pattern cuts them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from quoth.corpus.extract.text import Token, _pattern_tokens, _whole, tokenise


def pattern_only(text: str) -> list[Token]:
    tokens: list[Token] = []
    _pattern_tokens(text, 0, len(text), tokens.append)
    return tokens


# Numbers with separators and percent signs, acronyms, and what comes near them.
PIECES = ["0", "60", "6", "U", "S", "e", "g", "Ph", "D", "é", "x"]
JOINS = [".", ",", "%", "-", "(", ")", ",", ".", " ", "$", "'", "’", "“", "”", ";"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES + JOINS), max_size=14))
def test_numbers_and_acronyms_cut_as_the_pattern_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert tokenise(text, 0, len(text)) == pattern_only(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES + [".", ",", "%"]), min_size=1, max_size=10))
def test_a_whole_chunk_is_one_token_of_the_pattern(pieces: list[str]) -> None:
    word = "".join(pieces)
    if _whole(word):
        assert [token.text for token in pattern_only(word)] == [word]


def test_examples() -> None:
    for word in ["0.6%", "60,000", "U.S.", "e.g.", "2.5"]:
        assert _whole(word)
        assert [token.text for token in tokenise(word, 0, len(word))] == [word]
    for word in ["64-34", "Ph.D.", "5%", "2023.", "U.S"]:
        assert not _whole(word)
