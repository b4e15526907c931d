"""Shared helpers for the reliability battery: run `quoth` the way a user does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

# A plain article the extractor finds quotes in, so every battery has something good to keep.
GOOD_ARTICLE = """Harbour bridge vote delayed again

PORT ELLIN: The city council on Tuesday postponed its vote on the harbour bridge.

"We are not going to rush a decision of this size," said Mayor Tomas Ruiz.

Opposition councillor Mira Hale said the delay would cost the city millions.
"""


def quoth_env(db: Path) -> dict[str, str]:
    # XDG_CONFIG_HOME: a user's config file must not change what these tests see.
    return {**os.environ, "QUOTH_DB": str(db), "NO_COLOR": "1",
            "XDG_CONFIG_HOME": str(db.parent / "config")}  # fmt: skip


def run_quoth(
    *args: str, db: Path, stdin: bytes | None = None, timeout: float = 120, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m quoth ARGS` with QUOTH_DB=db; stdout/stderr decoded leniently so that a
    stray byte never hides what the program printed."""
    result = subprocess.run(
        [sys.executable, "-m", "quoth", *args],
        input=stdin, capture_output=True, env=quoth_env(db), timeout=timeout, cwd=cwd,
    )  # fmt: skip
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", errors="backslashreplace"),
        result.stderr.decode("utf-8", errors="backslashreplace"),
    )


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stdout, result.stdout[-3000:]


class Quoth:
    """The `quoth` fixture: call it like the command; helpers ride along, because test
    modules cannot import this conftest under --import-mode=importlib."""

    good_article = GOOD_ARTICLE
    json_lines = staticmethod(json_lines)
    no_traceback = staticmethod(assert_no_traceback)
    env = staticmethod(quoth_env)

    def __call__(self, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return run_quoth(*args, **kwargs)  # type: ignore[arg-type]

    def many(
        self, commands: list[tuple[str, ...]], **kwargs: object
    ) -> list[subprocess.CompletedProcess[str]]:
        """Several independent commands at once (they only read), results in order."""
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(lambda args: run_quoth(*args, **kwargs), commands))


@pytest.fixture(scope="session")
def quoth() -> Quoth:
    return Quoth()
