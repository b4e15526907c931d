"""Stage 5: speakers — one canonical speaker per person or body in an article.

Named mentions are canonicalised ("Gen Kurilla", "Kurilla" and "General Michael
Erik Kurilla" are one person "Michael Erik Kurilla" with title "General"; "The
Inter-Services Public Relations (ISPR)" defines the alias ISPR). Pronouns and
nominals ("she", "the minister", "the ministry", "the aides") resolve to the
nearest compatible entity named before them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .lexicon import Lexicon, read_entries, word_set
from .lexicon import load as load_lexicon
from .mentions import (
    DETERMINERS,
    MONTHS,
    NON_NAME_CAPITALS,
    QUANTIFIERS,
    QUESTION_LEAD_INS,
    Mention,
)
from .text import PARAGRAPH_BREAK, WEEKDAYS, Token, tokenise

_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,5}s?$")  # ISPR, USTR; not a WASHINGTON dateline
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]{1,6}$")
MALE_HONORIFICS = word_set("male_honorifics")
FEMALE_HONORIFICS = word_set("female_honorifics")
NAME_JOINERS = word_set("name_joiners")


# One entity per person or body: equal only to itself, and hashable. Slots: the
# registry makes a dozen an article, and _new_entity makes one for half the cost.
@dataclass(eq=False, slots=True)
class Entity:
    name: str
    kind: str  # person | organisation | group
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    anonymous: bool = False
    quotes: int = 0
    # The registry's set of the names its bodies answer to, for a body (Registry.
    # _register_body): an alias added here is added there too.
    known_names: set[str] | None = field(default=None, repr=False)
    # Bare nominals the article has used for it ("the company"): they find it again,
    # but are no names of its own, so no alias (an alias is searched corpus-wide).
    nominals: list[str] = field(default_factory=list, repr=False)

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower() if self.name else ""

    @property
    def head(self) -> str:
        """The noun a group is named by: "pal" in "pal of the MP", "person" in "person
        close to her" (the surname for anyone else)."""
        words = self.name.lower().split()
        for index in range(1, len(words)):
            if words[index] in _POSTMODIFYING_WORDS:
                return words[index - 1]
        return words[-1] if words else ""

    def add_title(self, title: str) -> None:
        # "Its deputy commissioner", "his spokesman": the pronoun means nothing once the
        # title is read apart from its sentence, so it is left out.
        title = title.strip(" ,")
        if title[:1] in _POSSESSIVE_INITIALS:  # most titles open otherwise: no regex run
            title = _LEADING_POSSESSIVE.sub("", title)
        if title and title not in self.titles and title != self.name:
            self.titles.append(title)

    def add_alias(self, alias: str) -> None:
        alias = alias.strip(" ,")
        if alias and alias not in self.aliases and alias != self.name:
            self.aliases.append(alias)
            if self.known_names is not None:
                self.known_names.add(alias.lower())


def _new_entity(name: str, kind: str) -> Entity:
    """Entity(name, kind), made without the dataclass's __init__ (its three list
    factories cost half as much again): the registry's new people and bodies."""
    entity = _new(Entity)
    entity.name = name  # in the fields' order, as __init__ stores them
    entity.kind = kind
    entity.titles = []
    entity.aliases = []
    entity.gender = None
    entity.anonymous = False
    entity.quotes = 0
    entity.known_names = None
    entity.nominals = []
    return entity


_new = object.__new__


@dataclass
class NameReading:
    """What a capitalised run says about who it names."""

    kind: str
    name: str
    titles: list[str]
    alias: str | None = None
    gender: str | None = None


def _join(tokens: list[Token], first: int, last: int, body: str) -> str:
    if first > last:
        return ""
    return body[tokens[first].start : tokens[last].end]


def _is_title_token(token: Token, lexicon: Lexicon) -> bool:
    text = token.text
    if "." in text or "-" in text:
        bare = text.replace(".", "").lower().removesuffix("-elect")  # "President-elect"
    else:
        bare = token.lower  # the same, for most words
    return (
        bare in lexicon.honorifics
        or token.lower in lexicon.title_words
        or bare in lexicon.title_words
    )


def read_name(body: str, tokens: list[Token], first: int, last: int) -> NameReading | None:
    """Classify tokens[first..last] (a capitalised run with its titles) as a person or a body."""
    known = shared_reading(body, tokens, first, last)
    if known is None:
        return None
    # A copy: callers add titles to the reading they get.
    return NameReading(known.kind, known.name, list(known.titles), known.alias, known.gender)


def shared_reading(body: str, tokens: list[Token], first: int, last: int) -> NameReading | None:
    """read_name's reading itself, shared by every run that reads the same: never modify it."""
    # The reading depends only on the run's text and where its tokens fall in it
    # (token texts are body slices), and names recur within and across articles.
    key: _ReadingKey
    if first == last:
        key = tokens[first].text  # one token spans the text: the text says it all
    elif first > last:
        return None
    else:
        base = tokens[first].start
        text = body[base : tokens[last].end]
        if first + 1 == last:  # the first starts and the last ends with the text
            key = (text, tokens[last].start - base, tokens[first].end - base)
        else:
            # Where each token ends and the next starts (the first starts and the last
            # ends with the text), in one pass: two comprehensions cost half as much again.
            bounds: list[str | int] = [text]
            previous = tokens[first]
            for token in tokens[first + 1 : last + 1]:
                bounds.append(previous.end - base)
                bounds.append(token.start - base)
                previous = token
            key = tuple(bounds)
    known = _READINGS.get(key, _UNREAD)  # one look-up: safe if another thread clears
    if known is _UNREAD:
        if len(_READINGS) >= _READINGS_KEPT:
            _READINGS.clear()  # a bound on memory over a long ingest run
        known = _READINGS[key] = _read_name_once(body, tokens, first, last)
    return known


# A run's text, with where its tokens start and end in it when more than one token shares it.
_ReadingKey = str | tuple[str, int, int] | tuple[str | int, ...]
_READINGS: dict[_ReadingKey, NameReading | None] = {}
_READINGS_KEPT = 20_000
_UNREAD = NameReading("", "", [])  # a marker: None is a valid (negative) reading


def _read_name_once(body: str, tokens: list[Token], first: int, last: int) -> NameReading | None:
    reading = _read_name(body, tokens, first, last)
    if reading is not None and reading.name.endswith(("'s", "’s")):
        reading.name = reading.name[:-2]  # "Ruth Calloway's memoir" names Ruth Calloway
    return reading


def _is_descriptor(word: str) -> bool:
    """ "Mum-of-three", "Father-of-two": a tabloid's description before a name."""
    return "-of-" in word and word.count("-") == 2  # split on "-": three parts, "of" between


_PLACE_PREFIXES = word_set("place_prefixes")
_TEXTS_OF_LAW = frozenset(
    {"amendment", "act", "constitution", "treaty", "accord", "accords", "charter", "statute"}
)
_PARTY_LETTERS = frozenset({"D.", "R.", "I.", "D", "R", "I"})


def _party_bracket_start(tokens: list[Token], first: int, last: int) -> int | None:
    """Index of the "(" of a party tag closing the run ("(D., Ore.)", "(R-N.Y.)"), or None."""
    if tokens[last].text != ")":
        return None
    for index in range(last - 1, max(first, last - 5), -1):
        if tokens[index].text == "(":
            inner = tokens[index + 1].text
            if inner in _PARTY_LETTERS or _PARTY_TAG.match(inner):
                return index
            return None
    return None


_PARTY_TAG = re.compile(r"^[DRI]-[A-Z]")
_SEATS_OF_GOVERNMENT = frozenset(read_entries("seats_of_government"))  # "the Kremlin said"


def _before_bracketed_note(tokens: list[Token], first: int, last: int) -> int:
    """The run's last word before a few words in brackets that close it (a
    constituency, a state, a party: "Aisha Musa (Kano South)"); `last` if none."""
    for index in range(last - 1, max(first, last - 5), -1):
        if tokens[index].text == "(":
            return index - 1
    return last


def _person_of_body(body: str, tokens: list[Token], first: int, last: int) -> NameReading | None:
    """ "Jane Doe of the Brookings Institution", "Vincent Gallo-Reyes of Keystone Ridge
    Partners": a person, with the body as their title."""
    if last - first < 3 or not _first_name(tokens[first].text, load_lexicon(), 0):
        return None  # no room for "of" and a body; "Economic Community of West African States"
    of = next((i for i in range(first + 2, last) if tokens[i].lower == "of"), None)
    if of is None:
        return None
    person = _read_name(body, tokens, first, of - 1)
    if person is None or person.kind != "person" or person.titles:
        return None  # "Bank of America", "Secretary of State" are no person of a body
    body_first = of + 2 if tokens[of + 1].lower == "the" else of + 1
    if body_first > last:
        return None
    person.titles = [_join(tokens, body_first, last, body)]
    return person


def _read_name(body: str, tokens: list[Token], first: int, last: int) -> NameReading | None:
    if first == last:
        return _read_word(body, tokens[first])  # half of the runs read: a word alone
    lexicon = load_lexicon()
    while first <= last and (
        tokens[first].lower in DETERMINERS
        or tokens[first].lower in QUANTIFIERS
        or (first < last and _is_descriptor(tokens[first].text))
    ):
        first += 1
    if first > last:
        return None
    alias = None
    if tokens[last].text == ")":  # most runs end in a word: no bracket to read
        party_bracket = _party_bracket_start(tokens, first, last)
        if party_bracket is not None:
            last = party_bracket - 1  # "Sen. Howard Fenwick (D., Ore.)": party and state
        elif last - 2 >= first and tokens[last - 2].text == "(":
            alias = tokens[last - 1].text
            last -= 3
        else:
            last = _before_bracketed_note(tokens, first, last)  # "Aisha Musa (Kano South)"
    if first > last or tokens[last].lower in _TEXTS_OF_LAW:
        return None  # "the First Amendment", "the Affordable Care Act": texts, not speakers
    if last > first and tokens[last].lower == "bill":
        return None  # "the Finance Bill", "the Farm Bill" (a lone "Bill" is a first name)
    if first == last and alias is None:
        return _read_word(body, tokens[first])  # "the Pentagon", "Fenwick (D., Ore.)"
    if alias is not None and _BODY_ACRONYM.fullmatch(alias) and first < last:
        # "Alternative for Germany (AfD)": a name given an acronym is a body's; no
        # person is known by one
        return NameReading("organisation", body[tokens[first].start : tokens[last].end], [], alias)
    person = _read_person(body, tokens, first, last, lexicon)
    if person is not None:
        return person
    # (A person, "of" and a body take four words: most runs are shorter.)
    affiliated = _person_of_body(body, tokens, first, last) if last - first >= 3 else None
    if affiliated is not None:
        return affiliated
    words = [t.text for t in tokens[first : last + 1]]
    text = body[tokens[first].start : tokens[last].end]  # _join: first <= last here
    bare_last = _without_possessive(words[-1])
    if (
        not lexicon.org_words.isdisjoint(words)
        or bare_last in lexicon.org_words  # "the National Assembly's"
        or text.lower() in lexicon.countries
        or text in _SEATS_OF_GOVERNMENT
    ):
        return NameReading("organisation", text, [], alias)
    if len(words) == 1 and _ACRONYM.match(words[0]):
        return NameReading("organisation", text, [], alias)
    if len(words) >= 3 and words[1].lower() in _CAUSE_WORDS and _for_a_cause(words):
        return NameReading("organisation", text, [], alias)  # "Americans for Prosperity"
    if len(words) >= 3 and not _JURISDICTIONS.isdisjoint(words[1:-1]):
        return _placed_body_or_officer(body, tokens, first, last, alias, lexicon)
    if _body_words_inside(words):
        return NameReading("organisation", text, [], alias)  # "Allied Care Workers Local 9"
    if "&" in words[1:-1] and words[0][:1].isupper() and words[-1][:1].isupper():
        return NameReading("organisation", text, [], alias)  # "Harrow & Finch": a firm
    name_words = [w for w in words if w[:1].isupper()]
    if len(name_words) >= 3 and not _BODY_JOINERS.isdisjoint(words):
        return NameReading("organisation", text, [], alias)  # United Food and Commercial Workers
    # "Ann Park", and a lone "Park" or "Hill" (a surname where it speaks): not places.
    first_name = len(words) == 1 or (
        len(words) == 2 and (words[0] in lexicon.female_names or words[0] in lexicon.male_names)
    )
    if (bare_last in lexicon.place_words and not first_name) or (
        bare_last.lower() in lexicon.party_members
    ):
        return None  # "Squirrel Hill", "the Idaho Republican": a place, a nominal
    if _plural_demonym_lower(bare_last.lower()):
        return None  # "North Carolinians", "Texans": people of a place, not a person
    if len(words) > 1 and words[0].lower() in _PLACE_PREFIXES:
        return None  # "Port Calder", "Fort Dodge", "Mount Vernon": places
    if len(words) > 1 and text.isupper():
        return None  # "OKLAHOMA CITY —": a dateline, not a person
    if len(name_words) == len(words) and NON_NAME_CAPITALS.isdisjoint(map(str.lower, words)):
        if len(words) >= 2 and not any(
            w.lower() in WEEKDAYS or (w.lower() in MONTHS and not _first_name(w, lexicon, i))
            for i, w in enumerate(words)
            if w.lower() in _DATE_WORDS  # a look-up first: most words are neither
        ):
            return NameReading("person", text, [], alias)
        if len(words) == 1 and words[0].lower() not in WEEKDAYS and words[0].lower() not in MONTHS:
            return NameReading("single", text, [], alias)
    return None


