"""What the reader loads before its first frame: only what that frame needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DEFERRED = (
    "quoth.tui.widgets.quotes_panel",
    "quoth.tui.keys",
    "quoth.tui.screens.welcome",
    "quoth.corpus.store",
    "quoth.corpus.search",
)


def _loaded_after_configure(corpus_path: Path, config: str) -> list[str]:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from quoth.corpus.config import Config\n"
        "from quoth.tui.app import QuothApp\n"
        f"app = QuothApp(Path({str(corpus_path)!r}))\n"
        f"app.configure({config})\n"
        f"print(' '.join(m for m in {DEFERRED!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_configuring_without_a_keys_table_imports_no_other_widgets(corpus_path: Path) -> None:
    assert _loaded_after_configure(corpus_path, "Config()") == []


def test_a_keys_table_is_still_checked_against_every_binding(corpus_path: Path) -> None:
    loaded = _loaded_after_configure(corpus_path, "Config(keys={'quoth.quit': 'ctrl+q'})")
    assert "quoth.tui.keys" in loaded
