from __future__ import annotations

from quoth.corpus.extract import extract
from quoth.corpus.extract.cues import find_cues
from quoth.corpus.extract.mentions import subject_after, subject_before
from quoth.corpus.extract.text import tokenise


def subject(text: str, whole: bool = False) -> tuple[str, str] | None:
    tokens = tokenise(text, 0, len(text))
    cue = find_cues(tokens, [True] * len(tokens))[0]
    mention = subject_before(tokens, cue.first, 0, whole)
    if mention is None:
        return None
    return text[tokens[mention.first].start : tokens[mention.last].end], mention.head


def test_title_and_name():
    assert subject("US State Department spokesperson Matthew Miller said it.") == (
        "US State Department spokesperson Matthew Miller",
        "name",
    )


def test_appositive_is_kept_and_aside_dropped():
    assert subject("Senate Majority Leader Harold Brennan, D-Ore., said it.", whole=True) == (
        "Senate Majority Leader Harold Brennan, D-Ore.,",
        "name",
    )
    assert subject("The Inter-Services Public Relations (ISPR), in a statement, said x.") == (
        "The Inter-Services Public Relations (ISPR)",
        "name",
    )


def test_pronouns_and_nominals():
    assert subject("he said.") == ("he", "pronoun")
    assert subject("In a post on X, the minister said x.") == ("the minister", "person_noun")
    assert subject("the military's media wing mentioned x.") == (
        "the military's media wing",
        "org_nominal",
    )
    assert subject("The aides said x.") == ("The aides", "group")


def test_anonymous_groups_are_flagged():
    text = "Security officials, speaking on condition of anonymity, told Dawn that x."
    tokens = tokenise(text, 0, len(text))
    cue = find_cues(tokens, [True] * len(tokens))[0]
    mention = subject_before(tokens, cue.first, 0, whole=False)
    assert mention is not None and mention.anonymous


def test_whole_rejects_a_phrase_with_leftovers():
    assert subject("the vote was close as Smith said.", whole=True) is None


def test_inverted_subject_after_cue():
    text = "said Brian Fallon, the campaign's press secretary."
    tokens = tokenise(text, 0, len(text))
    mention = subject_after(tokens, 1, len(tokens) - 2)
    assert mention is not None
    assert text[tokens[mention.first].start : tokens[mention.last].end].startswith("Brian Fallon")


def test_not_a_mention():
    assert subject("it rained, and then said.") is None or subject("and then quickly said.") is None


def test_partitive_subject_keeps_the_whole_phrase():
    assert subject("The top brass of the Pakistan Army has said x.") == (
        "The top brass of the Pakistan Army",
        "name",
    )


def test_post_modified_heads():
    assert subject("Security officials in Miranshah told Dawn that x.") == (
        "Security officials in Miranshah",
        "group",
    )
    found = subject("a source close to Farraday told The Ledger x.")
    assert found is not None and found[1] == "person_noun"


def test_a_speech_verb_after_a_name_is_no_modifier_and_and_said_shares_the_subject():
    for body in (
        "Lena Sutherland accused Republicans of staging a hearing and said the bill was dead.",
        "Ranking member Lena Sutherland, D-N.M., accused Republicans of staging a hearing and "
        "said the bill was dead.",
        "Acting Director Lena Sutherland rejected the plan and said the bill was dead.",
    ):
        [quote] = extract(body).quotes
        assert (quote.text, quote.speaker) == ("the bill was dead", "Lena Sutherland"), body
