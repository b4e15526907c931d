"""Paragraph views: tokens, which of them sit inside quotes, and sentence starts.

Built once per paragraph from the spans stage; the cue, mention, attribution
and reported-speech stages all read them instead of re-scanning the body.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from .lexicon import load as load_lexicon
from .spans import QuoteSpan
from .text import (
    Paragraph,
    SlotRecord,
    Token,
    TokenNotes,
    is_sentence_end,
    tokens_into,
)


class QuoteSlot(SlotRecord):
    """Where a quote's marks sit among a paragraph's tokens (inclusive indices).

    A class with slots rather than a named tuple: quote-dense copy has one every
    few tokens, and the attribution stages read their fields over and over, which
    Python 3.11 reads at a quarter of a tuple field's cost.
    """

    __slots__ = ("span", "first", "last", "opens_here", "closes_here")

    span: QuoteSpan
    first: int  # token of the opening mark (or 0 when the quote runs in from before)
    last: int  # token of the closing mark (or the last token when it runs on)
    opens_here: bool
    closes_here: bool


class ParagraphView(TokenNotes):
    """A paragraph's tokens, which of them lie outside quotes, and its quotes' slots.

    A view is the TokenNotes its tokens are noted in while they are made (their
    sentence enders, capitals and cue triggers): one object per paragraph, not two.
    Made by build_views (_empty_view), as Token() is made (see text.Token).
    """

    __slots__ = (
        "index",
        "paragraph",
        "tokens",
        "outside",
        "slots",
        "quote_enders",
        "slot_lasts",
        "body",
        "_bounds",
        "noted_documents",
    )

    index: int
    paragraph: Paragraph
    body: str
    tokens: list[Token]
    outside: list[bool]  # per token: is it outside every quote?
    slots: list[QuoteSlot]
    quote_enders: list[int]
    slot_lasts: list[int]
    _bounds: tuple[Sequence[int], Sequence[int]] | None
    noted_documents: list[int] | None  # documents(), once read

    def __repr__(self) -> str:
        return f"ParagraphView({self.index}, {self.paragraph}, {len(self.tokens)} tokens)"

    def documents(self, words: frozenset[str]) -> list[int]:
        """The noted tokens (outside quotes) that are in `words`, the documents a speaker
        may put words in (speakers.AUTHORED_DOCUMENTS): read once, on first use."""
        documents = self.noted_documents
        if documents is None:
            tokens = self.tokens
            documents = self.noted_documents = [
                i for i in self.triggered if tokens[i].lower in words
            ]
        return documents

    @property
    def sentence_start(self) -> Sequence[int]:
        """Per token: index of its sentence's first token."""
        return (self._bounds or self._build_bounds())[0]

    @property
    def sentence_last(self) -> Sequence[int]:
        """Per token: index of its sentence's last token."""
        return (self._bounds or self._build_bounds())[1]

    def _build_bounds(self) -> tuple[Sequence[int], Sequence[int]]:
        capitals = self.capitals
        if self.enders or self.quote_enders or (capitals and not capitals[0]):
            bounds = _sentence_bounds(self.body, self)
        else:  # no full stop, and no label (which needs a capital first): one sentence
            bounds = _one_sentence(len(self.tokens))
        self._bounds = bounds
        return bounds

    def sentence_around(self, index: int) -> tuple[int, int]:
        """The first and the last token of the sentence that holds tokens[index].

        In a paragraph without quotes (most of those with a cue) only the full
        stops nearest the token are read, rather than the bounds of every token
        built: there only full stops and an opening label end sentences.
        """
        if self.slots or self._bounds is not None:
            starts, lasts = self._bounds or self._build_bounds()
            return starts[index], lasts[index]
        tokens, enders = self.tokens, self.enders
        first = 0  # where the paragraph's first sentence after a label starts
        label_end = _label_end(self)
        if label_end is not None:
            if index < label_end:
                return 0, label_end - 1  # a label holds no sentence end
            first = label_end
        following = bisect.bisect_left(enders, index)  # the first ender at or after the token
        for position in range(following - 1, -1, -1):
            before = enders[position]
            if before < first:
                break
            if is_sentence_end(tokens, before):
                first = before + 1
                break
        for position in range(following, len(enders)):
            if is_sentence_end(tokens, enders[position]):
                return first, enders[position]
        return first, len(tokens) - 1

    def after_last_quote(self, floor: int, index: int) -> int:
        """`floor`, moved past the last quote that closes before tokens[index]."""
        position = bisect.bisect_left(self.slot_lasts, index) - 1
        if position >= 0 and self.slot_lasts[position] >= floor:
            return self.slot_lasts[position] + 1
        return floor


