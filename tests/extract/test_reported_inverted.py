"""A comma right before a cue: "CLAUSE, said X" (the speaker after the cue) or a
subject's appositive ("Lorna Diaz, a retiree, said CLAUSE"). ReportedFinder._backward
settles the second, commoner kind as soon as it finds no speaker after the cue; each
form must still read as it did when every test was asked in turn."""

from __future__ import annotations

import pytest
from quoth.corpus.extract import extract

CASES = [
    (
        "Lorna Diaz, a retiree from Pueblo, said her tax bill had gone up by $1,100 this year.",
        [("reported", "her tax bill had gone up by $1,100 this year", "Lorna Diaz")],
    ),
    (
        "The plan will fail next year, said Ann Lee, the city's budget director.",
        [("reported", "The plan will fail next year", "Ann Lee")],
    ),
    (
        "The plan will fail next year, said officials.",
        [("reported", "The plan will fail next year", "officials")],
    ),
    (
        "The levy will rise again, Ann Lee told reporters.",
        [("reported", "The levy will rise again", "Ann Lee")],
    ),
    (
        "The panic button, Ann Lee says, has never been pressed.",
        [("reported", "has never been pressed", "Ann Lee")],
    ),
    (
        'The agency would be "broke by September," said Ann Lee.',
        [
            ("reported", 'The agency would be "broke by September,"', "Ann Lee"),
            ("partial", "broke by September,", "Ann Lee"),
        ],
    ),
    (
        "Dempsey, reached by phone on Tuesday, said she respected the process.",
        [("reported", "she respected the process", "Dempsey")],
    ),
    (
        "Two officials, speaking on condition of anonymity, said the talks had stalled.",
        [("reported", "the talks had stalled", "officials")],
    ),
    (
        "The deal was dead, said Ann Lee, and the talks had stalled.",
        [("reported", "The deal was dead", "Ann Lee")],
    ),
    (
        "The fares would rise, explained Ann Lee, the transit chief.",
        [("reported", "The fares would rise", "Ann Lee")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_comma_before_a_cue(text, expected):
    assert [(q.kind, q.text, q.speaker) for q in extract(text).quotes] == expected
