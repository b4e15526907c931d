"""Transcript paragraphs: `KERR: I can't explain it …` is a direct quote with no marks.

Only in articles with at least two such paragraphs, so that a lone dateline
("RAWALPINDI: In a meeting …") is never read as a speaker label. Some house styles
(PBS NewsHour's) write labels in ordinary case, "Sen. Walter Oyelaran (D-MI):";
those are read only where two people each speak at least twice, since digests open
paragraphs with labels of that shape too ("Why It Matters:", "Last Updated:").
"""

from __future__ import annotations

import re
from collections import Counter

from .found import Found
from .lexicon import load as load_lexicon
from .lexicon import read_entries, word_set
from .speakers import NameReading, Registry
from .text import Paragraph

# An upper-case label (with an optional party tag and role) and a colon.
_LABEL = re.compile(
    r"(?P<name>[A-Z][A-Z.’'\- ]*[A-Z.])"
    r"(?:\s*\((?P<tag>[^()]{1,12})\))?"
    r"(?:,\s*(?P<role>[^:]{1,60}))?"
    r":\s+(?=\S)"
)
# The same in ordinary case: up to five capitalised words (an honorific among them).
_MIXED_CASE_LABEL = re.compile(
    r"(?P<name>(?:[A-Z][A-Za-z.’'\-]* ){0,4}[A-Z][A-Za-z.’'\-]*)"
    r"(?:\s*\((?P<tag>[^()]{1,12})\))?"
    r":\s+(?=\S)"
)
MIN_LABELLED_PARAGRAPHS = 2
MIN_TURNS = 2  # per speaker, for labels in ordinary case


def transcript_quotes(body: str, paras: list[Paragraph], registry: Registry) -> list[Found]:
    if ":" not in body:
        return []  # no label anywhere, settled by memchr before a regex per paragraph
    labelled = _capital_labels(body, paras)
    if len(labelled) < MIN_LABELLED_PARAGRAPHS:
        labelled = _mixed_case_labels(body, paras)
        if not labelled:
            return []
    found = []
    for para, match, reading in labelled:
        if _narration(body, match.end(), para.end):
            continue  # the reporter's own lines are the story, not a quote
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


Labelled = list[tuple[Paragraph, re.Match[str], "NameReading | None"]]


def _capital_labels(body: str, paras: list[Paragraph]) -> Labelled:
    labelled: Labelled = []
    for para in paras:
        match = _LABEL.match(body, para.start, para.end)
        if match and _is_label(match.group("name")):
            labelled.append((para, match, _reading(match.group("name"), match.group("role"))))
    if labelled and labelled[0][0] is paras[0] and not _speaks_again(labelled):
        del labelled[0]  # a dateline ("RAWALPINDI: In a meeting …"), not a speaker
    return labelled


def _speaks_again(labelled: Labelled) -> bool:
    """Does the first label's speaker take another turn ("JAKE TAPPER, CNN ANCHOR:" …
    "TAPPER:")? Then the article's first paragraph is a turn, not a dateline."""
    first = labelled[0][1].group("name").split()[-1]
    return any(match.group("name").split()[-1] == first for _, match, _ in labelled[1:])


def _mixed_case_labels(body: str, paras: list[Paragraph]) -> Labelled:
    """Labels in ordinary case, where at least two people take two turns or more.

    A lone surname ("Oyelaran:") is the turn of the full name that ends with it.
    """
    if body.count(": ") < 2 * MIN_TURNS:
        return []  # most articles: no transcript, and no regex per paragraph
    candidates: list[tuple[Paragraph, re.Match[str], NameReading]] = []
    for para in paras:
        match = _MIXED_CASE_LABEL.match(body, para.start, para.end)
        if match and not match.group("name").isupper():
            reading = _person_reading(match.group("name"))
            if reading is not None:
                candidates.append((para, match, reading))
    full_names: dict[str, str] = {}  # surname -> the first full name that ends with it
    for _, _, reading in candidates:
        if reading.kind == "person":
            full_names.setdefault(reading.name.split()[-1], reading.name)
    turns: Counter[str] = Counter()
    kept: Labelled = []
    for para, match, reading in candidates:
        full_name = full_names.get(reading.name.split()[-1])
        if full_name is None or (reading.kind == "person" and reading.name != full_name):
            continue  # a lone word no full name ends with; a namesake's full name
        turns[full_name] += 1
        kept.append((para, match, reading))
    speakers = {name for name, count in turns.items() if count >= MIN_TURNS}
    if len(speakers) < 2:
        return []
    return [item for item in kept if full_names[item[2].name.split()[-1]] in speakers]


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


def _person_reading(name: str) -> NameReading | None:
    """A label in ordinary case read as a person's name ("Sen. Walter Oyelaran",
    "Leah Carrington", "Oyelaran"), its words kept as written; None for a label
    that names no one ("Support Provided By", "Editor's Note", "White House")."""
    if _is_section_heading(name):
        return None
    lexicon = load_lexicon()
    titles = []
    words = []
    for word in name.split():
        bare = word.replace(".", "").lower()
        if not words and (bare in lexicon.honorifics or bare in lexicon.title_words):
            titles.append(word)  # only before the name: "Sen. Walter Oyelaran"
        elif bare in _NOT_IN_NAMES or word in lexicon.org_words or word in lexicon.place_words:
            return None
        else:
            words.append(word)
    if not words or len(words) > 3 or any(word.lower() in lexicon.countries for word in words):
        return None
    return NameReading("person" if len(words) > 1 else "single", " ".join(words), titles)


# Capitalised words of a digest's or a page's labels, never of a person's name.
_NOT_IN_NAMES = word_set("label_words")
