"""Link each direct or partial quote to its cue and speaker mention.

The forms covered, tried in this order:
  after the quote   `"…," X said.` / `"…," said X, the Y of Z.` / `"…" — X`
  before the quote  `X said: "…"` / `X, who …, said "…"` / `she called its "…" approach`
  the paragraph before, ending in a colon: `From Chairwoman X:` + quote paragraph
  floating          an unattributed quote right after an attributed one: same speaker
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from .cues import ADVERBS, Cue, auxiliary_start
from .documents import document_author
from .found import Found
from .lexicon import load as load_lexicon
from .lexicon import word_set
from .marks import CLOSING_MARKS
from .mentions import (
    PRONOUNS,
    QUESTION_LEAD_INS,
    Mention,
    is_manner_adverb,
    leading_subject,
    np_start,
    past_lead_in,
    subject_after,
    subject_before,
    with_subject,
)
from .spans import QuoteSpan, is_title_or_scare, quote_kind
from .speakers import AUTHORED_DOCUMENTS, Entity, Registry, resolve_mention
from .text import Token
from .views import ParagraphView, QuoteSlot

# How far (in tokens) from a quote its attribution may sit: bounds the work per quote.
REACH = 60
# A sentence this short (in tokens) before a quote can only be about its speaker.
SHORT_SENTENCE = 8
# How far (in tokens) a floating quote may sit from the attributed one before it.
FLOATING_REACH = 50
_DOCUMENT_REACH = 7  # words from a quote's speaker to a document they put it in
_BEAT_TOKENS = 10  # a beat between a speaker's quotes: "Nearly every hand went up."
_QUOTE_TOKENS = frozenset('"“”')
DASHES = frozenset({"—", "–", "-", "--"})
# Past any token: where the first cue of a region "starts" when it holds none.
_NO_CUE = 1 << 62
_TRAILING_AFTER_CUE = word_set("trailing_after_cue")


# Tokens first..ceiling after a quote that open with a dash (cue None) or hold a cue
# (the first one in them): (first, ceiling, cue). A plain tuple, made for most quotes.
AfterRegion = tuple[int, int, Cue | None]


class Link(Found):
    """A quote's finding, made when its speaker is known, with the paragraph and the
    mention it was read from: the quote after it may be the same speaker's
    (_floating). Its start, end, kind and position are set by attribute, once the
    quote is known to be speech (one object per attributed quote, not two).
    """

    __slots__ = ("view", "mention")

    view: ParagraphView
    mention: Mention | None


def _new_link(
    view: ParagraphView, mention: Mention | None, cue: str | None, entity: Entity
) -> Link:
    """A Link with what is known of it before its quote's bounds (see _link, which
    makes the commonest in place)."""
    link = _new(Link)
    link.view = view
    link.mention = mention
    link.cue = cue
    link.entity = entity
    if mention is None:
        link.mention_start = link.mention_end = None
        link.anonymous = entity.anonymous
    else:
        tokens = view.tokens
        link.mention_start = tokens[mention.first].start
        link.mention_end = tokens[mention.last].end
        link.anonymous = entity.anonymous or mention.anonymous
    return link


_PASSIVE = frozenset({"was", "were", "is", "are", "be", "been", "being"})


def _object_relative_subject(tokens: list[Token], cue: Cue, floor: int) -> Mention | None:
    """ "a claim the councilman called "…"": the noun phrase right before the verb."""
    start = np_start(tokens, cue.first - 1, floor) if cue.first - 1 >= floor else None
    if start is None or start <= floor or tokens[start].lower not in {"the", "a", "an"}:
        return None
    return subject_before(tokens, cue.first, start, whole=True)


def _relative_subject(tokens: list[Token], cue: Cue, floor: int) -> Mention | None:
    """ "the Oklahoman who once called her "…"", "parents who called the titles "…"":
    the noun phrase before "who" (an adverb may sit between "who" and the verb)."""
    who = cue.first - 1
    if who > floor and (is_manner_adverb(tokens[who]) or tokens[who].lower in ADVERBS):
        who -= 1
    if who <= floor or tokens[who].lower != "who":
        return None
    mention = subject_before(tokens, who, floor, whole=False)
    if (
        mention is not None
        and tokens[mention.first].lower in {"the", "a", "an"}  # a description, no name
        and mention.first - 2 >= floor
        and tokens[mention.first - 1].text == ","
    ):
        # "Ann Lee, 68, the Oklahoman who once called her "…"": the name the role is said of.
        comma = mention.first - 1
        if comma - 2 > floor and tokens[comma - 1].text.isdigit() and tokens[comma - 2].text == ",":
            comma -= 2  # past an age
        named = subject_before(tokens, comma, floor, whole=False)
        if named is not None and named.head == "name":
            return named
    return mention


def _sentence_subject_of_gerund(tokens: list[Token], cue: Cue, floor: int) -> Mention | None:
    """ "Rep. Ann Cole has taken to calling him "…"": the named subject of the sentence."""
    if not tokens[cue.verb].lower.endswith("ing") or tokens[cue.first - 1].lower in _PASSIVE:
        return None
    mention = leading_subject(tokens, floor, cue.first - 1)
    # ("Thirty aldermen signed a letter calling it "…"": a group's too.)
    return mention if mention is not None and mention.head in _GERUND_SUBJECTS else None


_GERUND_SUBJECTS = frozenset({"name", "pronoun", "group"})


def _a_document(tokens: list[Token], mention: Mention) -> bool:
    """ "a letter", "a memo": a document not yet known, which speaks for no one itself."""
    return (
        mention.head == "org_nominal"
        and tokens[mention.core_last].lower in AUTHORED_DOCUMENTS
        and tokens[mention.core_first].lower != "the"
    )


def _not_a_document(tokens: list[Token], mention: Mention | None) -> Mention | None:
    return None if mention is None or _a_document(tokens, mention) else mention


def _object_of_perception(tokens: list[Token], cue: Cue, floor: int) -> Mention | None:
    """ "She remembers Vernon Dale saying, "…"", "recalled the counsel telling Pell, "…"":
    the one heard saying it, named right before a participle cue (no comma between),
    speaks; the sentence's subject only remembers."""
    before = cue.first - 1
    if (
        before <= floor
        or not tokens[cue.first].lower.endswith("ing")
        or not (tokens[before].text[:1].isalpha())
    ):
        return None
    start = np_start(tokens, before, floor)
    if start is None or start <= floor:
        return None
    # np_start may take in the verb of perception ("remembers Vernon Dale"): the phrase
    # is read from each later word in turn.
    for first in range(start, before + 1):
        mention = subject_before(tokens, cue.first, first, whole=True)
        if mention is not None and mention.head in _HEARD_SPEAKERS:
            return mention
    return None


