from __future__ import annotations


def test_labelled_paragraphs_are_direct_quotes(run):
    body, extraction = run(
        "Douglas Kerr appeared before the committee.",
        "SEN. EVAN HOLLOWAY (R-Ind.), the committee chairman: Why didn't you fix it?",
        "KERR: We were replacing it. The timing was not good enough.",
    )
    found = [(q.kind, q.text, q.speaker) for q in extraction.quotes]
    assert found == [
        ("direct", "Why didn't you fix it?", "Evan Holloway"),
        ("direct", "We were replacing it. The timing was not good enough.", "Douglas Kerr"),
    ]
    assert extraction.quotes[0].mention.startswith("SEN. EVAN HOLLOWAY")


def test_a_lone_dateline_is_not_a_label(run):
    _, extraction = run(
        "The talks ended.", "RAWALPINDI: In a meeting on Monday, the two sides met."
    )
    assert extraction.quotes == []


def test_fact_check_headings_are_not_speakers(run):
    _, extraction = run(
        "CLAIM: A candidate says crime has doubled.",
        "VERDICT: Mostly false. Police data show crime rose.",
        "THE FACTS: The candidate has made the claim in two ads.",
        "THE BOTTOM LINE: Crime rose, but it did not double.",
    )
    assert [q.speaker for q in extraction.quotes if q.kind == "direct"] == []


def test_the_reporter_s_narration_is_the_story_not_a_quote(run):
    _, extraction = run(
        "KHAN: Growers in the valley are fallowing land. Tomas Reyes reports.",
        "REYES: Hector Marquez says he will have to pull out a third of his orchard.",
        "MARQUEZ: I have never seen it this dry.",
    )
    found = [(q.kind, q.text, q.speaker) for q in extraction.quotes]
    assert (
        "reported",
        "he will have to pull out a third of his orchard",
        "Hector Marquez",
    ) in found
    assert ("direct", "I have never seen it this dry.", "Hector Marquez") in found
    assert not any(speaker == "Reyes" for _, _, speaker in found)


def test_a_quote_inside_an_answer_is_the_answerer_s(run):
    _, extraction = run(
        "KHAN: Tell us about the ground.",
        'DESAI: Once the clay compacts, it is gone. I tell my students, "You can refill a'
        " bucket. You can't refill a crushed bucket.\"",
        "KHAN: Thank you.",
    )
    inner = [q for q in extraction.quotes if q.text.startswith("You can refill")]
    assert len(inner) == 1 and inner[0].mention == "I"
    assert inner[0].speaker == next(q.speaker for q in extraction.quotes if q.mention == "DESAI")


def test_a_label_in_capitals_names_a_person_not_an_acronym(run):
    _, extraction = run("Intro.", "KERR: I can't explain it.", "LEE: Nor can I.")
    assert [(q.speaker, q.mention) for q in extraction.quotes] == [("Kerr", "KERR"), ("Lee", "LEE")]


def test_labels_in_ordinary_case_are_read_where_two_people_take_turns(run):
    _, extraction = run(
        "Geoff Bennett: Leah Carrington spoke with one of them earlier today.",
        "Leah Carrington: Senator, thank you for being here.",
        "Sen. Walter Oyelaran (D-MI): Thanks for having me, Leah.",
        "Leah Carrington: Why did you vote against it?",
        "Oyelaran: Look, I've spent my whole career in this fight.",
    )
    found = [(q.text, q.speaker, q.mention) for q in extraction.quotes]
    label = "Sen. Walter Oyelaran (D-MI)"
    assert ("Thanks for having me, Leah.", "Walter Oyelaran", label) in found
    answer = "Look, I've spent my whole career in this fight."
    assert (answer, "Walter Oyelaran", "Oyelaran") in found
    assert ("Why did you vote against it?", "Leah Carrington", "Leah Carrington") in found
    # One turn is no transcript: Bennett's line is left to the other stages.
    assert not any(speaker == "Geoff Bennett" for _, speaker, _ in found)


def test_digest_labels_in_ordinary_case_are_not_speakers(run):
    _, extraction = run(
        "Why It Matters: The bill would fund the government.",
        "Zoom In: Ann Lee wants a vote this week.",
        "The Big Picture: Both parties want it done.",
        "Why It Matters: Money runs out on Friday.",
        "Zoom In: The House votes first.",
        "Last Updated: Friday, 4:58 PM",
        "Last Updated: Saturday, 9:14 AM",
    )
    assert [q for q in extraction.quotes if q.kind == "direct"] == []


def test_one_speaker_s_turns_in_ordinary_case_are_no_transcript(run):
    _, extraction = run(
        "Ann Lee: a profile.",
        "Ann Lee: the early years.",
        "Ann Lee: the campaign.",
    )
    assert extraction.quotes == []


def test_a_transcript_that_opens_the_article_keeps_its_first_turn(run):
    # The first paragraph is read as a label only when its speaker speaks again: a
    # dateline ("RAWALPINDI: …") never does.
    _, extraction = run(
        "JAKE TAPPER, CNN ANCHOR: Senator, do you support the bill?",
        "SEN. AMY KLOBUCHAR (D-MN): I do, Jake. We've worked on this for two years.",
        "TAPPER: And if it fails?",
        "KLOBUCHAR: Then we start again.",
    )
    assert [q.speaker for q in extraction.quotes] == [
        "Jake Tapper",
        "Amy Klobuchar",
        "Jake Tapper",
        "Amy Klobuchar",
    ]


def test_a_dateline_before_a_transcript_is_not_a_turn(run):
    _, extraction = run(
        "RAWALPINDI: The two sides met on Monday.",
        "KERR: I can't explain it.",
        "SMITH: Nor can I.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Kerr", "Smith"]
