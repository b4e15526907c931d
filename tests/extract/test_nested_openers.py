"""nested._MAY_OPEN_SINGLE finds every single mark that classify_single reads as an
opening mark inside a quote: _inner_spans skips a quote it finds none in."""

import random

from quoth.corpus.extract.found import Found
from quoth.corpus.extract.marks import Role, classify_single
from quoth.corpus.extract.nested import (
    _DOUBLE_CLOSERS,
    _MAY_OPEN_SINGLE,
    _inner_spans,
    _single_marks,
)

_ALPHABET = "ab1 \t\n([{—–-/:;“”\"'‘’,.!?)]}sS"


def _every_opening_mark_is_found(body: str) -> None:
    for position, char in enumerate(body):
        if position == 0 or char not in "'‘’":  # (an inner mark has its quote's before it)
            continue
        mark = classify_single(body, position, closes_before=_DOUBLE_CLOSERS)
        if mark is not None and mark.role is Role.OPEN:
            assert _MAY_OPEN_SINGLE.match(body, position - 1) is not None, (body, position)


def test_every_opening_single_mark_may_open() -> None:
    rng = random.Random(5)
    for _ in range(20_000):
        _every_opening_mark_is_found("".join(rng.choices(_ALPHABET, k=rng.randint(2, 12))))


def test_inner_spans_as_read_from_every_mark() -> None:
    rng = random.Random(6)
    for _ in range(20_000):
        inner = "".join(rng.choices(_ALPHABET, k=rng.randint(1, 14)))
        body = f"“{inner}”"
        quote = Found(1, len(body) - 1, "direct")
        spans = []
        opener = None
        for mark in _single_marks(body, quote):  # what _inner_spans read before the skip
            if mark.role is Role.OPEN:
                opener = mark
            elif opener is not None and mark.position - opener.position > 1:
                spans.append((opener.position + 1, mark.position))
                opener = None
        assert _inner_spans(body, quote) == spans, body


def test_quote_with_apostrophes_only_is_skipped() -> None:
    body = "“We don’t know what the voters’ rights are, and it's the ’90s.”"
    assert _MAY_OPEN_SINGLE.search(body, 0, len(body) - 1) is None
    assert _inner_spans(body, Found(1, len(body) - 1, "direct")) == []


def test_inner_quote_is_found() -> None:
    body = "“He looked at me and said, ‘Cyrus gets the contract,’” Vance testified."
    end = body.index("”")
    assert _inner_spans(body, Found(1, end, "direct")) == [(body.index("‘") + 1, end - 1)]
