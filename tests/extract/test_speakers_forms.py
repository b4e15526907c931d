"""Speaker forms journalism uses: firms joined by "&", unnamed individuals, group
antecedents, gendered pronouns. Invented text throughout."""

from __future__ import annotations

from quoth.corpus.extract import extract
from quoth.corpus.extract.speakers import read_name
from quoth.corpus.extract.text import tokenise


def reading(text: str):
    tokens = tokenise(text, 0, len(text))
    return read_name(text, tokens, 0, len(tokens) - 1)


def speakers(body: str) -> list[tuple[str, str | None, bool]]:
    return [(quote.kind, quote.speaker, quote.anonymous) for quote in extract(body).quotes]


def test_a_firm_joined_by_ampersand_is_an_organisation():
    firm = reading("Pellow & Drake")
    assert (firm.kind, firm.name) == ("organisation", "Pellow & Drake")
    body = "The distributor, Pellow & Drake, said it had recalled the shipment last week."
    assert ("reported", "Pellow & Drake", False) in speakers(body)


def test_an_unnamed_individual_is_an_anonymous_speaker_known_by_what_they_are():
    body = "A longtime shopper said the new store had emptied the old main street."
    assert speakers(body) == [("reported", "longtime shopper", True)]
    body = 'One retired autoworker says the plant "kept this valley alive."'
    assert ("reported", "retired autoworker", True) in speakers(body)
    body = 'A frequent donor told reporters, "I will not write another check."'
    assert speakers(body) == [("direct", "frequent donor", True)]


def test_they_opening_a_sentence_is_the_group_the_sentence_before_was_about():
    body = (
        "Senate Republicans, for their part, are staying quiet. "
        "They have said they will wait for the budget office's estimate."
    )
    assert speakers(body) == [("reported", "Senate Republicans", False)]


def test_they_after_two_groups_joined_stays_unresolved():
    body = (
        "Growers and unions are both unhappy with the rule. "
        "They have said they will challenge it in court."
    )
    assert speakers(body) == []


def test_a_surname_with_a_reflexive_is_a_woman_or_man_her_pronoun_finds():
    body = (
        "Nora Ellis, the deputy mayor, defended the budget on Tuesday. "
        "Whitcombe herself has been quieter. "
        'At a forum last week she said the city was "safer than ever."'
    )
    assert ("reported", "Whitcombe", False) in speakers(body)
    assert all(speaker != "Nora Ellis" for _, speaker, _ in speakers(body))


def test_the_group_is_the_body_the_article_introduced_as_the_group():
    body = (
        "The raid killed Yusuf al-Hariri, a commander of the group Liwa al-Fajr, the army said. "
        "A police official said the army had sealed the road. "
        "Liwa al-Fajr, in a post on its channel, confirmed his death. "
        'The group said the raid "changes nothing."'
    )
    assert ("reported", "Liwa al-Fajr", False) in speakers(body)


def test_the_group_after_another_body_named_later_is_not_the_introduced_one():
    body = (
        "The raid killed a commander of the group Liwa al-Fajr. "
        "The Harbour Workers Union said the port would close. "
        'The group said members were "ready to strike."'
    )
    assert ("reported", "Harbour Workers Union", False) in speakers(body)
    assert all(speaker != "Liwa al-Fajr" for _, speaker, _ in speakers(body))


def test_a_body_named_in_apposition_to_a_nominal_is_the_speaker():
    body = (
        "The hospital union, Allied Care Workers Local 9, said the rota was unsafe. "
        "Hospital director Ann Lee disagreed. "
        "The hospital union also said it would ballot members."
    )
    found = speakers(body)
    assert found[0] == ("reported", "Allied Care Workers Local 9", False)
    assert ("reported", "Allied Care Workers Local 9", False) in found[1:]


def test_a_members_body_or_a_numbered_branch_is_an_organisation():
    assert reading("Allied Care Workers").kind == "organisation"
    assert reading("Harbor Pilots Lodge 12").kind == "organisation"
    assert reading("Local 418").kind == "organisation"
    body = "Workers at the depot said the shift pattern had changed."
    assert speakers(body) == [("reported", "workers", False)]


def test_staff_at_a_named_body_keep_the_body_in_their_name():
    body = "Strategists at Quill & Ferrow wrote in a note that rates would fall."
    assert speakers(body) == [("reported", "strategists at Quill & Ferrow", False)]
    body = "Economists at Marlow Bank, a regional lender, said growth had stalled."
    assert speakers(body) == [("reported", "economists at Marlow Bank", False)]


def test_a_body_named_for_a_county_is_no_person_and_its_officer_is_named_in_full():
    body = (
        "Ruth Ocampo ran Dunmore County General until it closed. "
        "She says the clinic lost money every month."
    )
    assert speakers(body) == [("reported", "Ruth Ocampo", False)]
    officer = reading("Tarrant County Auditor Helen Brisco")
    assert (officer.kind, officer.name, officer.titles) == (
        "person",
        "Helen Brisco",
        ["Tarrant County Auditor"],
    )


