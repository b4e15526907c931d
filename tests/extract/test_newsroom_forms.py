"""Attribution forms common in US political copy that the extractor must read.

Each case is one general phenomenon of journalism, written fresh here (not
taken from the gold set), with the quote text and speaker a reader expects.
"""

from __future__ import annotations

import pytest
from quoth.corpus.extract import extract

CASES = [
    # a bare-noun subject whose verb comes a few words on
    (
        "Dale Hutchins said gusts of up to 70 mph had grounded aircraft.",
        "gusts of up to 70 mph had grounded aircraft",
        "Dale Hutchins",
    ),
    (
        "Coach Ann Castellano insisted donor pressure had played no part.",
        "donor pressure had played no part",
        "Ann Castellano",
    ),
    # a time phrase between the cue and the clause
    ("Mayor Ann Cole said Tuesday the city would appeal.", "the city would appeal", "Ann Cole"),
    (
        "Gov. Ray Iles said last week the budget was balanced.",
        "the budget was balanced",
        "Ray Iles",
    ),
    # an addressee before "that"
    (
        "Judge Patricia Onwuachi told jurors that she expected closing arguments next week.",
        "she expected closing arguments next week",
        "Patricia Onwuachi",
    ),
    # party-state tags with dotted states
    (
        "Rep. Peter Lindqvist (R-N.Y.) said he would vote against the bill.",
        "he would vote against the bill",
        "Peter Lindqvist",
    ),
    ("Sen. Ann Cole, D-N.J., said the bill was dead.", "the bill was dead", "Ann Cole"),
    # asides between the subject and the cue
    (
        "Rep. Sandra Lindqvist — no relation — said the cap would be too high.",
        "the cap would be too high",
        "Sandra Lindqvist",
    ),
    (
        "Raymond Obi, one of the two no votes, said the city was moving too fast.",
        "the city was moving too fast",
        "Raymond Obi",
    ),
    # groups named by their part in a bill or a fight, with a possessive before them
    (
        "Its sponsors now say the odds of a vote are slim.",
        "the odds of a vote are slim",
        "sponsors",
    ),
    ("The proponents said the rule was overdue.", "the rule was overdue", "proponents"),
    # a clause that opens with a limited or approximate number
    (
        "Owen Marsh said only four provinces had started delivering coverage.",
        "only four provinces had started delivering coverage",
        "Owen Marsh",
    ),
    (
        "As many as 40 backbenchers have signed a letter, several Labour MPs told the BBC.",
        "As many as 40 backbenchers have signed a letter",
        "Labour MPs",
    ),
    # a compound plural subject before a past tense
    (
        "Ann Lee said security forces conducted an operation overnight.",
        "security forces conducted an operation overnight",
        "Ann Lee",
    ),
    # a verb in -s whose object is a degree ("too much", "more")
    ("Critics said the bill spends too much.", "the bill spends too much", "critics"),
    # an aside that opens with "by" between the subject and the cue
    (
        "The Grain Growers Federation, by contrast, said the tariffs had cost farmers $9 billion.",
        "the tariffs had cost farmers $9 billion",
        "Grain Growers Federation",
    ),
    # two plain nouns joined as the subject of the reported clause
    (
        "Mayor Ann Cole said safety and cost would decide the route.",
        "safety and cost would decide the route",
        "Ann Cole",
    ),
    # a restrictive "who" clause: the people it picks out speak in it
    (
        "The plan drew bipartisan criticism from senators who said the Navy had hidden delays.",
        "the Navy had hidden delays",
        "senators",
    ),
    # "with X saying": the phrase after "with" is the participle's subject
    (
        "The vote was delayed again, with several Republican senators saying they needed time.",
        "they needed time",
        "Republican senators",
    ),
    # a rejoinder with a clause of its own
    (
        "Critics counter that the plan would cost far more than promised.",
        "the plan would cost far more than promised",
        "critics",
    ),
]


@pytest.mark.parametrize(("body", "clause", "speaker"), CASES)
def test_reported_clause_and_speaker(body: str, clause: str, speaker: str) -> None:
    quotes = extract(body).quotes
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [("reported", clause, speaker)]


def test_two_verbs_joined_after_a_cue_are_no_bare_subject() -> None:
    assert extract("The council announced plans and would hold a vote.").quotes == []


def test_a_restrictive_who_clause_that_describes_is_no_attribution() -> None:
    body = (
        "Dr. Peter Holm, who served until 2022, is the only former company official who "
        "agreed to speak on the record. Senators who said the bill was flawed voted no."
    )
    assert extract(body).quotes == []


def test_lower_case_no_ends_a_sentence() -> None:
    body = "Ann Cole said she would vote no. Her aides said nothing."
    quotes = extract(body).quotes
    assert quotes[0].text == "she would vote no"


def test_one_of_them_is_the_group_that_spoke() -> None:
    body = (
        "Two Western diplomats in the region, who requested anonymity, said the coup was "
        'planned. "This was not improvised," one of them said.'
    )
    quotes = extract(body).quotes
    assert [(q.kind, q.speaker, q.anonymous) for q in quotes] == [
        ("reported", "western diplomats", True),
        ("direct", "western diplomats", True),
    ]
    assert quotes[1].mention == "one of them"


def test_one_without_a_group_before_is_nobody() -> None:
    assert extract('Ann Cole won. "This was not improvised," one said.').quotes == []


def test_officials_at_a_place_speak_as_officials() -> None:
    quotes = extract(
        "Officials at the Pentagon said the Navy would buy one fewer submarine."
    ).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("the Navy would buy one fewer submarine", "officials")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "According to two people familiar with the talks, the deal was signed on Friday.",
        "The deal was signed on Friday, according to two people familiar with the talks.",
    ],
)
def test_people_familiar_with_the_matter_are_anonymous_sources(body: str) -> None:
    [quote] = extract(body).quotes
    assert quote.kind == "reported"
    assert quote.text.lower() == "the deal was signed on friday"
    assert quote.speaker == "people familiar with the talks"
    assert quote.anonymous
    assert quote.mention == "two people familiar with the talks"


def test_partial_quote_after_an_auxiliary() -> None:
    [quote] = extract('Ann Cole has repeatedly called the inquiry "a witch hunt."').quotes
    assert (quote.kind, quote.text, quote.speaker) == ("partial", "a witch hunt.", "Ann Cole")


def test_quote_ending_its_sentence_keeps_the_cue_before_it() -> None:
    body = 'Ann Cole said: "We will fight." Tom Smith said the party would regroup.'
    quotes = extract(body).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("direct", "Ann Cole"),
        ("reported", "Tom Smith"),
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The Israeli military said it had struck dozens of targets.", "Israeli military"),
        ("China's foreign ministry said the visit was a provocation.", "China's foreign ministry"),
    ],
)
def test_a_body_named_by_its_modifier_speaks(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("reported", speaker)


def test_a_bare_nominal_with_nobody_named_before_is_not_guessed_but_kept() -> None:
    """No named ministry to resolve to: the quote stays, by "ministry" itself."""
    [quote] = extract("The ministry said the visit was a provocation.").quotes
    assert (quote.text, quote.speaker) == ("the visit was a provocation", "ministry")


def test_a_nickname_between_name_words_is_not_a_quote() -> None:
    quotes = extract('Robert "Bob" Smith said the vote was rigged.').quotes
    assert [(q.kind, q.text) for q in quotes] == [("reported", "the vote was rigged")]


def test_elect_titles_are_not_part_of_the_name() -> None:
    [quote] = extract("President-elect Donald Trump said he would end the war.").quotes
    assert quote.speaker == "Donald Trump"


def test_british_house_style_single_quotes() -> None:
    body = (
        "Housing Minister Rachel Penhaligon said: ‘We will hit the target.\n\n"
        "‘It will take time, but we will do it.’\n\n"
        "‘My youngest has never known a proper home,’ Mr Doyle told the BBC."
    )
    quotes = extract(body).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("direct", "Rachel Penhaligon"),
        ("direct", "Doyle"),
    ]
    assert quotes[0].text.endswith("but we will do it.")


def test_month_names_can_be_first_names() -> None:
    [quote] = extract("April Ryan said the briefing was cancelled.").quotes
    assert quote.speaker == "April Ryan"


def test_colon_after_a_sentence_about_the_speaker() -> None:
    body = 'Gov. Caleb Strickland fired back on Saturday: "Numbers do not make you feel safe."'
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("direct", "Caleb Strickland")


