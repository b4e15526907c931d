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


def test_british_single_quotes_are_the_marks_when_the_article_uses_them() -> None:
    body = "‘We will win,’ she said. ‘The voters’ verdict is in, and it wasn’t close.’"
    marks = find_marks(body)
    assert [(body[m.position], m.role.value) for m in marks] == [
        ("‘", "open"),
        ("’", "close"),
        ("‘", "open"),
        ("’", "close"),
    ]


def test_single_marks_stay_text_in_double_quoted_copy() -> None:
    body = "\"He told me, 'You're fired,'\" Cole said. \"It's over,\" she said."
    assert {body[m.position] for m in find_marks(body)} == {'"'}


def test_a_decade_and_a_possessive_are_not_quote_marks() -> None:
    body = "'In the '90s we won,' she said. 'The members' vote came later.'"
    marks = find_marks(body)
    closing = body.index(",'") + 1
    reopening = body.index(" 'The") + 1
    assert [m.position for m in marks] == [0, closing, reopening, len(body) - 1]
