"""Names in the narrative (outside quotes), sighted in body order.

Pronouns and nominals resolve to the nearest compatible entity *named* before
them, whether or not it spoke ("White House press secretary Denise Alvarado was
more direct. "Pass the bill," she said."). This pass records those sightings.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from operator import attrgetter
from typing import AnyStr

from .cues import NOUNISH_FORMS
from .lexicon import Lexicon, word_set
from .lexicon import load as load_lexicon
from .mentions import NON_NAME_CAPITALS, UNNAMED_PEOPLE, head_kind, np_start
from .speakers import (
    _READINGS,
    FIRM_NOUNS,
    NameReading,
    Registry,
    firm_named_after_its_noun,
    group_name,
    shared_reading,
)
from .text import Paragraph, Token
from .views import ParagraphView

PLACE_PREPOSITIONS = word_set("place_prepositions")
RUN_JOINERS = word_set("run_joiners")


def sight_names(body: str, views: list[ParagraphView], registry: Registry) -> None:
    sighter = NameSighter(body, [view.paragraph for view in views], registry)
    for view in views:
        sighter.sight(view)
    if len(views) > 1:
        sighter.lede(views[0], views[1])


class NameSighter:
    """sight_names for a pipeline that makes its views a run of paragraphs at a time:
    each view is sighted as it comes, in body order."""

    def __init__(self, body: str, paras: list[Paragraph], registry: Registry) -> None:
        self.body = body
        self.registry = registry
        self.lexicon = lexicon = load_lexicon()
        self.readings: dict[str, NameReading | None] = {}  # a name recurs: read it once
        # Only paragraphs that withhold a name are searched for unnamed sources.
        self.withholding = _paragraphs_holding(paras, _withholding_offsets(body, lexicon))
        self.title_words = lexicon.title_words
        self.joining, self.run_on = _joining_words(self.title_words)  # once per article

    def sight(self, view: ParagraphView) -> None:
        if view.index in self.withholding:
            _sight_unnamed_sources(self.body, view, self.registry, self.lexicon)
        runs = _name_runs(view, self.title_words, self.joining, self.run_on)
        if runs:  # a paragraph of lower-case words and sentence openers names no one
            _sight_runs(self.body, view, self.registry, self.lexicon, self.readings, runs)

    def lede(self, first: ParagraphView, second: ParagraphView) -> None:
        """Once the first two paragraphs are sighted: see _title_from_a_delayed_lede."""
        _title_from_a_delayed_lede(self.body, [first, second], self.registry, self.lexicon)


def _title_from_a_delayed_lede(
    body: str, views: list[ParagraphView], registry: Registry, lexicon: Lexicon
) -> None:
    """ "A TORY MP claimed … | Nigel Fairbrother, 58, billed …": the person the lede
    describes and the next paragraph names has the lede's description as a title, so
    that "the MP" finds him later."""
    tokens = views[0].tokens
    if len(tokens) < 3 or tokens[0].lower not in _INDEFINITE:
        return
    head = next(
        (
            index
            for index in range(1, min(len(tokens), _LEDE_DESCRIPTION_WORDS + 1))
            if tokens[index].lower in lexicon.person_nouns
            and head_kind(tokens, 0, index, lexicon) == "person_noun"
        ),
        None,
    )
    if head is None:
        return
    start = views[1].paragraph.start
    opening = next(iter(registry.sightings.between(start, start + 2)), None)
    if opening is not None and opening.kind == "person":
        opening.add_title(body[tokens[1].start : tokens[head].end])


_LEDE_DESCRIPTION_WORDS = 5  # "A former county commissioner", "A TORY MP"


def _sight_runs(
    body: str,
    view: ParagraphView,
    registry: Registry,
    lexicon: Lexicon,
    readings: dict[str, NameReading | None],
    runs: list[tuple[int, int]],
) -> None:
    """Sight the names of the paragraph's name runs (name_runs)."""
    tokens = view.tokens
    count = len(tokens)
    for first, last in runs:
        if last - first >= 4:  # only a long run can hold two people's names
            runs = _people_apart(body, tokens, runs)
            break
    for first, last in runs:
        opener = tokens[first]
        position = opener.start
        if first == last:
            # A token's text is its slice of the body and shared_reading's own key for
            # it: its cache is asked directly (most runs are one word, read before).
            key = opener.text
            reading = _READINGS.get(key, _UNREAD)
            if reading is _UNREAD:
                reading = shared_reading(body, tokens, first, last)
        else:
            key = body[position : tokens[last].end]
            reading = readings.get(key, _UNREAD)
            if reading is _UNREAD:
                reading = readings[key] = shared_reading(body, tokens, first, last)
        if reading is None:
            continue  # read first: a third of the runs name no one, wherever they stand
        if first > 0:
            previous = tokens[first - 1].lower
            if previous in PLACE_PREPOSITIONS or (previous == "of" and _named_place(tokens, first)):
                continue  # "in Squirrel Hill", "from Long Island", "the town of Cedar Gulch"
        elif last + 1 < count and tokens[last + 1].text == ":" and _speaker_label(tokens, last):
            continue  # "KERR: I can't explain it": transcript.py reads the label
        else:
            previous = ""
        # Only "the", "of" or a verb of running before a run can make it a place, a
        # thing or a body (the three tests below): one look-up rules most runs out.
        if previous in _PLACING_WORDS:
            kind = reading.kind
            if kind in _PERSON_READINGS and previous == "of" and _office_of(tokens, first):
                continue  # "the mayor of East Harlan": a place, whatever its words look like
            if kind == "single" and _a_thing_by_its_place(tokens, first, lexicon):
                continue  # "in the Bill,", "told the Nation": no one is "the" Bill
            if kind == "person" and _a_body_by_its_place(
                tokens, first, last, lexicon, bool(reading.titles)
            ):
                # "who now runs the Migration Policy Forum": a body, so that a later "she"
                # is not taken to mean it (the reading itself is shared: a new one), named
                # by all its words ("Washington State Ferries" had read as titles and a name).
                name = (
                    reading.name
                    if not reading.titles
                    else key.removesuffix("'s").removesuffix("’s")
                )
                reading = NameReading("organisation", name, [], reading.alias)
        if previous in FIRM_NOUNS:
            reading = firm_named_after_its_noun(tokens, first, reading) or reading
        # A comma beside the name, as appositive_roles needs: rare, and cheaper to test here.
        if reading.kind in _PERSON_READINGS and (
            (previous == "," and first >= 2) or (last + 2 < count and tokens[last + 1].text == ",")
        ):
            roles = appositive_roles(body, view, first, last)
            if roles:  # a reading of its own: the shared one serves every other sighting
                reading = NameReading(
                    reading.kind,
                    reading.name,
                    reading.titles + roles,
                    reading.alias,
                    reading.gender,
                )
        # The registry only reads a reading, so the shared one is passed as it is.
        entity = registry.sight(position, reading)
        if (
            entity is None
            and reading.kind == "single"
            and last + 1 < count
            # _speaks needs a cue word or an age's comma next: most words have neither.
            and (tokens[last + 1].lower in lexicon.cue_forms or tokens[last + 1].text == ",")
            and _speaks(view, first, last, lexicon)
        ):
            registry.named_speaker(position, reading)  # "Vanterpool, 61, answered"


