"""The bundled sample corpus: built once into the user's cache, never into their corpus."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from .ingest import IngestReport, ingest
from .store import Corpus


def demo_files() -> list[Path]:
    root = Path(str(resources.files("quoth.corpus") / "demo"))
    return sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))


def _fingerprint(files: list[Path]) -> str:
    """Changes whenever a demo file, quoth's version or the extractor's changes."""
    from .. import __version__
    from .extractor_version import EXTRACTOR_VERSION

    digest = hashlib.sha256(f"{__version__}/{EXTRACTOR_VERSION}".encode())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def demo_db_path() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("quoth") / f"demo-{_fingerprint(demo_files())}.db"


def build_demo(path: Path | None = None) -> tuple[Path, IngestReport | None]:
    """Ingest the demo files into `path` (default: the cache) unless already there."""
    target = path or demo_db_path()
    if target.exists():
        return target, None
    partial = target.with_suffix(".partial")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    with Corpus(partial) as corpus:
        report = ingest(corpus, [str(p) for p in demo_files()])
        corpus.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        corpus.conn.execute("PRAGMA journal_mode = DELETE")
    partial.replace(target)  # atomic: a half-built demo is never opened
    return target, report
