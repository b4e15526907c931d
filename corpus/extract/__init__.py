"""Who said what: quote, reported-speech and speaker extraction (pure Python)."""

from __future__ import annotations

from ..model import Extraction


def extract(body: str) -> Extraction:
    """Find the quotes in `body` and the speakers who said them."""
    return Extraction()
