"""Stage 2: pair marks into quote spans, and tell full quotes from fragments.

Pairing is a single left-to-right pass holding at most one open mark, so an
odd or unbalanced mark costs one quote at most, never the rest of the article.
Newsroom multi-paragraph quotes (every paragraph reopens, only the last one
closes) come out as one span.
"""

from __future__ import annotations

import re

from .lexicon import load as load_lexicon
from .lexicon import word_set
from .marks import CLOSE_CODE, OPEN_CODE, Mark, mark_code
from .text import Paragraph, SlotRecord

# Longest stretch a quote may run without closing (characters): past this an
# unmatched opener is more likely a typo than a quote.
MAX_QUOTE_LENGTH = 6000
_SENTENCE_FINAL = re.compile(r"[.?!…][\"'’”)\]]*\s*$")


class QuoteSpan(SlotRecord):
    """Where a quote's marks and words lie in the body.

    A class with slots rather than a named tuple: a hostile article holds 100,000
    of them, and every later stage reads their fields, which Python 3.11 reads at
    a quarter of a tuple field's cost. Made with quote_span(), as Token() is made
    (see text.Token).
    """

    __slots__ = ("open_position", "close_position", "paragraph", "last_paragraph", "start", "end")

    open_position: int  # the opening mark
    close_position: int  # the closing mark
    paragraph: int  # index of the paragraph the quote opens in
    last_paragraph: int  # index of the paragraph it closes in
    start: int  # first character of the quoted words (open_position + 1)
    end: int  # end of the quoted words (close_position)


def quote_span(open_position: int, close_position: int, paragraph: int, last: int) -> QuoteSpan:
    """The span between two marks; its start and end are kept, being read so often."""
    span = QuoteSpan()
    span.open_position = open_position
    span.close_position = close_position
    span.paragraph = paragraph
    span.last_paragraph = last
    span.start = open_position + 1
    span.end = close_position
    return span


def pair_marks(body: str, marks: list[Mark], paras: list[Paragraph]) -> list[QuoteSpan]:
    """Match opening and closing marks into non-overlapping spans."""
    return pair_codes(body, [mark_code(mark) for mark in marks], paras)


def pair_codes(body: str, codes: list[int], paras: list[Paragraph]) -> list[QuoteSpan]:
    """pair_marks, for the marks as marks.mark_codes gives them: one int each, read
    without a tuple's fields (a hostile article has 250,000)."""
    # Marks come in body order, so the paragraph is found by walking forward.
    next_starts = [p.start for p in paras[1:]] + [len(body) + 1]
    spans: list[QuoteSpan] = []
    append = spans.append
    opened_at = -1  # position of the opening mark waiting for its close, or -1
    opener_para = open_para = -1  # where the quote opened / the paragraph it has reached
    para, next_start = -1, paras[0].start if paras else len(body) + 1
    for code in codes:
        position = code >> 2
        if position >= next_start:  # the first mark of a later paragraph
            while position >= next_start:
                para += 1
                next_start = next_starts[para]
            # Told here, once per paragraph, rather than for every mark: while a quote
            # is open, the paragraph it has reached is the current one.
            if opened_at >= 0:
                if _reopens(body, position, code & 3, para, open_para, paras, opened_at):
                    open_para = para
                    continue
                opened_at = -1  # never closed: drop it, keep going
        if opened_at < 0:
            if code & 3 != CLOSE_CODE:  # an opening mark, or a straight one: it opens
                opened_at, opener_para, open_para = position, para, para
            continue  # a closing mark with nothing open is dropped
        if code & 3 != OPEN_CODE:
            # A closing mark, or a straight one after an opening: the quote ends here.
            if position - opened_at > 1:
                span = QuoteSpan()  # quote_span(opened_at, position, opener_para, para), inlined
                span.open_position = opened_at
                span.close_position = span.end = position
                span.paragraph = opener_para
                span.last_paragraph = para
                span.start = opened_at + 1
                append(span)
            opened_at = -1
            continue
        # An opening mark while one is open (in this paragraph): “We are not going
        # anywhere, Patel said. “But …”: a closing mark left out before the
        # attribution; the words up to its comma are still the quote.
        comma = _attribution_after_unclosed(body, opened_at, position)
        if comma > opened_at + 1:
            append(quote_span(opened_at, comma, para, para))
        opened_at, opener_para, open_para = position, para, para
    return spans


# ", Patel said", ", the minister told reporters", ", she added": an attribution right
# after a comma, within a few words.
_ATTRIBUTION_AFTER_COMMA = re.compile(
    r",\s+(?:(?:[A-Z][\w.'’-]*|the|a|an|[a-z]+)\s+){0,4}?"
    r"(?:said|says|told|added|asked|insisted|explained|wrote|recalled)\b"
)


