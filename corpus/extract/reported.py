"""Reported speech: the clause a cue reports, with its speaker.

Forms: `X said (that) CLAUSE` / `X told reporters CLAUSE` / `X, in a statement,
said CLAUSE` / `according to X, CLAUSE` / `CLAUSE, according to X` /
`CLAUSE, the ministry said` / `CLAUSE, said X` / `…, adding that CLAUSE`.
The clause is the quote (kind "reported"); a clause must look like one (start
with a subject-like word) or the cue is skipped.
"""

from __future__ import annotations

import bisect
import re

from .attribution import cue_text
from .cues import NOUNISH_FORMS, PARTICIPLES_AFTER_COMMA, Cue
from .documents import (
    DOCUMENT_CUE_REACH,
    document_author,
    document_maker,
    leads_into_a_cue,
    publisher,
)
from .found import Found
from .lexicon import word_set
from .marks import CLOSING_MARKS, OPENING_MARKS
from .mentions import (
    NOT_NAME_WORDS,
    Mention,
    after_dateline,
    is_manner_adverb,
    leading_subject,
    subject_after,
    subject_before,
    with_subject,
)
from .speakers import AUTHORED_DOCUMENTS, Entity, Registry, resolve_mention
from .text import TOKEN_TEXT, WEEKDAYS, Token
from .views import ParagraphView, QuoteSlot

CLAUSE_STARTERS = word_set("clause_starters")
NON_STARTERS = word_set("non_starters")
# After a bare plural noun, a finite verb or modal shows a clause has begun.
FINITE_AFTER_BARE_NOUN = word_set("finite_after_bare_noun")
NOT_CLAUSE_CAPITALS = word_set("not_clause_capitals")
LEADING_PHRASE_WORDS = word_set("leading_phrase_words")
INCLUSIVE = word_set("inclusive")
COMMA_STOPS = word_set("comma_stops")
# After "and"/"but", these verbs start a new statement, not more of the clause.
STOP_AFTER_AND = word_set("stop_after_and")
# Cues that do not report a statement in the clause after them.
REPORTING_LEMMAS_EXCLUDED = word_set("reporting_lemmas_excluded")
MIN_CLAUSE_TOKENS = 3
# A bare-noun subject ("gusts of up to 70 mph had ...") is short and plain.
BARE_SUBJECT_REACH = 11
BARE_SUBJECT_STOPS = word_set("bare_subject_stops")
# Cues whose addressee may stand between the verb and "that": "told jurors that".
ADDRESSEE_LEMMAS = word_set("addressee_lemmas")
# Cues that mostly take a noun object ("posted a video", "announced his resignation").
OBJECT_TAKING_LEMMAS = word_set("object_taking_lemmas")
OBJECT_CUE_REACH = 4
# A verb somewhere in quoted words (a quote's words are a single token).
_QUOTED_VERB = re.compile(
    r"\b(?:is|was|were|are|am|be|been|has|have|had|will|would|could|can|should|may|might|must"
    r"|did|does|do|shall|[a-z]+ed|[a-z]+n[’']t|[a-z]+s)\b"
)
# Bounds on the tokens looked at around one cue, so a pathological sentence costs
# no more than a normal one.
REACH = 60
CLAUSE_REACH = 150
BACKWARD_REACH = 30  # words between the comma that ends a clause and the cue after it
FINITE_VERBS = word_set("finite_verbs")
PHRASE_OPENERS = word_set("phrase_openers") | WEEKDAYS
OBJECT_STARTS = word_set("object_starts")
DETERMINERS_AND_ADJ_SLOTS = word_set("determiners") | word_set("quantifiers")


