from __future__ import annotations


def reported(run, *paragraphs: str) -> list[tuple[str, str | None]]:
    _, extraction = run(*paragraphs)
    return [(q.text, q.speaker) for q in extraction.quotes if q.kind == "reported"]


def test_said_that_clause(run):
    assert reported(run, "Jane Doe said that the plan would fail by March.") == [
        ("the plan would fail by March", "Jane Doe")
    ]


def test_said_clause_without_that(run):
    assert reported(run, "The aides said the provision was dropped late Wednesday night.") == [
        ("the provision was dropped late Wednesday night", "aides")
    ]


def test_clause_before_the_attribution(run):
    assert reported(
        run, "Two soldiers were killed in the attack, the Pakistan Army said on Saturday."
    ) == [("Two soldiers were killed in the attack", "Pakistan Army")]


def test_according_to_both_ways(run):
    found = reported(run, "According to the Foreign Office, the talks will resume in May.")
    assert found == [("the talks will resume in May", "Foreign Office")]
    found = reported(run, "The talks will resume in May, according to the Foreign Office.")
    assert found == [("The talks will resume in May", "Foreign Office")]


def test_told_reporters_and_in_a_statement(run):
    found = reported(run, "Senator Ann Lee told reporters the bill had the votes to pass.")
    assert found == [("the bill had the votes to pass", "Ann Lee")]
    found = reported(
        run,
        "The Inter-Services Public Relations (ISPR), in a statement, said"
        " the meeting took place in Rawalpindi.",
    )
    assert found == [("the meeting took place in Rawalpindi", "Inter-Services Public Relations")]


def test_adding_that_shares_the_speaker(run):
    _, extraction = run(
        "Ann Lee spoke on Monday.",
        "“We expect results,” she said, adding that the deadline was firm.",
    )
    kinds = [(q.kind, q.speaker) for q in extraction.quotes]
    assert kinds == [("direct", "Ann Lee"), ("reported", "Ann Lee")]


def test_no_clause_no_quote(run):
    assert reported(run, "Jane Doe said on Monday.") == []
    assert reported(run, "She acted as he said.") == []


def test_partial_quote_inside_clause_is_kept_within_it(run):
    _, extraction = run("Brennan said he was “cautiously optimistic.”")
    assert [(q.kind, q.text) for q in extraction.quotes] == [
        ("reported", "he was “cautiously optimistic.”"),
        ("partial", "cautiously optimistic."),
    ]


def test_who_has_said_gives_the_antecedent(run):
    found = reported(run, "The bill went to Gov. Curtis Bellamy, who has said he will sign it.")
    assert found == [("he will sign it", "Curtis Bellamy")]


def test_and_said_shares_the_sentence_subject(run):
    found = reported(
        run,
        "Deepa Raman, an analyst at Corbin Securities, called the price high and said"
        " the regulatory review could take 18 months.",
    )
    assert found == [("the regulatory review could take 18 months", "Deepa Raman")]


def test_and_that_starts_a_second_clause(run):
    found = reported(run, "Ann Lee said the budget was balanced and that no taxes had been raised.")
    assert found == [
        ("the budget was balanced", "Ann Lee"),
        ("no taxes had been raised", "Ann Lee"),
    ]


def test_an_object_is_not_a_clause(run):
    assert reported(run, "Gov. Ann Lee declared a state of emergency on Monday.") == []


def test_appositive_inside_clause_is_kept(run):
    found = reported(run, "Police said the suspect, a 24-year-old man, was arrested at the scene.")
    assert found == [("the suspect, a 24-year-old man, was arrested at the scene", "police")]


def test_spokesperson_for_a_body_speaks_for_it(run):
    found = reported(run, "A spokesperson for the Pentagon said the strikes were defensive.")
    assert found == [("the strikes were defensive", "Pentagon")]


def test_present_tense_clause_without_that(run):
    found = reported(run, "President Joe Biden on Monday said Americans deserve better.")
    assert found == [("Americans deserve better", "Joe Biden")]


def test_a_clause_that_opens_with_at_least(run):
    assert reported(run, "At least 180 homes have been destroyed, the agency said.") == [
        ("At least 180 homes have been destroyed", "agency")
    ]


