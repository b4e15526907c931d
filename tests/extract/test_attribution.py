"""End-to-end attribution of direct and partial quotes on small fixtures."""

from __future__ import annotations


def triples(run, *paragraphs: str) -> list[tuple[str, str, str | None]]:
    _, extraction = run(*paragraphs)
    return [(q.kind, q.text, q.speaker) for q in extraction.quotes]


def test_quote_then_name_said(run):
    assert triples(
        run, "“We will not back down,” Senate Majority Leader Harold Brennan, D-Ore., said."
    ) == [("direct", "We will not back down,", "Harold Brennan")]


def test_inverted_said_name_with_appositive(run):
    found = triples(
        run, '"We raised more than we hoped," said Brian Fallon, the campaign\'s press secretary.'
    )
    assert found == [("direct", "We raised more than we hoped,", "Brian Fallon")]


def test_name_said_colon_quote(run):
    assert triples(run, "Jane Doe said: “The vote is over.”") == [
        ("direct", "The vote is over.", "Jane Doe")
    ]


def test_relative_clause_before_cue(run):
    found = triples(run, "Jane Doe, who chairs the panel, said “We will hold hearings.”")
    assert found == [("direct", "We will hold hearings.", "Jane Doe")]


def test_dash_attribution(run):
    assert triples(run, "“Never again.” — Maria Lopez") == [
        ("direct", "Never again.", "Maria Lopez")
    ]


def test_from_chairwoman_intro_paragraph(run):
    found = triples(run, "From Chairwoman Ruth Adams:", "“This budget fails our schools.”")
    assert found == [("direct", "This budget fails our schools.", "Ruth Adams")]


def test_pronoun_resolves_to_nearest_person(run):
    found = triples(
        run,
        "White House press secretary Denise Alvarado was more direct on Thursday.",
        "“Pass the bill,” she said at the daily briefing.",
    )
    assert found == [("direct", "Pass the bill,", "Denise Alvarado")]


def test_nominal_the_spokesman(run):
    found = triples(
        run,
        "The ministry's spokesman, Ali Khan, met reporters.",
        "“We are ready,” the spokesman said.",
    )
    assert found == [("direct", "We are ready,", "Ali Khan")]


def test_floating_quote_keeps_the_speaker(run):
    found = triples(
        run, "“We made progress,” Lindqvist said. “We are not there yet.”", "“Talks go on.”"
    )
    assert [speaker for _, _, speaker in found] == ["Lindqvist"] * 3


def test_multi_paragraph_quote_one_speaker(run):
    body, extraction = run(
        "Smith spoke at length.",
        "“The first part of it.",
        "“The last part of it,” said Ann Smith.",
    )
    assert len(extraction.quotes) == 1
    quote = extraction.quotes[0]
    assert quote.speaker == "Ann Smith" and "\n\n" in quote.text


def test_partial_quote_with_called(run):
    found = triples(
        run, "Mexican Economy Minister Ricardo Vela called the U.S. position “unreasonable.”"
    )
    assert found == [("partial", "unreasonable.", "Ricardo Vela")]


def test_i_and_we_inside_quotes_are_never_speakers(run):
    _, extraction = run("“I said we would win,” Tom Reyes said.")
    assert extraction.quotes[0].speaker == "Tom Reyes"


def test_unattributed_quote_is_skipped(run):
    assert triples(run, "The sign read “Closed for the season, sorry.”") == []


def test_title_of_work_is_not_a_quote(run):
    assert triples(run, "Jane Doe starred in the film “Small Rooms,” she said.") == []


def test_organisation_and_alias(run):
    _, extraction = run(
        "The Inter-Services Public Relations (ISPR) issued a statement.",
        "“Both sides agreed,” the ISPR said.",
    )
    (speaker,) = extraction.speakers
    assert (speaker.name, speaker.kind, speaker.aliases) == (
        "Inter-Services Public Relations",
        "organisation",
        ["ISPR"],
    )


def test_mention_and_cue_offsets(run):
    body, extraction = run("“Fine,” Tom Reyes told reporters.")
    quote = extraction.quotes[0]
    assert body[quote.mention_start : quote.mention_end] == quote.mention == "Tom Reyes"
    assert quote.cue == "told reporters"


def test_anonymous_source(run):
    _, extraction = run(
        "Officials, speaking on condition of anonymity, said the deal was close to done."
    )
    quote = extraction.quotes[0]
    assert quote.anonymous and extraction.speakers[0].anonymous
    assert extraction.speakers[0].kind == "group"


def test_two_people_with_one_surname_stay_apart(run):
    _, extraction = run(
        "Rep. Karen Miller of Idaho filed a bill.",
        "State Department spokesman Jonathan Miller spoke later.",
        "“We have been clear,” Miller said.",
    )
    assert extraction.quotes[0].speaker == "Jonathan Miller"


def test_first_names_give_pronouns_a_gender(run):
    _, extraction = run(
        "Diane Vanterpool debated Marcus Holbrook on Tuesday.",
        "“I have done my job,” she said.",
    )
    assert extraction.quotes[0].speaker == "Diane Vanterpool"


def test_owned_body_is_named_after_its_owner(run):
    _, extraction = run(
        "Marcus Holbrook skipped the debate.",
        "Afterward, his campaign said his position had been consistent from day one.",
    )
    assert extraction.quotes[0].speaker == "Holbrook campaign"


def test_anonymous_source_close_to_someone(run):
    _, extraction = run(
        "“He thought nobody would notice,” a source close to Farraday told The Ledger."
    )
    quote = extraction.quotes[0]
    assert quote.anonymous and quote.speaker == "source close to Farraday"