class ReportedFinder:
    def __init__(
        self, body: str, registry: Registry, views: list[ParagraphView] | None = None
    ) -> None:
        self.body = body
        self.registry = registry
        self._partial_cue_forms = registry.lexicon.partial_cue_forms
        # The article's views as the pipeline makes them (earlier runs' let go): where
        # "The memo said" looks for who put the memo out.
        self.views = views

    def find(self, view: ParagraphView, cues: list[Cue]) -> list[Found]:
        if not cues:
            return []  # half of a story's paragraphs
        found: list[Found] = []
        taken_until = -1
        last = len(cues) - 1
        for position, cue in enumerate(cues):
            if cue.first <= taken_until:
                continue
            if (
                position < last
                # most cues are further apart than a document could sit between them
                and cues[position + 1].first - cue.verb <= DOCUMENT_CUE_REACH
                and leads_into_a_cue(view.tokens, cue.verb, cues[position + 1].first)
            ):
                continue  # "posted a video saying …": the participle reports it
            item = self._at(view, cues, position, taken_until)
            if item is not None:
                found.extend(item[0])
                taken_until = item[1]
        return found

    def _at(
        self, view: ParagraphView, cues: list[Cue], position: int, taken_until: int = -1
    ) -> tuple[list[Found], int] | None:
        """What cues[position] reports, if anything, and the last token it covers. Tokens
        up to `taken_until` belong to a clause an earlier cue of the paragraph reported."""
        tokens = view.tokens
        cue = cues[position]
        first, lemma = cue.first, cue.lemma
        if (
            (lemma in REPORTING_LEMMAS_EXCLUDED and not _demands_that(tokens, cue))
            # "helped write the 1994 compact" (authorship), "The Ledger can reveal" (a
            # tabloid's flourish): speech verbs that report no statement
            or (first > 0 and tokens[first - 1].lower in _HELPING)
            or (lemma == "reveal" and tokens[first].lower == "can")
        ):
            return None
        sentence_start, sentence_last = view.sentence_around(first)
        while tokens[sentence_start].text in _BULLETS and sentence_start < first:
            sentence_start += 1  # "• The PAC defended the spot, saying …"
        sentence_first = sentence_start  # moved nearer the cue in a very long sentence
        if lemma == "according to":
            return self._according(view, cue, sentence_first, sentence_last, taken_until)
        if first < cue.verb and _passive(tokens, cue):  # an auxiliary first: "was told"
            # "Ann Cole was told (by the White House) that she was fired": the subject
            # heard it; the speaker, if named, is the one after "by".
            return self._told_by(view, cue, sentence_last)
        if first - sentence_first > REACH:
            sentence_first = view.after_last_quote(first - REACH, first)
        floor = sentence_first  # where the cue's subject may start: after any quote
        quote_before = False
        opens = False  # known to open a clause right after the cue, with nothing to skip
        # The last quote that closes before the cue, if it closes in the sentence or
        # right before it (half of the paragraphs with a cue hold no quote).
        slot = bisect.bisect_left(view.slot_lasts, first) - 1 if view.slots else -1
        if slot >= 0 and view.slot_lasts[slot] >= sentence_first - 1:
            floor = view.slot_lasts[slot] + 1  # view.after_last_quote, from the one bisect
            # '"…," Kessler said at a press conference outside the Capitol, …': the
            # attribution stage reads it (a third of the cues in quote-rich copy).
            quote_before = _attributes_the_quote_before(
                view, view.slots[slot], floor, cue, sentence_first
            ) and not _that_soon(tokens, cue)
            if quote_before and floor > sentence_first:
                return None  # the quote is in the sentence, so _backward would find nothing
        after = cue.last + 1
        if after < len(tokens) and tokens[after].lower not in _MAY_FOLLOW_A_REPORTING_CUE:
            # Most cues are settled by that look-up. A plain word after the cue
            # ('"a," he said word …', "announced plans to …") may open no clause, nor
            # fit a form _backward reads: then nothing is found, and the quote and comma
            # searches below (costly in quote-dense copy) need not be made.
            opens = self._may_report_after(view, cue, after)
            if opens is None:
                return None
        # Conditional expressions rather than min() and max() on this path: Python 3.11
        # parses their keyword arguments on every call.
        reach_end = cue.last + CLAUSE_REACH
        end = sentence_last if sentence_last < reach_end else reach_end
        outside = view.outside
        while end >= 0 and tokens[end].text in _FINAL_PUNCTUATION and outside[end]:
            end -= 1  # self._sentence_body_end, inlined: one call fewer per cue
        clause_first = sentence_first
        if position and cues[position - 1].first >= sentence_first:  # most cues: no
            clause_first = _after_an_earlier_attribution(tokens, cues, position, sentence_first)
        # The forms _backward reads ("CLAUSE, X said", "CLAUSE, said X", "The button, X
        # said, has …") need no quote in the sentence (the attribution stage reads
        # those) and a comma before the cue, within BACKWARD_REACH words. Most cues ("X
        # said the plan …") fail one of these two cheap tests, so they are asked here.
        if not (
            view.slots
            and _quote_within(view, clause_first, cue.last)
            and not _only_fragments_quoted(view, clause_first, first)
        ) and (  # _comma_in_text, inlined: most cues get this far
            first > clause_first
            and self.body.find(
                ",",
                tokens[
                    clause_first
                    if clause_first > first - BACKWARD_REACH
                    else first - BACKWARD_REACH
                ].start,
                tokens[first - 1].end,
            )
            >= 0
        ):
            following = cues[position + 1].first if position + 1 < len(cues) else len(tokens)
            backward = self._backward(view, cue, clause_first, end, following)
            if backward is not None:
                return backward
        if quote_before:
            return None  # a quote that ends the sentence before: '"…?" Kessler said …'
        clause = self._clause_after(view, cue, end, opens)
        if clause is None:
            return None
        if tokens[cue.verb].lower in PARTICIPLES_AFTER_COMMA and first == cue.verb:
            # ", saying …" shares a subject; "kept saying" (an auxiliary first) has its own
            mention = self._shared_subject(view, cues, position, sentence_start)
            if mention is None:
                mention = with_subject(tokens, cue.first, floor)  # "with critics saying …"
        else:
            mention = subject_before(tokens, first, floor, whole=False)
        if mention is None and first > 0 and tokens[first - 1].lower in {"and", "but"}:
            # "Llewelyn urged both sides to "…" and warned that …": the earlier verb's subject
            mention = self._earlier_cue_subject(view, cues, position, sentence_start)
        if mention is None and self._shares_subject(tokens, cue, floor):
            mention = leading_subject(tokens, sentence_first, first - 1)
        if mention is None:
            mention = document_author(tokens, first, floor)  # "issued a statement saying"
        if mention is None:
            mention = document_maker(tokens, first, floor)  # "The report by X concluded"
        return self._make(view, mention, cue, clause)

    def _may_report_after(self, view: ParagraphView, cue: Cue, after: int) -> bool | None:
        """What the word right after the cue (tokens[after], none that
        _MAY_FOLLOW_A_REPORTING_CUE) tells of what _at finds: True when a clause opens
        there with nothing to skip before it, None when it is sure nothing is found,
        False when the full reading must tell.

        A plain lower-case word that opens no clause ("said word") leaves only the
        forms _backward reads. With no comma right before the cue (no "CLAUSE, said
        X") and that word no time, place or occasion (no "CLAUSE, X said on
        Monday"), none of them fits either: each test here mirrors one that
        _clause_after or _backward would fail on. Quote-dense copy ('"a," he said
        word') is settled so, before its comma and quote searches.
        """
        word = view.tokens[after]
        if not (
            cue.clause_from == after  # no person told: the clause would start here
            and word.text[:1].islower()  # no capital or digit: no skip before a clause
            and not word.lower.endswith("ly")
            and cue.lemma not in ADDRESSEE_LEMMAS
        ):
            return False
        if self._starts_clause(view, after):
            return True  # _clause_after is told, and need not ask again
        if word.lower in _RELATIVE_REPORT_VERBS:
            # "a change she said would raise costs": _clause_after reads it, up to the
            # same last word ("what he said was …" needs one past the verb)
            sentence_last = view.sentence_around(cue.first)[1]
            reach_end = cue.last + CLAUSE_REACH
            end = self._sentence_body_end(
                view, sentence_last if sentence_last < reach_end else reach_end
            )
            if _object_relative_clause(view.tokens, cue, after, end) is not None:
                return False
        first = cue.first
        if first > 0 and self._comma_before(view, first - 1):
            return False  # "CLAUSE, said X": _backward may read it
        return None

    def _comma_before(self, view: ParagraphView, index: int) -> bool:
        """Is tokens[index] a comma, or a closing mark right after a comma inside the
        quote (the comma an inverted "CLAUSE, said X" needs before its cue)?"""
        return view.tokens[index].text == "," or self._comma_inside_closing_mark(view, index)

    def _make(
        self,
        view: ParagraphView,
        mention: Mention | None,
        cue: Cue,
        clauses: list[tuple[int, int]],
    ) -> tuple[list[Found], int] | None:
        if mention is None:
            return None
        tokens = view.tokens
        entity = None
        if (
            mention.head == "pronoun"
            and mention.first
            and tokens[mention.first - 1].lower in _RELATIVE_THAT
        ):
            entity = self._relative_pronoun_subject(view, mention)
        elif (
            mention.head == "org_nominal" and tokens[mention.core_last].lower in AUTHORED_DOCUMENTS
        ):
            self._find_publisher(view, mention)  # "The memo said …": who sent it, if told
        if entity is None:
            entity = resolve_mention(self.registry, self.body, tokens, mention)
        if entity is None:
            return None
        entity.quotes += 1  # known to speak, for later nominals; recounted at assembly
        self._note_documents(view, mention, cue, clauses, entity)
        opener = tokens[clauses[0][0]].lower
        if opener in _GENDERED:  # most clauses open with another word
            _learn_gender(entity, opener)
        anonymous = entity.anonymous or mention.anonymous
        mention_start, mention_end = tokens[mention.first].start, tokens[mention.last].end
        cue_words = cue_text(self.body, view, cue)
        found = []
        reported = self.registry.reported
        for first, last in clauses:
            start, end = tokens[first].start, tokens[last].end
            found.append(
                Found(
                    start,
                    end,
                    "reported",
                    entity,
                    mention_start,
                    mention_end,
                    cue_words,
                    anonymous,
                    mention_start,
                )
            )
            reported.append((start, end, entity))
        covered = clauses[-1][1]
        return found, covered if covered > cue.last else cue.last

    def _note_documents(
        self,
        view: ParagraphView,
        mention: Mention,
        cue: Cue,
        clauses: list[tuple[int, int]],
        entity: Entity,
    ) -> None:
        """ "The ministry said in a statement that …", "In a letter, Lee wrote that …":
        the document named around the cue, outside the clause, is the speaker's."""
        noted = view.documents(AUTHORED_DOCUMENTS)
        if not noted:
            return  # most paragraphs: no document named in them
        low = mention.first if mention.first < cue.first else cue.first
        # From the sentence's start (sentence_around, not sentence_start: see its doc),
        # at most a few words before the speaker, past any clause before the cue.
        first = max(low - _DOCUMENT_BEFORE_SPEAKER, view.sentence_around(low)[0] - 1)
        if clauses[0][0] < cue.first:  # "CLAUSE, the ministry said in a statement."
            first = max(first, clauses[-1][1] + 1)
            stop = cue.last + _DOCUMENT_AFTER_CUE
        else:
            stop = clauses[0][0]
        self.registry.note_documents(view.tokens, noted, first, stop, entity)

    def _find_publisher(self, view: ParagraphView, mention: Mention) -> None:
        """For "The memo said …" with no author noted yet: the subject of the verb that
        put out a memo in this paragraph or the two before ("The budget office sent a
        memo to agencies."), noted as its author."""
        tokens = view.tokens
        word = tokens[mention.core_last].lower
        if tokens[mention.core_first].lower != "the" or word in self.registry.document_authors:
            return
        for back in range(_PUBLISHED_PARAGRAPHS):
            index = view.index - back
            earlier = (
                view if back == 0 else self.views[index] if self.views and index >= 0 else None
            )
            if earlier is None:
                return
            for document in reversed(earlier.documents(AUTHORED_DOCUMENTS)):
                if (back == 0 and document >= mention.first) or earlier.tokens[
                    document
                ].lower != word:
                    continue
                floor = earlier.sentence_around(document)[0]
                found = publisher(earlier.tokens, document, floor)
                author = (
                    None
                    if found is None
                    else resolve_mention(self.registry, self.body, earlier.tokens, found)
                )
                if author is not None:
                    self.registry.document_authors[word] = author
                    return

    def _relative_pronoun_subject(self, view: ParagraphView, mention: Mention) -> Entity | None:
        """ "Albrecht's office released a timeline that it said showed …": the pronoun
        in a relative clause on the sentence's object means the sentence's subject,
        when that is a body (for "it") or a person (for "he", "she"), not whoever was
        named nearest."""
        tokens = view.tokens
        relative = mention.first - 1
        noun = tokens[relative - 1] if relative > 0 else None
        if noun is None or not (noun.text.isalpha() and noun.text.islower()):
            return None  # "the plan, which it said …" or a name before "that"
        start = view.sentence_around(relative)[0]
        if relative - 2 <= start:
            return None
        subject = leading_subject(tokens, start, relative - 2)
        if subject is None or subject.head == "pronoun" or subject.last >= relative - 2:
            return None  # no subject, or one that runs up to the noun: no verb between
        entity = resolve_mention(self.registry, self.body, tokens, subject)
        wanted = "organisation" if tokens[mention.first].lower == "it" else "person"
        return entity if entity is not None and entity.kind == wanted else None

    @staticmethod
    def _shares_subject(tokens: list[Token], cue: Cue, floor: int) -> bool:
        """ "…, saying …", "… and said …", "… before saying …": the verb has the
        sentence's subject."""
        if cue.first - 1 < floor:
            return False
        before = tokens[cue.first - 1]
        participle = tokens[cue.verb].lower.endswith("ing")
        return before.lower in {"and", "but"} or (
            participle and (before.text == "," or before.lower in _GERUND_PREPOSITIONS)
        )

    def _shared_subject(
        self, view: ParagraphView, cues: list[Cue], position: int, sentence_start: int
    ) -> Mention | None:
        """ "she said, adding that …": the participle shares the main verb's subject."""
        first = cues[position].first
        tokens = view.tokens
        if first >= 2 and tokens[first - 1].lower.endswith("ly") and tokens[first - 2].text == ",":
            first -= 1  # "she said, quietly adding that …"
        if first == 0 or tokens[first - 1].text != ",":
            return None
        return self._earlier_cue_subject(view, cues, position, sentence_start)

    @staticmethod
    def _earlier_cue_subject(
        view: ParagraphView, cues: list[Cue], position: int, sentence_start: int
    ) -> Mention | None:
        """The subject of the nearest earlier cue than cues[position] in the sentence, if any."""
        for earlier in reversed(cues[position - 5 if position > 5 else 0 : position]):
            if earlier.first >= sentence_start:
                local_floor = view.after_last_quote(sentence_start, earlier.first)
                return subject_before(view.tokens, earlier.first, local_floor, whole=False)
        return None

    # --- clause boundaries -------------------------------------------------
    def _clause_after(
        self, view: ParagraphView, cue: Cue, last: int, opens: bool = False
    ) -> list[tuple[int, int]] | None:
        """The clause(s) after the cue, up to tokens[last] (the sentence's last word).

        `opens`: a clause is known to open right after the cue, with nothing to skip
        before it (ReportedFinder._may_report_after)."""
        tokens = view.tokens
        first = cue.clause_from
        if first > last:
            return None
        after_that = skipped = None
        opener = tokens[first]
        lower = opener.lower
        initial = opener.text[:1]
        # Could _skip_to_that, _skip_adjunct or _past_addressee move the clause's start
        # past its opener? Only "that", a phrase or time word, a capital, a digit, an
        # adverb in -ly or the words after a verb of telling can be skipped: most
        # clauses open with none of these, and need no skip tried (asked here, not in a
        # helper: one call fewer per cue). A new skip must let its openers through here.
        if (
            lower in _SKIP_OPENERS  # with the focus adverbs: "said only that", "said again that"
            or initial.isupper()
            or initial.isdigit()
            or lower.endswith("ly")
            or cue.lemma in ADDRESSEE_LEMMAS
        ):
            after_that = self._skip_to_that(tokens, cue, first, last)
            skipped = (
                after_that
                if after_that is not None
                else self._past_words_before_clause(view, cue, first, last)
            )
        needs_verb = after_that is None
        if skipped is not None:
            first = skipped
        elif not (opens or self._starts_clause(view, first)):
            relative_start = _object_relative_clause(tokens, cue, first, last)
            if relative_start is None:
                return None
            # "what it said was the diversion of …": the words said are a noun phrase
            needs_verb = relative_start == first
            first = relative_start
        if first > last:
            return None
        end = last
        if view.slots and view.slot_lasts[-1] > first + 1:  # a quote after the clause starts
            end = _before_closing_speech(view, first, end)
        clauses = []
        # "has argued that X and has proposed Y": the cue's own auxiliary, if any
        auxiliary = tokens[cue.first].lower if cue.first < cue.verb else ""
        participle = tokens[cue.verb].lower.endswith("ing")  # ", saying …
        relative = cue.first >= 2 and tokens[cue.first - 1].lower in _RELATIVE_WORDS
        if relative:
            relative = _in_relative_clause(tokens, cue)
        # "announced his resignation in a letter that was released": verbs that take
        # an object report a clause only when its verb comes soon.
        takes_object = cue.lemma in OBJECT_TAKING_LEMMAS
        while first is not None and first <= end:
            last, following = self._cut_tail(view, first, end, auxiliary, participle)
            if relative:
                # "The Pentagon, which said the strike was legal, declined to comment":
                # the relative clause ends at its comma.
                last = _before_next_comma(tokens, first, last)
            if last - first + 1 < MIN_CLAUSE_TOKENS and not _pronoun_and_verb(tokens, first, last):
                break
            reach = OBJECT_CUE_REACH if takes_object else 14
            if takes_object:
                # "posted a graphic that labeled …": the verb of a relative clause is no
                # sign that a clause was reported.
                reach = min(reach, _relative_word_offset(tokens, first, first + reach))
            if needs_verb and not self._has_finite_verb(view, first, last, reach=reach):
                break  # "declared a state of emergency": an object, not a clause
            clauses.append((first, last))
            first = following
        return clauses or None

    def _past_words_before_clause(
        self, view: ParagraphView, cue: Cue, first: int, last: int
    ) -> int | None:
        """Where the clause starts past a time or a phrase ("said last week the budget
        …") or past the people told ("told close associates she …"), or None."""
        tokens = view.tokens
        after_time = _skip_adjunct(tokens, first, last)
        if after_time is not None and self._starts_clause(view, after_time):
            return after_time
        return _past_addressee(tokens, cue, first, last)

    def _skip_to_that(self, tokens: list[Token], cue: Cue, first: int, last: int) -> int | None:
        """After "said in a filing with state regulators that", the clause starts past "that".

        The words skipped must open with a phrase word (a preposition, a time, a
        name) and hold no comma or further cue.
        """
        if first > last:
            return None
        opener = tokens[first]
        lower = opener.lower
        if lower == "that":
            return first + 1
        if lower in _FOCUS_ADVERBS and first + 1 <= last and tokens[first + 1].lower == "that":
            return first + 2  # "said only that …", "said simply that …"
        # "told the weekly press briefing that", "assured investors that": the person
        # or audience addressed comes before the clause.
        told_someone = cue.lemma in ADDRESSEE_LEMMAS and (
            lower in DETERMINERS_AND_ADJ_SLOTS
            or (opener.text.isalpha() and opener.text.islower() and lower not in NON_STARTERS)
        )
        initial = opener.text[:1]
        if not (
            lower in PHRASE_OPENERS
            or initial.isupper()
            or initial.isdigit()
            or told_someone  # "told the weekly press briefing in Islamabad that"
        ):
            return None
        # Most cues have no "that" in reach: a loop over the words settles it (a plain
        # loop: cheaper than a list of a dozen words and two searches of it).
        stop = (last if last < first + 12 else first + 12) + 1  # no min(): see _at
        for that in range(first + 1, stop):
            if tokens[that].lower == "that":
                break
        else:
            return None
        if tokens[that - 1].lower in _CONTENT_NOUNS:
            return None  # "pushed back on the idea that …": the reporter's noun, not speech
        cue_forms = self.registry.lexicon.cue_forms
        relative = False  # "told anyone who would listen that": the addressee's own verb
        for index in range(first + 1, that):
            lower = tokens[index].lower
            if lower in {"who", "whom"} and told_someone:
                relative = True
                continue
            verb = (lower in cue_forms and lower not in NOUNISH_FORMS) or (
                lower in FINITE_VERBS and not tokens[index].text[:1].isupper()  # "in May that"
            )
            if verb and not relative:
                return None
            if not tokens[index].is_word() and not _quoted_title_part(tokens[index]):
                return None
        return that + 1

    def _has_finite_verb(self, view: ParagraphView, first: int, last: int, reach: int = 14) -> bool:
        """Does a clause without "that" hold a verb? (a modal, an auxiliary, a past tense)."""
        tokens = view.tokens
        stop = (last if last < first + reach else first + reach) + 1  # no min(): see _at
        # Each test below can only say yes, so their order is free: a modal or an
        # auxiliary anywhere in reach (most clauses hold one) settles it first, which
        # the loop at the end then need not repeat. A plain loop that stops at the
        # first costs less, over a few words, than isdisjoint over a map of a slice.
        for index in range(first, stop):
            if tokens[index].lower in FINITE_VERBS:
                return True
        if (
            first + 2 <= last
            and tokens[first].text[:1].isupper()
            and tokens[first].lower not in DETERMINERS_AND_ADJ_SLOTS  # "Its campaign manager"
        ):
            second = tokens[first + 1]
            if second.text in _QUOTE_MARKS and first + 3 <= last:
                second = tokens[first + 2]  # 'Pakistan "rejects" the remarks': a quoted verb
            if (
                second.text.isalpha()
                and second.text.islower()
                and second.lower not in NON_STARTERS
                and second.lower not in DETERMINERS_AND_ADJ_SLOTS
                and not second.lower.endswith(("ly", "ing"))
            ):
                return True  # "Americans deserve better": a name, then its verb
        subject = _past_quantity(tokens, first, last)
        if _plain_verb_after_plural(tokens, subject, last):
            # "closures ripple well beyond health care", "about half his customers come"
            return True
        if tokens[subject].text.isalpha() and _plain_verb_after_plural(tokens, subject + 1, last):
            return True  # "grocery mergers deserve …": a noun before the plural
        outside = view.outside
        for index in range(first, stop):
            lower = tokens[index].lower
            if lower in _PLURAL_SUBJECTS and _base_verb_after(tokens, index, last):
                return True  # "they expect more senators to join", "we need the votes"
            # A plain word (most are) passes none of the tests below; a new test must
            # let its words through here.
            if not (lower.endswith(_VERB_ENDINGS) or "'" in lower or "’" in lower or " " in lower):
                continue
            if " " in lower and not outside[index]:
                if _QUOTED_VERB.search(lower):
                    return True  # the words of a quote, held as one token
                continue
            if "’" in lower:
                lower = lower.replace("’", "'")
            if lower in FINITE_VERBS or lower.endswith("n't"):
                return True
            if "'" in lower and _contracted(lower) in _PRONOUNS:
                return True  # "he's", "they're", "I'd": a pronoun with its verb
            # A past tense or a verb in -s needs a word before it (no determiner).
            if index == first or not lower.endswith(("ed", "s")):
                continue
            if tokens[index - 1].lower in DETERMINERS_AND_ADJ_SLOTS:
                continue
            if lower.endswith("ed"):
                return True
            if lower.endswith("ss") or not tokens[index].text.islower():
                continue
            if tokens[index - 1].lower in _SINGULAR_PRONOUNS:
                return True  # "it exposes taxpayers to …", "she wants …"
            if is_manner_adverb(tokens[index - 1]) or tokens[index - 1].lower in _FREQUENCY_ADVERBS:
                return True  # "her benefit usually arrives on the fourth", "mail now takes"
            following = tokens[index + 1].lower if index + 1 <= last else ""
            if following in _QUOTE_MARKS and index + 2 <= last:
                following = tokens[index + 2].lower  # 'the bill "recognizes" the reality'
            if following in OBJECT_STARTS:
                return True  # "the bill recognizes the reality"
            if reach > OBJECT_CUE_REACH and _verb_after_singular_subject(tokens, index, last):
                return True  # "the plan raises taxes", "the draft tightens work rules"
        return False

    def _starts_clause(self, view: ParagraphView, index: int) -> bool:
        if not view.outside[index]:
            return _quoted_title_as_subject(view, index)
        token = view.tokens[index]
        lower = token.lower
        if lower in CLAUSE_STARTERS:
            return True
        initial = token.text[:1]
        if initial.isdigit():
            return True
        if ("'" in lower or "’" in lower) and _contracted(lower) in CLAUSE_STARTERS:
            return True  # "says he's trying", "said they're close"
        if (lower in APPROXIMATORS or lower in _LIMITERS) and _number_follows(view.tokens, index):
            return True  # "said about 40% of the guns …", "said only four provinces had …"
        if lower == "as" and _as_many_as(view.tokens, index):
            return True  # "said as many as 180,000 households could lose …"
        if (
            lower in _LIMITERS
            and index + 1 < len(view.tokens)
            and view.tokens[index + 1].text.isalpha()
        ):
            return self._starts_clause(view, index + 1)  # "said only voters who … would"
        if initial.isupper():
            return lower not in NOT_CLAUSE_CAPITALS and lower not in WEEKDAYS
        # A bare noun may start a clause ("winds would ease overnight", "donor pressure
        # had played no part"), but not a preposition, an adverb or a verb ("said on
        # Monday", "said repeatedly", "announced plans to ...").
        if not initial.isalnum() or lower in NON_STARTERS or lower.endswith("ly"):
            return False
        return self._finite_after_noun_phrase(view, index + 1)

    @staticmethod
    def _finite_after_noun_phrase(view: ParagraphView, index: int) -> bool:
        """Does an auxiliary or modal follow within a short noun phrase from tokens[index]?

        "gusts of up to 70 mph had grounded": the phrase may hold a preposition
        and a number, but no comma, relative word, infinitive or quote.
        """
        tokens = view.tokens
        count = len(tokens)
        # Each word test needs an ending (-ed after the noun, -s on it): most words
        # are settled by the endings alone, without the calls.
        if index < count and tokens[index].text.endswith("ed") and _past_tense_at(tokens, index):
            return True  # "said leadership hoped to …", "said inflation eased"
        if index + 1 < count and tokens[index + 1].text.endswith("ed"):  # settles most words
            word = tokens[index].text
            if (
                # "security forces conducted an operation": a compound plural
                (word.endswith("s") and word.isalpha() and word.islower())
                # "said managers regularly added names"
                or is_manner_adverb(tokens[index])
            ) and _past_tense_at(tokens, index + 1):
                return True
        if tokens[index - 1].text.endswith("s") and _plain_verb_after_plural(
            tokens, index - 1, count - 1
        ):
            return True  # "says closures ripple well beyond health care"
        if (
            index < count
            and tokens[index].text.endswith("s")
            and _plain_verb_after_plural(tokens, index, count - 1)
        ):
            return True  # "said grocery mergers deserve particular scrutiny"
        if index < count and not view.outside[index]:
            # 'said voters "can read a spreadsheet"': the quote holds the verb
            return _quote_opens_with_a_verb(tokens, index)
        if _modal_after_an_inclusive_aside(tokens, index):
            return True  # "said essential services, including state police, would …"
        stop = index + BARE_SUBJECT_REACH
        if stop > count:  # no min(): see _at
            stop = count
        # Only an auxiliary or modal says yes: with none in reach (most bare words that
        # follow a cue), this first pass settles it. A plain loop over so few words
        # costs less than isdisjoint over a map of a slice.
        for position in range(index, stop):
            lower = tokens[position].lower
            if lower in FINITE_AFTER_BARE_NOUN or (
                lower[-1:] == "s" and _adverb_then_present(tokens, position)  # the test first
            ):
                break
        else:
            return False
        outside = view.outside
        for position in range(index, stop):
            lower = tokens[position].lower
            if lower in FINITE_AFTER_BARE_NOUN or (
                lower[-1:] == "s" and _adverb_then_present(tokens, position)
            ):
                return True
            if not outside[position]:
                return False
            if lower in BARE_SUBJECT_STOPS and not (
                lower in {"and", "or"} and _joins_nouns(tokens, position, stop)
            ):
                return False
            if lower == "to" and tokens[position - 1].lower != "up":
                return False
            if not (tokens[position].is_word() or lower in {"%", "$", "-"}):
                return False
        return False

    def _sentence_body_end(self, view: ParagraphView, sentence_last: int) -> int:
        """Last token of the sentence, without its final punctuation (a closing mark stays)."""
        tokens = view.tokens
        last = sentence_last
        while last >= 0 and tokens[last].text in _FINAL_PUNCTUATION and view.outside[last]:
            last -= 1  # the text test first: it settles the sentence's last word
        return last

    def _cut_tail(
        self,
        view: ParagraphView,
        first: int,
        last: int,
        cue_auxiliary: str = "",
        participle: bool = False,
    ) -> tuple[int, int | None]:
        """Where the clause stops, and where a second clause for the same cue starts.

        Stops before ", adding …", ", though …", ", a figure that …", "and declined …",
        and before "and" with the cue's own auxiliary ("has argued that X and has
        proposed Y": the speaker's second act); "… and that CLAUSE" / "… but that
        CLAUSE" start a second reported clause.
        """
        tokens = view.tokens
        outside = view.outside
        # Only candidates are looked at: a new stop word must go in _TAIL_STOP_MARKS too.
        for index in _tail_stop_candidates(tokens, first, last):
            if not outside[index]:
                continue
            lower = tokens[index].lower
            previous = tokens[index - 1].text
            if (
                previous == ","
                and (
                    lower in COMMA_STOPS
                    or lower == "which"
                    or _is_participle(tokens[index])
                    # ", quietly adding that …": a participle past its manner adverb
                    or (
                        lower.endswith("ly")
                        and index + 1 <= last
                        and _is_participle(tokens[index + 1])
                    )
                    # ", before adding that …", ", while noting …": the speaker's next
                    # statement ("…, before deciding" may be part of the first)
                    or (
                        lower in _TIME_CONJUNCTIONS
                        and index + 1 <= last
                        and _is_participle(tokens[index + 1])
                        and tokens[index + 1].lower in self.registry.lexicon.cue_forms
                    )
                )
                and not _second_that(tokens, index, last)  # ", but that CLAUSE": read below
                and not (lower == "but" and _not_only_before(tokens, first, index))
            ):
                if lower == "with" and tokens[index - 2].lower in FINITE_VERBS:
                    continue  # "said the city would, with help from the state, build …"
                appositive = lower in {"a", "an", "which", "with"}
                # An appositive or a ", which" aside ends the clause only after a whole
                # clause: "the suspect, a 24-year-old man, was arrested" keeps it, "could
                # ignore the limit under the 14th Amendment, which says …" does not, and
                # nor does one the clause goes on after ("moved funds to Lakeshore LLC, a
                # company run by her brother-in-law, and falsified reports").
                if not appositive or (
                    self._has_finite_verb(view, first, index - 2, reach=40)
                    and not _clause_goes_on_after(tokens, index, last)
                ):
                    return index - 2, None
            if (
                (lower in _STOPS_AFTER_A_QUOTED_COMMA or _is_participle(tokens[index]))
                and previous in CLOSING_MARKS
                and self.body[tokens[index - 1].start - 1] == ","
                and self._has_finite_verb(view, first, index - 2, reach=40)
            ):
                # 'was "churn," with people cycling off', 'would leave the agency "broke
                # by September," according to a source': the comma sits inside the quote
                return index - 1, None
            if lower == "as" and index + 1 <= last and tokens[index + 1].text[:1].isupper():
                return index - 1, None  # "… attacks as Pakistan blames …": the reporter's aside
            if lower in {"—", "–"} and self._has_finite_verb(view, first, index - 1, reach=40):
                # "… was dead — a blow to the mayor": the reporter's aside, after which
                # "and that CLAUSE" may go on reporting
                return index - 1, _that_after_dash_aside(tokens, index, last)
            if lower not in {"and", "but"}:
                continue
            following = tokens[index + 1].lower if index + 1 <= last else ""
            if following == "that" and index + 2 <= last:
                return index - 1 - (1 if previous == "," else 0), index + 2
            verb = following
            if index + 2 <= last and is_manner_adverb(tokens[index + 1]):
                verb = tokens[index + 2].lower  # "but repeatedly declined to commit"
            if (
                verb in STOP_AFTER_AND
                or following in self.registry.lexicon.cue_forms
                # "saying A and calling the scenario "…"", "saying A and sending the
                # chambers back to work": the speaker's next act
                or (following.endswith("ing") and following in self._partial_cue_forms)
                or (participle and following.endswith("ing") and following.isalpha())
                or (cue_auxiliary and following == cue_auxiliary)
                or self._pronoun_speaks(tokens, index + 1, last)
                or (previous == "," and _pronoun_acts(tokens, index + 1, last))
            ):
                return index - 1 - (1 if previous == "," else 0), None
            if (
                following in {"he", "she"}  # "and it will …" goes on about the same thing
                and previous != ","  # ", and he has floated an amendment": the reporter's
                and index + 2 <= last
                and _pronoun_and_verb(tokens, index + 1, index + 2)
                and self._has_finite_verb(view, first, index - 1, reach=40)
                and not _names_someone(view, first + 1, index - 1)
            ):
                # "said the committee would mark it up and he hoped to …": "he" or
                # "she" goes on with a statement of their own, a second clause ("she had
                # spoken with Dale Pryor but he had not conceded" is about Pryor).
                return index - 1, index + 1
        return last, None

    def _pronoun_speaks(self, tokens: list[Token], index: int, last: int) -> bool:
        """ "…, and he vowed that …": a subject pronoun with a speech verb of its own
        (past one adverb) starts a new statement, not more of the clause."""
        if index > last or tokens[index].lower not in _SUBJECT_PRONOUNS:
            return False
        verb = index + 1
        if verb <= last and is_manner_adverb(tokens[verb]):
            verb += 1
        return verb <= last and tokens[verb].lower in self.registry.lexicon.cue_forms

    # --- the other word orders ------------------------------------------------
    def _backward(
        self, view: ParagraphView, cue: Cue, sentence_first: int, end: int, following: int
    ) -> tuple[Found, int] | None:
        """ "CLAUSE, X said [on Monday]." and "CLAUSE, said X." (the sentence's words
        end at tokens[end]; the paragraph's next cue starts at tokens[following]).

        Asked by _at only when no quote stands in the sentence before the cue (but
        fragments woven into the clause) and a comma may stand in the BACKWARD_REACH
        words before it: each form below needs both."""
        tokens = view.tokens
        # Both word orders below look for a comma in the first words after the cue.
        near = cue.last + 7  # the first words after the cue (no min(): see _at)
        comma_after = _first_comma_in_text(
            self.body, tokens, cue.last + 1, end if end < near else near
        )
        if comma_after is None and end - cue.last > 6 and tokens[cue.first - 1].text != ",":
            # The commonest case ("X said the plan …"), settled before the tests below:
            # no comma before the cue (so not "CLAUSE, said X") and more than six words
            # after it with no comma to end them (so no "CLAUSE, X said on Monday.").
            return None
        # ('… a decision "within weeks," said X': the comma may sit inside a closing mark.)
        comma_inside = self._comma_inside_closing_mark(view, cue.first - 1)
        speaker_after = None  # the speaker after an inverted cue, when read here
        if (
            (tokens[cue.first - 1].text == "," or comma_inside)
            and not tokens[cue.verb].lower.endswith("ing")
            and (comma_after is None or comma_after > cue.last + 4)
        ):
            # A comma right before the cue and none in the four words after it (no "The
            # button, X said, has …"): only "CLAUSE, said X" can be read (the other
            # order, "CLAUSE, X said", needs its clause to end at a comma before X), and
            # it needs a speaker after the cue. Most such commas end a subject's
            # appositive instead ("Lorna Diaz, a retiree, said her bill had …"), with
            # none: settled here, before the searches of the words before the cue.
            if cue.lemma == "tell":
                return None  # "Strand, who …, told POLITICO": an object follows, not a speaker
            speaker_after = subject_after(tokens, cue.last + 1, end)
            if not speaker_after:
                return None
        sentence_first = after_dateline(tokens, sentence_first, cue.first - 1)  # "MILWAUKEE —"
        sentence_first = _past_a_colon(view, sentence_first, cue.first - 2)
        if tokens[sentence_first].lower in {"and", "but"} and view.outside[sentence_first]:
            sentence_first += 1  # "And the group will …, he said": the clause is what follows
        if comma_after is not None and comma_after <= cue.last + 4:
            interrupted = self._interrupting(view, cue, sentence_first, end, comma_after)
            if interrupted is not None:
                return interrupted
        if tokens[sentence_first].lower in NOT_CLAUSE_CAPITALS and not _at_least(
            tokens, sentence_first
        ):
            # "During the meeting, apart from …, matters … were discussed, the wing said."
            comma = next(
                (
                    i
                    for i in range(sentence_first, min(cue.first, sentence_first + 8))
                    if tokens[i].text == ","
                ),
                None,
            )
            if comma is not None:
                sentence_first = comma + 1
        if not view.outside[sentence_first] or (
            tokens[sentence_first].lower in NON_STARTERS
            and not _opens_with_a_number(tokens, sentence_first)
        ):
            return None
        if _question_lead_in(tokens, sentence_first):
            return None  # "Asked whether she was worried, Ms. Sato said, …"
        # "CLAUSE, said X"; never ", saying X …", whose subject is the sentence's
        inverted = (
            (tokens[cue.first - 1].text == "," or comma_inside)
            and cue.first - 1 > sentence_first
            and not tokens[cue.verb].lower.endswith("ing")
        )
        # The word-order tests are cheap; the verb search below is not, so it comes last.
        if inverted:
            if cue.lemma == "tell":
                return None  # "Strand, who …, told POLITICO": an object follows, not a speaker
            if _relative_aside(tokens, sentence_first, cue.first - 1):
                return None  # "Gordon Lamb, who voted no, said …": a subject, not a clause
            # The speaker after the cue, read before the verb search (if not above):
            # most commas before a cue end a subject's appositive, with none after it.
            mention = speaker_after or subject_after(tokens, cue.last + 1, end)
            if not mention or not self._has_finite_verb(
                view, sentence_first, cue.first - 1, reach=40
            ):
                return None  # a clause before the attribution has a verb of its own
            clause_last = cue.first - 1 if comma_inside else cue.first - 2
            return self._make(view, mention, cue, [(sentence_first, clause_last)])
        if not _only_attribution_after(tokens, _past_audience(tokens, cue, end), end, comma_after):
            return None
        if not self._has_finite_verb(view, sentence_first, cue.first - 1, reach=40):
            return None  # a clause before the attribution has a verb of its own
        reach = cue.first - BACKWARD_REACH  # no max(): see _at
        if reach < sentence_first + MIN_CLAUSE_TOKENS:
            reach = sentence_first + MIN_CLAUSE_TOKENS
        for comma in range(reach, cue.first - 1):
            text = tokens[comma].text
            if text == ",":
                clause_last = comma - 1
            elif text in CLOSING_MARKS and self._comma_inside_closing_mark(view, comma):
                clause_last = comma  # 'Calloway was “exactly the outsider FEMA needs,” X said'
            else:
                continue
            mention = subject_before(tokens, cue.first, comma + 1, whole=True)
            if mention is not None:
                clauses = [(sentence_first, clause_last)]
                if following > end:  # "…, X said, and CLAUSE, Y added": Y's clause
                    after = cue.last + 1
                    if comma_after is not None and _only_attribution_after(
                        tokens, after, comma_after - 1, None
                    ):
                        after = comma_after  # "…, an aide told Axios, but CLAUSE"
                    clauses += self._and_clause_after(view, after, end)
                return self._make(view, mention, cue, clauses)
        return None

    def _and_clause_after(self, view: ParagraphView, after: int, end: int) -> list[tuple[int, int]]:
        """ "The count is fluid, one aide said, and leaders are weighing …": the clause
        that ", and" brings in after an attribution set off by commas, if any."""
        tokens = view.tokens
        first = after + 2
        if (
            first > end
            or tokens[after].text != ","
            or tokens[after + 1].lower not in {"and", "but"}
            or not self._starts_clause(view, first)
        ):
            return []
        last, _ = self._cut_tail(view, first, end)
        if last - first + 1 < MIN_CLAUSE_TOKENS or not self._has_finite_verb(view, first, last):
            return []
        return [(first, last)]

    def _comma_inside_closing_mark(self, view: ParagraphView, index: int) -> bool:
        """Is tokens[index] a closing mark right after a comma inside the quote?"""
        token = view.tokens[index]
        return (
            not view.outside[index]
            and token.text in CLOSING_MARKS
            and self.body[token.start - 1 : token.start] == ","
        )

    def _told_by(
        self, view: ParagraphView, cue: Cue, sentence_last: int
    ) -> tuple[list[Found], int] | None:
        tokens = view.tokens
        by = cue.verb + 1
        if by > sentence_last or tokens[by].lower not in {"by", "from"}:
            return None
        that = next((i for i in range(by + 1, min(sentence_last, by + 12) + 1)
                     if tokens[i].lower == "that"), None)  # fmt: skip
        if that is None or not all(view.outside[by : that + 1]):
            return None
        mention = subject_after(tokens, by + 1, that - 1)
        last, _ = self._cut_tail(view, that + 1, self._sentence_body_end(view, sentence_last))
        if mention is None or last - that < MIN_CLAUSE_TOKENS:
            return None
        return self._make(view, mention, cue, [(that + 1, last)])

    def _interrupting(
        self, view: ParagraphView, cue: Cue, sentence_first: int, end: int, after: int
    ) -> tuple[list[Found], int] | None:
        """ "The panic button, Mays says, has never been pressed.": an attribution set
        off by commas inside the sentence reports what follows it (`after`: the first
        comma after the cue, no further than four words on)."""
        tokens = view.tokens
        if end - after < 2 or not view.outside[after + 1]:
            return None
        if any(
            not (t.lower in LEADING_PHRASE_WORDS or t.text[:1].isupper())
            for t in tokens[cue.last + 1 : after]
        ):
            return None  # only a time or place may sit between the cue and its comma
        if _new_clause_after_comma(tokens, after, end):
            return None  # "…, she said, and …": the clause is before the attribution
        before = next((i for i in range(cue.first - 1, max(sentence_first, cue.first - 9), -1)
                       if tokens[i].text == ","), None)  # fmt: skip
        if before is None or before <= sentence_first:
            return None
        # The words before the attribution are no clause ("The panic button", "For years")
        # and those after it are one; otherwise the clause came first and what follows
        # is the reporter's aside ("…, her campaign said, a record for a challenger").
        if _has_plain_verb(tokens, sentence_first, before - 1):
            return None
        if not self._has_finite_verb(view, after + 1, end, reach=40):
            return None
        mention = subject_before(tokens, cue.first, before + 1, whole=True)
        if mention is None:
            return None
        return self._make(view, mention, cue, [(after + 1, end)])

    def _according(
        self,
        view: ParagraphView,
        cue: Cue,
        sentence_first: int,
        sentence_last: int,
        taken_until: int = -1,
    ) -> tuple[Found, int] | None:
        tokens = view.tokens
        end = self._sentence_body_end(view, sentence_last)
        if sentence_first < cue.first:
            # "WASHINGTON — According to two aides, …": the dateline is no part of it.
            sentence_first = after_dateline(tokens, sentence_first, cue.first - 1)
        # "…, and according to two people familiar with it, she offered …": after a
        # conjunction the phrase leads a clause of its own, as at a sentence's start.
        leading = cue.first == sentence_first or (
            cue.first - 1 > sentence_first and tokens[cue.first - 1].lower in {"and", "but"}
        )
        if leading:
            # A loop, not next() over a generator: a generator is a call and a frame more.
            for comma in range(cue.last + 1, end + 1):
                if tokens[comma].text == "," and view.outside[comma]:
                    break
            else:
                return None  # no comma ends the phrase
            mention = subject_after(tokens, *_document_source(tokens, cue.last + 1, comma - 1))
            if mention is None:
                return None
            first = comma + 1
            if first > end or not self._starts_clause(view, first):
                return None
            last, _ = self._cut_tail(view, first, end)
            if last - first + 1 < MIN_CLAUSE_TOKENS:
                return None
            return self._make(view, mention, cue, [(first, last)])
        if cue.first - 1 > sentence_first and tokens[cue.first - 1].text == ",":
            if taken_until >= sentence_first:
                # "Haskins told reporters that he was confident, but leadership had not
                # begun whipping, according to two aides": the aides report the rest.
                sentence_first = _past_conjunction(tokens, taken_until + 1, cue.first - 2)
                if sentence_first is None:
                    return None
            mention = subject_after(tokens, *_document_source(tokens, cue.last + 1, end))
            interrupted = self._according_inside(view, sentence_first, cue, mention, end)
            if interrupted is not None:
                return interrupted
            if mention is None or not (
                self._starts_clause(view, sentence_first)
                or self._has_finite_verb(view, sentence_first, cue.first - 2, reach=40)
            ):
                return None  # "For every meal a food bank gives, SNAP gives nine, according to X"
            if _question_lead_in(tokens, sentence_first):
                return None  # "Asked for the basis of the claim, the spokesperson pointed to …"
            return self._make(view, mention, cue, [(sentence_first, cue.first - 2)])
        return None

    def _according_inside(
        self,
        view: ParagraphView,
        sentence_first: int,
        cue: Cue,
        mention: Mention | None,
        end: int,
    ) -> tuple[list[Found], int] | None:
        """ "The package, according to Ann Lee, would reach the floor": set off by
        commas inside the sentence, the attribution reports what follows it, as an
        interrupting "Ann Lee said" does."""
        tokens = view.tokens
        if mention is None or mention.last + 2 > end or tokens[mention.last + 1].text != ",":
            return None
        after = mention.last + 1
        if cue.first - sentence_first > _INTERRUPTED_SUBJECT_REACH:
            return None  # a subject is a few words: this also keeps a run-on sentence linear
        if _has_plain_verb(tokens, sentence_first, cue.first - 2):
            return None  # the clause came first: "…, according to X, a record"
        if not view.outside[after + 1] or not self._has_finite_verb(view, after + 1, end, 40):
            return None
        return self._make(view, mention, cue, [(after + 1, end)])


