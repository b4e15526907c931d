"""Export the reader's current results to a file the app names itself.

The palette has no file dialog (and over SSH there is no desktop to show one),
so the file is `quoth-export-YYYYmmdd-HHMMSS.jsonl` in the directory quoth was
started from, or in the home directory when that one is not writable. The
notification says where it went.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

EXPORT_FORMATS = ("jsonl", "csv")


def export_file_name(now: datetime, fmt: str = "jsonl", quotes: bool = False) -> str:
    kind = "quotes" if quotes else "export"
    return f"quoth-{kind}-{now:%Y%m%d-%H%M%S}.{fmt}"


def export_directory(candidates: Sequence[Path] | None = None) -> Path:
    """The first writable of the working directory and home (home if none is)."""
    options = list(candidates) if candidates is not None else [Path.cwd(), Path.home()]
    for folder in options:
        if folder.is_dir() and os.access(folder, os.W_OK):
            return folder
    return options[-1]


def free_path(folder: Path, name: str) -> Path:
    """`name` in `folder`, numbered when two exports land in the same second."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


def export_results(
    db_path: Path,
    article_ids: Sequence[int],
    *,
    fmt: str = "jsonl",
    quotes: bool = False,
    folder: Path | None = None,
    now: datetime | None = None,
) -> tuple[Path, int]:
    """Write the articles (or their quotes) to a new file; returns (path, rows written).

    Opens its own connection: it runs in a worker thread, and sqlite3
    connections must stay in the thread that made them.
    """
    from ..corpus.export import export
    from ..corpus.store import Corpus

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    target = free_path(
        folder or export_directory(), export_file_name(now or datetime.now(), fmt, quotes)
    )
    with (
        Corpus(db_path, readonly=True) as corpus,
        target.open("x", encoding="utf-8", newline="") as out,
    ):
        written = export(corpus, article_ids, out, fmt=fmt, quotes=quotes)
    return target, written
