"""Find speakers in the corpus-wide index from what a user types ("miller").

The same matching as the query language's `speaker:` field (search_index.NameIndex),
so `quoth quotes --speaker X` and `quoth search speaker:X` agree on who X is.
"""

from __future__ import annotations

from collections.abc import Sequence

from .search_index import NameIndex
from .store import IndexedSpeaker


def match_speakers(wanted: str, speakers: Sequence[IndexedSpeaker]) -> list[IndexedSpeaker]:
    """Speakers whose name or alias has words starting with every word of `wanted`;
    failing that, the ones a typo away from it."""
    index = NameIndex([[speaker.name, *speaker.aliases] for speaker in speakers])
    return [speakers[entry] for entry in sorted(index.match(wanted))]