def _empty_view(
    index: int, paragraph: Paragraph, body: str, triggers: frozenset[str]
) -> ParagraphView:
    """An empty view, filled by build_views (and _quoted_view), which set its `outside`."""
    view = ParagraphView()
    view.index = index
    view.paragraph = paragraph
    view.body = body
    view.tokens = []
    view.slots = []
    # The ".", "?" and "!" tokens outside quotes, ascending: noted while
    # tokenising, so that finding a sentence's bounds reads only these.
    view.enders = []
    # The tokens whose first character is upper-case (Token.is_capitalised),
    # inside quotes too, ascending: noted while tokenising, for names.
    view.capitals = []
    # The tokens outside quotes that may start a cue or name a document a speaker
    # put out (Lexicon.noted_words), ascending: noted while tokenising, for find_cues
    # and Registry.note_documents.
    view.triggers = triggers
    view.triggered = []
    # The closing marks of quotes that end with one inside them ("… jobs.”").
    view.quote_enders = []
    view.slot_lasts = []  # closing token of each slot, ascending
    # Sentence bounds are worked out on first use: paragraphs with no cue and no
    # quote (half of a news story) are never asked for them.
    view._bounds = None
    view.noted_documents = None  # see documents()
    return view


def build_views(body: str, paras: list[Paragraph], spans: list[QuoteSpan]) -> list[ParagraphView]:
    """One view per paragraph; linear in the body and the number of spans."""
    return list(iter_views(body, paras, spans))


def iter_views(
    body: str, paras: list[Paragraph], spans: list[QuoteSpan]
) -> Iterator[ParagraphView]:
    """The views of build_views, made one at a time, in body order."""
    span_index = 0
    span_count = len(spans)
    triggers = load_lexicon().noted_words
    # The first paragraph a quote may reach: those before it are taken without a
    # look at the spans (half of a news story's paragraphs hold no quote).
    next_quoted = spans[0].paragraph if spans else len(paras)
    for para_index, para in enumerate(paras):
        view = _empty_view(para_index, para, body, triggers)
        if para_index < next_quoted:
            tokens_into(body, para.start, para.end, view.tokens, view)
            view.outside = [True] * len(view.tokens)
            yield view
            continue
        while span_index < span_count and spans[span_index].last_paragraph < para_index:
            span_index += 1
        probe = span_index
        while probe < span_count and spans[probe].paragraph <= para_index:
            probe += 1
        if probe == span_index:
            tokens_into(body, para.start, para.end, view.tokens, view)
            view.outside = [True] * len(view.tokens)
        else:
            _quoted_view(view, spans[span_index:probe])
            span_index = probe  # the spans before it end here, bar one that runs on
            if spans[probe - 1].last_paragraph > para_index:
                span_index = probe - 1
        if span_index < span_count:
            next_quoted = spans[span_index].paragraph
            if next_quoted <= para_index:
                next_quoted = para_index + 1  # a quote runs on into the next paragraph
        else:
            next_quoted = len(paras)
        yield view


