"""attribution._plainly_speech spares asking spans.is_title_or_scare about a
fragment: wherever it says a quote is plainly speech, is_title_or_scare must say
the quote is no title and no scare quote."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from quoth.corpus.extract import attribution
from quoth.corpus.extract import spans as spans_module
from quoth.corpus.extract.attribution import _plainly_speech, title_marking_words
from quoth.corpus.extract.marks import mark_codes
from quoth.corpus.extract.spans import is_title_or_scare, pair_codes
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.extract.views import build_views
from quoth.corpus.model import paragraphs_to_body

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS / "bench"))
from bench_extract import make_article, make_hostile_article  # noqa: E402

# Quotes that open in lower case after words that do and do not mark a title, at
# the edges of the 40 characters is_title_or_scare reads before a quote.
EDGES = [
    'The film "arrival" opened. She called it "a mess" and "the worst".',
    'He dubbed it "trouble," then said "of course not" and "the end" twice.',
    'A_ "word" then x\t"tab" then (the "bracket") and so-called "reform" passed.',
    'Word "y" z and "q" and them "plain" and ' + "x" * 45 + ' "long" and op-ed "column".',
    '"lead" opens it; 2023 "year" then café "menu" and Straße "weg" and the "Open Door".',
    'His "MTG" moniker, Marjorie "big" Greene and a "jugglery of figures" here.',
    'Ends with him "now." and her "then," and the "a,b" and film\u00a0"x" too.',
    'It ran on, the "of course.\n\n"of it all," she said, and word "f.\n\n"g," Kim said.',
    'Then the film "a\n\n"b" and word "ⅻ bad.\n\n"c" and x "so-called.\n\n"d" end.',
]


def _bodies() -> list[str]:
    split = re.compile(r"\n\s*\n")
    gold = [
        paragraphs_to_body(split.split(path.read_text(encoding="utf-8")))
        for path in sorted((TESTS / "gold").glob("**/articles/*.txt"))
    ]
    rng = random.Random(3)
    generated = [make_article(rng) for _ in range(40)]
    return gold + generated + [make_hostile_article(60_000, 8_000), *EDGES]


def test_words_read_as_is_title_or_scare_reads_them() -> None:
    assert title_marking_words() == spans_module._marking_words()
    assert attribution._AFTER_A_WORD == spans_module._AFTER_A_WORD
    assert attribution._FIRST_WORD.pattern == spans_module._WORD.pattern
    assert attribution._TITLE_SMALL == spans_module._TITLE_SMALL


def test_plainly_speech_only_where_is_title_or_scare_says_no() -> None:
    marking = title_marking_words()
    told = 0
    for body in _bodies():
        paras = paragraphs(body)
        views = build_views(body, paras, pair_codes(body, mark_codes(body), paras))
        for view in views:
            for slot in view.slots:
                if not slot.opens_here:
                    continue
                if _plainly_speech(body, view.tokens, slot, view.paragraph.start, marking):
                    told += 1
                    assert not is_title_or_scare(body, slot.span, view.paragraph.start), body[
                        slot.span.open_position - 40 : slot.span.close_position + 1
                    ]
    assert told > 1000  # the shortcut is taken, not only never contradicted
