"""Attribution's shortcuts give what the plain readings they stand in for give.

The title test is told late (just before a speaker is resolved), and the end of the
narrative after a quote is read off the next slot instead of searched for token
by token: both are checked here against the plain reading.
"""

from __future__ import annotations

import random

from quoth.corpus.extract.attribution import QuoteAttributor, _narrative_end
from quoth.corpus.extract.cues import find_cues
from quoth.corpus.extract.marks import find_marks
from quoth.corpus.extract.names import sight_names
from quoth.corpus.extract.spans import pair_marks
from quoth.corpus.extract.speakers import Registry
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.extract.views import build_views
from quoth.corpus.model import paragraphs_to_body

_PIECES = ['"a," he said', "“b", "c”", '"', "x y", "“d.\n\n“e,” Kim said", ", ", " — ", "."]


def _attributed(body: str) -> tuple[list, Registry]:
    paras = paragraphs(body)
    views = build_views(body, paras, pair_marks(body, find_marks(body), paras))
    registry = Registry(body)
    sight_names(body, views, registry)
    attributor = QuoteAttributor(
        body, views, [find_cues(v.tokens, v.outside) for v in views], registry
    )
    return attributor.run(), registry


def test_a_title_before_a_cue_is_left_alone_and_resolves_no_one():
    body = paragraphs_to_body(['Ann Cole reviewed "The Long Table," Bob Smith said.'])
    found, registry = _attributed(body)
    assert found == []
    # The title was told before "Bob Smith" was resolved: nobody was counted as speaking.
    assert registry.entities
    assert all(entity.quotes == 0 for entity in registry.entities)


def test_speech_after_a_title_is_still_attributed():
    body = paragraphs_to_body(['Her book, "The Long Table," Ann Cole said, "is about my mother."'])
    found, _ = _attributed(body)
    assert [(body[f.start : f.end], f.entity.name) for f in found] == [
        ("is about my mother.", "Ann Cole")
    ]


def _narrative_end_by_scan(outside: list[bool], first: int, last: int) -> int:
    """The plain reading: the token before the first quoted one in first..last."""
    for index in range(first, last + 1):
        if not outside[index]:
            return index - 1
    return last


def test_narrative_end_read_off_the_slots_matches_a_token_scan():
    rng = random.Random(11)
    checked = 0
    for _ in range(300):
        pieces = [rng.choice(_PIECES) + rng.choice([" ", " word ", "\n\n"]) for _ in range(12)]
        body = "".join(pieces)
        paras = paragraphs(body)
        for view in build_views(body, paras, pair_marks(body, find_marks(body), paras)):
            for slot in view.slots:
                first = slot.last + 1
                if first >= len(view.tokens) or not view.outside[first]:
                    continue
                for last in range(first, min(len(view.tokens), first + 12)):
                    expected = _narrative_end_by_scan(view.outside, first, last)
                    assert _narrative_end(view, slot, last) == expected, (body, slot, last)
                    checked += 1
    assert checked > 1000
