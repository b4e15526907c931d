"""A quoted fragment inside a reported clause is the clause's speaker's: the
attribution stage does not read it again, and the quote after it still follows
the clause's speaker."""

from __future__ import annotations

import pytest
from quoth.corpus.extract import run_pipeline
from quoth.corpus.extract.attribution import QuoteAttributor
from quoth.corpus.model import paragraphs_to_body

ARTICLE = paragraphs_to_body(
    [
        'Mayor Ann Cole said the plan was "a disaster for the city" and would be withdrawn.',
        'Later she said the council had "no choice." "It is over."',
    ]
)


def test_fragment_and_floating_quote_take_the_clause_speaker() -> None:
    quotes = run_pipeline(ARTICLE).quotes
    found = [(q.kind, q.text, q.speaker, q.mention) for q in quotes]
    assert ("partial", "a disaster for the city", "Ann Cole", "Mayor Ann Cole") in found
    assert ("partial", "no choice.", "Ann Cole", "she") in found
    # The floating quote follows the clause it comes after, mention and all.
    assert ("direct", "It is over.", "Ann Cole", "she") in found


def test_fragment_inside_a_clause_is_not_attributed_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("a fragment inside a reported clause was read again")

    monkeypatch.setattr(QuoteAttributor, "_fragment", refuse)
    kinds = [q.kind for q in run_pipeline(ARTICLE).quotes]
    assert kinds.count("partial") == 2
