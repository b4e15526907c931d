"""How speakers from different articles fold into one row of the speaker index.

Merging is conservative: a wrong merge puts words in someone's mouth, a
missed merge only splits a count. A full name ("Matthew Miller") is one
person across the corpus; a bare surname or a generic group ("officials")
stays tied to the role it came with, so two Millers in different roles stay
apart.
"""

from __future__ import annotations

import unicodedata

from .model import Speaker


def fold(text: str) -> str:
    """Casefolded, accent-free, single-spaced: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("’", "'").split())


def speaker_key(speaker: Speaker) -> str:
    name = fold(speaker.name)
    if name.startswith("the "):
        name = name[4:]
    if speaker.kind == "person" and " " not in name:
        role = fold(speaker.titles[0]) if speaker.titles else ""
        return f"person:{name}|{role}"
    if speaker.anonymous:
        return f"{speaker.kind}:{name}|anonymous"
    return f"{speaker.kind}:{name}"
