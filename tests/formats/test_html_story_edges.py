"""A standfirst before the story and an author bio after it, on pages that name neither.

The fixture pages' gold text (fixtures/html/*.txt) is the story alone; the near-misses
keep a first paragraph that only resembles a standfirst and a last paragraph about
another reporter's job.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from quoth.corpus.readers.html import article_from_html
from quoth.corpus.readers.htmledges import is_author_bio
from quoth.corpus.readers.htmltext import extract_main_text

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def gold(name: str) -> list[str]:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").strip().split("\n\n")


def article(name: str):  # type: ignore[no-untyped-def]
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    return article_from_html(html, f"{name}.html")


@pytest.mark.parametrize(
    "name", ["nohints_standfirst_bio", "standfirst_dateline", "nohints_lead_like_dek"]
)
def test_the_body_is_the_story_alone(name: str) -> None:
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    assert extract_main_text(html) == gold(name)


def test_a_standfirst_set_apart_by_the_byline_leaves_the_body() -> None:
    story = article("nohints_standfirst_bio")
    assert story.paragraphs[0].startswith("State lawmakers on Thursday approved")
    assert "first new crossing" not in story.body  # the standfirst
    assert "She can be reached" not in story.body  # the bio


def test_a_standfirst_before_the_dateline_leaves_the_dateline_first() -> None:
    story = article("standfirst_dateline")
    assert story.paragraphs[0].startswith("WASHINGTON — A Senate committee")
    assert story.dateline == "WASHINGTON"
    assert not story.body.endswith("for Capitol Wire Daily.")


def test_a_lead_copied_into_the_description_stays() -> None:
    # Short, one sentence, repeated word for word in the meta description; but it ends
    # with a full stop, shares its block with the story and no byline follows it.
    story = article("nohints_lead_like_dek")
    assert story.paragraphs[0] == (
        "A radio reporter was held for six hours at the Puente Viejo crossing on Sunday."
    )
    # The last paragraph tells of a reporter's job, but not the byline's (Alan Pike).
    assert story.paragraphs[-1].startswith("Maria Ruiz is a reporter for Radio Frontera")
    assert any(p.startswith("Ruiz, who covers immigration") for p in story.paragraphs)


STORY = [
    "The county will close the Route 9 landfill in March, two years ahead of schedule, "
    "after a state inspection found groundwater contamination near its eastern edge.",
    "Commissioners voted 4-1 for the closure on Tuesday. Trash will go to a regional "
    "transfer station in Millbrook, adding about 20 minutes to each truck's round trip.",
    '"We cannot keep filling a site that is leaking," said Commissioner Ada Brennan.',
]


def page(*blocks: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{''.join(blocks)}</body></html>"


def story_html(paragraphs: list[str]) -> str:
    return "<div>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"


def test_a_short_first_paragraph_alone_is_no_standfirst() -> None:
    lead = "It was the coldest night in twenty years."
    html = page("<h1>County to close landfill early</h1>", story_html([lead, *STORY]))
    assert extract_main_text(html) == [lead, *STORY]


def test_a_live_page_stamping_every_entry_keeps_its_first_entry() -> None:
    entries = [STORY[0], "November 27, 2026", STORY[1], "November 28, 2026", STORY[2]]
    first = "Crews began moving equipment to the landfill on Monday morning."
    html = page(
        "<h1>Landfill closure: live updates</h1>",
        story_html([first, "November 26, 2026", *entries]),
    )
    assert extract_main_text(html)[0] == first


def test_a_description_without_the_page_signs_is_not_enough() -> None:
    dek = "The landfill was leaking into groundwater, state inspectors found."
    head = f'<meta name="description" content="{dek}">'
    html = page("<h1>County to close landfill early</h1>", story_html([dek, *STORY]), head=head)
    assert extract_main_text(html) == [dek, *STORY]


def test_a_dek_without_full_stop_repeated_in_the_description_goes() -> None:
    dek = "State inspectors found groundwater contamination near its eastern edge"
    head = f'<meta property="og:description" content="{dek}">'
    html = page("<h1>County to close landfill early</h1>", story_html([dek, *STORY]), head=head)
    assert extract_main_text(html) == STORY


def test_a_story_of_two_paragraphs_is_left_alone() -> None:
    bio = "Tom Hale covers the county for the Ledger."
    html = page("<h1>Landfill</h1>", "<p>By Tom Hale</p>", story_html([STORY[0], bio]))
    assert extract_main_text(html) == [STORY[0], bio]


@pytest.mark.parametrize(
    "bio",
    [
        "Jane Doe is a reporter covering the White House for the Ledger.",
        "Jane Doe is the Ledger's senior political correspondent.",
        "Jane Doe covers the White House for the Ledger. Follow her on social media.",
        "Jane Doe has covered state politics since 2019 and can be reached at jd@x.example.",
        "Jane Doe, a former teacher, is an education writer based in Millbrook.",
        "— Jane Doe is a Ledger reporter.",
        "Reach Jane Doe at jdoe@ledger.example or on Signal at 555-0142.",
    ],
)
def test_bios_of_the_byline(bio: str) -> None:
    assert is_author_bio(bio, ["Jane Doe"])
    assert is_author_bio(bio, ["JANE DOE"])  # from "BY JANE DOE"


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        ("Jane Doe is a reporter covering the White House.", ["Alan Pike"]),  # not the byline
        ("Jane Doe is a reporter covering the White House.", []),  # no byline known
        ("Jane Doe said the reporter covering the hearing was asked to leave.", ["Jane Doe"]),
        ("Jane Doe is a nurse who covers night shifts at the county hospital.", ["Jane Doe"]),
        ("Reach Jane Doe at the county clerk's office, officials said.", ["Alan Pike"]),
        (
            "Jane Doe is a reporter " + "who has worked in six countries, " * 20 + "she said.",
            ["Jane Doe"],
        ),  # too long for a bio
    ],
)
def test_near_misses_of_bios(paragraph: str, names: list[str]) -> None:
    assert not is_author_bio(paragraph, names)


def test_a_bio_at_the_end_goes_when_a_by_line_names_its_author() -> None:
    bio = "Tom Hale is a staff writer covering county government."
    html = page(
        "<h1>County to close landfill early</h1>", "<p>By Tom Hale</p>", story_html([*STORY, bio])
    )
    assert extract_main_text(html) == STORY


def test_a_subhead_that_starts_with_by_is_no_byline() -> None:
    lead = "The county will pay $4 million to move the landfill's trash."
    body = story_html([lead, "By The Numbers", *STORY])
    assert extract_main_text(page("<h1>County to close landfill early</h1>", body))[0] == lead


def test_a_closing_bio_and_contributor_note_both_go() -> None:
    closing = [
        "Tom Hale is a staff writer covering county government.",
        "Ana Li in Denver and The Associated Press contributed reporting.",
    ]
    html = page(
        "<h1>County to close landfill</h1>", "<p>By Tom Hale</p>", story_html(STORY + closing)
    )
    assert extract_main_text(html) == STORY


@pytest.mark.parametrize(
    "last",
    [
        "Farmers said they contributed reporting of their losses to the agency.",
        "He said volunteers contributed to this report by the county.",
    ],
)
def test_a_last_paragraph_that_only_mentions_contributing_stays(last: str) -> None:
    html = page("<h1>County to close landfill</h1>", story_html([*STORY, last]))
    assert extract_main_text(html) == [*STORY, last]


def test_a_lead_in_a_block_of_its_own_like_every_paragraph_stays() -> None:
    lead = "The county will pay $4 million to move the landfill's trash."
    head = f'<meta name="description" content="{lead}">'
    blocks = "".join(f"<div><p>{p}</p></div>" for p in [lead, *STORY])
    html = page("<h1>County to close landfill early</h1>", blocks, head=head)
    assert extract_main_text(html) == [lead, *STORY]