# An acronym in brackets after a name: two to eight letters, mostly capitals ("AfD").
_BODY_ACRONYM = re.compile(r"[A-Z][A-Za-z]{0,6}[A-Z]")


def _read_word(body: str, token: Token) -> NameReading | None:
    """_read_name of one token, with only the tests that can decide a lone word: no
    title can precede it, no "of" join a body to it, no bracket close it."""
    lower = token.lower
    if lower in DETERMINERS or lower in QUANTIFIERS or lower in _TEXTS_OF_LAW:
        return None
    text = token.text  # a token's text is its slice of the body
    lexicon = load_lexicon()
    # "the Navy's new frigates" names the Navy (most words end in neither character
    # a possessive can end in: no call needed).
    last_character = text[-1]
    bare = text if last_character != "s" and last_character != "\n" else _without_possessive(text)
    bare_lower = lower if bare is text else bare.lower()
    if (
        bare in lexicon.org_words
        or bare_lower in lexicon.countries
        or bare in _SEATS_OF_GOVERNMENT  # "the Kremlin"; a quote's words are one token
        or (_ACRONYM.match(text) and text not in _TIME_ZONES)  # "5 p.m. EDT" is no body
    ):
        return NameReading("organisation", text, [])
    if (
        bare_lower in lexicon.party_members
        or _plural_demonym_lower(bare_lower)
        or lower in lexicon.group_nouns
    ):
        # "the Idaho Republican" (a nominal), "Texans" (people of a place), "Critics say"
        # (a group opening a sentence: no one's surname, so no "she" can mean it)
        return None
    if (
        text[:1].isupper()
        and lower not in NON_NAME_CAPITALS
        and lower not in WEEKDAYS
        and lower not in MONTHS
    ):
        return NameReading("single", text, [])
    return None


def _without_possessive(word: str) -> str:
    """ "Calloway's" -> "Calloway" (re.sub(r"['’]s$", "", word), without the regex)."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'s\n", "’s\n")):
        return word[:-3] + "\n"  # "$" also matches before a final line break
    return word


_BODY_JOINERS = frozenset({"and", "of", "for", "&"})
_DATE_WORDS = WEEKDAYS | MONTHS
_JURISDICTIONS = frozenset(
    {"County", "City", "Township", "Parish", "Borough", "District", "Province", "State"}
)
_BODY_NAME_WORDS = frozenset(read_entries("body_name_words"))
_NUMBERED_UNITS = frozenset(read_entries("numbered_units"))


def _placed_body_or_officer(
    body: str, tokens: list[Token], first: int, last: int, alias: str | None, lexicon: Lexicon
) -> NameReading:
    """ "Cadwell County Regional": a body named for a place; "Harlan County Clerk Elaine
    Mercado": its officer, named from the first name on."""
    for index in range(first + 2, last):
        if _first_name(tokens[index].text, lexicon, 0):
            name = _join(tokens, index, last, body)
            return NameReading("person", name, [_join(tokens, first, index - 1, body)])
    return NameReading("organisation", _join(tokens, first, last, body), [], alias)


def _for_a_cause(words: list[str]) -> bool:
    """ "Americans for Prosperity", "Mothers Against Drunk Driving", "Doctors Without
    Borders": people named in the plural, for or against a capitalised cause, are a
    body (words[1] is known to be one of _CAUSE_WORDS)."""
    first = words[0]
    return (
        first[:1].isupper()
        and (first.endswith("s") or first == "People")
        and (words[2][:1].isupper())
    )


_CAUSE_WORDS = frozenset({"for", "against", "without"})


def _body_words_inside(words: list[str]) -> bool:
    """ "United Auto Workers", "Fraternal Order of Police Lodge 7", "Local 32BJ": a
    members' body by a word after its first, or by a numbered branch."""
    if not _BODY_NAME_WORDS.isdisjoint(words[1:]):
        return words[0][:1].isupper()
    if _NUMBERED_UNITS.isdisjoint(words):
        return False  # most names: no "Local" or "Lodge" to number
    return any(
        word in _NUMBERED_UNITS and following[:1].isdigit()
        for word, following in zip(words, words[1:], strict=False)
    )


def _plural_demonym_lower(lower: str) -> bool:
    return lower.endswith("ians") or (lower.endswith("s") and lower[:-1] in DEMONYMS)


DEMONYMS = frozenset(entry.lower() for entry in read_entries("demonyms"))


def _first_name(word: str, lexicon: Lexicon, position: int) -> bool:
    """A month word leading a name is a first name: "June Haverkamp", "April Ryan"."""
    return position == 0 and (word in lexicon.female_names or word in lexicon.male_names)


def _read_person(
    body: str, tokens: list[Token], first: int, last: int, lexicon: Lexicon
) -> NameReading | None:
    """Titles then a name: "Senate Majority Leader Harold Brennan", "Sen. X of Kansas"."""
    honorifics, title_words = lexicon.honorifics, lexicon.title_words
    for token in tokens[first:last]:
        # _is_title_token, inlined for the words without a dot or hyphen (most).
        text = token.text
        if "." in text or "-" in text:
            if _is_title_token(token, lexicon):
                break
        elif token.lower in honorifics or token.lower in title_words:
            break
    else:
        return None  # a title must precede the name's last word: most names have none
    for index in range(first + 1, last):
        if tokens[index].lower == "of" and tokens[index - 1].text[:1].isupper():
            before = _read_person(body, tokens, first, index - 1, lexicon)
            if before is not None:
                return before
            break
    name_first = last + 1
    index = last
    while index >= first:
        token = tokens[index]
        if _is_title_token(token, lexicon) or token.text in lexicon.org_words:
            break
        if not (token.text[:1].isupper() or token.lower in NAME_JOINERS) or _ACRONYM.match(
            token.text
        ):
            break
        name_first = index
        index -= 1
    if name_first > last or name_first == first:
        return None  # no name, or no title before it (plain names are read later)
    title_token = tokens[name_first - 1]
    if not _is_title_token(title_token, lexicon):
        return None
    if title_token.text[:1].isupper() and _body_of(tokens, first, name_first - 1, lexicon):
        return None  # "National Conference of State Legislatures": a body's whole name
    name = _join(tokens, name_first, last, body)
    if name.lower() in lexicon.countries:
        return None
    titles = _split_titles(body, tokens, first, name_first - 1, lexicon)
    gender = None
    for token in tokens[first:name_first]:
        bare = token.text.replace(".", "").lower()
        if bare in MALE_HONORIFICS:
            gender = "male"
        elif bare in FEMALE_HONORIFICS:
            gender = "female"
    return NameReading("person", name, titles, gender=gender)


def _body_of(tokens: list[Token], first: int, last: int, lexicon: Lexicon) -> bool:
    """Is there a body's word before an "of" in tokens[first..last] ("Conference of")?"""
    return any(
        tokens[index].text in lexicon.org_words and tokens[index + 1].lower == "of"
        for index in range(first, last)
    )


def _split_titles(
    body: str, tokens: list[Token], first: int, last: int, lexicon: Lexicon
) -> list[str]:
    """ "Sen." and "Mr" stand alone; the rest of the prefix is one title."""
    titles = []
    rest_first = first
    for index in range(first, last + 1):
        bare = tokens[index].text.replace(".", "").lower()
        if index == rest_first and bare in lexicon.honorifics and bare not in lexicon.title_words:
            titles.append(tokens[index].text)
            rest_first = index + 1
    if rest_first <= last:
        titles.append(_join(tokens, rest_first, last, body))
    return titles


# Documents that speak for whoever put them out ("the memo said"), as org nominals.
AUTHORED_DOCUMENTS = word_set("authored_documents")
# Of those, the ones that speak as a body of their own when no author is known ("the
# report said", read as a nominal); a memo, a letter or a filing with no author: no one.
_DOCUMENTS_THAT_SPEAK = frozenset({"statement", "report"})
_DOCUMENT_DETERMINERS = frozenset({"a", "an", "its", "his", "her", "their", "the"})


# How many of the latest reported clauses an unnamed single source may have reported
# for a pronoun to mean them (Registry._nearer_lone_source).
_LONE_SOURCE_CLAUSES = 3
# How many sightings back pronouns and nominals look for what they refer to.
NEARBY = 40


