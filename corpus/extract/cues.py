"""Stage 3: speech cues — the verbs (and phrases) that introduce speech.

A cue is found on tokens outside quotes. It takes in auxiliaries and adverbs
before the verb when an auxiliary starts them ("has said", "had last week
reiterated"), set tails after it ("said in a statement"), and the person told
("told reporters"), whose end is kept so the reported clause can start after it.
"""

from __future__ import annotations

from functools import lru_cache

from .lexicon import Lexicon, word_set
from .lexicon import load as load_lexicon
from .text import TOKEN_LOWER, SlotRecord, Token, indices_where, is_manner_adverb

AUXILIARIES = word_set("auxiliaries")
ADVERBS = word_set("adverbs")
# Words after which a cue form is a noun or adjective ("the reported presence").
DETERMINERS = word_set("cue_blockers")
# Cue forms that are more often nouns or adjectives; they count only after
# something that can be a subject.
NOUNISH_FORMS = word_set("nounish_forms")
PARTICIPLES_AFTER_COMMA = word_set("participles_after_comma")
PUBLISHED_DOCUMENTS = word_set("published_documents")


class Cue(SlotRecord):
    """A speech cue's tokens and lemma.

    A class with slots rather than a tuple: the cue and reported-speech stages
    read its fields hundreds of times per article (tens of thousands in
    quote-dense copy), and Python 3.11 reads a slot at a quarter of the cost of a
    named-tuple field. Hot paths make cues with _new_cue().
    """

    __slots__ = ("first", "verb", "last", "lemma", "clause_from")

    first: int  # token index of the first cue word (an auxiliary, when there is one)
    verb: int  # token index of the verb itself
    last: int  # token index of the last cue word (tail or object included)
    lemma: str
    clause_from: int  # token index where a reported clause may begin

    def __init__(self, first: int, verb: int, last: int, lemma: str, clause_from: int) -> None:
        self.first = first
        self.verb = verb
        self.last = last
        self.lemma = lemma
        self.clause_from = clause_from


_alloc = object.__new__


def _new_cue(first: int, verb: int, last: int, lemma: str, clause_from: int) -> Cue:
    """A cue made without Cue.__init__'s call."""
    cue = _alloc(Cue)
    cue.first = first
    cue.verb = verb
    cue.last = last
    cue.lemma = lemma
    cue.clause_from = clause_from
    return cue


def find_cues(
    tokens: list[Token], outside: list[bool], triggered: list[int] | None = None
) -> list[Cue]:
    """All speech cues among tokens outside quotes, left to right.

    `triggered` lists the tokens outside quotes that may start a cue, ascending
    (ParagraphView.triggered, noted while tokenising); without it they are found here.
    """
    if triggered is None:
        # One cheap pass picks the few tokens worth a closer look.
        is_trigger = load_lexicon().cue_triggers.__contains__
        triggered = indices_where(map(is_trigger, map(TOKEN_LOWER, tokens)))
    if not triggered:
        return []  # most narrative paragraphs, before any other work
    lexicon = load_lexicon()
    cues: list[Cue] = []
    taken_until = -1
    for index in triggered:
        if index <= taken_until or not outside[index]:
            continue
        cue = cue_at(tokens, outside, index, lexicon)
        if cue is not None:
            cues.append(cue)
            taken_until = cue.last
    return cues


