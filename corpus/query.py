"""The query language of the search bar and `quoth search`.

    border talks             free words: all must match (fuzzy, prefix as you type)
    "exact phrase"           words in this order
    -word  -"a phrase"       must not appear
    speaker:miller           articles quoting that speaker (name or alias, fuzzy)
    speaker:"Matthew Miller" any field value may be quoted
    source:reuters           publication or agency (fuzzy)
    date:2023-07             within that year, month or day
    after:2023-01-01         on or after the start of that day, month or year
    before:2024              before the start of that day, month or year
    kind:direct              articles with a direct|partial|reported quote
    has:quotes               articles with at least one quote
    is:unread is:read is:starred

Several `speaker:` all must match; several `source:` or `kind:` mean any of them.
Parsing never fails: an unclosed phrase quote, an unknown field or a bad field
value is read as plain words; a known field with nothing after the colon (the
user is still typing) is ignored. An unclosed quote after a field takes the
rest of the line as the value (`speaker:"Matthew Mi` while typing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .speaker_keys import fold

KINDS = ("direct", "partial", "reported")
IS_FLAGS = ("unread", "read", "starred")
FIELDS = ("speaker", "source", "date", "after", "before", "kind", "has", "is")

# The same notion of a word as SQLite's unicode61 tokenizer: runs of letters and digits.
_WORD = re.compile(r"[^\W_]+")
_FIELD = re.compile(r"([A-Za-z]+):")
_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")


def words_of(text: str) -> list[str]:
    """Folded words, split the way the full-text index splits them."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Query:
    """A parsed query. Words and phrases are folded (casefolded, accents removed)."""

    text: str = ""
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()  # each a space-joined run of words
    excluded: tuple[str, ...] = ()  # words or phrases
    speakers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: str | None = None  # inclusive ISO prefix ("2023-07-01")
    date_to: str | None = None  # exclusive ISO prefix
    kinds: tuple[str, ...] = ()
    has_quotes: bool = False
    is_flags: tuple[str, ...] = ()
    # Negated fields, as (field, folded value): -speaker:x, -source:x, -kind:x,
    # -has:quotes, -is:read. (-after:X and -before:X are read as before:X and after:X.)
    excluded_fields: tuple[tuple[str, str], ...] = ()

    @property
    def reads_state(self) -> bool:
        """Does the query depend on read/starred flags (which change as the user reads)?"""
        return bool(self.is_flags) or any(f == "is" for f, _ in self.excluded_fields)

    @property
    def has_text(self) -> bool:
        return bool(self.words or self.phrases)

    @property
    def is_empty(self) -> bool:
        """True when the query puts no constraint at all (list everything)."""
        return self == Query(text=self.text)


def parse_query(text: str) -> Query:
    """Parse `text`; never raises."""
    builder = _Builder()
    for negated, field, value, quoted in _tokens(text or ""):
        if field is None:
            builder.add_text(value, negated=negated, phrase=quoted)
        elif negated and value.strip():
            if not builder.exclude_field(field, value):
                builder.add_text(f"{field}:{value}", negated=True, phrase=False)
        elif value.strip() and not builder.add_field(field, value):
            # An unknown or malformed field is plain text.
            builder.add_text(f"{field}:{value}", negated=negated, phrase=False)
    return builder.build(text or "")