class Sightings:
    """Entities with the offsets where they were sighted, in body order (ties in the
    order they were noted, as bisect_right places them).

    Kept in blocks of a few hundred rather than one list: the names stage notes its
    sightings in body order, but the quote stages then note theirs all over the
    article, and in a long one each such note would move half of one long list.
    """

    def __init__(self) -> None:
        # Parallel blocks of offsets and entities, and the first offset of each block.
        self._offsets: list[list[int]] = [[]]
        self._entities: list[list[Entity]] = [[]]
        # The first block's first offset is never compared (bisects start at 1): any
        # offset before the second block's first one belongs in the first block.
        self._firsts: list[int] = [-1]

    def add(self, position: int, entity: Entity) -> None:
        offsets = self._offsets[-1]
        if not offsets or position >= offsets[-1]:
            block = len(self._offsets) - 1  # after every sighting: the names stage's case
            offsets.append(position)
            self._entities[-1].append(entity)
        else:
            # The last block whose first offset is at or before `position` holds its place.
            block = bisect.bisect_right(self._firsts, position, 1) - 1
            offsets, entities = self._offsets[block], self._entities[block]
            index = bisect.bisect_right(offsets, position)
            offsets.insert(index, position)
            entities.insert(index, entity)
        if len(offsets) > _SPLIT_AT:
            self._split(block)

    def _split(self, block: int) -> None:
        offsets, entities = self._offsets[block], self._entities[block]
        self._offsets[block : block + 1] = [offsets[:_BLOCK], offsets[_BLOCK:]]
        self._entities[block : block + 1] = [entities[:_BLOCK], entities[_BLOCK:]]
        self._firsts.insert(block + 1, offsets[_BLOCK])

    def _end_before(self, position: int) -> tuple[int, int]:
        """Block and index in it of the first sighting at or after `position`."""
        # The last block starting before `position`; any later one starts at or after it.
        block = bisect.bisect_left(self._firsts, position, 1) - 1
        return block, bisect.bisect_left(self._offsets[block], position)

    def recent(self, position: int, reach: int) -> list[Entity]:
        """Up to `reach` entities sighted before `position`, nearest first."""
        block = bisect.bisect_left(self._firsts, position, 1) - 1  # _end_before, inlined:
        index = bisect.bisect_left(self._offsets[block], position)  # every pronoun asks this
        found = self._entities[block][max(0, index - reach) : index][::-1]
        while len(found) < reach and block > 0:
            block -= 1
            entities = self._entities[block]
            found.extend(entities[max(0, len(entities) - (reach - len(found))) :][::-1])
        return found

    def nearest_fit(
        self, position: int, reach: int, kind: str, gender: str | None = None
    ) -> Entity | None:
        """The nearest entity of `kind` among the `reach` sightings before `position`
        (with `gender` given, of that gender or of none known yet), or None: what a
        pronoun refers to, found in place like nearest_of."""
        block = bisect.bisect_left(self._firsts, position, 1) - 1  # _end_before, inlined
        index = bisect.bisect_left(self._offsets[block], position)
        while True:
            entities = self._entities[block]
            lowest = index - reach if index > reach else 0  # no max(): 3.11's is slow
            for back in range(index - 1, lowest - 1, -1):
                entity = entities[back]
                if entity.kind == kind and (gender is None or entity.gender in (None, gender)):
                    return entity
            reach -= index
            if reach <= 0 or block == 0:
                return None
            block -= 1
            index = len(self._entities[block])

    def nearest_of(self, position: int, wanted: list[Entity], reach: int) -> Entity | None:
        """The nearest of `wanted` among the `reach` sightings before `position`, or None."""
        # Walks back in place rather than copying the sightings: the nearest usually matches.
        block = bisect.bisect_left(self._firsts, position, 1) - 1  # _end_before, inlined
        index = bisect.bisect_left(self._offsets[block], position)
        while True:
            entities = self._entities[block]
            for back in range(index - 1, max(0, index - reach) - 1, -1):
                if entities[back] in wanted:
                    return entities[back]
            reach -= index
            if reach <= 0 or block == 0:
                return None
            block -= 1
            index = len(self._entities[block])

    def last_offset(self, position: int, entity: Entity) -> int | None:
        """Where `entity` was last sighted before `position` (within NEARBY sightings)."""
        block = bisect.bisect_left(self._firsts, position, 1) - 1  # _end_before, inlined
        index = bisect.bisect_left(self._offsets[block], position)
        reach = NEARBY
        while True:
            entities = self._entities[block]
            lowest = index - reach if index > reach else 0
            for back in range(index - 1, lowest - 1, -1):
                if entities[back] is entity:
                    return self._offsets[block][back]
            reach -= index
            if reach <= 0 or block == 0:
                return None
            block -= 1
            index = len(self._entities[block])

    def first_offset(self) -> int | None:
        """Where the first sighting is, or None before any."""
        offsets = self._offsets[0]  # sorted, and the first block is never emptied
        return offsets[0] if offsets else None

    def first_from(self, start: int) -> tuple[int, Entity] | None:
        """The first sighting at or after `start`, with its offset, or None."""
        block, index = self._end_before(start)
        while block < len(self._offsets):
            if index < len(self._offsets[block]):
                return self._offsets[block][index], self._entities[block][index]
            block += 1
            index = 0
        return None

    def between(self, start: int, end: int) -> Iterator[Entity]:
        """Entities sighted at offsets from `start` up to (not including) `end`, in order."""
        block, first = self._end_before(start)
        while block < len(self._offsets):
            offsets, entities = self._offsets[block], self._entities[block]
            for index in range(first, len(offsets)):
                if offsets[index] >= end:
                    return
                yield entities[index]
            block += 1
            first = 0


# "Halvorsen herself", "Okafor himself": a reflexive after a name tells its gender.
_REFLEXIVE = re.compile(r",?\s+(herself|himself)\b")

# "the group Kataib al-Nur", "the militia Jaish al-Adl": a body's name after its kind
# (Arabic names with their lower-case article: "al-Nur").
_NAME_WORD = r"(?:[A-Z][\w'’-]*|(?:al|el|ad|an|as|ash|at|az|bin|ibn|abu)-[A-Z][\w'’-]*)"
_INTRODUCTION_REACH = 3000


@lru_cache(maxsize=64)
def _introductions(head: str) -> re.Pattern[str]:
    """ "the group X" for one kind of body (kinds are few: cached)."""
    return re.compile(rf"\b[Tt]he {re.escape(head)} ([A-Z][\w'’-]*(?:\s+{_NAME_WORD}){{0,4}})")


# How far back "they" looks for the sentence before it; what sentence ends look like.
_SENTENCE_REACH = 400
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
_QUOTE_BEFORE = re.compile(r"[\"”](?:,|\s)\s*$")  # a closing mark ends "“…,” " before it
_OPENING_MARKS = {'"': '"', "”": "“"}
_SENTENCE_OPENERS = frozenset({"but", "and", "still", "meanwhile", "yet", "so", "now"})

_BLOCK = 256  # a block splits in two at twice this: inserts stay short memory moves
_SPLIT_AT = 2 * _BLOCK


