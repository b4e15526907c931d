"""Unnamed sources, nominals and plain present-tense clauses (phenomena of blind batch 9)."""

from __future__ import annotations


def quotes(run, *paragraphs: str) -> list[tuple[str, str, str | None, bool]]:
    _, extraction = run(*paragraphs)
    return [(q.kind, q.text, q.speaker, q.anonymous) for q in extraction.quotes]


def test_a_person_close_to_her_is_the_source(run):
    assert quotes(run, "A person close to her said she had commitments from 110 members.") == [
        ("reported", "she had commitments from 110 members", "person close to her", True)
    ]


def test_a_friend_of_a_named_person_is_not_that_person(run):
    found = quotes(
        run,
        "One pal of the MP told the Clarion he was mortified by the row.",
        "“He is not a bad bloke,” the pal said.",
    )
    assert [(kind, speaker, anonymous) for kind, _, speaker, anonymous in found] == [
        ("reported", "pal of the MP", True),
        ("direct", "pal of the MP", True),
    ]


def test_a_noun_of_relation_only_after_an_indefinite(run):
    found = quotes(run, "The friend of the court said the ruling was wrong.")
    assert found and found[0][2] != "court"


def test_a_present_tense_verb_after_a_singular_subject(run):
    assert quotes(run, "Kim Ode said the draft tightens work requirements for adults.") == [
        ("reported", "the draft tightens work requirements for adults", "Kim Ode", False)
    ]


def test_an_object_taking_cue_keeps_its_object(run):
    assert quotes(run, "Kim Ode announced the job cuts on Monday.") == []


def test_an_adverb_between_a_bare_subject_and_its_verb(run):
    assert quotes(run, "Officials said managers regularly added names to the rota.") == [
        ("reported", "managers regularly added names to the rota", "officials", True)
    ]


def test_a_secretary_is_the_minister_and_a_senator_the_lawmaker(run):
    found = quotes(
        run,
        "The housing secretary, Miriam Harcourt, faces a rebellion. “I’ve listened,” the"
        " minister said.",
        "Sen. Ann Lee voted no. “It is wrong,” the lawmaker said.",
    )
    assert [(text, speaker) for _, text, speaker, _ in found] == [
        ("I’ve listened,", "Miriam Harcourt"),
        ("It is wrong,", "Ann Lee"),
    ]


def test_a_participle_after_the_speaker_of_an_inverted_cue(run):
    found = quotes(run, '"He has been here five minutes," said one GOP lawmaker backing Ambrose.')
    assert found == [("direct", "He has been here five minutes,", "GOP lawmaker", True)]


def test_a_member_is_described_as_the_group_is(run):
    found = quotes(
        run,
        "The count is close, according to three GOP lawmakers and two aides tracking it.",
        '"It always ends this way," one senior Republican lawmaker said.',
        '"We will see," another GOP lawmaker said.',
    )
    assert [speaker for _, _, speaker, _ in found] == [
        "GOP lawmakers and two aides",
        "senior Republican lawmaker",
        "GOP lawmakers and two aides",
    ]


def test_a_body_s_spokesman_speaks_for_the_body(run):
    found = quotes(
        run,
        "The Tanker Owners Association denied it.",
        'The association\'s spokesman said: "We are not the villains in this story."',
    )
    assert (
        "direct",
        "We are not the villains in this story.",
        "Tanker Owners Association",
        False,
    ) in found


def test_an_acronym_for_a_body_named_with_a_qualifier(run):
    found = quotes(
        run,
        "The State Department of Transportation closed the bridge.",
        "DOT says pedestrians will still be allowed on the walkway.",
    )
    assert [speaker for _, _, speaker, _ in found] == ["State Department of Transportation"]