_PERSON_READINGS = frozenset({"person", "single"})


def _people_apart(
    body: str, tokens: list[Token], runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The runs, with "Speaker Randall Tufts and Senate Majority Leader Elaine Harwood"
    cut in two: "and" joins the words of a body's name ("Office of Management and
    Budget"), but between two people's names it joins two people."""
    apart: list[tuple[int, int]] = []
    for first, last in runs:
        if last - first < 4:  # two names either side of "and" take five words
            apart.append((first, last))
            continue
        joiner = next((i for i in range(first + 2, last - 1) if tokens[i].text == "and"), None)
        if (
            joiner is not None
            and _reads_as_person(body, tokens, first, joiner - 1)
            and _reads_as_person(body, tokens, joiner + 1, last)
        ):
            apart += [(first, joiner - 1), (joiner + 1, last)]
            continue
        apart.append((first, last))
    return apart


def _reads_as_person(body: str, tokens: list[Token], first: int, last: int) -> bool:
    reading = shared_reading(body, tokens, first, last)
    return reading is not None and reading.kind == "person"


def _speaker_label(tokens: list[Token], last: int) -> bool:
    """Is the run opening a paragraph an upper-case speaker label before a colon?"""
    return (
        last + 1 < len(tokens)
        and tokens[last + 1].text == ":"
        and all(token.text.isupper() for token in tokens[: last + 1])
    )


_UNREAD = NameReading("", "", [])  # a marker: None is a reading too (no name)


def _named_place(tokens, first: int) -> bool:  # noqa: ANN001
    """ "the town of Cedar Gulch", "the state of Maine": a place by its kind."""
    return (
        first >= 2 and tokens[first - 1].lower == "of" and tokens[first - 2].lower in _PLACE_KINDS
    )


_PLACE_KINDS = word_set("place_kinds")


def _office_of(tokens: list[Token], first: int) -> bool:
    """Does "the mayor of", "the governor of" come right before tokens[first]?"""
    return first >= 2 and tokens[first - 1].lower == "of" and tokens[first - 2].lower in _OFFICES


# Offices held over a place: what follows their "of" is the place, never a person.
_OFFICES = frozenset({"mayor", "governor", "premier", "sheriff", "emir"})


def _a_body_by_its_place(
    tokens: list[Token], first: int, last: int, lexicon: Lexicon, titled: bool
) -> bool:
    """Does where a run of names stands make it a body's name, whatever its words?

    "the Cleveland Fed" (no one is "the" Ann Lee), "who runs Pruitt Castings", "chief
    executive of Pruitt Castings". Kin and company ("the son of Teresa Lopez", "a friend
    of") are not workplaces, and in "the Harbourline group" the body is the group the
    run only qualifies."""
    if first == 0:
        return False
    before = tokens[first - 1]
    if before.lower in _VERBS_OF_RUNNING:
        return True  # "who heads Washington State Ferries", whatever its words read as
    if titled:
        return False  # "the Rev. Al Sharpton", "president of Sen. …": a titled person
    if before.text == "the":
        following = tokens[last + 1].lower if last + 1 < len(tokens) else ""
        return following not in lexicon.org_nominals and following not in lexicon.group_nouns
    # ("at Castlerock Securities" is never sighted: "at" places what follows.)
    return before.lower == "of" and first >= 2 and tokens[first - 2].lower in _WORKPLACE_ROLES


def _a_thing_by_its_place(tokens: list[Token], first: int, lexicon: Lexicon) -> bool:
    """Is the lone capitalised word at tokens[first] a noun phrase's head after "the"
    ("the Bill", "spoke to the Nation said")? Before a noun it may name a person ("the
    Trump administration"), who is sighted."""
    if first == 0 or tokens[first - 1].text != "the":
        return False
    following = tokens[first + 1] if first + 1 < len(tokens) else None
    return (
        following is None
        or not (following.text.isalpha() and following.text.islower())
        or following.lower in lexicon.cue_forms
    )


_VERBS_OF_RUNNING = word_set("verbs_of_running")
_WORKPLACE_ROLES = word_set("workplace_roles")
# The words before a run that _office_of, _a_thing_by_its_place and _a_body_by_its_place
# can read it by (in lower case): after any other word none of them applies.
_PLACING_WORDS = _VERBS_OF_RUNNING | {"the", "of"}


def _sight_unnamed_sources(
    body: str, view: ParagraphView, registry: Registry, lexicon: Lexicon
) -> None:
    """ "A Border Patrol agent in the Tucson Sector, who asked not to be named, disputed
    that." introduces someone the copy later calls "the agent": sight them there.

    Only an indefinite person noun followed by a comma clause that withholds the
    name; a plain "a lawyer" is no one to refer back to.
    """
    tokens, outside = view.tokens, view.outside
    count = len(tokens)
    # A plain loop: map() over an attrgetter and a set's __contains__ costs half as
    # much again per token (instruction counts).
    for start, token in enumerate(tokens):
        if token.lower not in _INDEFINITE or not outside[start]:
            continue
        head = next(
            (
                i
                for i in range(start + 1, min(count, start + 5))
                if tokens[i].lower in lexicon.person_nouns
            ),
            None,
        )
        if head is None:
            continue
        comma = next(
            (i for i in range(head + 1, min(count, head + 8)) if tokens[i].text == ","), None
        )
        if comma is None:
            continue
        aside = " ".join(t.lower for t in tokens[comma + 1 : min(count, comma + 16)])
        if any(phrase in aside for phrase in lexicon.anonymity_phrases):
            name = group_name(body, tokens, start, head)
            registry.group(name, tokens[head].lower, True, tokens[start].start, member=False)


_INDEFINITE = frozenset({"a", "an"})


def _withholding_offsets(body: str, lexicon: Lexicon) -> list[int]:
    """Sorted offsets of the anonymity phrases in `body` ("asked not to be named"),
    if a stem of one is in it as _may_withhold finds them."""
    groups = _phrases_by_stem(lexicon.anonymity_phrases)
    encoded = _encoded(groups)
    if encoded is not None and ("\u212a" not in body or "\u0130" in body):
        # The phrases are searched for first, in a lower-cased copy in bytes: one search
        # per key there costs less than _may_withhold's (up to three a stem, in a str
        # that curly quotes make wider), and most bodies hold no phrase at all.
        offsets = _phrase_offsets(_ascii_lowered(body), encoded)
        if offsets and not _as_written(body, offsets, groups) and not _may_withhold(body):
            return []
        return offsets
    if not _may_withhold(body):
        return []  # decided by a few substring searches in C
    lowered = body.lower()
    if len(lowered) != len(body):
        # "İ" lower-cases to two characters, which would shift every offset after it;
        # the phrases are ASCII, so ASCII lower-casing finds them in place.
        lowered = body.translate(_ASCII_LOWER)
    return _phrase_offsets(lowered, groups)


def _phrase_offsets(lowered: AnyStr, groups: _StemGroups[AnyStr]) -> list[int]:
    """Sorted offsets of the groups' phrases in a lower-cased body."""
    offsets = []
    # A phrase is found where its search key is: eight scans of the body instead of one
    # per phrase, then a comparison in place at the few places a key occurs.
    for stem, phrases in groups:
        at = lowered.find(stem)
        while at >= 0:
            for phrase, lead in phrases:
                if at >= lead and lowered.startswith(phrase, at - lead):
                    offsets.append(at - lead)
            at = lowered.find(stem, at + 1)
    return sorted(offsets)


def _as_written(body: str, offsets: list[int], groups: _StemGroups[str]) -> bool:
    """Is one of the first phrases found in lower case in the body itself? Then its stem
    is, and _may_withhold holds (it is asked otherwise: the phrases are rarely written
    in other cases)."""
    for offset in offsets[:_OFFSETS_CHECKED]:
        for _, phrases in groups:
            for phrase, _ in phrases:
                if body.startswith(phrase, offset):
                    return True
    return False


_OFFSETS_CHECKED = 4  # a bound: past a few, _may_withhold costs less


# Search keys, each with the phrases that hold it and where in them it sits.
_StemGroups = tuple[tuple[AnyStr, tuple[tuple[AnyStr, int], ...]], ...]


def _ascii_lowered(body: str) -> bytes:
    """The body in bytes, one per character, with ASCII letters in lower case and any
    character past Latin-1 as "?": ASCII phrases without a "?" are found in it where
    they are in the body, in any case, at the same offsets.

    Faster than str.lower() (which a curly quote makes slow), and the same for such
    phrases unless the body holds a Kelvin sign and no "İ": str.lower() makes "k" of
    the one, and of the other two characters (so that lower-casing ASCII alone is
    done then anyway).
    """
    return body.encode("latin-1", "replace").lower()


@lru_cache(maxsize=4)
def _encoded(groups: _StemGroups[str]) -> _StemGroups[bytes] | None:
    """_phrases_by_stem's groups in bytes, to be found in _ascii_lowered; None if a
    phrase is not ASCII or holds the "?" that stands for other characters there."""
    if any(not phrase.isascii() or "?" in phrase for _, found in groups for phrase, _ in found):
        return None
    return tuple(
        (stem.encode(), tuple((phrase.encode(), lead) for phrase, lead in found))
        for stem, found in groups
    )


# A word of every anonymity phrase in lexicon/anonymity_phrases.txt (a test checks it).
_WITHHOLDING_STEMS = (
    "nonym",
    "named",
    "identified",
    "authori",
    "amiliar",
    "rivately",
    "briefed",
    "knowledge",
)


def _may_withhold(body: str) -> bool:
    """Is a stem in the body, in lower case, in capitals ("ASKED NOT TO BE NAMED") or
    capitalised ("Asked Not To Be Named")?"""
    # In lower case and capitalised, a stem ends alike: one search for that end rules
    # out both (in most bodies), which matters in a long one.
    for stem, end in _STEM_ENDS:
        if end in body and (stem in body or stem.capitalize() in body):
            return True
    return any(stem.upper() in body for stem in _WITHHOLDING_STEMS)


_STEM_ENDS = tuple((stem, stem[1:]) for stem in _WITHHOLDING_STEMS)
# What the phrases are searched for by (each shared by the phrases that hold it): longer
# than the stems, so that a search of the body skips further at each step (a fifth less
# time), and fewer of them.
_SEARCH_KEYS = (
    "anonymity",
    " be named",
    "to be identified",
    "not authori",
    "familiar with",
    "speaking privately",
    "briefed on",
    "knowledge",
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=4)
def _phrases_by_stem(phrases: tuple[str, ...]) -> _StemGroups[str]:
    """Each search key (_SEARCH_KEYS) with the phrases it is found in and where in them
    it sits."""
    grouped: dict[str, list[tuple[str, int]]] = {}
    for phrase in phrases:
        # A phrase without a search key is its own key: it is still searched for.
        stem = next((key for key in _SEARCH_KEYS if key in phrase), phrase)
        grouped.setdefault(stem, []).append((phrase, phrase.index(stem)))
    return tuple((stem, tuple(found)) for stem, found in grouped.items())


def _paragraphs_holding(paras: list[Paragraph], offsets: list[int]) -> set[int]:
    """Indices of the paragraphs that hold one of the offsets.

    Found from the offsets (an article has a few) rather than by asking every paragraph.
    """
    holding = set()
    for offset in offsets:
        # In body order: only the last paragraph starting at or before `offset` can hold it.
        index = bisect.bisect_right(paras, offset, key=_START) - 1
        if index >= 0 and offset < paras[index].end:
            holding.add(index)
    return holding


_START = attrgetter("start")  # a key bisect calls in C


def appositive_roles(body: str, view: ParagraphView, first: int, last: int) -> list[str]:
    """Roles set off by commas around a name.

    "the ministry's spokesman, Ali Khan," and "Ali Khan, the spokesman," both give
    Ali Khan the role "spokesman" (with its qualifiers).
    """
    tokens = view.tokens
    roles = []
    lexicon = load_lexicon()
    if (
        first >= 2
        and tokens[first - 1].text == ","
        and view.outside[first - 2]
        and _may_head_a_role(tokens[first - 2], lexicon)
    ):
        start = np_start(tokens, first - 2, max(0, first - 10))
        if start is not None and head_kind(tokens, start, first - 2) == "person_noun":
            roles.append(_role_text(body, tokens, start, first - 2))
    if last + 2 < len(tokens) and tokens[last + 1].text == ",":
        count = len(tokens)
        end = _aside_end(tokens, last + 2, last + 12 if last + 12 < count else count)
        if end is not None and end - 1 >= last + 2:
            # "Ali Khan, the spokesman," / "Nigel Fairbrother, the Tory MP for Wexley,"
            head = _role_head(tokens, last + 2, end - 1)
            if _may_head_a_role(tokens[head], lexicon):
                start = np_start(tokens, head, last + 2)
                if start == last + 2 and head_kind(tokens, start, head) == "person_noun":
                    roles.append(_role_text(body, tokens, start, end - 1))
    return roles


def _role_head(tokens: list[Token], first: int, last: int) -> int:
    """The last word of a role before what places it ("MP" in "the Tory MP for
    Wexley", "mayor" in "the mayor of Springfield")."""
    for index in range(first + 1, last):
        if tokens[index].lower in _ROLE_PLACERS:
            return index - 1
    return last


_ROLE_PLACERS = frozenset({"for", "of", "from"})


def _aside_end(tokens: list[Token], start: int, stop: int) -> int | None:
    """The first comma, period or semicolon in tokens[start:stop], or None."""
    for index in range(start, stop):  # a loop: a generator in next() costs twice as much
        if tokens[index].text in _ASIDE_ENDS:
            return index
    return None


_ASIDE_ENDS = frozenset({",", ".", ";"})


def _may_head_a_role(head: Token, lexicon: Lexicon) -> bool:
    """Could head_kind call a phrase ending in `head` a person noun? Most words beside
    a name cannot ("Lee, 61,", "on Tuesday, Lee"): told by a look-up, not a parse."""
    lower = head.lower
    return (
        head.text == ")"  # head_kind looks before the brackets
        or lower in lexicon.person_nouns
        or lower in lexicon.party_members
        or lower in UNNAMED_PEOPLE
    )


def _role_text(body: str, tokens, first: int, last: int) -> str:  # noqa: ANN001
    text = body[tokens[first].start : tokens[last].end]
    for article in ("the ", "The ", "a ", "an ", "A ", "An "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def name_runs(view: ParagraphView, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Maximal stretches of capitalised words (with titles and joiners) outside quotes."""
    return _name_runs(view, lexicon.title_words, *_joining_words(lexicon.title_words))


def _name_runs(
    view: ParagraphView,
    title_words: frozenset[str],
    joining: frozenset[str],
    run_on: frozenset[str],
) -> list[tuple[int, int]]:
    """name_runs, with the word sets it reads (_joining_words) passed in."""
    tokens, outside = view.tokens, view.outside
    runs: list[tuple[int, int]] = []
    length = len(tokens)
    index = 0  # the first token no run has taken yet
    # Every run holds a capital: a run opens at a capital, or at the title word just
    # before one ("host Maya Castellano"), so only capitals need reading: the view
    # noted them while tokenising (Token.is_capitalised, inside quotes too).
    for capital in view.capitals:
        # A capital in a quote opens no run, and the title word before it would make a
        # run of one lower-case word, which names no one: both are passed over.
        if capital < index or not outside[capital]:
            continue
        titled = capital - 1
        if titled >= index and outside[titled] and tokens[titled].lower in title_words:
            index = _take_run(tokens, outside, titled, length, joining, title_words, runs)
            if capital < index:
                continue
        following = capital + 1
        token = tokens[capital]
        if following < length and outside[following]:
            after = tokens[following]
            if (
                after.text[0].isupper()
                or after.lower in run_on  # a joiner, a title word or a bracket
                or (token.text[-1] == "s" and token.text.endswith(_POSSESSIVE_ENDS))
            ):
                index = _take_run(tokens, outside, capital, length, joining, title_words, runs)
                continue
        # A capital on its own, as most are ("The", "Shares"): a run of one word.
        index = following
        if token.lower not in NON_NAME_CAPITALS:
            runs.append((capital, capital))
    return runs


_BRACKETS = frozenset({"(", ")"})


def _take_run(
    tokens: list[Token],
    outside: list[bool],
    start: int,
    count: int,
    joining: frozenset[str],
    title_words: frozenset[str],
    runs: list[tuple[int, int]],
) -> int:
    """Extend a run from tokens[start], add it to `runs` if it names, and return where it stops."""
    last = start
    index = start + 1
    # A possessive ends the name: "Ruth Calloway's memoir".
    start_text = tokens[start].text
    if not (start_text[-1] == "s" and start_text.endswith(_POSSESSIVE_ENDS)):
        while index < count and outside[index]:
            token = tokens[index]
            text = token.text
            if text[0].isupper() or text == "(" or (text == ")" and last == index - 1):
                last = index
                index += 1
                if text[-1] == "s" and text.endswith(_POSSESSIVE_ENDS):
                    break
            elif (
                token.lower in joining  # a joiner or a title word
                and index + 1 < count
                and (tokens[index + 1].text[0].isupper() or tokens[index + 1].lower in title_words)
            ):
                index += 1
            else:
                break
    first = start
    while first < last and tokens[first].lower in NON_NAME_CAPITALS:
        first += 1
    opener = tokens[first]
    if (opener.text[:1].isupper() and opener.lower not in NON_NAME_CAPITALS) or (
        opener.lower in title_words and last > first + 1  # "host Maya Castellano"
    ):
        runs.append((first, last))
    return index


# (Tested after a comparison of the last character, which most words fail: that
# costs half of a call to endswith.)
_POSSESSIVE_ENDS = ("'s", "’s")


@lru_cache(maxsize=4)
def _joining_words(title_words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Words that carry a run on to a capital after them (joiners and title words),
    and those with the brackets: the lower-case forms a capital's run goes on with."""
    joining = RUN_JOINERS | title_words
    return joining, joining | _BRACKETS


def _speaks(view: ParagraphView, first: int, last: int, lexicon: Lexicon) -> bool:
    """Is the name at tokens[first..last] the subject of a cue ("Kerr said", "Vanterpool,
    61, said"), not a modifier of a noun that looks like one ("in a Facebook post")?"""
    tokens = view.tokens
    following = last + 1
    if (
        following < len(tokens)
        and tokens[following].text in NOUNISH_FORMS
        and first > 0
        and tokens[first - 1].lower in _NOUN_PHRASE_OPENERS
    ):
        return False
    if (
        following + 2 < len(tokens)
        and tokens[following].text == ","
        and tokens[following + 1].text.isdigit()
    ):
        following += 3  # an age
    return following < len(tokens) and tokens[following].lower in lexicon.cue_forms


_NOUN_PHRASE_OPENERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my"})
