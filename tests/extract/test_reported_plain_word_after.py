"""The early decision of ReportedFinder._at on the word right after a cue
(_may_report_after) is taken for every cue, not only after a quote: "announced plans
to …", "said word" in copy with no quote at all. It must find what the full
reading finds, and an object relative ("what she said was …") must still be read."""

from __future__ import annotations

import random

import pytest
from quoth.corpus.extract import extract
from quoth.corpus.extract.reported import ReportedFinder

SUBJECTS = ["He", "Kim", "The mayor", "Officials", "A spokesman for the agency", "The company"]
CUES = ["said", "announced", "told", "warned", "argued", "says", "added", "has said"]
AFTER = ["plans", "word", "voters", "gusts", "closures", "money", "leadership", "inflation",
         "eased", "would", "was", "were", "repeatedly", "the", "in", "on", "that", "reporters",
         "officials", "safety", "rarely", "had", "funds", "what", "a"]  # fmt: skip
TAILS = ["to cut costs", "had eased", "would rise next year", "in the city", "rose sharply",
         "were at risk", "was a mistake", "", "hoped to win", "the plan would fail"]  # fmt: skip
LEADS = ["", "", "The plan, ", "Prices rose, ", "a change ", "what ", "homes "]


def _sentence(rng: random.Random) -> str:
    lead = rng.choice(LEADS)
    subject = rng.choice(SUBJECTS)
    if lead and lead[0].islower():
        subject = subject[0].lower() + subject[1:] if subject != "Kim" else subject
        lead = lead[0].upper() + lead[1:]
    return f"{lead}{subject} {rng.choice(CUES)} {rng.choice(AFTER)} {rng.choice(TAILS)}.".replace(
        "  ", " "
    ).replace(" .", ".")


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "\n\n".join(
            " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 3))
        )
        for _ in range(count)
    ]


def _quotes(text: str) -> list[str]:
    return [repr(quote) for quote in extract(text).quotes]


@pytest.mark.parametrize("seed", range(3))
def test_plain_words_after_cues_in_copy_without_quotes(seed, monkeypatch):
    texts = _texts(seed, 150)
    early = [_quotes(text) for text in texts]
    monkeypatch.setattr(ReportedFinder, "_may_report_after", lambda self, view, cue, after: False)
    assert [_quotes(text) for text in texts] == early


@pytest.mark.parametrize(
    "text",
    [
        "Ann Cole spoke on Monday. What she said was a floppy disk drive nobody used.",
        # a quote earlier in the sentence: the early test once read the relative only
        # up to the verb, and missed the words said past it
        'Ann Cole called it "a relic," and what she said was a floppy disk drive nobody used.',
        "Ann Cole spoke on Monday. The council backed a change she said would raise costs.",
    ],
)
def test_object_relatives_are_left_to_the_full_reading(text, monkeypatch):
    early = _quotes(text)
    assert any("reported" in quote for quote in early)
    monkeypatch.setattr(ReportedFinder, "_may_report_after", lambda self, view, cue, after: False)
    assert _quotes(text) == early


def test_a_plain_word_after_a_cue_is_settled_early_without_a_quote(monkeypatch):
    decisions = []
    original = ReportedFinder._may_report_after

    def spy(self, view, cue, after):
        decisions.append(original(self, view, cue, after))
        return decisions[-1]

    monkeypatch.setattr(ReportedFinder, "_may_report_after", spy)
    extract("The company announced plans to close two plants in the spring.")
    assert decisions == [None]