def _quoted_view(view: ParagraphView, spans: list[QuoteSpan]) -> None:
    """Fill `view` with the tokens of the narrative, and three tokens per quote: its
    marks and its words.

    The words inside a quote are one token: no stage reads them one by one, and
    not splitting them saves a third of the tokenising in quote-heavy copy.
    """
    body, para = view.body, view.paragraph
    para_start, para_end = para.start, para.end
    tokens, slots, quote_enders = view.tokens, view.slots, view.quote_enders
    triggers = view.triggers
    position = para_start
    for span in spans:
        open_at, close_at = span.open_position, span.close_position
        if open_at < para_start or close_at >= para_end:
            position = _runs_across(view, span, position)
            continue
        # The common case, a quote that opens and closes here: three tokens. The
        # space before its opening mark is left out: it would be cut as an empty chunk.
        if position < open_at:
            narrative_end = open_at - (body[open_at - 1] == " ")
            word = body[position:narrative_end]
            if word.isalpha():  # one plain word between two quotes, as in quote-dense copy
                # Taken as tokens_into takes a plain word, without its call and its cut.
                if word.islower():
                    lower = word
                else:
                    lower = word.lower()
                    if word[0].isupper():
                        view.capitals.append(len(tokens))
                if lower in triggers:
                    view.triggered.append(len(tokens))
                token = Token()
                token.text = word
                token.lower = lower
                token.start = position
                token.end = narrative_end
                tokens.append(token)
            else:
                tokens_into(body, position, narrative_end, tokens, view)
        slot_first = len(tokens)
        # The three tokens, made as new_token makes them, without its calls. Their
        # offsets are the span's own ints where they can be, and a lower-case quote
        # is its own lower-case form: a hostile article has 100,000 quotes, and each
        # int or copy not made is memory not allocated, faulted in and freed.
        inner_start = span.start  # open_at + 1
        after = close_at + 1
        token = Token()
        token.text = token.lower = body[open_at]
        token.start = open_at
        token.end = inner_start
        tokens.append(token)
        token = Token()
        token.text = text = body[inner_start:close_at]  # never empty: see pair_marks
        token.lower = text if text.islower() else text.lower()
        token.start = inner_start
        token.end = close_at
        tokens.append(token)
        if text[0].isupper():  # a quote mark never is
            view.capitals.append(slot_first + 1)
        token = Token()
        token.text = token.lower = body[close_at]
        token.start = close_at
        token.end = after
        tokens.append(token)
        slot = QuoteSlot()  # made as Token() is made (see text.Token)
        slot.span = span
        slot.first = slot_first
        slot.last = slot_first + 2
        slot.opens_here = slot.closes_here = True
        slots.append(slot)
        if body[close_at - 1] in _ENDERS:  # a sentence ends inside the quote
            quote_enders.append(slot_first + 2)
        position = after
        if position < para_end and body[position] == " ":
            position += 1  # the space after the closing mark, likewise
    if position < para_end:  # not after a quote that ends the paragraph
        tokens_into(body, position, para_end, tokens, view)
    # Marked in one go at the end rather than token by token: quote-dense copy
    # has a slot every few tokens, each of one to three tokens.
    outside = [True] * len(tokens)
    slot_lasts = view.slot_lasts
    for slot in slots:
        first, last = slot.first, slot.last
        outside[first : last + 1] = _INSIDE_RUNS[last - first]
        slot_lasts.append(last)  # in the loop that reads it: no second pass in map()
    view.outside = outside


_INSIDE_RUNS = ([False], [False] * 2, [False] * 3)  # copied in by slice assignment


def _runs_across(view: ParagraphView, span: QuoteSpan, position: int) -> int:
    """The slot of a quote that runs in from the paragraph before or on into the
    next one; returns where the narrative resumes."""
    body, tokens = view.body, view.tokens
    para_start, para_end = view.paragraph.start, view.paragraph.end
    open_at, close_at = span.open_position, span.close_position
    slot = QuoteSlot()  # as in _quoted_view
    slot.span = span
    if open_at >= para_start:  # it opens here and runs on into the next paragraph
        if position < open_at:  # the space before the opening mark is left out, as there
            tokens_into(body, position, open_at - (body[open_at - 1] == " "), tokens, view)
        slot.first = len(tokens)
        slot.opens_here = True
        slot.closes_here = closes = False
        inner_start = span.start  # open_at + 1: the span's int, as in _quoted_view
        token = Token()  # tokens made as new_token makes them, as in _quoted_view
        token.text = token.lower = body[open_at]
        token.start = open_at
        token.end = inner_start
        tokens.append(token)
        inner_end = stop = para_end
    else:  # it runs in from before (the paragraph's first quote: nothing precedes it)
        closes = close_at < para_end
        stop = close_at + 1 if closes else para_end
        if para_start >= stop:
            return position
        slot.first = len(tokens)
        slot.opens_here = False
        slot.closes_here = closes
        inner_start = para_start
        inner_end = close_at if closes else para_end
    if inner_start < inner_end:
        text = body[inner_start:inner_end]
        if text[0].isupper():
            view.capitals.append(len(tokens))
        token = Token()
        token.text = text
        token.lower = text if text.islower() else text.lower()
        token.start = inner_start
        token.end = inner_end
        tokens.append(token)
    if closes:
        token = Token()
        token.text = token.lower = body[close_at]
        token.start = close_at
        token.end = stop  # close_at + 1
        tokens.append(token)
        if body[close_at - 1] in _ENDERS:
            view.quote_enders.append(len(tokens) - 1)
    slot.last = len(tokens) - 1
    view.slots.append(slot)
    return stop


