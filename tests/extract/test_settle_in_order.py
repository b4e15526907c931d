"""settle_overlaps keeps findings that are in body order and overlap nothing as they
are, without settling them (pipeline._apart_in_order): its result must be the one
settling gives, whatever the findings."""

from __future__ import annotations

import random

from quoth.corpus.extract.found import Found
from quoth.corpus.extract.pipeline import KIND_RANK, settle_overlaps


def _settled_by_hand(found: list[Found]) -> list[Found]:
    """The rule, spelled out: by rank, then start, keep what overlaps nothing kept."""
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (KIND_RANK[f.kind], f.start)):
        if item.end <= item.start:
            continue
        if all(item.end <= other.start or other.end <= item.start for other in kept):
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


def _findings(rng: random.Random, apart: bool) -> list[Found]:
    found, position = [], 0
    for _ in range(rng.randint(0, 12)):
        position += rng.randint(0, 6) if apart else rng.randint(-6, 6)
        length = rng.randint(1, 8) if apart else rng.randint(-1, 8)
        found.append(Found(position, position + length, rng.choice(list(KIND_RANK))))
        if apart:
            position += length
    return found


def test_settled_as_by_hand_in_order_or_not() -> None:
    rng = random.Random(5)
    for round_ in range(3000):
        found = _findings(rng, apart=round_ % 2 == 0)
        settled = settle_overlaps(list(found))
        assert [id(item) for item in settled] == [id(i) for i in _settled_by_hand(found)]


def test_findings_apart_and_in_order_are_all_kept_in_their_order() -> None:
    found = [Found(0, 4, "partial"), Found(4, 9, "direct"), Found(12, 15, "reported")]
    settled = settle_overlaps(found)
    assert settled == found and settled is not found
