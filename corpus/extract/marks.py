"""Stage 1: find double quote marks and decide which way each one faces.

Only double-type marks delimit quotes here (" “ ” „ « »); single quotes are
left to the text, since they are mostly apostrophes or quotes inside quotes.
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
# What may sit right before an opening mark / right after a closing one.
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;")
_AFTER_CLOSE = frozenset(" \t\n)]},.;:!?—–-/")


def find_marks(body: str) -> list[Mark]:
    """Every double quote mark in `body` with the role its context gives it."""
    return [_classify(body, match.start()) for match in _MARK.finditer(body)]


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
