"""The extraction pipeline end to end: marks → spans → cues → mentions → speakers.

Marks and spans are found over the whole body; the later stages read it a run of
paragraphs at a time (a news story is one run; see RUN_CHARACTERS). Then quotes
inside quotes, attributed within their container (nested.py).
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from operator import attrgetter

from ..model import Extraction, Quote, Speaker
from .attribution import QuoteAttributor
from .cues import Cue, find_cues
from .found import Found
from .marks import mark_codes
from .names import NameSighter
from .nested import fragments_in_clauses, nested_quotes
from .reported import ReportedFinder
from .spans import QuoteSpan, pair_codes
from .speakers import Entity, Registry
from .text import Paragraph, paragraphs
from .transcript import transcript_quotes
from .views import ParagraphView, iter_views

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


# Characters of body taken through the stages at a time, in whole paragraphs. Each
# stage sweeps such a run (its code stays hot), and the next run is made only once
# this one is read: its tokens are still in the cache, and a long body's memory is
# reused rather than grown (a 2 MB body's tokens would take 200 MB at once; a run
# of 16,000 characters, a megabyte or two, stays in the cache). A news story of up
# to 2,500 words or so is one run: names sighted anywhere in it are known when any
# of its quotes is attributed (in a longer body, those of the runs read so far).
RUN_CHARACTERS = 16_000


def _run_stages(body: str) -> Extraction:
    paras = paragraphs(body)
    spans = pair_codes(body, mark_codes(body), paras)
    registry = Registry(body)
    answers, found = _read_runs(body, paras, spans, registry)
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


def _read_runs(
    body: str, paras: list[Paragraph], spans: list[QuoteSpan], registry: Registry
) -> tuple[list[Found], list[Found]]:
    """Transcript answers, and the reported clauses and quotes of every paragraph, read
    a run of paragraphs at a time (RUN_CHARACTERS): views, cues and names for the
    run, then its clauses and quotes paragraph by paragraph."""
    count = len(paras)
    # Filled a run at a time, in body order; runs read are emptied again (see _forget).
    views: list[ParagraphView] = [None] * count  # type: ignore[list-item]
    cues: list[list[Cue]] = [None] * count  # type: ignore[list-item]
    sighter = NameSighter(body, paras, registry)
    attributor = QuoteAttributor(body, views, cues, registry)
    finder = ReportedFinder(body, registry, views)
    made = iter_views(body, paras, spans)
    reach = _reaches(spans, count)
    answers: list[Found] = []
    found: list[Found] = []
    start = 0
    while start < count:
        end = _run_end(paras, reach, start)
        run = views[start:end] = [next(made) for _ in range(start, end)]
        cues[start:end] = [find_cues(view.tokens, view.outside, view.triggered) for view in run]
        for view in run:
            sighter.sight(view)
        if start == 0:  # what sight_names and the transcript stage read after the names
            if count > 1:
                sighter.lede(views[0], views[1])
            answers = transcript_quotes(body, paras, registry)
        run_found: list[Found] = []
        # Paragraph by paragraph, so that a speaker met in one paragraph is known in the next.
        for view in run:
            clauses = finder.find(view, cues[view.index])
            run_found.extend(clauses)
            run_found.extend(attributor.attribute(view, clauses))
        found.extend(run_found)
        if end < count:
            _forget(views, cues, start, end)
            attributor.let_go(run_found)
        start = end
    return answers, found


def _reaches(spans: list[QuoteSpan], count: int) -> list[int]:
    """Per paragraph, the last paragraph that a quote opening in it reaches."""
    reach = list(range(count))
    for span in spans:
        if span.last_paragraph > reach[span.paragraph]:
            reach[span.paragraph] = span.last_paragraph
    return reach


def _run_end(paras: list[Paragraph], reach: list[int], start: int) -> int:
    """Where the run of paragraphs from paras[start] ends (exclusive): at the first
    paragraph to start RUN_CHARACTERS on, or further, so that no quote opening in it
    runs on past it. A run holds two paragraphs at least: a delayed lede is read off
    the first two (see NameSighter.lede)."""
    count = len(paras)
    end = bisect.bisect_left(paras, paras[start].start + RUN_CHARACTERS, start + 2, key=_START)
    furthest = scanned = start
    while end < count:
        for index in range(scanned, end):  # each paragraph's reach read once: linear
            if reach[index] > furthest:
                furthest = reach[index]
        if furthest < end:
            return end
        scanned, end = end, furthest + 1
    return count


def _forget(views: list[ParagraphView], cues: list[list[Cue]], start: int, end: int) -> None:
    """Let go of the views and cues read: the run's, bar its last paragraph's (the next
    run's first paragraph reads the one before it), and the run before's last."""
    first = start - 1 if start else start
    views[first : end - 1] = [None] * (end - 1 - first)  # type: ignore[list-item]
    cues[first : end - 1] = [None] * (end - 1 - first)  # type: ignore[list-item]


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
