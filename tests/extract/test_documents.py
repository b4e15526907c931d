"""A statement, letter or post that a subject put out speaks for that subject."""

from __future__ import annotations

import pytest
from quoth.corpus.extract import extract


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The Harbor Authority issued a statement saying the plan was dead.", "Harbor Authority"),
        ("The ministry issued a statement warning that prices would rise.", "ministry"),
        ("Sen. Ann Cole posted a statement on X saying the plan was dead.", "Ann Cole"),
        (
            "The governor's office put out a brief written statement saying the plan was dead.",
            "governor's office",
        ),
        ("Mayor Dale Kerr has released a video saying the plan was dead.", "Dale Kerr"),
    ],
)
def test_the_author_of_a_statement_reports_its_words(body: str, speaker: str) -> None:
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("reported", speaker)
    assert quote.text in {"the plan was dead", "prices would rise"}


def test_a_fragment_after_a_statement_is_its_authors() -> None:
    body = 'The Harbor Authority issued a statement calling the plan "a cautionary tale."'
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("partial", "Harbor Authority")


def test_a_written_document_with_an_adjunct_and_a_shared_subject(run):
    _, extraction = run(
        "Chief Justice Robert McKinnon joined the majority and wrote a brief concurrence"
        " emphasizing that the ruling did not address other challenges.",
        "The League sent a letter to every House office Monday warning that another"
        " extension would leave growers stranded.",
        "Gregory Halvorsen wrote a book in which he argued for outcomes.",
    )
    assert [(q.kind, q.speaker) for q in extraction.quotes] == [
        ("reported", "Robert McKinnon"),
        ("reported", "League"),
    ]


def test_a_report_by_a_body_speaks_for_the_body():
    body = "The report by the VA Office of Inspector General concluded that schedulers had lied."
    [quote] = extract(body).quotes
    assert (quote.text, quote.speaker) == ("schedulers had lied", "VA Office of Inspector General")


@pytest.mark.parametrize(
    "first",
    [
        "The ministry said in a statement that the talks had failed.",
        '"We will appeal," the ministry said in a statement.',
        "In a letter to the secretary, the ministry wrote that the talks had failed.",
    ],
)
def test_the_document_a_speaker_put_it_in_later_speaks_for_them(first: str) -> None:
    noun = "letter" if "letter" in first else "statement"
    body = f"{first}\n\nThe {noun} said the talks would resume in May."
    last = extract(body).quotes[-1]
    assert (last.kind, last.text, last.speaker) == (
        "reported",
        "the talks would resume in May",
        "ministry",
    )


def test_a_memo_with_no_author_named_speaks_for_no_one() -> None:
    assert extract("The memo said agencies should prepare for a shutdown.").quotes == []


def test_a_document_named_inside_the_clause_is_not_the_speakers() -> None:
    body = (
        "Ann Lee said the memo was wrong.\n\nThe memo said agencies should prepare for a shutdown."
    )
    assert [q.speaker for q in extract(body).quotes] == ["Ann Lee"]


@pytest.mark.parametrize(
    ("first", "speaker"),
    [
        (
            "The Office of Management and Budget sent a memo to agencies.",
            "Office of Management and Budget",
        ),
        ("Sen. Ann Lee sent a letter to the secretary on Monday.", "Ann Lee"),
    ],
)
def test_who_put_a_document_out_speaks_for_it_later(first: str, speaker: str) -> None:
    noun = "letter" if "letter" in first else "memo"
    body = f"{first}\n\nThe {noun} said agencies should prepare for a shutdown."
    [quote] = extract(body).quotes
    assert (quote.kind, quote.speaker) == ("reported", speaker)
