"""The tokeniser: words, acronyms, party tags and abbreviations with their periods."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from quoth.corpus.extract.text import (
    _TOKEN,
    READABLE_TOKEN,
    Token,
    _pattern_tokens,
    is_sentence_end,
    tokenise,
)

READABLE = re.compile(READABLE_TOKEN)

# Characters the token pattern treats differently: letters (capital, lower-case,
# non-ASCII), digits, the joiners inside words, periods, commas, percent signs,
# the party letters, spaces and other symbols.
ALPHABET = "aZdéßDRI-N.Y012_'’-.,%  \n“”\"—()$"


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_the_fast_pattern_cuts_text_as_the_readable_one_does(text: str) -> None:
    assert spans(_TOKEN, text) == spans(READABLE, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_the_patterns_agree_on_any_text(text: str) -> None:
    assert spans(_TOKEN, text) == spans(READABLE, text)


def pattern_only(text: str) -> list[Token]:
    """Tokens as the pattern alone cuts them, without tokenise's shortcuts for plain words."""
    tokens: list[Token] = []
    _pattern_tokens(text, 0, len(text), tokens.append)
    return tokens


# Pieces that meet every shortcut: plain words, abbreviations and initials that take
# their period, marks before and after words, and what only the pattern reads.
PIECES = ["Sen", "sen", "No", "no", "2", "W", "U.S", "Mass", "vote", "don't", "é", "D-Ore", "3.5"]
SEPARATORS = [" ", "  ", ".", ". ", ",", "“", "”", '"', "'", "’", "(", ")", "\n", "—", ":", "!"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES + SEPARATORS), max_size=25))
def test_the_shortcuts_cut_as_the_pattern_does(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert tokenise(text, 0, len(text)) == pattern_only(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_the_shortcuts_agree_with_the_pattern_on_any_mix(text: str) -> None:
    assert tokenise(text, 0, len(text)) == pattern_only(text)


def texts(text: str) -> list[str]:
    return [token.text for token in tokenise(text, 0, len(text))]


def test_words_acronyms_and_party_tags() -> None:
    expected = "Sen. Ann Lee , D-N.Y. , said the U.S. can't wait ."
    assert texts("Sen. Ann Lee, D-N.Y., said the U.S. can't wait.") == expected.split()


def test_numbers_initials_and_sentence_ends() -> None:
    expected = "George W. Bush won 52.3% in 2004 . No. 2 was ill ."
    assert texts("George W. Bush won 52.3% in 2004. No. 2 was ill.") == expected.split()


def test_offsets_slice_the_body_back() -> None:
    body = "  “It’s over,” said Rep. Kim (R-Texas), 61.  "
    for token in tokenise(body, 0, len(body)):
        assert body[token.start : token.end] == token.text
        assert token.lower == token.text.lower()


def test_a_period_inside_a_word_ends_no_sentence() -> None:
    text = "It cost Rs5.4 trillion. Then it rose."
    tokens = tokenise(text, 0, len(text))
    ends = [token.text for i, token in enumerate(tokens) if is_sentence_end(tokens, i)]
    assert ends == [".", "."]
    assert [t.text for t in tokens].count(".") == 3
