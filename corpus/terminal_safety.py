"""Article text comes from anywhere; a terminal must only ever see it as text.

Escape sequences could clear the screen, retitle the window or write the
clipboard (OSC 52). Every control character except newline and tab is made
visible as a caret or U+FFFD-like symbol instead of being passed through.
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls but \t and \n, DEL, the C1 range (0x80-0x9f: CSI, OSC... in 8-bit form),
# and the Unicode bidi overrides that can disguise text. The TUI uses the same set.
UNSAFE_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# json.dumps escapes C0 controls itself; these it leaves raw.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return "^" + chr(code + 0x40)  # ESC -> ^[, BEL -> ^G
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def printable(text: str) -> str:
    """`text` with every terminal control character made visible."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return UNSAFE_CHARACTERS.sub(_visible, text)


def printable_line(text: str) -> str:
    """Like printable(), on one line: newlines become spaces."""
    return " ".join(printable(text).split("\n"))


def json_line(obj: Any) -> str:
    """One JSON object on one line, safe to print: C1 controls are escaped too."""
    dumped = json.dumps(obj, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
