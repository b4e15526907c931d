"""With one entity named so far, "he" or "she" is found without walking the sightings
(Registry._sole_person): the same entity, or none, as the general nearest fit, over
seeded random text with sentence stops, line breaks and questions put before a pronoun.
"""

from __future__ import annotations

import random

from quoth.corpus.extract.speakers import (
    _PRONOUN_GENDERS,
    NEARBY,
    Entity,
    NameReading,
    Registry,
)

_PIECES = [
    "word ",
    "Kim ",
    ". ",
    "\n",
    "Asked about it, ",
    "When asked ",
    '"',
    "he ",
    "x" * 150,
    "y" * 60,
]


def _general(registry: Registry, position: int, pronoun: str) -> Entity | None:
    """pronoun's "he"/"she" the long way: the nearest fit before the sentence or question."""
    wanted = _PRONOUN_GENDERS[pronoun]
    position = registry._before_a_question(position)
    return registry.sightings.nearest_fit(position, NEARBY, "person", wanted)


def _registry(body: str, rng: random.Random, kind: str, gender: str | None) -> Registry:
    registry = Registry(body)
    for offset in sorted(rng.sample(range(len(body)), rng.randint(0, min(4, len(body))))):
        if kind == "person":
            entity = registry.sight(offset, NameReading("person", "Kim Lee", []))
        else:
            entity = registry.sight(offset, NameReading("organisation", "Lee Partners", []))
        assert entity is registry.entities[0]
    if registry.entities:
        registry.entities[0].gender = gender
    return registry


def test_sole_person_is_the_nearest_fit():
    rng = random.Random(12)
    for _ in range(6000):
        body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        kind = rng.choice(["person", "person", "organisation"])
        gender = rng.choice([None, "male", "female"])
        pronoun = rng.choice(["he", "she", "his", "her"])
        position = rng.randint(0, len(body))
        seed = rng.random()
        fast = _registry(body, random.Random(seed), kind, gender)
        slow = _registry(body, random.Random(seed), kind, gender)
        assert len(fast.entities) < 2
        expected = _general(slow, position, pronoun)
        found = fast.pronoun(position, pronoun)
        assert (found is None) == (expected is None), (body, position, pronoun)
        if found is not None:
            assert found is fast.entities[0]
            # The pronoun tells the gender of someone whose gender was not known.
            assert found.gender == (gender or _PRONOUN_GENDERS[pronoun])


def test_he_after_a_lone_name_means_it():
    body = 'Kim arrived late. "We are ready," he said.'
    registry = Registry(body)
    kim = registry.sight(0, NameReading("single", "Kim", []))
    assert kim is None  # a lone unknown word is no one yet
    kim = registry.named_speaker(0, NameReading("single", "Kim", []))
    assert registry.pronoun(body.index("he said"), "he") is kim
    assert kim.gender == "male"
    assert registry.pronoun(body.index("he said"), "she") is None


def test_a_question_put_before_the_name_hides_it():
    body = 'Asked about Kim, he said "no."'
    registry = Registry(body)
    registry.named_speaker(body.index("Kim"), NameReading("single", "Kim", []))
    assert registry.pronoun(body.index("he said"), "he") is None
