"""Main-text extraction quality on hand-made pages imitating different CMS layouts.

Run on its own (`python tests/formats/test_html_main_text.py`) to print token-level
precision, recall and F1 per page and overall.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from quoth.corpus.readers.htmltext import extract_main_text

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(p.stem for p in FIXTURES.glob("*.html") if p.with_suffix(".txt").exists())
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.casefold()))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1, the usual main-text benchmark measure."""
    got, want = tokens(predicted), tokens(gold)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def score_page(name: str) -> tuple[float, float, float]:
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    gold = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return prf("\n\n".join(extract_main_text(html)), gold)


@pytest.mark.parametrize("name", PAGES)
def test_each_page_is_mostly_right(name: str) -> None:
    _, _, f1 = score_page(name)
    assert f1 >= 0.85, f"{name}: F1 {f1:.3f}"


@pytest.mark.parametrize("name", [p for p in PAGES if p.startswith("nohints_")])
def test_pages_without_furniture_hints_are_clean(name: str) -> None:
    # Comments, sign-up boxes and story lists named by no class, id or role.
    _, _, f1 = score_page(name)
    assert f1 >= 0.95, f"{name}: F1 {f1:.3f}"


def test_overall_f1_reaches_goal() -> None:
    scores = [score_page(name)[2] for name in PAGES]
    assert len(scores) >= 10
    assert sum(scores) / len(scores) >= 0.90


def main() -> None:
    totals = []
    for name in PAGES:
        p, r, f = score_page(name)
        totals.append((p, r, f))
        print(f"{name:18} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    n = len(totals)
    print(
        f"{'mean':18} P {sum(t[0] for t in totals) / n:.3f}  "
        f"R {sum(t[1] for t in totals) / n:.3f}  F1 {sum(t[2] for t in totals) / n:.3f}"
    )


if __name__ == "__main__":
    main()
