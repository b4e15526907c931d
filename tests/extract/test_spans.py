from __future__ import annotations

from quoth.corpus.extract import extract
from quoth.corpus.extract.marks import find_marks
from quoth.corpus.extract.spans import is_title_or_scare, pair_marks, quote_kind
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.model import paragraphs_to_body


def body_of(*paragraphs: str) -> str:
    return paragraphs_to_body(list(paragraphs))


def spans_of(body: str):
    return pair_marks(body, find_marks(body), paragraphs(body))


def texts(body: str) -> list[str]:
    return [body[s.start : s.end] for s in spans_of(body)]


def test_pairs_simple_quotes():
    body = body_of('"We will win," she said. "And soon."')
    assert texts(body) == ["We will win,", "And soon."]


def test_multi_paragraph_quote_is_one_span():
    body = body_of(
        "“The first paragraph ends here.",
        "“The second one too.",
        "“And this closes it,” she said.",
    )
    spans = spans_of(body)
    assert len(spans) == 1
    assert body[spans[0].start : spans[0].end].startswith("The first")
    assert body[spans[0].start : spans[0].end].endswith("closes it,")
    assert spans[0].paragraph == 0 and spans[0].last_paragraph == 2


def test_unclosed_quote_costs_one_quote_only():
    body = body_of('He said "this never closes.', 'Later, "this is fine," she said.')
    assert texts(body) == ["this is fine,"]


def test_stray_closing_mark_is_ignored():
    body = body_of("Odd” mark here. “Real quote,” he said.")
    assert texts(body) == ["Real quote,"]


def test_direct_and_partial_kinds():
    body = body_of("“We will win,” she said. He called it “a disaster.”")
    direct, partial = spans_of(body)
    assert quote_kind(body, direct, 0) == "direct"
    assert quote_kind(body, partial, 0) == "partial"


def test_titles_of_works_and_scare_quotes():
    body = body_of("She starred in the film “Long Night Home” last year.")
    (span,) = spans_of(body)
    assert is_title_or_scare(body, span, 0)
    body = body_of("He said the plan “would cost thousands of jobs.”")
    (span,) = spans_of(body)
    assert not is_title_or_scare(body, span, 0)


def test_a_quote_after_a_list_bullet_is_a_sentence():
    body = '• "This is serious." — Castellan, responding on X.'
    (span,) = spans_of(body)
    assert quote_kind(body, span, 0) == "direct"


def test_a_quote_whose_closing_mark_was_left_out_before_its_attribution():
    body = "“We are not going anywhere, Patel said. “But I can't say how we get through.”"
    quotes = [(q.text, q.speaker) for q in extract(body).quotes if q.kind == "direct"]
    assert quotes == [
        ("We are not going anywhere", "Patel"),
        ("But I can't say how we get through.", "Patel"),
    ]
