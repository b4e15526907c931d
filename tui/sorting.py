"""The two orders the results can be read in, chosen from the command palette.

"relevance" is the engine's own order (best title matches first, newest first
within a tier; the empty query is simply newest first). "date" is newest
first regardless of how well an article matched. Undated articles go last in
both, and ties keep the engine's order (the sort is stable).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

RELEVANCE = "relevance"
DATE = "date"
SORT_ORDERS = (RELEVANCE, DATE)
# In date order the newest match may rank anywhere, so more rows are fetched
# to sort than the reader shows in relevance order.
DATE_SORT_FETCH = 5_000


class Dated(Protocol):
    @property
    def date(self) -> str | None: ...


RowT = TypeVar("RowT", bound=Dated)


def sort_rows(rows: Sequence[RowT], order: str) -> list[RowT]:
    if order != DATE:
        return list(rows)
    dated = [row for row in rows if row.date]
    undated = [row for row in rows if not row.date]
    # ISO dates sort as text; "2024-03-05" and "2024-03-05T10:00" compare correctly.
    return sorted(dated, key=lambda row: row.date or "", reverse=True) + undated


def fetch_limit(order: str, shown_limit: int) -> int:
    """How many results to ask the engine for, so the first page is right in `order`."""
    return max(shown_limit, DATE_SORT_FETCH) if order == DATE else shown_limit


def describe(order: str) -> str:
    return "newest first" if order == DATE else "best match first"