class Registry:
    """Entities of one article, with where each was mentioned, in body order."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.entities: list[Entity] = []
        self.sightings = Sightings()
        self.by_surname: dict[str, list[Entity]] = {}
        self.organisations: list[Entity] = []
        self.groups: list[Entity] = []
        self.lexicon = load_lexicon()
        self.position = 0  # where the mention being read sits, for "nearest" choices
        # The last body that spoke through an unnamed spokesperson ("a Pentagon
        # spokesman"): "the spokesman" later in the copy is that body again.
        self.voiced: Entity | None = None
        # Few articles say "herself" or "himself": most sightings need not look for it.
        self._reflexives = "self" in body
        self._second_line: int | None = None  # see _after_first_line
        # The clauses reported so far (start, end, speaker), in body order: see
        # _speaker_who_named.
        self.reported: list[tuple[int, int, Entity]] = []
        # Every name and alias (lower case) any body has had: a word in none of them
        # names no body, which spares looking through the bodies (_single).
        self._body_names: set[str] = set()
        self._role_holders: list[Entity] = []  # see role_holder
        # Unnamed single people who have spoken ("another parent", "a senior official"):
        # "she said" may mean one of them (see pronoun).
        self._lone_sources: list[Entity] = []
        # Documents whose author the copy has named around a cue ("said in a statement",
        # "In a letter to …, Lee wrote"), by their noun: "the statement said" is that author.
        self.document_authors: dict[str, Entity] = {}

    def _register_body(self, entity: Entity) -> None:
        """Add a new body to the registry's bodies, and its names to _body_names."""
        self.organisations.append(entity)
        entity.known_names = self._body_names
        self._body_names.add(entity.name.lower())
        if entity.aliases:  # a new body has none yet: no generator to make for it
            self._body_names.update(alias.lower() for alias in entity.aliases)

    # --- named entities -------------------------------------------------
    def sight(self, position: int, reading: NameReading) -> Entity | None:
        self.position = position
        kind = reading.kind  # find_or_add, inlined: every name in the narrative comes here
        if kind == "single":
            # _single's commonest case, asked here: one person has the word as surname.
            people = self.by_surname.get(reading.name.lower())
            entity = people[0] if people is not None and len(people) == 1 else self._single(reading)
        elif kind == "person":
            entity = self._person(reading)
        else:
            entity = self._organisation(reading)
        if self._reflexives:
            gender = self._reflexive_gender(position, reading.name)
            if gender is not None:
                if entity is None and reading.kind == "single":
                    # "Halvorsen herself has made claims": a person, though not named in full.
                    entity = self._person(NameReading("person", reading.name, reading.titles))
                if entity is not None and entity.kind == "person" and not entity.gender:
                    entity.gender = gender
        if entity is not None:
            # Sightings.add's commonest case, inlined: the names stage sights in body
            # order, so each sighting is appended to the last block.
            sightings = self.sightings
            offsets = sightings._offsets[-1]
            if offsets and (position < offsets[-1] or len(offsets) >= _SPLIT_AT):
                sightings.add(position, entity)
            else:
                offsets.append(position)
                sightings._entities[-1].append(entity)
        return entity

    def _reflexive_gender(self, position: int, name: str) -> str | None:
        """The gender a reflexive after a name tells ("Halvorsen herself"), or None."""
        if not self.body.startswith(name, position):
            return None
        match = _REFLEXIVE.match(self.body, position + len(name))
        if match is None:
            return None
        return "female" if match.group(1) == "herself" else "male"

    def find_or_add(self, reading: NameReading) -> Entity | None:
        if reading.kind == "single":
            return self._single(reading)
        if reading.kind == "person":
            return self._person(reading)
        return self._organisation(reading)

    def _person(self, reading: NameReading) -> Entity:
        words = reading.name.split()
        surname = words[-1].lower()
        if len(words) == 1 and surname in self.by_surname:
            # A one-word name matches anyone of the surname: the loop below would take
            # the last one added, as _latest_of does when none was named near.
            return self._enrich(self._latest_of(self.by_surname[surname]), reading)
        lowered = reading.name.lower()
        for entity in reversed(self.by_surname.get(surname, ())):  # all with this surname
            if entity.name.lower() == lowered:
                return self._enrich(entity, reading)
            if len(words) == 1 or len(entity.name.split()) == 1:
                if len(words) > len(entity.name.split()):
                    entity.add_alias(entity.name)
                    entity.name = reading.name
                return self._enrich(entity, reading)
            if _same_person(entity.name, reading.name):
                return self._enrich(entity, reading)
        entity = _new_entity(reading.name, "person")
        self.entities.append(entity)
        self.by_surname.setdefault(surname, []).append(entity)
        return self._enrich(entity, reading)

    def _latest_of(self, people: list[Entity]) -> Entity:
        """Of two Millers, "Miller" is the one named most recently before here, or else
        the one added last (the people of one surname in by_surname, which holds every
        person under the surname they have now: a rename keeps it)."""
        if len(people) == 1:
            return people[0]  # most surnames: no need to look for where it was named
        return self.sightings.nearest_of(self.position, people, 400) or people[-1]

    def _enrich(self, entity: Entity, reading: NameReading) -> Entity:
        for title in reading.titles:
            entity.add_title(title)
        if not entity.gender:
            entity.gender = reading.gender or self._first_name_gender(entity.name) or entity.gender
        if reading.name != entity.name:
            entity.add_alias(reading.name)
        return entity

    def _first_name_gender(self, name: str) -> str | None:
        """ "Ann Lee" is a woman; a lone surname, or a first name given to both, says nothing."""
        words = name.split()
        if len(words) < 2:
            return None
        female = words[0] in self.lexicon.female_names
        male = words[0] in self.lexicon.male_names
        if female and not male:
            return "female"
        if male and not female:
            return "male"
        return None

    def _recent_bodies(self) -> Iterator[Entity]:
        """The bodies met so far, latest first, up to BODIES_SEARCHED of them: a name
        is looked for among them, and a bound keeps an article that names thousands
        of bodies linear (news copy names a few dozen at most)."""
        return islice(reversed(self.organisations), BODIES_SEARCHED)

    def _organisation(self, reading: NameReading) -> Entity:
        name = reading.name
        if name.lower().startswith("the "):
            name = name[4:]
        key = name.lower()
        initials = _acronym_letters(name)
        alias = reading.alias
        bodies = (
            self._recent_bodies()
            if initials is not None
            or key in self._body_names
            or (alias and alias.lower() in self._body_names)
            else ()  # no body answers to its name or alias: a new body (most)
        )
        for entity in bodies:
            if initials is not None and initials in _initials_of(entity.name):
                entity.add_alias(name)  # "DOI" for the Department of Investigation
                return entity
            # _answers_to, with its first test inlined: a body is most often named alike.
            if entity.name.lower() == key or key in map(str.lower, entity.aliases):
                if reading.alias:
                    entity.add_alias(reading.alias)
                return entity
            if reading.alias and reading.alias.lower() in (
                entity.name.lower(),
                *(a.lower() for a in entity.aliases),
            ):
                former, entity.name = entity.name, name
                self._body_names.add(key)
                entity.add_alias(former)  # "ISPR" stays an alias of its full name
                return entity
        entity = _new_entity(name, "organisation")
        if reading.alias:
            entity.add_alias(reading.alias)
        self.entities.append(entity)
        self._register_body(entity)
        return entity

    def _single(self, reading: NameReading) -> Entity | None:
        word = reading.name
        key = word.lower()
        people = self.by_surname.get(key)
        if people:  # most capitalised words name no one: one look-up decides
            # (_latest_of's commonest case, one person of the surname, asked here.)
            return people[0] if len(people) == 1 else self._latest_of(people)
        if key in self._body_names:
            for entity in self._recent_bodies():
                if _answers_to(entity, key):
                    return entity
        # (An acronym has at most seven characters, and "$" lets a line break follow:
        # most words are too long to need the regex.)
        if key in self.lexicon.countries or (
            len(word) <= 8 and _ACRONYM.match(word) and word not in _TIME_ZONES  # "12.03 EDT"
        ):
            return self._organisation(NameReading("organisation", word, []))
        return None

    def named_speaker(self, position: int, reading: NameReading) -> Entity | None:
        """The entity a speaker mention names; a lone unknown word is taken as a surname."""
        self.position = position
        kind = reading.kind  # find_or_add, inlined: every speaker named comes here
        if kind == "single":
            # _single's commonest case, asked here: one person has the word as surname.
            people = self.by_surname.get(reading.name.lower())
            if people is not None and len(people) == 1:
                entity = people[0]
            else:
                entity = self._single(reading) or self._person(
                    NameReading("person", reading.name, reading.titles)
                )
        elif kind == "person":
            entity = self._person(reading)
        else:
            entity = self._organisation(reading)
        if entity is not None:
            self.sightings.add(position, entity)
        return entity

    # --- pronouns and nominals ------------------------------------------
    def before(self, position: int) -> list[Entity]:
        """Entities sighted before `position`, nearest first."""
        # A dict keeps each entity where it first appears, nearest first, in C.
        return list(dict.fromkeys(self.sightings.recent(position, NEARBY)))

    def someone_else_between(self, start: int, end: int, entity: Entity | None) -> bool:
        """Is a person other than `entity` named between two offsets?"""
        for other in self.sightings.between(start, end):
            if other is not entity and other.kind in {"person", "group"}:
                return True
        return False

    def pronoun(self, position: int, pronoun: str) -> Entity | None:
        # "he", "she" and "it" take the nearest fit: repeated sightings cannot change
        # which one that is, so they are walked as they are, without dropping repeats.
        wanted = _PRONOUN_GENDERS.get(pronoun)  # "Her remarks …": she
        if wanted is not None:
            if len(self.entities) < 2:
                sole = self._sole_person(position, wanted)
                if sole is None and self._lone_sources:
                    sole = self._nearer_lone_source(position, None, wanted)
                    if sole is not None and sole.gender is None:
                        sole.gender = wanted
                return sole
            position = self._before_a_question(position)
            entity = self.sightings.nearest_fit(position, NEARBY, "person", wanted)
            if self._lone_sources:
                source = self._nearer_lone_source(position, entity, wanted)
                if source is not None:
                    if source.gender is None:
                        source.gender = wanted
                    return source
            if entity is not None:
                entity = (
                    self._speaker_who_named(position, entity, wanted)
                    or self._subject_described(position, entity, wanted)
                    or entity
                )
                if entity.gender is None:
                    entity.gender = wanted
            return entity
        pronoun = _SUBJECT_FORMS.get(pronoun, pronoun)  # "Its board …": it
        if pronoun == "it":
            return self.sightings.nearest_fit(position, NEARBY, "organisation")
        if pronoun == "they":
            for entity in self.before(position)[:2]:
                if entity.kind in {"group", "organisation"} and entity.quotes:
                    return entity
            return self._group_subject_before(position)
        return None

    def _nearer_lone_source(
        self, position: int, person: Entity | None, wanted: str
    ) -> Entity | None:
        """An unnamed single person ("Another parent, who asked that her name not be used,
        said …") sighted after the nearest named person that fits: whom the next "she"
        means. None if the named person is nearer, or no such source fits."""
        # Only one who reported a clause lately: one who gave a phrase ("what a local
        # pollster called …") is too slight a subject for a pronoun to go back to.
        reporters = [speaker for _, _, speaker in self.reported[-_LONE_SOURCE_CLAUSES:]]
        sources = [s for s in self._lone_sources if s.gender in (None, wanted) and s in reporters]
        if not sources:
            return None
        if person is not None:
            sources.append(person)
        nearest = self.sightings.nearest_of(position, sources, NEARBY)
        return nearest if nearest is not person else None

    def _sole_person(self, position: int, wanted: str) -> Entity | None:
        """pronoun's "he" or "she" when the article has named one entity at most so far
        (an interview, a quote-dense stretch): the nearest fit is that one if it is a
        person of the gender wanted sighted before the pronoun's sentence (or question),
        and no other entity can be the speaker who named it or a subject it describes.
        Its first sighting tells whether any comes before that point, without a walk
        back through the sightings (nor a search for the sentence's start, when the
        first sighting is further back than any start can be)."""
        if not self.entities:
            return None
        entity = self.entities[0]
        if entity.kind != "person" or entity.gender not in (None, wanted):
            return None
        first = self.sightings.first_offset()
        if first is None or (
            first >= position - _QUESTION_REACH  # (before the reach: before any start)
            and first >= self._before_a_question(position)
        ):
            return None
        if entity.gender is None:
            entity.gender = wanted
        return entity

    def _before_a_question(self, position: int) -> int:
        """ "Asked about McBride's remark, he said …": the one asked is named before the
        question, not in it; so "he" is looked for from where the sentence starts."""
        body = self.body
        # A bound, so a long body costs no more; conditionals, as 3.11's max() is slow.
        floor = position - _QUESTION_REACH if position > _QUESTION_REACH else 0
        line = body.rfind("\n", floor, position)
        # The start is the later of the two: a stop before the line break cannot be it,
        # so it is looked for after the break (quote-dense copy has few stops).
        stop = body.rfind(". ", line + 1 if line >= 0 else floor, position)
        start = (stop if stop > line else line) + 1
        if start == 0 and floor > 0:
            return position  # no sentence start within reach
        opening = body[start : start + 12].lstrip(' "“')
        if opening.startswith(_QUESTION_OPENINGS):
            return start
        return position

    def _speaker_who_named(self, position: int, named: Entity, wanted: str) -> Entity | None:
        """ "Bettina Alvarado said she had voted Republican but chose Voss this year. "I
        just got tired of the yelling," she said.": a person named only in the words
        someone reported, earlier in the paragraph, is not whom the next "she" means:
        the reporter goes on with the one who spoke."""
        if not self.reported or self.reported[-1][1] > position:
            return None
        start, end, speaker = self.reported[-1]
        if (
            speaker is named
            or speaker.kind != "person"
            or speaker.gender not in (None, wanted)
            or position - start > _SAME_PARAGRAPH_REACH  # a bound on the search below
            or self.body.find(PARAGRAPH_BREAK, start, position) >= 0  # not this paragraph's
        ):
            return None
        if named in self.sightings.between(start, end) and named not in self.sightings.between(
            end, position
        ):
            return speaker
        return None

    def _subject_described(self, position: int, named: Entity, wanted: str) -> Entity | None:
        """ "Marcus Tull, a former director who is advising Corrigan, put it simply. "…," he
        said.": a person named inside the description of the sentence's subject is not
        whom the next "he" means: the subject is."""
        if len(self.by_surname) < 2 and not self._role_holders:
            return None  # one person named in the article: no one else to mean
        named_at = self.sightings.last_offset(position, named)
        if named_at is None:
            return None
        body = self.body
        # The sentence's start, looked for within a bound: the search stays linear.
        floor = named_at - _DESCRIBED_REACH if named_at > _DESCRIBED_REACH else 0
        start = body.rfind(". ", floor, named_at) + 2
        paragraph = body.rfind(PARAGRAPH_BREAK, floor, named_at) + 2
        if paragraph > start:
            start = paragraph
        if start == 1 and floor:
            return None  # no sentence start in reach: a run-on stretch
        opening = self.sightings.first_from(start)
        if opening is None:
            return None
        subject_at, subject = opening
        if (
            subject_at - start > _SUBJECT_OPENS_WITHIN  # most sentences: no name opens them
            or subject_at >= named_at
            or subject is named
            or subject.kind != "person"
            or subject.gender not in (None, wanted)
        ):
            return None
        comma = body.find(", ", subject_at, named_at)
        if comma < 0 or not _DESCRIPTION_OPENING.match(body, comma + 2):
            return None
        return subject

    def _group_subject_before(self, position: int) -> Entity | None:
        """ "Democrats, meanwhile, are enjoying the show. They have said …": a "they"
        opening its sentence is the group the sentence before opens with, though that
        group has not spoken (groups are sighted only as speakers)."""
        position = self._quote_opening(position)  # "“We were lied to,” they said."
        window_start = max(0, position - _SENTENCE_REACH)
        window = self.body[window_start:position]
        ends = [0] if window_start == 0 else []
        ends += [match.end() for match in _SENTENCE_END.finditer(window)]
        if len(ends) < 2 or ends[-1] != len(window):
            return None  # "they" does not open a sentence, or none is whole before it
        tokens = tokenise(self.body, window_start + ends[-2], position)
        first = 0
        while first < len(tokens) - 1 and (
            tokens[first].lower in _SENTENCE_OPENERS or tokens[first].text == ","
        ):
            first += 1  # "But Democrats …", "Still, officials …"
        for last in range(first, min(first + 4, len(tokens) - 1)):
            token = tokens[last]
            if token.lower in self.lexicon.group_nouns:
                if tokens[last + 1].lower in {"and", "or", "of"}:
                    return None  # "Democrats and Republicans": which of them is unclear
                name = group_name(self.body, tokens, first, last)
                return self.group(name, token.lower, False, tokens[first].start)
            if not token.text.isalpha() or not (
                token.text[:1].isupper() or token.lower in QUANTIFIERS
            ):
                return None  # not a group opening the sentence
        return None

    def _quote_opening(self, position: int) -> int:
        """Where the quote just before `position` opens, if one ends right before it
        ("“…,” they said"); else `position` itself."""
        closing = _QUOTE_BEFORE.search(self.body, max(0, position - 8), position)
        if closing is None:
            return position
        mark = self.body[closing.start()]
        opening = self.body.rfind(
            _OPENING_MARKS[mark], max(0, position - _SENTENCE_REACH), closing.start()
        )
        return opening if opening >= 0 else position

    def lede_person(self, position: int, noun: str) -> Entity | None:
        """ "A former county commissioner … took the stand on Wednesday. | Terrence Vance,
        58, …": a delayed lede describes someone in the article's first paragraph and
        names them at the start of the next one."""
        if noun not in self.lexicon.person_nouns and noun not in _LEDE_ROLES:
            return None
        lede_end = self.body.find("\n", position)
        if lede_end < 0 or self._after_first_line(position):
            return None  # not the first paragraph, or no paragraph after it
        next_start = lede_end
        while next_start < len(self.body) and self.body[next_start].isspace():
            next_start += 1
        opening = next(iter(self.sightings.between(next_start, next_start + 2)), None)
        if opening is None or opening.kind != "person":
            return None
        if opening in self.sightings.recent(position, NEARBY):
            return None  # named already: the description is someone else
        if self._titled_before(position, noun):
            return None  # "The housing secretary, Miriam Harcourt, … the minister said"
        return opening

    def _titled_before(self, position: int, noun: str) -> bool:
        """Is someone named before `position` known by a title that holds the noun?"""
        return any(
            entity.kind == "person" and any(noun in title_words(t) for t in entity.titles)
            for entity in self.before(position)
        )

    def _after_first_line(self, position: int) -> bool:
        """Is there a line break within the text before `position` ("\n" in
        body[:position].strip())? Told by where the second line's text starts, found
        once, rather than by copying the body up to each nominal."""
        if self._second_line is None:
            self._second_line = _second_line_start(self.body)
        return self._second_line < position

    def group_member(self, position: int) -> Entity | None:
        """ "one of them", "one said": a group that spoke just before (groups are sighted
        only as speakers), unless it is further back than the last few people named."""
        return next((e for e in self.before(position)[:3] if e.kind == "group"), None)

    def role_holder(self, position: int, role: str) -> Entity:
        """The one holder of an office the article never names ("The president weighed
        in"): a person known by the role, whom later "the president" finds by title."""
        # One holder: met again wherever the article names the office alone (a fragment
        # in a reported clause resolves the clause's subject a second time, at one place).
        entity = next((e for e in self._role_holders if e.name == role), None)
        if entity is None:
            entity = Entity(role, "person", titles=[role])
            self.entities.append(entity)
            self._role_holders.append(entity)
        self.sightings.add(position, entity)
        return entity

    def person_nominal(self, position: int, noun: str) -> Entity | None:
        """ "the minister": the nearest person whose titles hold the noun."""
        noun = noun.lower()
        candidates = self.before(position)
        for entity in candidates:
            if entity.kind == "person" and any(noun in title_words(t) for t in entity.titles):
                return entity
            if entity.kind == "group" and entity.anonymous and entity.head == noun:
                return entity  # "a Harlan adviser said …" then "the adviser said"
        if noun in self.lexicon.party_members:
            return next((e for e in candidates if e.kind == "person"), None)
        # "The president added …" after "Biden said …": a recent speaker whose role the
        # article never spelled out, and no one else named in between.
        recent = candidates[:3]
        if recent and recent[0].kind == "person" and recent[0].quotes and not recent[0].titles:
            return recent[0]
        return None

    def org_nominal(self, position: int, words: list[str], owner: str = "") -> Entity | None:
        """ "the ministry", "the trade office": nearest body whose name holds the words.

        With an `owner` named ("Ukraine's military": "ukraine"), only a body whose name
        holds it too: no body spoken of before is guessed for it."""
        content = [w for w in words if w not in DETERMINERS and not w.endswith(("'s", "’s"))]
        candidates = self.before(position)
        if owner:  # only the owner's bodies ("Pakistan's military": the Pakistan Army)
            candidates = [e for e in candidates if owner in _haystack(e)]
        for entity in candidates:
            if entity.kind != "organisation":
                continue
            haystack = _haystack(entity)
            if content and all(w in haystack for w in content):
                return entity
        head = words[-1] if words else ""
        if head == "service" and len(content) == 1:
            # Defence copy calls the Navy or the Army "the service".
            armed = next((e for e in candidates[:4] if _is_armed_service(e)), None)
            if armed is not None:
                return armed
        if head in _GENERIC_ORG_HEADS:
            for entity in candidates:
                if entity.kind == "organisation" and entity.quotes:
                    return entity
        if head == "report" and words == ["the", "report"]:
            # "In a report, the GAO said the Navy had …. "…," the report said": the body
            # that has spoken of it, not one its words name (only a bare "the report").
            issuer = next(
                (e for e in candidates[:3] if e.kind == "organisation" and e.quotes), None
            )
            if issuer is not None:
                return issuer
        if head in _ISSUED_HEADS:
            # "The Harbour Authority issued a statement. The statement said …": the body
            # that issued it, named just before, though it has not spoken yet.
            issuer = next((e for e in candidates[:2] if e.kind == "organisation"), None)
            if issuer is not None:
                return issuer
        # Otherwise a body named just before ("The United Food and Commercial Workers …
        # said"; then "the union said"), for nouns that fit any body.
        if head in _ANY_BODY_HEADS:
            introduced = self._introduced_body(position, head)
            if introduced is not None:
                return introduced
            # (A country or a state is no "agency", "company" or "union".)
            countries = self.lexicon.countries
            bodies = [
                e
                for e in candidates[:4]
                if e.kind == "organisation" and e.name.lower() not in countries
            ]
            if head in _BUSINESS_HEADS:
                # "according to the company": a developer, not the county commission
                bodies = [e for e in bodies if not _PUBLIC_BODY_WORDS & set(e.name.lower().split())]
            if head in _MEMBERSHIP_HEADS:
                # "according to the union": a union named further back than the bodies
                # named since ("the Legislature") is still the one meant.
                reach = candidates if head == "union" else bodies
                members = [
                    e
                    for e in reach
                    if e.kind == "organisation"
                    and _MEMBERSHIP_NAME_WORDS & set(e.name.lower().split())
                ]
                bodies = members[:1] or bodies
            nearest = [e for e in candidates[:2] if e.kind == "organisation"]
            if bodies and (nearest or head in _MEMBERSHIP_HEADS):
                return bodies[0]
        return None

    def _introduced_body(self, position: int, head: str) -> Entity | None:
        """ "a leader of the group Kataib al-Nur" … "Kataib al-Nur, in a statement, confirmed
        …. The group described him …": a body the article introduced as "the group X" is
        what "the group" means, unless another body was named after X's last mention.

        Such names carry no word of a body ("Kataib al-Nur", "Hamas"), so without the
        article's own "the group" they would be taken for no one.
        """
        window_start = max(0, position - _INTRODUCTION_REACH)
        if self.body.find(f"he {head} ", window_start, position) < 0:
            return None  # most articles: no introduction, told without the regex's slow scan
        found = _introductions(head).finditer(self.body, window_start, position)
        introduction = next(reversed(list(found)), None)  # the last one before the nominal
        if introduction is None:
            return None
        name = re.sub(r"['’]s$", "", introduction.group(1))
        last_named = self.body.rfind(name, introduction.start(1), position) + len(name)
        if any(
            other.kind == "organisation" and other.name != name
            for other in self.sightings.between(last_named, position)
        ):
            return None  # "… the Pentagon said. The group …": the nearer body
        return self._organisation(NameReading("organisation", name, []))

    def group(
        self, name: str, head: str, anonymous: bool, position: int, member: bool = True
    ) -> Entity:
        """The group (or unnamed person) a nominal names, found again or new.

        `member` lets a singular join a plural group: "another official said" after
        "officials said" is one of them; "a defense official" after "two U.S.
        officials" is someone else.
        """
        entity = self._find_or_add_group(name, head, anonymous, member)
        self.sightings.add(position, entity)  # "one of them" and "they" look for it
        if (
            head in self.lexicon.person_nouns
            and _singular(head) == head
            and entity.head == head
            and entity not in self._lone_sources
        ):
            self._lone_sources.append(entity)
        return entity

    def note_documents(
        self, tokens: list[Token], noted: list[int], first: int, stop: int, author: Entity
    ) -> None:
        """Note `author` as the author of the documents named in tokens[first:stop], the
        words around a speaker's cue ("said in a statement", "In a letter to …, Lee
        wrote"): a later "the statement said" is theirs. `noted` lists the view's
        documents (ParagraphView.documents): only those are read."""
        at = bisect.bisect_right(noted, first)
        while at < len(noted) and noted[at] < stop:
            index = noted[at]
            at += 1
            if index and tokens[index - 1].lower in _DOCUMENT_DETERMINERS:
                self.document_authors[tokens[index].lower] = author

    def _find_or_add_group(self, name: str, head: str, anonymous: bool, member: bool) -> Entity:
        singular = _singular(head)
        plural = singular != head.lower()
        if member and not plural:
            # "One official said" is one of the officials named lately, even when a
            # single official was named nearer: the plural groups are asked first.
            for entity in islice(reversed(self.groups), BODIES_SEARCHED):
                last = entity.head
                if _singular(last) == singular != last and _described_alike(
                    name, head, entity.name
                ):
                    return entity
        for entity in islice(reversed(self.groups), BODIES_SEARCHED):  # linear, as bodies
            last = entity.head
            if not member and (_singular(last) != last) != plural:
                continue
            if plural and singular in entity.name.lower().split():
                continue  # "officials said" after "a senior official said": many, not that one
            if not plural and not _described_alike(name, head, entity.name):
                continue  # "one senior Republican lawmaker" after "three GOP lawmakers"
            if _singular(last) == singular:
                return entity
            if singular in (_singular(w) for w in entity.name.lower().split()):
                return entity
        entity = Entity(name, "group", anonymous=anonymous)
        self.entities.append(entity)
        self.groups.append(entity)
        return entity


