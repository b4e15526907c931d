"""The edges of a story on a page: a standfirst before it, an author bio after it.

Pages whose markup names them (class "standfirst", "author-bio") lose them with the rest
of the furniture. Many pages name nothing, and then both read like story paragraphs:

* The standfirst (dek, summary) sits between the headline and the story. It is dropped
  from the body when the page shows it is not the story's first paragraph: a byline or
  a date line stands between it and the next paragraph; the next paragraph opens with the
  dateline; or it repeats the page's description (meta description, og:description,
  JSON-LD description) and either stops without a full stop or sits in another block
  than the story. A first paragraph that is merely short, or that the CMS copied into
  the description (WordPress does), stays: it is the story's lead.
* An author bio closes the page: "Jane Doe is a reporter covering ...", "Jane Doe covers
  the White House for ...". It goes only when it names the page's own byline; a story
  that ends on another person's job keeps its last paragraph. So does the note saying who
  else contributed reporting ("Ana Li in Denver contributed reporting.").

The model has no summary field, so a standfirst taken from the body is not kept anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..dates import find_date
from .layout import find_dateline

if TYPE_CHECKING:
    from .htmltext import Page, Segment

STANDFIRST_MAX_CHARS = 320  # a dek is a sentence or two; a longer paragraph is the story
BIO_MAX_CHARS = 400
_MIN_STORY_PARAGRAPHS = 2  # what must be left after a standfirst goes
_DATE_LINE_MAX_CHARS = 80

_TOKEN = re.compile(r"\w+")
_FULL_STOP = re.compile(r"[.!?…][\"'”’)\]]*$")
_OPENING_QUOTE = re.compile(r"^[\"“‘'«„]")
# "By Jane Doe", "BY JANE DOE, Staff Writer" (not "By the time police arrived, ...").
_BYLINE_LINE = re.compile(r"^(?:By|BY)\s+(?P<who>[A-Z][^.!?]*)$")
_DESCRIPTION_KEYS = ("description", "og:description", "twitter:description")
_AUTHOR_KEYS = (
    "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator",
)  # fmt: skip
_NAME_SEPARATORS = re.compile(r"\s*(?:,|&|\||·|•|\band\b|\bund\b|\by\b|\bet\b)\s*")
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
_NOT_FIRST_NAMES = frozenset({"the", "a", "an", "staff", "our"})  # "By The Numbers"
# What follows the byline's name in a bio: a role ("is a senior reporter covering ...",
# "is the Ledger's statehouse correspondent", after an aside: ", a former teacher, is")
# or a beat ("covers", "reports on").
_BIO_ROLE = re.compile(
    r"^(?:,[^,.]{1,60},)?\s+(?:is|was|has been|serves as|works as)\s+"
    r"(?:a|an|the|[A-Z][\w'’.-]*(?:'s|’s))\s"
    r"[^.]{0,100}?\b(?:reporter|correspondent|editor|writer|columnist|journalist|producer"
    r"|contributor|photographer|critic|intern|fellow|bureau chief|host|blogger|freelancer"
    r"|analyst)s?\b"
    r"|^\s+(?:covers|has covered|reports on|reports for|writes about|writes for"
    r"|is based in|can be reached|may be reached)\b",
)

# The note closing many stories: who else reported, or which agency's copy was used.
_CONTRIBUTOR_WORD = (
    r"(?:[A-Z][\w'’.-]*,?|and|&|in|from|of|the|at|staff|writers?|reporters?|correspondents?"
    r"|researchers?)"
)
_CONTRIBUTOR_NOTE = re.compile(
    rf"^{_CONTRIBUTOR_WORD}(?:\s+{_CONTRIBUTOR_WORD})*\s+contributed\s+(?:additional\s+)?"
    r"(?:reporting|research|to this (?:report|story|article))"
    r"(?:\s+(?:from|in)\s+[A-Z][^.!?]*)?\.?$"
)
_CONTRIBUTOR_MAX_CHARS = 250
# Set before a bio to mark it off from the story: "— Jane Doe is ...", "*Jane Doe is ...".
_BIO_LEAD = " *—–-_"
_CONTACT = re.compile(r"^(?:contact|reach|email|e-mail|write to|follow)\s+", re.IGNORECASE)
_CONTACT_HOW = re.compile(r"^\s+(?:at|on|via)\b")


def trim_story_edges(
    paragraphs: list[str], segments: list[Segment], page: Page, json_ld: list[dict]
) -> list[str]:
    """`paragraphs` without a leading standfirst and trailing author bios."""
    if len(paragraphs) <= _MIN_STORY_PARAGRAPHS:
        return paragraphs
    if is_standfirst(paragraphs, segments, page_descriptions(page, json_ld)):
        paragraphs = paragraphs[1:]
    names = byline_names(page, segments, json_ld)
    while len(paragraphs) > _MIN_STORY_PARAGRAPHS and (
        is_author_bio(paragraphs[-1], names) or is_contributor_note(paragraphs[-1])
    ):
        paragraphs = paragraphs[:-1]
    return paragraphs


# --- the standfirst ------------------------------------------------------------------------


def is_standfirst(paragraphs: list[str], segments: list[Segment], descriptions: list[str]) -> bool:
    """Whether the first paragraph introduces the story rather than opens it."""
    first, second = paragraphs[0], paragraphs[1]
    if len(first) > STANDFIRST_MAX_CHARS or _OPENING_QUOTE.match(first):
        return False
    if find_dateline(first) is not None:
        return False  # the story's own first paragraph
    if find_dateline(second) is not None:
        return True  # the story starts at the second paragraph
    here, there = _segment_index(segments, first), _segment_index(segments, second)
    if here is not None and there is not None and here < there:
        if _set_apart_by_byline(segments, here, there, paragraphs[-1]):
            return True
        if _repeats_description(first, descriptions):
            outside = _outside_story_block(segments, here, there, paragraphs[2])
            return outside or not _FULL_STOP.search(first)
    return False


def _outside_story_block(segments: list[Segment], here: int, there: int, third: str) -> bool:
    """The story's paragraphs share a block the first paragraph is not in (a page that
    wraps every paragraph in a <div> of its own shows nothing)."""
    story_block = segments[there].owner.parent
    later = _segment_index(segments, third)
    return (
        later is not None
        and segments[later].owner.parent is story_block
        and segments[here].owner.parent is not story_block
    )


def _segment_index(segments: list[Segment], text: str) -> int | None:
    return next((i for i, segment in enumerate(segments) if segment.text == text), None)


def _set_apart_by_byline(segments: list[Segment], here: int, there: int, last: str) -> bool:
    """A byline or date line between the first two paragraphs, and none inside the story
    (a live page stamps every entry: there the first entry is no standfirst)."""
    if not any(_is_byline_or_date(s.text) for s in segments[here + 1 : there]):
        return False
    end = _segment_index(segments, last)
    later = segments[there + 1 : end] if end is not None else segments[there + 1 :]
    return not any(_is_byline_or_date(s.text) for s in later)


def _is_byline_or_date(text: str) -> bool:
    if len(text) > _DATE_LINE_MAX_CHARS:
        return False
    byline = _BYLINE_LINE.match(text)
    if byline:
        return any(_looks_like_name(part) for part in _NAME_SEPARATORS.split(byline["who"]))
    found = find_date(text)
    return found is not None and (found.end - found.start) >= 0.5 * len(text)


def _repeats_description(paragraph: str, descriptions: list[str]) -> bool:
    words = _words(paragraph)
    for description in descriptions:
        cut = description.rstrip().endswith(("…", "..."))
        said = _words(description)
        if said and (said == words or (cut and words.startswith(said) and len(said) >= 40)):
            return True
    return False


def _words(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


def page_descriptions(page: Page, json_ld: list[dict]) -> list[str]:
    """What the page says it is about: its meta descriptions and JSON-LD description."""
    found = [
        node.get("content")
        for node in page.find_all("meta")
        if (node.get("name") or node.get("property")).strip().lower() in _DESCRIPTION_KEYS
    ]
    found.extend(obj["description"] for obj in json_ld if isinstance(obj.get("description"), str))
    return [text for text in found if text.strip()]


# --- the author bio ------------------------------------------------------------------------


def is_author_bio(paragraph: str, names: Iterable[str]) -> bool:
    """'Jane Doe is a reporter covering ...', 'Jane Doe covers ...' or 'Reach Jane Doe
    at ...' for a byline name."""
    if len(paragraph) > BIO_MAX_CHARS:
        return False
    text = paragraph.lstrip(_BIO_LEAD)
    folded = text.casefold()
    contact = _CONTACT.match(text)
    for name in names:
        key = name.casefold()
        if folded.startswith(key) and _BIO_ROLE.match(text[len(name) :]):
            return True
        if contact and folded[contact.end() :].startswith(key):
            rest = text[contact.end() + len(name) :]
            if _CONTACT_HOW.match(rest):
                return True
    return False


