"""Quotes inside other findings: quotes within quotes, and fragments within clauses.

A reported clause that holds quoted words ("said the plan was "dead on
arrival"") keeps them as a partial quote by the same speaker: the exact words
are worth marking. Titles and scare quotes inside the clause are left alone.

Quotes inside quotes are the words a speaker reports someone else saying:

"He looked at me and said, 'Cyrus gets the contract,'" Vance testified.

The inner quote is a direct quote of its own, by whoever "said" it inside the
outer one: "I" and "we" are the outer speaker, "he" and "she" the nearest other
person named before, a name is that person. An inner quote with no cue leading
into it (a title, a scare-quoted word, a slogan) is not speech and is left alone.
Inner marks are the other kind than the outer ones (single inside double, or
double inside British single quotes). The work is bounded by the outer quote.
"""

from __future__ import annotations

import bisect
import re
from operator import attrgetter

from .cues import find_cues
from .found import Found
from .lexicon import load as load_lexicon
from .marks import BEFORE_OPEN, QUOTE_MARKS, Mark, Role, classify_single
from .mentions import PRONOUNS, Mention, leading_subject, subject_before
from .spans import QuoteSpan, is_title_or_scare
from .speakers import Entity, Registry, resolve_mention
from .text import Paragraph, Token, tokenise

# Words looked at before an inner quote for its cue and speaker.
LEAD_IN_REACH = 120  # characters
# Between the cue and the inner quote: "said, '", "told me: '", "asked him, '".
_BRIDGE_WORDS = frozenset({",", ":", "me", "him", "her", "us", "them", "you", "to", "—"})
_FIRST_PERSON = frozenset({"i", "we"})
_DOUBLE_CLOSERS = frozenset('”"')


def fragments_in_clauses(
    body: str, found: list[Found], spans: list[QuoteSpan], paras: list[Paragraph]
) -> list[Found]:
    """Quoted fragments inside reported clauses, as partial quotes by the clause's speaker."""
    clauses = [f for f in found if f.kind == "reported" and f.entity is not None]
    if not clauses or not spans:
        return []
    fragments = []
    index = 0
    for clause in clauses:  # both in body order: one forward walk
        while index < len(spans) and spans[index].start < clause.start:
            index += 1
        probe = index
        while probe < len(spans) and spans[probe].end <= clause.end:
            span = spans[probe]
            probe += 1
            if span.paragraph != span.last_paragraph:
                continue
            if is_title_or_scare(body, span, paras[span.paragraph].start) and not (
                _words_of_a_sentence(body, span)
            ):
                continue
            fragments.append(
                Found(
                    span.start,
                    span.end,
                    "partial",
                    clause.entity,
                    clause.mention_start,
                    clause.mention_end,
                    clause.cue,
                    clause.anonymous,
                    clause.position,
                )
            )
    return fragments


def _words_of_a_sentence(body: str, span: QuoteSpan) -> bool:
    """A lower-case phrase of a few words ("the "highly irresponsible" statement"): inside
    a reported clause, the speaker's own words rather than a title or a scare quote."""
    words = body[span.start : span.end].split()
    return len(words) >= 2 and words[0][:1].islower()


def nested_quotes(
    body: str, outer: list[Found], registry: Registry, spans: list[QuoteSpan] | None = None
) -> list[Found]:
    """Inner quotes of the attributed direct quotes in `outer`.

    A transcript answer has no marks of its own ("DESAI: … I tell my students, "You
    can refill a bucket.""): the quotes in it are the ordinary ones of `spans`.
    """
    found: list[Found] = []
    for quote in outer:
        if quote.kind != "direct" or quote.entity is None:
            continue
        if spans is not None and body[quote.start - 1 : quote.start] not in QUOTE_MARKS:
            inside = _spans_within(spans, quote)
        else:
            inside = _inner_spans(body, quote)
        for start, end in inside:
            inner = _attribute(body, quote, start, end, registry)
            if inner is not None:
                found.append(inner)
    return found


def _spans_within(spans: list[QuoteSpan], quote: Found) -> list[tuple[int, int]]:
    """(start, end) of the quotes of `spans` that lie inside an unmarked container."""
    low = bisect.bisect_left(spans, quote.start, key=_SPAN_START)
    inside = []
    for span in spans[low:]:
        if span.end > quote.end:
            break
        inside.append((span.start, span.end))
    return inside


_SPAN_START = attrgetter("start")


