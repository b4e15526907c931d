"""Property tests: any text in, no exception out, and every offset valid."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from quoth.corpus.extract import extract, run_pipeline

PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "„",
        "«",
        "»",
        "'",
        "’",
        ",",
        ".",
        ":",
        " ",
        "\n\n",
        "—",
        "(",
        ")",
        "said",
        "told reporters",
        "according to",
        "he",
        "she",
        "the ministry",
        "Smith",
        "Sen. Jane Doe",
        "Mr",
        "the",
        "that",
        "We",
        "will",
        "win",
        "ISPR",
        "officials",
        "I said, '",
        "he said, ‘",
        "',\"",
        "’”",
        # Phrases around cues that the clause, subject and adjunct readers walk through
        "at",
        "in",
        "a",
        "meeting",
        "on Tuesday",
        "last week",
        "who",
        "and",
        "only",
        "about half",
        "says",
        "kept saying",
        "Ann Lee",
        "The",
        "MP",
        "KERR:",
        "•",
        "At least 180",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, max_size=80).map(" ".join),
    st.lists(PIECES, max_size=80).map("".join),
)


def check(body: str) -> None:
    extraction = run_pipeline(body)
    quotes = sorted(extraction.quotes, key=lambda q: q.start)
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
        assert quote.kind in {"direct", "partial", "reported"}
        if quote.mention is not None:
            assert 0 <= quote.mention_start <= quote.mention_end <= len(body)
            assert body[quote.mention_start : quote.mention_end] == quote.mention
    names = {s.name for s in extraction.speakers}
    assert all(q.speaker in names for q in extraction.quotes)
    assert_nested_or_apart(quotes)


def assert_nested_or_apart(quotes: list) -> None:  # noqa: ANN001
    """Quotes never cross: two are apart, or one (a quote inside a quote, or a
    fragment inside a reported clause) sits wholly inside the other."""
    open_quotes: list = []  # the quotes that contain the current one, outermost first
    for quote in sorted(quotes, key=lambda q: (q.start, -q.end)):
        while open_quotes and open_quotes[-1].end <= quote.start:
            open_quotes.pop()
        if open_quotes:
            assert quote.end <= open_quotes[-1].end, "quotes cross"
            assert quote.kind in {"direct", "partial"}, "only quotes and fragments nest"
        open_quotes.append(quote)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_gives_valid_offsets(body: str) -> None:
    check(body)


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=5))
def test_paragraph_bodies_give_valid_offsets(paragraphs: list[str]) -> None:
    check("\n\n".join(paragraphs))


def test_extract_never_raises_on_odd_input():
    for body in ["", " ", '"', "“" * 50, '"a" ' * 100, "\n\n".join(["“x"] * 20), None]:
        extract(body)  # type: ignore[arg-type]
