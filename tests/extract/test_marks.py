from __future__ import annotations

from quoth.corpus.extract.marks import Role, find_marks


def roles(text: str) -> list[Role]:
    return [mark.role for mark in find_marks(text)]


def test_curly_marks_keep_their_glyph_direction():
    assert roles("He said “yes” today.") == [Role.OPEN, Role.CLOSE]


def test_straight_marks_take_direction_from_context():
    assert roles('He said "yes" today.') == [Role.OPEN, Role.CLOSE]
    assert roles('"Yes," he said.') == [Role.OPEN, Role.CLOSE]


def test_guillemets_and_low_nine_marks():
    assert roles("«Oui», a-t-il dit.") == [Role.OPEN, Role.CLOSE]
    assert roles("Er sagte „Ja“ dazu.") == [Role.OPEN, Role.CLOSE]


def test_mark_with_no_telling_context_is_either():
    assert roles('a"b') == [Role.EITHER]


def test_single_quotes_are_not_delimiters():
    assert find_marks("It's the 'best' day, he said.") == []


def test_positions_point_at_the_marks():
    text = 'x "y" z'
    assert [m.position for m in find_marks(text)] == [2, 4]
