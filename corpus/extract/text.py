"""Shared text plumbing: paragraphs with offsets, tokens, sentence ends.

Every later stage works on tokens that carry their offsets into the body, so
that quotes and mentions can always be sliced back out of it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import compress, count
from operator import attrgetter

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
# A number or a dotted acronym: where one fills a chunk, _TOKEN takes it whole ("0.6%",
# "60,000", "U.S."), since no alternative before these two matches a digit or a
# letter followed by a period; matched here, they need no search of the chunk.
_WHOLE = re.compile(r"\d[\d,.]*\d%?|(?:[^\W\d_]\.){2,}")
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][a-z]{1,5}$")
ABBREVIATIONS = word_set("abbreviations")
WEEKDAYS = word_set("weekdays")


class SlotRecord:
    """Equality, hashing and a repr read off __slots__, for the small slots classes the
    stages make by the thousand and read far more often than they compare."""

    __slots__ = ()

    def _fields_tuple(self) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in self.__slots__])

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields_tuple() == other._fields_tuple()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._fields_tuple())

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._fields_tuple()!r}"


class Token(SlotRecord):
    """A word or symbol with its offsets.

    A class with slots rather than a tuple: every stage reads these fields
    thousands of times per article, and Python 3.11 reads a slot at a quarter of
    the cost of a named-tuple field. Made with new_token(text, start, end, lower),
    or, on the hottest paths, as Token() with its four slots filled in place: with
    no __init__ of its own, Token() costs a quarter less than object.__new__(Token)
    and half what a call of an __init__ costs.
    """

    __slots__ = ("text", "start", "end", "lower")

    text: str
    start: int
    end: int
    lower: str  # computed once: every stage compares lower-case forms

    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def new_token(text: str, start: int, end: int, lower: str) -> Token:
    """The token body[start:end] (`text`), lower-cased `lower`."""
    token = Token()
    token.text = text
    token.start = start
    token.end = end
    token.lower = lower
    return token


class Paragraph(SlotRecord):
    """A paragraph's extent in the body: body[start:end].

    A class with slots rather than a named tuple: every stage reads a paragraph's
    start, and Python 3.11 reads a slot at a quarter of a tuple field's cost.
    Made by paragraphs(), as Token() is made (see Token).
    """

    __slots__ = ("start", "end")

    start: int
    end: int

    def __repr__(self) -> str:
        return f"Paragraph(start={self.start}, end={self.end})"


def paragraphs(body: str) -> list[Paragraph]:
    """Paragraph extents, split on the blank lines the body convention uses."""
    found: list[Paragraph] = []
    position = 0
    for text in body.split(PARAGRAPH_BREAK):  # cut in C, as repeated finds would cut it
        end = position + len(text)
        if text and not text.isspace():
            paragraph = Paragraph()
            paragraph.start = position
            paragraph.end = end
            found.append(paragraph)
        position = end + len(PARAGRAPH_BREAK)
    return found


def tokenise(body: str, start: int, end: int) -> list[Token]:
    """Tokens of body[start:end]; abbreviations keep their period ("Sen.", "D-Ore.")."""
    tokens: list[Token] = []
    tokens_into(body, start, end, tokens, token_notes())
    return tokens


class TokenNotes:
    """Indices of tokens noted while they are made, so that later stages need no scan
    of every token: sentence enders (".", "?", "!"), capitalised tokens
    (Token.is_capitalised), and tokens whose lower-case form is in `triggers` (the
    words a cue may start with)."""

    __slots__ = ("enders", "capitals", "triggers", "triggered")

    enders: list[int]
    capitals: list[int]
    triggers: frozenset[str]
    triggered: list[int]


def token_notes(triggers: frozenset[str] = frozenset()) -> TokenNotes:
    """Empty notes, for the tokens whose lower-case form is in `triggers`. TokenNotes
    has no __init__, so that ParagraphView, one, is made as Token() is made."""
    notes = TokenNotes()
    notes.enders = []
    notes.capitals = []
    notes.triggers = triggers
    notes.triggered = []
    return notes


def tokens_into(body: str, start: int, end: int, tokens: list[Token], notes: TokenNotes) -> None:
    """Append the tokens of body[start:end] to `tokens`, as tokenise() gives them, and
    note their enders, capitals and cue triggers in `notes`.

    No token runs across a space, so the text is cut on spaces in C first: most
    chunks are a plain word, or a word with one mark before or after it, which
    are taken without the regex (a third of the cost); the rest are read with it.
    A plain word is never a sentence's end: the few that are are noted on the
    slower paths, so that sentence bounds need no scan of every token. Capitals
    and cue triggers are noted here too, for names and cues: a test per word here
    costs a third of a scan of every token afterwards.
    """
    if start >= end:
        return  # between two adjacent quotes: common in quote-dense copy
    capitals, triggers, triggered = notes.capitals, notes.triggers, notes.triggered
    offset = start
    for chunk in body[start:end].split(" "):
        if chunk.isalpha():  # letters only: the first alternative of _TOKEN, whole
            token = Token()  # new_token, inlined: the commonest token by far
            token.text = chunk
            token.start = offset
            offset += len(chunk)
            token.end = offset
            if chunk.islower():  # most words: lower-casing would copy them unchanged
                token.lower = chunk
                if chunk in triggers:
                    triggered.append(len(tokens))
            else:
                token.lower = lower = chunk.lower()
                if chunk[0].isupper():
                    capitals.append(len(tokens))
                if lower in triggers:
                    triggered.append(len(tokens))
            tokens.append(token)
            offset += 1  # the space after it
            continue
        stop = offset + len(chunk)
        if chunk:  # empty between two spaces
            # The next commonest chunk, a word and the mark after it ("said," "vote."),
            # taken here too: a call of _chunk_tokens and two of new_token cost twice
            # what it takes. A period may belong to the word ("Sen." "W."): those go
            # to _chunk_tokens, which asks _takes_period.
            mark = chunk[-1]
            word = chunk[:-1]
            if mark in _MARKS_ENDING_A_WORD and word.isalpha():
                lower = word if word.islower() else word.lower()
                if mark == "." and (len(word) == 1 or lower in ABBREVIATIONS):
                    _chunk_tokens(body, chunk, offset, stop, tokens, notes)
                    offset = stop + 1
                    continue
                index = len(tokens)
                if word[0].isupper():
                    capitals.append(index)
                if lower in triggers:
                    triggered.append(index)
                mark_at = stop - 1  # one int for the word's end and the mark's start
                token = Token()
                token.text = word
                token.start = offset
                token.end = mark_at
                token.lower = lower
                tokens.append(token)
                if mark in SENTENCE_ENDERS:
                    notes.enders.append(index + 1)
                if mark in triggers:
                    triggered.append(index + 1)
                token = Token()
                token.text = mark
                token.start = mark_at
                token.end = stop
                token.lower = mark
                tokens.append(token)
            else:
                _chunk_tokens(body, chunk, offset, stop, tokens, notes)
        offset = stop + 1


# Marks that are a token of their own before or after a word: never part of a
# word (\w), nor of a number or an acronym.
_MARKS_AFTER_WORD = frozenset(",;:!?)]”\"'’»")
_MARKS_BEFORE_WORD = frozenset("([“‘\"'«")
SENTENCE_ENDERS = frozenset(".?!")  # the tokens that may end a sentence (is_sentence_end)
_MARKS_ENDING_A_WORD = _MARKS_AFTER_WORD | {"."}


def _chunk_tokens(
    body: str, chunk: str, start: int, end: int, tokens: list[Token], notes: TokenNotes
) -> None:
    """Tokens of body[start:end], a chunk with no space that is not all letters.

    A lone mark is never capitalised; a word is tested on its first character."""
    last = chunk[-1]
    if last in _MARKS_AFTER_WORD or last == ".":
        word = chunk[:-1]
        if not word:  # a lone mark
            if last in SENTENCE_ENDERS:
                notes.enders.append(len(tokens))
            if last in notes.triggers:
                notes.triggered.append(len(tokens))
            tokens.append(new_token(last, start, end, last))
            return
        if word.isalpha() or _one_token(word) or _whole(word):  # "said," "2023," "U.S.,"
            if word[0].isupper():
                notes.capitals.append(len(tokens))
            lower = word.lower()
            if last == "." and _takes_period(word, lower, body, end):
                _add(tokens, notes, chunk, start, end)
                return
            # The word and the mark, appended here: the commonest chunk after a plain word.
            triggers = notes.triggers
            if lower in triggers:
                notes.triggered.append(len(tokens))
            tokens.append(new_token(word, start, end - 1, lower))
            if last in SENTENCE_ENDERS:
                notes.enders.append(len(tokens))
            if last in triggers:
                notes.triggered.append(len(tokens))
            tokens.append(new_token(last, end - 1, end, last))
            return
    first = chunk[0]
    if first in _MARKS_BEFORE_WORD:
        word = chunk[1:]
        if word.isalpha() or _one_token(word):  # "“We" "(2023"
            if word[0].isupper():
                notes.capitals.append(len(tokens) + 1)
            if first in notes.triggers:
                notes.triggered.append(len(tokens))
            tokens.append(new_token(first, start, start + 1, first))
            _add(tokens, notes, word, start + 1, end)
            return
    if _one_token(chunk) or _lone_symbol(chunk) or _whole(chunk):  # "—" "0.6%" "U.S."
        if first.isupper():
            notes.capitals.append(len(tokens))
        _add(tokens, notes, chunk, start, end)
        return
    _noted_pattern_tokens(body, start, end, tokens, notes)


def _noted_pattern_tokens(
    body: str, start: int, end: int, tokens: list[Token], notes: TokenNotes
) -> None:
    """_pattern_tokens, with each token noted as it is made: "(ISPR)," "64-34" "0.6%".

    One loop rather than _pattern_tokens and a pass over its tokens: these chunks
    are one in thirty, but cost ten times a plain word each."""
    index = len(tokens)
    taken_until = start
    for match in _TOKEN.finditer(body, start, end):
        token_start, token_end = match.span()
        if token_start < taken_until:
            continue  # the period an abbreviation already took
        text = match[0]
        lower = text.lower()
        if (
            token_end < end
            and body[token_end] == "."
            and _takes_period(text, lower, body, token_end + 1)
        ):
            text += "."
            lower += "."
            token_end += 1
        taken_until = token_end
        if text in SENTENCE_ENDERS:
            notes.enders.append(index)
        elif text[0].isupper():
            notes.capitals.append(index)
        if lower in notes.triggers:
            notes.triggered.append(index)
        token = Token()  # new_token, inlined
        token.text = text
        token.start = token_start
        token.end = token_end
        token.lower = lower
        tokens.append(token)
        index += 1


def _add(tokens: list[Token], notes: TokenNotes, text: str, start: int, end: int) -> None:
    """Append the token body[start:end] (`text`), noting it if it may start a cue."""
    lower = text.lower()
    if lower in notes.triggers:
        notes.triggered.append(len(tokens))
    tokens.append(new_token(text, start, end, lower))


def _one_token(word: str) -> bool:
    """Is `word` (no space in it, not all letters) one token as _TOKEN cuts it, whole?

    Decimal digits, or letters joined by hyphens and apostrophes ("closed-door",
    "governor's"): the pattern takes each whole, and reading them here spares the
    regex, which costs ten times more. (Callers test for plain letters first.)
    """
    return word.isdecimal() or (
        word[:1].isalpha()
        and word[-1:].isalpha()
        and word.replace("-", "").replace("'", "").replace("’", "").isalpha()
    )


def _whole(word: str) -> bool:
    """Is `word` a number or a dotted acronym that _TOKEN takes whole ("0.6%" "U.S.")?
    Told by its first two characters for most words, before the pattern is tried."""
    return (word[:1].isdecimal() or word[1:2] == ".") and _WHOLE.fullmatch(word) is not None


def _lone_symbol(chunk: str) -> bool:
    """A single character that is a token by itself: "—", "&", "$" (not a space or "_")."""
    return len(chunk) == 1 and not chunk.isspace() and chunk != "_"


def _pattern_tokens(body: str, start: int, end: int, append: Callable[[Token], None]) -> None:
    """Tokens of body[start:end] as _TOKEN cuts them, each appended: the plain
    reference that tokenise's shortcuts and _noted_pattern_tokens (its noting twin,
    on the hot path) are tested against."""
    taken_until = start
    for match in _TOKEN.finditer(body, start, end):
        token_start, token_end = match.span()
        if token_start < taken_until:
            continue  # the period an abbreviation already took
        text = match[0]
        if (
            token_end < end
            and body[token_end] == "."
            and _takes_period(text, text.lower(), body, token_end + 1)
        ):
            text += "."
            token_end += 1
        taken_until = token_end
        append(new_token(text, token_start, token_end, text.lower()))


def is_manner_adverb(token: Token) -> bool:
    """ "privately", "repeatedly": a word in -ly that is no noun ("family", "rally")."""
    text = token.text
    return (
        len(text) > 4
        and text.endswith("ly")
        and text.islower()
        and text.isalpha()
        and text not in _LY_NOUNS
    )


_LY_NOUNS = word_set("ly_nouns")


# Per-token scans (which tokens are capitalised, cue words, sentence ends) run
# over every token of an article; these getters let map() do them in C.
TOKEN_TEXT: Callable[[Token], str] = attrgetter("text")
TOKEN_LOWER: Callable[[Token], str] = attrgetter("lower")


def indices_where(flags: Iterable[object]) -> list[int]:
    """Indices of the true flags: [i for i, f in enumerate(flags) if f], without a Python loop."""
    return list(compress(count(), flags))


def _takes_period(word: str, lower: str, body: str, after: int) -> bool:
    """Does the period at body[after - 1] belong to `word` (lower-cased: `lower`)?"""
    if lower in ABBREVIATIONS:
        if lower == "no":  # "No. 2", not "he would vote no."
            return body[after : after + 2].strip()[:1].isdigit()
        # Titles and states are written capitalised ("Sen.", "Mass."); lower case, the
        # same letters end a sentence ("he was ill.", "the cost of the mass.").
        return word[:1].isupper() or lower in LOWERCASE_ABBREVIATIONS
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    # A party and a state ("D-Ore."); most words, ending a sentence, have no hyphen there.
    return word[1:2] == "-" and _PARTY_STATE.match(word) is not None


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