def _second_line_start(body: str) -> int:
    """Where the text after the body's first line break starts (a break after some
    text, with text after it), or past the body's end."""
    first = _NON_SPACE.search(body)
    if first is not None:
        line_break = body.find("\n", first.start())
        if line_break >= 0:
            following = _NON_SPACE.search(body, line_break + 1)
            if following is not None:
                return following.start()
    return len(body) + 1


_NON_SPACE = re.compile(r"\S")  # not str.isspace(), as str.strip() takes it


@lru_cache(maxsize=4096)
def title_words(title: str) -> frozenset[str]:
    """Words a title answers to: "Gov." -> {"gov", "governor"} (titles recur: cached)."""
    expansions = load_lexicon().title_expansions
    words = set()
    for word in re.findall(r"[\w'’-]+", title.lower()):
        words.add(word)
        words.update(expansions.get(word, ()))
        if word.endswith(("'s", "’s")):
            words.add(word[:-2])
    return frozenset(words)


def _is_armed_service(entity: Entity) -> bool:
    """The Navy, the Army, the U.S. Air Force, the Marine Corps: a branch of the armed forces."""
    if entity.kind != "organisation":
        return False
    name = entity.name.lower()
    return any(name == branch or name.endswith(" " + branch) for branch in _ARMED_SERVICES)


