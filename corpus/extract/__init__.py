"""Who said what: quote, reported-speech and speaker extraction (pure Python).

The pipeline, one module per stage (pipeline.py runs them in this order):
  text        paragraphs with offsets, tokens, sentence ends (shared plumbing)
  marks       find quote marks (double, or single in British copy) and their facing
  spans       pair them into quotes (multi-paragraph too); direct or partial;
              titles of works and scare quotes are set aside
  views       per paragraph: tokens, which are inside quotes, sentence bounds
  cues        speech verbs and phrases ("said", "told reporters", "according to")
  mentions    the words naming a speaker around a cue, with appositives
  names       every name in the narrative, so pronouns have antecedents
  speakers    canonical people, bodies and groups; pronoun and nominal resolution
  attribution direct and partial quotes -> cue, mention, speaker (floating quotes too)
  reported    reported clauses ("X said that …", "…, the ministry said")
  documents   "X issued a statement saying …": a document speaks for its author
  transcript  "KERR: …" speaker-label paragraphs
  nested      quotes inside quotes, and quoted fragments inside reported clauses
Word lists live in lexicon/*.txt (lexicon.py reads them once).
"""

from __future__ import annotations

from ..extractor_version import EXTRACTOR_VERSION
from ..model import Extraction
from .pipeline import run_pipeline


def extract(body: str) -> Extraction:
    """Find the quotes in `body` and the speakers who said them.

    Bad input never raises: an article the extractor cannot read yields no quotes
    rather than stopping an ingest run.
    """
    if not isinstance(body, str) or not body.strip():
        return Extraction()
    try:
        return run_pipeline(body)
    except Exception:  # noqa: BLE001 - a safety net; property tests call run_pipeline directly
        return Extraction()


__all__ = ["EXTRACTOR_VERSION", "extract", "run_pipeline"]
