"""A statement, letter or post speaks for whoever put it out.

"The association issued a statement saying the plan was dead" and "The mayor's
office released a letter calling it "reckless"" are the association's and the
office's words: a participle cue right after a document that a verb of
publishing put out has that verb's subject as its speaker.
"""

from __future__ import annotations

from .cues import auxiliary_start
from .lexicon import word_set
from .mentions import Mention, leading_subject, subject_after, subject_before
from .text import Token

PUBLISHING_VERBS = word_set("publishing_verbs")
PUBLISHED_DOCUMENTS = word_set("published_documents")
# Words between the verb and the document: "a brief written statement", "its own letter".
_MODIFIER_REACH = 4


def document_author(tokens: list[Token], cue_first: int, floor: int) -> Mention | None:
    """The subject of "issued a statement" when the cue at `cue_first` follows it."""
    document = _document_before(tokens, cue_first, floor)
    if document is None:
        return None
    verb = _publishing_verb(tokens, document, floor)
    if verb is None:
        return None
    first = auxiliary_start(tokens, verb)
    if first - 1 > floor and tokens[first - 1].lower in {"and", "then"}:
        # "McKinnon joined the majority and wrote a concurrence emphasizing …"
        return leading_subject(tokens, floor, first - 2)
    return subject_before(tokens, first, floor, whole=False)


def publisher(tokens: list[Token], document: int, floor: int) -> Mention | None:
    """Who put out the document at tokens[document], when a verb of publishing did
    ("The inspector general released a report on Tuesday"): that verb's subject."""
    verb = _publishing_verb(tokens, document, floor)
    if verb is None:
        return None
    return subject_before(tokens, auxiliary_start(tokens, verb), floor, whole=False)


def document_maker(tokens: list[Token], cue_first: int, floor: int) -> Mention | None:
    """Who made the document that is the cue's subject: "The report by the VA Office
    of Inspector General concluded that …" is the office's finding."""
    first = floor + 1 if tokens[floor].lower in {"the", "a", "an", "its", "their"} else floor
    if cue_first - first < 3 or tokens[first].lower not in _MADE_DOCUMENTS:
        return None
    if tokens[first + 1].lower not in {"by", "from"}:
        return None
    return subject_after(tokens, first + 2, cue_first - 1)


_MADE_DOCUMENTS = word_set("source_documents")  # "a report by", "an audit from"


def _document_before(tokens: list[Token], cue_first: int, floor: int) -> int | None:
    """The document right before the cue, or past a short adjunct ("a statement on X
    saying", "a letter Tuesday urging"); None at any punctuation or clause word."""
    # A conditional rather than max(): Python 3.11 parses its keywords on every call.
    stop = cue_first - 2 - _ADJUNCT_REACH
    for index in range(cue_first - 1, floor if floor > stop else stop, -1):
        word = tokens[index]
        if word.lower in PUBLISHING_DOCUMENT_FORMS:
            return index
        if not word.text[:1].isalnum() or word.lower in _CLAUSE_WORDS:
            return None
    return None


_ADJUNCT_REACH = 6  # words between document and cue: "a letter to every House office Monday"
# The furthest a cue can follow the verb that put out the document before it.
DOCUMENT_CUE_REACH = _MODIFIER_REACH + _ADJUNCT_REACH + 2
_CLAUSE_WORDS = frozenset({"that", "which", "who", "and", "but", "he", "she", "it", "they"})


def leads_into_a_cue(tokens: list[Token], verb: int, cue_first: int) -> bool:
    """Does the verb at `verb` put out the document right before `cue_first`?

    "posted a video saying she would run": the clause is the video's, after
    "saying", not "a video saying …" after "posted".
    """
    if cue_first - verb > DOCUMENT_CUE_REACH:
        return False  # no room for a document near both: most pairs of cues
    document = _document_before(tokens, cue_first, verb)
    return (
        document is not None
        and document <= verb + 1 + _MODIFIER_REACH
        and _publishing_verb(tokens, document, verb) == verb
    )


def _publishing_verb(tokens: list[Token], document: int, floor: int) -> int | None:
    """The verb that put the document out, reading back over its modifiers."""
    for index in range(document - 1, max(floor, document - 1 - _MODIFIER_REACH) - 1, -1):
        word = tokens[index]
        if word.lower == "out" and index - 1 >= floor and tokens[index - 1].lower in _PUT:
            return index - 1  # "put out a statement"
        if word.lower in PUBLISHING_VERBS and word.lower not in _PUT:
            return index
        if not word.text[:1].islower():
            return None  # a name, a number or punctuation: no modifier of the document
    return None


_PUT = frozenset({"put", "puts", "putting"})
# "a press release", "a written statement": the document's own word comes last.
PUBLISHING_DOCUMENT_FORMS = PUBLISHED_DOCUMENTS | frozenset(
    document + "s" for document in PUBLISHED_DOCUMENTS
)