def test_a_short_sentence_about_the_speaker_then_the_quote() -> None:
    body = (
        '"If that room had not been there, I would be dead," Loretta Tate said. She paused. '
        '"I would like to think it will be there for the next person."'
    )
    quotes = extract(body).quotes
    assert [(q.speaker, q.mention) for q in quotes] == [
        ("Loretta Tate", "Loretta Tate"),
        ("Loretta Tate", "She"),
    ]


def test_floating_quote_past_a_title_and_an_interviewer() -> None:
    body = (
        "“We are not done,” Deirdre Kovach told CNN’s Marcus Ellery on “State of the Union” "
        "Sunday. “We are going to be here for a long time.”"
    )
    quotes = extract(body).quotes
    assert [q.speaker for q in quotes] == ["Deirdre Kovach", "Deirdre Kovach"]
    assert quotes[1].text.startswith("We are going")


def test_a_quote_with_its_own_unresolved_cue_is_not_given_to_the_previous_speaker() -> None:
    body = '"We will win," Ann Cole said. "We will lose," the committee said.'
    quotes = extract(body).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will win,", "Ann Cole"),
        ("We will lose,", "committee"),  # a committee never named: known by its noun
    ]


def test_the_nominal_refers_back_to_an_anonymous_source() -> None:
    body = (
        "A longtime Harlan adviser, who spoke on the condition of anonymity, said the "
        'campaign tested dozens of phrases.\n\n"Voters remember how you made them feel," '
        "the adviser said."
    )
    quotes = extract(body).quotes
    assert [(q.kind, q.anonymous) for q in quotes] == [("reported", True), ("direct", True)]
    assert quotes[0].speaker == quotes[1].speaker


@pytest.mark.parametrize(
    "body",
    [
        "Mayor Franklin Odell announced his resignation in a letter that was released on Friday.",
        "Gov. Caleb Strickland posted a video on X of a downtown street littered with tents.",
        "Lyle Strand, who has spent two years on the bill, told POLITICO on Tuesday it would pass.",
    ],
)
def test_objects_and_addressees_are_not_reported_clauses(body: str) -> None:
    assert all(q.text.lower().startswith("it would") for q in extract(body).quotes)


@pytest.mark.parametrize(
    ("body", "clause", "speaker"),
    [
        (
            "NEW YORK, Oct 9 (Reuters) - Federal Reserve Governor Miriam Langhorne said on "
            "Thursday the central bank should be patient.",
            "the central bank should be patient",
            "Miriam Langhorne",
        ),
        (
            "* Trudy Bellamy said the bill was written to avoid regulation.",
            "the bill was written to avoid regulation",
            "Trudy Bellamy",
        ),
        (
            "Her benefit usually arrives on the fourth, Alisha Grant said, and she had budgeted "
            "nothing extra.",
            "Her benefit usually arrives on the fourth",
            "Alisha Grant",
        ),
        (
            "For every meal a food bank gives, SNAP gives nine, according to Feeding Midwest.",
            "For every meal a food bank gives, SNAP gives nine",
            "Feeding Midwest",
        ),
        (
            "Police Chief Hector Valdes said about 40% of the guns had been bought legally.",
            "about 40% of the guns had been bought legally",
            "Hector Valdes",
        ),
        (
            "Two legislative aides involved in the talks said the chambers were far apart.",
            "the chambers were far apart",
            "legislative aides",
        ),
        (
            "Two Republican senators privately told officials that they would not support her.",
            "they would not support her",
            "Republican senators",
        ),
        (
            "Speaker Thomas Wexford has argued that the country cannot keep borrowing and has "
            "proposed a cap.",
            "the country cannot keep borrowing",
            "Thomas Wexford",
        ),
    ],
)
def test_more_reported_forms(body: str, clause: str, speaker: str) -> None:
    found = [(q.kind, q.text, q.speaker) for q in extract(body).quotes]
    assert ("reported", clause, speaker) in found


def test_a_question_lead_in_is_no_clause() -> None:
    body = 'Asked whether she was worried, Ann Cole said, "No."'
    assert all(q.kind != "reported" for q in extract(body).quotes)


def test_the_words_before_an_interrupting_attribution_are_no_clause() -> None:
    body = 'The panic button, Darla Mays says, has never been pressed. "Good," she says.'
    assert "The panic button" not in [q.text for q in extract(body).quotes]


def test_who_said_after_an_appositive_is_the_named_person() -> None:
    body = (
        "Among the no votes was Council Member Dennis Mulroney, a Staten Island Republican, "
        "who said the city was rushing approvals."
    )
    [quote] = extract(body).quotes
    assert quote.speaker == "Dennis Mulroney"


def test_people_of_a_place_are_not_a_person() -> None:
    body = (
        'Lt. Gov. Virgil Pike said the law was "a compromise" that most North Carolinians '
        "supported. He said he had no plans to go further."
    )
    assert {q.speaker for q in extract(body).quotes} == {"Virgil Pike"}


def test_the_group_is_the_association_not_the_outlet() -> None:
    body = (
        "The Mountain State Rifle Association opposed the bill, its director told the BBC. "
        "The group said it would file a lawsuit within days."
    )
    quotes = [q for q in extract(body).quotes if q.text.startswith("it would")]
    assert [q.speaker for q in quotes] == ["Mountain State Rifle Association"]


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        (
            "A senior administration official said the talks were close but acknowledged that "
            "the count was challenging.",
            "the count was challenging",
        ),
        (
            "A growing number of Senate Democrats say they are open to a carve-out.",
            "they are open to a carve-out",
        ),
        (
            "State Rep. Curtis Abernathy says he's trying to get money for the town.",
            "he's trying to get money for the town",
        ),
    ],
)
def test_shared_subjects_quantities_and_contractions(body: str, clause: str) -> None:
    assert clause in [q.text for q in extract(body).quotes if q.kind == "reported"]


def test_a_relative_clause_after_an_object_is_no_reported_clause() -> None:
    body = 'The White House joined in, posting a graphic that labeled the closure "a shutdown."'
    assert [q.kind for q in extract(body).quotes if q.kind == "reported"] == []


@pytest.mark.parametrize(
    ("body", "clause", "speaker", "mention"),
    [
        (
            "The bill went to Gov. Curtis Bellamy, who has said he will sign it.",
            "he will sign it",
            "Curtis Bellamy",
            "Gov. Curtis Bellamy",
        ),
        (
            "The Pentagon, which said the strike was legal, declined to comment further.",
            "the strike was legal",
            "Pentagon",
            "The Pentagon",
        ),
    ],
)
def test_who_and_which_said(body: str, clause: str, speaker: str, mention: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker, quote.mention) == (clause, speaker, mention)


def test_a_document_which_says_is_no_speaker() -> None:
    body = "They cite the 14th Amendment, which says the public debt shall not be questioned."
    assert extract(body).quotes == []


def test_an_indefinite_source_is_not_one_of_an_earlier_group() -> None:
    body = (
        "Two U.S. officials said the strike was legal. "
        "A defense official said the Pentagon had briefed leaders. "
        '"We knew," another official said.'
    )
    speakers = [q.speaker for q in extract(body).quotes]
    assert speakers[:2] == ["U.S. officials", "defense official"]
    assert speakers[2] in {"U.S. officials", "defense official"}


def test_partial_quotes_in_object_relatives_and_after_gerunds() -> None:
    body = (
        "Stanton City Councilman Dwight Hutchins met the organizers. They say they have the "
        'signatures, a claim the councilman called "wishful thinking." Rep. Ann Cole has taken '
        'to calling him "the Yale populist."'
    )
    partials = [(q.text, q.speaker) for q in extract(body).quotes if q.kind == "partial"]
    assert partials == [
        ("wishful thinking.", "Dwight Hutchins"),
        ("the Yale populist.", "Ann Cole"),
    ]


def test_the_speaker_before_a_chain_of_phrases() -> None:
    body = (
        "STANTON, Ohio (WSTN) — Organizers of a recall effort against City Councilman Dwight "
        "Hutchins say they have collected enough signatures."
    )
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("they have collected enough signatures", "organizers")