def cue_at(tokens: list[Token], outside: list[bool], index: int, lexicon: Lexicon) -> Cue | None:
    token = tokens[index]
    word, lower = token.text, token.lower
    if lower in lexicon.cue_phrase_starts and (
        # Most words that may open a phrase ("was", "is", "made") open none here: the
        # next word settles it before the phrase is matched ("was of the view").
        index + 1 < len(tokens) and (lower, tokens[index + 1].lower) in _phrase_openings()
    ):
        phrase_end = _match_phrase(tokens, index, lexicon.cue_phrases)
        if phrase_end is not None and all(outside[index : phrase_end + 1]):
            lemma = " ".join(map(TOKEN_LOWER, tokens[index : phrase_end + 1]))
            previous = tokens[index - 1].lower if index > 0 else ""
            # "have made clear", "has pointed out": the auxiliary is the cue's too
            first = auxiliary_start(tokens, index) if previous in _BEFORE_VERB else index
            return _new_cue(first, index, phrase_end, lemma, phrase_end + 1)
    lemma = lexicon.cue_forms.get(lower)
    if lemma is None or not word[:1].islower():
        return None  # the common case, decided by one look-up
    previous = tokens[index - 1].lower if index > 0 else ""
    if previous in DETERMINERS and not _object_pronoun(tokens, index - 1):
        return None  # "the reported presence", "a statement"
    if word in NOUNISH_FORMS and not _nounish_form_is_verb(tokens, index, word, previous):
        return None
    # "is quietly telling", "has been telling": an auxiliary may stand further back
    past_adverb = (previous == "been" or previous.endswith("ly")) and _between_auxiliary_and_verb(
        tokens[index - 1]
    )
    if (
        word.endswith("ing")
        and previous not in _HELPERS
        and not (past_adverb and auxiliary_start(tokens, index) < index)
        and word not in PARTICIPLES_AFTER_COMMA
        and previous.removesuffix("s") not in PUBLISHED_DOCUMENTS  # "a concurrence emphasizing"
    ):
        return None
    # Most cues stand alone ("Kerr said the …"): no auxiliary or adverb before the
    # verb, no tail or person told after it; one look-up each rules those out here.
    first = auxiliary_start(tokens, index) if previous in _BEFORE_VERB or past_adverb else index
    after = index + 1
    if lemma != "tell" and (after == len(tokens) or tokens[after].lower not in lexicon.cue_tails):
        cue = _alloc(Cue)  # _new_cue(first, index, index, lemma, after), without its call
        cue.first = first
        cue.verb = cue.last = index
        cue.lemma = lemma
        cue.clause_from = after
        return cue
    last, clause_from = _tail(tokens, outside, index, lemma, lexicon)
    return _new_cue(first, index, last, lemma, clause_from)


@lru_cache(maxsize=1)
def _phrase_openings() -> frozenset[tuple[str, str]]:
    """The first two words of every cue phrase, built once."""
    phrases = [phrase for group in load_lexicon().cue_phrases.values() for phrase in group]
    if any(len(phrase) < 2 for phrase in phrases):
        raise ValueError("a one-word cue phrase belongs in cue_verbs.txt")
    return frozenset(phrase[:2] for phrase in phrases)


# Words after which a participle still introduces speech ("…, saying", "was telling",
# "kept saying").
_HELPERS = frozenset({",", "by", "was", "were", "is", "been", "and", "kept", "keeps"})


def _nounish_form_is_verb(tokens: list[Token], index: int, word: str, previous: str) -> bool:
    """Is a cue form that is more often a noun ("statement", "warning") a verb here?"""
    if not (
        previous
        and (
            tokens[index - 1].is_capitalised()
            or previous in AUXILIARIES
            or previous in {"he", "she", "they", "it", "we"}
            # "a statement warning that …": what the statement says (documents.py)
            or (word.endswith("ing") and previous.removesuffix("s") in PUBLISHED_DOCUMENTS)
            # "…, warning that the levy would …": a participle with its clause
            or (
                previous == ","
                and word.endswith("ing")
                and index + 1 < len(tokens)
                and tokens[index + 1].lower == "that"
            )
        )
    ):
        return False
    if index + 1 >= len(tokens):
        return True
    following = tokens[index + 1]
    if following.is_capitalised():
        return False  # "Virginia state Del. Jane Doe": a noun before a title
    # "Allow state attorneys general to sue": a noun before the people it qualifies
    return word.endswith("s") or following.lower not in load_lexicon().group_nouns


def _object_pronoun(tokens: list[Token], index: int) -> bool:
    """Is tokens[index] "her" as an object ("a person close to her said"), not "her statement"?"""
    return (
        index > 0
        and tokens[index].lower == "her"
        and tokens[index - 1].lower in _PREPOSITIONS_BEFORE_PRONOUN
    )


_PREPOSITIONS_BEFORE_PRONOUN = frozenset({"to", "with", "near", "around", "for", "of", "about"})


def _match_phrase(
    tokens: list[Token], index: int, phrases: dict[str, tuple[tuple[str, ...], ...]]
) -> int | None:
    """Index of the last token of the longest phrase starting at tokens[index], or None."""
    if index >= len(tokens):
        return None
    candidates = phrases.get(tokens[index].lower, ())
    if not candidates:
        return None
    # The words that could take part, read once; each phrase is then one tuple
    # comparison in C ("in" alone starts two dozen tails). Longest first.
    words = tuple(map(TOKEN_LOWER, tokens[index : index + len(candidates[0])]))
    for phrase in candidates:
        if words[: len(phrase)] == phrase:
            return index + len(phrase) - 1
    return None


