"""Stage 1: find quote marks and decide which way each one faces.

Double-type marks delimit quotes (" “ ” „ « »). Single quotes are mostly
apostrophes or quotes inside quotes, so they are left to the text, unless the
article is in the British house style that quotes with single marks
(‘We will,’ she said) and nests double ones: then single marks delimit quotes.
One pass over the body, no backtracking: cost is linear in its length.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"  # a straight mark with no telling context


class Mark(NamedTuple):
    """A tuple rather than a frozen dataclass: a hostile article holds 250,000 of them."""

    position: int
    char: str
    role: Role


_MARK = re.compile('["“”„«»]')
_OPENING_GLYPHS = frozenset("“„«")
_CLOSING_GLYPHS = frozenset("”»")
# Marks as later stages meet them around quote tokens, straight and single ones included.
OPENING_MARKS = frozenset('"“„«')
CLOSING_MARKS = frozenset('"”»’')
QUOTE_MARKS = frozenset("\"“”‘’'«»„")
# What may sit right before an opening mark / right after a closing one.
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;")
_AFTER_CLOSE = frozenset(" \t\n)]},.;:!?—–-/")


def find_marks(body: str) -> list[Mark]:
    """Every quote mark in `body` with the role its context gives it."""
    doubles = _double_marks(body)
    if not _quotes_with_single_marks(body, len(doubles)):
        return doubles
    singles = (classify_single(body, match.start()) for match in _SINGLE_MARK.finditer(body))
    return [mark for mark in singles if mark is not None]


_SINGLE_MARK = re.compile("['‘’]")
# A single mark opening a sentence-like quote, and one closing after its punctuation.
_SINGLE_BEFORE_CAPITAL = re.compile("[‘'][A-Z]")
_SINGLE_OPENS_AFTER = frozenset(" \t\n\r\f\v([—–:")
_SINGLE_CLOSER = re.compile(r"[,.?!][’']")


def _quotes_with_single_marks(body: str, double_marks: int) -> bool:
    """British house style: more single-quoted sentences than double marks."""
    if double_marks >= body.count("‘") + body.count("'"):
        return False  # the common case, decided by two counts in C
    openers = sum(1 for match in _SINGLE_BEFORE_CAPITAL.finditer(body) if _opens_text(body, match))
    if openers < 2 or double_marks >= openers:
        return False
    return _SINGLE_CLOSER.search(body) is not None


def _opens_text(body: str, match: re.Match[str]) -> bool:
    start = match.start()
    return start == 0 or body[start - 1] in _SINGLE_OPENS_AFTER


def classify_single(
    body: str, position: int, closes_before: frozenset[str] = frozenset()
) -> Mark | None:
    """A single mark's role, or None for an apostrophe ("don’t", "voters’ rights", "’90s").

    `closes_before` adds characters a closing mark may stand before: the outer
    closing marks, for a quote inside a quote ("…do it,'" Vance said).
    """
    char = body[position]
    before = body[position - 1] if position > 0 else "\n"
    after = body[position + 1] if position + 1 < len(body) else "\n"
    if before.isalnum() and after.isalnum():
        return None  # inside a word
    opens = (
        (before in _BEFORE_OPEN or before in '“"') and after not in " \t\n" and not after.isdigit()
    )
    closes = (after in _AFTER_CLOSE or after in closes_before) and before not in " \t\n"
    if closes and before in "sS" and after == " " and body[position + 2 : position + 3].islower():
        return None  # a plural possessive: "the voters’ rights"
    if char == "‘":
        return Mark(position, char, Role.OPEN) if opens else None
    if char == "’":
        return Mark(position, char, Role.CLOSE) if closes else None
    if opens != closes:
        return Mark(position, char, Role.OPEN if opens else Role.CLOSE)
    return None


def _double_marks(body: str) -> list[Mark]:
    """Every double-type mark with its role, in body order.

    A mark's role depends only on the mark and the two characters around it, so
    each distinct three-character context is classified once, and remembered
    across articles: copy repeats a handful of them (` "W`, `," `) everywhere.
    """
    positions = list(map(_START, _MARK.finditer(body)))  # read in C: a hostile body has 250k
    if not positions:
        return []
    # A mark on the body's edge has a neighbour missing: classified on its own (the
    # edge stands in for it), so that the loop below always has a full context.
    head = _classify(body, positions[0]) if positions[0] == 0 else None
    last = len(body) - 1
    tail = _classify(body, last) if positions[-1] == last and last > 0 else None
    roles = _CONTEXT_ROLES
    if len(roles) > _MOST_CONTEXTS:
        roles.clear()  # odd copy with endless distinct contexts: keep the table small
    new = tuple.__new__  # skips the NamedTuple's Python-level constructor
    marks = [head] if head is not None else []
    for position in positions[head is not None : len(positions) - (tail is not None)]:
        context = body[position - 1 : position + 2]
        role = roles.get(context)
        if role is None:
            role = roles[context] = _classify(body, position).role
        marks.append(new(Mark, (position, context[1], role)))
    if tail is not None:
        marks.append(tail)
    return marks


_START = re.Match.start


# Role by three-character context (the characters before and after a mark decide
# it alone); a pure function of those three characters, so kept between articles.
_CONTEXT_ROLES: dict[str, Role] = {}
_MOST_CONTEXTS = 4096


def _classify(body: str, position: int) -> Mark:
    char = body[position]
    before = body[position - 1] if position > 0 else "\n"
    after = body[position + 1] if position + 1 < len(body) else "\n"
    opens = before in _BEFORE_OPEN and after not in " \t\n"
    closes = after in _AFTER_CLOSE and before not in " \t\n"
    if char in "«»":
        # Guillemets are unambiguous even when French spacing surrounds them.
        return Mark(position, char, Role.OPEN if char == "«" else Role.CLOSE)
    if char in _OPENING_GLYPHS and not (closes and not opens):
        return Mark(position, char, Role.OPEN)
    if char in _CLOSING_GLYPHS and not (opens and not closes):
        return Mark(position, char, Role.CLOSE)
    # A straight mark, or a curly one whose context contradicts its glyph
    # (mis-encoded copy, „…“ pairs): let the context decide.
    if opens and not closes:
        return Mark(position, char, Role.OPEN)
    if closes and not opens:
        return Mark(position, char, Role.CLOSE)
    return Mark(position, char, Role.EITHER)