_INTERRUPTED_SUBJECT_REACH = 12  # tokens before "according to" (its comma included)


_RELATIVE_THAT = frozenset({"that", "which"})
_PUBLISHED_PARAGRAPHS = 3  # "The memo said": the paragraphs read for who put it out
# Where a document the speaker put out is named: "In a letter to the secretary, Lee
# wrote" (before the speaker), "the ministry said in a written statement" (after the cue).
_DOCUMENT_BEFORE_SPEAKER = 8
_DOCUMENT_AFTER_CUE = 6


def _before_closing_speech(view: ParagraphView, first: int, last: int) -> int:
    """Where a reported clause ends before a quoted sentence that closes its sentence
    after a comma: 'said the vote was close, "But we will win it anyway."' reports "the
    vote was close", and the quote is direct speech of its own. (A quote after a colon
    already ends the clause.) Else `last`."""
    tokens, slots = view.tokens, view.slots
    # Only the slots closing after the clause's first words: found by a bisection, so
    # that a paragraph of many quotes and many clauses stays linear.
    for position in range(bisect.bisect_right(view.slot_lasts, first + 1), len(slots)):
        slot = slots[position]
        opening = slot.first
        if opening > last:
            break
        if opening <= first + 1:
            continue
        span = slot.span
        if (
            slot.opens_here
            and slot.last >= last - 1  # the quote ends the sentence
            and tokens[opening - 1].text == ","
            and view.body[span.start : span.start + 1].isupper()
            and view.body.count(" ", span.start, span.end) >= _SENTENCE_SPACES
        ):
            return opening - 2
    return last


