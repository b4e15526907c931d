"""Search the corpus with the query language (see query.py), for the TUI and `quoth search`.

How a query runs:
- Words and phrases go to SQLite FTS5 (title, body, quote text). Each word is
  a prefix (so every keystroke matches) OR'ed with its typo fixes: index words
  a few edits away, found with rapidfuzz in the index's vocabulary. Bodies are
  never scanned in Python.
- Field filters (speaker:, source:, date, kind:, has:, is:) become a bitset of
  allowed article ids that SQLite checks per row.
- Ranking is by tier, newest first within a tier:
      3  every word in the title, exactly as typed
      2  every word in the title, counting prefixes and typo fixes
      1  every word anywhere, as typed or as a prefix
      0  every word anywhere, counting typo fixes
  so an exact title match always beats a fuzzy body match. Hit.score is the
  tier plus a recency fraction in [0, 1).
- A single letter matches title words only (body matching starts at two
  letters, where the index has prefix tables).
- `SearchResults.total` is exact up to max(TOTAL_CAP, limit) and capped there.
- The engine searches a snapshot: articles added after `load()` (or after the
  first search) appear once `refresh()` is called.
- Prefix cache: when a query only narrows the previous one (a word typed
  further, a word, phrase, exclusion or filter added) and the previous result
  was complete, the new query is evaluated within the previous matches only.
  It is used only when that provably gives the same answer as a cold query.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from .query import Query, parse_query
from .search_index import (
    RANK_WIDTH,
    Facts,
    NameIndex,
    Ranking,
    Vocabulary,
    bits_from_ids,
    sql_mask,
)
from .speaker_keys import fold
from .store import Corpus

TOTAL_CAP = 10_000
MAX_TYPO_FIXES = 24
CACHE_LIMIT = 2_000
_WORD = re.compile(r"[^\W_]+")
_RANK_KEY = f"substr(:rank, rowid * {RANK_WIDTH} + 1, {RANK_WIDTH})"


@dataclass(frozen=True)
class Hit:
    id: int
    title: str
    date: str | None
    source: str | None
    quote_count: int
    score: float
    title_spans: tuple[tuple[int, int], ...]  # [start, end) character ranges to highlight


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[Hit]
    total: int  # matches before the limit, exact up to max(TOTAL_CAP, limit)


@dataclass(frozen=True)
class _TextPlan:
    """The words and phrases of a query as FTS5 expressions."""

    tiers: tuple[tuple[int, str], ...]  # (tier, expression matching exactly that tier)
    everything: str
    fixes: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class _Previous:
    """A complete earlier result, kept for the prefix cache."""

    query: Query
    fixes: dict[str, tuple[str, ...]]
    ranked: list[tuple[int, int]]  # (id, tier), best first


class SearchEngine:
    """One engine per corpus connection; one search at a time (a lock serialises)."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._lock = threading.RLock()
        self._reset()

    def _reset(self) -> None:
        self._ranking: Ranking | None = None
        self._vocabulary: Vocabulary | None = None
        self._speakers: tuple[NameIndex, list[int]] | None = None
        self._facts: Facts | None = None
        self._fixes: dict[str, tuple[str, ...]] = {}
        self._previous: _Previous | None = None
        self._cache_uses = 0  # how often the prefix cache answered (for tests)

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._corpus.conn

    def load(self) -> None:
        """Build every in-memory part now (else each is built on first need)."""
        with self._lock:
            self._get_vocabulary().load_all()
            self._get_speakers()
            self._get_facts()

    def refresh(self) -> None:
        """The corpus changed: forget the snapshot and load again."""
        with self._lock:
            self._reset()
            self.load()

    def search(self, query: str, limit: int = 200) -> SearchResults:
        parsed = parse_query(query)
        limit = max(int(limit), 0)
        with self._lock:
            try:
                ranked, total = self._run(parsed, limit)
                hits = self._hits(ranked[:limit], parsed)
            except sqlite3.Error:
                # A locked, damaged or vanished corpus gives no results rather than a crash.
                self._previous = None
                return SearchResults(query, [], 0)
        return SearchResults(query, hits, total)

    # -- the parts, built on first use ---------------------------------------

    def _get_ranking(self) -> Ranking:
        if self._ranking is None:
            self._ranking = Ranking(self._conn)
        return self._ranking

    def _get_vocabulary(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(self._conn)
        return self._vocabulary

    def _get_speakers(self) -> tuple[NameIndex, list[int]]:
        if self._speakers is None:
            rows = self._conn.execute("SELECT id, name, aliases FROM speakers").fetchall()
            names = [[name, *_json_list(aliases)] for _, name, aliases in rows]
            self._speakers = (NameIndex(names), [row[0] for row in rows])
        return self._speakers

    def _get_facts(self) -> Facts:
        if self._facts is None:
            self._facts = Facts(self._conn, self._get_ranking().size)
        return self._facts

    def _typo_fixes(self, word: str) -> tuple[str, ...]:
        if word not in self._fixes:
            if len(self._fixes) > 4096:
                self._fixes.clear()
            self._fixes[word] = self._get_vocabulary().typo_fixes(word, MAX_TYPO_FIXES)
        return self._fixes[word]

    # -- running a query -----------------------------------------------------

    def _run(self, query: Query, limit: int) -> tuple[list[tuple[int, int]], int]:
        ranking = self._get_ranking()
        allowed = self._filter_bits(query, ranking)
        dates = ranking.date_positions(query.date_from, query.date_to)
        if not query.has_text:
            self._previous = None
            if query.excluded:
                unwanted = self._fts_ids(_any_of(query.excluded), ranking)
                allowed = (ranking.all_bits if allowed is None else allowed) & ~unwanted
            return self._run_filters(ranking, allowed, dates, limit)
        plan = self._plan(query)
        previous = self._previous
        if previous is not None and _same_text(query, previous.query) and _narrows(
            query, previous.query
        ):
            ranked = self._filter_ranked(previous.ranked, ranking, allowed, dates)
            total = len(ranked)
            self._cache_uses += 1
        else:
            if previous is not None and _narrows(query, previous.query) and _words_narrow(
                query, plan.fixes, previous
            ):
                within = bits_from_ids((i for i, _ in previous.ranked), ranking.size)
                allowed = within if allowed is None else allowed & within
                self._cache_uses += 1
            ranked, total = self._run_text(plan, ranking, allowed, dates, limit)
        complete = len(ranked) == total <= CACHE_LIMIT
        self._previous = (
            _Previous(query, plan.fixes, ranked) if complete and not query.is_flags else None
        )
        return ranked, total

    def _run_filters(
        self, ranking: Ranking, allowed: int | None, dates: tuple[int, int], limit: int
    ) -> tuple[list[tuple[int, int]], int]:
        candidates = ranking.order[dates[0] : dates[1]]
        if allowed is None:
            return [(i, 0) for i in candidates[:limit]], len(candidates)
        mask = sql_mask(allowed, ranking.size)
        matching = [i for i in candidates if mask[i] == 49]
        return [(i, 0) for i in matching[:limit]], len(matching)

    def _filter_ranked(
        self, ranked: list[tuple[int, int]], ranking: Ranking, allowed: int | None,
        dates: tuple[int, int],
    ) -> list[tuple[int, int]]:
        lo, hi = dates
        mask = sql_mask(allowed, ranking.size) if allowed is not None else None
        return [
            (i, tier) for i, tier in ranked
            if lo <= ranking.position(i) < hi and (mask is None or mask[i] == 49)
        ]

    def _run_text(
        self, plan: _TextPlan, ranking: Ranking, allowed: int | None,
        dates: tuple[int, int], limit: int,
    ) -> tuple[list[tuple[int, int]], int]:
        where, params = self._row_conditions(ranking, allowed, dates)
        ranked: list[tuple[int, int]] = []
        for tier, expression in plan.tiers:
            if len(ranked) >= limit:
                break
            rows = self._conn.execute(
                f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH :expr AND {where} "
                f"ORDER BY {_RANK_KEY} LIMIT :n",
                {**params, "expr": expression, "n": limit - len(ranked)},
            )
            ranked.extend((row[0], tier) for row in rows)
        if len(ranked) < limit:
            return ranked, len(ranked)
        (total,) = self._conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH :expr "
            f"AND {where} LIMIT :cap)",
            {**params, "expr": plan.everything, "cap": max(TOTAL_CAP, limit)},
        ).fetchone()
        return ranked, int(total)

    @staticmethod
    def _row_conditions(
        ranking: Ranking, allowed: int | None, dates: tuple[int, int]
    ) -> tuple[str, dict[str, object]]:
        conditions = ["rowid < :size"]  # articles added after the snapshot wait for refresh()
        params: dict[str, object] = {"rank": ranking.rank, "size": ranking.size}
        if allowed is not None:
            conditions.append("substr(:mask, rowid + 1, 1) = x'31'")
            params["mask"] = sql_mask(allowed, ranking.size)
        if dates != (0, len(ranking)):
            conditions.append(f"{_RANK_KEY} >= :lo AND {_RANK_KEY} < :hi")
            params.update(lo=ranking.key(dates[0]), hi=ranking.key(dates[1]))
        return " AND ".join(conditions), params

    def _fts_ids(self, expression: str, ranking: Ranking) -> int:
        rows = self._conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (expression,)
        )
        return bits_from_ids((row[0] for row in rows), ranking.size)

    # -- the text part as FTS5 expressions -----------------------------------

    def _plan(self, query: Query) -> _TextPlan:
        fixes = {word: self._typo_fixes(word) for word in query.words}
        phrases = [_quoted(phrase) for phrase in query.phrases]

        def every_word(*, prefix: bool, fuzzy: bool, anywhere: bool) -> list[str]:
            return [
                _word_expression(w, prefix=prefix, fixes=fixes[w] if fuzzy else (),
                                 title_only=anywhere and len(w) == 1)
                for w in query.words
            ]

        def in_title(parts: list[str]) -> str:
            return f"title : ({' AND '.join(parts)})"

        exact_title = in_title(every_word(prefix=False, fuzzy=False, anywhere=False) + phrases)
        fuzzy_title = in_title(every_word(prefix=True, fuzzy=True, anywhere=False) + phrases)
        exact_any = " AND ".join(every_word(prefix=True, fuzzy=False, anywhere=True) + phrases)
        fuzzy_any = " AND ".join(every_word(prefix=True, fuzzy=True, anywhere=True) + phrases)
        tiers = [(3, exact_title)]
        if fuzzy_title != exact_title:
            tiers.append((2, _but_not(fuzzy_title, exact_title)))
        tiers.append((1, _but_not(exact_any, fuzzy_title)))
        if fuzzy_any != exact_any:
            tiers.append((0, _but_not(_but_not(fuzzy_any, exact_any), fuzzy_title)))
        if query.excluded:
            unwanted = _any_of(query.excluded)
            tiers = [(tier, _but_not(expr, unwanted)) for tier, expr in tiers]
            fuzzy_any = _but_not(fuzzy_any, unwanted)
        return _TextPlan(tuple(tiers), fuzzy_any, fixes)

    # -- field filters -------------------------------------------------------

    def _filter_bits(self, query: Query, ranking: Ranking) -> int | None:
        """Allowed article ids as a bitset, or None when no filter applies."""
        sets = [self._speaker_bits(name, query.kinds, ranking) for name in query.speakers]
        if query.sources:
            facts = self._get_facts()
            sets.append(_union(facts.source_bits(source) for source in query.sources))
        if query.kinds and not query.speakers:
            facts = self._get_facts()
            sets.append(_union(facts.kind_bits(kind) for kind in query.kinds))
        if query.has_quotes:
            sets.append(self._get_facts().with_quotes)
        for flag in query.is_flags:
            sets.append(self._read_state_bits(flag, ranking))
        if not sets:
            return None
        allowed = sets[0]
        for bits in sets[1:]:
            allowed &= bits
        return allowed

    def _speaker_bits(self, name: str, kinds: tuple[str, ...], ranking: Ranking) -> int:
        """Articles quoting a speaker matching `name` (with one of `kinds`, if given)."""
        index, speaker_ids = self._get_speakers()
        wanted = json.dumps([speaker_ids[entry] for entry in index.match(name)])
        speaker_in = "speaker_id IN (SELECT value FROM json_each(?1))"
        if kinds:
            rows = self._conn.execute(
                f"SELECT article_id FROM quotes WHERE {speaker_in} "
                "AND kind IN (SELECT value FROM json_each(?2))",
                (wanted, json.dumps(list(kinds))),
            )
        else:
            rows = self._conn.execute(
                f"SELECT article_id FROM quotes WHERE {speaker_in} "
                f"UNION SELECT article_id FROM article_speakers WHERE {speaker_in}",
                (wanted,),
            )
        return bits_from_ids((row[0] for row in rows), ranking.size)

    def _read_state_bits(self, flag: str, ranking: Ranking) -> int:
        """Read state changes while the reader runs, so it is asked for every time."""
        column = "starred" if flag == "starred" else "is_read"
        rows = self._conn.execute(f"SELECT id FROM articles WHERE {column} = 1")
        bits = bits_from_ids((row[0] for row in rows), ranking.size)
        return ranking.all_bits & ~bits if flag == "unread" else bits

    # -- hits ------------------------------------------------------------------

    def _hits(self, ranked: list[tuple[int, int]], query: Query) -> list[Hit]:
        if not ranked:
            return []
        ranking = self._get_ranking()
        rows = {}
        for start in range(0, len(ranked), 10_000):
            chunk = json.dumps([article_id for article_id, _ in ranked[start : start + 10_000]])
            rows.update(
                (row[0], row)
                for row in self._conn.execute(
                    "SELECT id, title, date, source, quote_count FROM articles "
                    "WHERE id IN (SELECT value FROM json_each(?))",
                    (chunk,),
                )
            )
        targets, prefixes = _highlight_targets(query, self._fixes)
        count = max(len(ranking), 1)
        hits = []
        for article_id, tier in ranked:
            row = rows.get(article_id)
            if row is None:
                continue
            _, title, date, source, quote_count = row
            recency = (count - ranking.position(article_id)) / (count + 1)
            hits.append(Hit(article_id, title, date, source, quote_count, tier + recency,
                            _title_spans(title, targets, prefixes)))
        return hits