def is_contributor_note(paragraph: str) -> bool:
    """'Ana Li in Denver and The Associated Press contributed reporting.' (at the end)."""
    return len(paragraph) <= _CONTRIBUTOR_MAX_CHARS and bool(_CONTRIBUTOR_NOTE.match(paragraph))


def byline_names(page: Page, segments: list[Segment], json_ld: list[dict]) -> list[str]:
    """The names the page gives its authors: meta tags, JSON-LD, rel=author links and
    'By ...' lines, split where several share a byline."""
    raw: list[str] = [
        node.get("content")
        for node in page.find_all("meta")
        if (node.get("name") or node.get("property")).strip().lower() in _AUTHOR_KEYS
    ]
    raw.extend(_json_ld_author_names(json_ld))
    raw.extend(
        node.text() for node in page.find_all("a") if "author" in node.get("rel").lower().split()
    )
    for segment in segments:
        match = _BYLINE_LINE.match(segment.text) if len(segment.text) <= 80 else None
        if match:
            raw.append(match["who"])
    names: list[str] = []
    for text in raw:
        for part in _NAME_SEPARATORS.split(text.strip()):
            if _looks_like_name(part) and part not in names:
                names.append(part)
    return names


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 4
        and words[0].casefold() not in _NOT_FIRST_NAMES
        and all(_NAME_WORD.match(word) for word in words)
    )


def _json_ld_author_names(json_ld: list[dict]) -> Iterable[str]:
    for obj in json_ld:
        authors = obj.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, str):
                yield author
            elif isinstance(author, dict) and isinstance(author.get("name"), str):
                yield author["name"]
