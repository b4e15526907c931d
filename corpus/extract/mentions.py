"""Stage 4: mentions — the words in a passage that name a speaker.

Mentions are read from tokens: the subject before a cue ("US State Department
spokesperson Matthew Miller said"), after an inverted cue ("said Brian Fallon,
the campaign's press secretary"), or after a dash. A mention keeps its
appositives ("Harold Brennan, D-Ore.,"), skips asides ("the ISPR, in a
statement, said") and records what kind of words head it, for the speakers
stage to resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from .lexicon import Lexicon, word_set
from .lexicon import load as load_lexicon
from .text import WEEKDAYS, Token, is_manner_adverb

PRONOUNS = {"he": "male", "she": "female", "it": "thing", "they": "plural"}
DETERMINERS = word_set("determiners")
QUANTIFIERS = word_set("quantifiers")
MODIFIERS = word_set("modifiers")
CONNECTORS = word_set("connectors")
# Words that start a sentence or clause but never a speaker's name.
NON_NAME_CAPITALS = word_set("non_name_capitals")
MONTHS = word_set("months")
# Capitalised, these still name no one: one look-up for the three sets.
NOT_NAME_WORDS = NON_NAME_CAPITALS | WEEKDAYS | MONTHS
PARENTHETICAL_STARTS = word_set("parenthetical_starts")
RELATIVE_STARTS = word_set("relative_starts")
PARTICIPIAL_STARTS = word_set("participial_starts")
_PARTY_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]{1,6}$")
_ACRONYM = re.compile(r"^[A-Z][A-Z.&\-]{1,9}s?$")
_NUMBER = re.compile(r"^\d+$")
_ORDINALS = frozenset({"st", "nd", "rd", "th"})  # "12th" is read as "12" and "th"


def _is_party_tag(text: str) -> bool:
    """ "D-Ore.", "R-Ind.": the dash tested first, since nearly no word has one there."""
    return text[1:2] == "-" and _PARTY_STATE.match(text) is not None


@dataclass
class Mention:
    first: int  # token indices, inclusive
    last: int
    core_first: int  # the noun phrase proper, without appositives
    core_last: int
    head: str  # "pronoun" | "name" | "person_noun" | "group" | "org_nominal" | "member"
    name_first: int | None = None  # the capitalised name inside the mention
    name_last: int | None = None
    anonymous: bool = False
    # A list of its own for each mention: _build appends to it. Made by default, so that
    # the commonest mentions ("he", "Kim") are built without a keyword argument.
    appositives: list[tuple[int, int]] = field(default_factory=list)


_new = object.__new__


def _mention(
    first: int, last: int, head: str, name_first: int | None = None, name_last: int | None = None
) -> Mention:
    """Mention(first, last, first, last, head, name_first, name_last), made without the
    dataclass's __init__ (its defaults and list factory cost half as much again): the
    mentions this stage builds have no appositive or aside around their core yet."""
    mention = _new(Mention)
    mention.first = first  # in the fields' order, as __init__ stores them
    mention.last = last
    mention.core_first = first
    mention.core_last = last
    mention.head = head
    mention.name_first = name_first
    mention.name_last = name_last
    mention.anonymous = False
    mention.appositives = []
    return mention


def np_start(
    tokens: list[Token], end: int, floor: int, lexicon: Lexicon | None = None
) -> int | None:
    """First token of a speaker noun phrase ending at tokens[end], or None.

    Walks left from the head while words still belong to the phrase: names,
    titles, role nouns, modifiers, possessives, connectors between them, and
    stops after a determiner.
    """
    lexicon = lexicon or load_lexicon()
    if tokens[end].text == ")":
        # "The Inter-Services Public Relations (ISPR)": the head is before the brackets.
        opening = _opening_bracket(tokens, end, floor)
        if opening is None or opening - 1 < floor:
            return None
        inner = np_start(tokens, opening - 1, floor, lexicon)
        return inner
    head = tokens[end]
    if head.lower in PRONOUNS:
        return end
    if head.text[:1].isdigit() and _body_number(tokens, end, floor):
        # "Fraternal Order of Police Lodge 7": the number is part of the body's name.
        return np_start(tokens, end - 1, floor, lexicon)
    if not _can_head(head, lexicon):
        return None
    start = end
    index = end - 1
    while index >= floor:
        token = tokens[index]
        lower = token.lower
        initial = token.text[:1]  # decides the commonest cases without a call
        if initial.isupper() and (
            lower not in _NP_STRUCTURE_WORDS or _capital_joins_a_name(tokens, index, lower)
        ):
            start = index  # a capitalised word of a name: the common case, tested first
            index -= 1
            continue
        if initial.isdigit() and _body_number(tokens, index, floor):
            index -= 1  # "Local 32BJ", read as "Local", "32", "BJ"
            continue
        if initial in _APOSTROPHES and _plural_possessive(tokens, index, floor):
            start = index - 1  # "the nurses' union"
            index -= 2
            continue
        if lower in DETERMINERS:
            if (
                index - 1 >= floor
                and tokens[index - 1].lower in {"of", "for"}
                and index - 2 >= floor
                and _is_partitive_head(tokens[index - 2], lexicon)
            ):
                start = index - 2  # "the top brass of the Pakistan Army", "one of the people"
                index -= 3
                continue
            if index - 2 >= floor and _the_in_a_body_name(tokens, index, floor, lexicon):
                start = index - 2  # "the Department of the Interior"
                index -= 3
                continue
            return index
        if lower == "of" and index - 1 >= floor and tokens[index - 1].lower in QUANTITY_NOUNS:
            # "A growing number of Senate Democrats", "a majority of voters"
            start = index - 1
            index -= 2
            continue
        if lower in CONNECTORS and lower != "and" and index - 1 >= floor:
            left = tokens[index - 1]
            if _phrase_word(left, lexicon) and (
                tokens[index + 1].is_capitalised()
                or tokens[index + 1].lower in DETERMINERS
                or lower == "of"
            ):
                index -= 1
                continue
            break
        if lower in {"and", "&"} and index - 1 >= floor:
            if (tokens[index - 1].is_capitalised() or tokens[index - 1].text.isdigit()) and tokens[
                index + 1
            ].is_capitalised():
                index -= 1
                continue
            if _groups_joined(tokens[index - 1], head, lexicon):
                start = index - 1  # "Tribes and environmental groups argue"
                index -= 2
                continue
            break
        if token.text == "," and _comma_in_a_listed_name(tokens, index, end, floor, lexicon):
            index -= 1  # "the Ministry of Housing, Communities and Local Government"
            continue
        if (
            token.text in {"(", ")"}
            or _phrase_word(token, lexicon)
            or _month_as_first_name(tokens, index, lexicon)
            or _compound_title_start(tokens, index)
        ):
            start = index
            index -= 1
            continue
        if (
            token.text[:1].islower()
            and token.is_word()
            and lower not in _NOT_MODIFIERS
            and not _verb_after_a_name(tokens, index, floor, lexicon)
            and (
                _determiner_within(tokens, index, floor, 3)
                or _near_floor(tokens, index, floor)
                or _after_clause_join(tokens, index, floor)
            )
        ):
            start = index  # an adjective between a determiner and the head
            index -= 1
            continue
        break
    while start < end and (tokens[start].lower in CONNECTORS or tokens[start].text in {"(", ")"}):
        start += 1
    while (
        start < end
        and tokens[start].text[:1].isupper()
        and tokens[start].lower in NON_NAME_CAPITALS
        and not _compound_title_start(tokens, start)
    ):
        start += 1
    return start


_COORDINATORS = frozenset({"and", "but", "or"})


def _verb_after_a_name(tokens: list[Token], index: int, floor: int, lexicon: Lexicon) -> bool:
    """ "Lena Sutherland accused Republicans of …": a past tense or a speech verb right
    after a name is the name's verb, not a modifier of the words after it."""
    if index - 1 < floor:
        return False
    before = tokens[index - 1]
    if not before.text[:1].isupper() or before.lower in DETERMINERS or before.lower in QUANTIFIERS:
        return False  # "The accused man said", "One retired autoworker says"
    lower = tokens[index].lower
    return lower.endswith("ed") or lower in lexicon.cue_forms


def _opening_bracket(tokens: list[Token], closing: int, floor: int) -> int | None:
    """Index of the "(" a few words before the ")" at tokens[closing], not before floor."""
    lowest = closing - 5 if closing - 5 > floor else floor  # no max(): 3.11's parses keywords
    for index in range(closing - 1, lowest - 1, -1):
        if tokens[index].text == "(":
            return index
    return None


def _plural_possessive(tokens: list[Token], index: int, floor: int) -> bool:
    """Is tokens[index] the apostrophe of a plural possessive ("nurses'") read apart?"""
    return (
        tokens[index].text in _APOSTROPHES
        and index - 1 >= floor
        and tokens[index - 1].end == tokens[index].start
        and tokens[index - 1].lower.endswith("s")
        and tokens[index - 1].text.isalpha()
    )


_APOSTROPHES = frozenset({"'", "’"})


