"""subject_before's shortcut for a lone word before the cue ("…,” Kim said").

The expected readings are those of the general stretch-by-stretch reading the
shortcut skips (checked against it when the shortcut was written).
"""

from __future__ import annotations

import pytest
from quoth.corpus.extract.mentions import subject_before
from quoth.corpus.extract.text import tokenise

LONE_WORDS = {
    "Kim": "name",
    "Smith's": "name",
    "ISPR": "name",
    "he": "pronoun",
    "It": "pronoun",
    "they": "pronoun",
    "one": "member",
    "Officials": "group",
    "officials": "group",
    "spokesman": "person_noun",
    "Someone": "person_noun",
    ",": None,
    "D-Ore.": None,  # a party tag is said of a name, never a name
    "Monday": None,
    "The": None,
    "June": None,
    "(": None,
    ")": None,
    "reportedly": None,  # skipped: nothing is left before the cue
}


@pytest.mark.parametrize("word", list(LONE_WORDS))
@pytest.mark.parametrize("whole", [True, False])
def test_a_lone_word_before_the_cue_reads_as_before(word: str, whole: bool) -> None:
    text = f"“Go,” {word} said"
    tokens = tokenise(text, 0, len(text))
    cue = len(tokens) - 1
    mention = subject_before(tokens, cue, cue - 1, whole)
    if LONE_WORDS[word] is None:
        assert mention is None
    else:
        assert mention is not None
        assert (mention.first, mention.last, mention.head) == (cue - 1, cue - 1, LONE_WORDS[word])
        assert mention.appositives == []
