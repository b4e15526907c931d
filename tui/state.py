"""What the reader remembers between runs: the last query and selection, per corpus.

One small JSON file in the user's state directory, keyed by the corpus path,
so two corpora do not overwrite each other's place. The file is a convenience:
a missing, unreadable or corrupt file means "nothing remembered", never an
error, and it is replaced atomically so a crash cannot leave half of it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .sorting import RELEVANCE, SORT_ORDERS

# Enough for anyone's corpora; the oldest entries go first beyond this.
MAX_REMEMBERED_CORPORA = 50


@dataclass(frozen=True)
class SessionState:
    query: str = ""
    article_id: int | None = None
    sort: str = RELEVANCE


def state_path() -> Path:
    override = os.environ.get("QUOTH_STATE")
    if override:
        return Path(override).expanduser()
    import platformdirs  # deferred: only needed when the app starts

    return platformdirs.user_state_path("quoth") / "state.json"


def corpus_key(corpus_path: Path) -> str:
    """The same corpus reached by two spellings of its path shares one entry."""
    try:
        return str(Path(corpus_path).expanduser().resolve())
    except OSError:
        return str(corpus_path)


def load_state(corpus_path: Path, path: Path | None = None) -> SessionState:
    entry = _read_all(path or state_path()).get(corpus_key(corpus_path))
    return _state_from(entry) if isinstance(entry, dict) else SessionState()


def save_state(corpus_path: Path, state: SessionState, path: Path | None = None) -> bool:
    """Remember `state` for this corpus; False (and nothing raised) if it cannot be written."""
    target = path or state_path()
    entries = _read_all(target)
    key = corpus_key(corpus_path)
    entries.pop(key, None)  # re-inserted last: the dict's order is the age order
    entries[key] = {"query": state.query, "article_id": state.article_id, "sort": state.sort}
    while len(entries) > MAX_REMEMBERED_CORPORA:
        entries.pop(next(iter(entries)))
    try:
        _write_atomically(target, json.dumps(entries, ensure_ascii=False, indent=1))
    except OSError:
        return False
    return True


def _read_all(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _state_from(entry: dict[str, object]) -> SessionState:
    """Each field checked on its own: one bad value does not lose the others."""
    query = entry.get("query")
    article_id = entry.get("article_id")
    sort = entry.get("sort")
    return SessionState(
        query=query if isinstance(query, str) else "",
        article_id=article_id
        if isinstance(article_id, int) and not isinstance(article_id, bool)
        else None,
        sort=sort if isinstance(sort, str) and sort in SORT_ORDERS else RELEVANCE,
    )


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".state-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
