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
from collections.abc import Callable

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


def _texts(
    seed: int, count: int, sentence: Callable[[random.Random], str] = _sentence, most: int = 4
) -> list[str]:
    """`count` seeded texts of up to `most` paragraphs of up to `most` sentences."""
    rng = random.Random(seed)
    return [
        "\n\n".join(
            " ".join(sentence(rng) for _ in range(rng.randint(1, most)))
            for _ in range(rng.randint(1, most))
        )
        for _ in range(count)
    ]


def _quotes(text: str) -> list[str]:
    return [repr(quote) for quote in extract(text).quotes]


def _read_fully(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn the early decision off: every cue is read in full, as before the shortcut."""
    monkeypatch.setattr(ReportedFinder, "_may_report_after", lambda self, view, cue, after: False)


def _spied_decisions(monkeypatch: pytest.MonkeyPatch) -> list[bool | None]:
    """The early decisions taken from now on, in order."""
    decisions: list[bool | None] = []
    original = ReportedFinder._may_report_after

    def spy(self, view, cue, after):  # noqa: ANN001, ANN202
        decisions.append(original(self, view, cue, after))
        return decisions[-1]

    monkeypatch.setattr(ReportedFinder, "_may_report_after", spy)
    return decisions


@pytest.mark.parametrize("seed", range(4))
def test_the_early_decision_finds_what_the_full_reading_finds(seed, monkeypatch):
    texts = _texts(seed, 150)
    early = [_quotes(text) for text in texts]
    _read_fully(monkeypatch)
    assert [_quotes(text) for text in texts] == early


def test_the_early_decision_is_taken_on_quote_dense_copy(monkeypatch):
    """'"a," he said word …' is settled early: no sentence is read past the cue."""
    decisions = _spied_decisions(monkeypatch)
    extract('word "b" word "a," he said word "c" word x "y" z word.')
    assert None in decisions


# The early decision is taken for every cue, not only after a quote: "announced plans
# to …", "said word" in copy with no quote at all. It must find what the full reading
# finds, and an object relative ("what she said was …") must still be read.
PLAIN_SUBJECTS = [
    "He",
    "Kim",
    "The mayor",
    "Officials",
    "A spokesman for the agency",
    "The company",
]
PLAIN_CUES = ["said", "announced", "told", "warned", "argued", "says", "added", "has said"]
AFTER_CUE = ["plans", "word", "voters", "gusts", "closures", "money", "leadership", "inflation",
         "eased", "would", "was", "were", "repeatedly", "the", "in", "on", "that", "reporters",
         "officials", "safety", "rarely", "had", "funds", "what", "a"]  # fmt: skip
TAILS = ["to cut costs", "had eased", "would rise next year", "in the city", "rose sharply",
         "were at risk", "was a mistake", "", "hoped to win", "the plan would fail"]  # fmt: skip
LEADS = ["", "", "The plan, ", "Prices rose, ", "a change ", "what ", "homes "]


def _sentence_without_quotes(rng: random.Random) -> str:
    lead = rng.choice(LEADS)
    subject = rng.choice(PLAIN_SUBJECTS)
    if lead and lead[0].islower():
        subject = subject[0].lower() + subject[1:] if subject != "Kim" else subject
        lead = lead[0].upper() + lead[1:]
    cue, after, tail = rng.choice(PLAIN_CUES), rng.choice(AFTER_CUE), rng.choice(TAILS)
    return f"{lead}{subject} {cue} {after} {tail}.".replace("  ", " ").replace(" .", ".")


@pytest.mark.parametrize("seed", range(3))
def test_plain_words_after_cues_in_copy_without_quotes(seed, monkeypatch):
    texts = _texts(seed, 150, _sentence_without_quotes, most=3)
    early = [_quotes(text) for text in texts]
    _read_fully(monkeypatch)
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
    _read_fully(monkeypatch)
    assert _quotes(text) == early


def test_a_plain_word_after_a_cue_is_settled_early_without_a_quote(monkeypatch):
    decisions = _spied_decisions(monkeypatch)
    extract("The company announced plans to close two plants in the spring.")
    assert decisions == [None]