def _body_number(tokens: list[Token], index: int, floor: int) -> bool:
    """Is tokens[index] the number of a numbered body ("Lodge 7", "Local 32BJ")?"""
    return (
        tokens[index].text[:1].isdigit()
        and index - 1 >= floor
        and tokens[index - 1].lower in _NUMBERED_BODIES
        and tokens[index - 1].text[:1].isupper()
    )


_NUMBERED_BODIES = frozenset(
    {"lodge", "local", "district", "post", "chapter", "unit", "precinct", "ward", "station"}
)
# Words np_start treats specially even when capitalised; any other capitalised word
# belongs to the phrase (_phrase_word).
_NP_STRUCTURE_WORDS = DETERMINERS | CONNECTORS | NOT_NAME_WORDS | {"of", "and", "&"}


def _compound_title_start(tokens: list[Token], index: int) -> bool:
    """ "Under Secretary": a capitalised preposition that opens a title."""
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    return tokens[index].text == "Under" and following in {"secretary", "sheriff"}


def _month_as_first_name(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """ "June Haverkamp", "April Ryan": a month that is a first name before a surname."""
    text = tokens[index].text
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        (text in lexicon.female_names or text in lexicon.male_names)
        and text.lower() in MONTHS
        and following is not None
        and following.text[:1].isupper()
        and following.lower not in MONTHS
    )


DOCUMENT_WORDS = word_set("document_words")
# Words that never modify a speaker noun, though they sit between a determiner and it.
_NOT_MODIFIERS = word_set("non_starters") | word_set("not_modifiers")
QUANTITY_NOUNS = frozenset({"number", "majority", "minority", "handful", "dozens", "hundreds"})


def _is_partitive_head(token: Token, lexicon: Lexicon) -> bool:
    lower = token.lower
    return (
        lower in QUANTIFIERS
        or lower in lexicon.group_nouns
        or lower in {"brass", "leadership", "head", "spokesman", "spokeswoman", "spokesperson"}
        or lower in lexicon.person_nouns
    )


def _near_floor(tokens: list[Token], index: int, floor: int) -> bool:
    """ "Election law experts said", "…, city officials announced", "according to city
    engineer Dana Whitlock": a modifier or two at the start of the phrase."""
    if index - floor > 2:
        return False
    # After a comma, "to", or the closing mark of a quote ('"…," mission chief Ann Lee said')
    opens_phrase = floor == 0 or tokens[floor - 1].text in _PHRASE_OPENING_MARKS
    if not (tokens[floor].text[:1].isupper() or opens_phrase):
        return False
    return all(
        t.is_word()
        and t.lower not in _VERBISH
        and t.lower not in CONNECTORS
        and t.lower not in _CLAUSE_JOINS
        for t in tokens[floor : index + 1]
    )


_PHRASE_OPENING_MARKS = frozenset({",", "to", "”", '"', "’", "»"})


def _after_clause_join(tokens: list[Token], index: int, floor: int) -> bool:
    """ "…, and election officials warn": a modifier or two opening a second clause."""
    for back in (index - 1, index - 2):
        if back < floor:
            return False
        lower = tokens[back].lower
        if lower in {"and", "but", "while", "though", "although", "whereas"}:
            return True
        if not (tokens[back].text.isalpha() and tokens[back].text.islower()) or (
            lower in _VERBISH or lower in CONNECTORS
        ):
            return False
    return False


def _determiner_within(tokens: list[Token], index: int, floor: int, reach: int) -> bool:
    for back in range(index - 1, max(floor, index - reach) - 1, -1):
        token = tokens[back]
        if token.lower in DETERMINERS or token.lower in _SINGLE_OPENERS:
            return True  # "a chip executive", "one chip executive"
        if not token.is_word() or token.lower in NON_NAME_CAPITALS or token.lower in _VERBISH:
            return False
    return False


_SINGLE_OPENERS = frozenset({"one", "another"})


_VERBISH = word_set("verbish")


def _can_head(token: Token, lexicon: Lexicon) -> bool:
    lower = token.lower
    if token.text[:1].isupper():
        return lower not in NOT_NAME_WORDS
    if token.text.endswith(".") and _PARTY_STATE.match(token.text):
        return False
    return (
        lower in lexicon.person_nouns
        or lower in lexicon.group_nouns
        or lower in lexicon.org_nominals
        or lower in {"brass", "wing", "leadership"}
    )


def _phrase_word(token: Token, lexicon: Lexicon) -> bool:
    initial = token.text[:1]
    lower = token.lower
    if not initial.isalnum():  # Token.is_word, inlined: this runs on every word of a phrase
        return False
    if initial.isupper():
        return lower not in NOT_NAME_WORDS
    if lower.endswith(("'s", "’s")):
        return True
    return (
        lower in lexicon.title_words
        or lower in lexicon.person_nouns
        or lower in lexicon.group_nouns
        or lower in lexicon.org_nominals
        or lower in MODIFIERS
        or lower in QUANTIFIERS
        or lower.isdigit()
    )


def _groups_joined(left: Token, head: Token, lexicon: Lexicon) -> bool:
    """Two groups as one subject: "Tribes and environmental groups", "unions and
    employers" (the head of the phrase and the word before "and" both groups)."""
    return head.lower in lexicon.group_nouns and left.lower in lexicon.group_nouns


_FINITE_AUXILIARIES = frozenset(
    {"did", "does", "do", "has", "have", "had", "was", "were", "is", "are", "will", "would"}
)
UNNAMED_PEOPLE = frozenset({"someone", "somebody"})


def head_kind(
    tokens: list[Token], first: int, last: int, lexicon: Lexicon | None = None
) -> str | None:
    """What heads the phrase tokens[first..last]: a name, a pronoun or a nominal."""
    lexicon = lexicon or load_lexicon()
    if tokens[last].text == ")":
        opening = _opening_bracket(tokens, last, first)
        if opening is not None and opening - 1 >= first:
            last = opening - 1
    if last > first and tokens[last].text[:1].isdigit() and _body_number(tokens, last, first):
        last -= 1  # "Transport Workers Union Local 291": the number is the body's
    head = tokens[last]
    lower = head.lower
    if lower in UNNAMED_PEOPLE:
        return "person_noun"  # "Someone close to the mayor said": an unnamed source
    if first == last and lower in PRONOUNS:
        return "pronoun"
    group = lower in lexicon.group_nouns
    # No words between the first and the head: no generator to make ("Officials said").
    if group and (
        last - first < 2 or not any(t.text[:1].isupper() for t in tokens[first + 1 : last])
    ):
        return "group"
    if lower in lexicon.party_members:
        return "person_noun"  # "the Idaho Republican said"
    capitalised = head.text[:1].isupper()
    if (
        capitalised
        and first == last
        and (lower in lexicon.person_nouns or lower in lexicon.org_nominals)
    ):
        return "person_noun" if lower in lexicon.person_nouns else "org_nominal"
    if capitalised and head.text.isupper() and lower in lexicon.person_nouns:
        return "person_noun"  # "the area's MP", "a Labour MEP": a role in capitals
    if capitalised or head.text == ")":
        return "name"
    if group:
        return "group"
    if lower in lexicon.person_nouns:
        return "person_noun"
    if lower in lexicon.org_nominals or lower in {"wing", "brass", "leadership"}:
        return "org_nominal"
    return None