def test_south_asian_of_the_view_and_said_only_that(run):
    assert reported(run, "Arif Memon was of the view that the crisis was man-made.") == [
        ("the crisis was man-made", "Arif Memon")
    ]
    assert reported(run, "Ann Lee said only that the government was open to talks.") == [
        ("the government was open to talks", "Ann Lee")
    ]


def test_a_bare_subject_whose_verb_is_quoted(run):
    assert reported(run, 'Ann Lee said voters "can read a spreadsheet."') == [
        ('voters "can read a spreadsheet."', "Ann Lee")
    ]
    assert reported(run, 'Ann Lee praised voters "for their patience."') == []


def test_an_emphatic_reflexive_before_the_cue(run):
    assert reported(run, "Melissa Tran herself said the voters were smart.") == [
        ("the voters were smart", "Melissa Tran")
    ]


def test_a_leading_participial_phrase_before_shared_subject(run):
    found = reported(
        run,
        "Speaking to reporters at the assembly, Ms Baloch termed the situation unacceptable"
        " and said action would be taken against officers.",
    )
    assert found == [("action would be taken against officers", "Baloch")]


def test_a_plural_subject_after_a_quantity_and_its_plain_verb(run):
    assert reported(run, "Raj Patel says about half his customers come from across the river.") == [
        ("about half his customers come from across the river", "Raj Patel")
    ]


def test_the_scene_after_a_quote_s_attribution_is_no_clause(run):
    assert (
        reported(
            run,
            '"The people did everything right," Kessler said at a press conference outside'
            " the Capitol, flanked by residents who had traveled to Washington by bus.",
        )
        == []
    )
    assert reported(run, '"We won," Ann Lee said on Monday that the votes were counted.') == [
        ("the votes were counted", "Ann Lee")
    ]
    assert reported(run, 'On "America Tonight," Kellerman said the law had teeth.') == [
        ("the law had teeth", "Kellerman")
    ]


def test_a_phrase_after_a_cue_that_runs_to_the_end_of_the_text():
    # It raised IndexError, and extract() then dropped every quote of the article.
    from quoth.corpus.extract import run_pipeline

    assert run_pipeline("Ann Lee said at the meeting").quotes == []
    [quote] = run_pipeline('"Yes," Ann Lee said at the meeting').quotes
    assert (quote.text, quote.speaker) == ("Yes,", "Ann Lee")


def test_a_role_in_apposition_before_who(run):
    found = reported(
        run,
        "Rick Vandermeer, a paving contractor who testified that he had paid Dale $85,000"
        " over four years, was sentenced in April.",
    )
    assert found == [("he had paid Dale $85,000 over four years", "Rick Vandermeer")]


def test_a_second_that_clause_after_a_comma(run):
    found = reported(
        run,
        "The union said in a statement that no teachers would be laid off, but that it"
        " would watch how staff are reassigned.",
    )
    assert found == [
        ("no teachers would be laid off", "union"),
        ("it would watch how staff are reassigned", "union"),
    ]


def test_a_group_after_a_participle_cue_is_in_the_clause(run):
    assert reported(
        run,
        "Sen. Margaret Olander called for an exemption, saying growers in her state could"
        " not absorb another jump in prices.",
    ) == [("growers in her state could not absorb another jump in prices", "Margaret Olander")]


def test_a_group_placed_by_near_or_along(run):
    assert reported(run, "Business owners near the bridge say they're already feeling it.") == [
        ("they're already feeling it", "Business owners")
    ]


def test_a_bare_subject_with_an_including_aside(run):
    assert reported(
        run, "Marsh has said essential services, including state police, would keep operating."
    ) == [("essential services, including state police, would keep operating", "Marsh")]


def test_a_subject_with_a_relative_aside_is_no_inverted_clause(run):
    assert reported(run, "Councilmember Gordon Lamb, who voted no, said the cap would hurt.") == [
        ("the cap would hurt", "Gordon Lamb")
    ]


def test_a_two_word_clause_of_a_pronoun_and_its_verb(run):
    assert reported(run, "Joanna Calloway said she understood.") == [
        ("she understood", "Joanna Calloway")
    ]


def test_phrases_before_that_with_by_and_a_month(run):
    assert reported(run, "Harold Lee said by phone from his home that he had an ID.") == [
        ("he had an ID", "Harold Lee")
    ]
    assert reported(run, "Elliot Haskell told lawmakers in May that the rules favored fiber.") == [
        ("the rules favored fiber", "Elliot Haskell")
    ]


