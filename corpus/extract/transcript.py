"""Transcript paragraphs: `KERR: I can't explain it …` is a direct quote with no marks.

Only in articles with at least two such paragraphs, so that a lone dateline
("RAWALPINDI: In a meeting …") is never read as a speaker label.
"""

from __future__ import annotations

import re

from .found import Found
from .lexicon import load as load_lexicon
from .lexicon import read_entries
from .speakers import NameReading, Registry
from .text import Paragraph

# An upper-case label (with an optional party tag and role) and a colon.
_LABEL = re.compile(
    r"(?P<name>[A-Z][A-Z.’'\- ]*[A-Z.])"
    r"(?:\s*\((?P<tag>[^()]{1,12})\))?"
    r"(?:,\s*(?P<role>[^:]{1,60}))?"
    r":\s+(?=\S)"
)
MIN_LABELLED_PARAGRAPHS = 2


def transcript_quotes(body: str, paras: list[Paragraph], registry: Registry) -> list[Found]:
    labelled = []
    for index, para in enumerate(paras):
        match = _LABEL.match(body, para.start, para.end)
        if match and index > 0 and _is_label(match.group("name")):
            labelled.append((para, match))
    if len(labelled) < MIN_LABELLED_PARAGRAPHS:
        return []
    found = []
    for para, match in labelled:
        if _narration(body, match.end(), para.end):
            continue  # the reporter's own lines are the story, not a quote
        reading = _reading(match.group("name"), match.group("role"))
        if reading is None:
            continue
        entity = registry.named_speaker(para.start, reading)
        if entity is None:
            continue
        label_end = match.end() - len(match.group(0)) + len(match.group(0).rstrip().rstrip(":"))
        text_start = match.end()
        found.append(
            Found(
                text_start,
                para.end,
                "direct",
                entity,
                para.start,
                label_end,
                None,
                False,
                para.start,
            )
        )
    return found


def _narration(body: str, start: int, end: int) -> bool:
    """Is a labelled paragraph the reporter telling the story ("REYES: Marquez says he
    will have to pull out a third of his orchard.")? It reports what others say, and
    speaks neither as "I" or "we" nor to "you"."""
    return bool(_THIRD_PERSON_SPEECH.search(body, start, end)) and not (
        _FIRST_OR_SECOND_PERSON.search(body, start, end)
    )


_THIRD_PERSON_SPEECH = re.compile(r"\b(?:says|said|told|according to)\b")
_FIRST_OR_SECOND_PERSON = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|We|us|our|Our|you|You|your|Your)\b"
)


def _is_label(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return (
        len(letters) >= 2
        and letters.isupper()
        and len(name.split()) <= 5
        and not _is_section_heading(name)
    )


def _is_section_heading(name: str) -> bool:
    """ "VERDICT:", "THE FACTS:", "EDITOR'S NOTE:": a fact-check's or a digest's
    headings, not a speaker."""
    words = name.lower().split()
    return words[0] == "the" or " ".join(words) in _SECTION_HEADINGS


_SECTION_HEADINGS = frozenset(entry.lower() for entry in read_entries("section_headings"))


def _reading(name: str, role: str | None) -> NameReading | None:
    lexicon = load_lexicon()
    words = [w for w in name.split() if w.replace(".", "").lower() not in lexicon.honorifics]
    honorifics = [
        w.title() for w in name.split() if w.replace(".", "").lower() in lexicon.honorifics
    ]
    words = [w for w in words if w.replace(".", "").lower() not in lexicon.title_words]
    if not words:
        return None
    proper = " ".join(w.title() for w in words)
    titles = honorifics + ([role.strip()] if role else [])
    return NameReading("person" if len(words) > 1 else "single", proper, titles)