def name_run(tokens: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """The capitalised run at the end of a phrase ("... Pakistan Army", "... Matthew Miller")."""
    end = last
    while end >= first and tokens[end].text in {")"}:
        end -= 1
    if end < first or not (tokens[end].text[:1].isupper() or tokens[end].text == ")"):
        return None
    start = end
    index = end - 1
    while index >= first:
        token = tokens[index]
        if token.text[:1].isupper() or token.text in {"(", ")"}:
            start = index
        elif (
            token.lower in {"of", "and", "&", "for", "de", "al", "bin", "the"}
            and index - 1 >= first
            and tokens[index - 1].text[:1].isupper()
        ) or (index - 1 >= first and _inside_a_body_name(tokens, index, last)):
            pass
        elif token.lower == "the" and _the_in_a_body_name(tokens, index, first, load_lexicon()):
            pass  # "the Department of the Interior"
        elif token.text == "," and _comma_in_a_listed_name(
            tokens, index, end, first, load_lexicon()
        ):
            pass  # "the Ministry of Housing, Communities and Local Government"
        else:
            break
        index -= 1
    last_closing = last if tokens[last].text == ")" else end
    return start, last_closing


def _segments(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """Comma-separated stretches of tokens[first..last] (brackets kept whole), as a
    list: what draining _iter_segments gives, in one pass over the words' texts (it
    runs before every subject that is not a plain name; most have no comma at all)."""
    texts = [token.text for token in tokens[first : last + 1]]
    if "," not in texts:
        return [(first, last)]  # "the military said": one test in C
    if "(" in texts:
        return _bracketed_segments(texts, first)
    found = []
    comma = -1
    for _ in range(texts.count(",")):
        start = comma + 1
        comma = texts.index(",", start)
        found.append((first + start, first + comma - 1))
    found.append((first + comma + 1, last))
    if "of" not in texts and "for" not in texts:
        return found  # no body's name lists fields without one
    return _listed_body_names_joined(tokens, found)


def _listed_body_names_joined(
    tokens: list[Token], segments: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Join the stretches of a body's name that lists its fields with commas: "the
    Ministry of Housing, Communities and Local Government", "the Department for
    Digital, Culture, Media and Sport". The first comma follows "<body word> of|for"
    and capitalised words, and only capitalised words follow, up to an "and" that
    closes the list."""
    joined: list[tuple[int, int]] = []
    index = 0
    while index < len(segments):
        first, last = segments[index]
        closing = _listed_field_close(tokens, segments, index) if joined else None
        if closing is None:
            joined.append((first, last))
            index += 1
        else:
            joined[-1] = (joined[-1][0], segments[closing][1])
            index = closing + 1
    return joined


def _listed_field_close(
    tokens: list[Token], segments: list[tuple[int, int]], index: int
) -> int | None:
    """When the comma before segments[index] sits inside a body's listed name (see
    above), the index of the segment that closes the list."""
    if not _field_of_a_body_ends(tokens, segments[index - 1]):
        return None
    for closing in range(index, len(segments)):
        first, last = segments[closing]
        if first > last or not all(_field_word(tokens[i]) for i in range(first, last + 1)):
            return None
        if tokens[first].lower in {"and", "&"}:
            return closing if first < last else None  # "…, and Trade"
        if any(tokens[i].lower in {"and", "&"} for i in range(first + 1, last)):
            return closing  # "…, Industry and Trade": the list closes here
    return None


def _comma_in_a_listed_name(
    tokens: list[Token], comma: int, end: int, floor: int, lexicon: Lexicon
) -> bool:
    """Is the comma at tokens[comma] inside a body's name that lists its fields, read
    back from its last word at tokens[end] (see _listed_body_names_joined)?"""
    if comma < 3 or not (_listed_word(tokens[comma - 1]) and tokens[comma + 1].text[:1].isupper()):
        return False  # most commas: a lower-case word beside them
    after = range(comma + 1, end + 1)
    if not all(_field_word(tokens[i]) or tokens[i].text == "," for i in after) or not any(
        tokens[i].lower in {"and", "&"} for i in after
    ):
        return False
    index = comma - 1
    while index > floor and (
        _listed_word(tokens[index])
        or (tokens[index].text == "," and tokens[index + 1].text[:1].isupper())
    ):
        index -= 1
    return index < comma - 1 and index - 1 >= floor and _opens_a_list(tokens, index, lexicon)


def _opens_a_list(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """Does the preposition at tokens[index] open a list of names that belongs to the
    word before it: a body's fields ("the Ministry of Development, Industry and
    Trade") or the places a group is from ("residents of Gulshan, Block 7 and Old
    Sabzi Mandi")?"""
    preposition, before = tokens[index].lower, tokens[index - 1]
    if preposition in {"of", "for"} and before.text in lexicon.org_words:
        return True
    return preposition in {"of", "from", "in"} and before.lower in lexicon.group_nouns


def _listed_word(token: Token) -> bool:
    """A word of a listed name: capitalised, or a number ("Block 7")."""
    return token.text[:1].isupper() or token.text.isdigit()


def _comma_after_a_listed_name(
    tokens: list[Token], first: int, comma: int, ceiling: int, lexicon: Lexicon
) -> int | None:
    """The comma that ends a phrase read forwards (`comma` is its first one), past a
    body's listed name ("said the Ministry of Housing, Communities and Local
    Government, which …"): the next comma after the name, or None."""
    end = comma
    while end < ceiling and (
        _field_word(tokens[end + 1])
        or (
            tokens[end + 1].text == ","
            and end + 2 <= ceiling
            and tokens[end + 2].text[:1].isupper()
        )
    ):
        end += 1
    while end > comma and not tokens[end].text[:1].isupper():
        end -= 1
    if end == comma or not _comma_in_a_listed_name(tokens, comma, end, first, lexicon):
        return comma
    return _next_comma(tokens, end + 1, ceiling)


def _field_word(token: Token) -> bool:
    return _listed_word(token) or token.lower in {"and", "&"}


def _field_of_a_body_ends(tokens: list[Token], stretch: tuple[int, int]) -> bool:
    """Does the stretch end in "<body word> of|for" and capitalised words ("…the
    Ministry of Development", "…Department for Digital")?"""
    first, last = stretch
    index = last
    while index >= first and _listed_word(tokens[index]):
        index -= 1
    return index < last and index - 1 >= first and _opens_a_list(tokens, index, load_lexicon())


def _bracketed_segments(texts: list[str], first: int) -> list[tuple[int, int]]:
    """_segments when a "(" is among `texts` (the words' texts from tokens[first]): a
    comma inside a short bracket ("(D., Ore.)") splits nothing, as in _next_comma."""
    found = []
    start = 0
    closing = -1  # a comma before this offset is inside brackets
    for offset, text in enumerate(texts):
        if text == "(" and offset > closing:
            # _closing_bracket: a ")" within the six words after the "(", or none
            closing = texts.index(")", offset + 1) if ")" in texts[offset + 1 : offset + 7] else -1
        elif text == "," and offset > closing:
            found.append((first + start, first + offset - 1))
            start = offset + 1
    found.append((first + start, first + len(texts) - 1))
    return found


def _iter_segments(tokens: list[Token], first: int, last: int) -> Iterator[tuple[int, int]]:
    """Lazily: a caller that needs only the first few stretches of a run-on
    sentence must not pay for splitting all of it (quadratic over a paragraph)."""
    start = first
    comma = _next_comma(tokens, start, last)
    while comma is not None:
        yield start, comma - 1
        start = comma + 1
        comma = _next_comma(tokens, start, last)
    yield start, last


def _next_comma(tokens: list[Token], start: int, last: int) -> int | None:
    """The first comma in tokens[start..last] outside brackets ("(D., Ore.)"), or None."""
    closing = -1  # a comma before this index is inside brackets
    for index in range(start, last + 1):
        text = tokens[index].text
        if text == "(" and index > closing:
            closing = _closing_bracket(tokens, index, last)
        elif text == "," and index > closing:
            return index
    return None


def _closing_bracket(tokens: list[Token], opening: int, last: int) -> int:
    """Index of the ")" closing a short bracket opened at tokens[opening], or -1."""
    for index in range(opening + 1, min(last, opening + 6) + 1):
        if tokens[index].text == ")":
            return index
    return -1


def _dash_aside_start(tokens: list[Token], end: int, floor: int) -> int | None:
    """Index of the dash opening a short aside that closes at tokens[end], or None."""
    dash = tokens[end].text
    if dash not in ASIDE_DASHES:
        return None
    for index in range(end - 1, max(floor, end - 12), -1):
        if tokens[index].text == dash:
            return index if index - 1 >= floor else None
    return None


ASIDE_DASHES = frozenset({"—", "–", "--"})
MEMBER_WORDS = frozenset({"one", "another"})
# "two of them said", "several of them said": some of a group named before, who speak for it.
MEMBERS_OF_THEM = MEMBER_WORDS | {"two", "three", "four", "both", "several", "some", "most"}


def _group_member(tokens: list[Token], first: int, last: int) -> Mention | None:
    """ "one said", "one of them said", "another said": a member of a group named before."""
    if tokens[first].lower not in MEMBERS_OF_THEM:
        return None  # the common case, decided by one look-up
    words = [token.lower for token in tokens[first : last + 1]]
    if words in (["one"], ["another"]) or (
        len(words) == 3 and words[0] in MEMBERS_OF_THEM and words[1] == "of" and words[2] == "them"
    ):
        return _mention(first, last, "member")
    return None


def _question_put_before(
    tokens: list[Token], segments: list[tuple[int, int]], segment: int
) -> bool:
    """Does a question put to the subject ("asked whether …", "pressed on …") open one
    of the stretches between the first and segments[segment]? Its commas are its own."""
    return any(
        tokens[first].lower in QUESTION_LEAD_INS
        for first, last in segments[1:segment]
        if first <= last
    )


def _segment_role(tokens: list[Token], first: int, last: int, lexicon: Lexicon) -> str:
    """How a comma-delimited stretch before a cue relates to the subject."""
    if first > last:
        return "empty"
    opener = tokens[first].lower
    if opener in PARTITIVES and first + 1 <= last and tokens[first + 1].lower == "of":
        return "appositive"  # "Raymond Obi, one of the two no votes, said"
    if opener in RELATIVE_STARTS or (
        opener in {"and", "but"} and first < last and tokens[first + 1].lower in RELATIVE_STARTS
    ):
        return "relative"  # "…, who …", "an official who worked on it, and who spoke …,"
    if opener in PARTICIPIAL_STARTS:
        return "participial"
    if first == last and _is_party_tag(tokens[first].text):
        return "appositive"
    if opener in PARENTHETICAL_STARTS or opener in {"for", "too", "however", "meanwhile"}:
        return "aside"
    start = np_start(tokens, last, first, lexicon)
    if start == first:
        return "appositive"
    if first == last and _NUMBER.match(tokens[first].text):
        return "appositive"  # an age: "Smith, 42, said"
    if first + 1 == last and tokens[first].text.isdigit() and tokens[last].lower in _ORDINALS:
        return "appositive"  # a ward or district: "Ald. Yesenia Ruiz, 12th, called"
    if (
        opener in {"a", "an", "the"}
        or opener.endswith(("'s", "’s"))
        or opener in lexicon.title_words
    ):
        return "appositive"  # "an obstetrician in Greenville who testified against the bill"
    if opener.endswith(("ed", "ing")) and tokens[first].text[:1].islower():
        return "aside"  # "Tull, reached at his home in Kentucky, said"
    if _bare_role(tokens, first, last, lexicon):
        return "appositive"  # "Kira Lundgren, policy director at the Center for …, called"
    return "other"


def _bare_role(tokens: list[Token], first: int, last: int, lexicon: Lexicon) -> bool:
    """A role without an article: lower-case words ending in a person noun, then
    perhaps a phrase saying where ("policy director at the Center for …")."""
    end = next(
        (i - 1 for i in range(first + 1, last + 1) if tokens[i].lower in PHRASE_PREPOSITIONS),
        last,
    )
    return (
        end - first < 4
        and tokens[first].lower not in _CLAUSE_JOINS  # "…, and its president, X, said"
        and tokens[end].lower in lexicon.person_nouns
        and all(token.text.isalpha() and token.text.islower() for token in tokens[first : end + 1])
    )


def _named_before_role(
    tokens: list[Token], role_last: int, floor: int, lexicon: Lexicon
) -> Mention | None:
    """The name a role is in apposition to: "Rick Vandermeer, a paving contractor"
    before "who testified": the contractor who speaks is Vandermeer."""
    if tokens[role_last].lower not in lexicon.person_nouns:
        return None
    start = np_start(tokens, role_last, floor, lexicon)
    if start is None or start - 2 < floor or tokens[start - 1].text != ",":
        return None
    if tokens[start].lower not in {"a", "an", "the"}:
        return None
    named = subject_before(tokens, start - 1, floor, whole=False)
    return named if named is not None and named.head == "name" else None


def with_subject(tokens: list[Token], cue_first: int, floor: int) -> Mention | None:
    """ "…, with supporters saying the bill is needed", "with Sen. John Thune calling it
    "…"": the phrase between "with" and the participle at tokens[cue_first] is its
    subject."""
    lowest = cue_first - _WITH_SUBJECT_WORDS - 1
    if lowest < floor:
        lowest = floor
    for lead_in in range(cue_first - 1, lowest - 1, -1):
        if tokens[lead_in].lower == "with":
            if lead_in + 1 == cue_first:
                return None
            return subject_before(tokens, cue_first, lead_in + 1, whole=True)
        if not tokens[lead_in].is_word():
            return None  # a comma or a mark: no "with" phrase holds one
    return None


_WITH_SUBJECT_WORDS = 6  # "with several Republican senators from farm states"


def subject_before(tokens: list[Token], cue_first: int, floor: int, whole: bool) -> Mention | None:
    """The speaker phrase that ends right before a cue, or None.

    `whole` demands that the phrase fill everything from `floor` (after a
    quote: `"…," Senate Majority Leader Harold Brennan, D-Ore., said`).
    """
    end = cue_first - 1
    if end <= floor:
        # '"…," he said', '"…," Kim said': the commonest attribution, one word or none.
        return _lone_word_before(tokens, end) if end == floor else None
    word = tokens[end].lower  # the word before the cue, read once for the tests below
    if word in _COORDINATORS:
        return None  # "… accused Republicans of staging it and said": the subject is shared
    if floor < cue_first - 40:  # a subject sits close to its verb (no max(): 3.11's is slow)
        floor = cue_first - 40
    if _plain_name_run(tokens, floor, end):
        return _mention(floor, end, "name", floor, end)  # "Ann Lee said"
    # The stages ask again for a subject read before (a cue that leads into two quoted
    # fragments, a cue read by both quote stages): what is read below depends on the
    # tokens and these three numbers only, so a paragraph's readings are kept.
    read = _SUBJECTS_READ[0]
    key = (cue_first, floor, whole)
    if read[0] is tokens:
        subjects = read[1]
        known = subjects.get(key)
        if known is not None:
            return _copied(known)
    elif len(tokens) <= _SUBJECTS_KEPT_UP_TO:
        subjects = {}
        _SUBJECTS_READ[0] = (tokens, subjects)  # one store: safe if another thread reads
    else:
        # Not kept: the tokens would stay alive after the article (a 2 MB paragraph).
        return _read_subject(tokens, cue_first, end, word, floor, whole)
    mention = _read_subject(tokens, cue_first, end, word, floor, whole)
    # Resolving a mention may change whether it is anonymous (and nothing else of it):
    # that is kept as it is now.
    subjects[key] = (mention, mention is not None and mention.anonymous)
    return mention


# The last paragraph's tokens, with the subjects read in it: (cue_first, floor, whole)
# -> the mention read and whether it was anonymous then. Only a paragraph of up to
# _SUBJECTS_KEPT_UP_TO tokens is kept: the list keeps them alive until another is.
_SUBJECTS_READ: list[tuple[list[Token] | None, dict[tuple[int, int, bool], tuple]]] = [(None, {})]
_SUBJECTS_KEPT_UP_TO = 2000  # tokens in a paragraph (a long one is a few hundred)


def _copied(known: tuple[Mention | None, bool]) -> Mention | None:
    """A mention of its own, as subject_before read it: a caller may change the one
    it was given."""
    mention, anonymous = known
    if mention is None:
        return None
    copy = _new(Mention)
    copy.first = mention.first  # in the fields' order, as __init__ stores them
    copy.last = mention.last
    copy.core_first = mention.core_first
    copy.core_last = mention.core_last
    copy.head = mention.head
    copy.name_first = mention.name_first
    copy.name_last = mention.name_last
    copy.anonymous = anonymous
    copy.appositives = list(mention.appositives)
    return copy


def _read_subject(
    tokens: list[Token], cue_first: int, end: int, word: str, floor: int, whole: bool
) -> Mention | None:
    """subject_before past its shortcuts: `word` is tokens[end].lower, `floor` within
    reach of the cue."""
    lexicon = load_lexicon()
    if word in _WHO_WHICH:  # one test for the common case: no relative pronoun
        if end - 1 >= floor and tokens[end - 1].text == ",":
            # "Gov. Curtis Bellamy, who has said he will sign it": the antecedent speaks; with
            # the comma kept, an appositive before "who" stays an appositive ("Council
            # Member Dennis Mulroney, a Staten Island Republican, who said"). When the
            # sentence before it is no subject ("The bill went to Gov. Curtis Bellamy, who"),
            # the phrase right before the comma is.
            if word == "which" and tokens[end - 2].lower in DOCUMENT_WORDS:
                return None  # "the 14th Amendment, which says …": a text, not a speaker
            antecedent = subject_before(tokens, end, floor, whole=False)
            phrase_end = end - 2
            if (
                phrase_end - 2 >= floor
                and _is_party_tag(tokens[phrase_end].text)
                and tokens[phrase_end - 1].text == ","
            ):
                phrase_end -= 2  # "Rep. Grant Whitaker, R-Ind., who": the name, not its tag
            nearest = np_start(tokens, phrase_end, floor) if phrase_end >= floor else None
            if antecedent is None and nearest is not None and nearest > floor:
                antecedent = subject_before(tokens, end, nearest, whole=False)
            return antecedent
        if word == "who" and end - 1 > floor:
            named = _named_before_role(tokens, end - 1, floor, lexicon)
            if named is not None:
                return named  # "Rick Vandermeer, a paving contractor who testified that …"
        if word == "who" and end - 1 >= floor:
            restricted = _restricted_noun_before(tokens, end - 1, floor, lexicon)
            if restricted is not None:
                return restricted  # "criticism from senators who said …"
    if word in _SKIPPABLE or word in WEEKDAYS or word.endswith("ly"):
        # _skipped_before_cue can hold only then: most subjects need no call for it.
        while end >= floor and _skipped_before_cue(tokens, end, floor):
            end = _skip_back(tokens, end, floor)
        if end <= floor:  # "he privately said": one word left, or none
            return _lone_word_before(tokens, end) if end == floor else None
    if (
        not whole
        and tokens[end].lower in _SUBJECT_PRONOUNS
        and not (end > floor and tokens[end - 1].lower in _PREPOSITIONS_BEFORE_AN_OBJECT)
    ):
        # "a number she described as …", "which she later called": no phrase takes in a
        # pronoun before its verb (past any adverb); but "Democrats who voted for it
        # said": "it" after a preposition is its object
        return _mention(end, end, "pronoun")
    if end - 2 == floor and tokens[floor].lower in MEMBERS_OF_THEM:
        member = _group_member(tokens, floor, end)  # "one of them said"
        if member is not None:
            return member
    # The dash tested here: nearly no subject ends in one, and a call costs more.
    opening_dash = (
        _dash_aside_start(tokens, end, floor) if tokens[end].text in ASIDE_DASHES else None
    )
    if opening_dash is not None:
        # "Rep. Sandra Lindqvist — no relation — said": the aside is the reporter's.
        return subject_before(tokens, opening_dash, floor, whole)
    segments = _segments(tokens, floor, end)
    if len(segments) == 1:
        # No comma before the cue ("Mexican Economy Minister Ann Lee said"): the whole
        # stretch is the subject's, with no appositive or aside after it.
        return _subject_in(tokens, floor, end, whole, [], lexicon)
    subject = len(segments) - 1  # the stretch the subject is read from
    roles: list[str] = []  # of the stretches after it, in order
    if segments[-1][0] > segments[-1][1]:
        subject -= 1  # the region ends in a comma: asides/appositives come last
        while subject > 0:
            seg_first, seg_last = segments[subject]  # no *-call: a plain call is cheaper
            role = _segment_role(tokens, seg_first, seg_last, lexicon)
            if role == "other" and _question_put_before(tokens, segments, subject):
                role = "aside"  # "Marsh, asked whether she would take a shorter, 30-day bill,"
            if role == "other":
                break
            roles.insert(0, role)
            subject -= 1
    chain = segments[subject : subject + 1 + len(roles)]
    if whole and subject > 0:
        return None  # words before the subject: "…, were discussed, the wing" is not a subject
    for offset, (core_floor, core_last) in enumerate(chain):
        if offset and (whole or roles[offset - 1] != "appositive"):
            break
        # The two have one length; zip()'s keyword would cost a dict on every call.
        extras = [(a, b, r) for (a, b), r in zip(chain[offset + 1 :], roles[offset:])]  # noqa: B905
        built = _subject_in(tokens, core_floor, core_last, whole, extras, lexicon)
        if built is not None:
            return built
    return None


_WHO_WHICH = frozenset({"who", "which"})


def _restricted_noun_before(
    tokens: list[Token], last: int, floor: int, lexicon: Lexicon
) -> Mention | None:
    """The people a restrictive "who" clause picks out speak in it: "drew criticism
    from senators who said …", "a nurse who said she …". Only a group or a person
    noun: "those who said" and "the bill that …" are left alone."""
    head = tokens[last].lower
    if head not in lexicon.group_nouns and head not in lexicon.person_nouns:
        return None
    start = last
    while start > floor and _before_a_plain_head(tokens[start - 1]):
        start -= 1  # "from two Senate aides who", "angered several senators who"
    # Only after a preposition or a past verb: "Senators who said the bill was flawed
    # voted no" (the clause runs on into the sentence's own verb) and "is the only
    # company official who agreed to speak" (a description) are left alone.
    if start == floor:
        return None
    before = tokens[start - 1]
    if before.lower not in _RESTRICTIVE_LEAD_INS and not (
        before.lower.endswith("ed") and before.text.islower()
    ):
        return None
    return _subject_in(tokens, start, last, False, [], lexicon)


_RESTRICTIVE_LEAD_INS = frozenset({"from", "by", "to", "with", "among", "of", "for", "including"})


def _before_a_plain_head(token: Token) -> bool:
    """May `token` stand in a plain noun phrase before its head noun?"""
    lower = token.lower
    return (
        lower in DETERMINERS
        or lower in QUANTIFIERS
        or lower in MODIFIERS
        or lower.isdigit()
        or (token.text[:1].isupper() and lower not in NON_NAME_CAPITALS)
    )


def _subject_in(
    tokens: list[Token],
    floor: int,
    last: int,
    whole: bool,
    extras: list[tuple[int, int, str]],
    lexicon: Lexicon,
) -> Mention | None:
    """The subject read from the stretch tokens[floor..last], with the appositives and
    asides that follow it (`extras`), or None."""
    if floor == last and _is_party_tag(tokens[last].text):
        return None  # "…, R-Ind., who told": a party tag is said of a name, never a name
    if last > floor and tokens[last].lower in _INTENSIFYING_REFLEXIVES:
        last -= 1  # "Tran herself, asked about the ad, said": Tran
    mention = _core_mention(tokens, floor, last, whole, lexicon)
    if mention is None:
        return None
    built = _build(tokens, mention[0], mention[1], mention[2], extras, lexicon)
    if mention[1] < last:
        # The relative clause belongs to the mention, and may make it anonymous.
        built.last = max(built.last, _cut_clause(tokens, mention[1] + 1, last))
        clause = " ".join(t.lower for t in tokens[mention[1] + 1 : last + 1])
        if _says_anonymous(clause, lexicon):
            built.anonymous = built.head in {"group", "person_noun"} and built.name_first is None
    return built


_PREPOSITIONS_BEFORE_AN_OBJECT = frozenset(
    {"for", "against", "with", "about", "to", "on", "of", "from", "by", "at"}
)
_INTENSIFYING_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself"})


def _plain_name_run(tokens: list[Token], first: int, last: int) -> bool:
    """Are tokens[first..last] all capitalised words that no step of the reading takes
    otherwise ("Ann Lee", "Mexican Economy Minister Ann Lee")? Then the general reading
    (subject_before, _core_mention) takes them as one phrase (no comma, dash, clause,
    preposition or skipped word in it) headed by a name, and the whole of it as its
    name run. One pass, from the head back, which stops at the first other word."""
    if not tokens[last].text[:1].isupper() or tokens[last].lower in _not_plain_names():
        return False  # the head: "… Democrats said", "… Spokesman said" are no names
    for index in range(last - 1, first - 1, -1):
        token = tokens[index]
        if not token.text[:1].isupper():
            return False
        if token.lower in _NOT_IN_A_NAME_RUN and not (
            token.lower in _SURNAME_PARTICLES and index == first  # "Van Rooyen said"
        ):
            return False
    return True


def _capital_joins_a_name(tokens: list[Token], index: int, lower: str) -> bool:
    """A capitalised structure word that belongs to the name after it: "a No 10
    spokesperson", "Van Rooyen", "De Klerk"."""
    following = tokens[index + 1].text
    return (lower == "no" and following.isdigit()) or (
        lower in _SURNAME_PARTICLES and following[:1].isupper()
    )


# Particles that open a surname, capitalised when the surname stands alone ("Van
# Rooyen", "De Klerk", "Von Braun"); lower case inside a full name they join it.
_SURNAME_PARTICLES = frozenset({"van", "von", "de", "da", "del", "der", "di", "le", "la", "bin"})


def _lone_word_before(tokens: list[Token], index: int) -> Mention | None:
    """subject_before when one word stands between its floor and the cue ("…,” Kim
    said"), the commonest subject after a quote: the general reading with the steps
    that cannot apply to one word left out (no clause, time phrase, dash aside or
    appositive fits in it, and a skipped word leaves nothing). `whole` cannot matter:
    one word fills its stretch."""
    token = tokens[index]
    lower = token.lower
    if lower in _UNSKIPPED_PRONOUNS:
        return _mention(index, index, "pronoun")
    if token.text[:1].isupper() and token.text[1:2] != "-" and lower not in _not_plain_names():
        # "Kim": a capitalised word that no test below reads otherwise is its own name
        # run (one set test instead of the eight below; a dash could make a party tag).
        return _mention(index, index, "name", index, index)
    if lower in _SKIPPABLE or (lower.endswith("ly") and is_manner_adverb(token)):
        return None  # "…," privately said: the word is skipped and no subject is left
    if lower in MEMBER_WORDS:
        return _mention(index, index, "member")  # "one said"
    if token.text == "," or _is_party_tag(token.text):
        return None  # nothing before the comma; a party tag is said of a name, never one
    # _core_mention of one word: a phrase of its own if it can head one (np_start of
    # one word: no clause or preposition to look behind), read by what heads it.
    lexicon = load_lexicon()
    if lower not in PRONOUNS and not _can_head(token, lexicon):
        return None
    head = head_kind(tokens, index, index, lexicon)
    if head is None:
        return None
    if head == "name":
        # _build of one capitalised word: the word is its own name run.
        return _mention(index, index, "name", index, index)
    return _build(tokens, index, index, head, [], lexicon)


@cache
def _not_plain_names() -> frozenset[str]:
    """Lower-case forms of the words that, capitalised, are read otherwise than as a
    name when they head a subject ("He", "One", "Officials", "Democrat", "Monday"):
    _NOT_IN_A_NAME_RUN and every lexicon set head_kind tests a head against. Built once,
    so that _plain_name_run and _lone_word_before settle a name by one set test."""
    lexicon = load_lexicon()
    return _NOT_IN_A_NAME_RUN.union(
        lexicon.group_nouns, lexicon.party_members, lexicon.person_nouns, lexicon.org_nominals
    )


# Questions put to a subject before it speaks ("Asked whether …, she said").
QUESTION_LEAD_INS = frozenset({"asked", "pressed", "questioned", "challenged"})
POSTMODIFIER_STARTS = frozenset(
    {"who", "speaking", "familiar", "close", "involved", "working", "granted", "briefed", "privy"}
)
# Participles that qualify a group ("voters interviewed afterward", "residents reached
# by phone"); after a name they are its verb ("WKRV reached out to …, which said").
GROUP_PARTICIPLES = frozenset({"interviewed", "polled", "surveyed", "contacted", "reached"})
_POSTMODIFIED_HEADS = frozenset({"group", "person_noun", "name"})
PARTITIVES = frozenset({"one", "both", "each", "either", "neither", "two", "three", "some"})
# "Officials at the Pentagon", "diplomats in the region": the group is the subject.
PLACE_PREPOSITIONS_AFTER_NOUN = frozenset(
    {"at", "in", "from", "with", "for", "of", "near", "along", "across", "outside", "around"}
)


def _core_mention(
    tokens: list[Token], floor: int, last: int, whole: bool, lexicon: Lexicon
) -> tuple[int, int, str] | None:
    if last < floor:
        return None
    if _plain_name_run(tokens, floor, last):
        return floor, last, "name"  # "Senate Majority Leader Ann Lee, D-Ore., said"
    first = np_start(tokens, last, floor, lexicon)
    if first is None or (first > floor and tokens[first - 1].lower == "to"):
        return _head_before_postmodifier(tokens, floor, last, whole, lexicon)
    if first > floor and not whole and _leading_adjunct(tokens, floor, first - 1):
        pass  # "At a debate last month Ann Lee said": a time or place leads the sentence
    elif first == floor + 1 and not whole and tokens[floor].lower in _SENTENCE_ADVERBS:
        pass  # "Later the governor said"
    elif first > floor and (
        whole or (tokens[first - 1].lower not in _CLAUSE_JOINS and not _opens_a_line(tokens, first))
    ):
        # "diplomats in the region said", or else "strategists who have advised Ann
        # Lee said", "two aides tracking the count said": not the name at the end.
        return _noun_before_preposition(
            tokens, floor, first - 1, whole, lexicon
        ) or _head_before_postmodifier(tokens, floor, last, whole, lexicon)
    if first < last:  # one word ("Officials said") has nothing after its head
        # "a source close to Farraday": the source speaks, not Farraday.
        for index in range(first + 1, last + 1):
            if tokens[index].lower in POSTMODIFIER_STARTS:
                inner_head = head_kind(tokens, first, index - 1, lexicon)
                if inner_head in {"group", "person_noun"}:
                    return first, index - 1, inner_head
                break
        # "a friend of the MP", "one pal of Fairbrother": the friend speaks, not the MP.
        if tokens[first].lower in _UNNAMED_OPENERS:  # _relation_of's first test, inlined
            of_at = _relation_of(tokens, first, last)
            if of_at is not None:
                return first, of_at - 1, "person_noun"
        # "Security officials in Miranshah": the officials speak, not the town.
        for index in range(first + 1, last):
            if (
                tokens[index].lower in _PLACE_AFTER_NOMINAL and _nominal(tokens[index - 1], lexicon)
            ) or (_residents_of(tokens, index, lexicon)):
                inner_head = head_kind(tokens, first, index - 1, lexicon)
                if inner_head in {"group", "person_noun", "org_nominal"}:
                    return first, index - 1, inner_head
                break
    head = head_kind(tokens, first, last, lexicon)
    if head is None:
        return None
    return first, last, head


_PLACE_AFTER_NOMINAL = frozenset({"in", "at", "from", "on"})


def _residents_of(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """ "residents of Gulshan and Old Sabzi Mandi": people "of" named places are the
    speakers, not the places; only after a plural people noun in lower case (the
    "Department of Justice" is one name)."""
    before = tokens[index - 1]
    return (
        tokens[index].lower == "of"
        and before.text.islower()
        and before.lower in lexicon.group_nouns
        and index + 1 < len(tokens)
        and tokens[index + 1].text[:1].isupper()
    )


def _relation_of(tokens: list[Token], first: int, last: int) -> int | None:
    """Where "of" follows a noun of relation that opens an unnamed source ("a friend
    of", "one neighbour of", "a longtime ally of"), or None."""
    if tokens[first].lower not in _UNNAMED_OPENERS:
        return None
    for index in range(first + 1, min(last, first + 4)):
        if tokens[index].lower == "of":
            return index if tokens[index - 1].lower in RELATION_NOUNS else None
    return None


RELATION_NOUNS = word_set("relation_nouns")
_UNNAMED_OPENERS = frozenset({"a", "an", "one", "another"})


def _head_before_postmodifier(
    tokens: list[Token], floor: int, last: int, whole: bool, lexicon: Lexicon
) -> tuple[int, int, str] | None:
    """ "Three lawmakers who spoke on condition of anonymity said", "a source close
    to Farraday said", "aides tracking the count said": the head sits before a
    clause or phrase without commas."""
    verb_seen = False
    for index in range(last - 1, max(floor, last - 16), -1):
        lower = tokens[index].lower
        if index - 1 >= floor and (
            lower in POSTMODIFIER_STARTS
            or lower in GROUP_PARTICIPLES
            or (lower.endswith("ing") and _nominal(tokens[index - 1], lexicon))
        ):
            inner = _core_mention(tokens, floor, index - 1, whole, lexicon)
            heads = {"group"} if lower in GROUP_PARTICIPLES else _POSTMODIFIED_HEADS
            if inner is not None and inner[2] in heads:
                return inner
            break
        if lower in _FINITE_AUXILIARIES:
            # "A spokesperson for X did not dispute that but said": a clause of its
            # own (unless a "who" opens it further back), not a place after a noun.
            verb_seen = True
        elif lower in PHRASE_PREPOSITIONS and not verb_seen:
            # "diplomats in the region said": the place is no speaker.
            inner = _noun_before_preposition(tokens, floor, index, whole, lexicon)
            if inner is not None:
                return inner
    return None


def _leading_adjunct(tokens: list[Token], first: int, last: int) -> bool:
    """Are tokens[first..last] a time or place that leads a sentence ("At a debate
    last month", "After the vote"): a preposition, then words with no verb or comma?"""
    if not 2 <= last - first + 1 <= _ADJUNCT_LONGEST or tokens[first].lower not in _ADJUNCT_OPENERS:
        return False  # a lone preposition has the name after it as its object ("On Capitol Hill")
    if tokens[last].lower in PHRASE_PREPOSITIONS or tokens[last].lower in _ADJUNCT_OPENERS:
        return False  # "At a bus shelter on Euclid Avenue": the name ends the adjunct
    return all(
        token.text[:1].isalnum()
        and token.lower not in _NOT_IN_AN_ADJUNCT
        and not token.lower.endswith("ed")  # "In a letter obtained by Fox News": no adjunct
        for token in tokens[first + 1 : last + 1]
    )


def past_lead_in(
    tokens: list[Token], first: int, last: int, lead_ins: frozenset[str] = QUESTION_LEAD_INS
) -> int:
    """Past "Asked whether …," or "Pressed on …," (a comma before tokens[last]) to the
    sentence's subject; `first` when no such lead-in opens it."""
    if first > last or tokens[first].lower not in lead_ins:
        return first
    comma = next((i for i in range(first + 1, last) if tokens[i].text == ","), None)
    return comma + 1 if comma is not None else first


def _past_leading_adjunct(tokens: list[Token], first: int, ceiling: int) -> int:
    """Past "In a 2-1 decision," or "After the vote," before a sentence's subject, and
    past a question put to the subject ("Pressed on whether …, Harrow said …")."""
    if first > ceiling:
        return first
    if tokens[first].lower in QUESTION_LEAD_INS:
        return past_lead_in(tokens, first, min(ceiling, first + 30))
    if _opens_with_a_participle(tokens[first]) and not _title_modifier(tokens, first, ceiling):
        return _past_participial_phrase(tokens, first, ceiling)
    if (
        first < ceiling
        and tokens[first].lower in _SENTENCE_ADVERBS
        and tokens[first + 1].text == ","
    ):
        return first + 2  # "Later, Cordero told lawmakers … and said …"
    if (
        first + 2 <= ceiling
        and tokens[first].lower in _TIME_DEICTICS
        and tokens[first + 1].lower in _TIME_UNITS
    ):
        # "Last year the commission sued …, arguing that …": a time, then the subject
        return first + 3 if tokens[first + 2].text == "," else first + 2
    if tokens[first].lower not in _ADJUNCT_OPENERS:
        return first
    for comma in range(first + 2, min(ceiling, first + _ADJUNCT_LONGEST + 1)):
        if tokens[comma].text == ",":
            return comma + 1 if _leading_adjunct(tokens, first, comma - 1) else first
    return first


def _opens_with_a_participle(token: Token) -> bool:
    text = token.text
    return len(text) > 5 and text.endswith("ing") and text[:1].isupper() and text[1:].islower()


def _title_modifier(tokens: list[Token], first: int, ceiling: int) -> bool:
    """ "Ranking member Lena Sutherland", "Acting Director Ann Lee", "Outgoing Mayor …":
    a word in -ing that modifies a title or a name, not a participle opening a phrase."""
    if first >= ceiling:
        return False
    lower = tokens[first + 1].lower
    lexicon = load_lexicon()
    return lower in lexicon.title_words or lower in lexicon.person_nouns


def _past_participial_phrase(tokens: list[Token], first: int, ceiling: int) -> int:
    """Past "Speaking to reporters at the assembly," before the sentence's subject."""
    for index in range(first + 1, min(ceiling, first + _PARTICIPIAL_LONGEST) + 1):
        text = tokens[index].text
        if text == ",":
            return index + 1
        if text in {".", "?", "!", ";", ":"}:
            break
    return first


_PARTICIPIAL_LONGEST = 15
_SENTENCE_ADVERBS = frozenset(
    {"later", "earlier", "then", "meanwhile", "separately", "afterward", "afterwards", "now"}
    # "However, he defended the bill, saying …": discourse adverbs, likewise
    | {"however", "still", "instead", "nonetheless", "nevertheless", "moreover", "indeed"}
    | {"similarly", "likewise", "previously", "initially", "finally", "subsequently"}
)
_ADJUNCT_LONGEST = 8
_ADJUNCT_OPENERS = frozenset(
    {"at", "after", "before", "during", "in", "on", "since", "earlier", "later"}
)
_NOT_IN_AN_ADJUNCT = frozenset(
    {"who", "that", "which", "and", "but", "by", "said", "says", "told", "was", "were", "is", "are"}
)


def _noun_before_preposition(
    tokens: list[Token], floor: int, preposition: int, whole: bool, lexicon: Lexicon
) -> tuple[int, int, str] | None:
    """ "Officials at the Pentagon", "Organizers of a recall effort against Councilman X":
    the people before the phrase (a chain of a few prepositional phrases at most)."""
    for _ in range(3):
        if preposition - 1 < floor or tokens[preposition].lower not in PHRASE_PREPOSITIONS:
            return None
        if tokens[preposition - 1].text[:1].isupper() and tokens[preposition].lower in {
            "of",
            "from",
        }:
            # "Judge Miriam Hale of the Northern District of Georgia": the person named.
            # A full name, not a lone capital ("One of them, Bettina McCourt, said").
            inner = _core_mention(tokens, floor, preposition - 1, whole, lexicon)
            if inner is not None and inner[2] == "name" and inner[1] > inner[0]:
                return inner
        if _nominal(tokens[preposition - 1], lexicon):
            inner = _core_mention(tokens, floor, preposition - 1, whole, lexicon)
            if inner is not None and inner[2] in {"group", "person_noun"}:
                return inner
            return None
        # Step back over "a recall effort" to the preposition before it.
        index = preposition - 1
        while index >= floor and index > preposition - 5 and tokens[index].text[:1].islower():
            if tokens[index].lower in PHRASE_PREPOSITIONS:
                break
            index -= 1
        if index < floor or tokens[index].lower not in PHRASE_PREPOSITIONS:
            return None
        preposition = index
    return None


# "to" too: "advisers to the campaign", "the ambassador to Mexico".
PHRASE_PREPOSITIONS = PLACE_PREPOSITIONS_AFTER_NOUN | {"against", "on", "behind", "to"}


def _nominal(token: Token, lexicon: Lexicon) -> bool:
    lower = token.lower
    return (
        lower in lexicon.group_nouns
        or lower in lexicon.person_nouns
        or lower in lexicon.org_nominals
    )


_SKIPPABLE = word_set("skippable")
# Pronouns the skipping in subject_before never steps over (no time word, no "-ly"
# adverb): a lone one before the cue is the subject, decided before any skipping.
_UNSKIPPED_PRONOUNS = frozenset(PRONOUNS).difference(_SKIPPABLE, WEEKDAYS)
# Lower-case forms of the words that, capitalised, some step of subject_before, np_start
# or _core_mention reads otherwise than as a word of a name ("In", "Who", "One", "The",
# "Speaking", "Also", "Monday"): any other capitalised word before the head of a run
# of them is part of its name ("Mexican Economy Minister Ann Lee").
_NOT_IN_A_NAME_RUN = frozenset().union(
    PRONOUNS,
    _SKIPPABLE,
    MEMBER_WORDS,
    NOT_NAME_WORDS,
    _NP_STRUCTURE_WORDS,
    UNNAMED_PEOPLE,
    POSTMODIFIER_STARTS,
    _UNNAMED_OPENERS,
    _PLACE_AFTER_NOMINAL,
    RELATIVE_STARTS,
)
_CLAUSE_JOINS = word_set("clause_joins")
# What may stand before a sentence's real start: a dateline's dash ("NEW YORK, Oct 9
# (Reuters) - Federal Reserve Governor …"), a bullet ("* Bellamy said"), "EXCLUSIVE:".
_LINE_OPENERS = frozenset({"—", "–", "-", "*", "•", ":"})


def _opens_a_line(tokens: list[Token], first: int) -> bool:
    # Also an inverted copula: "Among the no votes was Council Member Dennis Mulroney".
    return tokens[first - 1].text in _LINE_OPENERS or tokens[first - 1].lower in _COPULAS


_COPULAS = frozenset({"was", "were", "is", "are"})


def _skipped_before_cue(tokens: list[Token], index: int, floor: int) -> bool:
    """Does tokens[index] stand between a subject and its cue without being part of
    it: an adverb ("also", "two senators privately told") or the end of a time
    phrase ("on Monday")? One call per word: it runs before every subject."""
    token = tokens[index]
    lower = token.lower
    if lower in _SKIPPABLE:
        return True
    if lower in WEEKDAYS and index - 1 >= floor and tokens[index - 1].lower in _TIME_LEADS:
        return True
    return lower.endswith("ly") and is_manner_adverb(token)  # a call for words in -ly only


_TIME_LEADS = frozenset({"on", "last", "this"})


def _skip_back(tokens: list[Token], index: int, floor: int) -> int:
    if tokens[index].lower in WEEKDAYS:
        return index - 2
    return index - 1


def _build(
    tokens: list[Token],
    core_first: int,
    core_last: int,
    head: str,
    extras: list[tuple[int, int, str]],
    lexicon: Lexicon,
) -> Mention:
    mention = _mention(core_first, core_last, head)
    run = name_run(tokens, core_first, core_last) if head == "name" else None
    if run:
        mention.name_first, mention.name_last = run
    # The relative and participial clauses, read for anonymity only if need be.
    clauses: list[tuple[int, int]] = []
    for seg_first, seg_last, role in extras:
        if role == "aside":
            break  # "the ISPR, in a statement, said": the aside is not the speaker
        if role == "appositive":
            mention.appositives.append((seg_first, seg_last))
            # The comma after the appositive, if any (no min(): 3.11's parses keywords).
            after = seg_last + 1 if seg_last + 1 < len(tokens) else len(tokens) - 1
            mention.last = after if tokens[after].text == "," else seg_last
            appositive_run = name_run(tokens, seg_first, seg_last)
            # The appositive names the speaker ("the spokesman, Ali Khan,", "a resident,
            # retired engineer Phil Deakins,"), unless its name is the object of a
            # preposition ("the lawmakers, all members of the X Committee,").
            unnamed = mention.name_first is None and head != "name"
            if (
                appositive_run
                and (unnamed or _office_of(tokens, core_first, core_last, lexicon))
                and not any(
                    t.lower in _NAME_OBJECT_PREPOSITIONS
                    for t in tokens[seg_first : appositive_run[0]]
                )
                and head_kind(tokens, seg_first, seg_last, lexicon) == "name"
            ):
                mention.name_first, mention.name_last = appositive_run
                mention.head = "name"
        elif role in {"relative", "participial"} and head in {"group", "person_noun"}:
            mention.last = _cut_clause(tokens, seg_first, seg_last)
            clauses.append((seg_first, seg_last))
        else:
            break
    if head in {"group", "person_noun"} and mention.name_first is None:
        if tokens[core_last].lower in lexicon.anonymous_heads:
            mention.anonymous = True
        else:
            # Joined only here: "Officials, speaking on condition of anonymity," is
            # settled by its head ("officials") without the words of its clause.
            text = " ".join(t.lower for t in tokens[core_first : core_last + 1])
            for seg_first, seg_last in clauses:
                text += " " + " ".join(t.lower for t in tokens[seg_first : seg_last + 1])
            mention.anonymous = _says_anonymous(text, lexicon)
    return mention


def _says_anonymous(text: str, lexicon: Lexicon) -> bool:
    """Does `text` hold one of the lexicon's anonymity phrases ("condition of
    anonymity", "familiar with")? A plain loop costs half of any() over a generator
    (and a compiled alternation of the phrases 12 ms to build)."""
    for phrase in lexicon.anonymity_phrases:  # noqa: SIM110 - see above
        if phrase in text:
            return True
    return False


def _office_of(tokens: list[Token], first: int, last: int, lexicon: Lexicon) -> bool:
    """ "The mayor of Leeds", "the head of FEMA": an office before the body or place
    that names it, so that an appositive name after it is the speaker."""
    index = first + 1 if tokens[first].lower in DETERMINERS else first
    while index < last and tokens[index].lower != "of":
        if not tokens[index].text.islower():
            return False
        index += 1
    office = tokens[index - 1].lower
    return first < index < last and (office in lexicon.person_nouns or office == "head")


_NAME_OBJECT_PREPOSITIONS = frozenset({"of", "at", "for", "from", "in", "on", "with"})


def _cut_clause(tokens: list[Token], first: int, last: int) -> int:
    """End a relative clause before its "because ..." or "to discuss ..." tail."""
    for index in range(first + 1, last + 1):
        if tokens[index].lower in {"because", "as", "since"}:
            return index - 1
        if (
            tokens[index].lower == "to"
            and tokens[index - 1].lower != "close"
            and index + 1 <= last
            and tokens[index + 1].lower not in {"be", "speak"}
        ):
            return index - 1
    return last


def subject_after(tokens: list[Token], first: int, ceiling: int) -> Mention | None:
    """The speaker phrase right after an inverted cue or a dash: `said Smith, the ...`."""
    lexicon = load_lexicon()
    if first > ceiling:
        return None
    # The first comma-separated stretch, without a generator: the stretches after it
    # are read only for appositives ("said Smith, the …"), from the comma on.
    comma = _next_comma(tokens, first, ceiling)
    if comma is not None and tokens[comma - 1].text[:1].isupper():
        comma = _comma_after_a_listed_name(tokens, first, comma, ceiling, lexicon)
    core_first, core_last = first, ceiling if comma is None else comma - 1
    if core_last < core_first:
        return None
    # "two administration officials and a letter reviewed by The Post": the officials
    core_last = _before_documents(tokens, core_first, core_last)
    approximated = core_first  # "more than a dozen lawmakers": the mention keeps "more than"
    core_first = _past_approximation(tokens, core_first, core_last)
    # The core phrase may be followed by a time phrase ("said Smith on Monday") or
    # a postmodifier ("according to two people familiar with the talks").
    end = core_last
    for index in range(core_first + 1, core_last + 1):
        lower = tokens[index].lower  # the helpers' first tests, inlined: no call per word
        if (
            (lower in _AFTER_SUBJECT_STOPS and not _inside_a_body_name(tokens, index, core_last))
            or (lower.endswith("ing") and _participle_after_nominal(tokens, index, lexicon))
            or (lower == "with" and _with_knowledge(tokens, index, core_last))
        ):
            end = index - 1
            break
    start = np_start(tokens, end, core_first, lexicon)
    if start != core_first:
        return None
    head = head_kind(tokens, core_first, end, lexicon)
    if head is None:
        return None
    extras = []
    if end == core_last and comma is not None:
        for seg_first, seg_last in _iter_segments(tokens, comma + 1, ceiling):
            role = _segment_role(tokens, seg_first, seg_last, lexicon)
            if role != "appositive":
                break
            extras.append((seg_first, seg_last, role))
    built = _build(tokens, core_first, end, head, extras, lexicon)
    if approximated < built.first:  # no min(): 3.11's parses keywords
        built.first = approximated
    if end < core_last and (
        tokens[end + 1].lower in POSTMODIFIER_STARTS or _with_knowledge(tokens, end + 1, core_last)
    ):
        # "two people familiar with the talks" is the whole mention, up to a second
        # source that is a text: "… and internal emails reviewed by The Post".
        core_last = _before_documents(tokens, end + 1, core_last)
        built.last = core_last
        clause = " ".join(t.lower for t in tokens[end + 1 : core_last + 1])
        if _says_anonymous(clause, lexicon):
            built.anonymous = head in {"group", "person_noun"} and built.name_first is None
    return built


def _past_approximation(tokens: list[Token], first: int, last: int) -> int:
    """Past "more than", "at least", "nearly" before a number of sources ("according to
    more than a dozen lawmakers"), when words follow it; else `first`."""
    lower = tokens[first].lower
    skip = 0
    if lower in _APPROXIMATING_PAIRS and first + 1 <= last:
        skip = 2 if tokens[first + 1].lower == _APPROXIMATING_PAIRS[lower] else 0
    elif lower in _APPROXIMATING_WORDS:
        skip = 1
    return first + skip if first + skip < last else first


_TIME_DEICTICS = frozenset({"last", "this", "next", "earlier", "later"})
_TIME_UNITS = word_set("time_units")
_APPROXIMATING_PAIRS = {"more": "than", "fewer": "than", "less": "than", "at": "least", "up": "to"}
_APPROXIMATING_WORDS = frozenset({"nearly", "almost", "about", "roughly", "around", "some", "over"})


def _with_knowledge(tokens: list[Token], index: int, last: int) -> bool:
    """ "two sources with knowledge of the talks", "people with direct knowledge": a
    postmodifier of the sources, not part of their name."""
    return (
        tokens[index].lower == "with"
        and index < last
        and tokens[index + 1].lower in {"knowledge", "direct"}
    )


def _participle_after_nominal(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """ "said one GOP lawmaker backing Ambrose": a participle that qualifies the noun
    before it, which ends the speaker's phrase."""
    text = tokens[index].text
    return (
        text.endswith("ing")
        and text.islower()
        and len(text) > 4
        and _nominal(tokens[index - 1], lexicon)
    )


def _the_in_a_body_name(tokens: list[Token], index: int, floor: int, lexicon: Lexicon) -> bool:
    """Is the "the" at tokens[index] inside a body's name, after "of" and a capitalised
    body word ("the Department of the Interior", "the Office of the Attorney General")?"""
    return (
        tokens[index].lower == "the"
        and index - 2 >= floor
        and tokens[index - 1].lower == "of"
        and tokens[index - 2].text in lexicon.org_words
        and index + 1 < len(tokens)
        and tokens[index + 1].text[:1].isupper()
    )


def _inside_a_body_name(tokens: list[Token], index: int, last: int) -> bool:
    """Does the preposition at tokens[index] join a body's name ("the Joint Committee
    on Taxation", "the Council on Foreign Relations"), rather than start a time or
    place ("said Smith on Monday")?"""
    return (
        tokens[index].lower in {"on", "in"}
        and tokens[index - 1].lower in _BODIES_NAMED_BY_A_FIELD
        and index + 1 <= last
        and tokens[index + 1].text[:1].isupper()
        and tokens[index + 1].lower not in WEEKDAYS
    )


# Bodies whose names go on with "on" + their field.
_BODIES_NAMED_BY_A_FIELD = frozenset(
    {"committee", "subcommittee", "council", "commission", "caucus", "center", "institute"}
)


def _before_documents(tokens: list[Token], first: int, last: int) -> int:
    """`last`, or the word before an "and" that brings in documents as a second source."""
    for index in range(first, last):
        if tokens[index].lower != "and":
            continue
        for word in tokens[index + 1 : min(last, index + 3) + 1]:
            if word.lower.removesuffix("s") in _SOURCE_TEXTS:
                return index - 1
    return last


_SOURCE_TEXTS = frozenset(
    {"email", "document", "record", "message", "memo", "letter", "filing", "text", "data"}
)


_AFTER_SUBJECT_STOPS = (
    frozenset(
        {"on", "in", "at", "during", "after", "before", "last", "this", "when", "while", "as"}
    )
    | POSTMODIFIER_STARTS
)


def after_dateline(tokens: list[Token], first: int, ceiling: int) -> int:
    """Skip "WASHINGTON (AP) —" or "ISLAMABAD:" at the head of an article."""
    if first != 0 or not tokens or not tokens[0].text.isupper() or len(tokens[0].text) < 3:
        return first
    for index in range(1, min(ceiling, 10) + 1):
        if tokens[index].text in {"—", "–", "-", ":"}:
            return index + 1
    return first


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it"})
# Words that open a noun phrase: a name that is a sentence's subject is followed by its
# verb, never by one of these.
_NOUN_OPENERS = DETERMINERS | QUANTIFIERS | {"every", "each", "any", "half", "no"}


def leading_subject(tokens: list[Token], first: int, ceiling: int) -> Mention | None:
    """The noun phrase a sentence opens with, for verbs that share it.

    "Deepa Raman, an analyst at Corbin Securities, called the price … and said …"
    and "City planning staff had recommended approval, saying …" both give
    their opening phrase to the later cue.
    """
    lexicon = load_lexicon()
    first = _past_leading_adjunct(tokens, after_dateline(tokens, first, ceiling), ceiling)
    if first <= ceiling and tokens[first].lower in _SUBJECT_PRONOUNS:
        # "He called the plan a fraud and warned that …"
        return _mention(first, first, "pronoun")
    end = first - 1
    index = first
    while index <= ceiling and index - first < 12:
        token = tokens[index]
        if _phrase_word(token, lexicon) or token.text in {"(", ")"}:
            end = index
        elif index == first and token.lower in DETERMINERS:
            pass  # "A senior administration official said … but acknowledged …"
        elif token.lower not in CONNECTORS and not (
            token.text[:1].islower()
            and token.is_word()
            and index - first <= 2
            # "The mayor thanked staff, saying": a past tense is the verb, not a modifier
            and not token.lower.endswith("ed")
        ):
            break
        index += 1
    if end >= first and _plain_name_run(tokens, first, end):
        head = "name"  # "Mexican Economy Minister Ann Lee called …": the loop below, in one pass
    else:
        while end >= first:
            start = np_start(tokens, end, first, lexicon)
            head = head_kind(tokens, first, end, lexicon) if start == first else None
            if head is not None and head != "pronoun" or (head == "pronoun" and end == first):
                break
            end -= 1
    if end < first:
        return None
    dateline = first == 0 and tokens[first].text.isupper() and len(tokens[first].text) >= 5
    if head is None or dateline:
        return None  # no head, or a dateline ("MONTGOMERY, Ala. —")
    if head == "name" and end == first and end < ceiling and tokens[end + 1].lower in _NOUN_OPENERS:
        return None  # "Nearly every hand went up": a capitalised adverb, not a name, opens it
    extras = []
    if end + 1 <= ceiling and tokens[end + 1].text == ",":
        close = next(
            (i for i in range(end + 2, min(ceiling, end + 16) + 1) if tokens[i].text == ","), None
        )
        if close is not None and _segment_role(tokens, end + 2, close - 1, lexicon) == "appositive":
            extras.append((end + 2, close - 1, "appositive"))
    return _build(tokens, first, end, head, extras, lexicon)
