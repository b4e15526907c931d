"""ReportedFinder._at settles some cues early, from the word right after the cue
(_may_report_after): it must find what the full reading finds.

Each text is read twice, once as it is and once with the early decision turned
off (the full reading, as before the shortcut), and the two must agree quote for
quote. The texts are seeded random sentences built around the cases the early
test tells apart: a plain word after the cue, a comma or a closing mark before it
("CLAUSE, said X"), a time or place after it ("CLAUSE, X said on Monday"), a
person told, an auxiliary, "according to", and quotes before the cue.
"""

from __future__ import annotations

import random

import pytest
from quoth.corpus.extract import extract
from quoth.corpus.extract.reported import ReportedFinder

PLAIN = ["word", "plans", "voters", "gusts", "closures", "officials", "money", "safety", "winds",
         "leadership", "inflation", "eased", "hoped", "would", "ripple", "deserve", "rarely",
         "privately", "that", "the", "he", "they", "on", "in", "at", "last", "week", "Monday",
         "reporters", "lawmakers", "only", "about", "nearly", "40", "half", "has", "had", "been",
         "not", "who", "which", "and", "but", "as", ",", ".", "—", ":", '"', "“", "”"]  # fmt: skip
SUBJECTS = ["he", "Kim", "The mayor", "Officials", "A spokesman for the agency", "Police", "They"]
CUES = ["said", "told", "says", "added", "warned", "according to", "saying", "argued", "noted"]
CLAUSES = ["the plan would fail", "Prices have risen", "the deal was close", "voters wanted change"]
AFTER_WORDS = ["week", "reporters", "morning", "him", "on Monday", "word", "recently", "daily"]
INVERTED_ENDS = ["officials", "residents said", "police on Monday", "word", "the mayor", "analysts"]


def _sentence(rng: random.Random) -> str:
    words = lambda low, high: " ".join(rng.choice(PLAIN) for _ in range(rng.randint(low, high)))  # noqa: E731
    if rng.random() < 0.2:  # "CLAUSE, said X": a plain word after the cue, a comma before it
        closing = rng.choice([",", ',"', ",”"])
        opening = {",": "", ',"': '"', ",”": "“"}[closing]
        clause = rng.choice(CLAUSES)
        if rng.random() < 0.5:  # 'The plan was "dead," said officials': a fragment quoted
            clause, opening = f"{clause} {opening}{rng.choice(PLAIN[:12])}", ""
        if rng.random() < 0.5:  # "CLAUSE, X said reporters": a time or place after the cue
            subject, cue = rng.choice(SUBJECTS), rng.choice(CUES)
            return f"{opening}{clause}{closing} {subject} {cue} {rng.choice(AFTER_WORDS)}."
        return f"{opening}{clause}{closing} {rng.choice(CUES)} {rng.choice(INVERTED_ENDS)}."
    lead = rng.choice(["", f'"{words(1, 5)}," ', f"“{words(1, 5)},” ", f"{words(2, 8)}, "])
    aside = f", {words(1, 4)}," if rng.random() < 0.25 else ""
    auxiliary = rng.choice(["", "", "", " has", " was", " would"])
    tail = f" {words(0, 12)}" + (f', "{words(1, 4)}"' if rng.random() < 0.3 else "")
    return f"{lead}{rng.choice(SUBJECTS)}{aside}{auxiliary} {rng.choice(CUES)}{tail}."


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "\n\n".join(
            " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 4))
        )
        for _ in range(count)
    ]


def _quotes(text: str) -> list[str]:
    return [repr(quote) for quote in extract(text).quotes]


@pytest.mark.parametrize("seed", range(4))
def test_the_early_decision_finds_what_the_full_reading_finds(seed, monkeypatch):
    texts = _texts(seed, 150)
    early = [_quotes(text) for text in texts]
    monkeypatch.setattr(ReportedFinder, "_may_report_after", lambda self, view, cue, after: False)
    assert [_quotes(text) for text in texts] == early


def test_the_early_decision_is_taken_on_quote_dense_copy(monkeypatch):
    """'"a," he said word …' is settled early: no sentence is read past the cue."""
    decisions = []
    original = ReportedFinder._may_report_after

    def spy(self, view, cue, after):
        decisions.append(original(self, view, cue, after))
        return decisions[-1]

    monkeypatch.setattr(ReportedFinder, "_may_report_after", spy)
    extract('word "b" word "a," he said word "c" word x "y" z word.')
    assert None in decisions
