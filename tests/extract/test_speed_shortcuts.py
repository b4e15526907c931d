"""Shortcuts taken for speed give what the plain code they replace gives."""

from __future__ import annotations

import dataclasses

from quoth.corpus.extract.speakers import Entity, _new_entity


def test_new_entity_is_the_dataclass_made_plainly() -> None:
    made = _new_entity("Ann Lee", "person")
    plain = Entity("Ann Lee", "person")
    for field in dataclasses.fields(Entity):
        assert getattr(made, field.name) == getattr(plain, field.name), field.name
    assert made.titles is not _new_entity("Ann Lee", "person").titles  # lists of its own
