"""assemble() makes each Quote without calling its __init__, setting its fields in
place: the quotes must be those Quote(…) makes, with every field and no other."""

from __future__ import annotations

from dataclasses import fields

from quoth.corpus.extract.pipeline import QUOTE_FIELDS, run_pipeline
from quoth.corpus.model import Quote

BODY = (
    '"We will hold the line," Sen. Ann Lee said.\n\n'
    'Officials called the plan "reckless," and a spokesman said it would fail.'
)


def test_quote_has_no_init_work_that_assemble_would_skip() -> None:
    assert not hasattr(Quote, "__post_init__")
    assert tuple(field.name for field in fields(Quote)) == QUOTE_FIELDS


def test_assembled_quotes_equal_those_quote_makes() -> None:
    quotes = run_pipeline(BODY).quotes
    assert quotes
    for quote in quotes:
        assert not hasattr(quote, "__dict__")  # slots: no field outside QUOTE_FIELDS
        made = Quote(*(getattr(quote, name) for name in QUOTE_FIELDS))  # each one set
        assert quote == made
        assert quote.to_dict() == made.to_dict()