_SENTENCE_SPACES = 3  # a quoted sentence has four words or more; a quoted title, fewer


def _past_conjunction(tokens: list[Token], first: int, last: int) -> int | None:
    """The first word after a comma and a conjunction (", but leadership …") from
    tokens[first], if one begins a new clause by tokens[last]; else None."""
    index = first
    if index <= last and tokens[index].text == ",":
        index += 1
    if index > last or tokens[index].lower not in _CLAUSE_CONJUNCTIONS:
        return None
    return index + 1 if index + MIN_CLAUSE_TOKENS <= last else None


_CLAUSE_CONJUNCTIONS = frozenset({"but", "and", "while", "though", "although", "yet"})


_FINAL_PUNCTUATION = frozenset({".", "?", "!", ";", ":"})
_HELPING = frozenset({"help", "helped", "helps", "helping"})  # before a cue: see _at


def _past_addressee(tokens: list[Token], cue: Cue, first: int, last: int) -> int | None:
    """Where the clause starts after the people told ("told close associates she …",
    "assured nervous donors they …"): a subject pronoun after one to three plain words."""
    if cue.lemma not in ADDRESSEE_LEMMAS:
        return None
    for index in range(first + 1, min(last, first + 3) + 1):
        lower = tokens[index].lower
        if lower in _SUBJECT_PRONOUNS:
            return index if index + 1 <= last else None
        skipped = tokens[index - 1]
        if not (skipped.text.isalpha() and skipped.text.islower()) or (
            skipped.lower in NON_STARTERS  # "promised to end what he called …"
        ):
            return None
    return None


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def _document_source(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """Where to read the source after "according to", tokens[first..last]: who made the
    document if it names a document, else the whole phrase.

    "a tally by the National Conference of State Legislatures", "estimates from the
    Office of Personnel Management", "a fact sheet distributed by his campaign" (the
    words after "by" or "from"); "a Labor Department report" (the name before it).
    """
    if first >= last:
        return first, last
    lower = tokens[first].lower
    if lower in _SOURCE_DOCUMENTS and tokens[first + 1].lower in {"by", "from"}:
        return first + 2, last  # a plural or mass noun needs no article
    if lower not in _ARTICLES:
        return first, last
    for index in range(first + 1, min(last, first + 5) + 1):
        if tokens[index].lower not in _SOURCE_DOCUMENTS:
            continue
        following = tokens[index + 1].lower if index < last else ""
        if following in {"by", "from"}:
            return index + 2, last
        if not tokens[index].text.islower():
            break  # "the U.S. Geological Survey": a body's name, not a document of it
        if (
            following in _MAKING_PARTICIPLES
            and index + 2 < last
            and tokens[index + 2].lower == "by"
        ):
            return index + 3, last  # "a fact sheet distributed by his campaign"
        name = index
        while name - 1 > first and tokens[name - 1].text[:1].isupper():
            name -= 1
        if name < index and tokens[index].lower in _WRITTEN_FINDINGS:
            # "a (new) Labor Department report": the body it names made it
            return (first if name == first + 1 and lower == "the" else name), index - 1
    return first, last


# Documents in which a body speaks; "a Texas Tribune analysis" or "a Reuters tally" of
# records is a newsroom's own count, not a source's words.
_WRITTEN_FINDINGS = frozenset(
    {"report", "investigation", "audit", "review", "memo", "letter", "statement", "filing",
     "study"}
)  # fmt: skip
# Verbs of making a document whose agent is its author ("obtained by" names who has it).
_MAKING_PARTICIPLES = frozenset(
    {"released", "issued", "distributed", "published", "prepared", "compiled", "written",
     "circulated", "produced", "conducted", "sent", "filed", "provided"}
)  # fmt: skip
_SOURCE_DOCUMENTS = word_set("source_documents")
TIME_UNITS = word_set("time_units")
_CONTRACTION = re.compile(r"['’](?:s|re|ll|ve|d|m)$")


def _contracted(word: str) -> str:
    """The word a verb is contracted onto ("he" for "he's"), or "" for a plain word."""
    if "'" not in word and "’" not in word:
        return ""  # most words: no need for the regex
    base = _CONTRACTION.sub("", word)
    return base if base != word else ""


# What a verb that is not in FINITE_VERBS may end with ("didn't", "voted", "says").
_VERB_ENDINGS = ("n't", "n’t", "ed", "s")
_BULLETS = frozenset("•*·▪■►")
_QUOTE_MARKS = frozenset('"“”„«»')
_TITLE_LONGEST = 40  # characters


def _quoted_title_part(token: Token) -> bool:
    """A mark, or the capitalised words of a short quote: a show or a paper named on the
    way to "that" ("said on “Meet the Press” that …")."""
    return token.text in _QUOTE_MARKS or (
        len(token.text) <= _TITLE_LONGEST and token.text[:1].isupper() and " " in token.text
    )


_PLURAL_SUBJECTS = frozenset({"they", "we", "i", "you"})
# Words a plural subject is followed by that are no verb ("they all", "we ourselves").
_NO_BASE_VERB = frozenset(
    {"all", "both", "each", "themselves", "ourselves", "myself", "yourself", "who", "that",
     "and", "or", "but", "of", "in", "at", "on", "for", "to", "with", "from", "by", "as"}
)  # fmt: skip


def _base_verb_after(tokens: list[Token], pronoun: int, last: int) -> bool:
    """Is the word after a plural or first-person pronoun (past one adverb) a verb?
    In a clause it is, unless it is one of the few words that can sit there."""
    index = pronoun + 1
    if index <= last and is_manner_adverb(tokens[index]):
        index += 1  # "they also expect", "we strongly oppose"
    if index > last:
        return False
    word = tokens[index]
    return word.text.isalpha() and word.text.islower() and word.lower not in _NO_BASE_VERB


_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "there", "that", "who"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})
# "… before saying", "… after telling reporters": the gerund shares the subject.
_GERUND_PREPOSITIONS = frozenset({"before", "after", "while", "by", "without", "when"})
# After "CLAUSE, X said," these start a clause of their own; anything else continues
# the sentence the attribution interrupted ("The panic button, Mays says, has never …").
_AFTER_ATTRIBUTION = frozenset({"and", "but", "including", "as", "although", "though", "while"})
_QUESTION_WORDS = frozenset({"whether", "if", "about", "why", "what", "how", "when", "by", "for"})