def _sentence_bounds(body: str, view: ParagraphView) -> tuple[Sequence[int], Sequence[int]]:
    """Per token, the indices of the first and the last token of its sentence."""
    tokens = view.tokens
    count = len(tokens)
    # Only tokens outside quotes were tokenised one by one: all the enders are outside.
    # Those that end a sentence, told as is_sentence_end tells them, without its calls;
    # a final ender's boundary, the paragraph's end, is no edge between two sentences.
    edges = []  # the first token of each sentence but the first, ascending
    for index in view.enders:
        following = index + 1
        if following < count:
            head = tokens[following].text[:1]
            if head.islower() or (tokens[following].start == tokens[index].end and head.isalnum()):
                continue  # "the U.S. economy", "Rs5.4 trillion": no sentence ends here
            edges.append(following)
    if view.quote_enders:  # most quotes end with no full stop inside them
        found = _quote_ends(body, view)
        if found:
            edges = sorted({*edges, *found})
    label_end = _label_end(view)
    if label_end is not None and label_end not in edges:
        edges.append(label_end)
        edges.sort()
    if not edges:  # one sentence: common in quote-dense copy, and shared
        return _one_sentence(count)
    edges.append(count)
    starts: list[int] = []
    lasts: list[int] = []
    first = 0
    for stop in edges:
        size = stop - first
        starts += [first] * size
        lasts += [stop - 1] * size
        first = stop
    return starts, lasts


def _one_sentence(count: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The bounds of a one-sentence paragraph of `count` tokens: tuples, so that views of
    paragraphs as long can share them (a hostile article has 20,000 such paragraphs)."""
    bounds = _ONE_SENTENCE.get(count)
    if bounds is None:
        bounds = (0,) * count, (count - 1,) * count
        if count <= _SHARED_LONGEST:
            _ONE_SENTENCE[count] = bounds
    return bounds


# One-sentence bounds by token count: a pure function of the count, kept between
# articles; only short paragraphs' are kept, so that the table stays small.
_ONE_SENTENCE: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}
_SHARED_LONGEST = 128


def _quote_ends(body: str, view: ParagraphView) -> list[int]:
    """Sentence boundaries after quotes that end a sentence inside their marks:
    those end it for the narrative too."""
    tokens, outside = view.tokens, view.outside
    final = len(tokens) - 1
    found = []
    for last in view.quote_enders:  # noted by _quoted_view: most quotes end with no full stop
        if last < final:
            following = last + 1
            if tokens[following].text[:1].isupper() or not outside[following]:
                found.append(following)
    return found


_ENDERS = frozenset(".?!")
_LABEL_LONGEST = 5  # tokens
_LABEL_PUNCTUATION = frozenset({",", "'", "’"})  # "Yes, but:", "What's next:"


def _label_end(view: ParagraphView) -> int | None:
    """Where a paragraph-opening label ends: "Zoom in:", "Why it matters:", "The big picture:".

    Digest house styles open paragraphs with a short label and a colon. What
    follows is a sentence of its own, whose subject is not the label ("Zoom in:
    Gov. Glenn Ashby signed the map, saying …" is Ashby's). A cue before the
    colon makes it an introduction instead ("Kerr said: …"), and a quote after
    it an answer ("Kerr: “…”"), which are left alone.
    """
    capitals = view.capitals  # noted while tokenising: is the first token capitalised?
    if not capitals or capitals[0]:
        return None  # most paragraphs, told without reading a token
    tokens, outside = view.tokens, view.outside
    if len(tokens) < 3:
        return None
    limit = len(tokens) - 1  # no min(): Python 3.11's parses keywords on every call
    if limit > _LABEL_LONGEST + 1:
        limit = _LABEL_LONGEST + 1
    if view.body.find(":", tokens[0].end, tokens[limit - 1].end) < 0:
        return None  # most paragraphs: no colon among their first words, found in C
    for index in range(1, limit):
        text = tokens[index].text
        if text == ":":
            following = tokens[index + 1]
            cue_forms = load_lexicon().cue_forms
            if (
                outside[index + 1]
                and following.text[:1].isupper()
                and all(outside[:index])
                and not any(token.lower in cue_forms for token in tokens[:index])
            ):
                return index + 1
            return None
        if not text[:1].isalnum() and text not in _LABEL_PUNCTUATION:
            return None  # a sentence's punctuation, or a quote: no label
    return None