def _tokens(text: str) -> list[tuple[bool, str | None, str, bool]]:
    """Split into (negated, field or None, value, was_quoted) tokens."""
    tokens: list[tuple[bool, str | None, str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        field = None
        match = _FIELD.match(text, i)
        if match and match.group(1).lower() in FIELDS:
            field = match.group(1).lower()
            i = match.end()
        if i < n and text[i] == '"':
            close = text.find('"', i + 1)
            if close >= 0:
                tokens.append((negated, field, text[i + 1 : close], True))
                i = close + 1
                continue
            if field is not None:  # still typing the value: take the rest of the line
                tokens.append((negated, field, text[i + 1 :], False))
                break
            i += 1  # an unclosed phrase: the quote mark is dropped, the words stay
        end = i
        while end < n and not text[end].isspace():
            end += 1
        tokens.append((negated, field, text[i:end], False))
        i = end
    return tokens


class _Builder:
    def __init__(self) -> None:
        self.words: list[str] = []
        self.phrases: list[str] = []
        self.excluded: list[str] = []
        self.speakers: list[str] = []
        self.sources: list[str] = []
        self.kinds: list[str] = []
        self.is_flags: list[str] = []
        self.has_quotes = False
        self.date_from: str | None = None
        self.date_to: str | None = None
        self.excluded_fields: list[tuple[str, str]] = []

    def add_text(self, value: str, *, negated: bool, phrase: bool) -> None:
        words = words_of(value)
        if not words:
            return
        if negated:
            _append_new(self.excluded, " ".join(words))
        elif phrase and len(words) > 1:
            _append_new(self.phrases, " ".join(words))
        else:
            for word in words:
                _append_new(self.words, word)

    def add_field(self, field: str, value: str) -> bool:
        """Apply one field; False when the value makes no sense for it."""
        folded = fold(value)
        if field == "speaker":
            _append_new(self.speakers, folded)
        elif field == "source":
            _append_new(self.sources, folded)
        elif field == "kind" and folded in KINDS:
            _append_new(self.kinds, folded)
        elif field == "has" and folded in ("quotes", "quote"):
            self.has_quotes = True
        elif field == "is" and folded in IS_FLAGS:
            _append_new(self.is_flags, folded)
        elif field in ("date", "after", "before"):
            return self._add_date(field, value.strip())
        else:
            return False
        return True

    def exclude_field(self, field: str, value: str) -> bool:
        """Apply one negated field; False when it cannot be negated or makes no sense."""
        folded = fold(value)
        if field == "after":
            return self._add_date("before", value.strip())  # not after X: before X
        if field == "before":
            return self._add_date("after", value.strip())
        valid = (
            field in ("speaker", "source")
            or (field == "kind" and folded in KINDS)
            or (field == "has" and folded in ("quotes", "quote"))
            or (field == "is" and folded in IS_FLAGS)
        )
        if not valid:
            return False  # -date:X (outside a period) is not supported: plain words
        _append_new(self.excluded_fields, (field, "quotes" if field == "has" else folded))
        return True

    def _add_date(self, field: str, value: str) -> bool:
        period = _period(value)
        if period is None:
            return False
        start, end = period
        if field in ("date", "after"):
            self.date_from = max(filter(None, (self.date_from, start)))
        if field == "date":
            self.date_to = min(filter(None, (self.date_to, end)))
        if field == "before":
            self.date_to = min(filter(None, (self.date_to, start)))
        return True

    def build(self, text: str) -> Query:
        return Query(
            text=text,
            words=tuple(self.words),
            phrases=tuple(self.phrases),
            excluded=tuple(self.excluded),
            speakers=tuple(self.speakers),
            sources=tuple(self.sources),
            date_from=self.date_from,
            date_to=self.date_to,
            kinds=tuple(self.kinds),
            has_quotes=self.has_quotes,
            is_flags=tuple(self.is_flags),
            excluded_fields=tuple(self.excluded_fields),
        )


def _period(value: str) -> tuple[str, str] | None:
    """`2023`, `2023-07` or `2023-07-24` as [start, end) ISO strings that compare
    correctly with stored dates and datetimes as plain strings."""
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return f"{year:04d}", f"{year + 1:04d}"
        if day is None:
            date(year, month, 1)  # validates the month
            after = (year + 1, 1) if month == 12 else (year, month + 1)
            return f"{year:04d}-{month:02d}", f"{after[0]:04d}-{after[1]:02d}"
        start = date(year, month, day)
        return start.isoformat(), (start + timedelta(days=1)).isoformat()
    except (ValueError, OverflowError):
        return None


def _append_new(items: list[str], item: str) -> None:
    if item and item not in items:
        items.append(item)
