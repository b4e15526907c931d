"""The registry's blocked sightings against one flat sorted list (what they replace)."""

from __future__ import annotations

import bisect
import random

import pytest
from quoth.corpus.extract import speakers
from quoth.corpus.extract.speakers import Entity, Sightings


class _FlatSightings:
    """The plain definition: two parallel lists, bisect_right on every note."""

    def __init__(self) -> None:
        self.offsets: list[int] = []
        self.entities: list[Entity] = []

    def add(self, position: int, entity: Entity) -> None:
        index = bisect.bisect_right(self.offsets, position)
        self.offsets.insert(index, position)
        self.entities.insert(index, entity)

    def before(self, position: int) -> list[Entity]:
        return self.entities[: bisect.bisect_left(self.offsets, position)][::-1]

    def between(self, start: int, end: int) -> list[Entity]:
        return [e for o, e in zip(self.offsets, self.entities, strict=True) if start <= o < end]


@pytest.mark.parametrize("seed", range(6))
def test_blocked_sightings_answer_as_one_sorted_list(seed: int, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(speakers, "_BLOCK", 3)  # small blocks: many splits and boundaries
    rng = random.Random(seed)
    blocked, flat = Sightings(), _FlatSightings()
    people = [Entity(f"Person {n}", "person") for n in range(7)]
    span = rng.choice([10, 60, 400])  # few offsets: many ties across block boundaries
    for _ in range(300):
        position, entity = rng.randrange(span), rng.choice(people)
        blocked.add(position, entity)
        flat.add(position, entity)
        probe = rng.randrange(-1, span + 2)
        reach = rng.choice([1, 3, 7, 40, 1000])
        assert blocked.recent(probe, reach) == flat.before(probe)[:reach]
        wanted = rng.sample(people, rng.randrange(1, 4))
        within = [e for e in flat.before(probe)[:reach] if e in wanted]
        assert blocked.nearest_of(probe, wanted, reach) is (within[0] if within else None)
        end = probe + rng.randrange(0, 30)
        assert list(blocked.between(probe, end)) == flat.between(probe, end)


def test_empty_sightings_hold_nothing() -> None:
    sightings = Sightings()
    assert sightings.recent(10, 40) == []
    assert sightings.nearest_of(10, [Entity("Ann Lee", "person")], 400) is None
    assert list(sightings.between(0, 10)) == []