def test_an_unnamed_source_introduced_without_a_speech_verb_is_referred_back_to() -> None:
    body = (
        "A Border Patrol agent in the Tucson Sector, who asked not to be named, disputed "
        'that.\n\n"The numbers are down," the agent said.'
    )
    [quote] = extract(body).quotes
    assert (quote.speaker, quote.anonymous, quote.mention) == (
        "Border Patrol agent",
        True,
        "the agent",
    )


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Virginia state Del. Jane Doe said the bill would pass.", "Jane Doe"),
        ("Under Secretary of State Ann Park said the talks would resume.", "Ann Park"),
        ("Ann Cole, through a spokeswoman, said she would not run.", "Ann Cole"),
        ("The count was late, according to city engineer Dana Whitlock.", "Dana Whitlock"),
        ("The plan would cost $4 million, city officials announced Tuesday.", "city officials"),
    ],
)
def test_titles_asides_and_lower_case_roles(body: str, speaker: str) -> None:
    assert [q.speaker for q in extract(body).quotes if q.kind == "reported"] == [speaker]


def test_a_quote_paragraph_after_a_colon_sentence_about_the_speaker() -> None:
    body = 'Ann Cole spoke at length.\n\nShe put it this way:\n\n"We are not going anywhere."'
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker, quote.mention) == ("direct", "Ann Cole", "She")


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        ("Ann Cole told commissioners the plan was dead.", "the plan was dead"),
        (
            "Ann Cole said the plan was dead — a blow to the mayor, who had backed it.",
            "the plan was dead",
        ),
    ],
)
def test_addressees_and_dash_asides_stay_out_of_the_clause(body: str, clause: str) -> None:
    assert [q.text for q in extract(body).quotes] == [clause]


@pytest.mark.parametrize(
    ("body", "clause", "speaker"),
    [
        (
            "The panic button, Darla Mays says, has never been pressed.",
            "has never been pressed",
            "Darla Mays",
        ),
        (
            "For years, Ann Cole says, the plant dumped waste into the river.",
            "the plant dumped waste into the river",
            "Ann Cole",
        ),
    ],
)
def test_an_attribution_inside_the_sentence_reports_what_follows(
    body: str, clause: str, speaker: str
) -> None:
    assert [(q.text, q.speaker) for q in extract(body).quotes] == [(clause, speaker)]


def test_a_gerund_after_a_preposition_shares_the_subject() -> None:
    [quote] = extract("Ann Cole defended the plan before saying it would pass.").quotes
    assert (quote.text, quote.speaker) == ("it would pass", "Ann Cole")


def test_the_listener_of_a_passive_tell_is_no_speaker() -> None:
    assert extract("Inspector General Ann Cole was told that she was fired.").quotes == []


def test_a_passive_tell_by_someone_is_theirs() -> None:
    [quote] = extract("Ann Cole was told by Gov. Ray Iles that the plan was dead.").quotes
    assert (quote.text, quote.speaker, quote.mention) == (
        "the plan was dead",
        "Ray Iles",
        "Gov. Ray Iles",
    )


@pytest.mark.parametrize(
    ("body", "kind", "text"),
    [
        ("Sen. Ann Cole (D., Ore.) said the bill was dead.", "reported", "the bill was dead"),
        (
            "Chairman Ray Iles (R., Idaho) said Wednesday that his panel would act.",
            "reported",
            "his panel would act",
        ),
        (
            '"We will not move," said Sen. Ann Cole (D., Ore.), the top Democrat.',
            "direct",
            "We will not move,",
        ),
    ],
)
def test_a_bracketed_party_and_state_with_a_comma_is_no_part_of_the_name(
    body: str, kind: str, text: str
) -> None:
    """The Wall Street Journal's "(D., Ore.)": the comma inside the brackets splits nothing."""
    [quote] = extract(body).quotes
    assert (quote.kind, quote.text) == (kind, text)
    assert quote.speaker in {"Ann Cole", "Ray Iles"}
    assert "(" not in quote.speaker


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        (
            "Ann Cole said privately they had heard that line before.",
            "they had heard that line before",
        ),
        (
            "Ann Cole said at a meeting last week the commission would act.",
            "the commission would act",
        ),
        (
            "Ann Cole said during a news conference the state would appeal.",
            "the state would appeal",
        ),
    ],
)
def test_an_adverb_or_a_short_phrase_may_stand_between_the_cue_and_its_clause(
    body: str, clause: str
) -> None:
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == (clause, "Ann Cole")


def test_a_place_after_the_cue_starts_no_clause() -> None:
    """After "said in …", only a pronoun or a determiner may open the clause."""
    body = "Ann Cole spoke in Boise and said in Idaho Falls Democrats were gaining."
    assert extract(body).quotes == []


@pytest.mark.parametrize(
    "body",
    ['"Not voting for this bill," Ann Cole texted.', '"We are done," Ann Cole emailed.'],
)
def test_texts_and_emails_are_speech(body: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("direct", "Ann Cole")


def test_an_email_or_a_text_as_a_noun_is_no_cue() -> None:
    body = "Ann Cole was told in a two-sentence email from the office that she was fired."
    assert [quote.kind for quote in extract(body).quotes] == []


def test_an_unnamed_spokesperson_speaks_for_the_body_in_their_title() -> None:
    body = (
        "A Department of Transportation spokesperson said the agency would review the letter."
        '\n\n"We are proud of the progress," the spokesperson said.'
    )
    quotes = extract(body).quotes
    assert [(q.kind, q.speaker, q.anonymous) for q in quotes] == [
        ("reported", "Department of Transportation", False),
        ("direct", "Department of Transportation", False),
    ]


def test_a_party_tag_before_who_is_said_of_the_name_before_it() -> None:
    body = "The effort is led by Rep. Ann Cole, R-Ind., who told reporters the plan had failed."
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("the plan had failed", "Ann Cole")


def test_a_text_of_law_is_no_one_a_pronoun_can_mean() -> None:
    body = (
        "Sen. Ann Cole said the bill could survive a First Amendment challenge."
        '\n\n"This is about labeling speech," she said.'
    )
    assert [q.speaker for q in extract(body).quotes] == ["Ann Cole", "Ann Cole"]


def test_a_quote_paragraph_after_a_sentence_whose_speech_verb_comes_late() -> None:
    body = (
        "Ray Iles ran the mill for decades. Ask him about 1988, and he recalls the fire."
        '\n\n"It started in the dye shed. By noon the whole east wing was gone."'
    )
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker, quote.mention) == ("direct", "Ray Iles", "he")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The senators, all members of the Senate Armed Services Committee, wrote that the "
            "base should stay open.",
            "senators",
        ),
        ("One neighbor, retired nurse Ann Cole, said the well had gone dry.", "Ann Cole"),
    ],
)
def test_an_appositive_names_the_speaker_unless_its_name_follows_a_preposition(
    body: str, speaker: str
) -> None:
    [quote] = extract(body).quotes
    assert quote.speaker == speaker


def test_documents_named_beside_the_people_are_no_part_of_the_source() -> None:
    body = (
        "The audit was shelved in March, according to officials familiar with the review "
        "and internal memos obtained by The Ledger."
    )
    [quote] = extract(body).quotes
    assert (quote.mention, quote.anonymous) == ("officials familiar with the review", True)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The cut would cost $90 billion, according to the Joint Committee on Taxation.",
            "Joint Committee on Taxation",
        ),
        (
            "The tariff would backfire, said the Council on Hemispheric Affairs.",
            "Council on Hemispheric Affairs",
        ),
    ],
)
def test_a_body_named_by_its_field_keeps_the_whole_name(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert quote.speaker == speaker


def test_a_person_of_a_body_is_the_person() -> None:
    body = (
        "The developer, Vincent Marlowe of Keystone Ridge Partners, agreed to add a sidewalk. "
        "He said the company would pay for a signal."
    )
    [quote] = extract(body).quotes
    assert (quote.speaker, quote.mention) == ("Vincent Marlowe", "He")
    [speaker] = extract(body).speakers
    assert "Keystone Ridge Partners" in speaker.titles  # beside his role, "developer"


def test_he_never_means_a_woman_named_before() -> None:
    body = (
        "Carol Ames, a nurse, said she had looked for months.\n\n"
        "The developer, Vincent Marlowe, agreed. He said the company would pay."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Carol Ames", "Vincent Marlowe"]


def test_a_speaker_who_says_she_is_a_woman_for_later_pronouns() -> None:
    body = (
        "Lee Marlowe, the developer, spoke first. Quinlan Whitford, a nurse, said she had "
        "looked for months. He said the company would pay."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Quinlan Whitford", "Lee Marlowe"]


def test_a_that_clause_of_a_noun_is_no_report() -> None:
    body = "Ann Cole's office pushed back on the idea that the effort was adrift."
    assert extract(body).quotes == []


def test_a_pronoun_opening_the_sentence_is_shared_by_a_later_speech_verb() -> None:
    body = "Ray Iles spoke last. He called the plan a fraud and warned that the mayor would lose."
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker, quote.mention) == ("the mayor would lose", "Ray Iles", "He")


@pytest.mark.parametrize(
    "body",
    [
        "Ann Cole has warned for years that the aquifer recharges slowly.",
        "Ann Cole told a crowd of 300 that the aquifer recharges slowly.",
    ],
)
def test_a_phrase_with_for_or_of_may_come_before_that(body: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("the aquifer recharges slowly", "Ann Cole")


def test_professions_in_the_plural_speak_as_groups() -> None:
    [quote] = extract("Epidemiologists warned that the outbreak would spread.").quotes
    assert (quote.speaker, quote.anonymous) == ("epidemiologists", False)


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        (
            "Republicans and some Democrats said the bill went too far.",
            "Republicans and some Democrats",
        ),
        ("Farmers and ranchers argue that the dam should come down.", "Farmers and ranchers"),
    ],
)
def test_two_groups_joined_by_and_are_one_subject(body: str, mention: str) -> None:
    [quote] = extract(body).quotes
    assert quote.mention == mention


def test_a_bare_noun_then_a_past_tense_opens_a_clause() -> None:
    [quote] = extract("Ann Cole said leadership hoped to pass the bill by May.").quotes
    assert quote.text == "leadership hoped to pass the bill by May"
    assert extract("Ann Cole announced plans approved by the board.").quotes == []


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        ("Ann Cole said nearly half of the voters had left.", "nearly half of the voters had left"),
        (
            "Ann Cole said about two-thirds of the money was gone.",
            "about two-thirds of the money was gone",
        ),
    ],
)
def test_a_quantity_in_words_opens_a_clause_with_its_approximator(body: str, clause: str) -> None:
    [quote] = extract(body).quotes
    assert quote.text == clause


