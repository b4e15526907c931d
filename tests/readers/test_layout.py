"""corpus.readers.layout: the plain-text header, datelines, captions and paragraphs."""

from __future__ import annotations

import pytest
from quoth.corpus.readers.articles import Metadata
from quoth.corpus.readers.layout import (
    block_paragraphs,
    find_dateline,
    looks_like_credit,
    looks_like_headline,
    parse_text,
    split_blocks,
    split_byline,
    split_caption_credit,
)

# -- datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "place", "source"),
    [
        ("RAWALPINDI: In a meeting on Monday, officials met.", "RAWALPINDI", None),
        ("NEW DELHI: The ministry said on Friday.", "NEW DELHI", None),
        ("DERA ISMAIL KHAN: Police said.", "DERA ISMAIL KHAN", None),
        ("NEW YORK — The city said.", "NEW YORK", None),
        ("ST. LOUIS - The team lost.", "ST. LOUIS", None),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON", "AP"),
        ("LONDON (Reuters) - Shares fell.", "LONDON", "Reuters"),
        ("KARACHI, Pakistan (AFP) — Rain fell.", "KARACHI, Pakistan", "AFP"),
        ("Islamabad, July 24 (Reuters) - Talks began.", "Islamabad", "Reuters"),
        ("PARIS, March 5 (AFP) — Strikes spread.", "PARIS", "AFP"),
        ("SAN JUAN, Puerto Rico (AP) -- Power returned.", "SAN JUAN, Puerto Rico", "AP"),
        ("MONTGOMERY, Ala. — A court ruled.", "MONTGOMERY, Ala.", None),
        ("MARSEILLE, Monday (AFP) — Fires spread.", "MARSEILLE", "AFP"),
        ("SUNDERLAND, Sept. 3 (PA) - Shipyard reopens.", "SUNDERLAND", "PA"),
        ("NEW YORK—The city said.", "NEW YORK", None),
        ("(Reuters) - Shares fell.", "", "Reuters"),
    ],
)
def test_datelines(lead: str, place: str, source: str | None) -> None:
    dateline = find_dateline(lead)
    assert dateline is not None
    assert dateline.place == place
    assert dateline.source == source
    assert lead[dateline.end :][:1].isupper()


@pytest.mark.parametrize(
    "lead",
    [
        "The council met on Monday.",
        "UPDATE: the figures were revised.",
        "BREAKING: Fire at the docks.",
        '"We will win," she said.',
        "In a meeting with officials (AP) the minister spoke.",
        "Mr Smith said: the plan works.",
    ],
)
def test_not_datelines(lead: str) -> None:
    assert find_dateline(lead) is None


# -- bylines and captions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "names", "source"),
    [
        ("Jane Doe", "Jane Doe", None),
        ("Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("Jane Doe, Reuters", "Jane Doe", "Reuters"),
        ("JANE DOE, Associated Press", "JANE DOE", "Associated Press"),
        ("Jane Doe | AFP", "Jane Doe", "AFP"),
        ("Jane Doe, Staff Writer", "Jane Doe, Staff Writer", None),
        ("Jane Doe in London", "Jane Doe", None),
    ],
)
def test_split_byline(who: str, names: str, source: str | None) -> None:
    assert split_byline(who) == (names, source)


@pytest.mark.parametrize(
    ("paragraph", "caption", "credit"),
    [
        ("Crowds gather on Monday. — ISPR", "Crowds gather on Monday.", "ISPR"),
        ("Crowds gather in the square. – Reuters/File", "Crowds gather in the square.",
         "Reuters/File"),
        ("Crowds gather in the square. — Photo: AFP", "Crowds gather in the square.", "AFP"),
        ("Crowds gather in the square (Photo: Jane Doe/AP)", "Crowds gather in the square",
         "Jane Doe/AP"),
        ("Crowds gather in the square. Photo: AFP via Getty Images", "Crowds gather in the square.",
         "AFP via Getty Images"),
    ],
)  # fmt: skip
def test_captions_with_credits(paragraph: str, caption: str, credit: str) -> None:
    assert split_caption_credit(paragraph) == (caption, credit)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Tech firm cuts 500 jobs - Reuters",  # a headline with its source, not a caption
        "The minister said the plan would go ahead — again.",
        "Prices rose — and then they fell sharply over the week",
    ],
)
def test_not_captions(paragraph: str) -> None:
    assert split_caption_credit(paragraph) == (None, None)