_HEARD_SPEAKERS = frozenset({"name", "person_noun"})


def _participle_after_comma(tokens: list[Token], cue: Cue, floor: int) -> bool:
    return (
        cue.first - 2 >= floor
        and tokens[cue.first - 1].text == ","
        and tokens[cue.verb].lower.endswith("ing")
    )


_SUBORDINATORS = frozenset(
    {"when", "after", "as", "because", "while", "before", "since", "until", "where", "once"}
)
# "When asked …, she said": a question lead-in here can open with "when" too.
_LEAD_IN_PARTICIPLES = QUESTION_LEAD_INS | {"when"}
# Marks between a lead-in and its quote: `said: "`, `said, "`, `said — "`.
_LEAD_IN_MARKS = frozenset({":", ",", "—", "–"})


def _narrative_end(view: ParagraphView, slot: QuoteSlot, last: int, index: int = -1) -> int:
    """`last`, or the token before the next quote's opening mark if that comes first.

    Read off the next slot rather than searched for among the tokens: quotes are
    the only tokens outside the narrative, and slots are kept in order. The next
    slot follows view.slots[index] when the slot's index is given.
    """
    following = index + 1 if index >= 0 else bisect.bisect_right(view.slot_lasts, slot.last)
    if following < len(view.slots):
        return min(last, view.slots[following].first - 1)
    return last


def cue_text(body: str, view: ParagraphView, cue: Cue) -> str:
    return body[view.tokens[cue.first].start : view.tokens[cue.last].end]


_ENDERS = frozenset(".?!")  # of sentences
_ATTRIBUTION_AFTER_CLAUSE = 60  # characters: ", the agency's spokeswoman said on Monday. "
# Mentions that resolve_mention reads without changing.
_UNCHANGED_BY_RESOLVING = frozenset({"name", "pronoun"})


@lru_cache(maxsize=1)
def _partial_forms() -> frozenset[str]:
    """The verbs that can lead into a fragment, as a set: a set tells a run of words
    that holds none of them faster than the lexicon's dict keys do."""
    return frozenset(load_lexicon().partial_cue_forms)


_new = object.__new__
_NO_VERBS: list[int] = []  # never added to: the fragment verbs of most stretches


def _partial_verbs(view: ParagraphView, floor: int, first: int, forms: frozenset[str]) -> list[int]:
    """Tokens floor..first - 1 outside quotes that can be a fragment's verb ("called
    it "…""), in lower case: a word, not a name."""
    tokens, outside = view.tokens, view.outside
    return [
        index
        for index in range(floor if floor > 0 else 0, first)
        if tokens[index].lower in forms and outside[index] and tokens[index].text[:1].islower()
    ]


def _partial_cues(tokens: list[Token], verbs: list[int], floor: int, end: int) -> list[Cue]:
    """The cues of the fragment verbs (`verbs`, ascending) among tokens floor..end."""
    lemmas = load_lexicon().partial_cue_forms
    found = []
    for index in verbs[bisect.bisect_left(verbs, floor) : bisect.bisect_right(verbs, end)]:
        # "has repeatedly called it "…"": the subject is before the auxiliary.
        first = max(floor, auxiliary_start(tokens, index))
        found.append(Cue(first, index, index, lemmas[tokens[index].lower], index + 1))
    return found


def _clause_around(clauses: Sequence[Found], start: int, end: int) -> Found | None:
    """The reported clause holding body[start:end], if any (a paragraph has few)."""
    for clause in clauses:
        if clause.start <= start and end <= clause.end:
            return clause
    return None


def _link_after(view: ParagraphView, finding: Found) -> Link:
    """A finding's attribution (a reported clause's, or a quote's) as a Link of its own,
    mention offsets and all, for a quote that follows it (_floating)."""
    link = _new_link(view, None, finding.cue, finding.entity)
    link.mention_start, link.mention_end = finding.mention_start, finding.mention_end
    link.anonymous = finding.anonymous
    return link


class _NotSpeech(Exception):
    """The quote being attributed turned out to be a title or a scare quote."""