@pytest.mark.parametrize(
    "verb", ["pointed to a letter", "blamed the mayor", "vowed to appeal", "pressed the chief"]
)
def test_a_second_verb_of_the_speaker_ends_the_clause(verb: str) -> None:
    [quote] = extract(f"Ann Cole said the plan was dead and {verb}.").quotes
    assert quote.text == "the plan was dead"


def test_a_short_capitalised_answer_after_a_colon_is_speech() -> None:
    body = 'Asked whether his party bore any blame, Ray Iles was blunt: "No. None."'
    [quote] = extract(body).quotes
    assert (quote.kind, quote.text, quote.speaker) == ("direct", "No. None.", "Ray Iles")


@pytest.mark.parametrize("where", ["on social media", "on X", "on Facebook"])
def test_a_participle_after_a_comma_leads_a_quote_by_the_sentence_subject(where: str) -> None:
    body = f'Gov. Ann Cole weighed in Friday, posting {where}: "The strike must end."'
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("direct", "Ann Cole")


def test_a_group_qualified_by_a_participle_speaks() -> None:
    [quote] = extract("Several voters interviewed afterward said they were undecided.").quotes
    assert (quote.text, quote.mention) == (
        "they were undecided",
        "Several voters interviewed afterward",
    )
    body = "The station reached out to the Transit Authority, which said the line would reopen."
    assert [q.speaker for q in extract(body).quotes] == ["Transit Authority"]


def test_a_verb_in_s_after_he_she_or_it_makes_a_clause() -> None:
    [quote] = extract("Ann Cole argues it exposes taxpayers to rising rates.").quotes
    assert quote.text == "it exposes taxpayers to rising rates"


def test_a_body_never_named_speaks_by_its_description() -> None:
    body = "In a 90-page opinion, the three-judge panel said the map diluted Black votes."
    [quote] = extract(body).quotes
    assert (quote.speaker, quote.anonymous) == ("three-judge panel", False)
    assert extract("Its board said the plan was sound.").quotes == []


@pytest.mark.parametrize("verb", ["rejected", "referred to", "portrayed"])
def test_more_verbs_lead_into_a_quoted_fragment(verb: str) -> None:
    [quote] = extract(f'Ann Cole {verb} the plan as "reckless and cruel."').quotes
    assert (quote.kind, quote.text, quote.speaker) == ("partial", "reckless and cruel.", "Ann Cole")


def test_a_lead_attributed_at_its_end_before_the_reporters_aside() -> None:
    body = (
        "MILWAUKEE — Rep. Ann Cole raised $14.2 million in three months, her campaign said "
        "Wednesday, a record for a challenger in the state."
    )
    [quote] = extract(body).quotes
    assert quote.text == "Rep. Ann Cole raised $14.2 million in three months"


@pytest.mark.parametrize(
    "first_paragraph",
    ["İ" * 60, "THE WALL IS LONG."],  # "İ" lower-cased is two characters
)
@pytest.mark.parametrize(
    "withheld",
    [
        "A Border Patrol agent, who asked not to be named,",
        "A BORDER PATROL AGENT, WHO ASKED NOT TO BE NAMED,",
    ],
)
def test_an_unnamed_source_is_found_whatever_the_case_before_or_in_it(
    first_paragraph: str, withheld: str
) -> None:
    body = f'{first_paragraph}\n\n{withheld} disputed that.\n\n"We were not told," the agent said.'
    [quote] = extract(body).quotes
    assert quote.anonymous and quote.speaker.lower() == "border patrol agent"


def test_a_colon_after_the_cues_object_leads_into_the_cues_words() -> None:
    body = 'Rep. Ann Cole posted a two-word reply to the governor\'s video: "Stay home."'
    [quote] = extract(body).quotes
    assert (quote.kind, quote.text, quote.speaker) == ("direct", "Stay home.", "Ann Cole")


def test_a_place_named_by_its_kind_is_no_one_a_pronoun_means() -> None:
    body = (
        "Rosa Ibarra, whose house in the town of Pine Hollow burned, testified last. "
        "She told lawmakers she was still living in a trailer."
    )
    [quote] = extract(body).quotes
    assert (quote.speaker, quote.mention) == ("Rosa Ibarra", "She")


def test_someone_close_to_a_person_is_an_unnamed_source() -> None:
    [quote] = extract("Someone close to the mayor said the deal was dead.").quotes
    assert (quote.speaker, quote.anonymous) == ("Someone close to the mayor", True)


def test_a_modified_group_opening_a_second_clause_speaks() -> None:
    [quote] = extract("The mayor left, and city officials said the plan was dead.").quotes
    assert (quote.text, quote.mention) == ("the plan was dead", "city officials")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Nineteen states have passed such laws, according to a tally by the National "
            "Conference of State Legislatures.",
            "National Conference of State Legislatures",
        ),
        (
            "According to an analysis by the Tax Policy Center, the plan would cost $2 trillion.",
            "Tax Policy Center",
        ),
        ("Secretary of State Ann Cole said the talks were over.", "Ann Cole"),
    ],
)
def test_according_to_a_document_by_a_body_is_the_bodys(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        ("Ann Cole has told close associates she will resign.", "she will resign"),
        ("Ann Cole assured nervous donors they would be repaid.", "they would be repaid"),
    ],
)
def test_the_people_told_stand_before_the_clause(body: str, clause: str) -> None:
    [quote] = extract(body).quotes
    assert quote.text == clause


def test_an_infinitive_after_a_promise_is_no_addressee() -> None:
    assert extract("Ann Cole promised to end what he called the friends economy.").quotes == []


def test_a_spokesperson_who_did_one_thing_but_said_another_speaks_for_their_principal() -> None:
    body = (
        "Harlan Pruitt left early. A spokesperson for Pruitt did not dispute that account "
        "but said the whip had been open to talks."
    )
    [quote] = extract(body).quotes
    assert (quote.speaker, quote.mention) == ("Harlan Pruitt", "A spokesperson for Pruitt")


@pytest.mark.parametrize(
    "body",
    [
        "Ray Iles, a Democrat who helped write the 1994 water compact, died Sunday at home.",
        "Councilman Ray Iles spent the weekend on a developer's yacht, The Ledger can reveal.",
    ],
)
def test_speech_verbs_that_report_no_statement(body: str) -> None:
    assert extract(body).quotes == []


def test_cannot_is_a_verb_of_the_clause() -> None:
    [quote] = extract("Ann Cole said the state cannot wait for the talks.").quotes
    assert quote.text == "the state cannot wait for the talks"