def _attribution_after_unclosed(body: str, opened_at: int, next_open: int) -> int:
    """Where the words of a quote whose closing mark is missing end: at the comma
    before an attribution between its opening mark and the next one, or -1."""
    match = _ATTRIBUTION_AFTER_COMMA.search(body, opened_at, next_open)
    return match.start() if match is not None else -1


def _reopens(
    body: str,
    position: int,
    role: int,
    para: int,
    open_para: int,
    paras: list[Paragraph],
    opened_at: int,
) -> bool:
    """Is the mark at `position` (role code `role`) the reopening mark of a quote that
    runs on into this paragraph?"""
    if para != open_para + 1 or role == CLOSE_CODE or position != paras[para].start:
        return False
    if position - opened_at > MAX_QUOTE_LENGTH:
        return False
    previous = paras[open_para]
    # The unclosed paragraph must end a sentence, as newsroom quotes do.
    tail = previous.end - 4 if previous.end - 4 > previous.start else previous.start  # no max()
    return bool(_SENTENCE_FINAL.search(body, tail, previous.end))


_WORD = re.compile(r"[^\W_][\w'’\-]*")
# Punctuation that may follow a word and is never part of one (_WORD).
_AFTER_A_WORD = ",.;:!?"


def quote_kind(body: str, span: QuoteSpan, paragraph_start: int) -> str:
    """ "direct" for a quoted sentence, "partial" for a fragment woven into prose."""
    start = span.start
    if start < span.end and body[start].islower():
        return "partial"  # the common case of quote-dense copy, told before _first_char
    first = _first_char(body, start, span.end, _SKIPPED_AT_START)
    if not first or first.islower():
        return "partial"
    # Only the words just before the mark matter; a bounded window keeps this linear.
    window = span.open_position - 80  # no max(): Python 3.11's parses keywords on every call
    if window < paragraph_start:
        window = paragraph_start
    before = body[window : span.open_position].rstrip()
    if not before or before[-1] in ':,—–-.?!"”’' or before.endswith("'"):
        return "direct"
    if before[-1] in _BULLETS:
        return "direct"  # '• "This is serious." — Castellan': a list item opens a sentence
    if before[-1] == "(" and before[:-1].rstrip()[-1:] in _BEFORE_A_BRACKETED_SENTENCE:
        return "direct"  # '« … », Lemoine said. (“We will not …”)': a translation
    last_word = _last_word(before)
    if last_word and last_word.lower() in load_lexicon().cue_forms:
        return "direct"  # said "We will ..."
    return "partial"


_SKIPPED_AT_START = " ‘'\"…[.("  # before a quote's first character
_BULLETS = frozenset("•·▪►◦*")
_BEFORE_A_BRACKETED_SENTENCE = frozenset(["", *'.?!"“”„«»’'])


def _first_char(body: str, start: int, end: int, skipped: str) -> str:
    """The first character of body[start:end] not in `skipped` ("" if none), read
    from its head: copying a long quote whole to find it is most of the cost."""
    if start < end and body[start] not in skipped:
        return body[start]  # the common case: nothing to skip
    head = body[start : start + 16 if start + 16 < end else end].lstrip(skipped)  # no min()
    if not head and end > start + 16:
        head = body[start:end].lstrip(skipped)
    return head[:1]


def _last_word(text: str) -> str:
    text = text[-40:]
    # A word never runs across white space, so the last word is in the last chunk
    # that holds one: usually the very last, which spares reading the whole window.
    tail = text.rsplit(None, 1)
    words = _WORD.findall(tail[-1]) if tail else []
    if not words and len(tail) > 1:
        words = _WORD.findall(text)
    return words[-1] if words else ""


def _word_before(body: str, first: int, stop: int) -> str:
    """The last word of body[first:stop], as _last_word would read it, taken in place
    when it is a plain word before a space or two (`said "`), the common case, or a
    plain word and the punctuation after it (`he said. "`, quote after quote)."""
    text = body[first:stop]
    words = text.rstrip(" ")
    chunk = words[words.rfind(" ") + 1 :]
    if chunk.isalnum():  # letters and digits only: the word is the chunk, whole
        return chunk
    # Punctuation that no word holds (_AFTER_A_WORD) ends the chunk's one word.
    word = chunk.rstrip(_AFTER_A_WORD)
    if word.isalnum():
        return word
    return _last_word(text)