def _verb_after_singular_subject(tokens: list[Token], index: int, last: int) -> bool:
    """Is tokens[index] (a word in -s) the verb of "the plan raises taxes"?

    A determiner and a singular noun before it, and a plural noun as its object,
    directly or after one more word ("tightens work requirements"). Verbs that
    mostly take an object ("announced the job cuts") are not asked.
    """
    if index < 2 or not _determiner_before(tokens, index - 1):
        return False
    noun = tokens[index - 1].text
    if not (noun.isalpha() and noun.islower()) or (noun.endswith("s") and not noun.endswith("ss")):
        return False
    if index + 1 <= last and tokens[index + 1].text[:1].isupper():
        return True  # "the campaign's internal polling shows Bryce within five points"
    if index + 1 <= last and tokens[index + 1].lower in _DEGREE_OBJECTS:
        return True  # "the bill spends too much", "the plan costs more"
    return any(
        _bare_plural(tokens[position].text)
        for position in range(index + 1, min(last, index + 2) + 1)
    )


_DEGREE_OBJECTS = frozenset({"too", "more", "less", "little", "nothing", "enough"})


def _determiner_before(tokens: list[Token], noun: int) -> bool:
    """A determiner before the noun at tokens[noun], past up to two modifiers ("the
    plan", "the campaign's internal polling")."""
    for position in range(noun - 1, max(-1, noun - 4), -1):
        word = tokens[position]
        if word.lower in _SUBJECT_DETERMINERS:
            return True
        if not (word.text.islower() and word.text.replace("'", "").replace("’", "").isalpha()):
            return False
    return False


