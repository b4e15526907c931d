"""The shortcuts taken for speed read text the same way as the plain forms they replace.

Each test compares a fast path with the straightforward reading it stands in for,
over seeded random text full of the awkward characters (quote marks, apostrophes,
hyphens, odd white space, digits written as superscripts).
"""

from __future__ import annotations

import random

from quoth.corpus.extract.attribution import QuoteAttributor
from quoth.corpus.extract.marks import _MARK, _classify, _double_marks, find_marks
from quoth.corpus.extract.spans import (
    _WORD,
    _first_char,
    _last_word,
    _word_before,
    pair_marks,
    quote_span,
)
from quoth.corpus.extract.speakers import Registry
from quoth.corpus.extract.text import paragraphs

_AWKWARD = "ab Zé9²_-'’ \t\n.,:—“”\"«»„\u00a0\u2003"


def _random_texts(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_AWKWARD) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


def test_word_before_a_mark_is_the_last_word_of_its_window():
    rng = random.Random(1)
    for text in _random_texts(seed=2, count=3000, longest=60):
        stop = rng.randint(0, len(text))
        first = max(0, stop - rng.randint(0, 40))
        assert _word_before(text, first, stop) == _last_word(text[first:stop]), (text, first)


def test_last_word_matches_the_last_regex_word():
    for text in _random_texts(seed=3, count=3000, longest=40):
        words = _WORD.findall(text)
        assert _last_word(text) == (words[-1] if words else "")


def test_first_char_skips_the_same_characters_as_lstrip():
    skipped = " ‘'\"…[.("
    for text in _random_texts(seed=4, count=3000, longest=40):
        padded = f"xx{text}yy"
        expected = text.lstrip(skipped)[:1]
        assert _first_char(padded, 2, 2 + len(text), skipped) == expected


def test_each_mark_gets_the_role_its_own_context_gives_it():
    for text in _random_texts(seed=5, count=2000, longest=30):
        expected = [_classify(text, match.start()) for match in _MARK.finditer(text)]
        assert _double_marks(text) == expected


def test_spans_record_the_paragraphs_their_marks_sit_in():
    rng = random.Random(6)
    for _ in range(300):
        pieces = [rng.choice(['"a," he said', "“b", "c”", '"', "x y", "“d.\n\n“e,” Kim said"])]
        pieces += [rng.choice(["\n\n", " ", " word "]) + rng.choice(["“f”", '"g"', "h"])]
        body = "".join(pieces * rng.randint(1, 6))
        paras = paragraphs(body)
        for span in pair_marks(body, find_marks(body), paras):
            opened, closed = paras[span.paragraph], paras[span.last_paragraph]
            assert opened.start <= span.open_position < opened.end
            assert closed.start <= span.close_position < closed.end
            assert (span.start, span.end) == (span.open_position + 1, span.close_position)


def test_closes_sentence_reads_the_quote_tail_as_rstrip_would():
    texts = _random_texts(seed=7, count=2000, longest=50)
    texts += ["It ends." + " " * 20, " " * 30, "No period" + "\n" * 17, "."]
    for text in texts:
        body = f'"{text}"'
        span = quote_span(0, len(body) - 1, 0, 0)
        attributor = QuoteAttributor(body, [], [], Registry(body))
        expected = text.rstrip().endswith(".")
        assert attributor._closes_sentence(span) is expected, text
