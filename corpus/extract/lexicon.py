"""Word lists the extractor relies on, read once from plain-text files.

Each file in lexicon/ holds one entry per line; `#` starts a comment. Keeping
the lists out of the code lets a newsroom extend them without reading Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"


def read_entries(name: str) -> list[str]:
    """Entries of lexicon/<name>.txt, comments and blank lines dropped."""
    path = LEXICON_DIR / f"{name}.txt"
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


def _lower_set(name: str) -> frozenset[str]:
    return frozenset(entry.lower() for entry in read_entries(name))


def _verb_forms(name: str) -> dict[str, str]:
    """Map every inflected form to its lemma (the first word of the line)."""
    forms: dict[str, str] = {}
    for entry in read_entries(name):
        words = entry.lower().split()
        for word in words:
            forms.setdefault(word, words[0])
    return forms


def _strip_dots(entry: str) -> str:
    return entry.replace(".", "").lower()


@dataclass(frozen=True)
class Lexicon:
    cue_forms: dict[str, str]  # inflected form -> lemma
    cue_phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases, longest first
    cue_phrase_starts: frozenset[str]
    cue_triggers: frozenset[str]  # any word that may start a cue
    # What the views note while tokenising (ParagraphView.triggered): the cue triggers
    # and the documents a speaker may put words in ("said in a statement").
    noted_words: frozenset[str]
    cue_tails: dict[str, tuple[tuple[str, ...], ...]]
    told_objects: dict[str, tuple[tuple[str, ...], ...]]
    honorifics: frozenset[str]  # lowercase, without dots; may hold two words ("lt gen")
    title_words: frozenset[str]
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymity_phrases: tuple[str, ...]
    org_words: frozenset[str]  # capitalised form, case-sensitive
    org_nominals: frozenset[str]
    work_words: frozenset[str]
    countries: frozenset[str]  # lowercase
    partial_cue_forms: dict[str, str]
    place_words: frozenset[str]  # capitalised form
    female_names: frozenset[str]
    title_expansions: dict[str, tuple[str, ...]]  # "gov" -> ("governor",)
    male_names: frozenset[str]
    party_members: frozenset[str]  # lowercase


def _lines_lower(name: str) -> list[str]:
    return [entry.lower() for entry in read_entries(name)]


def _words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of a list file (several per line allowed)."""
    return frozenset(word for entry in read_entries(name) for word in entry.split())


def _phrases(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first word, longest first, so a match costs one look-up."""
    phrases = sorted(
        {tuple(entry.lower().split()) for entry in read_entries(name)}, key=len, reverse=True
    )
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in index.items()}


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon, built on first use and shared afterwards."""
    cue_triggers = frozenset(_verb_forms("cue_verbs")) | frozenset(_phrases("cue_phrases"))
    return Lexicon(
        cue_forms=_verb_forms("cue_verbs"),
        cue_phrases=_phrases("cue_phrases"),
        cue_phrase_starts=frozenset(_phrases("cue_phrases")),
        cue_triggers=cue_triggers,
        noted_words=cue_triggers | word_set("authored_documents"),
        cue_tails=_phrases("cue_tails"),
        told_objects=_phrases("reported_objects"),
        honorifics=frozenset(_strip_dots(e) for e in read_entries("honorifics")),
        title_words=_lower_set("title_words"),
        person_nouns=_lower_set("person_nouns"),
        # "governors said": people named in the plural speak as a group too.
        group_nouns=_lower_set("group_nouns") | _plurals(_lower_set("person_nouns")),
        anonymous_heads=_lower_set("anonymous_groups"),
        anonymity_phrases=tuple(e.lower() for e in read_entries("anonymity_phrases")),
        org_words=frozenset(read_entries("org_words")),
        org_nominals=_lower_set("org_nominals"),
        work_words=_lower_set("works"),
        countries=_lower_set("countries"),
        partial_cue_forms=_verb_forms("partial_cues"),
        place_words=frozenset(read_entries("place_words")),
        female_names=_words("female_first_names"),
        title_expansions={
            entry.split()[0]: tuple(entry.split()[1:])
            for entry in _lines_lower("title_abbreviations")
        },
        male_names=_words("male_first_names"),
        # Party members and demonyms both name a person met earlier ("the Italian").
        party_members=_lower_set("party_members") | _lower_set("demonyms"),
    )


def _plurals(nouns: frozenset[str]) -> frozenset[str]:
    """Regular plurals: "governor" → "governors", "secretary" → "secretaries",
    "congressman" → "congressmen"."""
    plural = set()
    for noun in nouns:
        if " " in noun:
            continue
        if noun.endswith("man"):
            plural.add(noun[:-3] + "men")
        elif noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
            plural.add(noun[:-1] + "ies")
        elif noun.endswith(("s", "sh", "ch", "x")):
            plural.add(noun + "es")
        else:
            plural.add(noun + "s")
    return frozenset(plural)


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    sets: dict[str, frozenset[str]] = {}
    for entry in read_entries("word_sets"):
        name, _, words = entry.partition(":")
        sets[name.strip()] = frozenset(words.split())
    return sets


def word_set(name: str) -> frozenset[str]:
    """A closed-class word set from lexicon/word_sets.txt ("determiners", "adverbs"...)."""
    return _word_sets()[name]
