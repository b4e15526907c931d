"""The extraction pipeline end to end: marks → spans → cues → mentions → speakers.

Then quotes inside quotes, attributed within their container (nested.py).
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from operator import attrgetter

from ..model import Extraction, Quote, Speaker
from .attribution import QuoteAttributor
from .cues import find_cues
from .found import Found
from .marks import mark_codes
from .names import sight_names
from .nested import fragments_in_clauses, nested_quotes
from .reported import ReportedFinder
from .spans import pair_codes
from .speakers import Entity, Registry
from .text import paragraphs
from .transcript import transcript_quotes
from .views import build_views

# When two findings overlap, the one with the lower rank stays: a quoted
# sentence beats a reported clause, which beats the fragments quoted in it (those
# come back afterwards, inside their clause: nested.py).
KIND_RANK = {"direct": 0, "reported": 1, "partial": 2}  # 0, 1, 2: settle_overlaps' lists


def run_pipeline(body: str) -> Extraction:
    with _collector_paused():
        return _run_stages(body)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while one article is extracted.

    A big article allocates hundreds of thousands of tokens, and the collector
    kept re-scanning them mid-run (a quarter of the time on a 2 MB article).
    Reference counting still frees everything else at once; any cycle is left
    for the collector's next run afterwards. It is only re-enabled if it was on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run_stages(body: str) -> Extraction:
    paras = paragraphs(body)
    spans = pair_codes(body, mark_codes(body), paras)
    views = build_views(body, paras, spans)
    cues = [find_cues(view.tokens, view.outside, view.triggered) for view in views]
    registry = Registry(body)
    sight_names(body, views, registry)
    answers = transcript_quotes(body, paras, registry)
    found: list[Found] = []
    attributor = QuoteAttributor(body, views, cues, registry)
    finder = ReportedFinder(body, registry)
    # Paragraph by paragraph, so that a speaker met in one paragraph is known in the next.
    for view, view_cues in zip(views, cues, strict=True):
        clauses = finder.find(view, view_cues)
        found.extend(clauses)
        found.extend(attributor.attribute(view, clauses))
    settled = settle_overlaps(answers + found)
    # Quotes inside quotes and fragments inside reported clauses sit within their
    # container: added after the overlaps are settled.
    inner = (
        nested_quotes(body, settled, registry, spans if answers else None)
        + fragments_in_clauses(body, settled, spans, paras)
        + quotes_in_answers(answers, found, settled)
    )
    if inner:
        settled = sorted([*settled, *_distinct(inner)], key=_START)
    return assemble(body, settled)


def quotes_in_answers(
    answers: list[Found], found: list[Found], settled: list[Found]
) -> list[Found]:
    """Direct quotes inside a transcript answer ("OKONKWO: … a farmer there told me,
    "November is fine …""): the answer is kept whole, and so is the quote in it."""
    if not answers:
        return []
    kept = {id(item) for item in settled}
    starts = [answer.start for answer in answers]  # in body order, disjoint
    inside = []
    for item in found:
        if item.kind != "direct" or id(item) in kept:
            continue
        index = bisect.bisect_right(starts, item.start) - 1
        if index >= 0 and item.end <= answers[index].end and id(answers[index]) in kept:
            inside.append(item)
    return inside


def _distinct(found: list[Found]) -> list[Found]:
    """One finding per span and kind: a quote in a transcript answer may be found both
    as a quote of the answer and by its own attribution."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for item in found:
        key = (item.start, item.end, item.kind)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def settle_overlaps(found: list[Found]) -> list[Found]:
    """Keep non-overlapping findings, preferring direct, then reported, then partial."""
    if _apart_in_order(found):
        return list(found)  # nothing overlaps: every finding stays, in the order given
    # One list per rank, each sorted by start: the order of one stable sort by
    # (rank, start), without a Python key call and a tuple per finding (a quote-dense
    # article has tens of thousands).
    by_rank: tuple[list[Found], ...] = ([], [], [])  # by KIND_RANK
    for item in found:
        by_rank[KIND_RANK[item.kind]].append(item)
    kept: list[Found] = []
    starts: list[int] = []  # kept spans, sorted and disjoint, as parallel lists
    ends: list[int] = []
    for ranked in by_rank:
        if len(ranked) > 1:
            ranked.sort(key=_START)
        for item in ranked:
            start, end = item.start, item.end
            if end <= start:
                continue
            if not ends or start >= ends[-1]:  # after every span kept: the commonest case
                starts.append(start)
                ends.append(end)
                kept.append(item)
                continue
            index = bisect.bisect_right(starts, start)
            if index > 0 and ends[index - 1] > start:
                continue  # overlaps the span that starts before it
            if index < len(starts) and starts[index] < end:
                continue  # overlaps the span that starts after it
            starts.insert(index, start)
            ends.insert(index, end)
            kept.append(item)
    if len(kept) > 1:
        kept.sort(key=_START)
    return kept


_START = attrgetter("start")  # a finding's sort key, read in C


def _apart_in_order(found: list[Found]) -> bool:
    """Is each finding a non-empty span, in body order, none overlapping the next? Then
    settle_overlaps keeps them all, in this order (starts rise strictly, so sorting
    by start moves none). Quote-dense copy is mostly fragments that overlap nothing,
    and one walk tells it at a fraction of the cost of settling them."""
    end = -1
    for item in found:
        start = item.start
        if start < end or item.end <= start:
            return False
        end = item.end
    return True


_new = object.__new__

# The fields assemble() sets on each Quote, in Quote's order.
QUOTE_FIELDS = (
    "text",
    "start",
    "end",
    "kind",
    "speaker",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "anonymous",
)


def assemble(body: str, found: list[Found]) -> Extraction:
    quotes: list[Quote] = []
    order: list[Entity] = []
    for item in found:
        if item.entity is not None:
            item.entity.quotes = 0  # recount what survived the overlap settling
    for item in found:
        entity = item.entity
        if entity is None:
            continue
        if entity.quotes == 0:
            order.append(entity)
        entity.quotes += 1
        mention_start, mention_end = item.mention_start, item.mention_end
        if mention_start is not None and mention_end is not None:
            mention = body[mention_start:mention_end]
        else:
            mention = mention_start = mention_end = None
        start, end = item.start, item.end
        # Quote(…) with its fields (QUOTE_FIELDS) set in place: a call of its dataclass
        # __init__ with ten arguments costs more than the Quote itself
        # (tests/extract/test_assemble_in_place.py checks the two give equal quotes).
        quote = _new(Quote)
        quote.text = body[start:end]
        quote.start = start
        quote.end = end
        quote.kind = item.kind  # type: ignore[assignment]
        quote.speaker = entity.name
        quote.mention = mention
        quote.mention_start = mention_start
        quote.mention_end = mention_end
        quote.cue = item.cue
        quote.anonymous = item.anonymous
        quotes.append(quote)
    speakers = [
        Speaker(e.name, e.kind, list(e.titles), list(e.aliases), e.quotes, e.anonymous)  # type: ignore[arg-type]
        for e in order
    ]
    return Extraction(quotes, speakers)
