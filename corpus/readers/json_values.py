"""JSON decoding for every reader: the standard decoder, minus lone surrogates.

JSON may escape a UTF-16 surrogate on its own ("\\ud83d", an emoji cut in half, common in
tweet dumps). Python decodes it to a lone surrogate, a str that cannot be encoded, so the
record would fail much later (hashing, storing). Every JSON value a reader decodes comes
through here, and each lone surrogate in it becomes U+FFFD: the record is kept.
"""

from __future__ import annotations

import json
import re

_decoder = json.JSONDecoder()
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def loads(text: str) -> object:
    """json.loads, with lone surrogates replaced (raises what json.loads raises)."""
    value = json.loads(text)
    return _repaired(value) if _may_hold_surrogates(text, 0, len(text)) else value


def raw_decode(text: str, position: int) -> tuple[object, int]:
    """JSONDecoder.raw_decode from `position`, with lone surrogates replaced."""
    value, end = _decoder.raw_decode(text, position)
    return (_repaired(value) if _may_hold_surrogates(text, position, end) else value), end


def _may_hold_surrogates(text: str, start: int, end: int) -> bool:
    # Decoded input text never holds surrogates itself, so only an escape can make one;
    # checking the source spares walking every value (pairs are rare, lone ones rarer).
    return text.find("\\ud", start, end) >= 0 or text.find("\\uD", start, end) >= 0


def _clean(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", text)


def _repaired(value: object) -> object:
    """`value` with lone surrogates replaced in every string, keys included.

    Iterative, not recursive: a value nested as deep as the decoder allows must not
    overflow the stack here. Containers are fresh from the decoder, so they are fixed in place.
    """
    if isinstance(value, str):
        return _clean(value)
    pending = [value]
    while pending:
        container = pending.pop()
        if isinstance(container, list):
            for index, item in enumerate(container):
                if isinstance(item, str):
                    container[index] = _clean(item)
                elif isinstance(item, (list, dict)):
                    pending.append(item)
        elif isinstance(container, dict):
            items = [(_clean(key), item) for key, item in container.items()]
            container.clear()
            for key, item in items:
                if isinstance(item, str):
                    item = _clean(item)
                elif isinstance(item, (list, dict)):
                    pending.append(item)
                container[key] = item
    return value
