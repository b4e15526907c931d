"""Shared text plumbing: paragraphs with offsets, tokens, sentence ends.

Every later stage works on tokens that carry their offsets into the body, so
that quotes and mentions can always be sliced back out of it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter
from typing import NamedTuple

from .lexicon import word_set

PARAGRAPH_BREAK = "\n\n"

# A dotted acronym (U.S., D.C.), a party and a dotted state ("R-N.Y."), a word
# (letters and digits, joined inside by apostrophes, hyphens or underscores), or
# one non-space symbol. Every alternative starts on a non-space: the lookahead
# lets the engine skip spaces without trying each alternative there.
READABLE_TOKEN = (
    r"(?=\S)(?:\d[\d,.]*\d%?|(?:[^\W\d_]\.){2,}|[DRI]-(?:[A-Z]\.){2}"
    r"|[^\W_](?:[\w'’\-]*[^\W_])?|[^\w\s])"
)
# The same tokens, found a fifth faster: most tokens are plain words, so a word
# that starts with a letter and is not followed by a period (which could make it
# an acronym or a party tag) is tried first, without backtracking.
# tests/extract/test_text.py checks that both patterns cut text alike.
_TOKEN = re.compile(
    r"(?=\S)(?:(?>[^\W\d_][^\W_]*+(?:[_'’\-]++[^\W_]++)*+)(?![.])"
    r"|\d[\d,.]*\d%?|(?:[^\W\d_]\.){2,}|[DRI]-(?:[A-Z]\.){2}"
    r"|[^\W_]++(?:[_'’\-]++[^\W_]++)*+|[^\w\s])"
)
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][a-z]{1,5}$")
ABBREVIATIONS = word_set("abbreviations")
WEEKDAYS = word_set("weekdays")


class Token(NamedTuple):
    """A word or symbol with its offsets; a tuple, since articles hold thousands of them."""

    text: str
    start: int
    end: int
    lower: str  # computed once: every stage compares lower-case forms

    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    def is_word(self) -> bool:
        return self.text[:1].isalnum()


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


def paragraphs(body: str) -> list[Paragraph]:
    """Paragraph extents, split on the blank lines the body convention uses."""
    found: list[Paragraph] = []
    position = 0
    while position <= len(body):
        cut = body.find(PARAGRAPH_BREAK, position)
        end = len(body) if cut < 0 else cut
        if body[position:end].strip():
            found.append(Paragraph(position, end))
        if cut < 0:
            break
        position = cut + len(PARAGRAPH_BREAK)
    return found


def tokenise(body: str, start: int, end: int) -> list[Token]:
    """Tokens of body[start:end]; abbreviations keep their period ("Sen.", "D-Ore.")."""
    tokens: list[Token] = []
    if start >= end:
        return tokens  # between two adjacent quotes: common in quote-dense copy
    append = tokens.append
    new = tuple.__new__  # skips NamedTuple's Python-level constructor: tokens are many
    taken_until = start
    for match in _TOKEN.finditer(body, start, end):
        token_start, token_end = match.span()
        if token_start < taken_until:
            continue  # the period an abbreviation already took
        text = match.group()
        if token_end < end and body[token_end] == "." and _takes_period(text, body, token_end + 1):
            text += "."
            token_end += 1
        taken_until = token_end
        append(new(Token, (text, token_start, token_end, text.lower())))
    return tokens


# Per-token scans (which tokens are capitalised, cue words, sentence ends) run
# over every token of an article; these getters let map() do them in C.
TOKEN_TEXT: Callable[[Token], str] = itemgetter(Token._fields.index("text"))
TOKEN_LOWER: Callable[[Token], str] = itemgetter(Token._fields.index("lower"))
FIRST_CHAR: Callable[[str], str] = itemgetter(slice(0, 1))


def indices_where(flags: Iterable[object]) -> list[int]:
    """Indices of the true flags: [i for i, f in enumerate(flags) if f], without a Python loop."""
    return list(compress(count(), flags))


def capitalised_flags(tokens: list[Token]) -> Iterable[bool]:
    """Per token, whether its first character is upper-case (Token.is_capitalised)."""
    return map(str.isupper, map(FIRST_CHAR, map(TOKEN_TEXT, tokens)))


def _takes_period(word: str, body: str, after: int) -> bool:
    lower = word.lower()
    if lower in ABBREVIATIONS:
        if lower == "no":  # "No. 2", not "he would vote no."
            return body[after : after + 2].strip()[:1].isdigit()
        # Titles and states are written capitalised ("Sen.", "Mass."); lower case, the
        # same letters end a sentence ("he was ill.", "the cost of the mass.").
        return word[:1].isupper() or lower in LOWERCASE_ABBREVIATIONS
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    return bool(_PARTY_STATE.match(word))


LOWERCASE_ABBREVIATIONS = frozenset({"etc", "vs", "approx", "est"})


def is_sentence_end(tokens: list[Token], index: int) -> bool:
    """Does tokens[index] end a sentence? ("." "?" "!", not an abbreviation)."""
    text = tokens[index].text
    if text not in {".", "?", "!"}:
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None:
        return True
    if following.start == tokens[index].end and following.text[:1].isalnum():
        return False  # "Rs5.4 trillion", "example.com": a period inside a word
    return not following.text[:1].islower()
