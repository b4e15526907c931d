"""The gold articles (already in body form) read back unchanged: quote offsets depend on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from quoth.corpus.model import Article
from quoth.corpus.readers import read_path

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold" / "articles"
GOLD_TEXTS = sorted(GOLD_DIR.glob("*.txt")) if GOLD_DIR.is_dir() else []


@pytest.mark.skipif(not GOLD_TEXTS, reason="no gold articles in this checkout")
@pytest.mark.parametrize("path", GOLD_TEXTS, ids=lambda path: path.stem)
def test_gold_body_is_read_faithfully(path: Path) -> None:
    [article] = list(read_path(path))
    assert isinstance(article, Article)
    assert article.body == path.read_text(encoding="utf-8").strip()
    assert article.title and "\n" not in article.title