def test_people_named_in_the_plural_speak_as_a_group() -> None:
    [quote] = extract("Governors from 12 states said the tariffs would hurt farmers.").quotes
    assert (quote.speaker, quote.mention) == ("governors", "Governors from 12 states")


def test_a_possessive_opening_is_no_name_before_its_verb() -> None:
    body = "Its campaign manager, Ann Cole, says the current system rewards candidates who win."
    assert all(q.speaker != "current system rewards candidates" for q in extract(body).quotes)


def test_the_people_told_may_have_a_relative_clause_before_that() -> None:
    body = "Ann Cole has told anyone who would listen that she does not want the job."
    [quote] = extract(body).quotes
    assert quote.text == "she does not want the job"


@pytest.mark.parametrize(
    "body",
    [
        "Two strategists briefed on the memo told Axios that the figure is a worst case.",
        "People with knowledge of the talks said the figure is a worst case.",
    ],
)
def test_sources_briefed_on_or_with_knowledge_of_a_matter_are_anonymous(body: str) -> None:
    [quote] = extract(body).quotes
    assert quote.anonymous


def test_a_family_is_no_adverb() -> None:
    [quote] = extract("The Reyes family said the plan was unfair.").quotes
    assert (quote.speaker, quote.mention) == ("Reyes family", "The Reyes family")


@pytest.mark.parametrize("company", ["Keldor Energy", "Aldin Pharma", "Northlink Rail"])
def test_companies_named_by_their_trade_are_organisations(company: str) -> None:
    extraction = extract(f"{company} said the plan was unfair.")
    assert [(s.name, s.kind) for s in extraction.speakers] == [(company, "organisation")]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Mum-of-three Ann Cole said the pool was dirty.", "Ann Cole"),
        ("Abd-al-Rahman Cole said the pool was dirty.", "Abd-al-Rahman Cole"),
    ],
)
def test_a_tabloid_descriptor_is_no_part_of_the_name(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert quote.speaker == speaker


def test_a_spokesperson_for_a_body_named_before_speaks_for_it() -> None:
    body = (
        "The Ministry of Health said the talks would resume. "
        "A spokesperson for the ministry said a date would be set."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Ministry of Health"] * 2
    [quote] = extract("A spokesperson for the ministry said a date would be set.").quotes
    assert quote.speaker == "ministry"


def test_a_town_named_port_or_fort_is_no_person_a_pronoun_means() -> None:
    body = "Ann Cole toured Port Calder on Monday. She said the harbour would reopen."
    [quote] = extract(body).quotes
    assert quote.speaker == "Ann Cole"


@pytest.mark.parametrize("office", ["mayor of Port Calder", "head of FEMA"])
def test_the_holder_of_an_office_named_in_an_appositive_speaks(office: str) -> None:
    [quote] = extract(f"The {office}, Grace Whitfield, said the city would host a parade.").quotes
    assert quote.speaker == "Grace Whitfield"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Baroness Ann Cole said the bill was flawed.", "Ann Cole"),
        ("Earl Tubbs said the bill was flawed.", "Earl Tubbs"),  # a first name, not a peer
    ],
)
def test_peerage_titles_are_no_part_of_the_name(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert quote.speaker == speaker


@pytest.mark.parametrize("label", ["Zoom in", "Why it matters", "Yes, but", "What's next"])
def test_a_digest_label_before_a_colon_is_no_subject(label: str) -> None:
    body = f"{label}: Gov. Ruth Okafor signed the bill Tuesday, saying it would cut wait times."
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("it would cut wait times", "Ruth Okafor")


@pytest.mark.parametrize(
    "body", ['Mayor Dale Kerr said: "The plan is dead."', 'Mayor Dale Kerr: "The plan is dead."']
)
def test_a_colon_before_a_quote_still_introduces_it(body: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("The plan is dead.", "Dale Kerr")


@pytest.mark.parametrize("verb", ["repeated", "interjected", "protested", "bragged", "opined"])
def test_more_speech_verbs_attribute_quotes(verb: str) -> None:
    body = f'"I meant formatted," Kellan Rowe said.\n\n"Formatted," Lucia Garr {verb}.'
    speakers = [quote.speaker for quote in extract(body).quotes]
    assert speakers == ["Kellan Rowe", "Lucia Garr"]


def test_repeating_a_phrase_is_no_reported_clause() -> None:
    body = "The bank said in a statement, repeating language it has used since last year."
    assert [quote.cue for quote in extract(body).quotes if quote.kind == "reported"] == []


@pytest.mark.parametrize(
    "body",
    [
        "WASHINGTON — According to two Senate aides, the deal was close to done.",
        "WASHINGTON — The deal was close to done, according to two Senate aides.",
    ],
)
def test_according_to_after_a_dateline_leaves_the_dateline_out(body: str) -> None:
    [quote] = extract(body).quotes
    assert quote.text.lower() == "the deal was close to done"
    assert (quote.speaker, quote.anonymous) == ("Senate aides", True)


def test_according_to_inside_the_sentence_reports_what_follows_it() -> None:
    body = "The package, according to Ann Lee, would reach the floor on Friday."
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("would reach the floor on Friday", "Ann Lee")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Two advisers to the campaign said it had $3 million in the bank.", "advisers"),
        ("Aides to the senator said the bill was dead.", "aides"),
        ("The ambassador to Mexico, Ann Cole, said the talks had stalled.", "Ann Cole"),
    ],
)
def test_people_named_by_whom_they_serve_speak(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("reported", speaker)


@pytest.mark.parametrize(
    "body",
    [
        "The suspect was shot by an officer, Chief Sandra Vue said at an evening news conference.",
        "The suspect was shot by an officer, Chief Sandra Vue said, in the first such case here.",
        "The suspect was shot by an officer, Chief Sandra Vue said, the first such case here.",
    ],
)
def test_an_occasion_or_an_aside_after_a_closing_attribution(body: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("The suspect was shot by an officer", "Sandra Vue")


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        ("Lobbyists say they expect more senators to join.", "they expect more senators to join"),
        ("Growers said they also fear a second dry year.", "they also fear a second dry year"),
        ("Teachers said we need smaller classes.", "we need smaller classes"),
    ],
)
def test_a_plural_or_first_person_subject_with_a_plain_verb_is_a_clause(
    body: str, clause: str
) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.text) == ("reported", clause)


@pytest.mark.parametrize(
    "institution", ["district", "county", "city", "hospital", "airline", "tribe"]
)
def test_institutions_named_by_kind_speak(institution: str) -> None:
    [quote] = extract(f"The {institution} said in a statement that the road would reopen.").quotes
    assert (quote.speaker, quote.text) == (institution, "the road would reopen")


