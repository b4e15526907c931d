"""Find speakers in the corpus-wide index from what a user types ("miller")."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from .speaker_keys import fold
from .store import IndexedSpeaker

FUZZY_CUTOFF = 85.0


def _names(speaker: IndexedSpeaker) -> list[str]:
    return [fold(n) for n in (speaker.name, *speaker.aliases)]


def match_speakers(wanted: str, speakers: Sequence[IndexedSpeaker]) -> list[IndexedSpeaker]:
    """Speakers whose name or alias contains `wanted` as whole words; failing
    that, the ones a typo away from it."""
    needle = fold(wanted).removeprefix("the ")
    if not needle:
        return []
    padded = f" {needle} "
    exact = [s for s in speakers if any(padded in f" {n} " for n in _names(s))]
    if exact:
        return exact
    return [
        s for s in speakers
        if max(fuzz.WRatio(needle, n) for n in _names(s)) >= FUZZY_CUTOFF
    ]
