"""Helpers shared by the extraction tests."""

from __future__ import annotations

import pytest
from quoth.corpus.extract import run_pipeline
from quoth.corpus.model import Extraction, paragraphs_to_body


def body_of(*paragraphs: str) -> str:
    return paragraphs_to_body(list(paragraphs))


def extract_body(*paragraphs: str) -> tuple[str, Extraction]:
    body = body_of(*paragraphs)
    return body, run_pipeline(body)


@pytest.fixture
def run():
    return extract_body
