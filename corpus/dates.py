"""Dates as newsrooms write them, turned into ISO 8601.

`parse_date("Mar. 5, 2024 10:30 a.m. ET")` -> "2024-03-05T10:30:00-05:00".
`find_date(text)` also says where the date was, so a caller can see what is
left of a line once the date is taken out ("Published: 5 March 2024 | Updated").

Rules:
- the output is "YYYY-MM-DD", or a full ISO datetime when a time is given
  (with its offset when the zone is known, naive otherwise);
- all-numeric dates like 05/03/2024 are kept only when they cannot be read two
  ways (13/03/2024 is 13 March; 05/03/2024 could be May or March: skipped);
- relative dates ("2 hours ago", "yesterday") give None: we do not know "now".
Shared by every reader (plain text, Markdown, JSON, HTML, feeds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|2[01]\d\d)"

# Each pattern names its groups year/month/day, or a/b for day-or-month pairs.
_DATE_PATTERNS = [
    re.compile(
        rf"(?<![\w.]){_YEAR}(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"
    ),
    re.compile(rf"(?i)(?<![\w]){_MONTH}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}(?!\d)"),
    re.compile(rf"(?i)(?<![\w]){_DAY}(?:\s+of\s+|\s+|-){_MONTH}(?:,?\s+|-){_YEAR}(?!\d)"),
    re.compile(rf"(?<![\w.])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[01]?\d)(?P=sep){_YEAR}(?!\d)"),
]

_TIME = re.compile(
    r"""
    (?:\s*(?:,|\bat\b|@|-|–|—|\|)?\s*|T)           # separator after the date
    (?P<hour>[01]?\d|2[0-3])
    (?:[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d)(?:[.,]\d+)?)?)?
    \s*(?P<ampm>(?i:[ap]\.?\s?m\b\.?))?
    (?:\s*(?P<tz>Z(?![\w])|[+-]\d\d(?::?\d\d)?(?!\d)|\(?[A-Z]{1,5}\b\)?))?
    """,
    re.X,
)

_FIXED_ZONES = {
    "Z": 0, "UTC": 0, "GMT": 0, "UT": 0,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
    "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "PKT": 300, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
}  # fmt: skip

# Generic names whose offset depends on daylight saving: resolved with zoneinfo when available.
_REGION_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago",
    "MT": "America/Denver", "PT": "America/Los_Angeles",
}  # fmt: skip


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601, or None when there is none we can trust."""
    found = find_date(text)
    return found.iso if found else None


def find_date(text: str) -> DateMatch | None:
    """The earliest unambiguous date in `text`, with the span it covers (time included)."""
    if not text:
        return None
    text = text[:2000]  # dates live in short strings; never scan a whole body
    best: tuple[re.Match[str], date] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[0].start():
                break
            day = _date_from_match(match)
            if day is not None:
                best = (match, day)
                break
    if best is None:
        return None
    match, day = best
    iso, end = _with_time(text, match.end(), day)
    return DateMatch(iso, match.start(), end)


def date_from_timestamp(value: float) -> str | None:
    """A Unix timestamp in seconds or milliseconds (as JSON dumps carry them), in UTC."""
    if 1e12 <= value < 1e14:
        value /= 1000
    if not 1e8 <= value < 1e11:
        return None
    try:
        moment = datetime.fromtimestamp(value, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.isoformat(timespec="seconds")


def _date_from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("a") is not None:
        day_month = _unambiguous_day_month(int(groups["a"]), int(groups["b"]))
        if day_month is None:
            return None
        day, month = day_month
    else:
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
        day = int(groups["day"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _unambiguous_day_month(first: int, second: int) -> tuple[int, int] | None:
    """(day, month) from a numeric pair, or None when it could be read both ways."""
    if first == second or (first > 12 >= second):
        return first, second
    if second > 12 >= first:
        return second, first
    return None


def _with_time(text: str, position: int, day: date) -> tuple[str, int]:
    match = _TIME.match(text, position)
    if not match or (match["minute"] is None and match["ampm"] is None):
        return day.isoformat(), position
    hour = int(match["hour"])
    ampm = (match["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    clock = time(hour, int(match["minute"] or 0), int(match["second"] or 0))
    zone = _zone(match["tz"], day, clock)
    moment = datetime.combine(day, clock, tzinfo=zone)
    end = match.end() if zone is not None or not match["tz"] else match.start("tz")
    return moment.isoformat(timespec="seconds"), end


def _zone(name: str | None, day: date, clock: time) -> tzinfo | None:
    if not name:
        return None
    name = name.strip("()")
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) >= 4 else 0)
        if minutes > 14 * 60:
            return None
        return timezone(timedelta(minutes=-minutes if name[0] == "-" else minutes))
    if name in _FIXED_ZONES:
        return timezone(timedelta(minutes=_FIXED_ZONES[name]))
    if name in _REGION_ZONES:
        return _region_zone(_REGION_ZONES[name], day, clock)
    return None


def _region_zone(key: str, day: date, clock: time) -> tzinfo | None:
    """The fixed offset a regional zone had at that moment, if the zone database is present."""
    try:
        from zoneinfo import ZoneInfo

        local = datetime.combine(day, clock, tzinfo=ZoneInfo(key))
    except Exception:  # no tz database on this system: fall back to a naive time
        return None
    offset = local.utcoffset()
    return timezone(offset) if offset is not None else None
