"""The query language parser: each construct, and bad syntax that must never fail."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from quoth.corpus.query import Query, parse_query


def test_free_words_are_folded_and_split_like_the_index() -> None:
    query = parse_query("  Kurilla  CAFÉ U.S.-led ")
    assert query.words == ("kurilla", "cafe", "u", "s", "led")
    assert not query.is_empty


def test_phrase_and_exclusions() -> None:
    query = parse_query('"Exact Phrase" -war -"bad news" talks')
    assert query.phrases == ("exact phrase",)
    assert query.excluded == ("war", "bad news")
    assert query.words == ("talks",)


def test_a_one_word_phrase_is_a_word() -> None:
    assert parse_query('"border"').words == ("border",)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("speaker:miller", ("miller",)),
        ('speaker:"Matthew Miller"', ("matthew miller",)),
        ("Speaker:Kurilla speaker:miller", ("kurilla", "miller")),
    ],
)
def test_speaker_field(text: str, speakers: tuple[str, ...]) -> None:
    query = parse_query(text)
    assert query.speakers == speakers
    assert query.words == ()


def test_source_kind_has_is_fields() -> None:
    query = parse_query('source:"Associated Press" kind:direct kind:reported has:quotes is:starred')
    assert query.sources == ("associated press",)
    assert query.kinds == ("direct", "reported")
    assert query.has_quotes
    assert query.is_flags == ("starred",)
    assert parse_query("is:unread").is_flags == ("unread",)


@pytest.mark.parametrize(
    ("text", "date_from", "date_to"),
    [
        ("date:2023", "2023", "2024"),
        ("date:2023-07", "2023-07", "2023-08"),
        ("date:2023-12", "2023-12", "2024-01"),
        ("date:2023-07-24", "2023-07-24", "2023-07-25"),
        ("date:2024/02/29", "2024-02-29", "2024-03-01"),
        ("after:2023-01-01", "2023-01-01", None),
        ("before:2024", None, "2024"),
        ("after:2022 before:2023-06 date:2023", "2023", "2023-06"),
    ],
)
def test_dates(text: str, date_from: str | None, date_to: str | None) -> None:
    query = parse_query(text)
    assert (query.date_from, query.date_to) == (date_from, date_to)
    assert query.words == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('unclosed "quote here', ("unclosed", "quote", "here")),
        ("colour:red", ("colour", "red")),
        ("date:2023-13", ("date", "2023", "13")),
        ("date:yesterday", ("date", "yesterday")),
        ("kind:shouted", ("kind", "shouted")),
        ("is:boring has:pictures", ("is", "boring", "has", "pictures")),
        ("http://example.com", ("http", "example", "com")),
    ],
)
def test_bad_syntax_is_plain_text(text: str, words: tuple[str, ...]) -> None:
    query = parse_query(text)
    assert query.words == words
    assert (query.date_from, query.date_to, query.kinds, query.is_flags) == (None, None, (), ())


def test_a_field_still_being_typed() -> None:
    assert parse_query("speaker:").is_empty  # nothing after the colon yet: ignored
    assert parse_query('speaker:"Matthew Mil').speakers == ("matthew mil",)


@pytest.mark.parametrize("text", ["", "   ", "-", '"', '""', '-""', ":::", 'speaker:""'])
def test_empty_queries(text: str) -> None:
    assert parse_query(text).is_empty


@given(st.text())
def test_never_raises(text: str) -> None:
    assert isinstance(parse_query(text), Query)


def test_negated_fields_are_exclusions_not_filters() -> None:
    query = parse_query("-is:unread -speaker:miller -kind:reported talks")
    assert query.is_flags == () and query.speakers == () and query.kinds == ()
    assert query.excluded_fields == (("is", "unread"), ("speaker", "miller"), ("kind", "reported"))
    assert query.words == ("talks",)
    assert query.reads_state
    assert parse_query("-before:2024").date_from == "2024"
