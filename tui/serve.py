"""`quoth serve`: the same reader in a web browser, through textual-serve.

Loopback by default: the corpus is private unless the user binds elsewhere on
purpose. Over SSH, tunnel it: `ssh -L 8000:127.0.0.1:8000 server`.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path


def reader_command(db_path: Path) -> str:
    """The command each browser session runs: this Python, this corpus."""
    return " ".join(
        shlex.quote(part) for part in (sys.executable, "-m", "quoth", "--db", str(db_path))
    )


def serve(db_path: Path, *, host: str = "127.0.0.1", port: int = 8000) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        sys.stderr.write("quoth serve needs the serve extra: pip install 'quoth[serve]'\n")
        return 1
    Server(reader_command(db_path), host=host, port=port, title="quoth").serve()
    return 0
