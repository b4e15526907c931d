"""Which extractor found the quotes: a module of its own, so that the store, the demo
and `quoth stats` can read the number without importing the extractor (45 ms)."""

from __future__ import annotations

# Bumped whenever the extractor's output changes, so that stored extractions are
# known to be stale (`quoth reextract --stale`, the bundled demo's cache key).
EXTRACTOR_VERSION = 13