class QuoteAttributor:
    """Walks the quotes in body order, keeping the last attribution for floating quotes."""

    def __init__(
        self, body: str, views: list[ParagraphView], cues: list[list[Cue]], registry: Registry
    ) -> None:
        self.body = body
        self.views = views
        self.cues = cues
        # Per paragraph, where its cues start: listed on first use, as most paragraphs
        # hold no quote and are never asked.
        self.cue_starts: list[list[int] | None] = [None] * len(cues)
        self.registry = registry
        self.last: tuple[int, int, Link] | None = None  # (paragraph, token, link)
        # Fragments in reported clauses that would become `last` unless they are titles
        # or scare quotes, oldest first: told only when `last` is read (_settled_last).
        self._pending: list[tuple[QuoteSpan, int, ParagraphView, int, Found]] | None = None
        self._partial_forms = _partial_forms()
        self._title_marking = title_marking_words()
        # The last mention resolved, with its entity, while re-reading it is known to
        # change nothing (see _rereadable); forgotten with every other resolution, and
        # at each paragraph (the stages run in between may note new sightings).
        self._resolved: tuple[Mention, list[Token], Entity | None] | None = None
        self._unchecked: QuoteSpan | None = None  # see attribute
        self._paragraph_start = 0  # of the paragraph whose quotes are attributed
        # The lone word read as the subject of a cue after a quote, kept for the next
        # quote: see _lead_in.
        self._lone_subject: tuple[ParagraphView, int, Mention] | None = None

    def run(self) -> list[Found]:
        return [item for view in self.views for item in self.attribute(view)]

    def let_go(self, found: list[Found]) -> None:
        """Let go of the views that the links among `found` (the findings of paragraphs
        already read) hold, bar the last link's: a floating quote may still follow it."""
        last = self.last[2] if self.last is not None else None
        for item in found:
            if type(item) is Link and item is not last:
                item.view = None  # type: ignore[assignment]

    def attribute(self, view: ParagraphView, clauses: Sequence[Found] = ()) -> list[Found]:
        """The quotes that open in this paragraph, attributed; `clauses` are the reported
        clauses found in it (a fragment inside one is the clause's speaker's).

        Each quote is attributed here, in the loop: its kind, where it ends, and the
        form its attribution may take. Quote-dense copy has a quote every few tokens:
        this spares each a call with six arguments.
        """
        slots = view.slots
        if not slots:
            return []  # most paragraphs of a news story hold no quote
        found: list[Found] = []
        body = self.body
        view_index = view.index
        paragraph_start = self._paragraph_start = view.paragraph.start
        self._resolved = None
        if self.cue_starts[view_index] is None:  # _starts_of, inlined: once per paragraph
            self.cue_starts[view_index] = [cue.first for cue in self.cues[view_index]]
        for index, slot in enumerate(slots):
            if not slot.opens_here:
                continue
            span = slot.span
            # Telling a title from speech is costly, and matters only for a quote about
            # to get a speaker: most quotes of a quote-dense article get none. So it is
            # told just before the first speaker is resolved (_link), or at the end.
            self._unchecked = span
            start = span.start
            if start < span.end and body[start].islower():
                kind = "partial"  # quote_kind's first test, told in place: most quotes of
                # quote-dense copy are fragments, and this spares them a call
            else:
                kind = quote_kind(body, span, paragraph_start)
            end_slot, end_index = slot, index
            if span.last_paragraph == view_index:
                end_view = view
            else:
                end_view = self.views[span.last_paragraph]
                if end_view.slots and end_view.slots[0].span is span:
                    end_slot, end_index = end_view.slots[0], 0  # a quote running in from before
                    self._starts_of(end_view.index)  # is first
            try:
                if kind == "direct":
                    link = self._direct(view, slot, index, end_view, end_slot, end_index)
                elif (
                    view.tokens[slot.first - 1].text == ","  # (told first: the cheapest test)
                    and (last := self._settled_last()) is not None
                    and last[0] == view_index
                    and self._continues_sentence(view, slot)
                ):
                    # “I’ve been doing my job,” she said, “and I’ll put my record …”
                    kind = "direct"
                    link = self._floating(view, slot)
                elif clauses and (clause := _clause_around(clauses, start, span.end)) is not None:
                    # A fragment inside a reported clause is the clause's speaker's: nested.py
                    # adds it so once overlaps are settled, which drops any reading of it
                    # here. Reading it cost a twentieth of hand-written copy; only what a
                    # floating quote after it takes over is kept, and whether it is speech
                    # is told only if one asks (_settled_last): most are never asked.
                    pending = (span, paragraph_start, view, end_slot.last, clause)
                    if self._pending is None:
                        self._pending = [pending]
                    else:
                        self._pending.append(pending)
                    continue
                else:
                    link = self._fragment(view, slot, index, end_view, end_slot, end_index)
                if link is None or link.entity is None:
                    continue
                if self._unchecked is not None:  # a floating quote takes a speaker, resolving none
                    self._check_speech()
            except _NotSpeech:
                continue
            link.start = start
            link.end = span.end
            link.kind = kind
            link.position = start
            self.last = (span.last_paragraph, end_slot.last, link)
            self._pending = None  # a later quote than any pending
            found.append(link)
        return found

    def _settled_last(self) -> tuple[int, int, Link] | None:
        """`last`, once the pending fragments in reported clauses are told: the latest
        that is speech takes its clause's attribution (what a floating quote after it
        takes over); titles and scare quotes leave `last` as it was."""
        pending = self._pending
        if pending is not None:
            self._pending = None
            for span, paragraph_start, view, end_last, clause in reversed(pending):
                if not _title_or_scare(self.body, span, paragraph_start):
                    self.last = (span.last_paragraph, end_last, _link_after(view, clause))
                    break
        return self.last

    def _fragment(
        self,
        view: ParagraphView,
        slot: QuoteSlot,
        index: int,
        end_view: ParagraphView,
        end_slot: QuoteSlot,
        end_index: int,
    ) -> Link | None:
        """A fragment's attribution: a cue (or a colon) before it, or else one after it.

        In quote-dense copy most fragments have no cue near them on either side: the
        words before the fragment are bounded once, and one bisect tells whether any
        cue starts from REACH tokens before it (or the quote before it) to REACH tokens
        after it. With none there, no colon leading into it, no comma or dash after it
        and no fragment verb before it, nothing can attribute it.
        """
        tokens = view.tokens
        first = slot.first
        floor = first - REACH
        if index:
            previous_last = view.slots[index - 1].last
            if previous_last >= floor:
                floor = previous_last + 1
        starts = self.cue_starts[view.index]
        low = bisect.bisect_left(starts, floor)
        cue_at = starts[low] if low < len(starts) else _NO_CUE  # the first in reach
        colon = first > 0 and tokens[first - 1].text == ":"
        # The fragment verbs among tokens floor..first - 1, the only ones read for this
        # quote: the narrative since the quote before, not the whole paragraph (in
        # quote-dense copy most tokens are the quotes' own). Those stretches follow one
        # another, so each token is read at most once per paragraph.
        verbs = _NO_VERBS
        forms = self._partial_forms
        for token in tokens[floor if floor > 0 else 0 : first]:
            if token.lower in forms:  # rare: most stretches hold none
                verbs = _partial_verbs(view, floor, first, forms)
                break
        if end_slot is slot and not colon:  # the fragment closes in its paragraph
            after = slot.last + 1
            ceiling = after + REACH
            if index + 1 < len(view.slots) and view.slots[index + 1].first <= ceiling:
                ceiling = view.slots[index + 1].first - 1
            if (
                cue_at > ceiling
                and not (
                    after < len(tokens)
                    and (tokens[after].text == "," or tokens[after].text in DASHES)
                )
                and not verbs
            ):
                return None  # out of reach
        # (Nothing is resolved for the quote yet: attribute has just set self._unchecked.)
        if _plainly_speech(self.body, tokens, slot, self._paragraph_start, self._title_marking):
            self._unchecked = None  # is_title_or_scare would say no: spare asking it (_link)
        link = None
        if first and (colon or cue_at < first or verbs):
            link = self._lead_in(view, first, floor, colon, verbs)
        if link is None:
            # A fragment that ends its sentence has no attribution after it: the next
            # sentence's subject is not its speaker. (_closes_sentence's common case told
            # in place: the last character quoted is no space. With none quoted, it is
            # the opening mark, which is no period either.)
            last_char = self.body[slot.span.end - 1]
            if last_char.isspace():
                if self._closes_sentence(slot.span):
                    return None
            elif last_char == ".":
                return None
            region = self._after_region(end_view, end_slot, end_index)
            if region is not None:
                link = self._after(end_view, region)
        return link

    def _direct(
        self,
        view: ParagraphView,
        slot: QuoteSlot,
        index: int,
        end_view: ParagraphView,
        end_slot: QuoteSlot,
        end_index: int,
    ) -> Link | None:
        # `Cole said: "We will fight." Smith said …`: a quote that ends its sentence
        # belongs to the cue before it, not to the next sentence's speaker.
        if self._closes_sentence(slot.span):
            link = self._before(view, slot, index)
            if link:
                return link
            region = self._after_region(end_view, end_slot, end_index)
            link = self._after(end_view, region)
        else:
            region = self._after_region(end_view, end_slot, end_index)
            link = self._after(end_view, region) or self._before(view, slot, index)
        # The region after the quote is worked out once: the last form reads it again.
        return link or self._intro(view, slot) or self._unmarked(view, slot, region)

    def _closes_sentence(self, span: QuoteSpan) -> bool:
        """Do the quoted words end in a period? Read from their tail, not copied whole."""
        start, end = span.start, span.end
        if end > start and not self.body[end - 1].isspace():
            return self.body[end - 1] == "."  # the common case: nothing to strip
        tail = self.body[max(start, end - 16) : end].rstrip()
        if not tail and end - start > 16:
            tail = self.body[start:end].rstrip()
        return tail.endswith(".")

    def _unmarked(
        self, view: ParagraphView, slot: QuoteSlot, after_region: AfterRegion | None
    ) -> Link | None:
        """A quote with no cue of its own: the speaker before it, or the one it follows.

        When an attribution follows the quote (`"…," one said`), the quote is that
        speaker's, resolved or not: if they cannot be named, it is left unattributed
        rather than given to whoever spoke before.
        """
        if after_region is not None:
            return None
        return (
            self._floating(view, slot)
            or self._after_reported(view, slot)
            or self._after_short_sentence(view, slot)
            or self._introduced(view, slot)
        )

    # --- the forms ---------------------------------------------------------
    def _after_region(self, view: ParagraphView, slot: QuoteSlot, index: int) -> AfterRegion | None:
        """The narrative right after a quote's closing mark (view.slots[index]), up to
        the sentence end, when it can attribute the quote: it opens with a dash or
        holds a cue."""
        if not slot.closes_here:
            return None
        tokens = view.tokens
        start = slot.last + 1
        count = len(tokens)
        if start >= count or not view.outside[start]:
            return None
        # Bounded by the reach and the next quote first (_narrative_end, inlined): most
        # regions hold no cue, and for those the sentence end is never needed.
        ceiling = start + REACH
        if ceiling >= count:
            ceiling = count - 1
        if index + 1 < len(view.slots) and view.slots[index + 1].first <= ceiling:
            ceiling = view.slots[index + 1].first - 1
        first = start
        while first <= ceiling and tokens[first].text == ",":
            first += 1
        if first > ceiling:
            return None
        cue = None
        if tokens[first].text not in DASHES:
            # The first cue starting in the region (a bisect, inlined: once per quote).
            starts = self.cue_starts[view.index]
            low = bisect.bisect_left(starts, first)
            if low == len(starts) or starts[low] > ceiling:
                return None
            cue = self.cues[view.index][low]
        sentence_last = view.sentence_last[start]
        if sentence_last < ceiling:
            ceiling = sentence_last
        if first > ceiling or (cue is not None and cue.first > ceiling):
            return None
        return first, ceiling, cue

    def _after(self, view: ParagraphView, region: AfterRegion | None) -> Link | None:
        """`"…," X said.` / `"…," said X` / `"…" — X`, in the region after the quote."""
        if region is None:
            return None
        tokens = view.tokens
        first, ceiling, cue = region
        if cue is None:  # a dash: '"…" — DSCC spokesperson Jalen Price.'
            mention = subject_after(tokens, first + 1, self._trim_end(tokens, ceiling))
            return self._link(view, mention, None)
        if cue.first == first:
            mention = subject_after(tokens, cue.last + 1, self._trim_end(tokens, ceiling))
        else:
            mention = subject_before(tokens, cue.first, first, whole=True)
            if first == cue.first - 1 and mention is not None:
                self._lone_subject = view, cue.first, mention
        words = self.body[tokens[cue.first].start : tokens[cue.last].end]  # cue_text, inlined
        return self._link(view, mention, words)

    def _starts_of(self, paragraph: int) -> list[int]:
        """Where the paragraph's cues start, listed the first time it is asked for:
        always before a paragraph's quotes are attributed, and before their end's."""
        starts = self.cue_starts[paragraph]
        if starts is None:
            starts = self.cue_starts[paragraph] = [cue.first for cue in self.cues[paragraph]]
        return starts

    def _cues_in(self, paragraph: int, first: int, last: int) -> list[Cue]:
        """Cues of a paragraph starting within tokens first..last (bisect: no scan)."""
        starts = self.cue_starts[paragraph]
        if starts is None:  # a paragraph before the quote's (_intro, _introduced)
            starts = self._starts_of(paragraph)
        low = bisect.bisect_left(starts, first)
        if low == len(starts) or starts[low] > last:
            return []  # the common case: no cue in reach
        return self.cues[paragraph][low : bisect.bisect_right(starts, last, low)]

    @staticmethod
    def _trim_end(tokens, end: int) -> int:  # noqa: ANN001
        while end >= 0 and tokens[end].text in {".", "?", "!", ";", ":"}:
            end -= 1
        return end

    def _before(self, view: ParagraphView, slot: QuoteSlot, index: int) -> Link | None:
        """`X said: "…"` and its kin, for the quote of view.slots[index] (slot)."""
        tokens = view.tokens
        first = slot.first  # the opening mark: a slot always holds a token
        if first == 0:
            return None  # nothing before the quote in its paragraph
        # The attribution lies after the quote before this one (the slot before), within
        # reach, and in this sentence: the first two bounds are cheap, the sentence start
        # is not.
        floor = first - REACH
        if index:
            previous_last = view.slots[index - 1].last
            if previous_last >= floor:
                floor = previous_last + 1
        colon = tokens[first - 1].text == ":"
        if not colon:
            # Quote-dense copy: most quotes have no cue in reach before them, and the
            # forms without one lead in with a colon. Told before the sentence is read:
            # does a cue start within tokens floor..first - 1?
            starts = self.cue_starts[view.index]
            low = bisect.bisect_left(starts, floor)
            if low == len(starts) or starts[low] >= first:
                return None
        return self._lead_in(view, first, floor, colon, None)

    def _lead_in(
        self, view: ParagraphView, first: int, floor: int, colon: bool, verbs: list[int] | None
    ) -> Link | None:
        """The cue (or colon) before the quote opening at tokens[first] and its subject,
        within tokens floor..first - 1 and the quote's sentence. For a fragment, `verbs`
        lists the fragment verbs among those tokens (_partial_verbs); None for a quote."""
        partial = verbs is not None
        tokens = view.tokens
        sentence_start = view.sentence_start[first]
        if sentence_start > floor:
            floor = sentence_start
        end = first - 1
        while end >= floor and tokens[end].text in _LEAD_IN_MARKS:
            end -= 1
        if end < floor:
            return None
        # The cues lying within tokens floor..end (_cues_ending_by, inlined for its
        # commonest case, one cue in reach: once per quote with a cue before it).
        starts = self.cue_starts[view.index]
        low = bisect.bisect_left(starts, floor)
        if low + 1 < len(starts) and starts[low + 1] <= end:
            candidates = self._cues_ending_by(view.index, floor, end)  # two or more
        elif low < len(starts) and starts[low] <= end and self.cues[view.index][low].last <= end:
            candidates = [self.cues[view.index][low]]
        else:
            candidates = []
        if verbs:  # most fragments have no fragment verb before them
            partial_cues = _partial_cues(tokens, verbs, floor, end)
            if partial_cues:  # the cues above are in order already: sort only a mix
                candidates += partial_cues
                candidates.sort(key=lambda c: c.first)
        if not candidates:
            if not colon:
                return None  # the forms with no cue all lead in with a colon
            if tokens[floor].lower == "from":
                return self._link(view, subject_after(tokens, floor + 1, end), None)
            # "Strickland fired back Saturday morning: "…"": the sentence's subject speaks.
            return None if partial else self._sentence_subject(view, floor, end)
        cue = candidates[-1]
        # "posted a two-word reply to the governor's video: "…"": past the cue's reach,
        # a colon still leads into the cue's own words.
        if not partial and not colon and not self._cue_reaches(tokens, cue, end):
            return None
        # subject_before(…, whole=False), unless the cue is the one the quote before was
        # attributed to, its subject a lone word read then (self._lone_subject): in
        # `"…," he said as "…"` a phrase of one word fills its region, so `whole`
        # cannot change that reading. Only names and pronouns are taken over:
        # resolving other mentions may change them.
        carried = self._lone_subject
        if (
            carried is not None
            and floor == cue.first - 1
            and carried[1] == cue.first
            and carried[0] is view
            and carried[2].head in _UNCHANGED_BY_RESOLVING
        ):
            mention = carried[2]
        else:
            mention = subject_before(tokens, cue.first, floor, whole=False)
            if mention is not None and _a_document(tokens, mention):
                mention = None  # "signed a letter calling it …": who put it out, below
        if mention is None and not partial:
            mention = _object_of_perception(tokens, cue, floor)
        if mention is None and not partial and _participle_after_comma(tokens, cue, floor):
            # "Cole weighed in Friday, posting on social media: "…"": the sentence's subject.
            mention = leading_subject(tokens, floor, cue.first - 2)
        if (
            mention is None
            and not partial
            and cue.first - 2 >= floor
            and tokens[cue.first - 1].lower in {"and", "but"}
        ):
            # "Strickland posted a video of the street and wrote: "…"": the shared subject,
            # that of the clause the verbs are in ("It began when Strickland posted …").
            clause = next(
                (i + 1 for i in range(cue.first - 2, floor - 1, -1)
                 if tokens[i].lower in _SUBORDINATORS),
                floor,
            )  # fmt: skip
            mention = leading_subject(tokens, clause, cue.first - 2)
        if mention is None and partial:
            mention = (
                document_author(tokens, cue.first, floor)  # "issued a statement calling it"
                or _relative_subject(tokens, cue, floor)
                or self._shared_subject(view, candidates, cue, floor)
                or _not_a_document(tokens, _object_relative_subject(tokens, cue, floor))
                or with_subject(tokens, cue.first, floor)  # "with Sen. Ann Cole calling it "…""
                or _sentence_subject_of_gerund(tokens, cue, floor)
            )
        words = self.body[tokens[cue.first].start : tokens[cue.last].end]  # cue_text, inlined
        return self._link(view, mention, words)

    def _cues_ending_by(self, paragraph: int, first: int, end: int) -> list[Cue]:
        """Cues of a paragraph lying within tokens first..end (a new list, to add to)."""
        starts = self.cue_starts[paragraph]
        low = bisect.bisect_left(starts, first)
        if low == len(starts) or starts[low] > end:
            return []  # the common case: no cue in reach
        high = bisect.bisect_right(starts, end, low)
        if high == low + 1:  # one cue in reach, the common case: no list to filter
            cue = self.cues[paragraph][low]
            return [cue] if cue.last <= end else []
        return [cue for cue in self.cues[paragraph][low:high] if cue.last <= end]

    def _shared_subject(
        self, view: ParagraphView, candidates: list[Cue], cue: Cue, floor: int
    ) -> Mention | None:
        """ "X said …, and called the plan "…"": the second verb shares X."""
        tokens = view.tokens
        if cue.first - 1 < floor or tokens[cue.first - 1].lower not in {"and", "also"}:
            return None
        for earlier in reversed(candidates):
            if earlier.first < cue.first:
                return subject_before(tokens, earlier.first, floor, whole=False)
        # The first verb may sit before an earlier quote of the sentence: "X said it
        # had made "a fair offer" and accused the union of "…"".
        start = view.sentence_start[cue.first]
        earlier_cues = self._cues_in(view.index, start, cue.first - 2)
        if earlier_cues:
            earlier = earlier_cues[-1]
            local_floor = view.after_last_quote(start, earlier.first)
            return subject_before(tokens, earlier.first, local_floor, whole=False)
        return None

    @staticmethod
    def _cue_reaches(tokens, cue: Cue, end: int) -> bool:  # noqa: ANN001
        """The cue must lead straight into the quote, allowing a short time/place phrase."""
        gap = tokens[cue.last + 1 : end + 1]
        if len(gap) > 7:
            return False
        return all(
            t.lower in _TRAILING_AFTER_CUE or t.text[:1].isupper() or t.text.isdigit() for t in gap
        )

    def _intro(self, view: ParagraphView, slot: QuoteSlot) -> Link | None:
        """A paragraph that ends in a colon introduces the quote paragraph after it."""
        if slot.first != 0 or view.index == 0:
            return None
        previous = self.views[view.index - 1]
        tokens = previous.tokens
        if not tokens or tokens[-1].text != ":" or not previous.outside[-1]:
            return None
        end = len(tokens) - 2
        if end < 0:
            return None
        floor = previous.sentence_start[end]
        floor = max(previous.after_last_quote(floor, end), end - REACH)
        cues = self._cues_in(previous.index, floor, end)
        if cues:
            cue = cues[-1]
            if not self._cue_reaches(tokens, cue, end):
                return None
            return self._link(
                previous,
                subject_before(tokens, cue.first, floor, whole=False),
                cue_text(self.body, previous, cue),
            )
        if tokens[floor].lower == "from":
            return self._link(previous, subject_after(tokens, floor + 1, end), None)
        if np_start(tokens, end, floor) == floor:
            return self._link(previous, subject_after(tokens, floor, end), None)
        # "She put it this way:", "Ann Cole then turned to the crowd:"
        return self._sentence_subject(previous, floor, end)

    def _floating(self, view: ParagraphView, slot: QuoteSlot) -> Link | None:
        """An unattributed quote right after an attributed one is the same speaker's.

        Only a short attribution may sit between them, and nobody else may be
        named there ("…," Graumann told reporters on the Capitol steps. "…").
        """
        last = self._settled_last()
        if last is None:
            return None
        last_para, last_token, link = last
        same_paragraph = last_para == view.index
        if same_paragraph:
            between = view.tokens[last_token + 1 : slot.first]
        elif last_para == view.index - 1 and slot.first == 0:
            between = self.views[last_para].tokens[last_token + 1 :]
        else:
            return None
        if len(between) > FLOATING_REACH:
            return None
        ends = [t.end for t in between if t.text in _ENDERS]  # of sentences, at most one
        beat = len(ends) > 1
        if beat and not self._beat_between(between, ends):
            return None
        if (
            same_paragraph
            and not all(view.outside[last_token + 1 : slot.first])
            and not self._only_titles_between(view, last_token, slot.first)
        ):
            return None
        # Someone else named after the attribution's sentence takes the floor; people
        # named inside it ("told CNN's Marcus Ellery") do not.
        # A closing mark after a full stop ends a sentence too: 'on “State of the Union.”'
        body = self.body
        ends += [  # _closes_a_sentence, told in place: only closing marks need the body read
            t.end
            for t in between
            if t.text in CLOSING_MARKS and body[t.start - 1 : t.start] in _ENDERS
        ]
        if beat:
            start = ends[0]  # no one else may be named in the beat either
        else:
            start = max(ends) if ends else self.views[last_para].tokens[last_token].end
        if self.registry.someone_else_between(start, view.tokens[slot.first].start, link.entity):
            return None
        follower = _link_after(link.view, link)
        follower.mention = link.mention
        return follower

    @staticmethod
    def _beat_between(between: list[Token], ends: list[int]) -> bool:
        """ "…," said Mr. Varga. Nearly every hand went up. "Then you know …"": one
        short sentence of narrative (a beat) after the attribution's, in the same
        paragraph, keeps the floor with the speaker (whether anyone else is named in it
        is asked after)."""
        if len(ends) != 2:
            return False
        beat = [t for t in between if ends[0] <= t.start < ends[1]]
        return (
            len(beat) <= _BEAT_TOKENS
            and beat[0].lower not in PRONOUNS  # "She paused.": read as about its subject
            and all(t.text not in _QUOTE_TOKENS for t in beat)
        )

    def _after_reported(self, view: ParagraphView, slot: QuoteSlot) -> Link | None:
        """ "Crew is no longer the main problem, she said. "It's steel and engines now."":
        a quote right after a reported clause and its short attribution, in the same
        paragraph, is that speaker's, as it is after a quote."""
        quote_at = view.tokens[slot.first].start
        for start, end, entity in reversed(self.registry.reported[-3:]):
            if end > quote_at:
                continue  # reported later in the paragraph
            if start < view.paragraph.start or quote_at - end > _ATTRIBUTION_AFTER_CLAUSE:
                return None  # told before the text between is cut: the clause may be far back
            between = self.body[end:quote_at]
            if between.strip() == ",":
                # 'said the vote was close, "But we will win it anyway."': the clause's
                # sentence goes on in the speaker's own words (reported.py ends it there)
                return _new_link(view, None, None, entity)
            if sum(map(between.count, _ENDERS)) != 1 or self.registry.someone_else_between(
                end, quote_at, entity
            ):
                return None
            return _new_link(view, None, None, entity)
        return None

    def _sentence_subject(self, view: ParagraphView, first: int, last: int) -> Link | None:
        """The named or pronoun subject of tokens[first..last], as the speaker."""
        first = past_lead_in(view.tokens, first, last, _LEAD_IN_PARTICIPLES)
        if view.tokens[first].lower in PRONOUNS or _their_words(view.tokens, first, last):
            # "She put it this way:", "Her remarks drew a standing ovation:"
            mention: Mention | None = Mention(first, first, first, first, "pronoun", appositives=[])
        else:
            mention = leading_subject(view.tokens, first, last)
        if mention is None or mention.head not in {"name", "pronoun"}:
            return None
        return self._link(view, mention, None)

    def _only_titles_between(self, view: ParagraphView, after: int, before: int) -> bool:
        """Are the quotes between two tokens all titles of works ("State of the Union")?"""
        paragraph_start = view.paragraph.start
        return all(
            is_title_or_scare(self.body, other.span, paragraph_start)
            for other in view.slots
            if after < other.first < before
        )

    def _after_short_sentence(self, view: ParagraphView, slot: QuoteSlot) -> Link | None:
        """ "McRae pounced. "So we're just not going to build it?"": a short sentence
        about someone, then their words (the quote opens the next sentence)."""
        if not slot.opens_here or slot.first < 2:
            return None
        tokens = view.tokens
        end = slot.first - 1
        if tokens[end].text not in {".", ":"} or not view.outside[end]:
            return None
        first = view.sentence_start[end - 1]
        if end - first > SHORT_SENTENCE or not all(view.outside[first:end]):
            return None
        return self._sentence_subject(view, first, end - 1)

    def _introduced(self, view: ParagraphView, slot: QuoteSlot) -> Link | None:
        """A quote paragraph after a paragraph about X, with no quote of its own, is X's.

        "Marjorie Quist, his chief of staff for 17 years, remembered a congressman who …"
        then "“He read every letter. …”".
        """
        if slot.first != 0 or not slot.opens_here or view.index == 0:
            return None
        previous = self.views[view.index - 1]
        tokens = previous.tokens
        if previous.slots or len(tokens) < 3:
            return None
        last = len(tokens) - 1
        first = previous.sentence_start[last]
        mention = leading_subject(tokens, first, last - 1)
        if mention is None:
            mention = self._speaker_of_a_cue(previous, first, last)
        if mention is None or mention.head not in {"name", "pronoun"}:
            return None
        return self._link(previous, mention, None)

    def _speaker_of_a_cue(self, view: ParagraphView, first: int, last: int) -> Mention | None:
        """ "Ask her why, and she tells the story of the flood.": the subject of the
        sentence's own speech verb, when the sentence does not open with one."""
        for cue in self._cues_in(view.index, first, last):
            mention = subject_before(view.tokens, cue.first, first, whole=False)
            if mention is not None:
                return mention
        return None

    def _continues_sentence(self, view: ParagraphView, slot: QuoteSlot) -> bool:
        """Is this the second half of a quoted sentence split by its attribution?"""
        last = self.last
        if last is None or last[0] != view.index:
            return False
        after = last[1] + 1  # the tokens between the two quotes: after..first - 1
        first = slot.first
        if not after < first <= after + 10 or view.tokens[first - 1].text != ",":
            return False
        return any(c.last < first for c in self._cues_in(view.index, after, first))

    def _check_speech(self) -> None:
        """Raise _NotSpeech if the quote being attributed is a title or a scare quote
        (told once per quote, before anything is resolved for it)."""
        span = self._unchecked
        if span is not None:
            self._unchecked = None
            if _title_or_scare(self.body, span, self._paragraph_start):
                raise _NotSpeech

    def _link(self, view: ParagraphView, mention: Mention | None, cue: str | None) -> Link | None:
        if mention is None:
            return None
        span = self._unchecked
        if span is not None:  # resolving has side effects: a title must not get that far
            self._unchecked = None  # (_check_speech, inlined: once per quote that gets here)
            if _title_or_scare(self.body, span, self._paragraph_start):
                raise _NotSpeech
        resolved = self._resolved
        tokens = view.tokens
        if resolved is not None and resolved[0] is mention and resolved[1] is tokens:
            entity = resolved[2]  # the pronoun just read, for the next quote
        else:
            entity = resolve_mention(self.registry, self.body, tokens, mention)
            # What is kept of a resolution for the next quote: in `"…," he said as "…"`
            # both quotes' subject is the one mention, carried over (_lead_in).
            if mention.head == "pronoun" and tokens[mention.core_last].lower in _NEAREST_FIT:
                self._resolved = mention, tokens, entity
            else:
                self._resolved = None
        if entity is None:
            return None
        entity.quotes += 1  # known to speak: "the military's media wing" may refer back to it
        noted = view.noted_documents  # ParagraphView.documents, read in place once known
        if noted is None and view.triggered:
            noted = view.documents(AUTHORED_DOCUMENTS)
        if noted and noted[-1] > mention.first - _DOCUMENT_REACH:
            # '"…," the ministry said in a statement.': that statement is the ministry's
            self.registry.note_documents(
                tokens,
                noted,
                mention.first - _DOCUMENT_REACH,
                mention.last + _DOCUMENT_REACH,
                entity,
            )
        link = _new(Link)  # _new_link, inlined: one per attributed quote
        link.view = view
        link.mention = mention
        link.cue = cue
        link.entity = entity
        link.mention_start = tokens[mention.first].start
        link.mention_end = tokens[mention.last].end
        link.anonymous = entity.anonymous or mention.anonymous
        return link