def test_according_to_after_a_conjunction_leads_its_own_clause() -> None:
    body = "She called Marsh, and according to two people familiar with it, she offered a vote."
    [quote] = extract(body).quotes
    assert (quote.text, quote.anonymous) == ("she offered a vote", True)


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        (
            "Sen. Ann Cole said on NBC’s “Meet the Press” that she could back the bill.",
            "she could back the bill",
        ),
        (
            "Ann Cole said growers in Wisconsin and upstate New York had cut back.",
            "growers in Wisconsin and upstate New York had cut back",
        ),
    ],
)
def test_clauses_after_a_show_title_or_names_joined_by_and(body: str, clause: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == (clause, "Ann Cole")


def test_a_pronoun_with_a_speech_verb_after_and_starts_a_new_statement() -> None:
    body = "Speaker Gordon Feld said the talks had failed, and he vowed that the House would act."
    assert [(quote.text, quote.cue) for quote in extract(body).quotes] == [
        ("the talks had failed", "said"),
        ("the House would act", "vowed"),
    ]


def test_a_bullet_before_the_subject_is_passed_over() -> None:
    [quote] = extract("• The PAC defended the spot, saying it was obviously parody.").quotes
    assert (quote.text, quote.speaker) == ("it was obviously parody", "PAC")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("At a debate last month Ann Lee said crime was down.", "Ann Lee"),
        ("Three strategists who have advised Ann Lee said she had seen the poll.", "strategists"),
        ("Two aides tracking the whip count said the rule was in trouble.", "aides"),
        ("An aide who ran it, and who spoke on condition of anonymity, said it failed.", "aide"),
        ("On Capitol Hill, Sen. Ann Lee, D-Ga., said she would call a hearing.", "Ann Lee"),
        ("At a shelter on Euclid Avenue, Joy Ade, a nurse, said she had paid $38.", "Joy Ade"),
    ],
)
def test_subjects_after_an_adjunct_or_before_a_postmodifier(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("reported", speaker)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("In a 2-1 decision, the panel ordered a new map and said it would draw one.", "panel"),
        ("Ann Lee thanked staff, saying the bill would help.", "Ann Lee"),
        ("However, Ann Lee defended the levy, saying the state could not borrow.", "Ann Lee"),
        ("Dana Lee voted. Several Democrats, including Lee, said it failed.", "Democrats"),
    ],
)
def test_the_subject_a_later_verb_shares(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("reported", speaker)


def test_a_lower_case_fragment_in_a_reported_clause_is_the_speakers() -> None:
    body = 'Zahra Baloch said Pakistan had noted the "highly irresponsible" remarks.'
    partials = [(q.text, q.speaker) for q in extract(body).quotes if q.kind == "partial"]
    assert partials == [("highly irresponsible", "Zahra Baloch")]


def test_a_title_in_a_reported_clause_is_no_fragment() -> None:
    body = 'Zahra Baloch said the "Open Door" ad was false.'
    assert [q.kind for q in extract(body).quotes] == ["reported"]


@pytest.mark.parametrize(
    "body",
    [
        '"Merry Christmas," Ann Cole told reporters.',
        'Cole laughed. "God Bless America," Ann Cole said.',
    ],
)
def test_a_short_capitalised_quote_opening_a_sentence_is_speech(body: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("direct", "Ann Cole")


def test_a_title_after_a_noun_is_still_no_speech() -> None:
    body = 'Her book, "The Long Table," came out in May, Ann Cole said.'
    assert "The Long Table," not in [quote.text for quote in extract(body).quotes]


def test_a_dash_attribution_may_end_the_sentence_with_a_period() -> None:
    [quote] = extract('"You are panicking" — DSCC spokesperson Jalen Price.').quotes
    assert (quote.kind, quote.speaker) == ("direct", "Jalen Price")


def test_a_second_verb_with_a_colon_shares_its_clauses_subject() -> None:
    body = (
        "AUSTIN, Texas — It began Friday night, when Gov. Caleb Strickland posted a video"
        ' of a street and wrote: "Austin deserves better than this."'
    )
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("direct", "Caleb Strickland")


def test_a_translation_in_brackets_after_a_quote_is_the_same_speakers() -> None:
    body = "« Nous ne céderons pas, » Claire Lemoine said. (“We will not give in.”)"
    assert [(q.text, q.speaker) for q in extract(body).quotes][1] == (
        "We will not give in.",
        "Claire Lemoine",
    )


def test_a_lower_case_phrase_after_an_article_is_no_title() -> None:
    [quote] = extract("Ahmed Bhatti rejected the budget as a “jugglery of figures”.").quotes
    assert (quote.kind, quote.text, quote.speaker) == (
        "partial",
        "jugglery of figures",
        "Ahmed Bhatti",
    )


def test_a_quote_after_told_me_is_attributed() -> None:
    [quote] = extract('Ann Lee told me, "November is fine."').quotes
    assert (quote.kind, quote.speaker) == ("direct", "Ann Lee")


def test_a_quote_inside_a_transcript_answer_is_kept_beside_it() -> None:
    body = (
        "The interview has been edited.\n\nMARTIN: What did you hear?\n\n"
        'OKONKWO: I was in Redwood County, and Ann Lee told me, "November is fine."'
    )
    speakers = [(quote.speaker, quote.text[:8]) for quote in extract(body).quotes]
    assert speakers == [("Martin", "What did"), ("Okonkwo", "I was in"), ("Ann Lee", "November")]


def test_a_source_withheld_in_title_case_is_still_anonymous() -> None:
    body = (
        "A Border Patrol agent, who Asked Not To Be Named, disputed that."
        ' "It is false," the agent said.'
    )
    [quote] = extract(body).quotes
    assert (quote.speaker, quote.anonymous) == ("Border Patrol agent", True)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Kira Lundgren, policy director at the Center for Safe Roads, said the bill was weak.",
            "Kira Lundgren",
        ),
        (
            "Retailers spent $4 million, and its president, Janet Oyel, said the bill was weak.",
            "Janet Oyel",
        ),
    ],
)
def test_a_role_without_an_article_is_an_appositive(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("reported", speaker)


def test_a_numbered_body_is_one_subject() -> None:
    body = "The police union, Fraternal Order of Police Lodge 7, said the cuts went too far."
    [quote] = extract(body).quotes
    assert quote.text == "the cuts went too far"
    assert quote.mention is not None and "Lodge 7" in quote.mention


def test_a_second_verb_shares_a_subject_across_an_earlier_quote() -> None:
    body = 'The authority said it had made "a fair offer" and accused the union of "walking away."'
    partials = [(q.text, q.cue) for q in extract(body).quotes if q.kind == "partial"]
    assert partials == [("a fair offer", "said"), ("walking away.", "accused")]


@pytest.mark.parametrize(
    ("body", "fragment", "speaker"),
    [
        (
            "Ann Lee, 68, the Oklahoman who once called Reyes “a walking TikTok,” did not reply.",
            "a walking TikTok,",
            "Ann Lee",
        ),
        (
            "Ann Lee fired back by calling her “the Senator from Instagram.”",
            "the Senator from Instagram.",
            "Ann Lee",
        ),
    ],
)
def test_fragments_in_relative_clauses_and_epithets(body: str, fragment: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.text, quote.speaker) == ("partial", fragment, speaker)


def test_a_titled_person_of_a_court_is_the_person() -> None:
    body = "Judge Miriam Hale of the Northern District of Georgia wrote that the data was stale."
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("the data was stale", "Miriam Hale")


def test_a_question_put_to_the_subject_is_passed_over_for_a_later_verb() -> None:
    body = (
        "Pressed on whether he would accept less, Leon Harrow said he would not “negotiate”"
        " but acknowledged that talks were ongoing."
    )
    speakers = {quote.speaker for quote in extract(body).quotes}
    assert speakers == {"Leon Harrow"}


def test_a_clause_goes_on_after_an_appositive_and_and() -> None:
    body = (
        "Prosecutors say she moved funds to Lakeshore LLC, a company run by her"
        " brother-in-law, and falsified reports to hide the losses."
    )
    [quote] = extract(body).quotes
    assert quote.text.endswith("and falsified reports to hide the losses")


@pytest.mark.parametrize("verb", ["underscored", "griped", "elaborated"])
def test_further_speech_verbs_report_clauses(verb: str) -> None:
    [quote] = extract(f"Ann Lee {verb} that talks would go on.").quotes
    assert (quote.text, quote.cue) == ("talks would go on", verb)


def test_a_bare_plural_with_a_plain_present_verb_is_a_clause() -> None:
    [quote] = extract("Tamsin Jennings says closures ripple well beyond health care.").quotes
    assert (quote.kind, quote.text) == ("reported", "closures ripple well beyond health care")


def test_a_possessive_object_is_no_plural_subject() -> None:
    body = "Mayor Franklin Odell announced his resignation in a letter to the council."
    assert extract(body).quotes == []


def test_a_name_after_since_is_a_person_to_refer_back_to() -> None:
    body = "Crime has risen since Mayor Ann Halvorsen took office. She said it was down."
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("it was down", "Ann Halvorsen")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('Ann Lee recalled that a farmer there told her, "November is fine."', "farmer"),
        ("The nurses' union said the cuts were reckless.", "nurses' union"),
        ("Patients' groups said the cuts were reckless.", "patients' groups"),
    ],
)
def test_a_place_word_or_a_plural_possessive_stays_in_the_subject(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert quote.speaker == speaker


def test_a_person_named_in_reported_words_is_not_the_next_pronoun() -> None:
    body = (
        "Catherine Voss won. Bettina Alvarado, a retired teacher, said she had voted "
        'Republican but chose Voss this year. "I just got tired of the yelling," she said.'
    )
    direct = [q.speaker for q in extract(body).quotes if q.kind == "direct"]
    assert direct == ["Bettina Alvarado"]
    # Named as a speaker of her own, the nearer person keeps the pronoun.
    body = 'Ann Lee said the plan was dead, but Mary Jones disagreed. "It lives," she said.'
    direct = [q.speaker for q in extract(body).quotes if q.kind == "direct"]
    assert direct == ["Mary Jones"]


def test_an_aldermans_ward_is_said_of_her_name() -> None:
    body = "Ald. Ann Ruiz, 12th, one of the plan's critics, called it “a payday loan.”"
    assert [q.speaker for q in extract(body).quotes] == ["Ann Ruiz"]


def test_a_question_put_to_the_speaker_keeps_its_commas() -> None:
    body = 'Marsh, asked whether she would take a shorter, 30-day bill, said only: "No deal."'
    assert [(q.kind, q.speaker) for q in extract(body).quotes] == [("direct", "Marsh")]


@pytest.mark.parametrize(
    ("body", "fragment", "speaker"),
    [
        ('Ann Tufts has defended the rules as "common sense."', "common sense.", "Ann Tufts"),
        (
            "Ann Lee has framed the race as “the kitchen table and the club,” she says.",
            "the kitchen table and the club,",
            "Ann Lee",
        ),
        (
            "Thirty aldermen signed a letter calling it “dead on arrival.”",
            "dead on arrival.",
            "Thirty aldermen",
        ),
        (
            "Opposition parties called it a “stealth tax” on households.",
            "stealth tax",
            "Opposition parties",
        ),
    ],
)
def test_fragments_a_speaker_frames(body: str, fragment: str, speaker: str) -> None:
    found = [(q.text, q.speaker) for q in extract(body).quotes if q.kind == "partial"]
    assert found == [(fragment, speaker)]


def test_put_it_is_a_cue() -> None:
    body = 'As one senior party leader put it to this newspaper: "Nobody is packing bags."'
    assert [(q.kind, q.speaker) for q in extract(body).quotes] == [
        ("direct", "senior party leader")
    ]


def test_a_lower_case_role_after_a_quote() -> None:
    body = "“Staff have made progress,” mission chief Henrik Lindqvist said in the statement."
    assert [(q.kind, q.speaker) for q in extract(body).quotes] == [("direct", "Henrik Lindqvist")]


def test_a_pronoun_right_before_its_verb_in_an_object_relative() -> None:
    body = "Ann Lee said they closed 1,400 cases, a number she called “absurd for a freshman.”"
    partials = [(q.text, q.speaker) for q in extract(body).quotes if q.kind == "partial"]
    assert partials == [("absurd for a freshman.", "Ann Lee")]
    body = 'Several reviewers described it as "warm and unhurried."'
    assert [q.speaker for q in extract(body).quotes] == ["reviewers"]


def test_a_pronoun_past_an_adverb_before_its_verb() -> None:
    body = "Eleanor Marsh voted for the bill, which she later called “the worst vote I cast.”"
    partials = [(q.text, q.speaker) for q in extract(body).quotes if q.kind == "partial"]
    assert partials == [("the worst vote I cast.", "Eleanor Marsh")]


def test_a_surname_opening_with_a_capitalised_particle() -> None:
    body = "Pieter van Rooyen spoke. “We were informed,” Van Rooyen said in Cape Town."
    assert [(q.kind, q.speaker) for q in extract(body).quotes] == [("direct", "Van Rooyen")]


def test_a_quote_right_after_a_reported_clause_is_its_speakers() -> None:
    body = "Ilse Kristoffersen spoke. Crew is no longer the problem, she said. “It's steel now.”"
    direct = [(q.text, q.speaker) for q in extract(body).quotes if q.kind == "direct"]
    assert direct == [("It's steel now.", "Ilse Kristoffersen")]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The Office of the Attorney General said it would appeal.",
            "Office of the Attorney General",
        ),
        ("The Department of the Interior said the lease was valid.", "Department of the Interior"),
        (
            "A spokesman for the Department of the Interior said the lease was valid.",
            "Department of the Interior",
        ),
    ],
)
def test_a_body_named_with_of_the_keeps_its_whole_name(body: str, speaker: str) -> None:
    assert [q.speaker for q in extract(body).quotes] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The Ministry of Housing, Communities and Local Government said the rules would "
            "change.",
            "Ministry of Housing, Communities and Local Government",
        ),
        (
            "Brazil's Ministry of Development, Industry and Trade said the tariffs were unfair.",
            "Brazil's Ministry of Development, Industry and Trade",
        ),
        (
            "The Department for Digital, Culture, Media and Sport said it would respond.",
            "Department for Digital, Culture, Media and Sport",
        ),
        (
            "A spokesperson for the Department for Environment, Food and Rural Affairs said the "
            "ban would stay.",
            "Department for Environment, Food and Rural Affairs",
        ),
        (
            "“We will act,” said the Ministry of Housing, Communities and Local Government, "
            "which runs the scheme.",
            "Ministry of Housing, Communities and Local Government",
        ),
    ],
)
def test_a_body_whose_name_lists_its_fields_keeps_its_whole_name(body: str, speaker: str) -> None:
    assert [q.speaker for q in extract(body).quotes] == [speaker]