def test_credit_and_headline_shapes() -> None:
    assert looks_like_credit("AFP via Getty Images")
    assert not looks_like_credit("and then they fell")
    assert looks_like_headline("Port workers walk out over pay offer")
    assert looks_like_headline("Is the bridge safe?")
    assert not looks_like_headline("The council met on Monday.")
    assert not looks_like_headline('He said: "We will win."')
    assert not looks_like_headline("x" * 300)


# -- paragraphs --------------------------------------------------------------------------------


def test_split_blocks_on_blank_lines() -> None:
    assert split_blocks("a\nb\n\n  \nc\n") == [["a", "b"], ["c"]]


def test_hard_wrapped_lines_are_joined() -> None:
    lines = [
        "The city's public library system will close branches on",
        "Sundays from next month, officials said on Monday.",
    ]
    assert block_paragraphs(lines) == [" ".join(lines)]


def test_long_lines_are_paragraphs_of_their_own() -> None:
    lines = ["A" * 150 + ".", "B" * 120 + "."]
    assert block_paragraphs(lines) == lines


def test_short_sentence_end_inside_a_wrapped_block_starts_a_paragraph() -> None:
    lines = [
        "Officials said the library would close branches on Sundays",
        "from next month because of the shortfall.",
        "Patrons said the cuts would hit students hardest this year.",
    ]
    assert block_paragraphs(lines) == [" ".join(lines[:2]), lines[2]]


# -- whole headers ----------------------------------------------------------------------------


def test_seed_like_layout_date_caption_credit_dateline() -> None:
    text = (
        " date 2022-11-03 Rescue workers search the rubble of a collapsed building in"
        " Multan, on November 2, 2022. — APP\n\n"
        "MULTAN: Rescue teams worked through the night after a building collapsed.\n\n"
        '"We are still hoping to find survivors," an official said.\n'
    )
    layout = parse_text(text)
    assert layout.meta.date == "2022-11-03"
    assert layout.meta.caption == (
        "Rescue workers search the rubble of a collapsed building in Multan, on November 2, 2022."
    )
    assert layout.meta.credit == "APP"
    assert layout.meta.dateline == "MULTAN"
    assert layout.meta.title is None  # no headline: the article builder derives one
    assert layout.paragraphs[0].startswith("MULTAN: Rescue teams")  # dateline kept in body
    assert all("date 2022" not in paragraph for paragraph in layout.paragraphs)


def test_run_on_caption_without_credit_before_a_dateline() -> None:
    text = (
        "date 2021-05-01 Workers march through the city centre on May Day\n\n"
        "LAHORE: Thousands of workers marched on Saturday.\n"
    )
    layout = parse_text(text)
    assert layout.meta.caption == "Workers march through the city centre on May Day"
    assert layout.meta.credit is None
    assert layout.meta.dateline == "LAHORE"


def test_headline_byline_and_dates_in_one_block() -> None:
    text = (
        "Senate passes water bill\n"
        "By JANE WHITFIELD\n"
        "Published: March 5, 2024 10:30 a.m. EST\n"
        "Updated: March 6, 2024\n\n"
        "WASHINGTON (AP) — The Senate passed the bill.\n"
    )
    layout = parse_text(text)
    assert layout.meta.title == "Senate passes water bill"
    assert layout.meta.byline == "JANE WHITFIELD"
    assert layout.meta.date == "2024-03-05T10:30:00-05:00"
    assert layout.meta.dateline == "WASHINGTON"
    assert layout.meta.source == "AP"
    assert layout.paragraphs == ["WASHINGTON (AP) — The Senate passed the bill."]


def test_updated_date_is_used_only_without_a_published_one() -> None:
    layout = parse_text("Updated: 6 March 2024\n\nThe council met on Monday.\n")
    assert layout.meta.date == "2024-03-06"


def test_published_and_updated_on_one_line() -> None:
    layout = parse_text("Published 5 March 2024 Updated 6 March 2024\n\nThe council met.\n")
    assert layout.meta.date == "2024-03-05"
    assert layout.paragraphs == ["The council met."]


def test_a_lead_that_starts_with_a_date_is_not_a_header() -> None:
    layout = parse_text("March 5, 2024 was the day the council finally voted on the bridge.\n")
    assert layout.meta.date is None
    assert layout.paragraphs[0].startswith("March 5, 2024 was the day")