def _title_or_scare(body: str, span: QuoteSpan, paragraph_start: int) -> bool:
    """spans.is_title_or_scare, told at once for a quote too long to be a title or a
    scare quote: over 120 characters, or of more than eight words, which it rules out
    first (after reading them all). Most quoted sentences are that long."""
    start, end = span.start, span.end
    if end - start > 120 or _NINE_WORDS.match(body, start, end) is not None:
        return False
    return is_title_or_scare(body, span, paragraph_start)


# Nine words, read one after another as spans.is_title_or_scare reads them (its
# _WORD, and the characters that are no word's first between them): the quantifiers
# are possessive, so that no word is split to make up the count.
# (tests/extract/test_nine_words.py checks it matches where _WORD finds nine or more.)
_NINE_WORDS = re.compile(r"(?:[\W_]*+[^\W_][\w'’\-]*+){9}")


def _plainly_speech(
    body: str, tokens: list[Token], slot: QuoteSlot, paragraph_start: int, marking: frozenset[str]
) -> bool:
    """Is the quote of `slot` sure not to be a title or a scare quote, as told from its
    tokens? True only where spans.is_title_or_scare is sure to say False, by its
    first test: a quote opening in lower case, not with a small title word, after
    a word that marks no title. A quote-dense article's fragments are mostly that,
    and the tokens tell it at about half the cost of re-reading the body.
    (tests/extract/test_plainly_speech.py checks the two agree on every quote.)
    """
    first = slot.first
    if not first:
        return False  # nothing before it in its paragraph
    # A quote's words are one token: body[span.start:span.end], or the part of it in
    # this paragraph when it runs on into the next (a paragraph break ends its first
    # word there too, so its first word is the whole quote's).
    if slot.last == first + 2:
        whole = True
    elif slot.last == first + 1 and not slot.closes_here:
        whole = False
    else:
        return False
    text = tokens[first + 1].text
    head = text[0]
    if not head.islower():
        return False
    # is_title_or_scare's first test: a letter first, and a word of letters only or
    # a first word that is no small title word (a letter first in either case).
    word = text.rstrip(_AFTER_A_WORD)
    if not word.isalpha():
        if not head.isalpha() or _FIRST_WORD.match(text).group().lower() in _TITLE_SMALL:
            return False
    elif not whole and word.lower() in _TITLE_SMALL:
        return False  # (the first word of a quote running on is the one word here: no regex)
    # The word before the opening mark, as is_title_or_scare reads it (the last
    # space-free chunk of the 40 characters before): the token before, when it is
    # letters and digits and only a space, or nothing, sits either side of it.
    before = tokens[first - 1]
    opening = slot.span.open_position
    end = before.end
    if end != opening and (end + 1 != opening or body[end] != " "):
        return False
    window = opening - 40
    if window < paragraph_start:
        window = paragraph_start
    start = before.start
    if start != window and (start < window or body[start - 1] != " "):
        return False
    return before.text.isalnum() and before.lower not in marking  # title_marking_words()


# The characters stripped off a quote's end before its words are read, and its first
# word, as spans.py reads them (tests/extract/test_plainly_speech.py checks both).
_AFTER_A_WORD = ",.;:!?"
_FIRST_WORD = re.compile(r"[^\W_][\w'’\-]*")
_TITLE_SMALL = word_set("title_small")


@lru_cache(maxsize=1)
def title_marking_words() -> frozenset[str]:
    """The words before a quote that may make it a title (spans._marking_words's):
    tests/extract/test_plainly_speech.py checks the two sets are equal."""
    return frozenset({"him", "her", "them", "the", "a", "an"}) | load_lexicon().work_words


# Pronouns read as the nearest fitting person or body sighted before them: with no
# sighting noted since, reading one again gives the same entity and changes nothing.
_NEAREST_FIT = frozenset({"he", "she", "it"})


def _their_words(tokens: list[Token], first: int, last: int) -> bool:
    """Does the sentence open with someone's words: "Her remarks …", "His answer …"?"""
    return (
        first + 1 <= last
        and tokens[first].lower in _POSSESSIVE_PRONOUNS
        and tokens[first + 1].lower in _SPEECH_NOUNS
    )


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
_SPEECH_NOUNS = word_set("speech_nouns")
