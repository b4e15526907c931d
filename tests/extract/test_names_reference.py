"""The names stage's shortcuts against the plain definitions they replace.

name_runs looks only at capitals, the anonymity offsets are found through a stem
of each phrase, and the registry finds people by surname from its index: each
must give what the straightforward scan gives, on every gold article, on
generated bench articles, and on edge cases written for the shortcut.
"""

from __future__ import annotations

import bisect
import random
import sys
from pathlib import Path

import pytest
from quoth.corpus.extract.lexicon import Lexicon
from quoth.corpus.extract.lexicon import load as load_lexicon
from quoth.corpus.extract.marks import find_marks
from quoth.corpus.extract.mentions import NON_NAME_CAPITALS
from quoth.corpus.extract.names import (
    RUN_JOINERS,
    _paragraphs_holding,
    _withholding_offsets,
    name_runs,
    sight_names,
)
from quoth.corpus.extract.spans import pair_marks
from quoth.corpus.extract.speakers import NameReading, Registry
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.extract.views import ParagraphView, build_views

TESTS = Path(__file__).resolve().parents[1]

EDGE_CASES = [
    "Host Maya Castellano said so. The host maya said so.",
    "The minister's Ann Lee spoke. The minister's aide, Ann Lee, spoke.",
    "Deputy minister Jane Doe and deputy prime minister Tom Reyes met.",
    "He met senator “Ann Lee” and senator “said” Ann Lee.",
    "Ruth Calloway's memoir, and the Office of Management and Budget (OMB), and ( Lee ).",
    "Sen. Harold Brennan, D-Ore., and Gov. Ann Lee of Kansas met in Squirrel Hill.",
    "A Border Patrol agent, who asked not to be named, and another who Asked Not To Be Named, "
    "spoke on CONDITION OF ANONYMITY; people Familiar with the talks, speaking privately.",
    "asked not to be named\n\nnot to be named not to be named\n\ndeclined to be identified",
    "İİİ asked not to be named. İ Condition of anonymity.",
    "",
    "Brennan",
]


def _reference_name_runs(view: ParagraphView, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Every token a candidate: a capital, or a title word before a capital."""
    tokens, outside = view.tokens, view.outside
    runs = []
    count = len(tokens)
    index = 0
    for start in range(count):
        token = tokens[start]
        opens = token.text[:1].isupper() or (
            token.lower in lexicon.title_words
            and start + 1 < count
            and tokens[start + 1].text[:1].isupper()
        )
        if start < index or not (outside[start] and opens):
            continue
        first = last = start
        index = start + 1
        while index < count and outside[index] and not tokens[last].text.endswith(("'s", "’s")):
            token = tokens[index]
            if (
                token.text[:1].isupper()
                or token.text == "("
                or (token.text == ")" and last == index - 1)
            ):
                last = index
            elif (
                (token.lower in RUN_JOINERS or token.lower in lexicon.title_words)
                and index + 1 < count
                and (
                    tokens[index + 1].text[:1].isupper()
                    or tokens[index + 1].lower in lexicon.title_words
                )
            ):
                pass
            else:
                break
            index += 1
        while first < last and tokens[first].lower in NON_NAME_CAPITALS:
            first += 1
        opener = tokens[first]
        if (opener.text[:1].isupper() and opener.lower not in NON_NAME_CAPITALS) or (
            opener.lower in lexicon.title_words and last > first + 1
        ):
            runs.append((first, last))
    return runs


def _reference_withholding(body: str, lexicon: Lexicon) -> list[int]:
    """Offsets in `body` of every phrase, whatever the case of its ASCII letters."""
    offsets = []
    for phrase in lexicon.anonymity_phrases:
        for at in range(len(body) - len(phrase) + 1):
            window = body[at : at + len(phrase)]
            if window.isascii() and window.lower() == phrase:
                offsets.append(at)
    return sorted(offsets)


def _bodies() -> list[str]:
    gold = sorted((TESTS / "gold").glob("**/articles/*.txt"))
    bodies = [path.read_text(encoding="utf-8") for path in gold]
    sys.path.insert(0, str(TESTS / "bench"))
    try:
        from bench_extract import make_article
    finally:
        sys.path.remove(str(TESTS / "bench"))
    rng = random.Random(5)
    return bodies + [make_article(rng) for _ in range(60)] + EDGE_CASES


BODIES = _bodies()
BODY_IDS = [f"body{number}" for number in range(len(BODIES))]  # bodies are long


def _views(body: str) -> list[ParagraphView]:
    paras = paragraphs(body)
    return build_views(body, paras, pair_marks(body, find_marks(body), paras))


@pytest.mark.parametrize("body", BODIES, ids=BODY_IDS)
def test_name_runs_match_the_token_by_token_scan(body: str) -> None:
    lexicon = load_lexicon()
    for view in _views(body):
        assert name_runs(view, lexicon) == _reference_name_runs(view, lexicon)


@pytest.mark.parametrize("body", BODIES, ids=BODY_IDS)
def test_withholding_offsets_match_a_search_for_every_phrase(body: str) -> None:
    lexicon = load_lexicon()
    offsets = _withholding_offsets(body, lexicon)
    assert offsets == _reference_withholding(body, lexicon)
    views = _views(body)
    holding = {
        position
        for position, view in enumerate(views)
        if (index := bisect.bisect_left(offsets, view.paragraph.start)) < len(offsets)
        and offsets[index] < view.paragraph.end
    }
    assert _paragraphs_holding([view.paragraph for view in views], offsets) == holding


def test_the_edge_cases_do_hold_anonymity_phrases() -> None:
    # Guards the test above from passing on bodies that never reach the phrase search.
    assert len(_withholding_offsets(EDGE_CASES[6], load_lexicon())) >= 5


@pytest.mark.parametrize("body", BODIES, ids=BODY_IDS)
def test_by_surname_holds_every_person_under_their_surname(body: str) -> None:
    registry = Registry(body)
    views = _views(body)
    sight_names(body, views, registry)
    # Speakers named later in the copy go through the same index.
    for word in ("Brennan", "Lee", "Castellano", "Harold Brennan Jr"):
        registry.named_speaker(len(body), NameReading("single", word, []))
    persons = [e for e in registry.entities if e.kind == "person"]
    indexed = [e for people in registry.by_surname.values() for e in people]
    assert sorted(map(id, persons)) == sorted(map(id, indexed))
    for surname, people in registry.by_surname.items():
        assert all(person.surname == surname for person in people)


def test_cached_readings_are_never_modified_by_their_users() -> None:
    # Readings are shared between every run that reads the same (names, mentions):
    # a stage that added a title to one would leak it into other articles.
    from dataclasses import astuple

    from quoth.corpus.extract import extract
    from quoth.corpus.extract.speakers import _READINGS

    for body in BODIES:
        extract(body)
    before = {key: astuple(reading) for key, reading in _READINGS.items() if reading is not None}
    assert before, "the corpus reads names"
    for body in BODIES:
        extract(body)
    after = {key: astuple(_READINGS[key]) for key in before if _READINGS.get(key) is not None}
    assert after == {key: before[key] for key in after}
    assert len(after) > len(before) // 2  # most survived: the bound on the cache was not hit