def test_an_occasion_with_a_hyphenated_number_after_the_cue(run):
    body = "The law places a modest burden, the court said in a 38-page opinion."
    assert reported(run, body) == [("The law places a modest burden", "court")]


def test_a_present_tense_verb_after_a_modified_subject_with_a_named_object(run):
    body = "Sonia Gambrell says the campaign's internal polling shows Bryce within five points."
    assert reported(run, body) == [
        ("the campaign's internal polling shows Bryce within five points", "Sonia Gambrell")
    ]


def test_a_bare_subject_with_a_not_aside(run):
    assert reported(run, "Experts say enforcement, not the law itself, is the bottleneck.") == [
        ("enforcement, not the law itself, is the bottleneck", "experts")
    ]


def test_a_clause_before_told_an_audience_and_an_occasion(run):
    body = "The cuts would begin in April, Imtiaz Qureshi told a news conference in the capital."
    assert reported(run, body) == [("The cuts would begin in April", "Imtiaz Qureshi")]


def test_a_clause_with_a_quoted_fragment_before_the_attribution(run):
    body = "The government was “balancing its books on the backs of drivers”, the party said."
    assert reported(run, body) == [
        ("The government was “balancing its books on the backs of drivers”", "party")
    ]


def test_a_clause_whose_comma_is_inside_the_closing_mark(run):
    body = "Calloway was “exactly the outsider FEMA needs,” a White House spokesperson said."
    assert reported(run, body) == [
        ("Calloway was “exactly the outsider FEMA needs,”", "White House")
    ]


def test_not_just_x_but_y_is_one_clause(run):
    body = "Amara Sewell says the difference is not just speed, but what people can build."
    assert reported(run, body) == [
        ("the difference is not just speed, but what people can build", "Amara Sewell")
    ]
    assert reported(run, "Ann Lee said the plan was expensive, but the council approved it.") == [
        ("the plan was expensive", "Ann Lee")
    ]


def test_according_to_after_another_speakers_clause_reports_only_the_rest(run):
    assert reported(
        run,
        "Speaker Ann Haskins told reporters that she was confident the bill would pass, but "
        "leadership had not begun whipping the measure, according to two GOP aides.",
    ) == [
        ("she was confident the bill would pass", "Ann Haskins"),
        ("leadership had not begun whipping the measure", "GOP aides"),
    ]


def test_according_to_after_a_whole_reported_sentence_leaves_it_to_its_speaker(run):
    assert reported(run, "Ann Lee said the bill would pass, according to two aides.") == [
        ("the bill would pass", "Ann Lee")
    ]


def test_according_to_sources_with_knowledge_of_the_talks(run):
    _, extraction = run(
        "The deal would cover insulin, according to two sources with knowledge of the talks."
    )
    [quote] = extraction.quotes
    assert (quote.text, quote.speaker, quote.anonymous) == (
        "The deal would cover insulin",
        "sources",
        True,
    )
    assert quote.mention == "two sources with knowledge of the talks"


def test_according_to_estimates_from_a_body_is_the_body(run):
    assert reported(
        run,
        "About 780,000 workers were furloughed, according to estimates from the Office of "
        "Personnel Management.",
    ) == [("About 780,000 workers were furloughed", "Office of Personnel Management")]


def test_and_said_shares_a_subject_after_a_leading_adverb(run):
    assert reported(
        run,
        "Later in the hearing, Cordero told lawmakers the agency was short of agents and said "
        "attrition was its biggest crisis.",
    ) == [
        ("the agency was short of agents", "Cordero"),
        ("attrition was its biggest crisis", "Cordero"),
    ]
    assert reported(run, "Meanwhile, the mayor vetoed the bill and said it was too costly.") == [
        ("it was too costly", "mayor")
    ]


def test_a_plural_subject_whose_verb_opens_a_partial_quote(run):
    assert reported(run, 'The district said its contracts "comply fully with state law".') == [
        ('its contracts "comply fully with state law"', "district")
    ]