_ARMED_SERVICES = (
    "army",
    "navy",
    "air force",
    "marine corps",
    "marines",
    "coast guard",
    "space force",
)


_GENERIC_ORG_HEADS = word_set("generic_org_heads")
# Words after a group's noun that qualify it: "aide to the senator", "people familiar with".
_POSTMODIFYING_WORDS = frozenset(
    {"of", "to", "close", "familiar", "privy", "near", "who", "in", "at"}
)
_ISSUED_HEADS = frozenset({"statement", "announcement"})  # what a body puts out
_ANY_BODY_HEADS = word_set("any_body_heads")
# "the group said" means an association named lately, not the outlet it spoke to.
_MEMBERSHIP_HEADS = word_set("membership_heads")
_MEMBERSHIP_NAME_WORDS = word_set("membership_name_words")
_BUSINESS_HEADS = frozenset({"company", "firm", "utility"})
# Words that name a public body, which "the company" or "the firm" never means.
_PUBLIC_BODY_WORDS = word_set("public_body_words")


def _answers_to(entity: Entity, key: str) -> bool:
    """Is `key` (lower case) the entity's name or one of its aliases, ignoring case?"""
    return entity.name.lower() == key or key in map(str.lower, entity.aliases)


@lru_cache(maxsize=4096)
def _acronym_letters(name: str) -> str | None:
    """The letters of an acronym ("U.S." -> "US"), or None for any other name (cached:
    bodies are sighted again and again)."""
    return name.replace(".", "") if _ACRONYM.match(name) else None


@lru_cache(maxsize=4096)
def _initials_of(name: str) -> tuple[str, ...]:
    """The acronyms a body's name may go by: its initials, and those without a leading
    qualifier ("DOT" for the "State Department of Transportation")."""
    first, _, rest = name.partition(" ")
    if rest and first.lower() in _NAME_QUALIFIERS:
        return (_initials(name), _initials(rest))
    return (_initials(name),)


BODIES_SEARCHED = 256
_NAME_QUALIFIERS = frozenset(
    {"state", "u.s.", "us", "federal", "national", "city", "county", "provincial", "royal"}
)


@lru_cache(maxsize=4096)
def _initials(name: str) -> str:
    """ "Department of Investigation" -> "DOI"; "Office of Management and Budget" -> "OMB".

    Cached: an acronym sighted is checked against every body named before it.
    """
    words = name.replace("-", " ").split()
    return "".join(
        w[0].upper() for w in words if w[:1].isalpha() and w.lower() not in {"and", "the", "&"}
    )


_SUBJECT_FORMS = {"his": "he", "her": "she", "its": "it", "their": "they"}
# The gender "he" or "she" (or their possessive) asks of what it refers to.
_PRONOUN_GENDERS = {"he": "male", "his": "male", "she": "female", "her": "female"}


def _described_alike(name: str, head: str, group: str) -> bool:
    """Does the group's name hold every word that qualifies a single member's noun?
    "a senior official" may be one of "senior officials", not of "officials in Kabul"
    (or "one senior Republican lawmaker" of "three GOP lawmakers")."""
    head = head.lower()
    qualifiers = {w for w in name.lower().split() if w != head} - _MEMBER_OPENERS
    return qualifiers <= set(group.lower().split())


_MEMBER_OPENERS = frozenset({"a", "an", "one", "another", "the"})


def _singular(word: str) -> str:
    if word == "people":
        return "person"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _same_person(known: str, new: str) -> bool:
    """ "Michael Kurilla" and "Michael Erik Kurilla": same first and last name."""
    a, b = known.lower().split(), new.lower().split()
    return a[0] == b[0] and a[-1] == b[-1]


def group_name(body: str, tokens: list[Token], first: int, last: int) -> str:
    """A group's name: "two Senate aides who spoke ..." -> "Senate aides"."""
    lexicon = load_lexicon()
    while first < last and (
        tokens[first].lower in DETERMINERS
        or tokens[first].lower in QUANTIFIERS
        or tokens[first].text.isdigit()
        or tokens[first].lower == "of"
    ):
        first += 1
    index = first + 1
    while index <= last:
        lower = tokens[index].lower
        if lower in {"at", "from"} and _names_a_body(body, tokens, index + 1, last):
            # "economists at Halvorsen Bank", "officials from both countries" stay whole,
            # but not an aside after the body's name (", who asked not to be named").
            index = _name_end(tokens, index + 1, last) + 1
            continue
        if lower in {"in", "at", "who", "speaking", ","}:
            last = index - 1
            break
        index += 1
    words = [t.text for t in tokens[first : last + 1]]
    proper = bool(words) and words[0].lower().removesuffix("s") in lexicon.party_members
    if (
        words
        and words[0][:1].isupper()
        and not proper  # "Democrats" keep their capital; "Officials" at a sentence start do not
        and (words[0].lower() in lexicon.group_nouns or words[0].lower() in _COMMON_CAPS)
    ):
        words[0] = words[0].lower()
    # Spaced as in the text: "patients' groups", not "patients ' groups".
    spaced = [
        word if index == 0 or tokens[first + index - 1].end == tokens[first + index].start
        else " " + word
        for index, word in enumerate(words)
    ]  # fmt: skip
    return "".join(spaced)


_COMMON_CAPS = word_set("common_caps")
# Heads of unnamed sources, who stay unnamed wherever they work ("officials at the Pentagon").
_VOICED_UNNAMED = frozenset({"government", "administration", "cabinet", "palace", "kremlin"})
_LEDE_ROLES = frozenset({"head", "chief", "executive"})  # "the head of FEMA"
_SOURCE_HEADS = frozenset(
    {"officials", "official", "sources", "source", "aides", "aide", "people", "person"}
    | {"insiders", "insider", "staffers", "staffer", "officers", "officer"}
)


def _name_end(tokens: list[Token], first: int, last: int) -> int:
    """Where a body's name from tokens[first] ends, before `last` or a comma aside."""
    end = first
    while end + 1 <= last and (
        tokens[end + 1].text[:1].isupper() or tokens[end + 1].lower in _NAME_JOINERS
    ):
        end += 1
    return end


def _names_a_body(body: str, tokens: list[Token], first: int, last: int) -> bool:
    """Does tokens[first..last] (after "at"/"from") name a body, not a place?"""
    while first <= last and tokens[first].lower in DETERMINERS:
        first += 1
    if first > last:
        return False
    if tokens[last].text in load_lexicon().org_words:
        return True
    reading = shared_reading(body, tokens, first, last)  # "analysts at Brenner & Kohl"
    return reading is not None and reading.kind == "organisation"


def resolve_mention(registry: Registry, body: str, tokens: list[Token], mention) -> Entity | None:  # noqa: ANN001
    """The entity a mention (from the mentions stage) stands for, or None."""
    core_first = mention.core_first
    if (
        mention.head == "name"
        and core_first == mention.core_last
        # _lone_name, inlined: the test that sends the commonest mention here
        and mention.name_first in (None, core_first)
        and mention.name_last in (None, core_first)
        and not mention.appositives
    ):
        # '"…," Kim said': the commonest mention, resolved without the steps that
        # cannot apply to one word (no title, body, lead or appositive to weigh).
        token = tokens[core_first]
        reading = _READINGS.get(token.text, _UNREAD)  # shared_reading of one token, inlined
        if reading is _UNREAD:
            reading = shared_reading(body, tokens, core_first, core_first)
        if reading is None:
            return None
        # (A possessive ends in "s": one comparison rules most words out.)
        if reading.kind == "single" and token.text[-1] == "s":
            reading = _firm_ending_in_s(reading, token)
        return registry.named_speaker(token.start, reading)
    head_token = tokens[mention.core_last]
    position = tokens[core_first].start
    if mention.head == "pronoun":
        return registry.pronoun(position, head_token.lower)
    lexicon = registry.lexicon
    if mention.head == "member":
        return registry.group_member(position)
    if mention.head in {"person_noun", "org_nominal"} and not mention.anonymous:
        named = registry.lede_person(position, head_token.lower)
        if named is not None:
            return named
    if mention.head == "name":
        # (Each test's first condition asked here: most names fail it.)
        spokesperson = (
            _spokesperson_named_after(registry, body, tokens, mention)
            if mention.appositives
            else None
        )
        if spokesperson is not None:
            return spokesperson
        if mention.core_last - core_first >= 2 and _heads_a_body(tokens, mention):
            # "The head of FEMA warned …" in the lede, named in the next paragraph.
            named = registry.lede_person(position, "head")
            if named is not None:
                return named
        core_last = mention.core_last
        if (
            not mention.appositives
            and mention.name_first in (None, core_first)
            and mention.name_last in (None, core_last)
        ):
            # "Ann Lee said": the name is the whole mention, with no title, lead or
            # appositive for _resolve_name to weigh (what it does then, in short).
            reading = shared_reading(body, tokens, core_first, core_last)
            if reading is None:
                return None
            return registry.named_speaker(position, _firm_ending_in_s(reading, tokens[core_last]))
        return _resolve_name(registry, body, tokens, mention, position)
    words = [t.lower for t in tokens[mention.core_first : mention.core_last + 1]]
    if head_token.lower in AUTHORED_DOCUMENTS and mention.head == "org_nominal":
        # "The memo said …": whoever the copy said put it out, if anyone
        author = registry.document_authors.get(head_token.lower)
        if author is not None and tokens[mention.core_first].lower == "the":
            return author
        if head_token.lower not in _DOCUMENTS_THAT_SPEAK:
            return None
    if mention.head in {"org_nominal", "group"}:
        owned = _owned_body(registry, body, tokens, mention, position)
        if owned is not None:
            return owned
    if mention.head == "org_nominal":
        member = _member_of_body(registry, body, tokens, mention, position)
        if member is not None:
            return member
        named = _body_in_apposition(registry, body, tokens, mention, position)
        if named is not None:
            return named
        voiced = _spoken_for(words)  # "a spokesperson for the ministry": the ministry
        entity = registry.org_nominal(
            position, voiced or words, "" if voiced else _named_owner(tokens, mention)
        )
        if entity is None:
            return _named_body(registry, body, tokens, mention) or _described_body(
                registry, body, tokens, mention
            )
        if voiced is None and mention.core_last > mention.core_first:
            # "the military's media wing" is another name the article uses for it.
            text = body[tokens[mention.core_first].start : tokens[mention.core_last].end]
            if _described(tokens, mention.core_first, mention.core_last):
                entity.add_alias(text)
            elif text not in entity.nominals:
                entity.nominals.append(text)
        return entity
    if mention.head == "person_noun":
        voice = _voice_of_body(registry, body, tokens, mention, position)
        if voice is not None:
            return voice
        placed = _named_after_placed_role(registry, body, tokens, mention)
        if placed is not None:
            return placed
        indefinite = tokens[mention.core_first].lower in _INDEFINITES
        # "the senator" refers back; "a GOP lawmaker" brings in someone unnamed.
        entity = None if indefinite else registry.person_nominal(position, head_token.lower)
        if entity is None and not indefinite and head_token.lower in SPOKESPEOPLE:
            entity = registry.voiced
        if entity is None and (mention.anonymous or indefinite):
            mention.anonymous = True
            name = group_name(
                body, tokens, mention.core_first, max(mention.core_last, mention.last)
            )
            entity = registry.group(
                _pronoun_named(registry, name, position),
                head_token.lower,
                True,
                position,
                member=tokens[mention.core_first].lower not in {"a", "an"},
            )
        if entity is None:
            office = _sole_office(tokens, mention)
            if office is not None:  # "The president said", "the prime minister told MPs"
                entity = registry.role_holder(position, office)
        return entity
    if mention.head == "group":
        if head_token.lower not in lexicon.group_nouns:
            return None
        last = mention.core_last
        if (
            head_token.lower in {"people", "person"}
            and last < mention.last
            and tokens[last + 1].lower in {"familiar", "close", "privy"}
        ):
            last = mention.last  # bare "people" says nothing: "people familiar with the matter"
        elif (
            head_token.lower not in _SOURCE_HEADS
            and last + 1 < mention.last
            and tokens[last + 1].lower == "at"
        ):
            # Staff who speak for a firm, not unnamed officials ("officials at the Pentagon").
            body_last = _name_end(tokens, last + 2, mention.last)
            if _names_a_body(body, tokens, last + 2, body_last):
                last = body_last  # "economists at Halvorsen Bank": the bank's economists
                mention.anonymous = False  # the firm is named: no anonymous source
        name = _pronoun_named(
            registry, group_name(body, tokens, mention.core_first, last), position
        )
        return registry.group(name, head_token.lower, mention.anonymous, position)
    return None


