from __future__ import annotations

from quoth.corpus.extract import extract
from quoth.corpus.extract.marks import find_marks
from quoth.corpus.extract.names import sight_names
from quoth.corpus.extract.spans import pair_marks
from quoth.corpus.extract.speakers import Registry
from quoth.corpus.extract.text import paragraphs
from quoth.corpus.extract.views import build_views


def registry_of(body: str) -> Registry:
    paras = paragraphs(body)
    views = build_views(body, paras, pair_marks(body, find_marks(body), paras))
    registry = Registry(body)
    sight_names(body, views, registry)
    return registry


def names(body: str) -> list[tuple[str, str]]:
    return [(e.name, e.kind) for e in registry_of(body).entities]


def test_people_and_bodies_are_sighted():
    found = names("Senate Majority Leader Harold Brennan met the Office of Management and Budget.")
    assert ("Harold Brennan", "person") in found
    assert ("Office of Management and Budget", "organisation") in found


def test_places_are_not_people():
    found = names(
        "Voters in Squirrel Hill and on the South Lawn waited. OKLAHOMA CITY — It rained."
    )
    assert all(kind != "person" for _, kind in found)


def test_possessive_ends_a_name():
    assert ("Ruth Calloway", "person") in names("Ruth Calloway's memoir arrives.")


def test_names_inside_quotes_are_ignored():
    assert names('He said "Jane Doe is wrong" today.') == []


def test_appositive_role_becomes_a_title():
    registry = registry_of("The ministry's spokesman, Ali Khan, spoke.")
    (khan,) = [e for e in registry.entities if e.name == "Ali Khan"]
    assert "ministry's spokesman" in khan.titles


def test_a_surname_that_speaks_is_a_person():
    assert ("Vanterpool", "person") in names("Vanterpool, 61, answered that she would win.")


def test_every_anonymity_phrase_is_found_by_the_cheap_prefilter() -> None:
    from quoth.corpus.extract.lexicon import load
    from quoth.corpus.extract.names import _WITHHOLDING_STEMS

    for phrase in load().anonymity_phrases:
        assert any(stem in phrase for stem in _WITHHOLDING_STEMS), phrase


def test_a_name_before_a_noun_that_looks_like_a_cue_is_no_speaker(run):
    _, extraction = run(
        "Mayoral candidate Gregory Voss made the claim in a debate. In a Facebook post the"
        ' following week, he wrote that the city had become "a place people fear."'
    )
    assert {q.speaker for q in extraction.quotes} == {"Gregory Voss"}


def test_an_mp_is_a_role_and_a_role_may_be_placed(run):
    _, extraction = run(
        "The area's MP, Joanna Clegg-Harris, said she had written to the minister.",
        "Nigel Fairbrother, the Tory MP for Wexley, claimed the money. The MP insisted he had"
        " done nothing wrong.",
    )
    assert [q.speaker for q in extraction.quotes] == ["Joanna Clegg-Harris", "Nigel Fairbrother"]


def test_a_delayed_lede_gives_its_description_as_a_title(run):
    _, extraction = run(
        "A TORY MP claimed nearly £8,000 to repair a hot tub.",
        "Nigel Fairbrother, 58, billed the public purse.",
        'Last night the red-faced MP insisted he had done "absolutely nothing wrong."',
    )
    assert {q.speaker for q in extraction.quotes} == {"Nigel Fairbrother"}


def test_the_place_a_mayor_governs_is_nobody_a_pronoun_could_mean():
    body = (
        "Renee Ostrander, the mayor of East Harlan, watched the vote. Speaking to reporters, "
        "she said her town was still paying for water testing."
    )
    [quote] = extract(body).quotes
    assert (quote.mention, quote.speaker) == ("she", "Renee Ostrander")


def test_a_run_where_a_body_stands_is_a_body():
    # Words the lexicon does not know as a body's, placed where only a body stands.
    for body, name in [
        ("Ann Cole, president of the Cleveland Fed, testified.", "Cleveland Fed"),
        ("Ann Cole, who now runs the Migration Policy Forum, testified.", "Migration Policy Forum"),
        ("Dale Pruitt, chief executive of Pruitt Castings, testified.", "Pruitt Castings"),
        ("Rosa Diaz, a founder of Castlerock Holt, testified.", "Castlerock Holt"),
    ]:
        assert (name, "organisation") in names(body), body


def test_kin_and_qualified_bodies_keep_their_reading():
    assert ("Teresa Lopez", "person") in names("The son of Teresa Lopez was detained.")
    assert ("Harbourline Ports", "organisation") not in names(
        "EPH, a unit of the Harbourline Ports group, said its offer was fair."
    )


def test_a_pronoun_after_a_speaker_skips_the_body_in_their_appositive():
    body = (
        "Janet Ferris, a former official who now runs the Migration Policy Forum, said the "
        "rule could make a difference.\n\n“The backlog is the whole ballgame,” she said."
    )
    direct = [q for q in extract(body).quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Janet Ferris"]


def test_firm_and_pollster_words_make_a_body():
    for name in ["Castlerock Securities", "Great Lakes Opinion Research", "Cleveland Fed"]:
        assert (name, "organisation") in names(f"Ann Cole met {name} on Friday."), name
    body = "The testimony was dovish, analysts at Castlerock Securities wrote in a note."
    assert [q.speaker for q in extract(body).quotes] == ["analysts at Castlerock Securities"]


def test_and_between_two_people_sights_both():
    found = names("Speaker Randall Tufts and Senate Majority Leader Elaine Harwood spoke.")
    assert ("Randall Tufts", "person") in found and ("Elaine Harwood", "person") in found
    assert ("Office of Management and Budget", "organisation") in names(
        "The Office of Management and Budget spoke."
    )


def test_bills_and_things_after_the_are_no_people():
    for body in [
        "Ann Cole spoke against the Finance Bill, 2026.",
        "He defended other measures in the Bill, including a levy.",
        "Traders who spoke to the Nation said sales had fallen.",
    ]:
        people = [name for name, kind in names(body) if kind in {"person", "single"}]
        assert not [name for name in people if name in {"Bill", "Nation"}], body
    assert ("National Treasury", "organisation") in names("The National Treasury said so.")


def test_what_someone_heads_is_a_body_whatever_its_words_read_as():
    found = names("Ilse Kristoffersen, who heads Washington State Ferries, testified.")
    assert ("Washington State Ferries", "organisation") in found
    assert not [name for name, kind in found if kind == "person" and "Ferries" in name]


def test_a_time_zone_is_no_body():
    assert [name for name, _ in names("Updated on June 11, 2026 / 9:14 PM EDT / CBS News")] == [
        "CBS News"
    ]