def test_nominal_refers_back_to_a_body_that_spoke(run):
    _, extraction = run(
        "The Inter-Services Public Relations (ISPR) said the meeting took place in Rawalpindi.",
        "Matters of mutual interest were discussed, the military's media wing mentioned.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Inter-Services Public Relations"] * 2


def test_spokesperson_speaks_for_the_body(run):
    _, extraction = run(
        "The city's Department of Investigation declined to comment.",
        "“We don't confirm or deny investigations,” a DOI spokeswoman said.",
    )
    quote = extraction.quotes[0]
    assert quote.speaker == "Department of Investigation" and not quote.anonymous


def test_indefinite_nominal_is_an_unnamed_speaker(run):
    _, extraction = run(
        "Rep. Sandra Lindqvist spoke first.",
        "A GOP lawmaker said leadership had offered everything short of a corner office.",
    )
    quote = extraction.quotes[0]
    assert quote.anonymous and quote.speaker == "GOP lawmaker"


def test_definite_nominal_refers_to_the_last_speaker(run):
    _, extraction = run(
        "“It’s over,” Biden said Tuesday.", "The president added that the bill would be signed."
    )
    assert [q.speaker for q in extraction.quotes] == ["Biden", "Biden"]


def test_demonym_refers_back_to_a_person(run):
    _, extraction = run(
        "“We were bad,” Marco Bellini said.",
        "“When you win, you look for the next game,” the Italian said.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Marco Bellini", "Marco Bellini"]


def test_quote_paragraph_after_a_paragraph_about_someone(run):
    found = triples(
        run,
        "Marjorie Quist, his chief of staff for 17 years, remembered a careful congressman.",
        "“He read every letter. Every single one.”",
    )
    assert found == [("direct", "He read every letter. Every single one.", "Marjorie Quist")]


def test_no_introduction_no_speaker(run):
    assert triples(run, "The rain fell all day.", "“He read every letter.”") == []


def test_a_paragraph_of_someone_s_words_introduces_the_quote(run):
    _, extraction = run(
        "Board member Teresa Sandoval voted no. Her remarks drew a standing ovation:",
        '"We are asking 8-year-olds to ride a bus for 50 minutes each way."',
    )
    assert [(q.speaker, q.mention) for q in extraction.quotes] == [("Teresa Sandoval", "Her")]


def test_a_floating_quote_after_a_title_that_ends_the_sentence(run):
    _, extraction = run(
        "“I’m not going to sugarcoat it,” Leonard Harrow told CNN’s Ana Whitcomb on “State of"
        " the Union.” “That is not a sustainable way to run a department.”"
    )
    assert [q.speaker for q in extraction.quotes] == ["Leonard Harrow", "Leonard Harrow"]


def test_a_capitalised_adverb_opening_a_short_sentence_is_nobody(run):
    found = triples(
        run,
        '"Who here pays more for groceries?" said Mr. Varga. Nearly every hand went up.'
        ' "Then you know."',
    )
    assert ("direct", "Then you know.", "Nearly") not in found
    assert found[0] == ("direct", "Who here pays more for groceries?", "Varga")


def test_a_name_opening_a_short_sentence_still_speaks_next(run):
    found = triples(run, '"Who pays more?" said Mr. Varga. Kelly Brown waved. "Then you know."')
    assert found[-1] == ("direct", "Then you know.", "Kelly Brown")


def test_a_day_named_in_the_clause_is_not_the_pronoun_speaker(run):
    found = triples(
        run,
        "Tyler Brandvold dismissed the lawsuits. Ballots must arrive by Election Day, he said.",
        '"We sang it every Christmas Eve," Doris Day said.',
    )
    assert [speaker for _, _, speaker in found] == ["Tyler Brandvold", "Doris Day"]


def test_a_work_word_ending_the_sentence_before_a_quote_marks_no_title(run):
    found = triples(run, 'Ann Lee read the book. "My kid picked a different one," she said.')
    assert found == [("direct", "My kid picked a different one,", "Ann Lee")]
    found = triples(run, 'Ann Lee read the book "Neon Summer" last year.')
    assert found == []


def test_a_quoted_sentence_after_a_reported_clause_and_a_comma_is_direct(run):
    found = triples(run, 'Ann Lee said the vote was close, "But we will win it anyway."')
    assert found == [
        ("reported", "the vote was close", "Ann Lee"),
        ("direct", "But we will win it anyway.", "Ann Lee"),
    ]


def test_a_quoted_title_after_a_comma_stays_in_the_clause(run):
    found = triples(run, 'Ann Lee said the bill would pass, "Kids Online Act" or not.')
    assert found[0] == ("reported", 'the bill would pass, "Kids Online Act" or not', "Ann Lee")


def test_the_one_remembered_saying_it_speaks(run):
    found = triples(
        run, 'She remembers Vernon Dale saying, "Always leave a place better than you found it."'
    )
    assert found == [("direct", "Always leave a place better than you found it.", "Vernon Dale")]


def test_a_short_beat_between_a_speakers_quotes_keeps_the_floor(run):
    found = triples(
        run, '"Who here pays more?" said Mr. Varga. Nearly every hand went up. "Then you know."'
    )
    assert found[-1] == ("direct", "Then you know.", "Varga")


def test_a_long_stretch_of_narrative_ends_the_floor(run):
    found = triples(
        run,
        '"Who here pays more?" said Mr. Varga. The crowd in the parking lot of the shuttered'
        ' store, most of them retirees from the plant, went quiet. "Then you know."',
    )
    assert [text for _, text, _ in found] == ["Who here pays more?"]