def _named_after_placed_role(
    registry: Registry, body: str, tokens: list[Token], mention: Mention
) -> Entity | None:
    """ "Opposition leader in the Senate Farhana Zaidi", "Leader of the House in the
    Senate Ishaq Dar": a role placed in a one-word body, then the person's name (two
    capitalised words or more) with no comma between, as South Asian papers write it."""
    last = mention.last
    if last == mention.core_last:
        # The mention stopped at its role ("Opposition leader"): the place and the name
        # may follow it, up to the verb.
        if last + 5 >= len(tokens) or tokens[last + 1].lower not in _ROLE_PLACES:
            return None
        last += 4
        stop = last + _NAME_WORDS_MOST if last + _NAME_WORDS_MOST < len(tokens) else len(tokens) - 1
        while last < stop and tokens[last + 1].text[:1].isupper():
            last += 1
    elif last <= mention.core_last + 3:
        return None  # no room for a place and a name
    first = last
    while first > mention.core_last and tokens[first - 1].text[:1].isupper():
        first -= 1
    body_word = first - 1
    if (
        last - first < 2  # the body's word and a name of two words at least
        or tokens[first].text not in registry.lexicon.org_words
        or tokens[body_word].lower != "the"
        or tokens[body_word - 1].lower not in _ROLE_PLACES
    ):
        return None
    reading = shared_reading(body, tokens, first + 1, last)
    if reading is None or reading.kind != "person":
        return None
    entity = registry.sight(tokens[first + 1].start, reading)
    if entity is not None:
        entity.add_title(body[tokens[mention.core_first].start : tokens[first].end])
    return entity


_ROLE_PLACES = frozenset({"in", "of"})
_NAME_WORDS_MOST = 5  # words a person's name runs to, read past the body: a bound


def _spokesperson_named_after(
    registry: Registry, body: str, tokens: list[Token], mention: Mention
) -> Entity | None:
    """ "A spokesperson for the Dunmore Water Authority, Kevin Sato, said": the
    spokesperson, named in apposition, speaks, not the body they speak for."""
    if not mention.appositives or tokens[mention.core_first].lower not in _INDEFINITES:
        return None
    role = mention.core_first + 1
    if role > mention.core_last or tokens[role].lower not in SPOKESPEOPLE:
        return None
    first, last = mention.appositives[0]
    reading = shared_reading(body, tokens, first, last)
    if reading is None or reading.kind != "person":
        return None
    named = Mention(first, last, first, last, "name", first, last)
    return _resolve_name(registry, body, tokens, named, tokens[first].start)


_POSSESSIVE_ENDS = ("'s", "’s")
# An article that opens a title or an alias, compiled once (re.sub looks a pattern up
# in its cache on every call).
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|a|an)\s+")
_LEADING_POSSESSIVE = re.compile(
    r"^(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our)\s+(?=\S)"
)
# The letters _LEADING_POSSESSIVE's words open with: a title opening with none is left as it is.
_POSSESSIVE_INITIALS = "HhIiTtOoMmYy"


def _firm_ending_in_s(reading: NameReading, last: Token) -> NameReading:
    """ "Moody's, which downgraded the city, said": a subject is no one's possessive (a
    possessive's noun would follow it), so a lone name in 's is a firm's, 's and all."""
    if reading.kind == "single" and last.text.endswith(_POSSESSIVE_ENDS):
        return NameReading("organisation", last.text, [])
    return reading


FIRM_NOUNS = word_set("firm_nouns")


def firm_named_after_its_noun(
    tokens: list[Token], name_first: int, reading: NameReading, described: bool = False
) -> NameReading | None:
    """ "the online furniture retailer Kestrel Home", "the insurer Halvard": a name
    right after a lower-case noun for a business (or `described` by one after it) is
    the business's, unless it opens with a known first name or carries a title. None
    when it is not such a name."""
    if (
        reading.kind not in {"person", "single"}
        or reading.titles
        or not (
            described
            # lower case: "retailer", not "Bank"
            or (name_first > 0 and tokens[name_first - 1].text in FIRM_NOUNS)
        )
    ):
        return None
    lexicon = load_lexicon()
    opener = tokens[name_first].text
    if opener in lexicon.female_names or opener in lexicon.male_names:
        return None
    return NameReading("organisation", reading.name, [], reading.alias)


def _described(tokens: list[Token], first: int, last: int) -> bool:
    """Are there two words or more besides determiners in tokens[first..last]?"""
    count = 0
    for token in tokens[first : last + 1]:
        if token.lower not in DETERMINERS:
            count += 1
    return count >= 2


def _firm_described_after(
    tokens: list[Token], appositives: list[tuple[int, int]], name_first: int, reading: NameReading
) -> NameReading | None:
    """ "Northvale Digital, a Virginia-based company,": an appositive headed by a noun for
    a business makes the name before it a firm's (as firm_named_after_its_noun)."""
    first, last = appositives[0]
    if tokens[first].lower not in {"a", "an", "the"} or tokens[last].text not in FIRM_NOUNS:
        return None
    return firm_named_after_its_noun(tokens, name_first, reading, described=True)


def _pronoun_named(registry: Registry, name: str, position: int) -> str:
    """ "person close to her" -> "person close to Ambrose": the pronoun a source is
    described by, named as the nearest person it can mean (else left as it is)."""
    words = name.rsplit(" ", 1)
    gender = _OBJECT_PRONOUN_GENDERS.get(words[-1]) if len(words) == 2 else None
    if gender is None:
        return name  # most names end in a noun: one look-up settles it
    for entity in registry.before(position):
        if entity.kind == "person" and entity.gender in (None, gender):
            return f"{words[0]} {entity.name.split()[-1]}"
    return name


_OBJECT_PRONOUN_GENDERS = {"her": "female", "him": "male"}


def _heads_a_body(tokens: list[Token], mention) -> bool:  # noqa: ANN001
    """ "the head of FEMA", "the chief executive of Arden Therapeutics": a person who
    leads a named body, not the body."""
    if mention.core_last - mention.core_first < 2:
        return False  # a role, "of" and a body take three words: most names are shorter
    first = mention.core_first
    while first < mention.core_last and tokens[first].lower in DETERMINERS:
        first += 1
    stop = first + 3 if first + 3 < mention.core_last else mention.core_last  # no min()
    for index in range(first, stop):
        if tokens[index].lower == "of":
            return index > first and tokens[index - 1].lower in _LEDE_ROLES
    return False


def _member_of_body(
    registry: Registry, body: str, tokens: list[Token], mention, position: int
) -> Entity | None:  # noqa: ANN001
    """ "A member of the city council said": an unnamed person, known as a "city council
    member" (as the copy calls them next: "the council member said")."""
    first, last = mention.core_first, mention.core_last
    while first < last and (tokens[first].lower in DETERMINERS or tokens[first].lower == "one"):
        first += 1
    if last - first < 2 or tokens[first].lower != "member" or tokens[first + 1].lower != "of":
        return None
    body_first = first + 2
    while body_first < last and tokens[body_first].lower in DETERMINERS:
        body_first += 1
    mention.anonymous = True
    name = f"{_join(tokens, body_first, last, body)} member"
    return registry.group(name, "member", True, position, member=False)


def _body_in_apposition(
    registry: Registry, body: str, tokens: list[Token], mention, position: int
) -> Entity | None:  # noqa: ANN001
    """ "The police union, Fraternal Order of Police Lodge 7, said": the body its
    appositive names (when the mentions stage left the name unmarked)."""
    for first, last in mention.appositives or []:
        reading = shared_reading(body, tokens, first, last)
        if reading is not None and reading.kind == "organisation":
            entity = registry.named_speaker(position, reading)
            if entity is not None:  # "the police union" later is this body again
                nominal = _join(tokens, mention.core_first, mention.core_last, body)
                entity.add_alias(_LEADING_THE.sub("", nominal))
            return entity
    return None


def _haystack(entity: Entity) -> str:
    """An entity's names, lower case, in one string: what a nominal's words are found in."""
    return " ".join([entity.name, *entity.aliases, *entity.nominals]).lower()


def _named_owner(tokens: list[Token], mention) -> str:  # noqa: ANN001
    """The capitalised possessor a nominal opens with ("Ukraine's military": "ukraine"),
    lower case, or ""."""
    opener = tokens[mention.core_first]
    if (
        mention.core_first < mention.core_last
        and opener.text[:1].isupper()
        and opener.lower.endswith(("'s", "’s"))
        and opener.lower not in DETERMINERS
    ):
        return opener.lower[:-2]
    return ""


def _named_body(registry: Registry, body: str, tokens: list[Token], mention) -> Entity | None:  # noqa: ANN001
    """ "The Israeli military", "China's foreign ministry": a body its modifier names.

    Only when a capitalised word qualifies the noun: "the ministry" alone, with no
    body named before it, is left unresolved rather than guessed.
    """
    first, last = mention.core_first, mention.core_last
    modifiers = tokens[first:last]
    if not any(t.text[:1].isupper() and t.lower not in DETERMINERS for t in modifiers):
        return None
    name = _join(tokens, first, last, body)
    return registry.find_or_add(NameReading("organisation", name, []))


