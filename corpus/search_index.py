"""The compact in-memory side of search: what SQLite cannot answer fast enough.

- `Ranking`: every article's position in newest-first order, as one blob that
  SQL can sort by (`substr(rank, rowid*4+1, 4)` is a 4-byte big-endian key), so
  SQLite picks the newest N matches itself without handing 100k rowids to Python.
- `Vocabulary`: the full-text index's words grouped by first letter, for typo
  correction ("investigatrs" -> "investigators") before the FTS query runs.
- `NameIndex`: word-level lookup of short names (speakers, sources).

Each part is loaded on first use, so a one-shot `quoth search` only pays for
what its query needs; `SearchEngine.load()` builds them all up front.
Article sets are Python ints used as bitsets over article ids.
"""

from __future__ import annotations

import bisect
import sqlite3
from array import array
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .query import words_of

RANK_WIDTH = 4
UNRANKED = 0xFFFFFFFF
MIN_FUZZY_LENGTH = 4
MIN_PREFIX_FUZZY_LENGTH = 6


def max_typos(word: str) -> int:
    """How many edits (a swap of two neighbours counts as one) a word may be
    away from what it should find."""
    if len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
        return 0
    return 1 if len(word) < 8 else 2


def bits_from_ids(ids: Iterable[int], size: int) -> int:
    """A bitset with bit `id` set for each id below `size`."""
    flags = bytearray(b"0") * size
    for article_id in ids:
        if 0 <= article_id < size:
            flags[article_id] = 49  # ord("1")
    flags.reverse()  # int() reads the most significant digit first
    return int(flags, 2) if size else 0


def sql_mask(bits: int, size: int) -> bytes:
    """The bitset as one byte per id (b"1" or b"0") for `substr(:mask, rowid+1, 1)`."""
    return bin(bits)[2:].zfill(size)[::-1].encode("ascii")


class Ranking:
    """Newest-first positions of the articles present when it was loaded; with
    `newest`, of only that many newest articles (the others sort last, unranked)."""

    def __init__(self, conn: sqlite3.Connection, max_id: int, newest: int | None = None) -> None:
        self._conn = conn
        self._max_id = max_id
        only = "" if newest is None else f" LIMIT {int(newest)}"
        ids = [
            row[0]
            for row in conn.execute(  # NULL dates sort last
                "SELECT id FROM articles INDEXED BY articles_date WHERE id <= ? "
                f"ORDER BY date DESC, id DESC{only}",
                (max_id,),
            )
        ]
        self.covered = len(ids)  # positions [0, covered) are known
        self.complete = newest is None or len(ids) < newest
        positions = array("I", [UNRANKED]) * (max_id + 1)
        if positions.itemsize != RANK_WIDTH:
            raise RuntimeError("unsupported platform: array('I') is not 4 bytes")
        for position, article_id in enumerate(ids):
            positions[article_id] = position
        if _LITTLE_ENDIAN:
            positions.byteswap()
        self.rank = positions.tobytes()

    @staticmethod
    def key(position: int) -> bytes:
        return position.to_bytes(RANK_WIDTH, "big")

    def date_positions(self, date_from: str | None, date_to: str | None) -> tuple[int, int]:
        """[lo, hi) positions whose date lies in [date_from, date_to): the articles
        dated on or after `date_to` come first, then the range. Dates are strings,
        so "2023-07" <= "2023-07-24T10:00" < "2023-08" works as is. Undated
        articles match no date range."""
        if date_from is None and date_to is None:
            return 0, self.covered
        lo = self._dated_since(date_to) if date_to else 0
        return lo, max(lo, self._dated_since(date_from or ""))

    def _dated_since(self, bound: str) -> int:
        return dated_since(self._conn, self._max_id, bound)


def dated_since(conn: sqlite3.Connection, max_id: int, bound: str) -> int:
    """How many articles (up to `max_id`) are dated on or after `bound` ("": dated at all)."""
    (count,) = conn.execute(
        "SELECT count(*) FROM articles INDEXED BY articles_date WHERE date >= ? AND id <= ?",
        (bound, max_id),
    ).fetchone()
    return int(count)


_LITTLE_ENDIAN = array("I", [1]).tobytes()[0] == 1