def test_they_after_a_quote_opening_the_sentence_is_the_group_before_it():
    body = (
        "Dock workers gathered at the gate on Monday. “We were lied to. We will strike,” they said."
    )
    assert speakers(body) == [("direct", "Dock workers", False)]


def test_the_statement_is_the_body_that_issued_it():
    body = (
        "The Tidewater Port Authority issued a statement on Monday. "
        "The statement said the channel would reopen within days."
    )
    assert speakers(body) == [("reported", "Tidewater Port Authority", False)]


def test_officials_after_one_unnamed_official_are_a_group_of_their_own():
    body = (
        "A senior Treasury official said the auction would go ahead. "
        "The fund has lost money for three years, officials said."
    )
    assert speakers(body) == [
        ("reported", "senior Treasury official", True),
        ("reported", "officials", True),
    ]


def test_a_member_of_a_body_is_an_unnamed_member_the_copy_refers_back_to():
    body = (
        "A member of the school board said the budget vote was close. "
        '"We will find the money," the board member said.'
    )
    assert speakers(body) == [
        ("reported", "school board member", True),
        ("direct", "school board member", True),
    ]


def test_unnamed_employees_lobbyists_and_strategists_are_anonymous_sources():
    body = "Three employees who worked on the audit said they had been told to hurry."
    assert speakers(body) == [("reported", "employees", True)]
    body = "Republican strategists said the map favoured the incumbent."
    assert speakers(body) == [("reported", "Republican strategists", True)]


def test_a_delayed_lede_names_its_subject_at_the_start_of_the_next_paragraph():
    lede = 'A retired teacher said on Monday that the new maps would "erase my town."\n\n'
    body = lede + "Margaret Oduya, 71, has lived in Pell Falls for 40 years."
    assert ("reported", "Margaret Oduya", False) in speakers(body)
    body = lede + "The board did not respond. Margaret Oduya, 71, has lived there for years."
    assert ("reported", "retired teacher", True) in speakers(body)


def test_a_government_spokesman_voices_the_government():
    body = "A government spokesman said the ferry subsidy would end in March."
    assert speakers(body) == [("reported", "government", False)]


def test_the_head_of_a_body_in_the_lede_is_the_person_named_next():
    body = (
        "The chief executive of Corran Foods told shareholders on Tuesday that the plant "
        "would stay open.\n\nHelen Marsh, who took over the company in 2021, faced questions."
    )
    assert ("reported", "Helen Marsh", False) in speakers(body)


def test_a_constituency_in_brackets_after_a_name_is_no_part_of_it():
    body = (
        "The motion was moved by the Minority Leader, Aisha Musa (Kano South), who said the "
        "new price had pushed millions into hardship."
    )
    assert speakers(body) == [("reported", "Aisha Musa", False)]


def test_the_company_is_never_a_public_body():
    body = (
        "Kestrel Foods hired 40 staff. The Garnet County Commission voted 3-2 to approve the "
        "plant. The plant would bring about 120 jobs, according to the company."
    )
    assert speakers(body) == [("reported", "Kestrel Foods", False)]


def test_a_seat_of_government_speaks_for_it():
    body = "A Downing Street spokesperson said the prime minister had full confidence in her."
    assert speakers(body) == [("reported", "Downing Street", False)]
    assert speakers("The Kremlin said the talks had failed.") == [("reported", "Kremlin", False)]
    kinds = [(s.name, s.kind) for s in extract("The Pentagon said it would respond.").speakers]
    assert kinds == [("Pentagon", "organisation")]


def test_a_place_that_ends_a_bodys_name_stays_in_it():
    body = "The United Farm Workers of the West said the wage protections were strong."
    assert speakers(body) == [("reported", "United Farm Workers of the West", False)]


def test_a_border_patrol_is_a_body_not_a_person_he_could_mean():
    body = (
        "Chief Felix Cordero said the Border Patrol was short of agents.\n\n"
        '"I lose good agents every week," he said.'
    )
    assert speakers(body)[-1] == ("direct", "Felix Cordero", False)


def test_the_party_is_the_party_named_before_whatever_its_name():
    body = "The Pakistan Jamhoor Front (PJF) called a strike. The party said it would go on."
    assert speakers(body) == [("reported", "Pakistan Jamhoor Front", False)]


def test_a_role_placed_in_a_one_word_body_then_the_name():
    body = (
        'Opposition leader in the Senate Farhana Zaidi termed the proposals "anti-people"'
        " and said the government was wrong. Leader of the House in the Senate Ishaq Dar"
        " said the plan would pass."
    )
    quotes = extract(body).quotes
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("partial", "Farhana Zaidi"),
        ("reported", "Farhana Zaidi"),
        ("reported", "Ishaq Dar"),
    ]