def _spoken_for(words: list[str]) -> list[str] | None:
    """The words after "spokesperson for" ("a spokesperson for the ministry"), or None."""
    for index, word in enumerate(words[:-2]):
        if word in SPOKESPEOPLE and words[index + 1] == "for":
            return words[index + 2 :]
    return None


def _described_body(registry: Registry, body: str, tokens: list[Token], mention) -> Entity | None:  # noqa: ANN001
    """ "the three-judge panel said", "the administration announced": a body the
    article never named, known by its description (without the article)."""
    first, last = mention.core_first, mention.core_last
    if tokens[first].lower in PRONOUN_OWNERS:
        return None  # "its board": whose, the owner would have said
    for index in range(first, last - 1):
        if tokens[index].lower in SPOKESPEOPLE and tokens[index + 1].lower == "for":
            first = index + 2  # "a spokesperson for the ministry": the ministry
            break
    while first < last and tokens[first].lower in DETERMINERS:
        first += 1
    if tokens[first].lower in DETERMINERS:
        return None
    return registry.find_or_add(NameReading("organisation", _join(tokens, first, last, body), []))


# Openers of a mention that brings in someone new rather than referring back.
def _sole_office(tokens: list[Token], mention) -> str | None:  # noqa: ANN001
    """ "The president", "the prime minister": an office with one holder, named by
    "the" and the role alone; the role, or None."""
    first, last = mention.core_first, mention.core_last
    if tokens[first].lower != "the":
        return None
    if last == first + 1:
        role = tokens[last].lower
        return role if role in _SOLE_OFFICES else None
    if last == first + 2:
        role = f"{tokens[first + 1].lower} {tokens[last].lower}"
        return role if role in _SOLE_OFFICES_OF_TWO_WORDS else None
    return None


_SOLE_OFFICES = frozenset(
    {"president", "governor", "mayor", "premier", "pope", "chancellor", "taoiseach"}
)
_SOLE_OFFICES_OF_TWO_WORDS = frozenset(
    {"prime minister", "first minister", "chief minister", "vice president"}
    | {"attorney general", "secretary general", "secretary-general", "chief justice"}
)
_INDEFINITES = frozenset({"a", "an", "one", "another", "someone", "somebody"})
PRONOUN_OWNERS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _voice_of_body(
    registry: Registry, body: str, tokens: list[Token], mention, position: int
) -> Entity | None:  # noqa: ANN001
    """ "a DOI spokeswoman", "an Army spokesman": the body speaks through its spokesperson."""
    first, last = mention.core_first, mention.core_last
    if tokens[last].lower not in SPOKESPEOPLE or mention.name_first is not None:
        return None
    if first + 1 == last and tokens[first].lower in _OWNING_PRONOUNS:
        # "Her spokeswoman said": the one "her" means speaks through her spokeswoman.
        return registry.pronoun(position, tokens[first].lower)
    while first < last and tokens[first].lower in DETERMINERS:
        first += 1
    if first >= last:
        return None
    modifiers = tokens[first:last]
    seat = _SEAT_NICKNAMES.get(body[tokens[first].start : tokens[last - 1].end].lower())
    if seat is not None:  # "a No 10 spokesperson": Downing Street's, as "the spokesperson" after
        registry.voiced = registry.find_or_add(NameReading("organisation", seat, []))
        return registry.voiced
    if _is_body_name(modifiers):
        reading = shared_reading(body, tokens, first, last - 1)
        if reading is not None and reading.kind in {"organisation", "single"}:
            # "A Kestrel spokesman" after "Kestrel Home": the body named in full before.
            shortened = reading.name + " "
            registry.voiced = next(
                (
                    e
                    for e in registry.before(position)
                    if e.kind == "organisation" and e.name.startswith(shortened)
                ),
                None,
            ) or registry.find_or_add(NameReading("organisation", reading.name, [], reading.alias))
            return registry.voiced
        return None
    if len(modifiers) == 1:
        # "the union's spokesman" speaks for the union, as "a union spokesman" does.
        word = modifiers[0].lower.removesuffix("'s").removesuffix("’s")
        known = registry.org_nominal(position, [word])
        if known is None and word in _VOICED_UNNAMED:
            # "A government spokesman said": the government, named by the copy no further.
            return registry.find_or_add(NameReading("organisation", word, []))
        return known
    return None


_OWNING_PRONOUNS = frozenset({"his", "her", "its", "their"})
_TIME_ZONES = frozenset(
    {"EDT", "EST", "ET", "CDT", "CST", "CT", "MDT", "MST", "PDT", "PST", "PT", "GMT", "UTC"}
    | {"BST", "CET", "CEST", "IST", "AEST", "AEDT", "JST", "WAT", "EAT", "SAST"}
)
_QUESTION_REACH = 400  # characters back to the start of a pronoun's sentence
_DESCRIBED_REACH = 400  # characters back to a subject described before a pronoun
_SUBJECT_OPENS_WITHIN = 3  # characters from a sentence's start to its subject's name
# How an appositive describing a person opens: "a former director", "the party's chair".
_DESCRIPTION_OPENING = re.compile(r"(?:a|an|the|who|whose)\b")
_SAME_PARAGRAPH_REACH = 3000  # characters: a reported clause further back is no help
# What the copy calls a seat of government for short: "a No 10 spokesperson".
_SEAT_NICKNAMES = {
    "no 10": "Downing Street",
    "no. 10": "Downing Street",
    "number 10": "Downing Street",
}
# How a reporter's question put to the subject opens its sentence: "Asked …", "When asked …".
_QUESTION_OPENINGS = tuple(f"{word.capitalize()} " for word in QUESTION_LEAD_INS) + ("When asked ",)


def _is_body_name(words: list[Token]) -> bool:
    """Capitalised words, maybe joined by "of", "and", "for", "the" ("Department of
    Transportation"), as a body's name before a noun."""
    return (
        words[0].text[:1].isupper()
        and words[-1].text[:1].isupper()
        and all(t.text[:1].isupper() or t.lower in _NAME_JOINERS for t in words)
    )


_NAME_JOINERS = frozenset({"of", "and", "for", "the", "&"})


def _owned_body(
    registry: Registry, body: str, tokens: list[Token], mention, position: int
) -> Entity | None:  # noqa: ANN001
    """ "his campaign", "Whitaker's aides": a body named after the person who owns it."""
    first, last = mention.core_first, mention.core_last
    if last - first > 3:
        return None
    owner_token = tokens[first]
    owner = None
    if owner_token.lower in {"his", "her"}:
        owner = registry.pronoun(position, "he" if owner_token.lower == "his" else "she")
    elif owner_token.text.endswith(("'s", "’s")) and owner_token.text[:1].isupper():
        reading = NameReading("single", owner_token.text[:-2], [])
        owner = registry.find_or_add(reading)
    if owner is None or owner.kind != "person":
        return None
    head = " ".join(t.lower for t in tokens[first + 1 : last + 1])
    if head == "office":
        return owner  # "Whitlow's office said", "his office said": the official speaks
    name = f"{owner.name.split()[-1]} {head}"
    kind = "group" if mention.head == "group" else "organisation"
    for entity in registry.entities:
        if entity.name == name:
            return entity
    entity = Entity(name, kind)
    registry.entities.append(entity)
    if kind == "group":
        registry.groups.append(entity)
    else:
        registry._register_body(entity)
    return entity


def _of_before(tokens: list[Token], first: int, name_first: int) -> bool:
    """ "of" or "of the" right before tokens[name_first], within the mention."""
    before = tokens[name_first - 1].lower
    if before == "of":
        return True
    return before == "the" and name_first - 2 >= first and tokens[name_first - 2].lower == "of"


def _not_a_body(reading: NameReading | None) -> bool:
    return reading is None or reading.kind != "organisation"


def _resolve_name(
    registry: Registry, body: str, tokens: list[Token], mention, position: int
) -> Entity | None:  # noqa: ANN001
    core_first, core_last = mention.core_first, mention.core_last
    name_first = mention.name_first if mention.name_first is not None else core_first
    name_last = mention.name_last if mention.name_last is not None else core_last
    appositive_name = name_first > core_last
    reading = None
    # Readings are shared (cached): the registry only reads them, and the one that
    # gains a title here is a new reading.
    if not appositive_name:
        reading = shared_reading(body, tokens, core_first, core_last)
        # "the United Farm Workers of the West": a place that ends a body's name (but
        # "the top brass of the Pakistan Army" is the army)
        place_in_name = (
            reading is not None
            and reading.kind == "organisation"
            and name_first > core_first
            and _of_before(tokens, core_first, name_first)
            and _not_a_body(shared_reading(body, tokens, name_first, name_last))
        )
        lowercase_lead = (
            not place_in_name
            and name_first > core_first
            and any(
                t.text[:1].islower()
                and t.lower not in DETERMINERS
                and not _is_title_token(t, registry.lexicon)
                for t in tokens[core_first:name_first]
            )
        )
        if (
            lowercase_lead
            or reading is None
            or (
                reading.kind == "organisation"
                and name_first > core_first
                and not place_in_name
                and reading.name != _join(tokens, name_first, name_last, body)
            )
        ):
            narrower = shared_reading(body, tokens, name_first, name_last)
            if narrower is not None and (
                reading is None or lowercase_lead or narrower.kind == "person"
            ):
                reading = narrower
    else:
        reading = shared_reading(body, tokens, name_first, name_last)
        if reading is not None and reading.kind in {"person", "single"}:
            title = _join(tokens, core_first, core_last, body)
            titles = [*reading.titles, _LEADING_ARTICLE.sub("", title)]
            reading = NameReading("person", reading.name, titles, gender=reading.gender)
    if reading is None:
        return None
    reading = _firm_ending_in_s(reading, tokens[name_last])
    if name_first > core_first:
        reading = firm_named_after_its_noun(tokens, name_first, reading) or reading
    elif mention.appositives:
        reading = _firm_described_after(tokens, mention.appositives, name_first, reading) or reading
    entity = registry.named_speaker(position, reading)
    if entity is not None and entity.kind == "person":
        for first, last in mention.appositives or []:
            if first > name_last or not appositive_name:
                text = _join(tokens, first, last, body)
                if not appositive_name or first != name_first:
                    entity.add_title(_LEADING_THE.sub("", text))
    elif entity is not None and mention.appositives and not appositive_name:
        _note_described_as(entity, tokens, mention.appositives, body)
    return entity


def _note_described_as(
    entity: Entity, tokens: list[Token], appositives: list[tuple[int, int]], body: str
) -> None:
    """ "The National Nuclear Security Administration, the semi-autonomous agency within
    the Department of Energy,": the body is what a later "the agency" means. The
    appositive's head phrase ("the semi-autonomous agency") is kept as a nominal, up
    to its first preposition, so that the body it names ("Energy") is not."""
    first, last = appositives[0]
    if tokens[first].lower not in {"the", "a", "an"}:
        return
    end = first
    while end < last and tokens[end + 1].text[:1].islower() and tokens[end + 1].is_word():
        if tokens[end + 1].lower in _APPOSITIVE_HEAD_ENDS:
            break
        end += 1
    if end > first:
        nominal = _join(tokens, first, end, body)
        if nominal not in entity.nominals:
            entity.nominals.append(nominal)


_APPOSITIVE_HEAD_ENDS = frozenset(
    {"of", "in", "within", "at", "for", "from", "on", "that", "which", "who", "with", "and"}
)