def is_title_or_scare(body: str, span: QuoteSpan, paragraph_start: int) -> bool:
    """A quoted name of a work, a nickname or a scare-quoted word: not speech."""
    start, end = span.start, span.end
    if end - start > 120:
        return False  # a long stretch is speech, not a title or a scare-quoted word
    text = body[start:end]
    word = text.rstrip(_AFTER_A_WORD)
    head = text[:1]
    # Most quotes of quote-dense copy open in lower case: no nickname (that opens in
    # capitals), and no title by its capitals unless it is two words or more and its
    # first is a small one. Only a word before it that marks a title can make it one.
    if (
        head.islower()
        and head.isalpha()
        and (word.isalpha() or _WORD.match(text).group().lower() not in _TITLE_SMALL)
    ):
        opening = span.open_position
        window = opening - 40 if opening - 40 > paragraph_start else paragraph_start
        previous = _word_before(body, window, opening).lower()
        if previous not in (_MARKING or _marking_words()):
            return False
    if word.isalpha():
        words = [word]  # a lone word, the commonest short quote: what the regex finds
    else:
        words = _WORD.findall(text)
        if not words:
            return True
        if len(words) > 8:
            return False  # too long for any test below: skip reading the words before it
    count = len(words)
    opening = span.open_position
    window = opening - 40 if opening - 40 > paragraph_start else paragraph_start
    previous_word = _word_before(body, window, opening)
    previous = previous_word.lower()
    # Most quotes follow a word that marks nothing: one look-up tells them.
    if (previous in (_MARKING or _marking_words()) or previous.endswith(("'s", "’s"))) and not (
        _opens_sentence(body, window, opening)  # 'she liked the book. "My kid …"'
    ):
        verdict = _marked_by(previous, words)
        if verdict is not None:
            return verdict
    if (
        count <= 2
        and previous_word[:1].isupper()
        and _between_name_words(body, span, body[window:opening])
    ):
        return True  # Marjorie "MTG" Greene, Robert "Bob" Smith: a nickname
    if 2 <= count <= 6 and _title_cased(words):
        if _after_colon(body, window, opening) and body[end - 1 : end] in _ENDS:
            return False  # 'Pruitt was blunt: "No. Zero."': a colon leads into speech
        if body[end - 1 : end] == "," and _opens_sentence(body, window, opening):
            return False  # '"Merry Christmas," Ann Cole said.': words, then who said them
        inner = text.strip(" ,.;:!?")
        return not _SENTENCE_FINAL.search(inner + body[end : end + 1])
    return False


def _marked_by(previous: str, words: list[str]) -> bool | None:
    """The verdict a word before the quote (lower case) gives, if it gives one."""
    count = len(words)
    if previous in _PERSON_OBJECTS:
        return False  # 'calling her “the Congresswoman from Instagram”': what she was called
    if previous.endswith(("'s", "’s")) and words[0][:1].isupper() and count <= 6:
        return True  # Ruth Calloway's "The Long Table"
    if previous in load_lexicon().work_words:
        return True
    if previous in {"the", "a", "an"} and count <= 4 and (count == 1 or words[0][:1].isupper()):
        return True  # the "Open Door" ad; but a "jugglery of figures" is someone's phrase
    return None


# The words before a quote that _marked_by reads: filled on first use (the lexicon's).
_MARKING: frozenset[str] = frozenset()


def _marking_words() -> frozenset[str]:
    global _MARKING  # noqa: PLW0603 - the lexicon is read once, on first use
    _MARKING = _PERSON_OBJECTS | load_lexicon().work_words | {"the", "a", "an"}
    return _MARKING


def _title_cased(words: list[str]) -> bool:
    """Is every word capitalised or a small word a title leaves in lower case?"""
    first = words[0]
    if not first[:1].isupper() and first.lower() not in _TITLE_SMALL:
        return False  # most quotes: decided by their first word, without a generator
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words)


_ENDS = frozenset(".?!")
_PERSON_OBJECTS = frozenset({"him", "her", "them"})


def _opens_sentence(body: str, window: int, opening: int) -> bool:
    """Does the quote open a sentence (its paragraph, or after a full stop)?"""
    before = body[window:opening].rstrip()
    return not before or before[-1] in _ENDS or before[-2:-1] in _ENDS


def _after_colon(body: str, window: int, opening: int) -> bool:
    return body[window:opening].rstrip().endswith(":")


def _between_name_words(body: str, span: QuoteSpan, before: str) -> bool:
    """Is the quote, after a capitalised word, set before a capitalised surname?"""
    if not body[span.start : span.start + 1].isupper():
        return False
    if not before.endswith(" ") or not before[-2:-1].isalpha():
        return False
    after = body[span.close_position + 1 : span.close_position + 3]
    return after[:1] == " " and after[1:2].isupper()


_TITLE_SMALL = word_set("title_small")