def test_and_that_after_a_dash_aside_is_a_second_clause(run):
    assert reported(
        run,
        "Felix Cordero told the committee that agents recorded 41,000 gotaways in August — "
        "migrants who are seen but not caught — and that the figure had fallen.",
    ) == [
        ("agents recorded 41,000 gotaways in August", "Felix Cordero"),
        ("the figure had fallen", "Felix Cordero"),
    ]


def test_a_present_tense_does_continues_the_statement(run):
    assert reported(
        run,
        "DHS said in a statement that it is reviewing the bill and does not take positions on "
        "pending legislation.",
    ) == [("it is reviewing the bill and does not take positions on pending legislation", "DHS")]


def test_and_a_clause_after_an_attribution_set_off_by_commas(run):
    assert reported(
        run,
        "The whip count is fluid, one of the aides said, and leaders are weighing whether to "
        "strip the language.",
    ) == [
        ("The whip count is fluid", "aides"),
        ("leaders are weighing whether to strip the language", "aides"),
    ]


def test_a_relative_clause_is_not_cut_at_a_thousands_comma(run):
    assert reported(
        run,
        "The motion was moved by Aisha Musa, who said the price of N1,450 per litre was too high.",
    ) == [("the price of N1,450 per litre was too high", "Aisha Musa")]


def test_and_referred_questions_is_the_reporters_next_fact(run):
    assert reported(
        run,
        "Roy Fontenot said his company had done good work and referred further questions "
        "to his attorney.",
    ) == [("his company had done good work", "Roy Fontenot")]


def test_according_to_more_than_a_dozen_lawmakers(run):
    _, extraction = run("Leaders are short of votes, according to more than a dozen lawmakers.")
    [quote] = extraction.quotes
    assert (quote.text, quote.mention) == (
        "Leaders are short of votes",
        "more than a dozen lawmakers",
    )


def test_a_bare_subject_whose_quoted_verb_is_a_contracted_negative(run):
    assert reported(run, 'Ann Lee said money "doesn\'t vote" and that she would campaign.') == [
        ('money "doesn\'t vote"', "Ann Lee"),
        ("she would campaign", "Ann Lee"),
    ]


def test_a_participle_shares_a_subject_after_a_leading_time(run):
    assert reported(
        run, "Last year the commission sued to block a merger, arguing that it would raise prices."
    ) == [("it would raise prices", "commission")]


def test_a_compound_plural_subject_before_a_plain_verb_and_a_quote(run):
    assert reported(
        run, "Ibsen has said grocery mergers deserve “particular scrutiny” from regulators."
    ) == [("grocery mergers deserve “particular scrutiny” from regulators", "Ibsen")]


def test_a_phrase_cue_keeps_its_auxiliary(run):
    assert reported(run, "The aides have made clear that the bill is dead.") == [
        ("the bill is dead", "aides")
    ]


def test_the_speaker_going_on_as_he_or_she_is_a_second_clause(run):
    assert reported(
        run, "Brent Voss said the committee would meet on Monday and he hoped to pass it."
    ) == [
        ("the committee would meet on Monday", "Brent Voss"),
        ("he hoped to pass it", "Brent Voss"),
    ]
    # "he" is whoever was named in the clause; "it" goes on about the same thing; after
    # a comma the reporter goes on.
    found = reported(run, "Ann Lee said she had met Dale Pryor but he had not conceded.")
    assert found == [("she had met Dale Pryor but he had not conceded", "Ann Lee")]
    assert reported(run, "Ann Lee said the bill was flawed and it would do little.") == [
        ("the bill was flawed and it would do little", "Ann Lee")
    ]
    found = reported(run, "Ann Lee has argued the bill was flawed, and she has filed a motion.")
    assert found and not any(text.startswith("she") for text, _ in found)


def test_clause_before_the_cue_opening_with_a_quantity(run):
    for clause in ["About half of households have applied", "Only about 40 towns have applied"]:
        assert reported(run, f"{clause}, said Dev Pruett, a spokesperson.") == [
            (clause, "Dev Pruett")
        ]


def test_clause_before_a_cue_with_an_audience_and_a_time(run):
    for tail in ["told us", "told MPs yesterday", "acknowledged this week"]:
        assert reported(run, f"The Treasury has dropped the levy, Peter Mwangi {tail}.") == [
            ("The Treasury has dropped the levy", "Peter Mwangi")
        ]


