"""Make article text safe to put on a terminal.

Article text comes from files and feeds we do not control. Control characters
(ESC sequences, BEL, backspace, bidi overrides) could move the cursor, retitle
the terminal or make text read differently than it is stored, so they are
removed before anything is drawn. Markup is never a concern here because the
TUI always wraps article text in rich `Text` objects, which do not parse markup.
"""

from __future__ import annotations

import re

from rich.text import Text

from ..corpus.terminal_safety import UNSAFE_CHARACTERS

# The reader removes the characters the CLI makes visible (corpus/terminal_safety.py):
# the same set, a different remedy, because a pane is for reading.
_ANSI_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def clean(text: str | None) -> str:
    """`text` without escape sequences or control characters; tabs become spaces.

    Offsets matter (quotes point into the body), so callers that keep offsets
    must use `clean_keep_length` instead.
    """
    if not text:
        return ""
    without_sequences = _ANSI_SEQUENCE.sub("", text)
    return UNSAFE_CHARACTERS.sub("", without_sequences).replace("\t", " ")


def clean_keep_length(text: str | None) -> str:
    """Like `clean` but replaces each unsafe character by a space, keeping offsets valid."""
    if not text:
        return ""
    return UNSAFE_CHARACTERS.sub(" ", text).replace("\t", " ")


def clean_line(text: str | None) -> str:
    """`clean`, on one line: newlines become spaces (titles, names, list rows)."""
    return " ".join(clean(text).split())


def literal(text: str | None, style: str = "") -> Text:
    """A rich Text showing `text` exactly as written, never as markup."""
    return Text(clean(text), style=style)
