from __future__ import annotations

from quoth.corpus.extract.cues import find_cues
from quoth.corpus.extract.text import tokenise


def cue_texts(text: str) -> list[str]:
    tokens = tokenise(text, 0, len(text))
    cues = find_cues(tokens, [True] * len(tokens))
    return [text[tokens[c.first].start : tokens[c.last].end] for c in cues]


def test_simple_and_inflected_verbs():
    assert cue_texts("Smith said it. Jones warns that. Lee insisted.") == [
        "said",
        "warns",
        "insisted",
    ]


def test_multiword_cues():
    assert cue_texts("According to police, it rained.") == ["According to"] or cue_texts(
        "according to police, it rained."
    ) == ["according to"]
    assert cue_texts("Smith told reporters that it rained.") == ["told reporters"]
    assert cue_texts("The agency said in a statement that it rained.") == ["said in a statement"]


def test_auxiliaries_and_adverbs_join_the_cue():
    assert cue_texts("The United States had last week reiterated that x.") == [
        "had last week reiterated"
    ]
    assert cue_texts("The army has said that x.") == ["has said"]


def test_nouns_are_not_cues():
    assert cue_texts("The reported presence of the claims.") == []
    assert cue_texts("The United States acted.") == []


def test_misleading_verbs_are_absent():
    assert cue_texts("He believes it. She provided it. They addressed it.") == []


def test_told_with_a_named_object_keeps_the_clause_start():
    text = "Baloch told Dawn that the border was closed."
    tokens = tokenise(text, 0, len(text))
    (cue,) = find_cues(tokens, [True] * len(tokens))
    assert tokens[cue.clause_from].text == "that"


def test_a_nounish_form_before_the_people_it_qualifies_is_no_cue():
    assert cue_texts("Allow state attorneys general to sue.") == []
    assert cue_texts("Lee reports officials quit.") == ["reports"]
    assert cue_texts("Officials state that the plan failed.") == ["state"]
