"""Shared fixtures for the reader tests (helpers live in each test module: with
--import-mode=importlib, test modules cannot import one another)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