def test_a_comma_before_a_list_of_people_still_ends_a_body_name() -> None:
    # Only a list closed by "and" after "<body word> of|for <Name>," joins: here the
    # comma after the ministry ends the phrase, as it did before.
    body = "“We will act,” said the Ministry of Defence, which runs the base."
    assert [q.speaker for q in extract(body).quotes] == ["Ministry of Defence"]


@pytest.mark.parametrize(
    ("body", "firm"),
    [
        (
            "The online furniture retailer Kestrel Home said it would close two stores.\n\n"
            "“We have no choice,” the company said.",
            "Kestrel Home",
        ),
        ("The insurer Halvard said claims had doubled. It said the storm was worse.", "Halvard"),
        ("Kestrel Home Inc. said it would close two stores.", "Kestrel Home Inc."),
    ],
)
def test_a_name_after_a_noun_for_a_business_is_the_firms(body: str, firm: str) -> None:
    extraction = extract(body)
    assert {q.speaker for q in extraction.quotes} == {firm}
    assert [(s.name, s.kind) for s in extraction.speakers] == [(firm, "organisation")]


def test_a_person_after_a_noun_for_a_business_stays_a_person() -> None:
    # A known first name keeps the person; a surname met before keeps its person.
    first_name = "The company Ann Lee founded went public in May. Lee said the listing went well."
    assert [(s.name, s.kind) for s in extract(first_name).speakers] == [("Ann Lee", "person")]
    met_before = (
        "Ann Okafor runs a bakery chain. The company Okafor founded went public in May. "
        "Okafor said the listing went well."
    )
    assert [(s.name, s.kind) for s in extract(met_before).speakers] == [("Ann Okafor", "person")]


def test_the_spokesperson_after_a_no_10_spokesperson_speaks_for_downing_street() -> None:
    body = (
        "A No 10 spokesperson said the prime minister had full confidence in the chancellor."
        "\n\n“That has not changed,” the spokesperson added."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Downing Street", "Downing Street"]


def test_a_name_described_as_a_business_is_the_firms() -> None:
    body = (
        "Northvale Digital, a Virginia-based company, said it would appeal.\n\n"
        "The company said the ruling was wrong."
    )
    extraction = extract(body)
    assert [q.speaker for q in extraction.quotes] == ["Northvale Digital", "Northvale Digital"]
    assert [(s.name, s.kind) for s in extraction.speakers] == [
        ("Northvale Digital", "organisation")
    ]


def test_a_bare_nominal_finds_its_body_again_but_is_no_alias() -> None:
    # "the company" is no name of the firm's: as an alias it would match every firm in
    # a corpus-wide speaker search. A described one ("the military's media wing") is.
    body = (
        "Halvard Holdings said it would appeal.\n\nThe company said the ruling was wrong. "
        "“We will win,” the company said."
    )
    extraction = extract(body)
    assert {q.speaker for q in extraction.quotes} == {"Halvard Holdings"}
    assert extraction.speakers[0].aliases == []


def test_a_described_nominal_is_an_alias() -> None:
    body = (
        "The Inter-Services Public Relations (ISPR) said the meeting took place in Rawalpindi. "
        "Matters of mutual interest were discussed, the military's media wing said."
    )
    aliases = extract(body).speakers[0].aliases
    assert "the military's media wing" in aliases


@pytest.mark.parametrize(
    "body",
    [
        "The bill passed on Friday, with Sen. John Thune calling it “a job killer.”",
        "Republicans argued the measure would hurt small businesses, with Sen. John Thune "
        "calling it “a job killer.”",
    ],
)
def test_a_fragment_after_with_and_a_participle_is_the_with_phrases(body: str) -> None:
    partials = [(q.text, q.speaker) for q in extract(body).quotes if q.kind == "partial"]
    assert partials == [("a job killer.", "John Thune")]


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        (
            "Foreign Office spokesperson Mumtaz Baloch said Pakistan “rejects” the remarks.",
            "Pakistan “rejects” the remarks",
        ),
        (
            "The ministry said the bill “recognizes” the reality of the crisis.",
            "the bill “recognizes” the reality of the crisis",
        ),
    ],
)
def test_a_reported_clause_whose_verb_is_quoted(body: str, clause: str) -> None:
    reported = [q.text for q in extract(body).quotes if q.kind == "reported"]
    assert reported == [clause]