def _adverb_then_present(tokens: list[Token], position: int) -> bool:
    """Is tokens[position] a present tense after an adverb of frequency or manner
    ("mail now routinely takes five days", "the office still reviews")?"""
    if not _bare_plural(tokens[position].text):  # a word in -s, as a plural looks
        return False
    adverb = tokens[position - 1]
    return adverb.lower in _FREQUENCY_ADVERBS or is_manner_adverb(adverb)


def _bare_plural(word: str) -> bool:
    return word.isalpha() and word.islower() and word.endswith("s") and not word.endswith("ss")


_SUBJECT_DETERMINERS = frozenset({"the", "a", "an", "this", "its", "his", "her", "their", "our"})


def _past_quantity(tokens: list[Token], first: int, last: int) -> int:
    """Past the determiners and quantities a noun phrase opens with ("the", "about
    half his", "most of the")."""
    index = first
    stop = last if last < first + 4 else first + 4  # no min(): see ReportedFinder._at
    while index < stop:
        lower = tokens[index].lower
        # _is_number_word, with its plain case folded into the one look-up
        if not (
            lower in _QUANTITY_WORDS
            or lower[:1].isdigit()  # "about 1,400 households"
            or ("-" in lower and _is_number_word(lower))
        ):
            break
        index += 1
    return index


def _joins_nouns(tokens: list[Token], position: int, stop: int) -> bool:
    """Does the "and" or "or" at tokens[position] join two nouns of a bare subject?

    Names ("cooperatives in Wisconsin and upstate New York had") and plain nouns
    ("said safety and quality remained"), not two verbs ("plans and would hold").
    """
    if tokens[position - 1].is_capitalised():
        return True
    following = position + 1
    return (
        following < stop
        and tokens[following].text.isalpha()
        and tokens[following].text.islower()
        and tokens[following].lower not in FINITE_AFTER_BARE_NOUN
        and tokens[following].lower not in NON_STARTERS
    )


def _plain_verb_after_plural(tokens: list[Token], noun: int, last: int) -> bool:
    """A bare plural noun opening a clause, then a plain present-tense verb and more
    words: "closures ripple well beyond", "rural hospitals close"."""
    verb = noun + 1
    if verb + 1 > last:
        return False
    plural, word = tokens[noun].text, tokens[verb].text
    if not (
        plural.endswith("s")  # first: it settles most words
        and not plural.endswith("ss")
        and len(plural) > 4  # not "his", "its", "this", "was"
        and plural.isalpha()
        and plural.islower()
    ):
        return False
    if word in _FREQUENCY_ADVERBS or (word.endswith("ly") and word not in _VERBS_IN_LY):
        verb += 1  # "said voters rarely ask about it"
        word = tokens[verb].text
        if verb == last:  # "1,400 households currently qualify": the adverb shows the verb
            return _plain_verb(word)
    if word in OPENING_MARKS:
        # 'said its contracts "comply fully with state law"': the verb is quoted
        quoted = tokens[verb + 1].text.split(None, 1)
        return len(quoted) == 2 and _plain_verb(quoted[0])
    following = tokens[verb + 1].text  # more words: "ripple well beyond", 'deserve "particular'
    return _plain_verb(word) and (following[:1].isalnum() or following in OPENING_MARKS)


_FREQUENCY_ADVERBS = frozenset(
    {"often", "seldom", "never", "always", "still", "also", "already", "sometimes", "now"}
)


def _plain_verb(word: str) -> bool:
    """Could the word be a plain present-tense verb after a plural ("ripple", "close")?"""
    return (
        word.isalpha()
        and word.islower()
        and not word.endswith(("s", "ed", "ing"))
        and (not word.endswith("ly") or word in _VERBS_IN_LY)  # "comply", not "closely"
        and word not in NON_STARTERS
        and word not in DETERMINERS_AND_ADJ_SLOTS
    )


_VERBS_IN_LY = frozenset({"apply", "comply", "imply", "reply", "rely", "supply", "multiply"})


def _clause_goes_on_after(tokens: list[Token], appositive: int, last: int) -> bool:
    """Does a noun appositive ("a company run by her brother-in-law") close with a comma
    and an "and" or "but" that carries the clause on?"""
    if tokens[appositive].lower not in {"a", "an"}:
        return False
    for index in range(appositive + 1, min(last, appositive + _APPOSITIVE_LONGEST)):
        if tokens[index].text == ",":
            return tokens[index + 1].lower in {"and", "but"}
    return False


_APPOSITIVE_LONGEST = 12  # tokens


def _only_attribution_after(tokens: list[Token], first: int, last: int, comma: int | None) -> bool:
    """Do tokens[first..last], the words after a cue, hold no more than a time or
    place ("…, X said on Monday.")? A comma that opens a new clause ends them
    (`comma`: the first among them, if any)."""
    # More than six words are too many, so only a comma among the first seven can help.
    if comma is not None and comma > first + 6:
        comma = None
    if comma is not None and (
        _new_clause_after_comma(tokens, comma, last)
        or (comma + 1 <= last and tokens[comma + 1].lower in _ASIDE_STARTS)
    ):
        # "…, she said, and she had budgeted nothing extra.", "…, her campaign said
        # Wednesday, a record for a challenger", "…, police said, in the state's
        # deadliest shooting": the reporter goes on after the comma.
        last = comma - 1
    words = tokens[first : last + 1]
    if len(words) <= 6:
        for word in words:  # a loop, not all() over a generator: one call fewer
            if not (word.lower in LEADING_PHRASE_WORDS or word.text[:1].isupper()):
                break
        else:
            return True
    return _occasion(words)


def _occasion(words: list[Token]) -> bool:
    """Are the words after a cue a phrase of place, time or occasion ("at an evening
    news conference", "in an interview with the BBC on Tuesday"), and no clause?"""
    return (
        0 < len(words) <= _OCCASION_LONGEST
        and words[0].lower in _OCCASION_PREPOSITIONS
        and all(
            (word.text[:1].isalnum() or word.text == "-")  # "in a 38-page opinion"
            and word.lower not in _NOT_IN_AN_OCCASION
            for word in words
        )
    )


_ASIDE_STARTS = frozenset({"a", "an", "the", "in", "at", "on", "with", "after", "amid"})
_OCCASION_LONGEST = 9
_OCCASION_PREPOSITIONS = frozenset(
    {"at", "in", "on", "during", "after", "before", "to", "from", "with", "via", "through"}
)
_NOT_IN_AN_OCCASION = FINITE_VERBS | frozenset(
    {"that", "which", "who", "whom", "whose", "when", "where", "while", "because", "although",
     "though", "if", "as", "and", "but", "or", "not", "would", "will", "could", "should"}
)  # fmt: skip


# The words _cut_tail stops at follow a comma or a closing mark ('"churn," with …') or
# are one of these (those marks included).
_TIME_CONJUNCTIONS = frozenset({"before", "after", "while", "when"})
_TAIL_STOP_MARKS = frozenset({",", "as", "—", "–", "and", "but"}) | CLOSING_MARKS
_COMMA_LIKE = frozenset({","}) | CLOSING_MARKS


def _tail_stop_candidates(tokens: list[Token], first: int, last: int) -> list[int]:
    """Indices in first+1..last, ascending, that follow a comma or a closing mark or
    hold "as", a dash, "and" or "but": the only places a clause may stop. Most of a
    clause's words are none of these, so one plain pass finds the few worth a look."""
    candidates: list[int] = []
    taken = first
    for index in range(first, last + 1):
        lower = tokens[index].lower
        if lower not in _TAIL_STOP_MARKS:
            continue  # most words
        if lower in _COMMA_LIKE:
            index += 1  # the word after the comma or the closing mark
        if taken < index <= last:  # ", and" gives its "and" once
            candidates.append(index)
            taken = index
    return candidates


def _is_participle(token: Token) -> bool:
    """ "adding", "saying": a lower-case -ing word that opens a clause of its own."""
    lower = token.lower
    return lower.endswith("ing") and token.text.islower() and lower not in INCLUSIVE


def _comma_in_text(body: str, tokens: list[Token], first: int, last: int) -> bool:
    """Might tokens[first..last] hold a comma? False is sure: there is no comma in their
    text (found in C, without a list of words); True may be a comma inside a token."""
    return first <= last and body.find(",", tokens[first].start, tokens[last].end) >= 0


def _first_comma_in_text(body: str, tokens: list[Token], first: int, last: int) -> int | None:
    """_first_comma, settled without a list of words when the text there has no comma
    (most stretches do not)."""
    if not _comma_in_text(body, tokens, first, last):
        return None
    return _first_comma(tokens, first, last)


def _first_comma(tokens: list[Token], first: int, last: int) -> int | None:
    """Index of the first comma among tokens[first..last], or None."""
    for index in range(first, last + 1):  # a plain loop: see _has_finite_verb
        if tokens[index].text == ",":
            return index
    return None


def _has_plain_verb(tokens: list[Token], first: int, last: int) -> bool:
    """An auxiliary, a modal or a past tense among tokens[first..last] (no guessing)."""
    for token in tokens[first : last + 1]:
        lower = token.lower
        if lower in FINITE_VERBS or (len(lower) > 4 and lower.endswith("ed")):
            return True
    return False


def _relative_word_offset(tokens: list[Token], first: int, stop: int) -> int:
    """Tokens from `first` to the first relative word ("that", "which", "who") before `stop`."""
    for index in range(first, min(stop, len(tokens))):
        if tokens[index].lower in {"that", "which", "who"}:
            return index - first - 1
    return stop - first


def _modal_after_an_inclusive_aside(tokens: list[Token], index: int) -> bool:
    """After a bare noun phrase, an ", including …," or ", such as …," aside and then an
    auxiliary or modal: the phrase is the clause's subject."""
    end = index + 3 if index + 3 < len(tokens) else len(tokens) - 1  # no min(): see _at
    opening = index  # the first comma among the next three words (a loop: no list of them)
    while opening < end and tokens[opening].text != ",":
        opening += 1
    if opening >= end or tokens[opening + 1].lower not in _ASIDE_OPENERS:
        return False
    for position in range(opening + 2, min(len(tokens) - 1, opening + _ASIDE_REACH)):
        if tokens[position].text == ",":
            return tokens[position + 1].lower in FINITE_AFTER_BARE_NOUN
    return False