def test_clause_before_a_cue_starts_after_a_colon(run):
    found = reported(
        run, "Ann Lee campaigned. Her pitch is simple: Madison has forgotten them, she tells them."
    )
    assert found == [("Madison has forgotten them", "Ann Lee")]
    found = reported(run, "At 3:30 p.m. the plan will fail, Ann Lee said.")
    assert found == [("At 3:30 p.m. the plan will fail", "Ann Lee")]


def test_the_service_is_the_armed_service_named_before(run):
    found = reported(run, "The first of the Navy’s frigates will be late, the service said.")
    assert found == [("The first of the Navy’s frigates will be late", "Navy")]


def test_a_with_phrase_after_the_clause_is_the_reporters(run):
    assert reported(
        run, "Officials said more than 600 firefighters were on the scene, with more on the way."
    ) == [("more than 600 firefighters were on the scene", "officials")]
    assert reported(run, 'Lydia Wen said the effect was "churn," with people cycling off.') == [
        ('the effect was "churn,"', "Lydia Wen")
    ]
    found = reported(run, "Ann Lee said the city would, with help from the state, build a bridge.")
    assert found == [("the city would, with help from the state, build a bridge", "Ann Lee")]


def test_clause_ending_in_a_quoted_fragment_before_an_inverted_cue(run):
    found = reported(
        run, 'The agency expected to decide "within weeks," said a White House official.'
    )
    assert found == [('The agency expected to decide "within weeks,"', "White House official")]


def test_a_sentence_opening_and_is_no_part_of_the_clause(run):
    found = reported(run, "And the group will fight a stopgap past January, Roy Kemp said.")
    assert found == [("the group will fight a stopgap past January", "Roy Kemp")]


def test_the_speakers_next_act_ends_the_clause(run):
    found = reported(run, "Alan Corbin said the radar was old but repeatedly declined to commit.")
    assert found == [("the radar was old", "Alan Corbin")]
    found = reported(
        run, "Wade Pickens has said water is his priority, and he has floated an amendment."
    )
    assert found == [("water is his priority", "Wade Pickens")]


def test_a_bare_plural_subject_with_an_adverb_before_its_verb(run):
    for clause in ["voters rarely ask about it", "voters often ask about it"]:
        assert reported(run, f"Owen Marsh said {clause}.") == [(clause, "Owen Marsh")]


def test_a_counted_plural_subject_and_its_plain_verb(run):
    for clause in ["about 1,400 households currently qualify", "1,400 households qualify for it"]:
        assert reported(run, f"Kevin Sato said {clause}.") == [(clause, "Kevin Sato")]


def test_a_spokesperson_named_in_apposition_speaks(run):
    found = reported(
        run, "A spokesperson for the Dunmore Water Authority, Kevin Sato, said rates would rise."
    )
    assert found == [("rates would rise", "Kevin Sato")]
    found = reported(run, "A spokesperson for the Dunmore Water Authority said rates would rise.")
    assert found == [("rates would rise", "Dunmore Water Authority")]


def test_a_subject_ending_in_s_is_a_firms_name(run):
    assert reported(run, "McDonald's said prices would rise in May.") == [
        ("prices would rise in May", "McDonald's")
    ]


def test_two_attributions_in_one_sentence_each_report_their_clause(run):
    for middle in ["Ann Lee said at a briefing", "Ann Lee said"]:
        found = reported(run, f"The plan is dead, {middle}, but the deal is alive, she added.")
        assert found == [("The plan is dead", "Ann Lee"), ("the deal is alive", "Ann Lee")]
    found = reported(run, "The count is fluid, one aide said, and leaders are weighing a vote.")
    assert found == [("The count is fluid", "aide"), ("leaders are weighing a vote", "aide")]


def test_an_attribution_with_its_audience_then_and_clause(run):
    found = reported(run, "The bill has support, an aide told Axios, but it is unlikely to pass.")
    assert found == [("The bill has support", "aide"), ("it is unlikely to pass", "aide")]


def test_and_a_second_participle_of_calling_ends_the_clause(run):
    found = reported(
        run, "Teresa Kolb disagreed, saying no one would be affected and calling it “a slogan.”"
    )
    assert found == [("no one would be affected", "Teresa Kolb")]


def test_a_clause_ends_at_a_comma_inside_a_closing_mark(run):
    found = reported(
        run, 'Morrow warned the cuts would leave it "broke by September," according to a source.'
    )
    assert found == [('the cuts would leave it "broke by September,"', "Morrow")]


