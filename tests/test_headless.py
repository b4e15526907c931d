"""corpus/ is the headless core: it must never import textual, directly or not."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.py")), ids=lambda p: p.name)
def test_no_corpus_module_imports_textual_or_the_tui(path: Path) -> None:
    bad = {m for m in _imported_modules(path) if m.split(".")[0] == "textual" or "tui" in m}
    assert not bad, f"{path} imports {bad}"


def test_importing_the_cli_loads_no_textual() -> None:
    """The CLI must stay quick to start: `quoth search` never pays for the TUI."""
    code = (
        "import sys, quoth.corpus.cli, quoth.corpus.ingest, quoth.corpus.store;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_reading_commands_do_not_load_the_extractor(tmp_path: Path) -> None:
    """`quoth stats`, `search`, `quotes` read the corpus: loading the extractor's
    lexicons and modules would only slow their start."""
    code = (
        "import sys; from quoth.__main__ import main;"
        f"main(['--db', {str(tmp_path / 'c.db')!r}, 'stats']);"
        "print(sorted(m for m in sys.modules if m.startswith('quoth.corpus.extract.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