def _word_expression(word: str, *, prefix: bool, fixes: Iterable[str], title_only: bool) -> str:
    base = _quoted(word) + ("*" if prefix else "")
    if title_only:
        base = f"title : {base}"
    alternatives = [base, *(_quoted(fix) for fix in fixes)]
    return alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _any_of(texts: Iterable[str]) -> str:
    return "(" + " OR ".join(_quoted(text) for text in texts) + ")"


def _but_not(expression: str, unwanted: str) -> str:
    return f"({expression}) NOT ({unwanted})"


def _union(bitsets: Iterable[int]) -> int:
    result = 0
    for bits in bitsets:
        result |= bits
    return result


def _json_list(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return []
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


# -- highlighting ----------------------------------------------------------------


def _highlight_targets(
    query: Query, fixes: dict[str, tuple[str, ...]]
) -> tuple[frozenset[str], tuple[str, ...]]:
    exact = set(query.words)
    for word in query.words:
        exact.update(fixes.get(word, ()))
    for phrase in query.phrases:
        exact.update(phrase.split())
    return frozenset(exact), tuple(query.words)


def _title_spans(
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


def _same_text(new: Query, old: Query) -> bool:
    return (new.words, new.phrases, new.excluded) == (old.words, old.phrases, old.excluded)


def _narrows(new: Query, old: Query) -> bool:
    """True when every field filter of `old` holds, at least as tightly, in `new`."""
    if old.is_flags:  # read state may have changed since
        return False
    return (
        set(old.speakers) <= set(new.speakers)
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


def _words_narrow(new: Query, new_fixes: dict[str, tuple[str, ...]], old: _Previous) -> bool:
    """Every old word is implied by some new word: what the new word finds
    (its prefix and typo fixes) the old word found too."""

    def implies(word: str, earlier: str) -> bool:
        if word == earlier:
            return True
        if len(earlier) < 2 or not word.startswith(earlier):
            return False  # a single letter searched titles only
        old_fixes = set(old.fixes.get(earlier, ()))
        return all(fix.startswith(earlier) or fix in old_fixes for fix in new_fixes[word])

    return all(any(implies(w, earlier) for w in new.words) for earlier in old.query.words)