def test_known_metadata_wins_over_the_header() -> None:
    known = Metadata(title="From the JSON", byline="Known Author")
    layout = parse_text("By Someone Else\n\nThe council met on Monday.\n", known)
    assert layout.meta.title == "From the JSON"
    assert layout.meta.byline == "Known Author"


def test_a_one_sentence_lead_without_period_is_kept_as_body_when_story_follows() -> None:
    # A short first line followed by wrapped prose in the same block is not a headline.
    text = "Officials said on Monday that the bridge\nwould reopen next week after repairs.\n"
    layout = parse_text(text)
    assert layout.meta.title is None
    assert len(layout.paragraphs) == 1


def test_byline_requires_names() -> None:
    layout = parse_text("Harbour news\n\nBy the end of the week the harbour had reopened.\n")
    assert layout.meta.byline is None
    assert layout.paragraphs == ["By the end of the week the harbour had reopened."]


def test_trailers_give_metadata_and_leave_the_body() -> None:
    text = (
        "ISLAMABAD: The cabinet approved the budget on Monday.\n\n"
        '"It is a balanced budget," the minister said.\n\n'
        "(Reporting by Asif Khan; Editing by Jane Roe)\n\n"
        "Published in Dawn, July 25th, 2023\n"
    )
    layout = parse_text(text)
    assert layout.meta.date == "2023-07-25"
    assert layout.meta.source == "Dawn"
    assert layout.meta.byline == "Asif Khan"
    assert layout.paragraphs == [
        "ISLAMABAD: The cabinet approved the budget on Monday.",
        '"It is a balanced budget," the minister said.',
    ]


def test_header_date_wins_over_a_trailer_date_and_copyright_goes() -> None:
    text = (
        "Published: 2024-03-05\n\nThe council met.\n\n"
        "Copyright 2024 The Associated Press. All rights reserved.\n"
    )
    layout = parse_text(text)
    assert layout.meta.date == "2024-03-05"
    assert layout.paragraphs == ["The council met."]


def test_a_story_that_ends_with_the_word_published_is_kept() -> None:
    text = "The report was published on Monday.\n\nPublished on the council website.\n"
    layout = parse_text(text)
    assert len(layout.paragraphs) == 2


@pytest.mark.parametrize("role", ["Our Staff Reporter", "Staff Correspondent", "Web Desk"])
def test_role_bylines(role: str) -> None:
    layout = parse_text(f"Budget approved\n{role}\n\nISLAMABAD: The cabinet met.\n")
    assert layout.meta.title == "Budget approved"
    assert layout.meta.byline == role


def test_role_line_after_a_named_byline_is_not_a_headline() -> None:
    layout = parse_text("By Jane Doe\nStaff Writer\n\nThe council met on Monday.\n")
    assert layout.meta.byline == "Jane Doe"
    assert layout.meta.title is None
    assert layout.paragraphs == ["The council met on Monday."]


def test_headline_wrapped_over_two_lines() -> None:
    text = (
        "Senate passes sweeping water bill\nafter late-night session\n\n"
        "By Jane Doe\n\nWASHINGTON (AP) — The Senate passed the bill.\n"
    )
    layout = parse_text(text)
    assert layout.meta.title == "Senate passes sweeping water bill after late-night session"
    assert layout.meta.byline == "Jane Doe"
    assert layout.paragraphs == ["WASHINGTON (AP) — The Senate passed the bill."]


def test_wrapped_lead_is_not_a_headline() -> None:
    text = "The council met on Monday and voted\nto delay the bridge plan again.\n\nMore text.\n"
    layout = parse_text(text)
    assert layout.meta.title is None
    assert layout.paragraphs[0] == (
        "The council met on Monday and voted to delay the bridge plan again."
    )


@pytest.mark.parametrize("kicker", ["POLITICS", "Exclusive", "WORLD NEWS"])
def test_kicker_above_the_headline(kicker: str) -> None:
    text = f"{kicker}\n\nSenate passes water bill\n\nBy Jane Doe\n\nThe Senate voted.\n"
    layout = parse_text(text)
    assert layout.meta.title == "Senate passes water bill"
    assert layout.meta.byline == "Jane Doe"
    assert layout.paragraphs == ["The Senate voted."]


def test_headline_and_standfirst_keep_the_headline() -> None:
    text = "Storm warning\n\nHeavy rain expected tonight\n\nForecasters said on Monday.\n"
    layout = parse_text(text)
    assert layout.meta.title == "Storm warning"
    assert layout.paragraphs[0] == "Heavy rain expected tonight"
