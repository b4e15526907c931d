"""QuoteAttributor._settled_last: a fragment in a reported clause becomes the
attribution a floating quote takes over only if it is speech, and this is told
only when a quote asks for it; the latest such fragment that is speech wins."""

from types import SimpleNamespace

from quoth.corpus.extract import extract
from quoth.corpus.extract.attribution import QuoteAttributor
from quoth.corpus.extract.cues import find_cues
from quoth.corpus.extract.found import Found
from quoth.corpus.extract.marks import mark_codes
from quoth.corpus.extract.spans import pair_codes
from quoth.corpus.extract.speakers import Registry
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.extract.views import build_views

BODY = (
    'Ann Cole said the plan was "dead on arrival" and she saw the film "Jaws" twice'
    ' and that it was "a waste".'
)


def _attributor() -> tuple[QuoteAttributor, list]:
    paras = paragraphs(BODY)
    spans = pair_codes(BODY, mark_codes(BODY), paras)
    views = build_views(BODY, paras, spans)
    cues = [find_cues(view.tokens, view.outside, view.triggered) for view in views]
    return QuoteAttributor(BODY, views, cues, Registry(BODY)), spans


def _clause(cue: str) -> Found:
    speaker = SimpleNamespace(anonymous=False)  # all a clause's entity is read for here
    return Found(0, len(BODY), "reported", speaker, 0, 8, cue, False, 0)  # type: ignore[arg-type]


def test_the_latest_fragment_that_is_speech_is_taken() -> None:
    attributor, (speech, title, later) = _attributor()
    view = attributor.views[0]
    attributor._pending = [
        (speech, 0, view, 7, _clause("said")),
        (later, 0, view, 30, _clause("was")),
    ]
    last = attributor._settled_last()
    assert last is not None and last[:2] == (0, 30) and last[2].cue == "was"


def test_a_title_after_speech_is_passed_over() -> None:
    attributor, (speech, title, _) = _attributor()
    view = attributor.views[0]
    before = attributor.last
    attributor._pending = [
        (speech, 0, view, 7, _clause("said")),
        (title, 0, view, 20, _clause("saw")),
    ]
    last = attributor._settled_last()
    assert last is not None and last is not before
    assert last[:2] == (0, 7) and last[2].cue == "said"  # "Jaws" is a title: skipped
    assert attributor._pending is None
    assert attributor._settled_last() is last  # told once


def test_titles_only_leave_the_last_attribution() -> None:
    attributor, (_, title, _) = _attributor()
    attributor._pending = [(title, 0, attributor.views[0], 20, _clause("saw"))]
    assert attributor._settled_last() is None


def test_floating_quote_after_a_fragment_in_a_clause() -> None:
    body = 'Ann Cole said the plan was "dead on arrival." "We will fight it."'
    quotes = [(q.text, q.kind, q.speaker) for q in extract(body).quotes]
    assert ("We will fight it.", "direct", "Ann Cole") in quotes
