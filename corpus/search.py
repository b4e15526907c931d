"""Search the corpus with the query language (see query.py), for the TUI and `quoth search`.

How a query runs:
- Words and phrases go to SQLite FTS5 (title, body, quote text). Each word is
  a prefix (so every keystroke matches). A word that is rare as typed (in
  fewer than TYPOS_BELOW articles) is also OR'ed with its typo fixes: index
  words one or two edits away (first letter kept) and more common than it,
  found with rapidfuzz (OSA distance) in the index's vocabulary. Titles,
  bodies and quotes are never scanned in Python.
- Field filters (speaker:, source:, kind:, has:, is:) become a bitset of
  allowed article ids that SQLite checks per row; speaker and source names
  are matched word by word (prefix, else typo) in small in-memory indexes.
- Ranking is by tier, newest first within a tier:
      3  every word in the title, exactly as typed
      2  every word in the title, counting prefixes and typo fixes
      1  every word anywhere, as typed or as a prefix
      0  every word anywhere, counting typo fixes
  so an exact title match always beats a fuzzy body match. Hit.score is the
  tier plus a fraction that grows with the date (undated: 0).
- A word of a single letter is ignored until a second letter is typed: it
  would match nearly everything, and the index has no one-letter prefix table.
- `SearchResults.total` is exact up to max(TOTAL_CAP, limit) and capped there.
- The engine searches a snapshot: articles added after its first search (or
  `load()`) appear once `refresh()` is called.
- Prefix cache: when a query only narrows the previous one (a word typed
  further, a word, phrase, exclusion or filter added) and the previous result
  was complete, the new query is evaluated within the previous matches only.
  It is used only when that provably gives the same answer as a cold query.

The FTS5 expressions, highlights and cache proofs live in search_text.py;
the in-memory parts (ranking, vocabulary, name indexes) in search_index.py.

Newest-first ordering of a large match set is done by SQLite with the
in-memory `Ranking` blob; a one-shot search (the CLI) whose matches are few
sorts them by joining the articles table instead, so it never pays for
loading the ranking of the whole corpus.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as Date

from .query import Query, parse_query
from .search_index import (
    RANK_WIDTH,
    UNRANKED,
    NameIndex,
    Ranking,
    Vocabulary,
    bits_from_ids,
    dated_since,
    max_typos,
    sql_mask,
)
from .search_text import (
    TextPlan,
    any_of,
    build_plan,
    effective_words,
    has_text,
    highlight_targets,
    narrows,
    quoted,
    same_text,
    title_spans,
    words_narrow,
)
from .store import Corpus, CorpusError

TOTAL_CAP = 10_000
TYPOS_BELOW = 5  # a whole word found in this many articles or more is not a typo
MAX_TYPO_FIXES = 8
MAX_COMPLETIONS = 16
CACHE_LIMIT = 2_000
JOIN_LIMIT = 5_000  # below this many matches, sorting by a join beats loading the ranking
FEW_ROWS = 20_000  # up to this many candidate rows, count them in the same pass
NEWEST_RANKED = 2_000  # a one-shot search first ranks only this many newest articles
_NEWEST_FIRST = "date DESC, id DESC"  # SQLite sorts NULL dates last in DESC order


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
class _Previous:
    """A complete earlier result, kept for the prefix cache."""

    query: Query
    fixes: dict[str, tuple[str, ...]]
    ranked: list[tuple[int, int]]  # (id, tier), best first
    dates: dict[int, str | None]


@dataclass(frozen=True)
class _Order:
    """How SQL sorts full-text matches newest first: by the ranking blob, or by a join."""

    join: str
    key: str
    dates: str  # the date-range condition, or "1"
    params: dict[str, object]
    bound: int  # at most this many articles can pass the date range
    known: str = "1"  # false for a row the (partial) ranking does not place


class SearchEngine:
    """One engine per corpus connection; one search at a time (a lock serialises)."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._lock = threading.RLock()
        self._reset()

    def _reset(self) -> None:
        self._max_id: int | None = None
        self._ranking: Ranking | None = None
        self._newest: Ranking | None = None  # a one-shot search's partial ranking
        self._vocabulary: Vocabulary | None = None
        self._speakers: tuple[NameIndex, list[int]] | None = None
        self._sources: tuple[NameIndex, list[str]] | None = None
        self._fixes: dict[str, tuple[str, ...]] = {}
        self._completions: dict[str, tuple[str, ...] | None] = {}
        self._kinds: dict[str, int] | None = None
        self._filters: dict[tuple[str, ...], int] = {}
        self._previous: _Previous | None = None
        self._cache_uses = 0  # how often the prefix cache answered (for tests)

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._corpus.conn

    def load(self) -> None:
        """Build every in-memory part now (else each is built on first need)."""
        with self._lock:
            self._get_ranking()
            self._get_vocabulary().load_all()
            self._get_speakers()
            self._get_sources()
            self._get_kinds()

    def refresh(self) -> None:
        """The corpus changed: forget the snapshot and load again."""
        with self._lock:
            self._reset()
            self.load()

    def search(self, query: str, limit: int = 200) -> SearchResults:
        """Raises CorpusError (one line naming the corpus) when the corpus cannot be read:
        a damaged file must not look like a search with no matches."""
        parsed = parse_query(query)
        limit = max(int(limit), 0)
        with self._lock:
            try:
                ranked, total = self._run(parsed, limit)
                hits = self._hits(ranked[:limit], parsed)
            except sqlite3.Error as exc:
                self._previous = None  # never narrow a later query from a failed one
                raise CorpusError.from_sqlite(self._corpus.path, exc) from exc
            self._remember(parsed, ranked, total, hits)
        return SearchResults(query, hits, total)

    # -- the parts, built on first use ---------------------------------------

    def _snapshot(self) -> int:
        if self._max_id is None:
            self._max_id = int(
                self._conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
            )
        return self._max_id

    def _get_ranking(self) -> Ranking:
        if self._ranking is None:
            self._ranking = Ranking(self._conn, self._snapshot())
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

    def _get_sources(self) -> tuple[NameIndex, list[str]]:
        if self._sources is None:
            rows = self._conn.execute(
                "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL AND source != ''"
            ).fetchall()
            sources = [row[0] for row in rows]
            self._sources = (NameIndex([[source] for source in sources]), sources)
        return self._sources

    def _get_kinds(self) -> dict[str, int]:
        """Articles with a quote of each kind ("" for any kind), as bitsets."""
        if self._kinds is None:
            ids: dict[str, list[int]] = {"": []}
            for kind, article_id in self._conn.execute("SELECT kind, article_id FROM quotes"):
                ids.setdefault(kind, []).append(article_id)
                ids[""].append(article_id)
            size = self._snapshot() + 1
            self._kinds = {kind: bits_from_ids(found, size) for kind, found in ids.items()}
        return self._kinds

    def _typo_fixes(self, word: str) -> tuple[str, ...]:
        """Other spellings to search for `word`, when it is rare as a whole word."""
        if word not in self._fixes:
            if len(self._fixes) > 4096:
                self._fixes.clear()
            fixes: tuple[str, ...] = ()
            if (
                max_typos(word)
                and self._count(
                    "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid <= ?",
                    (quoted(word), self._snapshot()),
                    0,
                    cap=TYPOS_BELOW,
                )
                < TYPOS_BELOW
            ):
                fixes = self._get_vocabulary().typo_fixes(word, MAX_TYPO_FIXES)
            self._fixes[word] = fixes
        return self._fixes[word]

    def _prefix_terms(self, word: str) -> tuple[str, ...] | None:
        if word not in self._completions:
            if len(self._completions) > 4096:
                self._completions.clear()
            self._completions[word] = self._get_vocabulary().completions(word, MAX_COMPLETIONS)
        return self._completions[word]

    # -- running a query -----------------------------------------------------

    def _run(self, query: Query, limit: int) -> tuple[list[tuple[int, int]], int]:
        allowed = self._filter_bits(query)
        if not has_text(query):
            return self._run_filters(query, allowed, limit)
        plan = build_plan(query, self._typo_fixes, self._prefix_terms)
        previous = self._previous
        if previous is not None and narrows(query, previous.query):
            if same_text(query, previous.query):
                self._cache_uses += 1
                ranked = self._filter_previous(previous, query, allowed)
                return ranked, len(ranked)
            if words_narrow(query, plan.fixes, previous.query, previous.fixes):
                self._cache_uses += 1
                within = bits_from_ids((i for i, _ in previous.ranked), self._snapshot() + 1)
                allowed = within if allowed is None else allowed & within
        return self._run_text(plan, query, allowed, limit)

    def _run_filters(
        self, query: Query, allowed: int | None, limit: int
    ) -> tuple[list[tuple[int, int]], int]:
        where, params = self._row_conditions(allowed, "id")
        dates, date_params = _date_condition(query, "date")
        where = f"{where} AND {dates}"
        if query.excluded:
            where += (
                " AND id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :unwanted)"
            )
            params["unwanted"] = any_of(query.excluded)
        if allowed is not None and allowed.bit_count() <= JOIN_LIMIT:
            # A few allowed articles: look them up rather than walk every article.
            ids = [found.start() for found in re.finditer(b"1", params["mask"])]
            select = (
                "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(:ids)) "
                f"AND {where}"
            )
            params["ids"] = json.dumps(ids)
        else:
            # The (date, id) index has all it takes: never read the (large) article rows.
            select = f"SELECT id FROM articles INDEXED BY articles_date WHERE {where}"
        rows = self._conn.execute(
            f"{select} ORDER BY {_NEWEST_FIRST} LIMIT :n", {**params, **date_params, "n": limit}
        )
        ranked = [(row[0], 0) for row in rows]
        if len(ranked) < limit:
            return ranked, len(ranked)
        return ranked, self._count(select, {**params, **date_params}, limit)

    def _run_text(
        self,
        plan: TextPlan,
        query: Query,
        allowed: int | None,
        limit: int,
        partial: bool = True,
    ) -> tuple[list[tuple[int, int]], int]:
        where, params = self._row_conditions(allowed, "f.rowid")
        newest = limit if partial else 0
        ranked: list[tuple[int, int]] = []
        seen: set[int] = set()
        counted: int | None = None
        for tier, expression in plan.tiers:
            wanted = limit - len(ranked)
            if wanted <= 0:
                break
            order = self._order(expression, query, where, params, newest)
            # Few candidate rows (or costly phrase matching): count them while sorting,
            # instead of matching a second time.
            few = min(order.bound, allowed.bit_count()) if allowed is not None else order.bound
            count_too = expression == plan.everything and (bool(query.phrases) or few <= FEW_ROWS)
            # Reaching a lower tier means every higher one was returned whole, so
            # dropping what is already listed leaves exactly this tier's own matches.
            rows = self._conn.execute(
                f"SELECT f.rowid, {'count(*) OVER ()' if count_too else 'NULL'}, {order.known} "
                f"FROM articles_fts f {order.join} WHERE articles_fts MATCH :expr AND {where} "
                f"AND {order.dates} ORDER BY {order.key} LIMIT :n",
                {**params, **order.params, "expr": expression, "n": wanted + len(seen)},
            )
            for article_id, total, known in rows:
                counted = total
                if article_id not in seen and len(ranked) < limit:
                    if not known:  # older than the newest articles ranked so far
                        return self._run_text(plan, query, allowed, limit, partial=False)
                    seen.add(article_id)
                    ranked.append((article_id, tier))
        if len(ranked) < limit:
            return ranked, len(ranked)
        if counted is not None:
            return ranked, min(counted, max(TOTAL_CAP, limit))
        order = self._order(plan.everything, query, where, params, newest)
        sql = (
            f"SELECT 1 FROM articles_fts f {order.join} "
            f"WHERE articles_fts MATCH :expr AND {where} AND {order.dates}"
        )
        return ranked, self._count(sql, {**params, **order.params, "expr": plan.everything}, limit)

    def _order(
        self,
        expression: str,
        query: Query,
        where: str,
        params: dict[str, object],
        newest: int,
    ) -> _Order:
        """How to sort the matches of `expression` newest first. Without the full
        ranking loaded (a one-shot search), few matches are sorted by a join, and
        many by a ranking of just enough newest articles when `newest` allows it
        (the caller checks that every match it keeps is ranked); else by the full
        ranking."""
        ranking = self._ranking
        if ranking is None:
            if (
                self._count(
                    f"SELECT 1 FROM articles_fts f WHERE articles_fts MATCH :expr AND {where}",
                    {**params, "expr": expression},
                    0,
                    cap=JOIN_LIMIT,
                )
                < JOIN_LIMIT
            ):
                dates, date_params = _date_condition(query, "a.date")
                return _Order(
                    "JOIN articles a ON a.id = f.rowid",
                    "a.date DESC, a.id DESC",
                    dates,
                    date_params,
                    JOIN_LIMIT,
                )
            if newest:
                ranking = self._newest_ranking(query, newest)
            ranking = ranking or self._get_ranking()
        key = f"substr(:rank, f.rowid * {RANK_WIDTH} + 1, {RANK_WIDTH})"
        order_params: dict[str, object] = {"rank": ranking.rank, "unranked": ranking.key(UNRANKED)}
        dates = "1"
        lo, hi = ranking.date_positions(query.date_from, query.date_to)
        if query.date_from or query.date_to:
            dates = f"{key} >= :lo AND {key} < :hi"
            order_params.update(lo=ranking.key(lo), hi=ranking.key(hi))
        bound = (
            hi - lo if ranking.complete or query.date_from or query.date_to else (self._snapshot())
        )
        return _Order("", key, dates, order_params, bound, f"{key} != :unranked")

    def _newest_ranking(self, query: Query, limit: int) -> Ranking:
        """A ranking of the newest articles: enough for `limit` matches when they
        are common, and covering the whole date range, if any."""
        wanted = max(NEWEST_RANKED, 20 * limit)
        if query.date_from or query.date_to:
            wanted = max(wanted, dated_since(self._conn, self._snapshot(), query.date_from or ""))
        if self._newest is None or not (self._newest.complete or self._newest.covered >= wanted):
            self._newest = Ranking(self._conn, self._snapshot(), wanted)
        return self._newest

    def _row_conditions(self, allowed: int | None, rowid: str) -> tuple[str, dict[str, object]]:
        # Articles added after the snapshot wait for refresh().
        conditions = [f"{rowid} <= :max_id"]
        params: dict[str, object] = {"max_id": self._snapshot()}
        if allowed is not None:
            conditions.append(f"substr(:mask, {rowid} + 1, 1) = x'31'")
            params["mask"] = sql_mask(allowed, self._snapshot() + 1)
        return " AND ".join(conditions), params

    def _count(self, sql: str, params: dict[str, object] | tuple, limit: int, cap: int = 0) -> int:
        cap = cap or max(TOTAL_CAP, limit)
        (count,) = self._conn.execute(
            f"SELECT count(*) FROM ({sql} LIMIT {int(cap)})", params
        ).fetchone()
        return int(count)

    def _all_bits(self) -> int:
        return (1 << (self._snapshot() + 1)) - 1

    # -- field filters -------------------------------------------------------

    def _filter_bits(self, query: Query) -> int | None:
        """Allowed article ids as a bitset, or None when no filter applies."""
        sets = [
            self._memo(
                ("speaker", name, *query.kinds),
                lambda name=name: self._speaker_bits(name, query.kinds),
            )
            for name in query.speakers
        ]
        if query.sources:
            sets.append(
                self._memo(("source", *query.sources), lambda: self._source_bits(query.sources))
            )
        if query.kinds and not query.speakers:
            sets.append(_union(self._get_kinds().get(kind, 0) for kind in query.kinds))
        if query.has_quotes:
            sets.append(self._get_kinds()[""])
        for flag in query.is_flags:  # read state changes while the reader runs: never memoised
            sets.append(self._read_state_bits(flag))
        excluded = [self._excluded_bits(field, value) for field, value in query.excluded_fields]
        if not sets and not excluded:
            return None
        allowed = sets[0] if sets else self._all_bits()
        for bits in sets[1:]:
            allowed &= bits
        for bits in excluded:
            allowed &= ~bits
        return allowed

    def _excluded_bits(self, field: str, value: str) -> int:
        """Articles a negated field (-speaker:x, -is:read …) takes out."""
        if field == "speaker":
            return self._memo(("speaker", value), lambda: self._speaker_bits(value, ()))
        if field == "source":
            return self._memo(("source", value), lambda: self._source_bits((value,)))
        if field == "kind":
            return self._get_kinds().get(value, 0)
        if field == "has":
            return self._get_kinds()[""]
        return self._read_state_bits(value)

    def _memo(self, key: tuple[str, ...], build: Callable[[], int]) -> int:
        """Speaker and source sets stay fixed within a snapshot: keep the last few."""
        if key not in self._filters:
            if len(self._filters) > 64:
                self._filters.clear()
            self._filters[key] = build()
        return self._filters[key]

    def _ids_bits(self, sql: str, params: tuple[object, ...]) -> int:
        rows = self._conn.execute(sql, params)
        return bits_from_ids((row[0] for row in rows), self._snapshot() + 1)

    def _speaker_bits(self, name: str, kinds: tuple[str, ...]) -> int:
        """Articles quoting a speaker matching `name` (with one of `kinds`, if given)."""
        index, speaker_ids = self._get_speakers()
        wanted = json.dumps([speaker_ids[entry] for entry in index.match(name)])
        speaker_in = "speaker_id IN (SELECT value FROM json_each(?1))"
        if kinds:
            return self._ids_bits(
                f"SELECT article_id FROM quotes WHERE {speaker_in} "
                "AND kind IN (SELECT value FROM json_each(?2))",
                (wanted, json.dumps(list(kinds))),
            )
        return self._ids_bits(
            f"SELECT article_id FROM quotes WHERE {speaker_in} "
            f"UNION SELECT article_id FROM article_speakers WHERE {speaker_in}",
            (wanted,),
        )

    def _source_bits(self, wanted: tuple[str, ...]) -> int:
        index, sources = self._get_sources()
        names = sorted({sources[entry] for text in wanted for entry in index.match(text)})
        return self._ids_bits(
            "SELECT id FROM articles WHERE source IN (SELECT value FROM json_each(?))",
            (json.dumps(names),),
        )

    def _read_state_bits(self, flag: str) -> int:
        if flag == "starred":
            return self._ids_bits("SELECT id FROM articles WHERE starred = 1", ())
        read = self._ids_bits("SELECT id FROM articles WHERE is_read = 1", ())
        return read if flag == "read" else self._all_bits() & ~read

    # -- the prefix cache ----------------------------------------------------

    def _remember(
        self, query: Query, ranked: list[tuple[int, int]], total: int, hits: list[Hit]
    ) -> None:
        complete = len(ranked) == len(hits) == total
        if has_text(query) and complete and len(ranked) <= CACHE_LIMIT and not query.reads_state:
            dates = {hit.id: hit.date for hit in hits}
            self._previous = _Previous(query, dict(self._plan_fixes(query)), ranked, dates)
        else:
            self._previous = None

    def _plan_fixes(self, query: Query) -> Iterable[tuple[str, tuple[str, ...]]]:
        return ((word, self._typo_fixes(word)) for word in effective_words(query))

    def _filter_previous(
        self, previous: _Previous, query: Query, allowed: int | None
    ) -> list[tuple[int, int]]:
        mask = sql_mask(allowed, self._snapshot() + 1) if allowed is not None else None
        return [
            (article_id, tier)
            for article_id, tier in previous.ranked
            if (mask is None or mask[article_id] == 49)
            and _in_dates(previous.dates[article_id], query)
        ]

    # -- hits ------------------------------------------------------------------

    def _hits(self, ranked: list[tuple[int, int]], query: Query) -> list[Hit]:
        rows: dict[int, tuple] = {}
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
        targets, prefixes = highlight_targets(query, self._fixes)
        hits = []
        for article_id, tier in ranked:
            row = rows.get(article_id)
            if row is not None:
                _, title, date, source, quote_count = row
                hits.append(
                    Hit(
                        article_id,
                        title,
                        date,
                        source,
                        quote_count,
                        tier + _recency(date),
                        title_spans(title, targets, prefixes),
                    )
                )
        return hits


def _union(bitsets: Iterable[int]) -> int:
    result = 0
    for bits in bitsets:
        result |= bits
    return result


def _date_condition(query: Query, column: str) -> tuple[str, dict[str, object]]:
    conditions, params = [], {}
    if query.date_from:
        conditions.append(f"{column} >= :date_from")
        params["date_from"] = query.date_from
    if query.date_to:
        conditions.append(f"{column} < :date_to")
        params["date_to"] = query.date_to
    return " AND ".join(conditions) or "1", params


def _in_dates(date: str | None, query: Query) -> bool:
    if query.date_from is None and query.date_to is None:
        return True
    return (
        date is not None
        and (query.date_from or "") <= date
        and (query.date_to is None or date < query.date_to)
    )


_EPOCH, _END = Date(1900, 1, 1).toordinal(), Date(2200, 1, 1).toordinal()


def _recency(date: str | None) -> float:
    """A fraction in [0, 1) growing with the date: 0 when undated, ~0.41 in 2024."""
    try:
        day = Date.fromisoformat(date[:10]).toordinal() if date else _EPOCH
    except ValueError:
        day = _EPOCH
    return min(max(day - _EPOCH, 0) / (_END - _EPOCH), 0.999)


def _json_list(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return []
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