def _inner_spans(body: str, quote: Found) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of inner marks."""
    if body[quote.start - 1 : quote.start] not in {"‘", "'"}:  # single marks inside
        glyph = _OPENING_SINGLE.search(body, quote.start, quote.end)  # (a charset: fast)
        if glyph is None or _MAY_OPEN_SINGLE.search(body, glyph.start() - 1, quote.end) is None:
            return []  # no mark that can open a quote: most quotes (their apostrophes are not)
        marks = _single_marks(body, quote)
    else:
        marks = _double_marks(body, quote)
    spans = []
    opener: Mark | None = None
    for mark in marks:
        if mark.role is Role.OPEN:
            opener = mark
        elif opener is not None and mark.position - opener.position > 1:
            spans.append((opener.position + 1, mark.position))
            opener = None
    return spans


def _single_marks(body: str, quote: Found) -> list[Mark]:
    marks = []
    for match in _SINGLE_MARK.finditer(body, quote.start, quote.end):
        mark = classify_single(body, match.start(), closes_before=_DOUBLE_CLOSERS)
        if mark is not None:
            marks.append(mark)
    return marks


def _double_marks(body: str, quote: Found) -> list[Mark]:
    return [
        Mark(match.start(), match.group(), Role.OPEN if match.group() == "“" else Role.CLOSE)
        for match in _CURLY_DOUBLE.finditer(body, quote.start, quote.end)
    ]


# Searched for within a quote: a regex pass, not a Python loop over its characters.
_SINGLE_MARK = re.compile("['‘’]")
# The single marks that can open a quote, and those that may open an inner quote,
# with the character before them: one that classify_single lets a quote open after
# (its other conditions are left out, so this finds every opening mark and more).
# An inner quote needs an opening mark: a quote with none holds none. Most hold
# only apostrophes, within words. (tests/extract/test_nested_openers.py)
_OPENING_SINGLE = re.compile("['‘]")
_MAY_OPEN_SINGLE = re.compile("[" + re.escape("".join(sorted(BEFORE_OPEN | {"“", '"'}))) + "]['‘]")
_CURLY_DOUBLE = re.compile("[“”]")


def _attribute(body: str, quote: Found, start: int, end: int, registry: Registry) -> Found | None:
    """The inner quote with its speaker, or None when no cue leads into it."""
    window = max(quote.start, start - 1 - LEAD_IN_REACH)
    tokens = tokenise(body, window, start - 1)
    cues = find_cues(tokens, [True] * len(tokens))
    if not cues:
        return None
    cue = cues[-1]
    if not _leads_into_the_quote(tokens, cue.last + 1):
        return None  # the cue does not lead into this quote
    mention = _subject(tokens, cue.first)
    if mention is None:
        return None
    word = tokens[mention.core_first].lower
    entity: Entity | None
    if mention.head == "pronoun" and word in _FIRST_PERSON:
        entity = quote.entity
    elif mention.head == "pronoun":
        entity = _someone_else(registry, tokens[mention.core_first].start, word, quote.entity)
    elif word in _FIRST_PERSON_POSSESSIVES and mention.head == "person_noun":
        entity = _speaker_s_own(registry, tokens, mention, quote.entity)
    else:
        entity = resolve_mention(registry, body, tokens, mention)
    if entity is None:
        return None
    mention_start, mention_end = tokens[mention.first].start, tokens[mention.last].end
    cue_words = body[tokens[cue.first].start : tokens[cue.last].end]
    return Found(
        start,
        end,
        "direct",
        entity,
        mention_start,
        mention_end,
        cue_words,
        entity.anonymous,
        mention_start,
    )


def _leads_into_the_quote(tokens: list[Token], after_cue: int) -> bool:
    """Do the words after the cue lead straight into the inner quote: "said, '",
    "told me: '", or a short object and a comma ("told my deputy, '", "told him
    months ago, '")?"""
    between = tokens[after_cue:]
    if all(t.lower in _BRIDGE_WORDS for t in between):
        return True
    return (
        len(between) <= _OBJECT_REACH
        and between[-1].text in {",", ":"}
        and not any(t.text in {".", "?", "!", ";"} for t in between)
    )


def _speaker_s_own(
    registry: Registry, tokens: list[Token], mention: Mention, speaker: Entity | None
) -> Entity | None:
    """ "My husband kept saying, '…'" in Kayla Brennan's quote: Brennan's husband,
    someone unnamed."""
    if speaker is None:
        return None
    noun = tokens[mention.core_last].lower
    owner = speaker.name.split()[-1] if speaker.kind == "person" else speaker.name
    position = tokens[mention.core_first].start
    return registry.group(f"{owner}'s {noun}", noun, True, position, member=False)


_OBJECT_REACH = 5  # tokens between a cue and its inner quote: "told my deputy ,"
_FIRST_PERSON_POSSESSIVES = frozenset({"my", "our"})


def _subject(tokens: list[Token], cue_first: int) -> Mention | None:
    """Who speaks the cue: the phrase right before it, or the one opening its clause
    when verbs share a subject ("He looked at me and said")."""
    if cue_first == 0:
        return None
    last = cue_first - 1
    if tokens[last].lower in {"and", "but"}:
        enders = [i for i in range(last) if tokens[i].text in {".", "?", "!"}]
        first = enders[-1] + 1 if enders else 0
        if first >= last:
            return None
        if _is_pronoun(tokens[first]):
            return _pronoun(first)
        return leading_subject(tokens, first, last - 1)
    if _is_pronoun(tokens[last]):
        return _pronoun(last)
    if (
        last >= 1
        and tokens[last - 1].lower in _FIRST_PERSON_POSSESSIVES
        and tokens[last].lower in load_lexicon().person_nouns
    ):
        return Mention(last - 1, last, last - 1, last, "person_noun", appositives=[])  # "my deputy"
    return subject_before(tokens, cue_first, 0, whole=False)


def _is_pronoun(token: Token) -> bool:
    return token.lower in _FIRST_PERSON or token.lower in PRONOUNS


def _pronoun(index: int) -> Mention:
    return Mention(index, index, index, index, "pronoun", appositives=[])


def _someone_else(
    registry: Registry, position: int, pronoun: str, speaker: Entity | None
) -> Entity | None:
    """ "he said" inside a quote: the nearest person before it other than the speaker."""
    wanted = {"he": "male", "she": "female"}.get(pronoun)
    if wanted is None:
        return None
    for entity in registry.before(position):
        if entity is not speaker and entity.kind == "person" and entity.gender in (None, wanted):
            return entity
    return None
