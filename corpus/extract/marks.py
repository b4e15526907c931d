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
BEFORE_OPEN = frozenset(" \t\n([{—–-/:;")
_AFTER_CLOSE = frozenset(" \t\n)]},.;:!?—–-/")


def find_marks(body: str) -> list[Mark]:
    """Every quote mark in `body` with the role its context gives it."""
    return _decoded(body, mark_codes(body))


# A mark as the pairing pass (spans.pair_codes) reads it: one int, its position
# times four plus its role's index in ROLES. A hostile article has 250,000 marks:
# ints are made, sorted and read several times faster than Mark tuples.
ROLES = (Role.OPEN, Role.CLOSE, Role.EITHER)
OPEN_CODE, CLOSE_CODE, EITHER_CODE = range(3)
_ROLE_CODES = {role: code for code, role in enumerate(ROLES)}


def mark_code(mark: Mark) -> int:
    """The int that stands for `mark` in mark_codes()."""
    return mark.position * 4 + _ROLE_CODES[mark.role]


def mark_codes(body: str) -> list[int]:
    """find_marks(body), each mark as an int (see ROLES), in body order."""
    doubles = _double_codes(body)
    if not _quotes_with_single_marks(body, len(doubles)):
        return doubles
    singles = (classify_single(body, match.start()) for match in _SINGLE_MARK.finditer(body))
    return [mark_code(mark) for mark in singles if mark is not None]


_SINGLE_MARK = re.compile("['‘’]")
# A single mark opening a sentence-like quote, and one closing after its punctuation.
_SINGLE_BEFORE_CAPITAL = re.compile("[‘'][A-Z]")
_SINGLE_OPENS_AFTER = frozenset(" \t\n\r\f\v([—–:")
_SINGLE_CLOSER = re.compile(r"[,.?!][’']")


def _quotes_with_single_marks(body: str, double_marks: int) -> bool:
    """British house style: more single-quoted sentences than double marks."""
    # Curly single marks are in few bodies: looked for (fast in C) before counted.
    curly = body.count("‘") if "‘" in body else 0
    if double_marks >= curly + body.count("'"):
        return False  # the common case, decided by counts in C
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
        (before in BEFORE_OPEN or before in '“"') and after not in " \t\n" and not after.isdigit()
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
    """Every double-type mark with its role, in body order."""
    return _decoded(body, _double_codes(body))


def _decoded(body: str, codes: list[int]) -> list[Mark]:
    """The marks the ints of mark_codes() stand for."""
    return [_new(Mark, (code >> 2, body[code >> 2], ROLES[code & 3])) for code in codes]


def _double_codes(body: str) -> list[int]:
    """Every double-type mark as an int (see ROLES), in body order.

    A mark's role depends only on the mark and the two characters around it, so
    each distinct three-character context is classified once, and remembered
    across articles: copy repeats a handful of them (` "W`, `," `) everywhere.
    Marks are found glyph by glyph with str.find or str.split, which run through
    the body in C many times faster than a regex looking for any of the glyphs.
    """
    last = len(body) - 1
    if last < 1:
        return [_edge_code(body, 0)] if body and body in _DOUBLE_GLYPHS else []
    if len(_CONTEXT_CODES) > _MOST_CONTEXTS:
        _CONTEXT_CODES.clear()  # odd copy with endless distinct contexts: keep the table small
    # A mark on the body's edge has a neighbour missing: classified on its own (the
    # edge stands in for it), so that the others always have a full context.
    codes = [_edge_code(body, edge) for edge in (0, last) if body[edge] in _DOUBLE_GLYPHS]
    for glyph in _DOUBLE_GLYPHS:
        first = body.find(glyph, 1, last)
        if first < 0:
            continue  # most glyphs in most bodies
        if body.count(glyph, first, first + _SAMPLE) < _DENSE:
            _marks_found(body, glyph, first, last, codes)
        else:
            _marks_cut(body, glyph, codes)
    codes.sort()  # a merge of a few runs, each in body order
    return codes


def _edge_code(body: str, position: int) -> int:
    return position * 4 + _ROLE_CODES[_classify(body, position).role]


def _context_code(body: str, position: int) -> int:
    """The role code of the mark at `position` (not on an edge), remembered by context."""
    code = _edge_code(body, position) & 3
    _CONTEXT_CODES[body[position - 1 : position + 2]] = code
    return code


# Cutting the body costs about as much as 150 searches per 1,000 characters, and
# saves a search per mark: it pays where the first few hundred characters from the
# first mark hold several more.
_SAMPLE = 400
_DENSE = 4


def _marks_found(body: str, glyph: str, position: int, last: int, codes: list[int]) -> None:
    """Append the marks of `glyph` from `position` (the first) to before `last`, in
    body order, each found by str.find: few marks in a long body."""
    known = _CONTEXT_CODES.get
    while position >= 0:
        code = known(body[position - 1 : position + 2])
        if code is None:
            code = _context_code(body, position)
        codes.append(position * 4 + code)
        position = body.find(glyph, position + 1, last)


def _marks_cut(body: str, glyph: str, codes: list[int]) -> None:
    """Append the marks of `glyph` not on the body's edge, in body order: the body is
    cut on the glyph, and the pieces' lengths give the marks' positions, for a body
    dense with marks (a hostile one has 250k) where a search per mark costs more."""
    pieces = body.split(glyph)
    pieces.pop()  # the text after the last mark
    if body[-1] == glyph:
        pieces.pop()  # the text before a mark on the last character, an edge
    position = -1  # of the mark after each piece
    if body[0] == glyph:
        position = 0  # a mark on the first character, an edge
        del pieces[0]  # the empty text before it
    known = _CONTEXT_CODES.get
    append = codes.append
    for piece in pieces:  # the loop of _marks_found, with the position worked out
        position += len(piece) + 1
        code = known(body[position - 1 : position + 2])
        if code is None:
            code = _context_code(body, position)
        append(position * 4 + code)


_DOUBLE_GLYPHS = '"“”„«»'  # the marks _MARK finds
_new = tuple.__new__  # skips the NamedTuple's Python-level constructor


# Role code by three-character context (the characters before and after a mark
# decide it alone); a pure function of those three characters, so kept between articles.
_CONTEXT_CODES: dict[str, int] = {}
_MOST_CONTEXTS = 4096


def _classify(body: str, position: int) -> Mark:
    char = body[position]
    before = body[position - 1] if position > 0 else "\n"
    after = body[position + 1] if position + 1 < len(body) else "\n"
    opens = before in BEFORE_OPEN and after not in " \t\n"
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