def test_a_name_with_herself_and_a_quoted_comma_before_a_participle(run):
    found = reported(run, 'Tran herself, asked about the ad, said voters "can read a spreadsheet."')
    assert found == [('voters "can read a spreadsheet."', "Tran")]
    found = reported(run, 'Ann Lee said it would come "in days, not weeks," setting up a fight.')
    assert found == [('it would come "in days, not weeks,"', "Ann Lee")]


def test_saying_a_and_sending_b_reports_a(run):
    found = reported(
        run, "Gov. Ellen Marsh vetoed it, saying lawmakers had erred and sending it back."
    )
    assert found == [("lawmakers had erred", "Ellen Marsh")]


def test_and_a_second_cue_shares_the_first_cues_subject(run):
    found = reported(
        run,
        'It came after Minister Gareth Llewelyn urged both sides to "talk" and warned '
        "that the government would appoint a mediator.",
    )
    assert found == [("the government would appoint a mediator", "Gareth Llewelyn")]


def test_a_persons_spokeswoman_and_warning_that(run):
    found = reported(run, "Gov. Ann Sorensen spoke. Her spokeswoman said the plan would pass.")
    assert found == [("the plan would pass", "Ann Sorensen")]
    found = reported(run, "Governors urged the White House to act, warning that costs would rise.")
    assert found == [("costs would rise", "governors")]


def test_a_subject_after_though_keeps_its_modifiers(run):
    found = reported(
        run, "Leaders said no, though several farm-state senators said an extension was likely."
    )
    assert ("an extension was likely", "farm-state senators") in found


def test_a_clause_opening_with_only(run):
    found = reported(run, "Peter Stanek said only voters who failed to respond would be removed.")
    assert found == [("only voters who failed to respond would be removed", "Peter Stanek")]


def test_officials_privy_to_and_a_quoted_title_as_subject(run):
    found = reported(run, "Officials privy to the talks told Dawn that Islamabad would seek aid.")
    assert found == [("Islamabad would seek aid", "officials")]
    found = reported(run, 'Ava Lindgren said "Small Rooms" was the first book she loved.')
    assert found == [('"Small Rooms" was the first book she loved', "Ava Lindgren")]


def test_and_directed_is_the_speakers_next_act(run):
    found = reported(run, "The judges said they had no choice and directed a master to act.")
    assert found == [("they had no choice", "judges")]


def test_a_bare_audience_after_a_cue_at_the_end(run):
    found = reported(run, "Voters in line may vote, the state reminded voters on its website.")
    assert found == [("Voters in line may vote", "state")]


def test_he_after_a_question_about_someone_else(run):
    found = reported(
        run,
        "Carl Lattimore campaigned. Asked about McBride's remark, he said he had voted for it.",
    )
    assert found == [("he had voted for it", "Carl Lattimore")]


def test_a_bare_plural_subject_with_a_long_place_phrase(run):
    clause = "controllers at several sites in the New York area were tired"
    found = reported(run, f"Ann Okafor spoke, saying {clause}.")
    assert found == [(clause, "Ann Okafor")]


def test_according_to_then_though_clause_with_its_own_cue(run):
    found = reported(
        run,
        "It would cost $780 million, according to the Budget Office, though a third "
        "would be offset, the office said.",
    )
    assert found == [
        ("It would cost $780 million", "Budget Office"),
        ("a third would be offset", "Budget Office"),
    ]


def test_a_no_10_spokesperson_speaks_for_downing_street(run):
    found = reported(run, "A No 10 spokesperson said the bill would pass.")
    assert found == [("the bill would pass", "Downing Street")]


def test_a_demand_with_a_that_clause_is_reported(run):
    found = reported(run, "Lakshmi Menon demanded that a sitting judge probe the matter.")
    assert found == [("a sitting judge probe the matter", "Lakshmi Menon")]
    assert reported(run, "Lakshmi Menon demanded answers from the minister.") == []


def test_a_question_put_to_someone_is_no_clause_for_according_to(run):
    body = "Asked for the basis, Jenna Albright pointed to thefts, according to the department."
    assert reported(run, body) == []
    found = reported(run, "Asked for comment, the mayor's office said the plan would proceed.")
    assert found == [("the plan would proceed", "mayor's office")]