class Vocabulary:
    """Words of the full-text index, by first letter, each with its document count."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._by_letter: dict[str, tuple[list[str], array]] = {}
        self._complete = False
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.quoth_search_vocab "
            "USING fts5vocab(main, articles_fts, row)"
        )

    def load_all(self) -> None:
        if not self._complete:
            self._by_letter = self._group(
                self._conn.execute("SELECT term, doc FROM temp.quoth_search_vocab")
            )
            self._complete = True

    def _terms(self, letter: str) -> tuple[list[str], array]:
        if letter not in self._by_letter and not self._complete:
            rows = self._conn.execute(
                "SELECT term, doc FROM temp.quoth_search_vocab WHERE term >= ? AND term < ?",
                (letter, chr(ord(letter) + 1)),
            )
            self._by_letter.update(self._group(rows) or {letter: ([], array("q"))})
        return self._by_letter.get(letter, ([], array("q")))

    @staticmethod
    def _group(rows: Iterable[tuple[str, int]]) -> dict[str, tuple[list[str], array]]:
        groups: dict[str, tuple[list[str], array]] = {}
        for term, docs in rows:  # in index order, which is code point order
            if len(term) >= MIN_FUZZY_LENGTH - 1 and term[0].isalpha():
                terms, counts = groups.setdefault(term[0], ([], array("q")))
                terms.append(term)
                counts.append(docs)
        return groups

    def completions(self, prefix: str, limit: int) -> tuple[str, ...] | None:
        """Every index word starting with `prefix`, or None when there are more
        than `limit` or the prefix is short or starts with a digit. Listing them
        beats FTS5's own `prefix*` for prefixes longer than its prefix tables (3):
        `prefix*` then merges every matching word's document list up front,
        before it can skip through an AND. Only from an already loaded letter: for
        a one-shot search, loading it would cost more than it saves."""
        if len(prefix) < MIN_FUZZY_LENGTH or not prefix[0].isalpha():
            return None
        if not self._complete and prefix[0] not in self._by_letter:
            return None
        terms, _ = self._terms(prefix[0])
        start = bisect.bisect_left(terms, prefix)
        stop = min(len(terms), start + limit + 1)
        end = bisect.bisect_left(terms, prefix + "\U0010ffff", start, stop)
        return tuple(terms[start:end]) if end - start <= limit else None

    def typo_fixes(self, word: str, limit: int) -> tuple[str, ...]:
        """Index words a few edits away from `word` (or, for longer words, whose
        beginning is) and in more articles than `word` itself, excluding those
        `word*` already finds; closest and most common first. So a common word
        ("that") is never "fixed" into others ("than"), and the first letter is
        trusted, as most typos spare it."""
        typos = max_typos(word)
        if not typos:
            return ()
        terms, counts = self._terms(word[0])
        exact = bisect.bisect_left(terms, word)
        typed_docs = counts[exact] if exact < len(terms) and terms[exact] == word else 0
        found: dict[int, int] = {}
        for _, distance, index in process.extract(
            word, terms, scorer=OSA.distance, score_cutoff=typos, limit=None
        ):
            found[index] = distance
        if len(word) >= MIN_PREFIX_FUZZY_LENGTH:  # mid-word while typing: "investigat"
            heads = [term[: len(word)] for term in terms]
            for _, distance, index in process.extract(
                word, heads, scorer=OSA.distance, score_cutoff=typos, limit=None
            ):
                found[index] = min(found.get(index, typos), distance)
        ranked = sorted(
            (distance, -counts[index], terms[index])
            for index, distance in found.items()
            if counts[index] > typed_docs
            and terms[index].isalpha()
            and not terms[index].startswith(word)
        )
        return tuple(term for _, _, term in ranked[:limit])


class NameIndex:
    """Short names (speakers with their aliases, sources) matched word by word:
    every word typed must begin a word of the name; failing that, be a typo of one."""

    def __init__(self, names: list[list[str]]) -> None:
        self._owners: dict[str, list[int]] = {}
        for entry, variants in enumerate(names):
            for word in {w for name in variants for w in words_of(name)}:
                self._owners.setdefault(word, []).append(entry)
        self._words = sorted(self._owners)

    def match(self, text: str) -> set[int]:
        wanted = [w for w in words_of(text) if w != "the"] or words_of(text)
        if not wanted:
            return set()
        exact = self._entries(wanted, self._starting_with)
        return exact if exact else self._entries(wanted, self._typos_of)

    def _entries(self, wanted: list[str], words_for) -> set[int]:
        entries: set[int] | None = None
        for word in wanted:
            found = {e for w in words_for(word) for e in self._owners[w]}
            entries = found if entries is None else entries & found
            if not entries:
                return set()
        return entries or set()

    def _starting_with(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self._words, prefix)
        end = bisect.bisect_left(self._words, prefix + "\U0010ffff")
        return self._words[start:end]

    def _typos_of(self, word: str) -> list[str]:
        typos = max_typos(word)
        if not typos:
            return []
        return [
            match
            for match, _, _ in process.extract(
                word, self._words, scorer=OSA.distance, score_cutoff=typos, limit=None
            )
        ]
