"""A readable title for an article that has no headline: the gist of its lead sentence."""

from __future__ import annotations

import re

TITLE_MAX_CHARS = 100  # a first sentence up to this long is the title as it is
_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm gov sen rep st jr sr rev hon pres "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs inc ltd co corp u.s u.k u.n "
    "e.g i.e etc approx est dept univ mt ft"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
# Words a shortened title should not end on.
_DANGLING_WORDS = (
    "a an the of in on at to for and or but with by from as that which who its their his "
    "her is are was were be has have had this these those than into over under about"
)
_DANGLING = frozenset(_DANGLING_WORDS.split())
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def derive_title(paragraphs: list[str]) -> str | None:
    """The title made from the first paragraph with prose in it, or None when there is none."""
    from .layout import find_dateline  # layout builds on articles, which builds on titles

    for paragraph in paragraphs[:5]:
        dateline = find_dateline(paragraph)
        lead = paragraph[dateline.end :] if dateline else paragraph
        title = title_from_sentence(first_sentence(lead))
        if title:
            return title
    return None


def first_sentence(text: str) -> str:
    """The text up to the first sentence end that is not an abbreviation or an initial."""
    text = " ".join(text.split())
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()].rsplit(" ", 1)[-1].lower().lstrip('("“')
        if before in _ABBREVIATIONS or len(before) == 1 or re.fullmatch(r"(?:\w\.)+\w", before):
            continue
        return text[: match.start() + 1]
    return text


def title_from_sentence(sentence: str) -> str | None:
    """A sentence shortened to a title: final period dropped, cut at a word near the limit."""
    sentence = sentence.strip().rstrip(".").strip()
    if not any(ch.isalpha() for ch in sentence):
        return None
    if len(sentence) <= TITLE_MAX_CHARS + 20:
        return sentence
    words = sentence[: TITLE_MAX_CHARS + 1].split(" ")[:-1] or [sentence[:TITLE_MAX_CHARS]]
    while len(words) > 1 and words[-1].lower().strip(",;:—–-") in _DANGLING | {""}:
        words.pop()
    title = " ".join(words).rstrip(",;:—–- ")
    if title.count("(") > title.count(")"):
        title = title[: title.rindex("(")].rstrip(",;:—–- ") or title
    return title + "…"
