"""The record each attribution stage fills in before quotes are assembled."""

from __future__ import annotations

from dataclasses import dataclass

from .speakers import Entity


# Slots: each stage sets and reads its fields once per quote, and a quote-dense
# article makes tens of thousands.
@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: str  # direct | partial | reported
    entity: Entity | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    anonymous: bool = False
    position: int = 0  # where the attribution was read, for "nearest" look-ups
