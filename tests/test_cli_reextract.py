"""`quoth reextract` end to end, as a user who upgraded quoth runs it."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from quoth.corpus import store
from quoth.corpus.cli import run

ARTICLES = {
    "bridge.txt": """Harbour bridge vote delayed again

PORT ELLIN: The city council on Tuesday postponed its vote on the harbour bridge.

"We are not going to rush a decision of this size," said Mayor Tomas Ruiz.

"The delay will cost the city millions," said Mira Hale, an opposition councillor.
""",
    "rail.txt": """Rail strike talks resume

"We want a fair deal for every driver," union leader Dana Kors told reporters.

"Our offer stands," a spokesman for the operator said.
""",
    "wind.txt": """Wind farm approved

"It is a good day for the coast," Energy Minister Lena Moss said on Friday.
""",
}

SUMMARY = re.compile(r"^(\d+) articles? re-extracted: (\d+) quotes \(was (\d+)\)$")


def quoth(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUOTH_DB": str(db), "NO_COLOR": "1",
           "XDG_CONFIG_HOME": str(db.parent / "config")}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "quoth", *args], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A corpus whose quotes an 'older quoth' stored: each article lost its last quote."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "c.db"
    assert quoth("ingest", str(folder), db=path).returncode == 0
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("BEGIN")
        conn.execute("DELETE FROM quotes WHERE id IN "
                     "(SELECT max(id) FROM quotes GROUP BY article_id)")  # fmt: skip
        conn.execute("UPDATE articles SET extractor_version = 1, quote_count = "
                     "(SELECT count(*) FROM quotes WHERE article_id = articles.id)")  # fmt: skip
        conn.execute("COMMIT")
    return path


def stats(db: Path) -> dict:
    import json

    return json.loads(quoth("stats", "--json", db=db).stdout)


def test_help_has_one_line(tmp_path: Path) -> None:
    result = quoth("reextract", "--help", db=tmp_path / "c.db")
    assert result.returncode == 0 and "usage: quoth reextract" in result.stdout
    listing = quoth("--help", db=tmp_path / "c.db").stdout
    assert re.search(r"^\s+reextract\s+\S", listing, re.MULTILINE)


def test_reextract_refreshes_quotes_and_reports(db: Path) -> None:
    before = stats(db)
    assert before["stale_articles"] == 3 and before["quotes"] == 2
    assert "extracted by an older quoth" in quoth("stats", db=db).stdout

    result = quoth("reextract", db=db)
    assert result.returncode == 0, result.stderr
    assert SUMMARY.match(result.stdout.strip()).groups() == ("3", "5", "2")
    after = stats(db)
    assert after["stale_articles"] == 0 and after["quotes"] == 5
    assert {"articles", "quotes", "speakers"} <= set(after)
    assert "older quoth" not in quoth("stats", db=db).stdout

    spoken = quoth("quotes", "--speaker", "Mira Hale", db=db).stdout
    assert "cost the city millions" in spoken


def test_a_query_or_stale_restricts_the_run(db: Path) -> None:
    result = quoth("reextract", "harbour", db=db)
    assert SUMMARY.match(result.stdout.strip()).group(1) == "1"
    assert stats(db)["stale_articles"] == 2
    rest = quoth("reextract", "--stale", "--json", db=db)
    assert '"articles": 2' in rest.stdout and stats(db)["stale_articles"] == 0
    assert SUMMARY.match(quoth("reextract", "--stale", db=db).stdout.strip()).group(1) == "0"


def test_a_read_only_corpus_fails_with_one_line(db: Path, read_only_cli: list[str]) -> None:
    """Root may write anything, so the lack of permission is simulated."""
    before = db.read_bytes()
    env = {**os.environ, "QUOTH_DB": str(db), "XDG_CONFIG_HOME": str(db.parent / "config")}
    result = subprocess.run([*read_only_cli, "reextract"],
                            capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "read-only" in line and str(db) in line
    assert db.read_bytes() == before


def test_ctrl_c_stops_with_one_line_and_130(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(self, article):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(store.CorpusWriter, "_replace_one", interrupted)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(db.parent / "config"))
    assert run(["reextract", "--db", str(db)]) == 130
    out, err = capsys.readouterr()
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("quoth: interrupted; 0 of 3 articles re-extracted")
    monkeypatch.undo()
    assert stats(db)["stale_articles"] == 3  # nothing half done