_ASIDE_REACH = 14  # tokens
_ASIDE_OPENERS = INCLUSIVE | {"such", "not"}


def _that_after_dash_aside(tokens: list[Token], dash: int, last: int) -> int | None:
    """ "… in August — migrants who evade agents — and that the figure had fallen": where
    the clause after the aside's closing dash starts, or None."""
    for index in range(dash + 1, min(last - 2, dash + _DASH_ASIDE_LONGEST)):
        if tokens[index].text == tokens[dash].text:
            if tokens[index + 1].lower in {"and", "but"} and tokens[index + 2].lower == "that":
                return index + 3
            return None
    return None


_DASH_ASIDE_LONGEST = 30  # tokens


def _pronoun_and_verb(tokens: list[Token], first: int, last: int) -> bool:
    """A two-word clause: a subject pronoun and its verb ("said she understood",
    "said he agreed")."""
    if last != first + 1 or tokens[first].lower not in _SUBJECT_PRONOUNS:
        return False
    verb = tokens[last].lower
    return verb in FINITE_VERBS or (verb.endswith("ed") and verb.isalpha())


def _quote_within(view: ParagraphView, first: int, last: int) -> bool:
    """Does a quote's slot hold any of tokens[first..last] (not all of them outside)?"""
    position = bisect.bisect_left(view.slot_lasts, first)  # the first slot closing there or after
    return position < len(view.slots) and view.slots[position].first <= last


def _only_fragments_quoted(view: ParagraphView, first: int, cue_first: int) -> bool:
    """Are the quotes between tokens[first] and the cue fragments woven into the
    clause ('The government was “balancing its books …”, the party said'), with the
    clause opening outside them?"""
    if not view.outside[first]:
        return False
    # Only the slots from the first that closes at or after `first` (a bisect) up to
    # the cue: quote-dense paragraphs hold dozens.
    slots = view.slots
    for position in range(bisect.bisect_left(view.slot_lasts, first), len(slots)):
        slot = slots[position]
        if slot.first > cue_first:
            break
        if not (
            slot.first > first
            and slot.last < cue_first
            and slot.opens_here
            and slot.closes_here
            and view.body[slot.span.start : slot.span.start + 1].islower()
        ):
            return False
    return True


def _past_audience(tokens: list[Token], cue: Cue, end: int) -> int:
    """Past the audience of a verb of telling ("told a news conference", "told the
    BBC") before the occasion that may follow it."""
    start = cue.last + 1
    if cue.lemma not in ADDRESSEE_LEMMAS or start > end:
        return start
    if tokens[start].lower in _BARE_AUDIENCES:
        return start + 1  # "…, the department reminded voters on its website"
    if tokens[start].lower not in _ARTICLES:
        return start
    for index in range(start + 1, min(end, start + _AUDIENCE_WORDS) + 1):
        if tokens[index].lower in _OCCASION_PREPOSITIONS or not tokens[index].text[:1].isalnum():
            return index
    return min(end, start + _AUDIENCE_WORDS) + 1


_ARTICLES = frozenset({"a", "an", "the"})
# Audiences named without an article: "warned lawmakers", "reminded voters".
_BARE_AUDIENCES = frozenset(
    {"voters", "residents", "reporters", "lawmakers", "senators", "legislators", "members"}
    | {"journalists", "supporters", "donors", "investors", "parents", "students", "colleagues"}
)
_AUDIENCE_WORDS = 4  # "a packed news conference"


def _relative_aside(tokens: list[Token], first: int, last: int) -> bool:
    """Do tokens[first..last] hold a ", who …" or ", which …" aside?"""
    for index in range(first + 1, last):  # one plain loop: see _has_finite_verb
        if tokens[index].lower in _RELATIVE_WORDS and tokens[index - 1].text == ",":
            return True
    return False


_RELATIVE_WORDS = frozenset({"who", "which"})
_RELATIVE_REPORT_VERBS = word_set("relative_report_verbs")
_OBJECT_RELATIVE_WORDS = frozenset({"who", "whom", "that", "which", "what"})


def _object_relative_clause(tokens: list[Token], cue: Cue, first: int, last: int) -> int | None:
    """Where the clause of an object relative starts, if the cue ends one: "a change she
    said would raise costs" (at "would"), "teachers, who she said had been left behind",
    "what it said was the diversion of technology" (past "was": the words said are what
    follows). The cue's subject is a lone pronoun or a capitalised name, after a relative
    word or a noun; the clause opens with an auxiliary or a modal, whose subject is the
    noun before."""
    if (
        first > last
        or tokens[first].lower not in _RELATIVE_REPORT_VERBS
        or cue.lemma not in _OBJECT_RELATIVE_LEMMAS
    ):
        return None
    subject = cue.first - 1
    if subject < 1 or cue.first != cue.verb:
        return None  # "she has said": no auxiliary of the cue's own
    word = tokens[subject]
    if word.lower in _OBJECT_PRONOUNS:
        before = subject - 1
    elif word.text[:1].isupper() and word.text.isalpha():
        before = subject - 1
        while before >= 0 and _capitalised_name_word(tokens[before].text):
            before -= 1  # "a plan Gov. Ann Cole said would …": the whole name and title
        if before < 0 or subject - before > 4:
            return None
        if tokens[before].lower == "the":
            before -= 1  # "a plan that the Pentagon said would …"
    else:
        return None
    if before < 0:
        return None
    head = tokens[before]
    if head.lower == "what":
        return first + 1 if first + 1 <= last and first + 1 < len(tokens) else None
    if head.lower in _OBJECT_RELATIVE_WORDS or (
        head.text.isalpha()
        and head.text.islower()
        and head.lower not in NON_STARTERS
        and head.lower not in _SUBJECT_PRONOUNS
    ):
        return first
    return None


_OBJECT_PRONOUNS = frozenset({"he", "she", "it", "they"})


def _capitalised_name_word(text: str) -> bool:
    """ "Ann", "Gov.", "Al-Sabah": a word that may be part of a name or its title."""
    return text[:1].isupper() and (text.isalpha() or text.endswith(".") or "-" in text)


# Verbs whose object relative reports speech: "a plan she said would …", not "a plan the
# FAA estimates will cost …" (an estimate, not a statement).
_OBJECT_RELATIVE_LEMMAS = frozenset({"say", "claim", "allege", "insist"})


def _not_only_before(tokens: list[Token], first: int, but: int) -> bool:
    """ "not just speed, but what people can build": the "but" completes a "not just"
    or "not only" of the same clause instead of starting the reporter's aside."""
    for index in range(max(first, but - 12), but - 1):
        if tokens[index].lower == "not" and tokens[index + 1].lower in _NOT_ONLY:
            return True
    return False


_NOT_ONLY = frozenset({"just", "only", "merely", "simply"})


def _second_that(tokens: list[Token], index: int, last: int) -> bool:
    """Do "and"/"but" at tokens[index] open a second reported clause ("…, but that it
    would watch closely")?"""
    return (
        index + 2 <= last
        and tokens[index].lower in {"and", "but"}
        and tokens[index + 1].lower == "that"
    )


def _in_relative_clause(tokens: list[Token], cue: Cue) -> bool:
    """Is the cue the verb of a ", who said" / ", which said" clause, or of a
    ", a contractor who testified" one?"""
    if cue.first < 2 or tokens[cue.first - 1].lower not in {"who", "which"}:
        return False
    return tokens[cue.first - 2].text == "," or _in_an_aside(tokens, cue.first - 2)


def _in_an_aside(tokens: list[Token], index: int) -> bool:
    """Is tokens[index] within a few words after a comma ("Vandermeer, a paving
    contractor")?"""
    for position in range(index, max(-1, index - 5), -1):
        text = tokens[position].text
        if text == ",":
            return True
        if not text[:1].isalpha():
            return False
    return False


def _before_next_comma(tokens: list[Token], first: int, last: int) -> int:
    for index in range(first + 1, last + 1):
        if tokens[index].text == "," and not _inside_a_number(tokens, index, last):
            return index - 1
    return last


def _inside_a_number(tokens: list[Token], comma: int, last: int) -> bool:
    """Is the comma at tokens[comma] a thousands separator glued between digits, as
    in "N1,450" or "Rs5,000" (a currency letter keeps the tokeniser from reading a
    number)?"""
    return (
        comma < last
        and tokens[comma - 1].end == tokens[comma].start
        and tokens[comma + 1].start == tokens[comma].end
        and tokens[comma - 1].text[-1:].isdigit()
        and tokens[comma + 1].text[:1].isdigit()
    )


def _passive(tokens: list[Token], cue: Cue) -> bool:
    """ "was told", "had been told": the cue's subject is its listener."""
    return (
        tokens[cue.verb].lower == "told"
        and cue.first < cue.verb
        and any(tokens[i].lower in _PASSIVE_AUXILIARIES for i in range(cue.first, cue.verb))
    )


_PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "being", "is", "are", "be"})


def _new_clause_after_comma(tokens: list[Token], comma: int, last: int) -> bool:
    """Does the word after tokens[comma] (no further than tokens[last]) open a clause?"""
    if comma + 1 > last:
        return False
    following = tokens[comma + 1]
    return following.lower in _AFTER_ATTRIBUTION or (
        following.lower.endswith("ing") and following.text.islower()
    )


def _question_lead_in(tokens: list[Token], first: int) -> bool:
    """ "Asked whether …", "Pressed about …": the reporter's question, not speech."""
    if not tokens[first].lower.endswith("ed"):
        return False
    following = tokens[first + 1].lower if first + 1 < len(tokens) else ""
    return following in _QUESTION_WORDS


_FOCUS_ADVERBS = frozenset({"only", "simply", "merely", "just", "again", "repeatedly"})


def _quote_opens_with_a_verb(tokens: list[Token], mark: int) -> bool:
    """Do the quoted words after the mark at tokens[mark] open with a modal or an
    auxiliary ("can read a spreadsheet", "have no idea")?"""
    if mark + 1 >= len(tokens) or tokens[mark].text not in OPENING_MARKS:
        return False
    words = tokens[mark + 1].lower.split(None, 1)
    # a contracted negative is a verb too: 'said money "doesn't vote"'
    return bool(words) and (words[0] in FINITE_AFTER_BARE_NOUN or words[0].endswith(("n't", "n’t")))


def _attributes_the_quote_before(
    view: ParagraphView, slot: QuoteSlot, floor: int, cue: Cue, sentence_first: int
) -> bool:
    """Is the cue the attribution of a quote that opens the sentence and closes just
    before the cue's subject ('"…," Kessler said …')? The words after it then set the
    scene, not a clause. A participle after a quoted phrase ('as "irresponsible",
    saying …') or a title ('on "America Tonight," Kellerman said …') is not one.

    `slot` is the quote's, closing at tokens[floor - 1], in the sentence or right
    before it."""
    tokens = view.tokens
    if slot.first > sentence_first or tokens[cue.verb].lower.endswith("ing"):
        return False
    if not (tokens[floor].text == "," or view.body[tokens[floor - 1].start - 1] in ",?!"):
        return False
    words = cue.first - floor
    if words <= _ATTRIBUTION_SUBJECT_REACH and tokens[cue.first - 1].text != ",":
        return words > 0  # few enough, and one at least is no comma: no list of them needed
    texts = list(map(TOKEN_TEXT, tokens[floor : cue.first]))
    return 0 < len(texts) - texts.count(",") <= _ATTRIBUTION_SUBJECT_REACH  # the subject's words