def test_a_persons_office_speaks_for_the_person(run):
    found = reported(run, "Curtis Whitlow spoke. Whitlow's office said the purge was routine.")
    assert found == [("the purge was routine", "Curtis Whitlow")]


def test_a_numbered_local_speaks(run):
    found = reported(run, "Transport Workers Union Local 291 said the plan meant a hiring freeze.")
    assert found == [("the plan meant a hiring freeze", "Transport Workers Union Local 291")]


def test_and_he_at_the_very_end_of_a_clause(run):
    # Found by the property tests: "he" with no word after it ended the tokens.
    assert reported(run, "sAY 00AND HE") == []
    assert reported(run, "Ann Lee said the plan failed and he") == [
        ("the plan failed and he", "Ann Lee")
    ]


def test_object_relative_reports_the_verb_phrase(run):
    # "a change she said would raise costs": the words said are the relative clause's
    # predicate; its subject is the noun before, and the speaker the one who said it.
    assert reported(
        run,
        "Beatriz Quintero opposed the bill, a change she said would raise health costs "
        "for more than 20 million Americans.",
    ) == [("would raise health costs for more than 20 million Americans", "Beatriz Quintero")]
    assert reported(
        run,
        "Mayor Tom Reyes signed the order. It covers 3,000 homes he said were at risk "
        "of flooding this spring.",
    ) == [("were at risk of flooding this spring", "Tom Reyes")]


def test_what_someone_said_was(run):
    assert reported(
        run,
        "Rep. Luke Gaither held up a photograph of what he said was a floppy disk drive "
        "still in use at an FAA facility in Dallas.",
    ) == [("a floppy disk drive still in use at an FAA facility in Dallas", "Luke Gaither")]


def test_object_relative_of_an_estimate_is_no_speech(run):
    assert (
        reported(
            run,
            "The Federal Aviation Administration testified on Monday. Lawmakers pressed it "
            "on a plan that the FAA estimates will cost $31 billion.",
        )
        == []
    )


def test_according_to_a_document_made_by_a_body_is_the_body(run):
    clause = "The plant added 300 jobs"
    for source in (
        "a report released by the Labor Department",
        "a new Labor Department report",
        "the Labor Department report",
    ):
        found = reported(run, f"{clause}, according to {source}.")
        assert found == [(clause, "Labor Department")], source


def test_a_body_whose_name_ends_in_a_document_word_is_named_whole(run):
    found = reported(run, "Wells ran dry in 1990, according to the U.S. Geological Survey.")
    assert found == [("Wells ran dry in 1990", "U.S. Geological Survey")]


def test_a_newsrooms_own_analysis_is_no_source(run):
    found = reported(
        run, "Counties closed 340 polling places, according to a Texas Tribune analysis of records."
    )
    assert ("Counties closed 340 polling places", "Texas Tribune") not in found


def test_a_body_that_added_jobs_reports_nothing(run):
    found = reported(run, "The company added more jobs in Michigan than it moved overseas.")
    assert found == []


def test_a_bare_noun_then_an_adverb_then_a_present_tense_is_a_clause(run):
    for text in (
        "mail now takes five days",
        "first-class mail from his county now routinely takes five days",
    ):
        assert reported(run, f"Dominic Ferraro said {text}.") == [(text, "Dominic Ferraro")]


def test_a_bare_noun_then_a_plural_noun_is_no_clause(run):
    assert reported(run, "Dominic Ferraro announced budget cuts for the county.") == []


def test_as_many_as_a_number_opens_a_clause(run):
    text = "as many as 180,000 households could lose assistance"
    assert reported(run, f"Ann Lee said {text}.") == [(text, "Ann Lee")]
    assert reported(run, "Ann Lee said as expected.") == []


def test_a_pronoun_in_a_relative_clause_on_the_object_means_the_subject(run):
    found = reported(
        run,
        "The Harbor Authority sent FEMA a timeline that it said showed the state had filed"
        " the documents.",
    )
    assert found[-1][1] == "Harbor Authority"
    found = reported(
        run,
        "The Pentagon issued a statement. Gov. Ann Lee released a plan that she said"
        " would cut costs.",
    )
    assert found == [("would cut costs", "Ann Lee")]