def test_first_names_from_beyond_the_anglophone_press_tell_gender(run):
    found = quotes(
        run,
        "When Chief Minister Vikram Rathore stood beside Suhasini Pillai two years ago, he"
        ' described their alliance as "a marriage of conviction."',
        'Addressing a rally, she said her party "did not enter this government to fail."',
    )
    assert [speaker for _, _, speaker, _ in found] == [
        "Vikram Rathore",
        "Suhasini Pillai",
        "Suhasini Pillai",
    ]


def test_one_with_an_unlisted_modifier_before_the_role(run):
    found = quotes(run, '"Permits are not the only problem," one chip executive told Axios.')
    assert found == [("direct", "Permits are not the only problem,", "chip executive", True)]


def test_an_office_with_one_holder_never_named(run):
    found = quotes(
        run,
        'The president weighed in, posting on social media: "Democrats closed the government."',
        "Later the president said the talks were over.",
    )
    assert [(kind, speaker, anonymous) for kind, _, speaker, anonymous in found] == [
        ("direct", "president", False),
        ("reported", "president", False),
    ]


def test_one_official_is_one_of_the_officials_not_the_single_official_named_nearer(run):
    body = (
        "The inspector general was fired, according to two administration officials and a "
        "letter reviewed by The Post. A White House personnel official informed her that she "
        "was done. The president was frustrated, one official said."
    )
    _, extraction = run(body)
    speakers = [(q.speaker, q.mention) for q in extraction.quotes if q.kind == "reported"]
    assert speakers[0] == ("administration officials", "two administration officials")
    assert speakers[-1] == ("administration officials", "one official")


def test_a_person_close_to_her_is_named_for_whom_her_means(run):
    assert quotes(
        run,
        "Rep. Dana Ambrose is running for whip. A person close to her said she had the votes.",
    ) == [("reported", "she had the votes", "person close to Ambrose", True)]


def test_an_aside_after_the_body_an_unnamed_source_works_at_is_not_their_name(run):
    for aside in (
        ", who asked not to be named,",
        ", speaking on condition of anonymity,",
        " who asked not to be identified",
    ):
        found = quotes(
            run, f"A senior official at the State Department{aside} said the talks had stalled."
        )
        assert found == [
            ("reported", "the talks had stalled", "senior official at the State Department", True)
        ]


def test_the_body_an_unnamed_source_works_at_stays_in_their_name(run):
    found = quotes(
        run, "An aide at the Office of Housing and Works, in a call, said it had stalled."
    )
    assert [speaker for _, _, speaker, _ in found] == ["aide at the Office of Housing and Works"]


def test_she_after_an_unnamed_single_source_who_reported_is_that_source(run):
    found = quotes(
        run,
        "Ann Lee chairs the panel. Another parent, who asked that her name not be used,"
        ' said she supported the book. "My kid picked a different book," she said.',
    )
    assert [(kind, speaker, anonymous) for kind, _, speaker, anonymous in found] == [
        ("reported", "parent", True),
        ("direct", "parent", True),
    ]


def test_he_after_a_lone_unnamed_official(run):
    found = quotes(
        run, 'A senior official said the talks had stalled. "We are not there yet," he said.'
    )
    assert found[-1] == ("direct", "We are not there yet,", "senior official", True)


def test_a_named_person_after_the_unnamed_source_is_nearer(run):
    found = quotes(
        run,
        'One aide said the talks had stalled. Ann Lee chairs the panel. "Not yet," she said.',
    )
    assert found[-1] == ("direct", "Not yet,", "Ann Lee", False)


def test_an_unnamed_source_who_only_gave_a_phrase_is_not_she(run):
    found = quotes(
        run,
        "Mrs. Ann Lee served four terms, with ratings a local pollster once described as"
        ' "frankly un-American." Ask her why, and she tells the story.',
        '"The water came up on a Tuesday," she said.',
    )
    assert found[-1][2] == "Ann Lee"


def test_two_of_them_speak_for_the_sources_named_before(run):
    found = quotes(
        run,
        "The plan is set, the sources said. A final decision could come next week,"
        " two of them said.",
    )
    assert found[-1] == ("reported", "A final decision could come next week", "sources", True)