def _that_soon(tokens: list[Token], cue: Cue) -> bool:
    """A "that" within a few words after the cue ("said on Monday that …")."""
    start = cue.clause_from
    # A loop that stops early, not any() over a generator or a map: one call fewer.
    for token in tokens[start : start + 6]:  # noqa: SIM110
        if token.lower == "that":
            return True
    return False


_ATTRIBUTION_SUBJECT_REACH = 6  # tokens between a closing mark and the cue: ', the senator said'


def _at_least(tokens: list[Token], index: int) -> bool:
    """ "At least 180 homes …", "At most 40 …", "As many as 40 backbenchers …": a
    number the clause opens with, not a phrase of place or time."""
    lower = tokens[index].lower
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    if lower == "at":
        return following in {"least", "most"}
    return (
        lower == "as"
        and following in _AS_MUCH
        and index + 2 < len(tokens)
        and tokens[index + 2].lower == "as"
    )


_AS_MUCH = frozenset({"many", "much", "few", "little"})  # "as many as", "as little as"


def _pronoun_acts(tokens: list[Token], index: int, last: int) -> bool:
    """ ", and he has floated an amendment": after a comma, "he" or "she" and a verb
    of their own (past an auxiliary) are the reporter's next sentence, joined on."""
    if index + 1 > last or tokens[index].lower not in {"he", "she"}:
        return False
    verb = tokens[index + 1].lower
    if verb in _PERFECT_AUXILIARIES and index + 2 <= last:
        verb = tokens[index + 2].lower
    return verb.endswith("ed") and verb.isalpha()


_PERFECT_AUXILIARIES = frozenset({"has", "had", "have"})


_STOPS_AFTER_A_QUOTED_COMMA = frozenset(
    {"with", "according", "although", "though", "while", "whereas", "citing"}
)


def _after_an_earlier_attribution(
    tokens: list[Token], cues: list[Cue], position: int, sentence_first: int
) -> int:
    """Where the clause before cues[position] may start: past "…, X said at a briefing,
    but" when an earlier cue of the sentence is set off that way ("CLAUSE, X said, but
    CLAUSE, she added" reports two clauses, one for each cue)."""
    if position == 0 or cues[position - 1].first < sentence_first:
        return sentence_first  # most cues: none earlier in the sentence
    # One plain loop over the few words between the two cues (see _has_finite_verb)
    for index in range(cues[position - 1].last + 1, cues[position].first - 1):
        if tokens[index].text == "," and tokens[index + 1].lower in _CLAUSE_JOINS_AFTER:
            return index + 2
    return sentence_first


# "CLAUSE, according to X, though CLAUSE2, the office said"
_CLAUSE_JOINS_AFTER = frozenset({"and", "but", "though", "although", "while"})


def _quoted_title_as_subject(view: ParagraphView, mark: int) -> bool:
    """'said "Small Rooms" was the first book …': a quoted title, then a verb outside
    the marks, opens the clause as its subject."""
    tokens, outside = view.tokens, view.outside
    verb = mark + 3  # the opening mark, the quoted words, the closing mark
    return (
        verb < len(tokens)
        and tokens[mark].text in OPENING_MARKS
        and not outside[mark + 1]
        and tokens[mark + 1].text[:1].isupper()
        and outside[verb]
        and tokens[verb].lower in FINITE_VERBS
    )


def _demands_that(tokens: list[Token], cue: Cue) -> bool:
    """ "demanded that any increase be offset": a demand with a clause of its own is
    reported as a statement; "demanded answers" is not. So is a rejoinder ("critics
    counter that the numbers are tiny"), but not "runs counter to"."""
    return (
        cue.lemma in _DEMANDS
        and cue.last + 1 < len(tokens)
        and tokens[cue.last + 1].lower == "that"
    )


_DEMANDS = frozenset({"demand", "urge", "counter"})


def _names_someone(view: ParagraphView, first: int, last: int) -> bool:
    """Is a name among tokens[first..last] (one who may be "he" or "she"): a capitalised
    word that is no weekday, month or sentence opener?"""
    capitals = view.capitals  # ascending, noted while tokenising
    for position in range(bisect.bisect_left(capitals, first), len(capitals)):
        index = capitals[position]
        if index > last:
            return False
        if view.tokens[index].lower not in NOT_NAME_WORDS:
            return True
    return False


def _past_a_colon(view: ParagraphView, first: int, last: int) -> int:
    """Where the clause before a cue starts when a colon comes first: "Her pitch is
    simple: Madison has forgotten them, she tells them" reports only what follows it."""
    colon = view.body.rfind(": ", view.tokens[first].start, view.tokens[last].end)
    if colon < 0:
        return first  # most sentences (and "3:30 p.m."): settled by one search in C
    for index in range(last, first, -1):
        if view.tokens[index].start == colon and view.outside[index]:
            return index + 1
        if view.tokens[index].start < colon:
            break
    return first


def _opens_with_a_number(tokens: list[Token], index: int) -> bool:
    """ "At least 180 homes …", "About half of households …", "Only about 40 …": a
    clause opening with a quantity, though its first word may open a phrase instead."""
    lower = tokens[index].lower
    if lower in _LIMITERS and index + 1 < len(tokens):
        if _at_least(tokens, index + 1):
            return True  # "Only as many as …"
        index += 1  # "Only about half"
        lower = tokens[index].lower
    return _at_least(tokens, index) or (
        (lower in APPROXIMATORS or lower in _LIMITERS) and _number_follows(tokens, index)
    )


APPROXIMATORS = frozenset({"about", "nearly", "almost", "roughly", "around", "at", "more", "over"})
_LIMITERS = frozenset({"only", "just"})  # "said only four provinces had started"


def _as_many_as(tokens: list[Token], index: int) -> bool:
    """ "as many as 180,000", "as few as 10", "as much as $2 billion" from tokens[index]."""
    return (
        index + 3 < len(tokens)
        and tokens[index + 1].lower in {"many", "much", "few", "little"}
        and tokens[index + 2].lower == "as"
        and _number_follows(tokens, index + 2)
    )


def _number_follows(tokens: list[Token], index: int) -> bool:
    """A number within two words: "about 40%", "at least 2,300", "more than 100"."""
    for token in tokens[index + 1 : index + 3]:
        if token.text[:1].isdigit() or token.text[:1] == "$" or _is_number_word(token.lower):
            return True
    return False


def _is_number_word(word: str) -> bool:
    """ "half", "two-thirds", "a dozen": a quantity written out."""
    return word in _NUMBER_WORDS or word.split("-")[0] in _NUMBER_WORDS


_NUMBER_WORDS = word_set("number_words")
# What a noun phrase may open with before its noun: see _past_quantity.
_QUANTITY_WORDS = DETERMINERS_AND_ADJ_SLOTS | APPROXIMATORS | {"of"} | _NUMBER_WORDS


PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_TIME_PHRASE_STARTS = WEEKDAYS | {
    "on", "yesterday", "today", "tonight", "earlier", "later", "last", "this", "next"
}  # fmt: skip


# Nouns whose "that" clause is their content, not a statement by the subject.
_CONTENT_NOUNS = word_set("content_nouns")


def _past_tense_at(tokens: list[Token], index: int) -> bool:
    """Is tokens[index], right after a bare noun, a verb in the past ("leadership
    hoped"), rather than a participle ("plans approved by the board")?"""
    if index >= len(tokens):
        return False
    word = tokens[index].text
    if len(word) <= 4 or not word.endswith("ed") or not word.isalpha() or not word.islower():
        return False  # most words, without a look at the next one
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    return following not in _PARTICIPLE_FOLLOWERS


_PARTICIPLE_FOLLOWERS = frozenset({"by", "in", "on", "at", "for", "from", ",", "."})


def _learn_gender(entity: Entity, clause_opener: str) -> None:
    """ "Ann Ames said she had looked for months": a person of unknown gender who
    reports about "she" is, in news copy, nearly always speaking of herself."""
    if entity.kind == "person" and entity.gender is None and clause_opener in _GENDERED:
        entity.gender = _GENDERED[clause_opener]


_GENDERED = {"he": "male", "she": "female"}


def _skip_adjunct(tokens: list[Token], first: int, last: int) -> int | None:
    """Past what may stand between a cue and a clause with no "that", or None: a time
    phrase ("said Tuesday"), an adverb ("said privately they"), or a short phrase with
    a preposition and maybe a time after it ("said at a meeting last week the …").

    After a phrase with a preposition, only a pronoun or a determiner may start the
    clause: "said at the hearing the agency …", but never "said in Boise …".
    """
    token = tokens[first]
    lower = token.lower
    if lower in _TIME_PHRASE_STARTS:
        timed = _skip_time_phrase(tokens, first, last)
        if timed is not None:
            return timed
    if lower not in ADJUNCT_PREPOSITIONS:
        # An adverb in -ly (no preposition is one); "said nearly half of …" keeps "nearly".
        if lower.endswith("ly") and is_manner_adverb(token) and lower not in APPROXIMATORS:
            return first + 1 if first + 1 <= last else None  # "said privately"
        return None
    index = _past_short_noun_phrase(tokens, first + 1, last)
    if index is None or index > last:
        return None  # the phrase runs to the end of the text: no clause after it
    index = _skip_time_phrase(tokens, index, last) or index
    if index > last or tokens[index].lower not in CLAUSE_STARTERS:
        return None
    return index


ADJUNCT_PREPOSITIONS = frozenset({"at", "in", "during", "after", "before"})
_SKIP_OPENERS = (
    frozenset({"that"})
    | PHRASE_OPENERS
    | _TIME_PHRASE_STARTS
    | ADJUNCT_PREPOSITIONS
    | _FOCUS_ADVERBS
)
# The words after a cue that _at's early test (ReportedFinder._may_report_after) leaves
# to the full reading: those that may open a clause or be skipped before one, a time,
# place or occasion after "CLAUSE, X said", and the punctuation after a cue.
_MAY_FOLLOW_A_REPORTING_CUE = (
    CLAUSE_STARTERS
    | _SKIP_OPENERS
    | LEADING_PHRASE_WORDS
    | _OCCASION_PREPOSITIONS
    | _FINAL_PUNCTUATION
    | {","}
    | OPENING_MARKS
)


def _past_short_noun_phrase(tokens: list[Token], first: int, last: int) -> int | None:
    """The index after "a news conference", "the hearing", "Friday's meeting" (one to
    three plain words after an optional determiner), or None."""
    index = first
    if index <= last and tokens[index].lower in DETERMINERS_AND_ADJ_SLOTS:
        index += 1
    words = 0
    while index <= last and words < 3:
        token = tokens[index]
        lower = token.lower
        if not token.is_word() or lower in CLAUSE_STARTERS or lower in NON_STARTERS:
            break
        if lower.endswith("ed") or lower in FINITE_VERBS:
            return None  # "at the hearing held …": not a plain noun phrase
        words += 1
        index += 1
    return index if words else None


def _skip_time_phrase(tokens: list[Token], first: int, last: int) -> int | None:
    """Past a time phrase right after a cue ("said Tuesday", "said last week"), or None."""
    index = first
    lower = tokens[index].lower
    if lower not in _TIME_PHRASE_STARTS:
        return None  # the common case, decided by one look-up
    following = tokens[index + 1].lower if index + 1 <= last else ""
    if lower == "on" and following in WEEKDAYS:
        index += 2
    elif lower in WEEKDAYS or lower in {"yesterday", "today", "tonight", "earlier", "later"}:
        index += 1
    elif lower in {"last", "this", "next"} and (following in TIME_UNITS or following in WEEKDAYS):
        index += 2
    else:
        return None
    if index <= last and tokens[index].lower in PARTS_OF_DAY:
        index += 1
    return index if index <= last else None
