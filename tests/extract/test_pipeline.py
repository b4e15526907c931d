"""The pipeline's own steps: overlap settling and assembly."""

from __future__ import annotations

import gc

from quoth.corpus.extract import run_pipeline
from quoth.corpus.extract.found import Found
from quoth.corpus.extract.pipeline import assemble, settle_overlaps
from quoth.corpus.extract.speakers import Entity


def test_direct_beats_reported_and_reported_swallows_partial():
    direct = Found(0, 10, "direct")
    reported = Found(5, 30, "reported")
    partial = Found(20, 25, "partial")
    other = Found(40, 50, "partial")
    kept = settle_overlaps([partial, reported, direct, other])
    assert kept == [direct, partial, other]  # the reported clause lost to the direct quote
    kept = settle_overlaps([partial, reported])
    assert kept == [reported]


def test_empty_spans_are_dropped():
    assert settle_overlaps([Found(3, 3, "direct")]) == []


def test_assemble_counts_quotes_per_speaker():
    body = "abcdefghij"
    ann = Entity("Ann Lee", "person")
    extraction = assemble(
        body, [Found(0, 3, "direct", ann, 4, 6, "said"), Found(7, 9, "reported", ann)]
    )
    assert [q.text for q in extraction.quotes] == ["abc", "hi"]
    assert extraction.quotes[0].mention == "ef"
    (speaker,) = extraction.speakers
    assert (speaker.name, speaker.quotes) == ("Ann Lee", 2)


def test_the_garbage_collector_is_left_as_it_was_found():
    body = '"We will vote," Sen. Ann Boyd said.'
    assert gc.isenabled()
    run_pipeline(body)
    assert gc.isenabled()
    gc.disable()
    try:
        run_pipeline(body)
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