@lru_cache(maxsize=1)
def _tails_by_opening() -> tuple[dict[tuple[str, ...], tuple[tuple[str, ...], ...]], frozenset]:
    """Cue tails of three words or more by their first three, longest first, and
    the two-word tails; built once."""
    longer: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    pairs: set[tuple[str, ...]] = set()
    for group in load_lexicon().cue_tails.values():
        for phrase in group:  # longest first already
            if len(phrase) < 2:
                raise ValueError("a one-word cue tail is not supported")
            if len(phrase) == 2:
                pairs.add(phrase)
            else:
                longer.setdefault(phrase[:3], []).append(phrase)
    return {opening: tuple(group) for opening, group in longer.items()}, frozenset(pairs)


def _match_tail(tokens: list[Token], index: int) -> int | None:
    """Index of the last token of the longest cue tail starting at tokens[index], or None.

    Same answer as _match_phrase over lexicon.cue_tails, but the first three words
    pick the few candidates ("in" alone opens two dozen tails, "in a statement" one).
    """
    words = tuple(map(TOKEN_LOWER, tokens[index : index + 3]))
    candidates = _tails_by_opening()[0].get(words)
    if candidates is not None:
        longest = len(candidates[0])
        if longest > 3:
            words = tuple(map(TOKEN_LOWER, tokens[index : index + longest]))
        for phrase in candidates:
            if words[: len(phrase)] == phrase:
                return index + len(phrase) - 1
    return index + 1 if words[:2] in _tails_by_opening()[1] else None


# The words auxiliary_start extends over: a verb after none of them starts its cue.
_BEFORE_VERB = AUXILIARIES | ADVERBS | {"to"}  # "to": the end of "used to say"


def _between_auxiliary_and_verb(token: Token) -> bool:
    """A word that may stand between an auxiliary and its verb beyond ADVERBS: "been"
    ("has been telling") and a manner adverb ("is quietly telling")."""
    return token.lower == "been" or is_manner_adverb(token)


def auxiliary_start(tokens: list[Token], verb: int) -> int:
    """Extend left over adverbs to an auxiliary ("had last week reiterated")."""
    index = verb - 1
    while (
        index >= 0
        and index >= verb - 5
        and (tokens[index].lower in ADVERBS or _between_auxiliary_and_verb(tokens[index]))
    ):
        index -= 1
    if index >= 0 and tokens[index].lower in AUXILIARIES:
        return index
    if index >= 1 and tokens[index].lower == "to" and tokens[index - 1].lower == "used":
        return index - 1  # "My grandfather used to say, …"
    return verb


def _tail(
    tokens: list[Token], outside: list[bool], verb: int, lemma: str, lexicon: Lexicon
) -> tuple[int, int]:
    """The last cue token and where a reported clause could begin after it."""
    after = verb + 1
    if lemma == "tell":
        told_end = _match_phrase(tokens, after, lexicon.told_objects)
        if told_end is not None and tokens[after].lower not in {"him", "her", "them", "us", "me"}:
            return told_end, told_end + 1
        # "told CNN", "told the BBC", "told The Associated Press"
        name_from = after + 1 if after < len(tokens) and tokens[after].text == "the" else after
        object_end = _capitalised_run_end(tokens, name_from)
        if object_end is not None:
            return verb, object_end + 1
        # "told commissioners the plan was dead": the people told, then the clause.
        if name_from < len(tokens) and (
            tokens[name_from].lower in lexicon.group_nouns
            or tokens[name_from].lower.removesuffix("s") in lexicon.person_nouns
        ):
            return verb, name_from + 1
        if told_end is not None:
            return verb, told_end + 1
    if after == len(tokens) or tokens[after].lower not in lexicon.cue_tails:
        return verb, after  # the common case: no tail ("said." "said the plan …")
    tail_end = _match_tail(tokens, after)
    if tail_end is not None and all(outside[after : tail_end + 1]):
        return tail_end, tail_end + 1
    return verb, after


def _capitalised_run_end(tokens: list[Token], index: int) -> int | None:
    """End of a name right after "told" ("told The Associated Press")."""
    end = None
    while index < len(tokens) and (
        tokens[index].is_capitalised() or (end is not None and tokens[index].lower in {"of", "the"})
    ):
        end = index
        index += 1
    while end is not None and tokens[end].lower in {"of", "the"}:
        end -= 1
    return end
