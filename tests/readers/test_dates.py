"""corpus.dates: newsroom dates to ISO 8601."""

from __future__ import annotations

import pytest
from quoth.corpus.dates import date_from_timestamp, find_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024/03/05", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Mar. 5, 2024", "2024-03-05"),
        ("Mar 5 2024", "2024-03-05"),
        ("March 5th, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("5th of March, 2024", "2024-03-05"),
        ("Tuesday, 5 March 2024", "2024-03-05"),
        ("Sept. 30, 2023", "2023-09-30"),
        ("13/03/2024", "2024-03-13"),
        ("03/13/2024", "2024-03-13"),
        ("05.05.2024", "2024-05-05"),
        ("24-Jul-2023", "2023-07-24"),
        ("5 March, 2024", "2024-03-05"),
    ],
)
def test_dates_without_time(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05T10:30:00Z", "2024-03-05T10:30:00+00:00"),
        ("2024-03-05T10:30:00.123+05:00", "2024-03-05T10:30:00+05:00"),
        ("2024-03-05 10:30", "2024-03-05T10:30:00"),
        ("Tue, 05 Mar 2024 10:30:00 +0000", "2024-03-05T10:30:00+00:00"),
        ("March 5, 2024 at 3pm", "2024-03-05T15:00:00"),
        ("5 March 2024 14:05 GMT", "2024-03-05T14:05:00+00:00"),
        ("Mar. 5, 2024 10:30 a.m. EST", "2024-03-05T10:30:00-05:00"),
        ("July 4, 2023 12:15 p.m. PDT", "2023-07-04T12:15:00-07:00"),
        ("Jan 2, 2024 12:00 a.m.", "2024-01-02T00:00:00"),
    ],
)
def test_dates_with_time(text: str, expected: str) -> None:
    assert parse_date(text) == expected


def test_region_zone_follows_daylight_saving() -> None:
    winter = parse_date("Mar. 5, 2024 10:30 a.m. ET")
    summer = parse_date("July 5, 2024 10:30 a.m. ET")
    # With a tz database the offset is known; without one the time stays naive.
    assert winter in ("2024-03-05T10:30:00-05:00", "2024-03-05T10:30:00")
    assert summer in ("2024-07-05T10:30:00-04:00", "2024-07-05T10:30:00")


@pytest.mark.parametrize(
    "text",
    [
        "05/03/2024",
        "2 hours ago",
        "yesterday",
        "",
        "no date here",
        "2024-02-30",
        "31 June 2024",
        "March 2024",
        "1999",
    ],
)
def test_ambiguous_relative_or_invalid_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_find_date_reports_the_span() -> None:
    text = "Published: 5 March 2024 | Updated: 6 March 2024"
    found = find_date(text)
    assert found is not None
    assert found.iso == "2024-03-05"
    assert text[found.start : found.end] == "5 March 2024"


def test_find_date_skips_an_ambiguous_date_for_a_later_clear_one() -> None:
    assert parse_date("05/03/2024, revised 2024-03-09") == "2024-03-09"


def test_timestamps_in_seconds_and_milliseconds() -> None:
    assert date_from_timestamp(1709634600) == "2024-03-05T10:30:00+00:00"
    assert date_from_timestamp(1709634600000) == "2024-03-05T10:30:00+00:00"
    assert date_from_timestamp(42) is None
