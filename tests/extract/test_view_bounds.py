"""The views' sentence bounds, built edge by edge (and shared by one-sentence
paragraphs), must equal the per-token reference they replaced, on every word."""

from __future__ import annotations

import random
from pathlib import Path

from quoth.corpus.extract import views as views_module
from quoth.corpus.extract.marks import find_marks
from quoth.corpus.extract.spans import pair_marks
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.extract.views import ParagraphView, build_views

GOLD = Path(__file__).resolve().parents[1] / "gold"

PIECES = [
    "The", "senator", "said", "Sen.", "Jane", "Q.", "Doe", "U.S.", "No.", "2", "Rs5.4",
    "it", "was", ".", ".", "?", "!", ",", "he", "told", "Zoom", "in", ":", "What's", "next",
    '"We', 'go."', '"Yes."', "“Now.”", "“It", "ends.”", '"', "«Non.»", "Kerr:",
]  # fmt: skip


def reference_bounds(view: ParagraphView) -> tuple[list[int], list[int]]:
    """The bounds as views built them before: every boundary, sorted, spread per token."""
    tokens = view.tokens
    count = len(tokens)
    boundaries = []
    for index in view.enders:
        following = index + 1
        if following < count:
            head = tokens[following].text[:1]
            if head.islower() or (tokens[following].start == tokens[index].end and head.isalnum()):
                continue
        boundaries.append(following)
    if view.quote_enders:
        boundaries += views_module._quote_ends(view.body, view)
    label_end = reference_label_end(view)
    if label_end is not None:
        boundaries.append(label_end)
    if not boundaries:
        return [0] * count, [count - 1] * count
    edges = sorted(set(boundaries))
    if edges[-1] == count:
        edges.pop()
    edges = [0, *edges, count]
    starts = [0] * count
    lasts = [0] * count
    for first, stop in zip(edges, edges[1:], strict=False):
        starts[first:stop] = [first] * (stop - first)
        lasts[first:stop] = [stop - 1] * (stop - first)
    return starts, lasts


def reference_label_end(view: ParagraphView) -> int | None:
    """_label_end as it read the first token before it asked the view's capitals."""
    tokens = view.tokens
    if len(tokens) < 3 or not tokens[0].text[:1].isupper():
        return None
    return views_module._label_end(view)


def views_of(body: str) -> list[ParagraphView]:
    paras = paragraphs(body)
    return build_views(body, paras, pair_marks(body, find_marks(body), paras))


def assert_bounds_match(body: str) -> None:
    for view in views_of(body):
        assert views_module._label_end(view) == reference_label_end(view), body
        starts, lasts = reference_bounds(view)
        assert list(view.sentence_start) == starts, body
        assert list(view.sentence_last) == lasts, body


def test_bounds_of_random_text_match_the_reference():
    rng = random.Random(5)
    for _ in range(3000):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 40))]
        assert_bounds_match(" ".join(words))


def test_bounds_of_gold_articles_match_the_reference():
    for path in sorted(GOLD.glob("**/articles/*.txt"))[:200]:
        assert_bounds_match(path.read_text())


def test_one_sentence_bounds_are_shared_and_immutable():
    first = views_of("It was a long day for the senator in the capital")[0]
    second = views_of("Another day came for the senator on the hill and then")[0]
    assert len(first.tokens) == len(second.tokens)
    assert first.sentence_last is second.sentence_last  # shared: so they must be tuples
    assert isinstance(first.sentence_start, tuple)
    assert first.sentence_last == (len(first.tokens) - 1,) * len(first.tokens)
