"""Entry point for `quoth` and `python -m quoth`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def _open_reader(db_path: Path, demo: bool, mouse: bool) -> int:
    # Imported here so that CLI commands never pay for loading Textual.
    from quoth.tui.app import run_reader

    return run_reader(db_path, demo=demo, mouse=mouse)


def _serve(db_path: Path, host: str, port: int) -> int:
    from quoth.tui.serve import serve

    return serve(db_path, host=host, port=port)


def main(argv: Sequence[str] | None = None) -> int:
    from quoth.corpus.cli import run

    return run(argv, open_reader=_open_reader, serve=_serve)


if __name__ == "__main__":
    sys.exit(main())
