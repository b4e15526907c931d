"""The text part of a query: FTS5 expressions, title highlights, and the
proofs the prefix cache relies on (see search.py for the ranking tiers)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .query import Query
from .speaker_keys import fold

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class TextPlan:
    """The words and phrases of a query as FTS5 expressions."""

    tiers: tuple[tuple[int, str], ...]  # (tier, expression), best tier first
    everything: str  # every match, whatever its tier
    fixes: dict[str, tuple[str, ...]]


def build_plan(
    query: Query,
    typo_fixes: Callable[[str], tuple[str, ...]],
    completions_of: Callable[[str], tuple[str, ...] | None],
) -> TextPlan:
    """The tiers of `query` (see search.py) as FTS5 expressions."""
    words = effective_words(query)
    fixes = {word: typo_fixes(word) for word in words}
    completions = {word: completions_of(word) for word in words}
    phrases = [quoted(phrase) for phrase in query.phrases]

    def every_word(*, prefix: bool, fuzzy: bool) -> list[str]:
        return [
            word_expression(
                w, prefix=completions[w] if prefix else (w,), fixes=fixes[w] if fuzzy else ()
            )
            for w in words
        ]

    def in_title(parts: list[str]) -> str:
        return f"title : ({' AND '.join(parts)})"

    candidates = [
        (3, in_title(every_word(prefix=False, fuzzy=False) + phrases)),
        (2, in_title(every_word(prefix=True, fuzzy=True) + phrases)),
        (1, " AND ".join(every_word(prefix=True, fuzzy=False) + phrases)),
        (0, " AND ".join(every_word(prefix=True, fuzzy=True) + phrases)),
    ]
    tiers = [candidates[0]]
    for tier, expression in candidates[1:]:
        if expression != tiers[-1][1]:
            tiers.append((tier, expression))
    everything = candidates[-1][1]
    if query.excluded:
        unwanted = any_of(query.excluded)
        tiers = [(tier, but_not(expression, unwanted)) for tier, expression in tiers]
        everything = but_not(everything, unwanted)
    return TextPlan(tuple(tiers), everything, fixes)


def has_text(query: Query) -> bool:
    return bool(effective_words(query) or query.phrases)


def effective_words(query: Query) -> tuple[str, ...]:
    """The words that take part in matching: not single letters."""
    return tuple(word for word in query.words if len(word) > 1)


def word_expression(word: str, *, prefix: tuple[str, ...] | None, fixes: Iterable[str]) -> str:
    """`word` as FTS5 syntax. `prefix` lists the index words it stands for
    (only `word` itself when it must match whole); None means `word*`."""
    if prefix is None:
        alternatives = [quoted(word) + "*"]
    else:
        alternatives = [quoted(term) for term in prefix or (word,)]
    alternatives += [quoted(fix) for fix in fixes]  # fixes never start with `word`
    return alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"


def quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def any_of(texts: Iterable[str]) -> str:
    return "(" + " OR ".join(quoted(text) for text in texts) + ")"


def but_not(expression: str, unwanted: str) -> str:
    return f"({expression}) NOT ({unwanted})"


# -- highlighting ----------------------------------------------------------------


def highlight_targets(
    query: Query, fixes: dict[str, tuple[str, ...]]
) -> tuple[frozenset[str], tuple[str, ...]]:
    words = effective_words(query)
    exact = set(words)
    for word in words:
        exact.update(fixes.get(word, ()))
    for phrase in query.phrases:
        exact.update(phrase.split())
    return frozenset(exact), words


def title_spans(
    title: str, targets: frozenset[str], prefixes: tuple[str, ...]
) -> tuple[tuple[int, int], ...]:
    if not targets:
        return ()
    spans = []
    for match in _WORD.finditer(title):
        word = fold(match.group())
        if word in targets or word.startswith(prefixes):
            spans.append(match.span())
    return tuple(spans)


# -- the prefix cache's proofs -----------------------------------------------------


def same_text(new: Query, old: Query) -> bool:
    return (effective_words(new), new.phrases, new.excluded) == (
        effective_words(old),
        old.phrases,
        old.excluded,
    )


def narrows(new: Query, old: Query) -> bool:
    """True when every field filter of `old` holds, at least as tightly, in `new`."""
    return (
        not old.reads_state  # read state may have changed since
        # A negated field excludes by fuzzy match: only the very same ones narrow.
        and set(old.excluded_fields) <= set(new.excluded_fields)
        and set(old.speakers) <= set(new.speakers)
        and _narrower_choice(new.sources, old.sources)
        and _narrower_choice(new.kinds, old.kinds)
        and (new.has_quotes or not old.has_quotes)
        and (old.date_from is None or (new.date_from or "") >= old.date_from)
        and (old.date_to is None or (new.date_to is not None and new.date_to <= old.date_to))
        and set(old.phrases) <= set(new.phrases)
        and set(old.excluded) <= set(new.excluded)
    )


def _narrower_choice(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    return not old or (bool(new) and set(new) <= set(old))


def words_narrow(
    new: Query,
    new_fixes: dict[str, tuple[str, ...]],
    old: Query,
    old_fixes: dict[str, tuple[str, ...]],
) -> bool:
    """Every old word is implied by some new word: what the new word finds
    (its prefix and typo fixes) the old word found too."""

    def implies(word: str, earlier: str) -> bool:
        if word == earlier:
            return True
        if not word.startswith(earlier):
            return False
        earlier_fixes = set(old_fixes.get(earlier, ()))
        return all(fix.startswith(earlier) or fix in earlier_fixes for fix in new_fixes[word])

    words = effective_words(new)
    return all(any(implies(w, earlier) for w in words) for earlier in effective_words(old))
