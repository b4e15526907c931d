"""assemble() makes each Quote by position, in the order of pipeline.QUOTE_FIELDS:
that order must stay Quote's own."""

from __future__ import annotations

from dataclasses import fields

from quoth.corpus.extract.pipeline import QUOTE_FIELDS, run_pipeline
from quoth.corpus.model import Quote


def test_the_fields_assemble_passes_by_position_are_quotes_own() -> None:
    assert tuple(field.name for field in fields(Quote)) == QUOTE_FIELDS


def test_an_assembled_quote_has_each_field_in_its_place() -> None:
    body = '"We will hold the line," Sen. Ann Lee said.'
    (quote,) = run_pipeline(body).quotes
    assert quote.text == "We will hold the line,"
    assert (quote.start, quote.end, quote.kind) == (1, 23, "direct")
    assert (quote.speaker, quote.mention, quote.cue) == ("Ann Lee", "Sen. Ann Lee", "said")
    assert body[quote.mention_start : quote.mention_end] == "Sen. Ann Lee"
    assert quote.anonymous is False