def test_a_clause_stops_before_the_speakers_next_statement_after_a_time_word() -> None:
    body = (
        "Mr Khan said the vote was rigged, before adding that the party would challenge "
        "the result in court."
    )
    reported = [(q.text, q.cue) for q in extract(body).quotes if q.kind == "reported"]
    assert reported == [
        ("the vote was rigged", "said"),
        ("the party would challenge the result in court", "adding"),
    ]


def test_a_time_phrase_that_is_no_statement_stays_in_the_clause() -> None:
    body = "Sen. Ann Cole said she wanted to read the full report, before deciding."
    reported = [q.text for q in extract(body).quotes if q.kind == "reported"]
    assert reported == ["she wanted to read the full report, before deciding"]


def test_the_prime_minister_alone_is_the_one_holder_of_the_office() -> None:
    body = (
        "The prime minister told MPs that the government would “not be blown off course”."
        "\n\n“We will win,” the prime minister said."
    )
    extraction = extract(body)
    assert [(q.kind, q.speaker) for q in extraction.quotes] == [
        ("reported", "prime minister"),
        ("partial", "prime minister"),
        ("direct", "prime minister"),
    ]
    assert [(s.name, s.quotes) for s in extraction.speakers] == [("prime minister", 3)]


@pytest.mark.parametrize("group", ["Critics", "Officials", "Analysts", "Residents", "Democrats"])
def test_a_group_opening_a_sentence_is_no_one_a_pronoun_can_mean(group: str) -> None:
    body = (
        f"Ann Lee spoke first. {group} say the law would let police detain people.\n\n"
        "“The economy is slowing,” she said."
    )
    direct = [q.speaker for q in extract(body).quotes if q.kind == "direct"]
    assert direct == ["Ann Lee"]


def test_the_union_is_the_union_named_further_back() -> None:
    body = (
        "The Minnesota Nurses Association said its members would strike on Monday.\n\n"
        "The Legislature weighs a staffing bill that stalled last session.\n\n"
        "No new talks had been scheduled as of Tuesday, according to the union."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Minnesota Nurses Association"] * 2


def test_a_body_described_as_an_agency_is_what_the_agency_means() -> None:
    body = (
        "The National Nuclear Security Administration, the semi-autonomous agency within "
        "the Department of Energy, said the expansion would include a new building.\n\n"
        "“The work touches every weapon,” the agency said."
    )
    speakers = [q.speaker for q in extract(body).quotes]
    assert speakers == ["National Nuclear Security Administration"] * 2


def test_a_state_is_no_one_a_pronoun_can_mean() -> None:
    body = (
        "Ellis Corrigan spoke. The party can win in suburban Colorado, even New Mexico. "
        "In a memo to donors, he wrote that the party had lost its nerve."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Ellis Corrigan"]


def test_a_country_or_state_is_no_agency() -> None:
    body = (
        "The General Services Administration said the lease was signed. Maryland sued over "
        "it. The agency said it would provide the documents."
    )
    speakers = [q.speaker for q in extract(body).quotes]
    assert speakers[-1] == "General Services Administration"


def test_he_after_a_described_subject_is_the_subject_not_the_person_in_the_description() -> None:
    body = (
        "Ellis Corrigan spoke first.\n\n"
        "Marcus Tull, a former committee director who is advising Corrigan, put it more "
        "simply. “The map is the map until you change it,” he said."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Marcus Tull"]


def test_he_after_a_sentence_naming_two_people_plainly_is_the_nearest() -> None:
    body = "Marcus Tull met Ellis Corrigan on Monday. “We talked for an hour,” he said."
    assert [q.speaker for q in extract(body).quotes] == ["Ellis Corrigan"]


def test_a_time_zone_in_a_dateline_is_no_body() -> None:
    body = (
        "Thu 14 May 2026 12.03 EDT\n\n"
        "A coalition of voting rights groups sued the state on Thursday, alleging that "
        "its office unlawfully removed 190,000 people from the rolls."
    )
    assert "EDT" not in [q.speaker for q in extract(body).quotes]


@pytest.mark.parametrize(
    "places", ["Gulshan-i-Noor and Old Sabzi Mandi", "Gulshan-i-Noor, Block 7 and Old Sabzi Mandi"]
)
def test_residents_of_named_places_speak_not_the_places(places: str) -> None:
    body = f"However, residents of {places} told Dawn that their taps had been dry for a week."
    quotes = extract(body).quotes
    assert [(q.speaker, q.mention) for q in quotes] == [("residents", f"residents of {places}")]


def test_a_department_of_a_named_field_stays_one_name() -> None:
    body = "The Department of Justice said it would appeal."
    assert [q.speaker for q in extract(body).quotes] == ["Department of Justice"]


def test_a_body_owned_by_a_named_country_is_not_the_body_that_spoke_before() -> None:
    body = (
        "The CBO said it would cost more. "
        "Ukraine's military said Russia launched 40 drones overnight."
    )
    assert [q.speaker for q in extract(body).quotes] == ["CBO", "Ukraine's military"]


def test_a_body_owned_by_a_named_country_is_that_countrys_body_named_before() -> None:
    body = (
        "The Pakistan Army said the operation was over. "
        "Pakistan's military said five militants were killed."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Pakistan Army", "Pakistan Army"]


def test_a_pronoun_after_a_preposition_is_an_object_not_the_subject() -> None:
    body = (
        "The bill passed, though several Democrats who voted for it said Monday they would "
        "not vote to overturn a governor of their own party."
    )
    quotes = extract(body).quotes
    assert [(q.speaker, q.mention) for q in quotes] == [
        ("Democrats", "several Democrats who voted for it")
    ]


def test_a_name_given_an_acronym_is_a_body() -> None:
    body = (
        "The far-right Alternative for Germany (AfD) called the deal “a debt orgy” and said "
        "it would examine a legal challenge."
    )
    extraction = extract(body)
    assert {q.speaker for q in extraction.quotes} == {"Alternative for Germany"}
    assert [(s.kind, s.aliases) for s in extraction.speakers] == [("organisation", ["AfD"])]


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        (
            "Jenna Calloway is quietly telling donors that she will not take PAC money.",
            "is quietly telling",
        ),
        ("Jenna Calloway has been telling donors she will not take PAC money.", "has been telling"),
    ],
)
def test_a_cue_keeps_its_auxiliary_past_been_or_a_manner_adverb(body: str, cue: str) -> None:
    quotes = extract(body).quotes
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Jenna Calloway", cue, "she will not take PAC money")
    ]


def test_a_participle_after_a_comma_and_an_adverb_shares_the_subject() -> None:
    body = "Kerr said the plan would fail, quietly adding that it was costly."
    quotes = extract(body).quotes
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Kerr", "said", "the plan would fail"),
        ("Kerr", "adding", "it was costly"),
    ]


def test_others_is_a_group_not_a_person_named_others() -> None:
    body = "Residents packed the hall. Others said the county needed the tax revenue."
    extraction = extract(body)
    assert [(s.name, s.kind) for s in extraction.speakers] == [("others", "group")]


def test_the_report_speaks_for_the_body_that_just_released_it() -> None:
    body = (
        "In a report released Monday, the Government Accountability Office said the Navy had "
        "begun construction too early.\n\n"
        "“The decision to start building before the design was stable has added to the "
        "delays,” the report said."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Government Accountability Office"] * 2


def test_its_annual_report_is_not_the_body_named_last() -> None:
    body = (
        "China accounted for roughly 31% of Velcor's revenue last fiscal year, according to "
        "its annual report."
    )
    assert "China" not in [q.speaker for q in extract(body).quotes]


def test_a_spokesman_named_by_the_first_word_of_a_body_speaks_for_that_body() -> None:
    body = (
        "The online furniture retailer Kestrel Home said hackers had stolen customer data.\n\n"
        "A Kestrel spokesman said customers should be wary of emails asking for passwords."
    )
    extraction = extract(body)
    assert [q.speaker for q in extraction.quotes] == ["Kestrel Home", "Kestrel Home"]
    assert [s.name for s in extraction.speakers] == ["Kestrel Home"]
