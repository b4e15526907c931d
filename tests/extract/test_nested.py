"""Quotes inside quotes: their own direct quotes, by whoever said them."""

from __future__ import annotations

from quoth.corpus.extract import extract


def _inner(body: str) -> list[tuple[str, str | None, str | None]]:
    quotes = extract(body).quotes
    outer = [q for q in quotes if not any(o.start < q.start and q.end <= o.end for o in quotes)]
    return [(q.text, q.speaker, q.mention) for q in quotes if q not in outer]


def test_he_said_inside_a_quote_is_someone_else_named_before() -> None:
    body = (
        "Lamont Pryor hosted the dinner.\n\n"
        "\"He looked at me and said, 'Cyrus gets the contract,'\" Reggie Vance testified."
    )
    assert _inner(body) == [("Cyrus gets the contract,", "Lamont Pryor", "He")]


def test_i_said_inside_a_quote_is_the_speaker() -> None:
    body = "\"I said, 'Senator, there is a scoring process,'\" Reggie Vance testified."
    assert _inner(body) == [("Senator, there is a scoring process,", "Reggie Vance", "I")]


def test_a_title_inside_a_quote_is_not_speech() -> None:
    body = "\"The film was called 'Small Rooms,' and I loved it,\" Ann Cole said."
    assert _inner(body) == []


def test_the_container_keeps_its_whole_span() -> None:
    body = "\"I said, 'No,' and left,\" Ann Cole said."
    texts = [q.text for q in extract(body).quotes]
    assert texts == ["I said, 'No,' and left,", "No,"]


def test_inner_double_marks_in_british_single_quotes() -> None:
    body = (
        "‘We will win,’ Ann Cole said. ‘I told him, “You cannot win,” and I was right.’\n\n"
        "‘Nobody doubts it now,’ she said."
    )
    inner = _inner(body)
    assert [(text, speaker) for text, speaker, _ in inner] == [("You cannot win,", "Ann Cole")]


def test_quoted_words_inside_a_reported_clause_are_a_partial_quote_too() -> None:
    body = 'Ann Cole said the plan was "dead on arrival" and would not pass.'
    quotes = extract(body).quotes
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("reported", 'the plan was "dead on arrival" and would not pass', "Ann Cole"),
        ("partial", "dead on arrival", "Ann Cole"),
    ]


def test_a_title_inside_a_reported_clause_is_not_a_partial_quote() -> None:
    body = 'Ann Cole said the film "Small Rooms" had changed her mind.'
    assert [q.kind for q in extract(body).quotes] == ["reported"]


def test_a_relative_of_the_speaker_quoted_inside_their_quote(run):
    _, extraction = run(
        "\"You could hear tanks. My husband kept saying, 'It's fine, it's on the other side,'"
        " and then it wasn't,\" Kayla Brennan said."
    )
    inner = [(q.text, q.speaker, q.anonymous) for q in extraction.quotes][1:]
    assert inner == [("It's fine, it's on the other side,", "Brennan's husband", True)]


def test_a_short_object_between_the_cue_and_the_inner_quote(run):
    _, extraction = run(
        "\"He stood there and told my deputy, 'I built this house.' My deputy said, 'Not"
        " tonight,' and drove off,\" Sheriff Dolores Whitfield said."
    )
    assert [q.text for q in extraction.quotes][1:] == ["Not tonight,"]


def test_kept_saying_has_its_own_subject(run):
    _, extraction = run("Ann Lee kept saying the plan was fine.")
    assert [(q.text, q.speaker) for q in extraction.quotes] == [("the plan was fine", "Ann Lee")]


def test_a_saying_of_the_speakers_grandfather():
    body = "\"My granddaddy used to say, 'You can't eat a building,'\" Tate told commissioners."
    quotes = extract(body).quotes
    assert [(q.text, q.speaker, q.cue) for q in quotes][1:] == [
        ("You can't eat a building,", "Tate's granddaddy", "used to say")
    ]
